{#-
  protected_cells: the complete cell grid of one table for one consumer, at the
  generalisation level chosen per partition, with the population of every cell,
  its true values, the two largest single-member contributions to each amount and
  the PRIMARY masking. Secondary suppression over all the tables a consumer
  receives is the publication gate's job (governance/sdc), not dbt's.

  A cell describes a population: for an employer, its covered members of that sex
  and age band in that care year; for the insurer, its members of that area, age
  band, sex and guarantee level... A breakdown is published only where every
  population group is at least k; otherwise the breakdown is generalised (as ARX
  would) before anything is suppressed:

    per partition (e.g. employer_siret), the chosen level is the LEAST generalised
    one at which every population group counts >= k members and, among those, the
    first whose share of primary-masked cells is <= max_masked_share; else the most
    generalised population-valid level; when no level is population-valid, the most
    generalised level, keeping only its groups of >= k members.

  The grid is every population group of the partition (>= k members) x every act
  family of the domain (observed or not) x every CLOSED period of the care year at
  the level's grain, with zeros where nobody consumed: a row's presence says
  nothing about who had care. Zero cells are never masked.

  Primary reasons (kept in the warehouse, never published):
    k          0 < member_count < k
    dominance  for some amount m with a positive total: m_top1 > dominance x m
    p_percent  for some amount m with a positive total: m - m_top1 - m_top2 < p x m_top1
               (the second-largest contributor could estimate the largest within p %)
    k          also when extra_k_condition (SQL over the cell's columns) holds

  Arguments
    consumer      key of var('disclosure'): k, dominance, p_percent, max_masked_share
    atoms         relation/CTE, one row per member and finest cell, with member_col, the
                  partition columns, care_year, care_month, family_col (unless none),
                  the attrs, count_col and the measures
    population    relation/CTE, one row per member and population group, with member_col,
                  the partition columns, care_year and the attrs
    levels        list of {'grain': month|quarter|year, 'attrs': {column: sql literal},
                  'dims': {column: sql expression over the attrs}}, least -> most
                  generalised; every level has the same attrs and dims names
    measures      additive amount columns of atoms
    attrs         raw columns of atoms and population that the dims are computed from; an attribute
                  used verbatim as a dim at every level (guarantee_level, product_code) may vary for a
                  member within a year, the others (age, sex, area) are the member's in that year
    count_col     additive line-count column of atoms (benefit_line_count)
    partition_by  columns choosing their level separately (employer_siret)
    family_col    the act-family column of atoms, or none for tables without families
    families      every value of family_col in the domain (the grid's families)
    extra_k_condition  optional SQL condition over a cell's columns forcing reason 'k'
    one_pass      compute the stats of every level in one GROUPING SETS aggregation per grain
                  (rolled_up_stats) instead of one aggregation per population-valid level; same cells

  Output CTE pc_cells, columns:
    generalisation_level, period_grain, <level attrs>, <partition_by>, care_year,
    period_start, [<family_col>], <dims>, population, member_count, benefit_line_count,
    <measures>, <m>_top1, <m>_top2 for each measure, primary_reason, masking ('none'|'masked')
-#}
{% macro protected_cells(consumer, atoms, population, levels, measures, attrs, count_col='line_count',
                         member_col='member_token', partition_by=[], family_col='act_family', families=none,
                         extra_k_condition=none, one_pass=false) -%}
{%- set k = disclosure_param(consumer, 'k') -%}
{%- set max_share = disclosure_param(consumer, 'max_masked_share') -%}
{%- set dim_names = levels[0]['dims'].keys() | list -%}
{%- set attr_names = levels[0]['attrs'].keys() | list -%}
{%- set fam = [family_col] if family_col else [] -%}
{%- set n_families = (families | length) if family_col else 1 -%}
{%- set grains = [] -%}
{%- for g in ['month', 'quarter', 'year'] -%}
    {%- if levels | selectattr('grain', 'equalto', g) | list | length > 0 -%}{%- do grains.append(g) -%}{%- endif -%}
{%- endfor -%}
{#- population groups depend on the dims only: one count per distinct dims set -#}
{%- set pop_sets = [] -%}
{%- set pop_of_level = [] -%}
{%- for level in levels -%}
    {%- set key = level['dims'] | tojson -%}
    {%- if key not in pop_sets -%}{%- do pop_sets.append(key) -%}{%- endif -%}
    {%- do pop_of_level.append(pop_sets.index(key) + 1) -%}
{%- endfor -%}
{#- attributes kept as they are at every level (e.g. guarantee_level) vs generalised ones (age, sex, area) -#}
{%- set kept = [] -%}
{%- for a in attrs -%}
    {%- set ns = namespace(everywhere=true) -%}
    {%- for level in levels -%}
        {%- if a not in level['dims'].values() -%}{%- set ns.everywhere = false -%}{%- endif -%}
    {%- endfor -%}
    {%- if ns.everywhere -%}{%- do kept.append(a) -%}{%- endif -%}
{%- endfor -%}
{%- set generalised = attrs | reject('in', kept) | list -%}
{%- set part_sel -%}{% for c in partition_by %}{{ c }}, {% endfor %}{%- endset -%}
pc_care_years as (
    select distinct care_year from {{ population }}
),

pc_periods as (
    {{ closed_periods('pc_care_years', grains) }}
),

pc_period_counts as (
    select period_grain, care_year, count(*) as periods
    from pc_periods
    group by period_grain, care_year
),

{%- if family_col %}

pc_families as (
    {%- for f in families %}
    select cast('{{ f }}' as {{ dbt.type_string() }}) as {{ family_col }}{{ " union all" if not loop.last }}
    {%- endfor %}
),
{%- endif %}

{#- Member contributions at each grain, closed periods only; a coarser grain rolls up the finer one.
    One row per member, period, family and kept attributes: a member is in at most one row per cell
    at every level, so a cell's row count is its number of distinct consuming members. -#}
{%- for grain in grains %}
{%- set source = atoms if loop.first else 'pc_base_' ~ grains[loop.index0 - 1] %}
{%- set date_col = 'care_month' if loop.first else 'period_start' %}
{%- set member_ref = member_col if loop.first else 'pc_member' %}

pc_base_{{ grain }} as (
    select
        {{ part_sel }}base.{{ member_ref }} as pc_member,
        base.care_year,
        {{ period_start('base.' ~ date_col, grain) }} as period_start,
        {%- for c in fam %}
        base.{{ c }},
        {%- endfor %}
        {%- for a in kept %}
        base.{{ a }},
        {%- endfor %}
        {%- for a in generalised %}
        max(base.{{ a }}) as {{ a }},
        {%- endfor %}
        sum(base.{{ count_col if loop.first else 'pc_lines' }}) as pc_lines
        {%- for m in measures %},
        sum(base.{{ m }}) as {{ m }}
        {%- endfor %}
    from {{ source }} as base
    inner join pc_periods as periods
        on periods.period_grain = '{{ grain }}'
        and periods.period_start = {{ period_start('base.' ~ date_col, grain) }}
    group by
        {{ part_sel }}base.{{ member_ref }},
        base.care_year,
        {{ period_start('base.' ~ date_col, grain) }}
        {%- for c in fam %},
        base.{{ c }}
        {%- endfor %}
        {%- for a in kept %},
        base.{{ a }}
        {%- endfor %}
),
{%- endfor %}

{#- The population, one row per member, care year and kept attributes (the generalisable attributes
    of a member are fixed in a year; should a source disagree, one value is kept, as for the cells). -#}
pc_population_members as (
    select
        {{ part_sel }}{{ member_col }} as pc_member,
        care_year
        {%- for a in kept %},
        {{ a }}
        {%- endfor %}
        {%- for a in generalised %},
        max({{ a }}) as {{ a }}
        {%- endfor %}
    from {{ population }}
    group by {{ part_sel }}{{ member_col }}, care_year{% for a in kept %}, {{ a }}{% endfor %}
),

{#- Population of every group, once per distinct set of dims (each member counted once per group). -#}
{%- for key in pop_sets %}
{%- set dims = levels[pop_of_level.index(loop.index)]['dims'] %}

pc_population_{{ loop.index }} as (
    select
        {{ part_sel }}care_year,
        {%- for name, expr in dims.items() %}
        {{ expr }} as {{ name }},
        {%- endfor %}
        count(*) as population
    from pc_population_members
    group by
        {{ part_sel }}care_year
        {%- for name, expr in dims.items() %},
        {{ expr }}
        {%- endfor %}
),
{%- endfor %}

pc_groups as (
    {%- for level in levels %}
    select
        {{ loop.index }} as generalisation_level,
        cast('{{ level.grain }}' as {{ dbt.type_string() }}) as period_grain,
        {{ part_sel }}care_year,
        {%- for name in dim_names %}
        {{ name }},
        {%- endfor %}
        population
    from pc_population_{{ pop_of_level[loop.index0] }}
    where care_year in (select care_year from pc_period_counts where period_grain = '{{ level.grain }}')
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{#- Per partition and level: groups under k, and the size of the grid over the groups of >= k. -#}
pc_level_grid as (
    select
        {{ part_sel }}groups.generalisation_level,
        sum(case when groups.population < {{ k }} then 1 else 0 end) as small_groups,
        sum(case when groups.population >= {{ k }} then counts.periods else 0 end) * {{ n_families }} as grid_cells
    from pc_groups as groups
    inner join pc_period_counts as counts
        on groups.period_grain = counts.period_grain and groups.care_year = counts.care_year
    group by {{ part_sel }}groups.generalisation_level
),

{#- Cells of every level that can be chosen (population-valid, or the last one): distinct consuming
    members, totals and the two largest single-member contributions. -#}
{%- if one_pass %}
{{ rolled_up_stats('pc_base_', levels, partition_by, fam, measures, 'pc_stats') }},
{%- else %}
{%- for level in levels %}
{%- set cell_keys = partition_by + ['care_year', 'period_start'] + fam + dim_names %}

pc_member_cells_{{ loop.index }} as (
    select
        {{ part_sel }}care_year,
        period_start,
        {%- for c in fam %}
        {{ c }},
        {%- endfor %}
        {%- for name, expr in level['dims'].items() %}
        {{ expr }} as {{ name }},
        {%- endfor %}
        pc_lines
        {%- for m in measures %},
        {{ m }}
        {%- endfor %}
    from pc_base_{{ level.grain }} as base
    {%- if not loop.last %}
    where exists (
        select 1 from pc_level_grid as grid
        where grid.generalisation_level = {{ loop.index }} and grid.small_groups = 0
        {%- for c in partition_by %}
            and grid.{{ c }} = base.{{ c }}
        {%- endfor %}
    )
    {%- endif %}
),

{{ top_contributions('pc_member_cells_' ~ loop.index, cell_keys, measures, 'pc_stats_' ~ loop.index) }},
{%- endfor %}

pc_stats as (
    {%- for level in levels %}
    select {{ loop.index }} as generalisation_level, pc_stats_{{ loop.index }}.* from pc_stats_{{ loop.index }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),
{%- endif %}

pc_flagged as (
    select
        pc_stats.*,
        {{ primary_reason_case(consumer, measures, extra_k_condition=extra_k_condition) }} as primary_reason
    from pc_stats
),

{#- Level choice per partition (generalisation before suppression). -#}
pc_level_masked as (
    select
        {{ part_sel }}generalisation_level,
        sum(case when primary_reason <> 'none' then 1 else 0 end) as masked_cells
    from pc_flagged
    group by {{ part_sel }}generalisation_level
),

pc_chosen as (
    select
        {%- for c in partition_by %}
        grid.{{ c }},
        {%- endfor %}
        coalesce(
            min(case when grid.small_groups = 0
                      and coalesce(masked.masked_cells, 0) <= {{ max_share }} * grid.grid_cells
                 then grid.generalisation_level end),
            max(case when grid.small_groups = 0 then grid.generalisation_level end),
            max(grid.generalisation_level)
        ) as generalisation_level
    from pc_level_grid as grid
    left join pc_level_masked as masked
        on grid.generalisation_level = masked.generalisation_level
        {%- for c in partition_by %}
        and grid.{{ c }} = masked.{{ c }}
        {%- endfor %}
    {%- if partition_by %}
    group by {% for c in partition_by %}grid.{{ c }}{{ ", " if not loop.last }}{% endfor %}
    {%- endif %}
),

pc_level_attrs as (
    {%- for level in levels %}
    select
        {{ loop.index }} as generalisation_level
        {%- for name, value in level['attrs'].items() %},
        {{ value }} as {{ name }}
        {%- endfor %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

pc_grid as (
    select
        groups.generalisation_level,
        groups.period_grain,
        {%- for c in partition_by %}
        groups.{{ c }},
        {%- endfor %}
        groups.care_year,
        periods.period_start,
        {%- for c in fam %}
        families.{{ c }},
        {%- endfor %}
        {%- for name in dim_names %}
        groups.{{ name }},
        {%- endfor %}
        groups.population
    from pc_groups as groups
    inner join pc_chosen as chosen
        on groups.generalisation_level = chosen.generalisation_level
        {%- for c in partition_by %}
        and groups.{{ c }} = chosen.{{ c }}
        {%- endfor %}
    inner join pc_periods as periods
        on periods.period_grain = groups.period_grain and periods.care_year = groups.care_year
    {%- if family_col %}
    cross join pc_families as families
    {%- endif %}
    where groups.population >= {{ k }}
),

pc_cells as (
    select
        grid.generalisation_level,
        grid.period_grain,
        {%- for name in attr_names %}
        level_attrs.{{ name }},
        {%- endfor %}
        {%- for c in partition_by %}
        grid.{{ c }},
        {%- endfor %}
        grid.care_year,
        grid.period_start,
        {%- for c in fam %}
        grid.{{ c }},
        {%- endfor %}
        {%- for name in dim_names %}
        grid.{{ name }},
        {%- endfor %}
        grid.population,
        coalesce(cells.member_count, 0) as member_count,
        coalesce(cells.benefit_line_count, 0) as benefit_line_count,
        {%- for m in measures %}
        coalesce(cells.{{ m }}, 0) as {{ m }},
        coalesce(cells.{{ m }}_top1, 0) as {{ m }}_top1,
        coalesce(cells.{{ m }}_top2, 0) as {{ m }}_top2,
        {%- endfor %}
        coalesce(cells.primary_reason, 'none') as primary_reason,
        case when coalesce(cells.primary_reason, 'none') = 'none' then 'none' else 'masked' end as masking
    from pc_grid as grid
    inner join pc_level_attrs as level_attrs
        on grid.generalisation_level = level_attrs.generalisation_level
    left join pc_flagged as cells
        on grid.generalisation_level = cells.generalisation_level
        and grid.care_year = cells.care_year
        and grid.period_start = cells.period_start
        {%- for c in partition_by + fam %}
        and grid.{{ c }} = cells.{{ c }}
        {%- endfor %}
        {%- for name in dim_names %}
        and {{ class_key('grid.' ~ name) }} = {{ class_key('cells.' ~ name) }}
        {%- endfor %}
)
{%- endmacro %}
