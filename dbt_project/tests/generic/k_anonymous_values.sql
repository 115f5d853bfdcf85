{#-
  Member-level table: no record is singled out by its quasi-identifiers plus any ONE published value
  (e.g. an amount band a colleague could know): for every value column, every group of records
  sharing the quasi-identifiers and that column's value (a blank included) holds at least k records.
-#}
{% test k_anonymous_values(model, consumer, quasi_identifiers, value_columns) %}
{%- for c in value_columns %}
select '{{ c }}' as value_column, count(*) as records
from {{ model }}
group by {{ quasi_identifiers | join(', ') }}, {{ c }}
having count(*) < {{ disclosure_param(consumer, 'k') }}
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
{% endtest %}
