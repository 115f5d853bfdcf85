{#-
  Employers with collective contracts: their raison sociale (public company data), the year their report is
  about, how many members they cover in that year, and the ONE rule deciding what they can be told (read by
  the summary mart, the disclosure models and, through the summary, the publication gate's report):

    coverage_year     the latest CLOSED care year (closed_periods, as every published table) in which the
                      employer covers at least one member; null when there is none
    covered_members   distinct members covered in coverage_year: a member is covered in a year when one of
                      the employer's collective contracts is active on at least one day of it
                      (int_contracts__premium_years), or when care of that year was paid under one (the same
                      population the employer's cells are counted against, int_disclosure__employer_consumption)
    years_under_k     the closed care years (comma-separated) in which the employer covers at least one but
                      fewer than k members: a reported employer's breakdown leaves them out (protected_cells keeps
                      only population groups of at least k), and its statement says so
    report_status     no_closed_period     no closed care year in which the employer covers anyone
                      too_small_to_report  fewer than k covered members in coverage_year
                      reported             otherwise (the gate may still find nothing publishable after
                                           suppression: governance/employer_report/model.py)

  Members are counted as rows of a distinct relation (count(*)), so that no token value flows into a column.
-#}
{%- set k = disclosure_param('employer', 'k') -%}
with cover as (
    select
        employer_siret,
        member_token,
        care_year
    from {{ ref('int_contracts__premium_years') }}
    where contract_type = 'collective' and employer_siret is not null
    union
    select
        employer_siret,
        member_token,
        care_year
    from {{ ref('int_benefits__member_atoms') }}
    where employer_siret is not null
),

care_years as (
    select distinct care_year from cover
),

closed_years as (
    {{ closed_periods('care_years', ['year']) }}
),

covered_by_year as (
    select
        cover.employer_siret,
        cover.care_year,
        count(*) as covered_members
    from cover
    inner join closed_years on cover.care_year = closed_years.care_year
    group by cover.employer_siret, cover.care_year
),

latest as (
    select
        employer_siret,
        max(care_year) as coverage_year,
        {#- nullif: over no year, listagg is null on DuckDB but an empty string on Spark -#}
        nullif({{ dbt.listagg(
            "case when covered_members < " ~ k ~ " then cast(care_year as " ~ dbt.type_string() ~ ") end",
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
        when covered_by_year.covered_members < {{ k }} then 'too_small_to_report'
        else 'reported'
    end as report_status
from employers
left join latest on employers.employer_siret = latest.employer_siret
left join covered_by_year
    on latest.employer_siret = covered_by_year.employer_siret
    and latest.coverage_year = covered_by_year.care_year
