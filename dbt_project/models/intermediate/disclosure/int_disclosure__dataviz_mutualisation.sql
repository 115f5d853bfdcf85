{#- Mutualisation of risk: premiums paid and complementary benefits received per year and age band. -#}
{%- set measures = ['premiums_earned', 'complementary_reimbursement'] -%}
{%- set levels = [] -%}
{%- for width in [10, 20] -%}
{%- do levels.append({
    'attrs': {'age_band_width': width},
    'dims': {'care_year': 'care_year', 'age_band': age_band('age_at_care', width)},
}) -%}
{%- endfor -%}
{%- set cols = ['generalisation_level', 'age_band_width', 'care_year', 'age_band', 'member_count', 'benefit_line_count']
               + measures + ['dominant_share'] -%}
with atoms as (
    select member_token, care_year, age_at_care, 0 as line_count, premiums_earned,
        cast(0 as decimal(18, 2)) as complementary_reimbursement
    from {{ ref('int_contracts__premium_years') }}
    union all
    select member_token, care_year, age_at_care, line_count, cast(0 as decimal(18, 2)) as premiums_earned,
        complementary_reimbursement
    from {{ ref('int_benefits__member_atoms') }}
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'dataviz',
                    dominance_measures=['complementary_reimbursement']) }},
{{ secondary_suppression('dc_cells', cols, [['care_year']], ['member_count', 'premiums_earned'], 'final_cells') }}
select * from final_cells
