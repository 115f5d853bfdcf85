select
    cast(employer_siret as {{ dbt.type_string() }}) as employer_siret,
    cast(report_status as {{ dbt.type_string() }}) as report_status,
    cast(case when report_status = 'reported'
        then 'Care consumption of your covered employees is reported in the other files of this folder.'
        else 'Too small to report: fewer than {{ disclosure_param("employer", "k") }} covered employees, so no '
             || 'breakdown can be published without describing individuals.'
    end as {{ dbt.type_string() }}) as statement,
    cast(case when report_status = 'reported' then covered_members end as bigint) as member_count,
    cast({{ disclosure_param('employer', 'k') }} as integer) as min_cell_size,
    cast(case when report_status = 'reported' then 'none' else 'primary_k' end as {{ dbt.type_string() }}) as masking
from {{ ref('int_employers__coverage') }}
