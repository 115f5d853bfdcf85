{#- A published value: itself when the cell is not masked, null otherwise. -#}
{% macro masked(column, data_type=none) -%}
    {%- if data_type -%}
    {{ dbt.cast("case when masking = 'none' then " ~ column ~ " end", data_type) }}
    {%- else -%}
    case when masking = 'none' then {{ column }} end
    {%- endif -%}
{%- endmacro %}

{#- The published counts and amounts of a consumption cell (member and line counts, the four amounts),
    each followed by a comma: the select goes on with its masking column. -#}
{% macro masked_cell_values() -%}
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('benefit_line_count', 'bigint') }} as benefit_line_count,
    {{ masked('actual_cost', 'decimal(18, 2)') }} as actual_cost,
    {{ masked('ss_reimbursement', 'decimal(18, 2)') }} as ss_reimbursement,
    {{ masked('complementary_reimbursement', 'decimal(18, 2)') }} as complementary_reimbursement,
    {{ masked('out_of_pocket', 'decimal(18, 2)') }} as out_of_pocket,
{%- endmacro %}
