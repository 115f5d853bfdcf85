{#-
  A cell table is a complete grid: within each group (partition, level, care year), the rows are
  exactly the product of the distinct values of each factor (a factor is one column or several that
  vary together, e.g. a population group [age_band, sex]), without duplicates; the family factor lists
  every act family of the domain; every population group counts at least k members (unless
  population_column is none: a fixed grid such as the benchmark's, whose cells of a population
  under k are masked); zero cells of a population of at least k are not masked, unless zeros_published is
  false (the pooled benchmark, where every zero is masked). Returns the offending groups and the offending rows.
-#}
{% test complete_grid(model, group_by, factors, consumer, family_column=none, population_column='population',
                      masking_column='masking', zeros_published=true) %}
{%- set k = disclosure_param(consumer, 'k') -%}
{%- set keys = [] -%}
{%- for f in factors %}{% for c in f %}{% do keys.append(c) %}{% endfor %}{% endfor -%}
with per_group as (
    select
        {{ group_by | join(', ') }},
        count(*) as cells,
        count(distinct {{ grid_key(keys) }}) as distinct_cells
        {%- for f in factors %},
        count(distinct {{ grid_key(f) }}) as factor_{{ loop.index }}
        {%- endfor %}
    from {{ model }}
    group by {{ group_by | join(', ') }}
)
select {{ group_by | join(', ') }}, 'not a complete grid' as failure
from per_group
where cells <> distinct_cells
   or cells <> {% for f in factors %}factor_{{ loop.index }}{{ " * " if not loop.last }}{% endfor %}
{%- for f in factors %}
{%- if family_column and f == [family_column] %}
   or factor_{{ loop.index }} <> {{ var('act_families') | length }}
{%- endif %}
{%- endfor %}
union all
select {{ group_by | join(', ') }}, 'population under k or zero cell masked or published against the rule' as failure
from {{ model }}
where {% if population_column %}{{ population_column }} < {{ k }} or {% endif -%}
    {%- if zeros_published %}
    (member_count = 0 and {{ masking_column }} <> 'none'
     {%- if not population_column %} and population >= {{ k }}{% endif %})
    {%- else %}
    (member_count = 0 and {{ masking_column }} = 'none')
    {%- endif %}
{% endtest %}
