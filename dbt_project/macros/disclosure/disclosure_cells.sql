{#-
  disclosure_cells: aggregate member-level atoms into the cells of a table at
  every candidate generalisation level, flag primary masking, and keep the
  least generalised level whose share of masked cells stays within the
  consumer's max_masked_share (generalisation before suppression, as ARX does);
  when no level qualifies, the most generalised one is kept.

  atoms        relation/CTE with one row per member and finest cell
  member_col   the member key in atoms (counted as DISTINCT members)
  levels       list of {'attrs': {col: sql literal}, 'dims': {col: sql expr over atoms}}
               ordered from least to most generalised
  measures     additive amount columns of atoms (summed)
  count_col    additive line-count column of atoms
  consumer     key of var('disclosure') (k, dominance, max_masked_share)
  partition_by columns of dims choosing a level separately (e.g. employer_siret)
  dominance_measures  measures checked for dominance (default: all measures)

  Output columns: generalisation_level, <attrs>, <dims>, member_count,
  benefit_line_count, <measures>, dominant_share, masking
  masking in ('none', 'primary_k', 'primary_dominance').
-#}
{% macro disclosure_cells(atoms, member_col, levels, measures, count_col, consumer, partition_by=[], dominance_measures=none) -%}
{%- set dom = dominance_measures if dominance_measures is not none else measures -%}
{%- set k = disclosure_param(consumer, 'k') -%}
{%- set dominance = disclosure_param(consumer, 'dominance') -%}
{%- set max_share = disclosure_param(consumer, 'max_masked_share') -%}
{%- set dim_names = levels[0]['dims'].keys() | list -%}
{%- set attr_names = levels[0]['attrs'].keys() | list -%}
{%- for level in levels %}
dc_level_{{ loop.index }}_members as (
    select
        {%- for name, expr in level['dims'].items() %}
        {{ expr }} as {{ name }},
        {%- endfor %}
        {{ member_col }} as dc_member,
        sum({{ count_col }}) as dc_lines
        {%- for m in measures %},
        sum({{ m }}) as {{ m }}
        {%- endfor %}
    from {{ atoms }}
    group by
        {%- for name, expr in level['dims'].items() %}
        {{ expr }},
        {%- endfor %}
        {{ member_col }}
),
dc_level_{{ loop.index }}_cells as (
    select
        {{ loop.index }} as generalisation_level,
        {%- for name, value in level['attrs'].items() %}
        {{ value }} as {{ name }},
        {%- endfor %}
        {%- for name in dim_names %}
        {{ name }},
        {%- endfor %}
        count(*) as member_count,
        sum(dc_lines) as benefit_line_count,
        {%- for m in measures %}
        sum({{ m }}) as {{ m }},
        {%- endfor %}
        {%- if dom | length == 1 %}
        case when sum({{ dom[0] }}) > 0 then max({{ dom[0] }}) / sum({{ dom[0] }}) else 0 end
        {%- else %}
        greatest(
            {%- for m in dom %}
            case when sum({{ m }}) > 0 then max({{ m }}) / sum({{ m }}) else 0 end{{ "," if not loop.last }}
            {%- endfor %}
        )
        {%- endif %} as dominant_share
    from dc_level_{{ loop.index }}_members
    group by
        {%- for name in dim_names %}
        {{ name }}{{ "," if not loop.last }}
        {%- endfor %}
),
{%- endfor %}
dc_all_levels as (
    {%- for level in levels %}
    select * from dc_level_{{ loop.index }}_cells
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
dc_primary as (
    select
        dc_all_levels.*,
        case
            when member_count < {{ k }} then 'primary_k'
            when dominant_share > {{ dominance }} then 'primary_dominance'
            else 'none'
        end as masking
    from dc_all_levels
),
dc_level_loss as (
    select
        {%- for p in partition_by %}
        {{ p }},
        {%- endfor %}
        generalisation_level,
        avg(case when masking <> 'none' then 1.0 else 0.0 end) as masked_share
    from dc_primary
    group by
        {%- for p in partition_by %}
        {{ p }},
        {%- endfor %}
        generalisation_level
),
dc_chosen as (
    select
        {%- for p in partition_by %}
        {{ p }},
        {%- endfor %}
        coalesce(
            min(case when masked_share <= {{ max_share }} then generalisation_level end),
            max(generalisation_level)
        ) as generalisation_level
    from dc_level_loss
    {%- if partition_by %}
    group by
        {%- for p in partition_by %}
        {{ p }}{{ "," if not loop.last }}
        {%- endfor %}
    {%- endif %}
),
dc_cells as (
    select dc_primary.*
    from dc_primary
    inner join dc_chosen
        on dc_primary.generalisation_level = dc_chosen.generalisation_level
        {%- for p in partition_by %}
        and dc_primary.{{ p }} = dc_chosen.{{ p }}
        {%- endfor %}
)
{%- endmacro %}
