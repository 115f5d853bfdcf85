"""Statistical disclosure control of everything one consumer receives, solved together with HiGHS.

``model`` holds the typed records (rules, table specs, releases, audit reports),
``relations`` derives what an attacker can add up, ``protect`` applies the
primary rules, chooses secondary cells and runs the attacker's audit.
"""

from governance.sdc.model import AuditReport, CellTable, Release, Rules, TableSpec
from governance.sdc.protect import audit, primary_mask, suppress

__all__ = ["AuditReport", "CellTable", "Release", "Rules", "TableSpec", "audit", "primary_mask", "suppress"]
