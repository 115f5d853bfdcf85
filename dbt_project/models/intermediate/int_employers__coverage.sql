{#-
  Employers with collective contracts: their raison sociale (public company data), the year their report is
  about, how many members they cover in that year, and the ONE rule deciding what they can be told (read by
  the summary mart, the disclosure models and, through the summary, the publication gate's report):

    coverage_year     the latest CLOSED care year (closed_periods, as every published table) in which the
                      employer covers at least one member; null when there is none
    covered_members   distinct members covered in coverage_year (int_employers__coverage_years, the one home
                      of the count: a collective contract active on at least one day of the year)
    years_under_k     the closed care years (comma-separated) in which the employer covers at least one but
                      fewer than k members: a reported employer's breakdown leaves them out (protected_cells keeps
                      only population groups of at least k), and its statement says so
    report_status     no_closed_period     no closed care year in which the employer covers anyone
                      too_small_to_report  fewer than k covered members in coverage_year
                      reported             otherwise (the gate may still find nothing publishable after
                                           suppression: governance/employer_report/model.py)

-#}
with covered_by_year as (
    select * from {{ ref('int_employers__coverage_years') }}
),

latest as (
    select
        employer_siret,
        max(care_year) as coverage_year,
        {#- nullif: over no year, listagg is null on DuckDB but an empty string on Spark -#}
        nullif({{ dbt.listagg(
            "case when not at_least_k then cast(care_year as " ~ dbt.type_string() ~ ") end",
            "', '", "order by care_year") }}, '') as years_under_k
    from covered_by_year
    group by employer_siret
),

employers as (
    select
        employer_siret,
        max(employer_name) as employer_name
    from {{ ref('stg_pseudo__contracts') }}
    where contract_type = 'collective' and employer_siret is not null
    group by employer_siret
)

select
    employers.employer_siret,
    employers.employer_name,
    latest.coverage_year,
    covered_by_year.covered_members,
    latest.years_under_k,
    case
        when latest.coverage_year is null then 'no_closed_period'
        when not covered_by_year.at_least_k then 'too_small_to_report'
        else 'reported'
    end as report_status
from employers
left join latest on employers.employer_siret = latest.employer_siret
left join covered_by_year
    on latest.employer_siret = covered_by_year.employer_siret
    and latest.coverage_year = covered_by_year.care_year
