{#- Published cells: dimensions and values; a masked cell shows no value and no reason. -#}
with int_disclosure__prevention_dental_checkup as (
    select * from {{ ref('int_disclosure__prevention_dental_checkup') }}
),

final as (
    select
        {{- contract_columns(
            masked_values=['member_count', 'enrolled', 'followed_up'],
            expressions={
                'enrolment_rate': "case when masking = 'none' and member_count > 0
                    then 1.0 * enrolled / member_count end",
                'follow_up_rate': "case when masking = 'none' and enrolled > 0
                    then 1.0 * followed_up / enrolled end",
            },
        ) }}
    from int_disclosure__prevention_dental_checkup
)

select * from final
