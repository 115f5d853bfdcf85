select
    cast(generalisation_level as integer) as generalisation_level,
    cast(age_band_width as integer) as age_band_width,
    cast(sex_level as {{ dbt.type_string() }}) as sex_level,
    cast(care_year as integer) as care_year,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    cast(sex as {{ dbt.type_string() }}) as sex,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('enrolled', 'bigint') }} as enrolled,
    {{ masked('followed_up', 'bigint') }} as followed_up,
    cast(case when masking = 'none' and member_count > 0 then 1.0 * enrolled / member_count end as decimal(9, 4))
        as enrolment_rate,
    cast(case when masking = 'none' and enrolled > 0 then 1.0 * followed_up / enrolled end as decimal(9, 4))
        as follow_up_rate,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__prevention_dental_checkup') }}
