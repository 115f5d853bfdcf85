{#- A masked cell publishes none of its values. -#}
{% test masked_values_are_null(model, columns, masking_column='masking') %}
select *
from {{ model }}
where {{ masking_column }} <> 'none'
  and ({% for c in columns %}{{ c }} is not null{{ " or " if not loop.last }}{% endfor %})
{% endtest %}
