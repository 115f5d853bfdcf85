{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
select
    cast(generalisation_level as integer) as generalisation_level,
    cast(period_grain as {{ dbt.type_string() }}) as period_grain,
    cast(age_band_width as integer) as age_band_width,
    cast(geo_level as {{ dbt.type_string() }}) as geo_level,
    cast(sex_level as {{ dbt.type_string() }}) as sex_level,
    cast(care_year as integer) as care_year,
    cast(period_start as date) as period_start,
    cast(act_family as {{ dbt.type_string() }}) as act_family,
    cast(guarantee_level as integer) as guarantee_level,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    cast(sex as {{ dbt.type_string() }}) as sex,
    cast(geo_area as {{ dbt.type_string() }}) as geo_area,
    {{ masked_cell_values() }}
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__insurer_consumption') }}
