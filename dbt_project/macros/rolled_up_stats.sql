{#-
  grouping_sets_levels: one aggregation of <source> at several generalisation levels in ONE pass
  (GROUPING SETS), instead of one scan and one aggregation per level.

  source      relation/CTE aggregated
  levels      list of {'id': level number, 'dims': {name: sql expression over source}}; every level
              has the same dim names and no two levels the same set of expressions
  keys        columns of source grouped at every level
  aggregates  {name: aggregate sql expression over source}
  out         name of the resulting CTE; columns: <level_col>, <keys>, <dims>, <aggregates>

  Every distinct dims expression becomes one column; a level is the grouping set of the keys and its
  own columns, recognised in the result by which columns are grouped (grouping(col) = 0, the same
  in DuckDB and Spark). A null dim value stays null (grouping() tells it from a rolled-up column).
-#}
{% macro grouping_sets_levels(source, levels, keys, aggregates, out, level_col='generalisation_level') -%}
{%- set dim_names = levels[0]['dims'].keys() | list -%}
{%- set exprs = [] -%}
{%- set cols_of = [] -%}
{%- for level in levels -%}
    {%- set cols = [] -%}
    {%- for name in dim_names -%}
        {%- set expr = level['dims'][name] -%}
        {%- if expr not in exprs -%}{%- do exprs.append(expr) -%}{%- endif -%}
        {%- do cols.append(exprs.index(expr) + 1) -%}
    {%- endfor -%}
    {%- do cols_of.append(cols) -%}
{%- endfor -%}
{%- set seen = [] -%}
{%- for cols in cols_of -%}
    {%- set signature = cols | unique | sort | join(',') -%}
    {%- if signature in seen -%}
        {{ exceptions.raise_compiler_error("grouping_sets_levels: two levels of " ~ out ~ " group by the same dims") }}
    {%- endif -%}
    {%- do seen.append(signature) -%}
{%- endfor -%}
{{ out }}_dims as (
    select
        gs_source.*
        {%- for expr in exprs %},
        {{ expr }} as gs_dim_{{ loop.index }}
        {%- endfor %}
    from {{ source }} as gs_source
),

{{ out }}_sets as (
    select
        case
            {%- for level in levels %}
            {%- set cols = cols_of[loop.index0] %}
            when {% for i in range(1, exprs | length + 1) -%}
                grouping(gs_dim_{{ i }}) = {{ 0 if i in cols else 1 }}{{ " and " if not loop.last }}
            {%- endfor %} then {{ level['id'] }}
            {%- endfor %}
        end as {{ level_col }},
        {%- for c in keys %}
        {{ c }},
        {%- endfor %}
        {%- for expr in exprs %}
        gs_dim_{{ loop.index }},
        {%- endfor %}
        {%- for name, agg in aggregates.items() %}
        {{ agg }} as {{ name }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ out }}_dims
    group by grouping sets (
        {%- for cols in cols_of %}
        ({{ keys | join(', ') }}
        {%- for i in cols | unique | sort %}{{ ", " if keys or not loop.first }}gs_dim_{{ i }}{% endfor %}){{ "," if not loop.last }}
        {%- endfor %}
    )
),

{{ out }} as (
    select
        {{ level_col }},
        {%- for c in keys %}
        {{ c }},
        {%- endfor %}
        {%- for name in dim_names %}
        {%- set dim_loop = loop %}
        case {{ level_col }}
            {%- for level in levels %}
            when {{ level['id'] }} then gs_dim_{{ cols_of[loop.index0][dim_loop.index0] }}
            {%- endfor %}
        end as {{ name }},
        {%- endfor %}
        {%- for name in aggregates %}
        {{ name }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ out }}_sets
)
{%- endmacro %}

{#-
  rolled_up_stats: the cell statistics of protected_cells' levels, one GROUPING SETS aggregation per
  period grain (grouping_sets_levels) instead of one aggregation per level.

  base_prefix  CTE name prefix of the per-grain member bases (<prefix><grain>): one row per member,
               partition, care_year, period_start, family and kept attributes, with the member's
               generalisable attributes, lines_col and the measures summed over that row. A member
               falls in exactly one cell of every level, so a cell's row count is its number of
               distinct consuming members and its largest rows are its largest member contributions
               (no count distinct needed).
  levels       protected_cells' levels ({'grain', 'attrs', 'dims'}), least -> most generalised
  partition_by, fam  the partition columns and the family column (a list of 0 or 1 name)
  measures     additive amount columns
  out          name of the resulting CTE, one row per level and cell:
    generalisation_level (the level's 1-based index in levels), <partition_by>, care_year,
    period_start, [<family>], <dims>, member_count, benefit_line_count, <m>, <m>_top1, <m>_top2
  the same rows and values as top_contributions over each level on its own.
-#}
{% macro rolled_up_stats(base_prefix, levels, partition_by, fam, measures, out, lines_col='pc_lines') -%}
{%- set dim_names = levels[0]['dims'].keys() | list -%}
{%- set keys = partition_by + ['care_year', 'period_start'] + fam -%}
{%- set aggregates = {'member_count': 'count(*)', 'benefit_line_count': 'sum(' ~ lines_col ~ ')'} -%}
{%- for m in measures -%}
    {%- do aggregates.update({m: 'sum(' ~ m ~ ')', m ~ '_top_two': top_two(m)}) -%}
{%- endfor -%}
{%- set grains = [] -%}
{%- for level in levels -%}
    {%- if level['grain'] not in grains -%}{%- do grains.append(level['grain']) -%}{%- endif -%}
{%- endfor -%}
{%- for grain in grains %}
{%- set grain_levels = [] -%}
{%- for level in levels -%}
    {%- if level['grain'] == grain -%}{%- do grain_levels.append({'id': loop.index, 'dims': level['dims']}) -%}{%- endif -%}
{%- endfor %}
{{ grouping_sets_levels(base_prefix ~ grain, grain_levels, keys, aggregates, out ~ '_' ~ grain ~ '_sets') }},

{{ out }}_{{ grain }} as (
    select
        generalisation_level,
        {%- for c in keys + dim_names %}
        {{ c }},
        {%- endfor %}
        member_count,
        benefit_line_count
        {%- for m in measures %},
        {{ m }},
        coalesce({{ element(m ~ '_top_two', 1) }}, 0) as {{ m }}_top1,
        coalesce({{ element(m ~ '_top_two', 2) }}, 0) as {{ m }}_top2
        {%- endfor %}
    from {{ out }}_{{ grain }}_sets
),
{%- endfor %}

{{ out }} as (
    {%- for grain in grains %}
    select * from {{ out }}_{{ grain }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)
{%- endmacro %}
