{#- Employers with collective contracts and how many distinct members they cover (count(*) over
    distinct members, so no token value flows into a column). -#}
with covered as (
    select distinct employer_siret, member_token
    from {{ ref('stg_pseudo__contracts') }}
    where contract_type = 'collective' and employer_siret is not null
)

select
    employer_siret,
    count(*) as covered_members,
    case when count(*) >= {{ disclosure_param('employer', 'k') }}
        then 'reported' else 'too_small_to_report' end as report_status
from covered
group by employer_siret
