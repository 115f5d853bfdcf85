{#-
  top_two(expr): an aggregate holding the two largest values of expr in the group, largest first
  (fewer when the group has fewer non-null values), usable in a GROUPING SETS query.
  element(list, i): its i-th value (1-based), null when there is none.

  DuckDB: its top-n aggregate max(expr, 2) and list indexing.
  Spark (and elsewhere): the group's values sorted descending, cut to two (collect_list holds one
  value per member of the cell: a cell's members fit in one task's memory), and try_element_at,
  which gives null past the end under ANSI mode too.
-#}
{% macro top_two(expr) -%}
    {{ return(adapter.dispatch('top_two', 'confiance')(expr)) }}
{%- endmacro %}

{% macro default__top_two(expr) -%}
    slice(sort_array(collect_list({{ expr }}), false), 1, 2)
{%- endmacro %}

{% macro duckdb__top_two(expr) -%}
    max({{ expr }}, 2)
{%- endmacro %}

{% macro element(list_expr, index) -%}
    {{ return(adapter.dispatch('element', 'confiance')(list_expr, index)) }}
{%- endmacro %}

{% macro default__element(list_expr, index) -%}
    try_element_at({{ list_expr }}, {{ index }})
{%- endmacro %}

{% macro duckdb__element(list_expr, index) -%}
    ({{ list_expr }})[{{ index }}]
{%- endmacro %}
