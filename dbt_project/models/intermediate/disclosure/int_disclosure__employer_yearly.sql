{#-
  Cells of mart_employer__yearly: each reported employer's care per care year, all act families
  together: an EXACT margin of int_disclosure__employer_totals (the same atoms, the members of the
  population groups published in the consumption grid, over the same closed periods). A small
  employer whose family cells are all too small may still learn its year's total this way.
  The population is the sum of the published groups' populations (they are disjoint).
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['employer_siret', 'care_year'] -%}

with consumption as (
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

placed as (
    select
        atoms.employer_siret,
        atoms.member_token,
        atoms.care_year,
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
    from {{ ref('int_benefits__member_atoms') }} as atoms
    inner join chosen on atoms.employer_siret = chosen.employer_siret
),

member_cells as (
    select
        placed.employer_siret, placed.care_year,
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
    group by placed.employer_siret, placed.care_year, placed.member_token
),

{{ top_contributions('member_cells', cell_keys, measures, 'stats') }},

grid as (
    select employer_siret, care_year, sum(population) as population
    from groups
    group by employer_siret, care_year
),

cells as (
    select
        chosen.generalisation_level,
        cast('year' as {{ dbt.type_string() }}) as period_grain,
        grid.employer_siret,
        grid.care_year,
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
    left join stats
        on grid.employer_siret = stats.employer_siret
        and grid.care_year = stats.care_year
)

select
    cells.*,
    {{ primary_reason_case('employer', measures) }} as primary_reason,
    case when {{ primary_reason_case('employer', measures) }} = 'none' then 'none' else 'masked' end as masking
from cells
