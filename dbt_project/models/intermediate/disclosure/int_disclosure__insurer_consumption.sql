{#-
  Cells of mart_insurer__consumption before masking (never published): the
  generalisation level chosen, the true values and how each cell is masked.
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set lattice = [
    ('month', 5, 'departement'),
    ('month', 5, 'region'),
    ('quarter', 5, 'region'),
    ('quarter', 10, 'region'),
    ('quarter', 20, 'region'),
    ('quarter', 20, 'country'),
    ('year', 20, 'country'),
] -%}
{%- set levels = [] -%}
{%- for grain, width, geo in lattice -%}
    {%- do levels.append({
        'attrs': {
            'period_grain': "cast('" ~ grain ~ "' as " ~ dbt.type_string() ~ ")",
            'age_band_width': width,
            'geo_level': "cast('" ~ geo ~ "' as " ~ dbt.type_string() ~ ")",
        },
        'dims': {
            'care_year': 'care_year',
            'period_start': period_start('care_month', grain),
            'act_family': 'act_family',
            'guarantee_level': 'guarantee_level',
            'age_band': age_band('age_at_care', width),
            'sex': 'sex',
            'geo_area': geo_area(geo),
        },
    }) -%}
{%- endfor -%}
{%- set cols = ['generalisation_level', 'period_grain', 'age_band_width', 'geo_level', 'care_year', 'period_start',
                'act_family', 'guarantee_level', 'age_band', 'sex', 'geo_area', 'member_count', 'benefit_line_count']
               + measures + ['dominant_share'] -%}

with atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'insurer') }},
{{ secondary_suppression('dc_cells', cols, [['care_year', 'act_family'], ['care_year']], ['member_count', 'actual_cost'], 'final_cells') }}

select * from final_cells
