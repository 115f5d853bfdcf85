{#-
  Benefit lines paid after the closing date of their care year (not paid_by_closing): they never enter
  int_benefits__member_atoms, so no published figure counts them, but they are not lost: one row per care
  year and employer (null: individual contracts) with their count, amounts and latest payment month, for
  staff and the DPO (how incomplete a closed year's published figures are). Never published.
  Lines whose member or contract is unknown are left out here as in the atoms.
-#}
with stg_pseudo__benefits as (
    select * from {{ ref('stg_pseudo__benefits') }}
),

int_members__enriched as (
    select * from {{ ref('int_members__enriched') }}
),

stg_pseudo__contracts as (
    select * from {{ ref('stg_pseudo__contracts') }}
),

late_lines as (
    select
        {{ year_of('benefits.care_month') }} as care_year,
        contracts.contract_type,
        case when contracts.contract_type = 'collective' then contracts.employer_siret end as employer_siret,
        count(*) as late_line_count,
        sum(benefits.actual_cost) as actual_cost,
        sum(benefits.complementary_reimbursement) as complementary_reimbursement,
        max(benefits.payment_month) as last_payment_month
    from stg_pseudo__benefits as benefits
    inner join int_members__enriched as members
        on benefits.member_token = members.member_token
    inner join stg_pseudo__contracts as contracts
        on benefits.contract_token = contracts.contract_token
    where not coalesce({{ paid_by_closing('benefits.care_month', 'benefits.payment_month') }}, false)
    group by
        {{ year_of('benefits.care_month') }},
        contracts.contract_type,
        case when contracts.contract_type = 'collective' then contracts.employer_siret end
)

select * from late_lines
