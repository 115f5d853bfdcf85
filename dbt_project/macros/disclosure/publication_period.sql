{#-
  Closed periods: a period of care is published only once it is over, so that a
  figure never changes after publication (a consumer holding two releases could
  otherwise subtract them).

    publication_cutoff   var, a date 'YYYY-MM-DD'; a period is closed when it ends on or
                         before it. Default: the first day of the month the run starts in.
    closing_lag_months   var, months subtracted from the cut-off (claims paid late): a period is closed
                         once its end plus this lag is past, and its figures count the lines paid by then
                         (paid_by_closing). Default 0.
-#}
{% macro publication_cutoff() -%}
    {%- set cutoff = var('publication_cutoff', none) or run_started_at.strftime('%Y-%m-01') -%}
    {%- set lag = var('closing_lag_months', 0) | int -%}
    {%- if lag -%}
    cast({{ dbt.dateadd('month', -lag, "cast('" ~ cutoff ~ "' as date)") }} as date)
    {%- else -%}
    cast('{{ cutoff }}' as date)
    {%- endif -%}
{%- endmacro %}

{#- First day of a calendar year given as an integer expression. -#}
{% macro year_start(year_expr) -%}
    {{ dbt.cast("cast(" ~ year_expr ~ " as " ~ dbt.type_string() ~ ") || '-01-01'", "date") }}
{%- endmacro %}

{#- Months in a period grain. -#}
{% macro grain_months(grain) -%}
    {{ return({'month': 1, 'quarter': 3, 'year': 12}[grain]) }}
{%- endmacro %}

{#- Last day of the period of `grain` starting at date_expr. -#}
{% macro period_end(date_expr, grain) -%}
    cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', grain_months(grain), date_expr)) }} as date)
{%- endmacro %}

{#- Whether calendar year year_expr is closed for a figure that keeps reading lag_months of data after the
    year's end (a follow-up window): the same test as closed_periods' for the year grain, as a predicate (a
    join on closed_periods' relation made Spark fail with "Can't zip RDDs with unequal numbers of partitions"). -#}
{% macro year_closed(year_expr, lag_months=0) -%}
    cast({{ dbt.dateadd('month', lag_months | int, period_end(year_start(year_expr), 'year')) }} as date)
        <= {{ publication_cutoff() }}
{%- endmacro %}

{#-
  paid_by_closing: whether a benefit line counts in the published figures of its period: paid (payment_col, a
  month given by its first day, as stg_pseudo__benefits.payment_month) on or before the closing date of the
  calendar year of care_col, that year's end plus closing_lag_months (the lag publication_cutoff subtracts, so a
  year is closed exactly when its closing date is on or before the cut-off), plus lag_months for a figure that
  keeps reading care after the year's end (prevention's follow-up window; care_col is then the check-up's month).
  A line paid later never moves a closed year's cells: a published figure is final without refusing every later
  release (red team 3, G2). Such lines stay in the warehouse, counted in int_benefits__late_lines.
  The closing date is the YEAR's at every grain (month, quarter, year): every cell of a closed year reads the
  same lines, so a year is the sum of its quarters in every table (a per-grain date would let a consumer subtract
  a quarter from its year and read the lines paid in between). A sub-year period of a year still open is not
  frozen: a line of its care paid after its release revises it, and the gate refuses that revision as before.
  A null payment month is never paid by the closing date. Engine-neutral (dbt.dateadd, year_start). The closing date
  (closing_end, macros/member_versions.sql) is also the date a closed year's care is filed under the member's
  attributes as of (their version then, not their current one).
-#}
{% macro paid_by_closing(care_col, payment_col, lag_months=0) -%}
    {{ payment_col }} < {{ closing_end(year_of(care_col), lag_months) }}
{%- endmacro %}

{#-
  closed_periods: one row per grain, care year and closed period of that year.
  care_years   relation/CTE with a column care_year
  grains       list of grains among month, quarter, year
  lag_months   months a figure of the period keeps reading data after the period's end (a follow-up
               window: prevention_followup_months); the period is closed only when its end plus that
               lag is on or before the cut-off, so that the next period closing never revises it.
               Default 0: a figure reads its own period only.
-#}
{% macro closed_periods(care_years, grains, lag_months=0) -%}
    {%- for grain in grains %}
    select
        cast('{{ grain }}' as {{ dbt.type_string() }}) as period_grain,
        years.care_year,
        cast({{ dbt.dateadd('month', 'offsets.month_offset', year_start('years.care_year')) }} as date) as period_start,
        {{ period_end(dbt.dateadd('month', 'offsets.month_offset', year_start('years.care_year')), grain) }}
            as period_end
    from {{ care_years }} as years
    cross join (
        {%- for m in range(0, 12, grain_months(grain)) %}
        select {{ m }} as month_offset{{ " union all" if not loop.last }}
        {%- endfor %}
    ) as offsets
    {%- set end = period_end(dbt.dateadd('month', 'offsets.month_offset', year_start('years.care_year')), grain) %}
    where {{ end if not lag_months else 'cast(' ~ dbt.dateadd('month', lag_months | int, end) ~ ' as date)' }}
        <= {{ publication_cutoff() }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
