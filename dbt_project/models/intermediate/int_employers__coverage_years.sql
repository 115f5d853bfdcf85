{#-
  Members each employer covers in each CLOSED care year (closed_periods, as every published table): the one
  home of the count that decides what an employer can be told (int_employers__coverage, for its latest closed
  year) and which employers pool into the benchmark of a year (int_disclosure__employer_benchmark, for that
  year only, so that a later year never changes the pool of a year already published).

  A member is covered in a year when one of the employer's collective contracts is active on at least one day
  of it (int_contracts__premium_years): the staff list the HR manager holds. Care of that year paid under a
  contract that had ended does NOT make its member covered: the headcount an employer is told minus its own
  staff list would otherwise tell it that a former employee had care that year (red team finding F3). Such
  care still counts, unseen, in the populations the employer's cells are protected against
  (int_disclosure__employer_consumption), which are therefore never smaller than this count. Members are
  counted as rows of a distinct relation (count(*)), so that no token value flows into a column.
-#}
{%- set k = disclosure_param('employer', 'k') -%}
with int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

cover as (
    select distinct
        employer_siret,
        member_token,
        care_year
    from int_contracts__premium_years
    where contract_type = 'collective' and employer_siret is not null
),

care_years as (
    select distinct care_year from cover
),

closed_years as (
    {{ closed_periods('care_years', ['year']) }}
),

final as (
    select
        cover.employer_siret,
        cover.care_year,
        count(*) as covered_members,
        count(*) >= {{ k }} as at_least_k
    from cover
    inner join closed_years on cover.care_year = closed_years.care_year
    group by cover.employer_siret, cover.care_year
)

select * from final
