{#-
  The mutualised comparison, computed ONCE for every employer (the same table is copied into every
  reported employer's folder, so no recipient learns anything specific to it): the pool of a closed care
  year is the collective-contract members of the employers covering at least k members IN THAT YEAR
  (int_employers__coverage_years), by closed care year x act family x 20-year age band x sex, over the
  complete grid (every band and sex, every act family). The pool of a year depends on that year only: a
  later year closing (an employer shrinking below k) never changes a year already published, which would
  otherwise hand every employer the difference between two releases, i.e. the leavers' figures.

  A cell is published only when:
    - its population (pool members covered that year in that band and sex) is >= k      'population'
    - it counts >= k consuming members                                                   'k'
    - they belong to >= benchmark_min_employers employers                                'employers'
    - no employer holds more than the dominance share of its members or of any amount,
      and the members outside the largest employer are still >= k                        'employer_dominance'
    - two employers pooling their folders (each subtracts its own cells) learn nothing
      either: the members outside the two largest employers are still >= k, those two
      together hold at most the dominance share of any amount, and in what remains the
      largest contributions pass dominance and p % (checked with the cell's overall two
      largest contributions, which bound those of any remainder)                      'employer_coalition'
    - employer-level p %: total - largest - second-largest employer >= p x largest       'employer_p_percent'
    - member-level dominance and p % hold for every amount whose average is published    'dominance' | 'p_percent'
  A cell nobody in the pool consumed in is masked, not published as a zero (see 'flagged' below).
-#}
{%- set k = disclosure_param('employer', 'k') -%}
{%- set dominance = disclosure_param('employer', 'dominance') -%}
{%- set p = disclosure_param('employer', 'p_percent') -%}
{%- set min_employers = disclosure_param('employer', 'benchmark_min_employers') -%}
{%- set measures = ['actual_cost', 'complementary_reimbursement', 'out_of_pocket'] -%}
{%- set cell_keys = ['care_year', 'act_family', 'age_band', 'sex'] -%}

with int_employers__coverage_years as (
    select * from {{ ref('int_employers__coverage_years') }}
),

int_contracts__premium_years as (
    select * from {{ ref('int_contracts__premium_years') }}
),

int_benefits__member_atoms as (
    select * from {{ ref('int_benefits__member_atoms') }}
),

pool as (
    select
        employer_siret,
        care_year
    from int_employers__coverage_years
    where at_least_k
),

care_years as (
    select distinct care_year from int_contracts__premium_years
),

closed_years as (
    {{ closed_periods('care_years', ['year']) }}
),

atoms as (
    select
        atoms.employer_siret,
        atoms.member_token,
        atoms.care_year,
        atoms.act_family,
        {{ age_band('atoms.age_at_care', 20) }} as age_band,
        atoms.sex,
        atoms.line_count
        {%- for m in measures %},
        atoms.{{ m }}
        {%- endfor %}
    from int_benefits__member_atoms as atoms
    inner join pool on atoms.employer_siret = pool.employer_siret and atoms.care_year = pool.care_year
    inner join closed_years on atoms.care_year = closed_years.care_year
),

{# Distinct members are counted as rows of a distinct relation (count(*)), so that no token value
    flows into a column, even through a CASE condition (governance/lineage.py). -#}
population_members as (
    select distinct
        cover.member_token,
        cover.care_year,
        {{ age_band('cover.age_at_care', 20) }} as age_band,
        cover.sex
    from (
        select
            member_token,
            care_year,
            age_at_care,
            sex,
            employer_siret
        from int_contracts__premium_years
        where contract_type = 'collective'
        union
        select
            member_token,
            care_year,
            age_at_care,
            sex,
            employer_siret
        from int_benefits__member_atoms
        where employer_siret is not null
    ) as cover
    inner join pool on cover.employer_siret = pool.employer_siret and cover.care_year = pool.care_year
),

population as (
    select
        care_year,
        age_band,
        sex,
        count(*) as population
    from population_members
    group by care_year, age_band, sex
),

{# One row per member and cell (a member of two employers counts once, with both contributions). -#}
member_cells as (
    select
        care_year,
        act_family,
        age_band,
        sex,
        sum(line_count) as pc_lines
        {%- for m in measures %},
        sum({{ m }}) as {{ m }}
        {%- endfor %}
    from atoms
    group by care_year, act_family, age_band, sex, member_token
),

{{ top_contributions('member_cells', cell_keys, measures, 'member_stats') }},

employer_member_cells as (
    select
        care_year,
        act_family,
        age_band,
        sex,
        employer_siret
        {%- for m in measures %},
        sum({{ m }}) as {{ m }}
        {%- endfor %}
    from atoms
    group by care_year, act_family, age_band, sex, employer_siret, member_token
),

employer_cells as (
    select
        care_year,
        act_family,
        age_band,
        sex,
        count(*) as employer_members
        {%- for m in measures %},
        sum({{ m }}) as {{ m }}
        {%- endfor %}
    from employer_member_cells
    group by care_year, act_family, age_band, sex, employer_siret
),

employer_ranked as (
    select
        employer_cells.*,
        row_number() over (
            partition by employer_cells.{{ cell_keys | join(', employer_cells.') }}
            order by employer_cells.employer_members desc
        ) as members_rank
        {%- for m in measures %},
        row_number() over (
            partition by employer_cells.{{ cell_keys | join(', employer_cells.') }}
            order by employer_cells.{{ m }} desc
        ) as {{ m }}_rank
        {%- endfor %}
    from employer_cells
),

employer_stats as (
    select
        {{ cell_keys | join(', ') }},
        count(*) as employer_count,
        max(case when members_rank = 1 then employer_members end) as largest_employer_members,
        coalesce(max(case when members_rank = 2 then employer_members end), 0) as second_employer_members
        {%- for m in measures %},
        max(case when {{ m }}_rank = 1 then {{ m }} end) as {{ m }}_employer_top1,
        coalesce(max(case when {{ m }}_rank = 2 then {{ m }} end), 0) as {{ m }}_employer_top2
        {%- endfor %}
    from employer_ranked
    group by {{ cell_keys | join(', ') }}
),

families as (
    {%- for f in var('act_families') %}
    select cast('{{ f }}' as {{ dbt.type_string() }}) as act_family{{ " union all" if not loop.last }}
    {%- endfor %}
),

bands as (
    {%- for band in ['0-19', '20-39', '40-59', '60-79', '80+'] %}
    select cast('{{ band }}' as {{ dbt.type_string() }}) as age_band{{ " union all" if not loop.last }}
    {%- endfor %}
),

sexes as (
    select cast('F' as {{ dbt.type_string() }}) as sex
    union all
    select cast('M' as {{ dbt.type_string() }}) as sex
),

cells as (
    select
        closed_years.care_year,
        families.act_family,
        bands.age_band,
        sexes.sex,
        coalesce(population.population, 0) as population,
        coalesce(member_stats.member_count, 0) as member_count,
        coalesce(member_stats.benefit_line_count, 0) as benefit_line_count,
        coalesce(employer_stats.employer_count, 0) as employer_count,
        coalesce(employer_stats.largest_employer_members, 0) as largest_employer_members,
        coalesce(employer_stats.second_employer_members, 0) as second_employer_members
        {%- for m in measures %},
        coalesce(member_stats.{{ m }}, 0) as {{ m }},
        coalesce(member_stats.{{ m }}_top1, 0) as {{ m }}_top1,
        coalesce(member_stats.{{ m }}_top2, 0) as {{ m }}_top2,
        coalesce(employer_stats.{{ m }}_employer_top1, 0) as {{ m }}_employer_top1,
        coalesce(employer_stats.{{ m }}_employer_top2, 0) as {{ m }}_employer_top2
        {%- endfor %}
    from closed_years
    cross join families
    cross join bands
    cross join sexes
    left join population
        on closed_years.care_year = population.care_year
        and bands.age_band = population.age_band and sexes.sex = population.sex
    left join member_stats
        on closed_years.care_year = member_stats.care_year and families.act_family = member_stats.act_family
        and bands.age_band = member_stats.age_band and sexes.sex = member_stats.sex
    left join employer_stats
        on closed_years.care_year = employer_stats.care_year and families.act_family = employer_stats.act_family
        and bands.age_band = employer_stats.age_band and sexes.sex = employer_stats.sex
),

flagged as (
    select
        cells.*,
        case
            when cells.population < {{ k }} then 'population'
            {#- A zero is masked here, unlike in an employer's own tables: an employer in the pool whose own cell
                is masked would learn from a pooled zero at this finer band x sex that none of its staff of that
                band and sex had that care, narrowing its own masked count to the staff left (red team F2). A
                masked benchmark cell is therefore 0 or more, never known to be at least 1. -#}
            when cells.member_count < {{ k }} then 'k'
            when cells.member_count < {{ k }} then 'k'
            when cells.employer_count < {{ min_employers }} then 'employers'
            when cells.largest_employer_members > {{ dominance }} * cells.member_count
                or cells.member_count - cells.largest_employer_members < {{ k }}
                {%- for m in measures %}
                or (cells.{{ m }} > 0 and cells.{{ m }}_employer_top1 > {{ dominance }} * cells.{{ m }})
                {%- endfor %}
                then 'employer_dominance'
            when cells.member_count - cells.largest_employer_members - cells.second_employer_members < {{ k }}
                {%- for m in measures %}
                or (
                    cells.{{ m }} > 0
                    and cells.{{ m }}_employer_top1 + cells.{{ m }}_employer_top2 > {{ dominance }} * cells.{{ m }}
                )
                or (
                    cells.{{ m }}_top1 > 0
                    and cells.{{ m }}_top1
                    > {{ dominance }} * (cells.{{ m }} - cells.{{ m }}_employer_top1 - cells.{{ m }}_employer_top2)
                )
                or (
                    cells.{{ m }}_top1 > 0
                    and cells.{{ m }} - cells.{{ m }}_employer_top1 - cells.{{ m }}_employer_top2
                    - cells.{{ m }}_top1 - cells.{{ m }}_top2 < {{ p }} * cells.{{ m }}_top1
                )
                {%- endfor %}
                then 'employer_coalition'
            when
                {%- for m in measures %}
                {{ "or " if not loop.first }}(
                    cells.{{ m }} > 0
                    and cells.{{ m }} - cells.{{ m }}_employer_top1 - cells.{{ m }}_employer_top2
                    < {{ p }} * cells.{{ m }}_employer_top1
                )
                {%- endfor %}
                then 'employer_p_percent'
            else {{ primary_reason_case('employer', measures) }}
        end as primary_reason
    from cells
)

select
    flagged.*,
    case when flagged.primary_reason = 'none' then 'none' else 'masked' end as masking
from flagged
