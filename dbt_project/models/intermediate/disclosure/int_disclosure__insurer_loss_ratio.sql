{#- Loss ratio (complementary reimbursements / premiums earned) by year, product and segment (contract type). -#}
{%- set measures = ['premiums_earned', 'complementary_reimbursement'] -%}
{%- set levels = [{
    'attrs': {'period_grain': "cast('year' as " ~ dbt.type_string() ~ ")"},
    'dims': {'care_year': 'care_year', 'product_code': 'product_code', 'segment': 'contract_type'},
}] -%}
{%- set cols = ['generalisation_level', 'period_grain', 'care_year', 'product_code', 'segment', 'member_count',
                'benefit_line_count'] + measures + ['dominant_share'] -%}

with atoms as (
    select
        member_token, care_year, product_code, contract_type,
        0 as line_count,
        premiums_earned,
        cast(0 as decimal(18, 2)) as complementary_reimbursement
    from {{ ref('int_contracts__premium_years') }}
    union all
    select
        member_token, care_year, product_code, contract_type,
        line_count,
        cast(0 as decimal(18, 2)) as premiums_earned,
        complementary_reimbursement
    from {{ ref('int_benefits__member_atoms') }}
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'insurer',
                    dominance_measures=['complementary_reimbursement']) }},
{{ secondary_suppression('dc_cells', cols, [['care_year']], ['member_count', 'premiums_earned'], 'final_cells') }}

select * from final_cells
