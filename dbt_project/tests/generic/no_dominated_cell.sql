{#-
  On a cell table (int_disclosure__*): no unmasked cell has a primary reason, and, recomputed from
  the true values, no unmasked cell has 1..k-1 members, one member above the dominance threshold of
  an amount, or an amount the second-largest contributor could estimate within p % of the largest.
-#}
{% test no_dominated_cell(model, consumer, measures, masking_column='masking') %}
{%- set k = disclosure_param(consumer, 'k') -%}
{%- set dominance = disclosure_param(consumer, 'dominance') -%}
{%- set p = disclosure_param(consumer, 'p_percent') -%}
select *
from {{ model }}
where {{ masking_column }} = 'none'
  and (primary_reason <> 'none'
       or (member_count > 0 and member_count < {{ k }})
       {%- for m in measures %}
       or ({{ m }} > 0 and {{ m }}_top1 > {{ dominance }} * {{ m }})
       or ({{ m }} > 0 and {{ m }} - {{ m }}_top1 - {{ m }}_top2 < {{ p }} * {{ m }}_top1)
       {%- endfor %})
{% endtest %}
