{#- Every dated version of a member's generalised attributes (pseudo.member_versions, written by the vault
    crossing): the history the member atoms file a care year under (macros/member_versions.sql).
    A warehouse written before the crossing kept versions (or built by hand without them) has no such table: each
    member's current row (pseudo.members) is then their only version, and every year is filed under it. -#}
{%- set versions_source = source('pseudo', 'member_versions') -%}
{%- set members_source = source('pseudo', 'members') -%}
{%- set has_versions = true -%}
{%- if execute -%}
    {%- set has_versions = load_relation(versions_source) is not none -%}
{%- endif -%}
with source as (
    select * from {{ versions_source if has_versions else members_source }}
),

renamed as (
    select
        member_token,
        updated_at,
        birth_year,
        sex,
        departement,
        {{ crossing_stamp(versions_source if has_versions else members_source) }}
    from source
)

select * from renamed
