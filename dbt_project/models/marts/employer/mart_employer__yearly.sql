{#- Published yearly care of all act families together: an exact margin of mart_employer__totals. -#}
select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(care_year as integer) as care_year,
    {{ masked_cell_values() }}
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_yearly') }}
