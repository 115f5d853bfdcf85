select
    cast(care_year as integer) as care_year,
    cast(product_code as {{ dbt.type_string() }}) as product_code,
    cast(segment as {{ dbt.type_string() }}) as segment,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('premiums_earned', 'decimal(18, 2)') }} as premiums_earned,
    {{ masked('complementary_reimbursement', 'decimal(18, 2)') }} as complementary_reimbursement,
    cast(case when masking = 'none' and premiums_earned > 0 then complementary_reimbursement / premiums_earned end
        as decimal(9, 4)) as loss_ratio,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__insurer_loss_ratio') }}
