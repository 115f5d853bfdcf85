{#-
  No token, no exact amount, ONE amount band: the member's total yearly consumption, blanked where
  fewer than k published records share the band with the same quasi-identifiers and main act family
  (known bills only bound the total from below, so no record is singled out by them). Per-family
  amounts are published in aggregate only (mart_dataviz__mutualisation).
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
    cast(main_act_family as {{ dbt.type_string() }}) as main_act_family,
    cast(consumption_band as {{ dbt.type_string() }}) as consumption_band
from {{ ref('int_disclosure__dataviz_member_profiles') }}
where masking = 'none'
