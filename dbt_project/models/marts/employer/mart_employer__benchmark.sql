{#- The pooled comparison, identical for every employer (no employer_siret): per consuming member averages. -#}
select
    cast(care_year as integer) as care_year,
    cast(act_family as {{ dbt.type_string() }}) as act_family,
    cast(age_band as {{ dbt.type_string() }}) as age_band,
    cast(sex as {{ dbt.type_string() }}) as sex,
    {{ masked('member_count', 'bigint') }} as member_count,
    cast(case when masking = 'none' and member_count > 0 then actual_cost / member_count end as decimal(18, 2))
        as actual_cost_per_member,
    cast(case when masking = 'none' and member_count > 0 then complementary_reimbursement / member_count end
        as decimal(18, 2)) as complementary_reimbursement_per_member,
    cast(case when masking = 'none' and member_count > 0 then out_of_pocket / member_count end as decimal(18, 2))
        as out_of_pocket_per_member,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_benchmark') }}
