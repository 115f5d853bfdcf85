{#-
  The mutualised comparison for each reported employer: all collective contracts
  pooled by year, act family, 20-year age band and sex. A pooled cell is masked
  for an employer when the pool has fewer than k members, when the pool minus
  that employer's own members has fewer than k (the employer could subtract its
  own figures and learn about a small group), when the pool minus its largest
  other employer has fewer than k (no figure about another employer), or when
  one member holds more than the dominance threshold of the cost.
-#}
{%- set k = disclosure_param('employer', 'k') -%}
{%- set dominance = disclosure_param('employer', 'dominance') -%}
with atoms as (
    select
        employer_siret,
        member_token,
        care_year,
        act_family,
        {{ age_band('age_at_care', 20) }} as age_band,
        sex,
        sum(actual_cost) as actual_cost,
        sum(complementary_reimbursement) as complementary_reimbursement,
        sum(out_of_pocket) as out_of_pocket
    from {{ ref('int_benefits__member_atoms') }}
    where employer_siret is not null
    group by employer_siret, member_token, care_year, act_family, {{ age_band('age_at_care', 20) }}, sex
),

pool as (
    select
        care_year, act_family, age_band, sex,
        count(*) as member_count,
        sum(actual_cost) as actual_cost,
        sum(complementary_reimbursement) as complementary_reimbursement,
        sum(out_of_pocket) as out_of_pocket,
        case when sum(actual_cost) > 0 then max(actual_cost) / sum(actual_cost) else 0 end as dominant_share
    from atoms
    group by care_year, act_family, age_band, sex
),

per_employer as (
    select care_year, act_family, age_band, sex, employer_siret, count(*) as employer_members
    from atoms
    group by care_year, act_family, age_band, sex, employer_siret
),

largest as (
    select care_year, act_family, age_band, sex,
        max(employer_members) as largest_members,
        count(*) as employers
    from per_employer
    group by care_year, act_family, age_band, sex
),

recipients as (
    select employer_siret from {{ ref('int_employers__coverage') }} where report_status = 'reported'
),

cells as (
    select
        recipients.employer_siret,
        pool.care_year, pool.act_family, pool.age_band, pool.sex,
        pool.member_count,
        coalesce(own.employer_members, 0) as own_members,
        pool.actual_cost, pool.complementary_reimbursement, pool.out_of_pocket,
        pool.dominant_share,
        -- the largest employer other than the recipient
        case when coalesce(own.employer_members, 0) = largest.largest_members
            then (select max(o.employer_members) from per_employer as o
                  where o.care_year = pool.care_year and o.act_family = pool.act_family
                    and o.age_band = pool.age_band and o.sex = pool.sex
                    and o.employer_siret <> recipients.employer_siret)
            else largest.largest_members end as largest_other_members
    from pool
    inner join largest
        on pool.care_year = largest.care_year and pool.act_family = largest.act_family
        and pool.age_band = largest.age_band and pool.sex = largest.sex
    cross join recipients
    left join per_employer as own
        on own.care_year = pool.care_year and own.act_family = pool.act_family
        and own.age_band = pool.age_band and own.sex = pool.sex
        and own.employer_siret = recipients.employer_siret
)

select
    cells.*,
    case
        when member_count < {{ k }} then 'primary_k'
        when member_count - own_members < {{ k }} then 'primary_k'
        when member_count - own_members - coalesce(largest_other_members, 0) < {{ k }} then 'primary_k'
        when dominant_share > {{ dominance }} then 'primary_dominance'
        else 'none'
    end as masking
from cells
