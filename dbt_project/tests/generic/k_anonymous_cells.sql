{#- Every published (unmasked) cell describes at least k distinct members; a masked cell shows no count. -#}
{% test k_anonymous_cells(model, consumer, count_column='member_count', masking_column='masking') %}
select *
from {{ model }}
where ({{ masking_column }} = 'none' and ({{ count_column }} is null or {{ count_column }} < {{ disclosure_param(consumer, 'k') }}))
   or ({{ masking_column }} <> 'none' and {{ count_column }} is not null)
{% endtest %}
