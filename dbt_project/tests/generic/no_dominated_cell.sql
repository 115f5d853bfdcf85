{#- On the unpublished cells: no cell where one member holds more than the dominance threshold is published. -#}
{% test no_dominated_cell(model, consumer, share_column='dominant_share', masking_column='masking') %}
select *
from {{ model }}
where {{ masking_column }} = 'none' and {{ share_column }} > {{ disclosure_param(consumer, 'dominance') }}
{% endtest %}
