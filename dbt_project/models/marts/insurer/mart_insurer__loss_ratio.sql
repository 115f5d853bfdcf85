{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
with int_disclosure__insurer_loss_ratio as (
    select * from {{ ref('int_disclosure__insurer_loss_ratio') }}
),

final as (
    select
        {{- contract_columns(
            masked_values=['member_count', 'premiums_earned', 'complementary_reimbursement'],
            expressions={'loss_ratio': "case when masking = 'none' and premiums_earned > 0
                then complementary_reimbursement / premiums_earned end"},
        ) }}
    from int_disclosure__insurer_loss_ratio
)

select * from final
