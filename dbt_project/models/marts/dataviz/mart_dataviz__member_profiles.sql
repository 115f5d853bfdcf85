{#-
  No token, no exact amount: the yearly amounts per act family are bands, blanked where fewer than k
  published records share the band with the same quasi-identifiers (no record is unique on its
  quasi-identifiers plus any one band value).
-#}
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
    {%- for f in var('act_families') %},
    cast(consumption_{{ f }}_band as {{ dbt.type_string() }}) as consumption_{{ f }}_band
    {%- endfor %}
from {{ ref('int_disclosure__dataviz_member_profiles') }}
where masking = 'none'
