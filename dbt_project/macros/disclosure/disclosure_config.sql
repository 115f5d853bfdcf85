{#- Disclosure-control parameters of one consumer, from var('disclosure') in dbt_project.yml: their one home,
    read by the publication gate too (confiance.settings, governance.protection). No fallback value here: a
    parameter missing from dbt_project.yml stops the compilation instead of using a second copy. -#}
{% macro disclosure_param(consumer, name) -%}
    {%- set cfg = var('disclosure', {}).get(consumer, {}) -%}
    {%- if name in cfg -%}{{ return(cfg[name]) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("dbt_project.yml: vars.disclosure." ~ consumer ~ " has no " ~ name) }}
    {%- endif -%}
{%- endmacro %}
