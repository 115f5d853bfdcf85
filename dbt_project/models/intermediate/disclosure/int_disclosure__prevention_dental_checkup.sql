{#-
  Prevention programme "preventive dental check-up": among members who accept research use
  (consent_research; the others are excluded), covered during the care year (the ELIGIBLE members,
  the population of a cell), a member is ENROLLED in a year when they have a dental benefit that year
  (the check-up is their first dental care month of the year) and FOLLOWED UP when they have another
  dental benefit within var('prevention_followup_months') months after it.
  Cells: care year x 20-year age band x sex (20-year bands x both sexes, then all ages, when a group
  is under k). member_count = eligible members. Besides the primary rules, a cell is masked ('k')
  when enrolled, followed-up, not enrolled or enrolled-not-followed-up members number 1 to k-1.
  A care year is published only once its follow-up window is over too (closed_periods with
  lag_months = the follow-up months; as the predicate year_closed): the follow-up of a check-up late in year Y is care of Y+1, so a
  year closed at the plain cut-off would be revised when Y+1 closes (red team finding G1).
  The follow-up lines of a check-up in year Y count only when paid by Y's closing date plus the follow-up
  months (paid_by_closing with lag_months: the date Y is published on), read from the benefit lines
  themselves: the atoms freeze Y+1's care at Y+1's closing date, later than Y's publication, so a follow-up
  paid in between would revise Y's published cells (the other figures read the atoms, frozen at their year's close).
-#}
{%- set k = disclosure_param('prevention', 'k') -%}
{%- set months = var('prevention_followup_months', 6) -%}
{%- set levels = [] -%}
{%- for width, sex_level in [(20, 'sex'), (20, 'all'), ('all', 'sex'), ('all', 'all')] -%}
{%- do levels.append({
    'grain': 'year',
    'attrs': {
        'age_band_width': (width if width != 'all' else 0),
        'sex_level': "cast('" ~ sex_level ~ "' as " ~ dbt.type_string() ~ ")",
    },
    'dims': {'age_band': age_band('age_at_care', width), 'sex': sex_group(sex_level)},
}) -%}
{%- endfor -%}
{%- set small = [] -%}
{%- for expr in ['enrolled', 'followed_up', 'member_count - enrolled', 'enrolled - followed_up'] -%}
    {%- do small.append('(' ~ expr ~ ' > 0 and ' ~ expr ~ ' < ' ~ k ~ ')') -%}
{%- endfor -%}

with int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

stg_pseudo__benefits as (
    select * from {{ ref('stg_pseudo__benefits') }}
),

stg_pseudo__contracts as (
    select * from {{ ref('stg_pseudo__contracts') }}
),

eligible_any_year as (
    select distinct
        cover.member_token,
        cover.care_year,
        cover.age_at_care,
        cover.sex
    from int_contracts__premium_years as cover
    where cover.consent_research
    union
    select distinct
        member_token,
        care_year,
        age_at_care,
        sex
    from int_benefits__member_atoms
    where consent_research
),

eligible as (
    select eligible_any_year.*
    from eligible_any_year
    where {{ year_closed('eligible_any_year.care_year', months) }}
),

dental as (
    select
        member_token,
        care_year,
        care_month
    from int_benefits__member_atoms
    where consent_research and act_family = 'dental'
),

checkups as (
    select
        member_token,
        care_year,
        min(care_month) as checkup_month,
        1 as is_enrolled
    from dental
    group by member_token, care_year
),

followup_lines as (
    select
        benefits.member_token,
        benefits.care_month,
        benefits.payment_month
    from stg_pseudo__benefits as benefits
    inner join stg_pseudo__contracts as contracts
        on benefits.contract_token = contracts.contract_token
    where benefits.act_family = 'dental'
),

followups as (
    select distinct
        checkups.member_token,
        checkups.care_year,
        1 as is_followed_up
    from checkups
    inner join followup_lines as dental
        on checkups.member_token = dental.member_token
        and checkups.checkup_month < dental.care_month
        and dental.care_month <= {{ dbt.dateadd('month', months, 'checkups.checkup_month') }}
        and {{ paid_by_closing('checkups.checkup_month', 'dental.payment_month', months) }}
),

lines as (
    select
        member_token,
        care_year,
        sum(line_count) as line_count
    from int_benefits__member_atoms
    where consent_research
    group by member_token, care_year
),

atoms as (
    select
        eligible.member_token,
        eligible.care_year,
        {{ year_start('eligible.care_year') }} as care_month,
        eligible.age_at_care,
        eligible.sex,
        coalesce(lines.line_count, 0) as line_count,
        coalesce(checkups.is_enrolled, 0) as enrolled,
        coalesce(followups.is_followed_up, 0) as followed_up
    from eligible
    left join lines
        on eligible.member_token = lines.member_token and eligible.care_year = lines.care_year
    left join checkups
        on eligible.member_token = checkups.member_token and eligible.care_year = checkups.care_year
    left join followups
        on eligible.member_token = followups.member_token and eligible.care_year = followups.care_year
),

{{ protected_cells('prevention', 'atoms', 'eligible', levels, ['enrolled', 'followed_up'], ['age_at_care', 'sex'],
                   family_col=none, extra_k_condition=small | join(' or ')) }}

select * from pc_cells
