{#-
  Member-level atoms: one row per member and finest cell (care month, act family,
  contract, age at care...). Every disclosure-controlled table rolls these up,
  so k counts distinct members and dominance sees each member's share.
  Only the lines paid by their care year's closing date (paid_by_closing: the year's end plus
  closing_lag_months): a line paid later never moves a closed year's published cells; it stays in the
  warehouse, counted in int_benefits__late_lines.
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

member_atoms as (
    {#- group by all: every column that is not an aggregate is a key of the atom (DuckDB, Spark >= 3.4). #}
    select
        benefits.member_token,
        benefits.care_month,
        {{ year_of('benefits.care_month') }} as care_year,
        benefits.act_family,
        contracts.contract_type,
        contracts.product_code,
        contracts.guarantee_level,
        case when contracts.contract_type = 'collective' then contracts.employer_siret end as employer_siret,
        {{ year_of('benefits.care_month') }} - members.birth_year as age_at_care,
        members.sex,
        members.departement,
        members.region,
        members.consent_research,
        count(*) as line_count,
        sum(benefits.actual_cost) as actual_cost,
        sum(benefits.ss_reimbursement) as ss_reimbursement,
        sum(benefits.complementary_reimbursement) as complementary_reimbursement,
        sum(benefits.out_of_pocket) as out_of_pocket
    from stg_pseudo__benefits as benefits
    inner join int_members__enriched as members
        on benefits.member_token = members.member_token
    inner join stg_pseudo__contracts as contracts
        on benefits.contract_token = contracts.contract_token
    where {{ paid_by_closing('benefits.care_month', 'benefits.payment_month') }}
    group by all
)

select * from member_atoms
