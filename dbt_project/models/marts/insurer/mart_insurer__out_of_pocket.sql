{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
with int_disclosure__insurer_out_of_pocket as (
    select * from {{ ref('int_disclosure__insurer_out_of_pocket') }}
),

final as (
    select
        {{- contract_columns(
            masked_values=['member_count', 'actual_cost', 'out_of_pocket'],
            expressions={
                'out_of_pocket_share': "case when masking = 'none' and actual_cost > 0
                    then out_of_pocket / actual_cost end",
                'out_of_pocket_per_member': "case when masking = 'none' and member_count > 0
                    then out_of_pocket / member_count end",
            },
        ) }}
    from int_disclosure__insurer_out_of_pocket
)

select * from final
