{#-
  Prevention programme "preventive dental check-up": among members who accept
  research use (consent_research; the others are excluded), a member is
  ENROLLED in a year when they have a dental benefit that year (the check-up is
  their first dental care month of the year) and FOLLOWED UP when they have
  another dental benefit within var('prevention_followup_months') months after
  it. Cells: year x 20-year age band x sex; a cell is masked when eligible,
  enrolled or followed-up members number fewer than k (but not zero).
-#}
{%- set k = disclosure_param('prevention', 'k') -%}
{%- set months = var('prevention_followup_months', 6) -%}
{%- set levels = [{'attrs': {'age_band_width': 20},
                   'dims': {'care_year': 'care_year', 'age_band': age_band('age_at_care', 20), 'sex': 'sex'}}] -%}
{%- set cols = ['generalisation_level', 'age_band_width', 'care_year', 'age_band', 'sex', 'member_count',
                'benefit_line_count', 'enrolled', 'followed_up', 'dominant_share'] -%}
with eligible as (
    select member_token, care_year, max(age_at_care) as age_at_care, max(sex) as sex, sum(line_count) as line_count
    from {{ ref('int_benefits__member_atoms') }}
    where consent_research
    group by member_token, care_year
),

dental as (
    select member_token, care_year, care_month
    from {{ ref('int_benefits__member_atoms') }}
    where consent_research and act_family = 'dental'
),

checkups as (
    select member_token, care_year, min(care_month) as checkup_month, 1 as is_enrolled
    from dental
    group by member_token, care_year
),

followups as (
    select distinct checkups.member_token, checkups.care_year, 1 as is_followed_up
    from checkups
    inner join dental
        on dental.member_token = checkups.member_token
        and dental.care_month > checkups.checkup_month
        and dental.care_month <= {{ dbt.dateadd('month', months, 'checkups.checkup_month') }}
),

atoms as (
    select
        eligible.member_token, eligible.care_year, eligible.age_at_care, eligible.sex, eligible.line_count,
        coalesce(checkups.is_enrolled, 0) as enrolled,
        coalesce(followups.is_followed_up, 0) as followed_up
    from eligible
    left join checkups
        on eligible.member_token = checkups.member_token and eligible.care_year = checkups.care_year
    left join followups
        on eligible.member_token = followups.member_token and eligible.care_year = followups.care_year
),
{{ disclosure_cells('atoms', 'member_token', levels, ['enrolled', 'followed_up'], 'line_count', 'prevention',
                    dominance_measures=['enrolled']) }},
small_counts as (
    select {{ cols | join(', ') }},
        case when masking = 'none'
                  and ((enrolled > 0 and enrolled < {{ k }}) or (followed_up > 0 and followed_up < {{ k }})
                       or (member_count - enrolled > 0 and member_count - enrolled < {{ k }}))
             then 'primary_k' else masking end as masking
    from dc_cells
),
{{ secondary_suppression('small_counts', cols, [['care_year']], ['member_count'], 'final_cells') }}
select * from final_cells
