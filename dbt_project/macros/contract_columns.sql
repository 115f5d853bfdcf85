{#-
  The select list of a model with an enforced contract, generated from the columns its YAML declares
  (model.columns, rendered from its ODCS contract by `confiance codegen dbt`): every column in the declared
  order, cast to its declared data_type through dbt.cast (spark__cast turns varchar into string).
  - masked_values: the columns published only where the cell is not masked (null otherwise, see `masked`);
  - expressions: {column: SQL expression} for a column computed from others, cast the same way.
  Every other column is read from the input under its own name.
-#}
{% macro contract_columns(masked_values=[], expressions={}) -%}
    {%- for column in model.columns.values() -%}
        {%- if column.name in expressions -%}
            {%- set value = expressions[column.name] -%}
        {%- elif column.name in masked_values -%}
            {%- set value = masked(column.name) -%}
        {%- else -%}
            {%- set value = column.name -%}
        {%- endif %}
        {{ dbt.cast(value, column.data_type) | trim }} as {{ column.name }}{{ "," if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
