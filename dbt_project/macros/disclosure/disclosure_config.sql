{#- Disclosure-control parameters of one consumer, from var('disclosure'). -#}
{% macro disclosure_param(consumer, name, default=none) -%}
    {%- set all = var('disclosure', {}) -%}
    {%- set cfg = all.get(consumer, {}) -%}
    {%- set fallback = {'k': 11, 'l': 3, 'dominance': 0.85, 'p_percent': 0.15, 'max_masked_share': 0.25,
                        'benchmark_min_employers': 5} -%}
    {%- if name in cfg -%}{{ return(cfg[name]) }}
    {%- elif default is not none -%}{{ return(default) }}
    {%- else -%}{{ return(fallback[name]) }}
    {%- endif -%}
{%- endmacro %}
