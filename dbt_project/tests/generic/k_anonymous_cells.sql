{#-
  Every published (unmasked) cell counts either nobody (a zero cell of a population of at least k)
  or at least k distinct members; a masked cell shows no count.
-#}
{% test k_anonymous_cells(model, consumer, count_column='member_count', masking_column='masking') %}
select *
from {{ model }}
where ({{ masking_column }} = 'none'
       and ({{ count_column }} is null
            or ({{ count_column }} > 0 and {{ count_column }} < {{ disclosure_param(consumer, 'k') }})))
   or ({{ masking_column }} <> 'none' and {{ count_column }} is not null)
{% endtest %}
