{#- A published value: itself when the cell is not masked, null otherwise. -#}
{% macro masked(column, data_type=none) -%}
    {%- if data_type -%}
    cast(case when masking = 'none' then {{ column }} end as {{ data_type }})
    {%- else -%}
    case when masking = 'none' then {{ column }} end
    {%- endif -%}
{%- endmacro %}
