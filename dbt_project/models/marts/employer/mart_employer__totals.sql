{#- Published yearly totals per act family: an exact margin of mart_employer__consumption's cells. -#}
select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(care_year as integer) as care_year,
    cast(act_family as {{ dbt.type_string() }}) as act_family,
    {{ masked_cell_values() }}
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_totals') }}
