{#-
  Cells of mart_employer__broad_families: each reported employer's totals per care year and BROAD
  care family (seed act_family_group: routine care, pharmacy, hospital, dental-optics-audiology),
  an EXACT margin of its consumption grid like int_disclosure__employer_totals: the same atoms,
  over the same published scope, so that each broad family's amounts and line counts are the sums
  of its act families' cells in mart_employer__totals, and the broad families add up to the year
  in mart_employer__yearly. An employer too small for nine families may still learn four.
  act_families lists the act families a broad family covers ('+' separated): the publication gate
  derives the additive relations from it (governance/sdc/relations.py); it is not published.
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['employer_siret', 'care_year', 'broad_family'] -%}

with act_family_group as (
    select * from {{ ref('act_family_group') }}
),

atoms_by_group as (
    select
        atoms.*,
        act_family_group.broad_family
    from {{ ref('int_benefits__member_atoms') }} as atoms
    inner join act_family_group on atoms.act_family = act_family_group.act_family
),

broad_families as (
    select
        broad_family,
        {{ dbt.listagg('act_family', "'+'", 'order by act_family') }} as act_families
    from act_family_group
    group by broad_family
),

{{ employer_margin_stats(cell_keys, measures, atoms_relation='atoms_by_group') }},

{{ employer_margin_cells(measures, dimension='broad_families', key='broad_family', extra=['act_families']) }}
