{#- Cells of mart_employer__totals: each reported employer's yearly totals per act family, before masking. -#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set levels = [{
    'attrs': {'period_grain': "cast('year' as " ~ dbt.type_string() ~ ")"},
    'dims': {'employer_siret': 'employer_siret', 'care_year': 'care_year', 'act_family': 'act_family'},
}] -%}
{%- set cols = ['generalisation_level', 'period_grain', 'employer_siret', 'care_year', 'act_family', 'member_count',
                'benefit_line_count'] + measures + ['dominant_share'] -%}

with atoms as (
    select atoms.*
    from {{ ref('int_benefits__member_atoms') }} as atoms
    inner join {{ ref('int_employers__coverage') }} as coverage
        on atoms.employer_siret = coverage.employer_siret
    where coverage.report_status = 'reported'
),
{{ disclosure_cells('atoms', 'member_token', levels, measures, 'line_count', 'employer', partition_by=['employer_siret']) }},
{{ secondary_suppression('dc_cells', cols, [['employer_siret', 'care_year']], ['member_count', 'actual_cost'], 'final_cells') }}

select * from final_cells
