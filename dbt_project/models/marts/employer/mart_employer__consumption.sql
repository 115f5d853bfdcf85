{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(generalisation_level as integer) as generalisation_level,
    cast(period_grain as {{ dbt.type_string() }}) as period_grain,
    cast(age_band_width as integer) as age_band_width,
    cast(sex_level as {{ dbt.type_string() }}) as sex_level,
    cast(care_year as integer) as care_year,
    cast(period_start as date) as period_start,
    cast(act_family as {{ dbt.type_string() }}) as act_family,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    cast(sex as {{ dbt.type_string() }}) as sex,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('benefit_line_count', 'bigint') }} as benefit_line_count,
    {{ masked('actual_cost', 'decimal(18, 2)') }} as actual_cost,
    {{ masked('ss_reimbursement', 'decimal(18, 2)') }} as ss_reimbursement,
    {{ masked('complementary_reimbursement', 'decimal(18, 2)') }} as complementary_reimbursement,
    {{ masked('out_of_pocket', 'decimal(18, 2)') }} as out_of_pocket,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_consumption') }}
