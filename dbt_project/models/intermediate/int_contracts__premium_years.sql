{#- Premiums earned per contract and calendar year of care (months of cover in the year x monthly premium), with the
    member's attributes that year's care is filed under (as of its closing date: macros/member_versions.sql), so a
    member's move after a year closed leaves that year's populations as published. -#}
{%- set year_first = dbt.cast("cast(years.care_year as " ~ dbt.type_string() ~ ") || '-01-01'", "date") -%}
{%- set year_last = dbt.cast("cast(years.care_year as " ~ dbt.type_string() ~ ") || '-12-31'", "date") -%}
with stg_pseudo__benefits as (
    select * from {{ ref('stg_pseudo__benefits') }}
),

stg_pseudo__contracts as (
    select * from {{ ref('stg_pseudo__contracts') }}
),

int_members__enriched as (
    select * from {{ ref('int_members__enriched') }}
),

years as (
    select distinct {{ year_of('care_month') }} as care_year
    from stg_pseudo__benefits
),

spans as (
    select
        contracts.contract_token,
        contracts.member_token,
        contracts.contract_type,
        contracts.product_code,
        contracts.guarantee_level,
        contracts.employer_siret,
        contracts.monthly_premium,
        years.care_year,
        case when contracts.start_date > {{ year_first }}
            then contracts.start_date
            else {{ year_first }}
        end as span_start,
        case when contracts.end_date is not null
                and contracts.end_date < {{ year_last }}
            then contracts.end_date
            else {{ year_last }}
        end as span_end
    from stg_pseudo__contracts as contracts
    cross join years
),

final as (
    select
        spans.contract_token,
        spans.member_token,
        spans.contract_type,
        spans.product_code,
        spans.guarantee_level,
        spans.employer_siret,
        spans.care_year,
        spans.care_year - {{ filed_member_attribute('birth_year', 'members') }} as age_at_care,
        {{ filed_member_attribute('sex', 'members') }} as sex,
        {{ filed_member_attribute('departement', 'members') }} as departement,
        {{ filed_member_attribute('region', 'members') }} as region,
        members.consent_research,
        {# noqa: LT05 below: the length is dbt.datediff's rendered DuckDB expression, not the source line's. #}
        {{ dbt.datediff('spans.span_start', 'spans.span_end', 'month') }} + 1 as months_covered,  -- noqa: LT05
        cast(
            ({{ dbt.datediff('spans.span_start', 'spans.span_end', 'month') }} + 1) * spans.monthly_premium  -- noqa: LT05
            as decimal(18, 2)
        ) as premiums_earned
    from spans
    inner join int_members__enriched as members
        on spans.member_token = members.member_token
    {{ filed_member_version_join('spans.member_token', 'spans.care_year') }}
    where spans.span_start <= spans.span_end
)

select * from final
