{#-
  crossing_stamp(source_relation): the staging column _crossing, the stamp of the vault crossing that wrote the
  row (confiance.crossing_rules.CROSSING_STAMP: one BIGINT per crossing, its start in microseconds; an appended
  crossing stamps the records it re-crossed, a whole crossing every row). It says nothing about a person; the
  incremental int_benefits__member_atoms reads it to find the members whose rows changed since it was built.
  A warehouse written before the crossing stamped its rows (or built by hand without the column) gets a null
  stamp: nothing tells what changed there, and the atoms are then rebuilt whole.
-#}
{% macro crossing_stamp(source_relation) -%}
    {%- set has_stamp = false -%}
    {%- if execute -%}
        {%- set columns = adapter.get_columns_in_relation(source_relation) | map(attribute='name')
            | map('lower') | list -%}
        {%- set has_stamp = '_crossing' in columns -%}
    {%- endif -%}
    {%- if has_stamp -%}
        cast(_crossing as {{ dbt.type_bigint() }}) as _crossing
    {%- else -%}
        cast(null as {{ dbt.type_bigint() }}) as _crossing
    {%- endif -%}
{%- endmacro %}
