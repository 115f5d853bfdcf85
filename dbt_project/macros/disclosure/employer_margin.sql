{#-
  employer_margin_stats: CTEs ending in `stats` and `grid`, shared by the EXACT margins of an
  employer's consumption grid (int_disclosure__employer_totals, int_disclosure__employer_yearly):
  every atom of int_benefits__member_atoms placed in its employer's published cell (generalised as
  the level chosen in int_disclosure__employer_consumption says), kept only in the cells published
  there (the members of its population groups, its closed periods), then aggregated per cell_keys
  with the two largest single-member contributions (top_contributions).
    chosen  employer_siret, generalisation_level, period_grain, age_band_width, sex_level
    stats   cell_keys, member_count, benefit_line_count, each measure and its _top1, _top2
    grid    employer_siret, care_year, population (the sum of the published groups' populations,
            which are disjoint)
  cell_keys starts with employer_siret, care_year; any further key is a column of the atoms.
  atoms_relation: the atoms to place (default int_benefits__member_atoms); a CTE of the calling
  model that adds a column to them (int_disclosure__employer_broad_families adds broad_family).
-#}
{% macro employer_margin_stats(cell_keys, measures, atoms_relation=none) -%}
consumption as (
    select * from {{ ref('int_disclosure__employer_consumption') }}
),

chosen as (
    select distinct employer_siret, generalisation_level, period_grain, age_band_width, sex_level
    from consumption
),

scope as (
    select distinct employer_siret, care_year, period_start, age_band, sex
    from consumption
),

groups as (
    select distinct employer_siret, care_year, age_band, sex, population
    from consumption
),

{#- Every atom placed in its employer's published cell (generalised as the chosen level says). -#}
placed as (
    select
        {%- for c in cell_keys %}
        atoms.{{ c }},
        {%- if loop.first %}
        atoms.member_token,
        {%- endif %}
        {%- endfor %}
        atoms.line_count,
        {%- for m in measures %}
        atoms.{{ m }},
        {%- endfor %}
        case chosen.period_grain
            when 'month' then {{ period_start('atoms.care_month', 'month') }}
            when 'quarter' then {{ period_start('atoms.care_month', 'quarter') }}
            else {{ period_start('atoms.care_month', 'year') }}
        end as period_start,
        case chosen.age_band_width
            {%- for width in [5, 10, 20] %}
            when {{ width }} then {{ age_band('atoms.age_at_care', width) }}
            {%- endfor %}
            else {{ age_band('atoms.age_at_care', 'all') }}
        end as age_band,
        case when chosen.sex_level = 'sex' then atoms.sex else {{ sex_group('all') }} end as sex
    from {{ atoms_relation or ref('int_benefits__member_atoms') }} as atoms
    inner join chosen on atoms.employer_siret = chosen.employer_siret
),

member_cells as (
    select
        {% for c in cell_keys %}placed.{{ c }}, {% endfor %}
        sum(placed.line_count) as pc_lines
        {%- for m in measures %},
        sum(placed.{{ m }}) as {{ m }}
        {%- endfor %}
    from placed
    inner join scope
        on placed.employer_siret = scope.employer_siret
        and placed.care_year = scope.care_year
        and placed.period_start = scope.period_start
        and placed.age_band = scope.age_band
        and placed.sex = scope.sex
    group by {% for c in cell_keys %}placed.{{ c }}, {% endfor %}placed.member_token
),

{{ top_contributions('member_cells', cell_keys, measures, 'stats') }},

grid as (
    select employer_siret, care_year, sum(population) as population
    from groups
    group by employer_siret, care_year
)
{%- endmacro %}


{#-
  employer_margin_cells: the end of an EXACT margin model (after employer_margin_stats): the `cells`
  CTE — every published (employer, care year) of the grid, crossed with the values of one optional
  dimension (a relation of the calling model: its `key` column joins the stats, its `extra` columns
  are carried along) — and the final select with its primary masking reason.
-#}
{% macro employer_margin_cells(measures, dimension=none, key=none, extra=[]) -%}
cells as (
    select
        chosen.generalisation_level,
        cast('year' as {{ dbt.type_string() }}) as period_grain,
        grid.employer_siret,
        grid.care_year,
        {%- if dimension %}
        {{ dimension }}.{{ key }},
        {%- for c in extra %}
        {{ dimension }}.{{ c }},
        {%- endfor %}
        {%- endif %}
        grid.population,
        coalesce(stats.member_count, 0) as member_count,
        coalesce(stats.benefit_line_count, 0) as benefit_line_count
        {%- for m in measures %},
        coalesce(stats.{{ m }}, 0) as {{ m }},
        coalesce(stats.{{ m }}_top1, 0) as {{ m }}_top1,
        coalesce(stats.{{ m }}_top2, 0) as {{ m }}_top2
        {%- endfor %}
    from grid
    inner join chosen on grid.employer_siret = chosen.employer_siret
    {%- if dimension %}
    cross join {{ dimension }}
    {%- endif %}
    left join stats
        on grid.employer_siret = stats.employer_siret
        and grid.care_year = stats.care_year
        {%- if dimension %}
        and {{ dimension }}.{{ key }} = stats.{{ key }}
        {%- endif %}
)

select
    cells.*,
    {{ primary_reason_case('employer', measures) }} as primary_reason,
    case when {{ primary_reason_case('employer', measures) }} = 'none' then 'none' else 'masked' end as masking
from cells
{%- endmacro %}
