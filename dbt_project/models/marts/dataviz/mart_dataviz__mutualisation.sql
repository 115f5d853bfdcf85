select
    cast(generalisation_level as integer) as generalisation_level,
    cast(age_band_width as integer) as age_band_width,
    cast(care_year as integer) as care_year,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('premiums_earned', 'decimal(18, 2)') }} as premiums_earned,
    {{ masked('complementary_reimbursement', 'decimal(18, 2)') }} as complementary_reimbursement,
    cast(case when masking = 'none' and premiums_earned > 0 then complementary_reimbursement / premiums_earned end
        as decimal(9, 4)) as redistribution_ratio,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__dataviz_mutualisation') }}
