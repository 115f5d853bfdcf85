select
    members.member_token,
    members.birth_year,
    members.sex,
    members.departement,
    coalesce(regions.region, 'unknown') as region,
    members.consent_research,
    members.employer_siret
from {{ ref('stg_pseudo__members') }} as members
left join {{ ref('region_of_departement') }} as regions
    on members.departement = regions.departement
