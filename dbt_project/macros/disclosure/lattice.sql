{#-
  full_domain_lattice: the nodes of an ARX-style full-domain generalisation
  lattice, built at compile time (no SQL).

  hierarchies  list of {'name': column name, 'levels': [finest, ..., most general]}
               e.g. {'name': 'geo_level', 'levels': ['departement', 'region', 'country']}

  Returns one dict per node (every combination of one level per hierarchy):
    id              1..N, ordered by height then by the levels of the hierarchies in order
    <name>          the level's value for each hierarchy
    <name>_rank     the level's index (0 = finest)
    height          sum of the indexes (0 = no generalisation)
    precision_loss  1 - Sweeney's precision, as an integer in units of 1 / (n * product of
                    the hierarchies' heights): sum over hierarchies of index / height. Integer,
                    so that nodes of equal precision compare equal in SQL.
-#}
{% macro full_domain_lattice(hierarchies) -%}
    {%- set scale = namespace(value=1) -%}
    {%- for h in hierarchies -%}
        {%- set scale.value = scale.value * ((h['levels'] | length) - 1) -%}
    {%- endfor -%}
    {%- set acc = namespace(nodes=[{'height': 0, 'precision_loss': 0, 'order': []}]) -%}
    {%- for h in hierarchies -%}
        {%- set top = (h['levels'] | length) - 1 -%}
        {%- set grown = [] -%}
        {%- for node in acc.nodes -%}
            {%- for value in h['levels'] -%}
                {%- set child = node.copy() -%}
                {%- do child.update({
                    h['name']: value,
                    h['name'] ~ '_rank': loop.index0,
                    'height': node['height'] + loop.index0,
                    'precision_loss': node['precision_loss'] + (loop.index0 * scale.value // top),
                    'order': node['order'] + [loop.index0],
                }) -%}
                {%- do grown.append(child) -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- set acc.nodes = grown -%}
    {%- endfor -%}
    {%- set nodes = [] -%}
    {%- for node in acc.nodes | sort(attribute='order') | sort(attribute='height') -%}
        {%- set numbered = node.copy() -%}
        {%- do numbered.update({'id': loop.index}) -%}
        {%- do nodes.append(numbered) -%}
    {%- endfor -%}
    {{ return(nodes) }}
{%- endmacro %}
