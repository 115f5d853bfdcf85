select
    cast(care_year as integer) as care_year,
    cast(act_family as {{ dbt.type_string() }}) as act_family,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('actual_cost', 'decimal(18, 2)') }} as actual_cost,
    {{ masked('out_of_pocket', 'decimal(18, 2)') }} as out_of_pocket,
    cast(case when masking = 'none' and actual_cost > 0 then out_of_pocket / actual_cost end as decimal(9, 4))
        as out_of_pocket_share,
    cast(case when masking = 'none' and member_count > 0 then out_of_pocket / member_count end as decimal(18, 2))
        as out_of_pocket_per_member,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__insurer_out_of_pocket') }}
