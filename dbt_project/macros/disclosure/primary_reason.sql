{#-
  primary_reason_case: the primary masking reason of a cell, from its true values (a SQL case
  expression over the cell's columns member_count, <m>, <m>_top1, <m>_top2):
    'k'          0 < member_count < k (or extra_k_condition holds)
    'dominance'  for some amount m with a positive total, m_top1 > dominance x m
    'p_percent'  for some amount m with a positive total, m - m_top1 - m_top2 < p x m_top1
    'none'       otherwise; a cell nobody consumed in is never primary.
-#}
{% macro primary_reason_case(consumer, measures, count_col='member_count', extra_k_condition=none) -%}
{%- set k = disclosure_param(consumer, 'k') -%}
{%- set dominance = disclosure_param(consumer, 'dominance') -%}
{%- set p = disclosure_param(consumer, 'p_percent') -%}
case
    when {{ count_col }} > 0 and {{ count_col }} < {{ k }} then 'k'
    {%- if extra_k_condition %}
    when {{ extra_k_condition }} then 'k'
    {%- endif %}
    {%- if measures %}
    when {% for m in measures %}({{ m }} > 0 and {{ m }}_top1 > {{ dominance }} * {{ m }}){{ " or " if not loop.last }}{% endfor %}
        then 'dominance'
    when {% for m in measures %}({{ m }} > 0 and {{ m }} - {{ m }}_top1 - {{ m }}_top2 < {{ p }} * {{ m }}_top1){{ " or " if not loop.last }}{% endfor %}
        then 'p_percent'
    {%- endif %}
    else 'none'
end
{%- endmacro %}

{#-
  top_contributions: CTE(s) ending in <out>, aggregating a relation of one row per member and cell
  (columns: cell keys, pc_lines, measures) into cells: member_count, benefit_line_count, each measure,
  its largest and second-largest single-member contributions (<m>_top1, <m>_top2; 0 if none).
  Portable version: one row_number window per measure; DuckDB: its top-n aggregate max(m, 2).
-#}
{% macro top_contributions(member_cells, cell_keys, measures, out, lines_col='pc_lines') -%}
    {{ return(adapter.dispatch('top_contributions', 'confiance')(member_cells, cell_keys, measures, out, lines_col)) }}
{%- endmacro %}

{% macro default__top_contributions(member_cells, cell_keys, measures, out, lines_col) -%}
{{ out }}_ranked as (
    select
        {{ member_cells }}.*
        {%- for m in measures %},
        row_number() over (partition by {{ cell_keys | join(', ') }} order by {{ m }} desc) as {{ m }}_rank
        {%- endfor %}
    from {{ member_cells }}
),

{{ out }} as (
    select
        {{ cell_keys | join(', ') }},
        count(*) as member_count,
        sum({{ lines_col }}) as benefit_line_count
        {%- for m in measures %},
        sum({{ m }}) as {{ m }},
        coalesce(max(case when {{ m }}_rank = 1 then {{ m }} end), 0) as {{ m }}_top1,
        coalesce(max(case when {{ m }}_rank = 2 then {{ m }} end), 0) as {{ m }}_top2
        {%- endfor %}
    from {{ out }}_ranked
    group by {{ cell_keys | join(', ') }}
)
{%- endmacro %}

{% macro duckdb__top_contributions(member_cells, cell_keys, measures, out, lines_col) -%}
{{ out }}_lists as (
    select
        {{ cell_keys | join(', ') }},
        count(*) as member_count,
        sum({{ lines_col }}) as benefit_line_count
        {%- for m in measures %},
        sum({{ m }}) as {{ m }},
        max({{ m }}, 2) as {{ m }}_top_two
        {%- endfor %}
    from {{ member_cells }}
    group by {{ cell_keys | join(', ') }}
),

{{ out }} as (
    select
        {{ cell_keys | join(', ') }},
        member_count,
        benefit_line_count
        {%- for m in measures %},
        {{ m }},
        coalesce({{ m }}_top_two[1], 0) as {{ m }}_top1,
        coalesce({{ m }}_top_two[2], 0) as {{ m }}_top2
        {%- endfor %}
    from {{ out }}_lists
)
{%- endmacro %}
