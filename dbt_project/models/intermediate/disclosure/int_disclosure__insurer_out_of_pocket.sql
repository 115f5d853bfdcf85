{#-
  Cells of mart_insurer__out_of_pocket (care year x act family), before secondary suppression. The
  population of a cell: every member covered during the care year.
-#}
{%- set measures = ['actual_cost', 'out_of_pocket'] -%}
{%- set levels = [{'grain': 'year', 'attrs': {}, 'dims': {}}] -%}

with int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

population as (
    select
        member_token,
        care_year
    from int_contracts__premium_years
    union
    select
        member_token,
        care_year
    from int_benefits__member_atoms
),

{{ protected_cells('insurer', 'int_benefits__member_atoms', 'population', levels, measures, [],
                   families=var('act_families')) }}

select * from pc_cells
