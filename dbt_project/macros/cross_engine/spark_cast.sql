{#-
  dbt.cast on Spark. The contracts of the marts declare text columns as `varchar` (DuckDB's name);
  Spark wants a length for VARCHAR, and its text type is STRING. dbt builds the empty schema it
  checks a model contract against with dbt.cast(null, <declared type>): a bare character type is
  cast to STRING here, every other type as declared. dbt looks for spark__cast in the root project
  first.
-#}
{% macro spark__cast(field, type) -%}
    {%- set declared = type | string | trim -%}
    {%- if declared | lower in ('varchar', 'text', 'char', 'character varying', 'bpchar') -%}
        {%- set declared = 'string' -%}
    {%- endif -%}
    cast({{ field }} as {{ declared }})
{%- endmacro %}
