{#- Members with the région of their département ('unknown' when the seed has none). -#}
with stg_pseudo__members as (
    select * from {{ ref('stg_pseudo__members') }}
),

region_of_departement as (
    select * from {{ ref('region_of_departement') }}
),

final as (
    select
        members.member_token,
        members.birth_year,
        members.sex,
        members.departement,
        coalesce(regions.region, 'unknown') as region,
        members.consent_research,
        members.employer_siret
    from stg_pseudo__members as members
    left join region_of_departement as regions
        on members.departement = regions.departement
)

select * from final
