{#-
  Cells of mart_employer__consumption (reported employers only), before secondary suppression.
  The population of a cell: the employer's covered members (collective contracts covering part of
  the care year, or with a benefit on one) of that sex and age band in that care year. Levels,
  least -> most generalised, chosen per employer by protected_cells:
      1 quarter x 10-year bands x sex     4 year x 20-year bands x both sexes
      2 quarter x 20-year bands x sex     5 year x all ages x sex
      3 year x 20-year bands x sex        6 year x all ages x both sexes
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set lattice = [('quarter', 10, 'sex'), ('quarter', 20, 'sex'), ('year', 20, 'sex'), ('year', 20, 'all'),
                   ('year', 'all', 'sex'), ('year', 'all', 'all')] -%}
{%- set levels = [] -%}
{%- for grain, width, sex_level in lattice -%}
    {%- do levels.append({
        'grain': grain,
        'attrs': {
            'age_band_width': (width if width != 'all' else 0),
            'sex_level': "cast('" ~ sex_level ~ "' as " ~ dbt.type_string() ~ ")",
        },
        'dims': {'age_band': age_band('age_at_care', width), 'sex': sex_group(sex_level)},
    }) -%}
{%- endfor -%}

with int_employers__coverage as (
    select * from {{ ref('int_employers__coverage') }}
),

int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

reported as (
    select employer_siret from int_employers__coverage
    where report_status = 'reported'
),

atoms as (
    select atoms.*
    from int_benefits__member_atoms as atoms
    inner join reported on atoms.employer_siret = reported.employer_siret
),

population as (
    select
        cover.employer_siret,
        cover.member_token,
        cover.care_year,
        cover.age_at_care,
        cover.sex
    from int_contracts__premium_years as cover
    inner join reported on cover.employer_siret = reported.employer_siret
    where cover.contract_type = 'collective'
    union
    select
        employer_siret,
        member_token,
        care_year,
        age_at_care,
        sex
    from atoms
),

{{ protected_cells('employer', 'atoms', 'population', levels, measures, ['age_at_care', 'sex'],
                   partition_by=['employer_siret'], families=var('act_families')) }}

select * from pc_cells
