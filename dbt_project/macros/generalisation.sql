{#-
  Generalisation hierarchies of the quasi-identifiers (ARX-style):
    age:    5-year band -> 10-year band -> 20-year band (80+ at every level)
    geo:    département -> région -> France
    period: month -> quarter -> year
  Portable SQL only: dbt cross-database macros, no DuckDB-only function.
-#}

{% macro age_band(age_expr, width) -%}
    {%- if width | string == 'all' -%}
        cast('all' as {{ dbt.type_string() }})
    {%- else -%}
    case
        when ({{ age_expr }}) is null then cast(null as {{ dbt.type_string() }})
        when ({{ age_expr }}) >= 80 then cast('80+' as {{ dbt.type_string() }})
        when ({{ age_expr }}) < 0 then cast('0-{{ width | int - 1 }}' as {{ dbt.type_string() }})
        else {{ dbt.concat([
            "cast(cast(floor((" ~ age_expr ~ ") / " ~ width ~ ".0) * " ~ width ~ " as integer) as " ~ dbt.type_string() ~ ")",
            "'-'",
            "cast(cast(floor((" ~ age_expr ~ ") / " ~ width ~ ".0) * " ~ width ~ " + " ~ (width | int - 1) ~ " as integer) as " ~ dbt.type_string() ~ ")"
        ]) }}
    end
    {%- endif -%}
{%- endmacro %}

{% macro period_start(date_expr, grain) -%}
    cast({{ dbt.date_trunc(grain, date_expr) }} as date)
{%- endmacro %}

{% macro year_of(date_expr) -%}
    cast(extract(year from {{ date_expr }}) as integer)
{%- endmacro %}

{#- geo level: 'departement' | 'region' | 'country'. Needs the columns departement and region in scope. -#}
{% macro geo_area(level, departement_col='departement', region_col='region') -%}
    {%- if level == 'departement' -%}{{ departement_col }}
    {%- elif level == 'region' -%}{{ region_col }}
    {%- else -%}cast('FR' as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}

{#- sex level: 'sex' (F/M as recorded) | 'all' (both sexes together). -#}
{% macro sex_group(level, sex_col='sex') -%}
    {%- if level == 'sex' -%}{{ sex_col }}
    {%- else -%}cast('all' as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}

{#- A join/grouping key on a generalised value where null is a value of its own (portable null-safe equality). -#}
{% macro class_key(expr) -%}
    coalesce(cast({{ expr }} as {{ dbt.type_string() }}), '(null)')
{%- endmacro %}
