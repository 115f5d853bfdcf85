{#- employer_name is optional in the contracts feed (its contract says required: false): a warehouse crossed
    from feeds without it gets nulls, and reports fall back to the employer's SIRET. -#}
{%- set has_name = true -%}
{%- if execute -%}
    {%- set columns = adapter.get_columns_in_relation(source('pseudo', 'contracts')) | map(attribute='name')
        | map('lower') | list -%}
    {%- set has_name = 'employer_name' in columns -%}
{%- endif -%}
with source as (
    select * from {{ source('pseudo', 'contracts') }}
),

renamed as (
    select
        contract_token,
        member_token,
        contract_type,
        product_code,
        guarantee_level,
        employer_siret,
        {% if has_name %}employer_name{% else %}cast(null as {{ dbt.type_string() }}) as employer_name{% endif %},
        start_date,
        end_date,
        monthly_premium,
        updated_at,
        {{ crossing_stamp(source('pseudo', 'contracts')) }}
    from source
)

select * from renamed
