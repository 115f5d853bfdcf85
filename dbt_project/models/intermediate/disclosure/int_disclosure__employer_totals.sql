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

{{ employer_margin_cells(measures, dimension='families', key='act_family') }}
