{#-
  Cells of mart_employer__totals: each reported employer's totals per care year and act family,
  an EXACT margin of its consumption grid (int_disclosure__employer_consumption): the same atoms
  (the members of the population groups published there), over the same closed periods, so that
  every amount and line count here is the sum of the consumption cells of that year and family.
  The population is the sum of the published groups' populations (they are disjoint).
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['employer_siret', 'care_year', 'act_family'] -%}

with {{ employer_margin_stats(cell_keys, measures) }},

families as (
    {%- for f in var('act_families') %}
    select cast('{{ f }}' as {{ dbt.type_string() }}) as act_family{{ " union all" if not loop.last }}
    {%- endfor %}
),

cells as (
    select
        chosen.generalisation_level,
        cast('year' as {{ dbt.type_string() }}) as period_grain,
        grid.employer_siret,
        grid.care_year,
        families.act_family,
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
    cross join families
    left join stats
        on grid.employer_siret = stats.employer_siret
        and grid.care_year = stats.care_year
        and families.act_family = stats.act_family
)

select
    cells.*,
    {{ primary_reason_case('employer', measures) }} as primary_reason,
    case when {{ primary_reason_case('employer', measures) }} = 'none' then 'none' else 'masked' end as masking
from cells
