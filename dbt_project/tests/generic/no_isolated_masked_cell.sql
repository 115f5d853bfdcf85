{#-
  Secondary suppression converged: no group whose total is published or
  derivable holds exactly one masked cell among several (the masked value
  would be the total minus the others).
-#}
{% test no_isolated_masked_cell(model, group_by, masking_column='masking') %}
select {{ group_by | join(', ') }}, count(*) as cells,
       sum(case when {{ masking_column }} <> 'none' then 1 else 0 end) as masked_cells
from {{ model }}
group by {{ group_by | join(', ') }}
having sum(case when {{ masking_column }} <> 'none' then 1 else 0 end) = 1 and count(*) > 1
{% endtest %}
