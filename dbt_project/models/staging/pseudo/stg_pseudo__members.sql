with source as (
    select * from {{ source('pseudo', 'members') }}
),

renamed as (
    select
        member_token,
        birth_year,
        age_band,
        sex,
        departement,
        consent_research,
        consent_marketing,
        employer_siret,
        affiliation_month,
        updated_at,
        {{ crossing_stamp(source('pseudo', 'members')) }}
    from source
)

select * from renamed
