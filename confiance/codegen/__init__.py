"""``confiance codegen``: the command group that renders the dbt files derived from the contracts and the core.

Only its command-line module lives here (``confiance.codegen.cli``); the rendering is in
``governance.dbt_sources`` and ``governance.dbt_seeds``.
"""
