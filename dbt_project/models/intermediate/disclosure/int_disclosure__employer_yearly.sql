{#-
  Cells of mart_employer__yearly: each reported employer's care per care year, all act families
  together: an EXACT margin of int_disclosure__employer_totals (the same atoms, the members of the
  population groups published in the consumption grid, over the same closed periods). A small
  employer whose family cells are all too small may still learn its year's total this way.
  The population is the sum of the published groups' populations (they are disjoint).
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['employer_siret', 'care_year'] -%}

with {{ employer_margin_stats(cell_keys, measures) }},

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
