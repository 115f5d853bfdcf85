{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
with int_disclosure__dataviz_mutualisation as (
    select * from {{ ref('int_disclosure__dataviz_mutualisation') }}
),

final as (
    select
        {{- contract_columns(
            masked_values=['member_count', 'premiums_earned', 'complementary_reimbursement'],
            expressions={'redistribution_ratio': "case when masking = 'none' and premiums_earned > 0
                then complementary_reimbursement / premiums_earned end"},
        ) }}
    from int_disclosure__dataviz_mutualisation
)

select * from final
