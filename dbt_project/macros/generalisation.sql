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

{#- A portable, null-safe key over one or several columns (one string), e.g. to count distinct tuples. -#}
{% macro grid_key(cols) -%}
    {%- set parts = [] -%}
    {%- for c in cols -%}
        {%- if not loop.first %}{% do parts.append("'|'") %}{% endif -%}
        {%- do parts.append(class_key(c)) -%}
    {%- endfor -%}
    {%- if parts | length == 1 -%}{{ parts[0] }}{%- else -%}{{ dbt.concat(parts) }}{%- endif -%}
{%- endmacro %}

{#- An amount (EUR) generalised to a band: '0', '<100', '100-499', '500-1999', '2000+'. -#}
{% macro amount_band(amount_expr) -%}
    case
        when ({{ amount_expr }}) is null then cast(null as {{ dbt.type_string() }})
        when ({{ amount_expr }}) <= 0 then cast('0' as {{ dbt.type_string() }})
        when ({{ amount_expr }}) < 100 then cast('<100' as {{ dbt.type_string() }})
        when ({{ amount_expr }}) < 500 then cast('100-499' as {{ dbt.type_string() }})
        when ({{ amount_expr }}) < 2000 then cast('500-1999' as {{ dbt.type_string() }})
        else cast('2000+' as {{ dbt.type_string() }})
    end
{%- endmacro %}
