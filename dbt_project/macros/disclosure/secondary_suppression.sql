{#-
  secondary_suppression: CTEs that mask, in every group whose total can be
  published or derived (a margin, a yearly total, an employer's total), the
  least informative unmasked cell when the group holds exactly one masked cell,
  so that no masked value equals "group total minus the published cells".
  Repeated `passes` times (a new mask can isolate another cell); the generic
  test `no_isolated_masked_cell` proves convergence on the built table.

  source   CTE with the cells and a column `masking`
  columns  every column of source except `masking`
  groups   list of lists of columns; each inner list defines one family of groups
  order_by columns ranking candidates (smallest first)
  out      name of the last CTE produced
-#}
{% macro secondary_suppression(source, columns, groups, order_by, out, passes=none) -%}
{%- set n_passes = passes if passes is not none else var('secondary_suppression_passes', 6) -%}
{%- set ns = namespace(prev=source) -%}
{%- for p in range(n_passes) %}
{%- for group in groups %}
{%- set name = 'ss_' ~ out ~ '_' ~ p ~ '_' ~ loop.index %}
{{ name }}_ranked as (
    select
        {%- for c in columns %}
        {{ c }},
        {%- endfor %}
        masking,
        sum(case when masking <> 'none' then 1 else 0 end) over (
            partition by {{ group | join(', ') }}
        ) as ss_masked_in_group,
        row_number() over (
            partition by {{ group | join(', ') }}
            order by case when masking = 'none' then 0 else 1 end, {{ (order_by + columns) | join(', ') }}
        ) as ss_rank
    from {{ ns.prev }}
),
{{ name }} as (
    select
        {%- for c in columns %}
        {{ c }},
        {%- endfor %}
        case
            when masking = 'none' and ss_masked_in_group = 1 and ss_rank = 1 then 'secondary'
            else masking
        end as masking
    from {{ name }}_ranked
),
{%- set ns.prev = name %}
{%- endfor %}
{%- endfor %}
{{ out }} as (
    select * from {{ ns.prev }}
)
{%- endmacro %}
