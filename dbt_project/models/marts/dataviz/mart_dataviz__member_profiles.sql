{%- set families = ['consultation', 'pharmacy', 'optics', 'dental', 'hospital', 'audiology', 'paramedical',
                    'laboratory', 'radiology'] -%}
{#- No token, no row order from tokens: records are ordered by their generalised attributes and amounts. -#}
select
    cast(generalisation_level as integer) as generalisation_level,
    cast(age_band_width as integer) as age_band_width,
    cast(geo_level as {{ dbt.type_string() }}) as geo_level,
    cast(sex_level as {{ dbt.type_string() }}) as sex_level,
    cast(care_year as integer) as care_year,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    cast(sex as {{ dbt.type_string() }}) as sex,
    cast(geo_area as {{ dbt.type_string() }}) as geo_area,
    cast(main_act_family as {{ dbt.type_string() }}) as main_act_family
    {%- for f in families %},
    {#- rounded to 10 EUR so that an exact amount cannot serve as a linking key -#}
    cast(round(consumption_{{ f }} / 10.0, 0) * 10 as decimal(18, 2)) as consumption_{{ f }}
    {%- endfor %}
from {{ ref('int_disclosure__dataviz_member_profiles') }}
where masking = 'none'
