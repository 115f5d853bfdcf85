{#- The scrubbed free-text comment stays in the warehouse: no mart needs it. -#}
with source as (
    select * from {{ source('pseudo', 'benefits') }}
),

renamed as (
    select
        benefit_token,
        member_token,
        contract_token,
        care_month,
        payment_month,
        act_family,
        act_code,
        practitioner_type,
        actual_cost,
        ss_base,
        ss_reimbursement,
        complementary_reimbursement,
        out_of_pocket,
        updated_at,
        {{ crossing_stamp(source('pseudo', 'benefits')) }}
    from source
)

select * from renamed
