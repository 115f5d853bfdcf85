{#-
  dbt.dateadd on Spark. dbt-spark's own spark__dateadd repeats its date argument five times
  (null assertions and a clock component); nested calls, as in closed_periods' period_end of a
  dateadd, grow the SQL geometrically (a 180 kB CTE for one model) until Spark's analyser runs
  out of memory. Spark's timestampadd does the same arithmetic once: calendar months clamp to the
  month's last day as in DuckDB, the time of day is kept, and the result is a timestamp (as dbt's
  DuckDB dateadd). dbt looks for spark__dateadd in the root project first.
-#}
{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {%- set units = {'day': 'DAY', 'week': 'WEEK', 'month': 'MONTH', 'quarter': 'QUARTER', 'year': 'YEAR',
                     'hour': 'HOUR', 'minute': 'MINUTE', 'second': 'SECOND', 'millisecond': 'MILLISECOND',
                     'microsecond': 'MICROSECOND'} -%}
    {%- if datepart | lower not in units -%}
        {{ exceptions.raise_compiler_error("dateadd on Spark: unsupported date part '" ~ datepart ~ "'") }}
    {%- endif -%}
    timestampadd({{ units[datepart | lower] }}, cast({{ interval }} as bigint), cast({{ from_date_or_timestamp }} as timestamp))
{%- endmacro %}
