{#-
  Cells of mart_insurer__loss_ratio (care year x product x segment), before secondary suppression.
  The population of a cell: the members with a contract of that product and segment (individual or
  collective) covering part of the care year. Premiums earned and complementary reimbursements are
  both published amounts: both are checked for dominance and p %.
-#}
{%- set measures = ['premiums_earned', 'complementary_reimbursement'] -%}
{%- set levels = [{'grain': 'year', 'attrs': {}, 'dims': {'product_code': 'product_code', 'segment': 'segment'}}] -%}

with int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

atoms as (
    select
        member_token,
        care_year,
        {{ year_start('care_year') }} as care_month,
        product_code,
        contract_type as segment,
        0 as line_count,
        cast(premiums_earned as decimal(18, 2)) as premiums_earned,
        cast(0 as decimal(18, 2)) as complementary_reimbursement
    from int_contracts__premium_years
    union all
    select
        member_token,
        care_year,
        care_month,
        product_code,
        contract_type as segment,
        line_count,
        cast(0 as decimal(18, 2)) as premiums_earned,
        cast(complementary_reimbursement as decimal(18, 2)) as complementary_reimbursement
    from int_benefits__member_atoms
),

population as (
    select distinct
        member_token,
        care_year,
        product_code,
        segment
    from atoms
),

{{ protected_cells('insurer', 'atoms', 'population', levels, measures, ['product_code', 'segment'],
                   family_col=none) }}

select * from pc_cells
