{%- set measures = ['actual_cost', 'out_of_pocket'] -%}
{%- set levels = [{
    'attrs': {'period_grain': "cast('year' as " ~ dbt.type_string() ~ ")"},
    'dims': {'care_year': 'care_year', 'act_family': 'act_family'},
}] -%}
{%- set cols = ['generalisation_level', 'period_grain', 'care_year', 'act_family', 'member_count', 'benefit_line_count']
               + measures + ['dominant_share'] -%}

with atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'insurer') }},
{{ secondary_suppression('dc_cells', cols, [['care_year']], ['member_count', 'actual_cost'], 'final_cells') }}

select * from final_cells
