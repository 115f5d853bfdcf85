{#- Employers with collective contracts, their raison sociale (public company data) and how many distinct
    members they cover (count(*) over distinct members, so no token value flows into a column). -#}
with covered as (
    select distinct
        employer_siret,
        member_token
    from {{ ref('stg_pseudo__contracts') }}
    where contract_type = 'collective' and employer_siret is not null
),

names as (
    select
        employer_siret,
        max(employer_name) as employer_name
    from {{ ref('stg_pseudo__contracts') }}
    where contract_type = 'collective' and employer_siret is not null
    group by employer_siret
),

counted as (
    select
        employer_siret,
        count(*) as covered_members
    from covered
    group by employer_siret
)

select
    counted.employer_siret,
    names.employer_name,
    counted.covered_members,
    case when counted.covered_members >= {{ disclosure_param('employer', 'k') }}
        then 'reported' else 'too_small_to_report' end as report_status
from counted
left join names on counted.employer_siret = names.employer_siret
