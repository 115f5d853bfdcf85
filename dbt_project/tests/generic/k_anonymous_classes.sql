{#- Member-level table: every equivalence class on the quasi-identifiers has >= k records and >= l sensitive values. -#}
{% test k_anonymous_classes(model, consumer, quasi_identifiers, sensitive_attribute) %}
select {{ quasi_identifiers | join(', ') }}, count(*) as class_size, count(distinct {{ sensitive_attribute }}) as diversity
from {{ model }}
group by {{ quasi_identifiers | join(', ') }}
having count(*) < {{ disclosure_param(consumer, 'k') }}
    or count(distinct {{ sensitive_attribute }}) < {{ disclosure_param(consumer, 'l') }}
{% endtest %}
