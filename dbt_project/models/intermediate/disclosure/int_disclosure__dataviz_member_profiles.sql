{#-
  Member-level profiles for exploration, k-anonymous (k) on the generalised
  quasi-identifiers (age band, sex, geographic area) and l-diverse (l) on the
  sensitive attribute main_act_family. One row per member for the latest CLOSED
  care year (closed_periods: the open year is never published, and a published
  year is final: the gate refuses a release that would change it), with its
  masking flag.

  ARX-like full-domain generalisation: every node of the lattice
      age  5 -> 10 -> 20 -> all,  geo  département -> région -> France,  sex  F/M -> all
  (24 nodes) is evaluated on a pre-aggregated table of profile leaves; whole
  equivalence classes under k members or under l sensitive values are suppressed,
  and so are the records whose main act family fewer than k records of their class
  share (otherwise knowing someone's usual kind of care would single them out);
  l counts only the families at least k records share;
  the nodes whose suppressed share stays within max_masked_share are valid, and
  the valid node with the least information loss is kept: the highest precision
  (Sweeney: 1 - mean over the quasi-identifiers of level / hierarchy height),
  then the fewest suppressed records, then the lowest generalisation height.
  When no node is valid, the node suppressing the fewest records is kept.
  ONE amount is published per member: the total yearly consumption over all act families, as a band
  (amount_band), blanked where fewer than k published records share it with the same quasi-identifiers
  AND main act family (an attacker who knows a big bill likely knows the main family). Known bills only
  give a lower bound on that total, so every band compatible with them holds >= k records of the class,
  and the blanked records of a class are >= k together: nobody is singled out, whatever bills are known.
  Per-family amounts are not published at member level (several bands, each k-protected alone, would
  not be jointly: two known bills singled members out); they are published in aggregate only, in
  mart_dataviz__mutualisation.
-#}
{%- set k = disclosure_param('dataviz', 'k') -%}
{%- set l = disclosure_param('dataviz', 'l') -%}
{%- set max_share = disclosure_param('dataviz', 'max_masked_share') -%}
{%- set nodes = full_domain_lattice([
    {'name': 'age_band_width', 'levels': [5, 10, 20, none]},
    {'name': 'geo_level', 'levels': ['departement', 'region', 'country']},
    {'name': 'sex_level', 'levels': ['sex', 'all']},
]) -%}
-- sqlfluff:ignore:parsing
-- (sqlfluff 3.4's DuckDB dialect cannot parse GROUP BY GROUPING SETS, which this model's roll-up uses)
with int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

care_years as (
    select distinct care_year from int_benefits__member_atoms
),

closed_years as (
    {{ closed_periods('care_years', ['year']) }}
),

latest as (
    select max(care_year) as care_year from closed_years
),

by_family as (
    select
        atoms.member_token,
        atoms.care_year,
        atoms.act_family,
        max(atoms.age_at_care) as age_at_care,
        max(atoms.sex) as sex,
        max(atoms.departement) as departement,
        max(atoms.region) as region,
        sum(atoms.actual_cost) as actual_cost
    from int_benefits__member_atoms as atoms
    inner join latest on atoms.care_year = latest.care_year
    group by atoms.member_token, atoms.care_year, atoms.act_family
),

{# The main family is found by a join on the member's largest amount (no window over tokens,
    so the lineage shows no token flowing into a column). -#}
largest as (
    select
        member_token,
        max(actual_cost) as max_cost
    from by_family
    group by member_token
),

ranked as (
    select
        by_family.*,
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
        max(departement) as departement,
        max(region) as region,
        min(case when family_rank = 1 then act_family end) as main_act_family,
        sum(actual_cost) as consumption_total
    from ranked
    group by member_token
),

{# Profile leaves: members counted per finest quasi-identifiers and sensitive value. Every
    node's equivalence classes are one small aggregation of these (not of the members). -#}
leaves as (
    select
        age_at_care,
        departement,
        region,
        sex,
        main_act_family,
        count(*) as record_count
    from profiles
    group by age_at_care, departement, region, sex, main_act_family
),

{#- Classes per lattice node and, inside each, the records per sensitive value: a main act family held by
    fewer than k records of its class would single them out to anyone who knows it (it is suppressed), and
    l-diversity counts only the families held by at least k records. -#}
{%- set node_levels = [] -%}
{%- for node in nodes -%}
    {%- do node_levels.append({'id': node.id, 'dims': {
        'age_key': class_key(age_band('age_at_care', node.age_band_width or 'all')),
        'geo_key': class_key(geo_area(node.geo_level)),
        'sex_key': class_key(sex_group(node.sex_level)),
    }}) -%}
{%- endfor %}
{#- every node's classes from the leaves in one GROUPING SETS aggregation (not one per node) #}
{{ grouping_sets_levels('leaves', node_levels, ['main_act_family'], {'family_records': 'sum(record_count)'},
                        'lattice_family_counts', level_col='lattice_node') }},

lattice_classes as (
    select
        lattice_node, age_key, geo_key, sex_key,
        sum(family_records) as class_size,
        sum(case when family_records >= {{ k }} then family_records else 0 end) as linkable_size,
        sum(case when family_records >= {{ k }} then 1 else 0 end) as class_diversity
    from lattice_family_counts
    group by lattice_node, age_key, geo_key, sex_key
),

lattice_nodes as (
    {%- for node in nodes %}
    select
        {{ node.id }} as lattice_node,
        cast({{ node.age_band_width if node.age_band_width else 'null' }} as integer) as age_band_width,
        cast('{{ node.geo_level }}' as {{ dbt.type_string() }}) as geo_level,
        cast('{{ node.sex_level }}' as {{ dbt.type_string() }}) as sex_level,
        {{ node.height }} as generalisation_height,
        {{ node.precision_loss }} as precision_loss
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

lattice as (
    select
        lattice_node,
        sum(class_size) as record_count,
        sum(case when class_size < {{ k }} or class_diversity < {{ l }} then class_size
                 else class_size - linkable_size end) as suppressed_count
    from lattice_classes
    group by lattice_node
),

ranked_nodes as (
    select
        lattice_nodes.*,
        lattice.record_count,
        lattice.suppressed_count,
        row_number() over (
            order by
            case when lattice.suppressed_count <= {{ max_share }} * lattice.record_count then 0 else 1 end,
            case when lattice.suppressed_count <= {{ max_share }} * lattice.record_count
                then lattice_nodes.precision_loss else 0 end,
            lattice.suppressed_count,
            lattice_nodes.precision_loss,
            lattice_nodes.generalisation_height,
            lattice_nodes.lattice_node) as preference
    from lattice_nodes
    inner join lattice on lattice_nodes.lattice_node = lattice.lattice_node
),

chosen as (
    select
        lattice_node,
        age_band_width,
        geo_level,
        sex_level,
        generalisation_height
    from ranked_nodes
    where preference = 1
),

generalised as (
    select
        chosen.lattice_node,
        chosen.generalisation_height as generalisation_level,
        chosen.age_band_width,
        chosen.geo_level,
        chosen.sex_level,
        profiles.*,
        case
            {%- for width in [5, 10, 20] %}
            when chosen.age_band_width = {{ width }} then {{ age_band('profiles.age_at_care', width) }}
            {%- endfor %}
            else {{ age_band('profiles.age_at_care', 'all') }}
        end as age_band,
        case chosen.geo_level
            when 'departement' then {{ geo_area('departement', 'profiles.departement', 'profiles.region') }}
            when 'region' then {{ geo_area('region', 'profiles.departement', 'profiles.region') }}
            else {{ geo_area('country') }}
        end as geo_area,
        case chosen.sex_level
            when 'sex' then {{ sex_group('sex', 'profiles.sex') }}
            else {{ sex_group('all') }}
        end as sex_group
    from profiles
    cross join chosen
),

records as (
    select
        generalised.generalisation_level,
        generalised.age_band_width,
        generalised.geo_level,
        generalised.sex_level,
        generalised.member_token,
        generalised.care_year,
        generalised.age_at_care,
        generalised.departement,
        generalised.region,
        generalised.age_band,
        generalised.geo_area,
        generalised.sex_group as sex,
        generalised.main_act_family,
        generalised.consumption_total,
        {{ amount_band('generalised.consumption_total') }} as total_band,
        classes.class_size,
        classes.class_diversity,
        case
            when classes.class_size < {{ k }} then 'suppressed_k'
            when classes.class_diversity < {{ l }} then 'suppressed_l'
            when families.family_records < {{ k }} then 'suppressed_link'
            else 'none'
        end as masking
    from generalised
    inner join lattice_classes as classes
        on generalised.lattice_node = classes.lattice_node
        and {{ class_key('generalised.age_band') }} = classes.age_key
        and {{ class_key('generalised.geo_area') }} = classes.geo_key
        and {{ class_key('generalised.sex_group') }} = classes.sex_key
    inner join lattice_family_counts as families
        on generalised.lattice_node = families.lattice_node
        and {{ class_key('generalised.age_band') }} = families.age_key
        and {{ class_key('generalised.geo_area') }} = families.geo_key
        and {{ class_key('generalised.sex_group') }} = families.sex_key
        and generalised.main_act_family = families.main_act_family
),

{#
  The total band as a linking key: among the published records, a band value is shown only where the
  class (quasi-identifiers + main act family) holds at least k records with that band; the bands under k
  are blanked, smallest first, and when they hold fewer than k records together, the next smallest bands
  too, so that the blank itself never singles out fewer than k records.
-#}
kept_records as (
    select *
    from records
    where masking = 'none'
),

band_counts as (
    select
        age_band,
        sex,
        geo_area,
        main_act_family,
        total_band as band,
        count(*) as band_records
    from kept_records
    group by age_band, sex, geo_area, main_act_family, total_band
),

band_ranked as (
    select
        age_band, sex, geo_area, main_act_family, band, band_records,
        sum(case when band_records < {{ k }} then band_records else 0 end)
            over (partition by age_band, sex, geo_area, main_act_family) as small_records,
        coalesce(sum(band_records) over (
            partition by age_band, sex, geo_area, main_act_family
            order by band_records, band
            rows between unbounded preceding and 1 preceding), 0) as records_before
    from band_counts
),

band_blanked as (
    select
        age_band,
        sex,
        geo_area,
        main_act_family,
        band
    from band_ranked
    where band_records < {{ k }} or (small_records > 0 and records_before < {{ k }})
),

{# Blanks are found among the kept classes only; a suppressed record's class is never a kept one, so
    the join needs no condition on masking (one would keep the engine from a plain hash join). -#}
banded as (
    select
        records.*,
        case when band_blanked.band is null then records.total_band end as consumption_band
    from records
    left join band_blanked
        on {{ class_key('records.age_band') }} = {{ class_key('band_blanked.age_band') }}
        and {{ class_key('records.sex') }} = {{ class_key('band_blanked.sex') }}
        and {{ class_key('records.geo_area') }} = {{ class_key('band_blanked.geo_area') }}
        and records.main_act_family = band_blanked.main_act_family
        and records.total_band = band_blanked.band
)

select * from banded
