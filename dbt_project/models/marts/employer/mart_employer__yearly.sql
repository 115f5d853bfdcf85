{#- Published yearly care of all act families together: an exact margin of mart_employer__totals. -#}
select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(care_year as integer) as care_year,
    {{ masked('member_count', 'bigint') }} as member_count,
    {{ masked('benefit_line_count', 'bigint') }} as benefit_line_count,
    {{ masked('actual_cost', 'decimal(18, 2)') }} as actual_cost,
    {{ masked('ss_reimbursement', 'decimal(18, 2)') }} as ss_reimbursement,
    {{ masked('complementary_reimbursement', 'decimal(18, 2)') }} as complementary_reimbursement,
    {{ masked('out_of_pocket', 'decimal(18, 2)') }} as out_of_pocket,
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_yearly') }}
