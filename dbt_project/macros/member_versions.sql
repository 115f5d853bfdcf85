{#-
  The one home of the rule "care of year Y is filed under the member's attributes as of Y's closing date"
  (docs/disclosure-control.md, "A member's own changes: filed as of the closing date").

  Y's closing date is Y's end plus closing_lag_months, the date paid_by_closing counts payments by
  (closing_end: the first day after it). The member's version as of that date is the latest version
  (stg_pseudo__member_versions, dated by the feed's updated_at, the vault's version rule) with updated_at on or
  before it; a member with no version that old is filed under their earliest version (first delivered after Y
  closed: what was first known of them, which no later change moves). A version delivered late with an old
  updated_at is filed from its date, as a late-landed line paid before the closing is counted: the rule reads
  the version's date, never its landing date.
  While Y is open its closing date is still ahead, so every version delivered so far is on or before it and the
  version as of the closing date is the member's current one (pseudo.members: the latest by updated_at); once Y
  is closed, no version delivered later (dated after the closing) moves it. The atoms therefore do not depend on
  the run date, and the incremental atoms stay exact when a year closes.
  A member without any version row (a warehouse written before the crossing kept versions) is filed under their
  current attributes. Consents are not versioned: an objection applies to every year (the caller reads them from
  int_members__enriched).

  Engine-neutral: a left join on the member with a range predicate on each version's filed span (from its date to
  the next version's), lead/row_number windows, dbt.dateadd.
-#}

{#- The first day after year_expr's closing date (its end plus closing_lag_months, plus lag_months). -#}
{% macro closing_end(year_expr, lag_months=0) -%}
    {%- set lag = 12 + (var('closing_lag_months', 0) | int) + (lag_months | int) -%}
    cast({{ dbt.dateadd('month', lag, year_start(year_expr)) }} as date)
{%- endmacro %}

{#- Each member version with the dates it files: filed_from (its date; the earliest representable one for the
    member's first version, which files every closing date before it too) to filed_until (the next version's date;
    the latest representable one for the latest version); and the région of its département. member_filter: as
    benefit_lines'. Plain bounds, so that the join below is an equi-join on the member with two range conditions
    (a hash join; conditions with OR made DuckDB fall back to a nested-loop join). -#}
{% macro member_version_spans(member_filter=none) -%}
    select
        versions.member_token,
        versions.birth_year,
        versions.sex,
        versions.departement,
        coalesce(regions.region, 'unknown') as region,
        versions.updated_at as valid_from,
        case
            when row_number() over (partition by versions.member_token order by versions.updated_at) = 1
                then cast('0001-01-01 00:00:00' as timestamp)
            else versions.updated_at
        end as filed_from,
        coalesce(
            lead(versions.updated_at) over (partition by versions.member_token order by versions.updated_at),
            cast('9999-12-31 00:00:00' as timestamp)
        ) as filed_until
    from {{ ref('stg_pseudo__member_versions') }} as versions
    left join {{ ref('region_of_departement') }} as regions
        on versions.departement = regions.departement
    {%- if member_filter %}
    where versions.member_token {{ member_filter }}
    {%- endif %}
{%- endmacro %}

{#- LEFT JOIN of the member's version care of year_expr is filed under, as `alias`, for the member member_expr:
    the one whose filed span holds the year's closing date (filed_from < closing_end <= filed_until). -#}
{% macro filed_member_version_join(member_expr, year_expr, alias='filed', member_filter=none) -%}
    left join ({{ member_version_spans(member_filter) }}) as {{ alias }}
        on {{ alias }}.member_token = {{ member_expr }}
        and {{ alias }}.filed_from < {{ closing_end(year_expr) }}
        and {{ alias }}.filed_until >= {{ closing_end(year_expr) }}
{%- endmacro %}

{#- An attribute (birth_year, sex, departement, region) as filed: the joined version's, or the current one's
    (current_alias, int_members__enriched) for a member without versions. A version was joined when its date is
    there (never null); tested on it, not on the token, so that no published column derives from a token in the
    column lineage the publication gate checks. -#}
{% macro filed_member_attribute(column, current_alias, alias='filed') -%}
    case when {{ alias }}.valid_from is null then {{ current_alias }}.{{ column }} else {{ alias }}.{{ column }} end
{%- endmacro %}
