{#- Cells of mart_employer__consumption (per employer, reported employers only) before masking. -#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set lattice = [('quarter', 10), ('quarter', 20), ('year', 20), ('year', 'all')] -%}
{%- set levels = [] -%}
{%- for grain, width in lattice -%}
    {%- do levels.append({
        'attrs': {
            'period_grain': "cast('" ~ grain ~ "' as " ~ dbt.type_string() ~ ")",
            'age_band_width': (width if width != 'all' else 0),
        },
        'dims': {
            'employer_siret': 'employer_siret',
            'care_year': 'care_year',
            'period_start': period_start('care_month', grain),
            'act_family': 'act_family',
            'age_band': age_band('age_at_care', width),
            'sex': 'sex',
        },
    }) -%}
{%- endfor -%}
{%- set cols = ['generalisation_level', 'period_grain', 'age_band_width', 'employer_siret', 'care_year',
                'period_start', 'act_family', 'age_band', 'sex', 'member_count', 'benefit_line_count']
               + measures + ['dominant_share'] -%}

with atoms as (
    select atoms.*
    from {{ ref('int_benefits__member_atoms') }} as atoms
    inner join {{ ref('int_employers__coverage') }} as coverage
        on atoms.employer_siret = coverage.employer_siret
    where coverage.report_status = 'reported'
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'employer', partition_by=['employer_siret']) }},
{{ secondary_suppression('dc_cells', cols, [['employer_siret', 'care_year', 'act_family'], ['employer_siret', 'care_year']],
                         ['member_count', 'actual_cost'], 'final_cells') }}

select * from final_cells
