{#- The columns `columns` together identify a row: the combinations that repeat (portable: a plain GROUP BY). -#}
{% test unique_combination(model, columns) %}
select
    {{ columns | join(', ') }},
    count(*) as repeats
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
