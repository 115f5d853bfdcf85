{#-
  Cells of mart_insurer__consumption, before secondary suppression. The population of a cell: the
  members covered during the care year (a contract covering part of it, or a benefit) of that area,
  age band, sex and guarantee level. Levels: the full-domain lattice
      period month -> quarter -> year  x  age 5 -> 10 -> 20-year bands  x  département -> région -> France
  ordered by generalisation height (time generalised first, then age, then geography), then a last
  fallback: year x all ages x France x both sexes (guarantee level kept).
  Two ways to the same cells (tests/bench/test_disclosure_one_pass.py): one GROUPING SETS aggregation
  per grain over the member base for all 28 levels (one_pass, the default on Spark, whose analyser
  cannot hold 28 separate aggregations in one query), or one aggregation per level that is
  population-valid (the default on DuckDB: at 1 M lines it skips the invalid fine levels and used
  44 s CPU and 1.6 GB for the disclosure step against 71 s and 7.0 GB in one pass). Var
  disclosure_one_pass overrides the choice.
-#}
{%- set measures = ['actual_cost', 'ss_reimbursement', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set nodes = full_domain_lattice([
    {'name': 'geo_level', 'levels': ['departement', 'region', 'country']},
    {'name': 'age_band_width', 'levels': [5, 10, 20]},
    {'name': 'period_grain', 'levels': ['month', 'quarter', 'year']},
]) -%}
{%- set lattice = [] -%}
{%- for node in nodes -%}
    {%- do lattice.append((node.period_grain, node.age_band_width, node.geo_level, 'sex')) -%}
{%- endfor -%}
{%- do lattice.append(('year', 'all', 'country', 'all')) -%}
{%- set levels = [] -%}
{%- for grain, width, geo, sex_level in lattice -%}
    {%- do levels.append({
        'grain': grain,
        'attrs': {
            'age_band_width': (width if width != 'all' else 0),
            'geo_level': "cast('" ~ geo ~ "' as " ~ dbt.type_string() ~ ")",
            'sex_level': "cast('" ~ sex_level ~ "' as " ~ dbt.type_string() ~ ")",
        },
        'dims': {
            'guarantee_level': 'guarantee_level',
            'age_band': age_band('age_at_care', width),
            'sex': sex_group(sex_level),
            'geo_area': geo_area(geo),
        },
    }) -%}
{%- endfor -%}

with int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

population as (
    select
        member_token,
        care_year,
        guarantee_level,
        age_at_care,
        sex,
        departement,
        region
    from int_contracts__premium_years
    union
    select
        member_token,
        care_year,
        guarantee_level,
        age_at_care,
        sex,
        departement,
        region
    from int_benefits__member_atoms
),

{{ protected_cells('insurer', 'int_benefits__member_atoms', 'population', levels, measures,
                   ['guarantee_level', 'age_at_care', 'sex', 'departement', 'region'],
                   families=var('act_families'), one_pass=var('disclosure_one_pass', target.type == 'spark')) }}

select * from pc_cells
