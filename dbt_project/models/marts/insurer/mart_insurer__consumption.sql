{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
with int_disclosure__insurer_consumption as (
    select * from {{ ref('int_disclosure__insurer_consumption') }}
),

final as (
    select
        {{- contract_columns(masked_values=[
            'member_count', 'benefit_line_count', 'actual_cost', 'ss_reimbursement',
            'complementary_reimbursement', 'out_of_pocket',
        ]) }}
    from int_disclosure__insurer_consumption
)

select * from final
