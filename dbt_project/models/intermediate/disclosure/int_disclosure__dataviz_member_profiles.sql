{#-
  Member-level profiles for exploration, k-anonymous (k) on the generalised
  quasi-identifiers (age band, sex, geographic area) and l-diverse (l) on the
  sensitive attribute main_act_family. One row per member for the latest care
  year. ARX-like: each generalisation level is tried from the finest; records
  of equivalence classes breaking k or l are suppressed; the finest level whose
  suppressed share stays within max_masked_share is kept (else the coarsest).
-#}
{%- set k = disclosure_param('dataviz', 'k') -%}
{%- set l = disclosure_param('dataviz', 'l') -%}
{%- set max_share = disclosure_param('dataviz', 'max_masked_share') -%}
{%- set families = ['consultation', 'pharmacy', 'optics', 'dental', 'hospital', 'audiology', 'paramedical',
                    'laboratory', 'radiology'] -%}
{%- set lattice = [(10, 'region'), (20, 'region'), (10, 'country'), (20, 'country')] -%}
with latest as (
    select max(care_year) as care_year from {{ ref('int_benefits__member_atoms') }}
),

by_family as (
    select atoms.member_token, atoms.care_year, atoms.act_family,
        max(atoms.age_at_care) as age_at_care, max(atoms.sex) as sex, max(atoms.region) as region,
        sum(atoms.actual_cost) as actual_cost
    from {{ ref('int_benefits__member_atoms') }} as atoms
    inner join latest on atoms.care_year = latest.care_year
    group by atoms.member_token, atoms.care_year, atoms.act_family
),

{#- The main family is found by a join on the member's largest amount (no window over tokens,
    so the lineage shows no token flowing into a column). -#}
largest as (
    select member_token, max(actual_cost) as max_cost
    from by_family
    group by member_token
),

ranked as (
    select by_family.*,
        case when by_family.actual_cost = largest.max_cost then 1 else 2 end as family_rank
    from by_family
    inner join largest on by_family.member_token = largest.member_token
),

profiles as (
    select
        member_token,
        max(care_year) as care_year,
        max(age_at_care) as age_at_care,
        max(sex) as sex,
        max(region) as region,
        min(case when family_rank = 1 then act_family end) as main_act_family
        {%- for f in families %},
        sum(case when act_family = '{{ f }}' then actual_cost else 0 end) as consumption_{{ f }}
        {%- endfor %}
    from ranked
    group by member_token
),

{%- for width, geo in lattice %}
level_{{ loop.index }} as (
    select
        {{ loop.index }} as generalisation_level,
        {{ width }} as age_band_width,
        cast('{{ geo }}' as {{ dbt.type_string() }}) as geo_level,
        profiles.*,
        {{ age_band('age_at_care', width) }} as age_band,
        {{ geo_area(geo) }} as geo_area
    from profiles
),
level_{{ loop.index }}_classes as (
    select age_band, sex, geo_area,
        count(*) as class_size,
        count(distinct main_act_family) as class_diversity
    from level_{{ loop.index }}
    group by age_band, sex, geo_area
),
level_{{ loop.index }}_flagged as (
    select level_{{ loop.index }}.*,
        case when classes.class_size < {{ k }} then 'suppressed_k'
             when classes.class_diversity < {{ l }} then 'suppressed_l'
             else 'none' end as masking
    from level_{{ loop.index }}
    inner join level_{{ loop.index }}_classes as classes
        on level_{{ loop.index }}.age_band = classes.age_band
        and level_{{ loop.index }}.sex = classes.sex
        and level_{{ loop.index }}.geo_area = classes.geo_area
),
{%- endfor %}

all_levels as (
    {%- for _ in lattice %}
    select * from level_{{ loop.index }}_flagged{% if not loop.last %} union all{% endif %}
    {%- endfor %}
),

level_loss as (
    select generalisation_level, avg(case when masking <> 'none' then 1.0 else 0.0 end) as suppressed_share
    from all_levels
    group by generalisation_level
),

chosen as (
    select coalesce(min(case when suppressed_share <= {{ max_share }} then generalisation_level end),
                    max(generalisation_level)) as generalisation_level
    from level_loss
)

select all_levels.*
from all_levels
inner join chosen on all_levels.generalisation_level = chosen.generalisation_level
