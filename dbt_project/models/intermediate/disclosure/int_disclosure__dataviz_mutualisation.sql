{#-
  Cells of mart_dataviz__mutualisation (care year x age band): premiums paid and complementary
  benefits received. The population of a cell: the members covered during the care year in that age
  band. Levels: 10-year bands, 20-year bands, all ages. Both amounts are published: both are checked
  for dominance and p %.
-#}
{%- set measures = ['premiums_earned', 'complementary_reimbursement'] -%}
{%- set levels = [] -%}
{%- for width in [10, 20, 'all'] -%}
{%- do levels.append({
    'grain': 'year',
    'attrs': {'age_band_width': (width if width != 'all' else 0)},
    'dims': {'age_band': age_band('age_at_care', width)},
}) -%}
{%- endfor -%}

with int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

atoms as (
    select
        member_token,
        care_year,
        {{ year_start('care_year') }} as care_month,
        age_at_care,
        0 as line_count,
        cast(premiums_earned as decimal(18, 2)) as premiums_earned,
        cast(0 as decimal(18, 2)) as complementary_reimbursement
    from int_contracts__premium_years
    union all
    select
        member_token,
        care_year,
        care_month,
        age_at_care,
        line_count,
        cast(0 as decimal(18, 2)) as premiums_earned,
        cast(complementary_reimbursement as decimal(18, 2)) as complementary_reimbursement
    from int_benefits__member_atoms
),

population as (
    select distinct
        member_token,
        care_year,
        age_at_care
    from atoms
),

{{ protected_cells('dataviz', 'atoms', 'population', levels, measures, ['age_at_care'], family_col=none) }}

select * from pc_cells
