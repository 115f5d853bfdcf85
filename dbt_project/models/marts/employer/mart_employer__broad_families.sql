{#-
  Published yearly totals per broad care family (seed act_family_group): an exact margin of
  mart_employer__totals (the sum of each broad family's act families) whose broad families add up to
  mart_employer__yearly. The gate protects the three together, with those relations.
-#}
select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(care_year as integer) as care_year,
    cast(broad_family as {{ dbt.type_string() }}) as broad_family,
    {{ masked_cell_values() }}
    cast(masking as {{ dbt.type_string() }}) as masking
from {{ ref('int_disclosure__employer_broad_families') }}
