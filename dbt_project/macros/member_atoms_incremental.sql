{#-
  The incremental build of int_benefits__member_atoms on DuckDB (on other engines the model is a table, rebuilt
  whole, and none of these macros runs). Everything is decided here, in the dbt project, so that `dbt build`
  (confiance.pipeline.dbt_build) and Cosmos (one `dbt run --select` per model under Airflow) behave the same.

  State, stored with the atoms (a COMMENT on the table, written by the model's post-hook in the same transaction
  as the rows): {"fingerprint": ..., "watermark": ...}
    watermark    the largest crossing stamp (_crossing) of the staging rows the atoms were built from; null when
                 some row carried no stamp (nothing then tells what changed: the next build is whole).
    fingerprint  md5 of what the atoms depend on besides the rows (member_atoms_fingerprint).

  Plan of a build (member_atoms_plan), when the atoms table exists and dbt runs incrementally:
    whole    no state, another fingerprint, no watermark (unstamped rows), or a whole crossing since (every member
             row carries a stamp newer than the watermark: first crossing, key rotation, erasure, purge,
             objection restamp every row): the atoms are recomputed from every line and replace the table
             (CREATE OR REPLACE: same rows, columns and types as `--full-refresh`).
    members  otherwise: the changed members (member_atoms_changed_members) lose their atoms and get them
             recomputed; members who are no longer in stg_pseudo__members lose their atoms.
  Assumes what the crossing guarantees: crossings are serialised (their stamps grow in commit order), a
  crossing that deletes rows other than the records it re-crosses is whole, and an appended crossing that moves a
  record to another member also stamps the former member's row (vault.crossing._stamp_members_left).
-#}

{#- The members whose atoms may have changed since the watermark: a SELECT of member_token. -#}
{% macro member_atoms_changed_members(watermark) -%}
    select member_token from {{ ref('stg_pseudo__members') }} where _crossing > {{ watermark }}
    union
    {#- a new or re-crossed version may change the attributes a year is filed under (macros/member_versions.sql) #}
    select member_token from {{ ref('stg_pseudo__member_versions') }} where _crossing > {{ watermark }}
    union
    select member_token from {{ ref('stg_pseudo__benefits') }} where _crossing > {{ watermark }}
    union
    {#- a contract's change (employer, product, level, type) moves every member with lines on it #}
    select lines_on_contract.member_token
    from {{ ref('stg_pseudo__benefits') }} as lines_on_contract
    where lines_on_contract.contract_token in (
        select contract_token from {{ ref('stg_pseudo__contracts') }} where _crossing > {{ watermark }}
    )
{%- endmacro %}

{#- md5 of what the atoms depend on besides the rows: the code (checksum) of the model and of every model and seed
    upstream of it, the source tables' declared columns and types (the feed contracts), the SQL of every project
    macro they call (and the macros those call), the value of every var that code reads, the columns and types
    of the relations the model reads in the warehouse, dbt's version (its own macros) and the target type. -#}
{% macro member_atoms_fingerprint() -%}
    {%- set parts = [target.type, dbt_version] -%}
    {%- set nodes = [model.unique_id] -%}
    {#- this file's macros: called only at run time, so dbt does not list them among the model's macros -#}
    {%- set macros = [] -%}
    {%- for name in ['member_atoms_changed_members', 'member_atoms_fingerprint', 'member_atoms_stored_state',
                     'member_atoms_stamps', 'member_atoms_plan', 'member_atoms_member_filter',
                     'get_incremental_member_atoms_sql', 'member_atoms_record_state', 'crossing_stamp'] -%}
        {%- do macros.append('macro.' ~ project_name ~ '.' ~ name) -%}
    {%- endfor -%}
    {%- set code = [] -%}
    {%- for uid in nodes -%}
        {%- if uid.startswith('source.') -%}
            {%- set source_node = graph.sources[uid] -%}
            {%- for name, column in source_node.columns.items() | sort -%}
                {%- do parts.append(uid ~ '.' ~ name ~ ':' ~ column.data_type) -%}
            {%- endfor -%}
        {%- else -%}
            {%- set node = graph.nodes[uid] -%}
            {%- do parts.append(uid ~ ':' ~ node.checksum.checksum) -%}
            {%- do code.append(node.raw_code or '') -%}
            {%- for dep in node.depends_on.nodes if dep not in nodes -%}
                {%- do nodes.append(dep) -%}
            {%- endfor -%}
            {%- for dep in node.depends_on.macros if dep not in macros -%}
                {%- do macros.append(dep) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for uid in macros -%}
        {%- if uid.startswith('macro.' ~ project_name ~ '.') -%}
            {%- set found = context.get(uid.split('.')[-1]) -%}
            {%- if found is not none and found.macro is defined -%}
                {%- do parts.append(uid ~ ':' ~ local_md5(found.macro.macro_sql)) -%}
                {%- do code.append(found.macro.macro_sql) -%}
                {%- for dep in found.macro.depends_on.macros if dep not in macros -%}
                    {%- do macros.append(dep) -%}
                {%- endfor -%}
            {%- else -%}
                {%- do parts.append(uid ~ ':unresolved') -%}
            {%- endif -%}
        {%- else -%}
            {%- do parts.append(uid) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set var_names = modules.re.findall("var\(\s*['\"]([A-Za-z0-9_]+)['\"]", code | join('\n')) | unique | sort -%}
    {%- for name in var_names -%}
        {%- do parts.append('var.' ~ name ~ '=' ~ tojson(var(name, none))) -%}
    {%- endfor -%}
    {%- for name in ['stg_pseudo__members', 'stg_pseudo__member_versions', 'stg_pseudo__benefits',
                     'stg_pseudo__contracts', 'int_members__enriched'] -%}
        {%- for column in adapter.get_columns_in_relation(ref(name)) -%}
            {%- do parts.append(name ~ '.' ~ column.name ~ ':' ~ column.dtype) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{- return(local_md5(parts | join('\n'))) -}}
{%- endmacro %}

{#- The state stored with the atoms table (none when it has none or does not exist). -#}
{% macro member_atoms_stored_state(relation) -%}
    {%- set result = run_query(
        "select comment from duckdb_tables() where database_name = '" ~ relation.database ~ "' and schema_name = '"
        ~ relation.schema ~ "' and table_name = '" ~ relation.identifier ~ "'") -%}
    {%- if result is none or (result.rows | length) == 0 or result.rows[0][0] is none -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set text = result.rows[0][0] -%}
    {%- if not text.startswith('{') -%}{{- return(none) -}}{%- endif -%}
    {{- return(fromjson(text)) -}}
{%- endmacro %}

{#- The watermark of the rows as they are now (none when a row carries no stamp) and the oldest member stamp. -#}
{% macro member_atoms_stamps() -%}
    {%- set result = run_query(
        "select max(_crossing), count(*) - count(_crossing), "
        ~ "(select min(_crossing) from " ~ ref('stg_pseudo__members') ~ ") from ("
        ~ "select _crossing from " ~ ref('stg_pseudo__members')
        ~ " union all select _crossing from " ~ ref('stg_pseudo__member_versions')
        ~ " union all select _crossing from " ~ ref('stg_pseudo__benefits')
        ~ " union all select _crossing from " ~ ref('stg_pseudo__contracts') ~ ")") -%}
    {%- set row = result.rows[0] -%}
    {%- set watermark = none if row[1] or row[0] is none else row[0] | int -%}
    {%- set oldest_member = none if row[2] is none else row[2] | int -%}
    {{- return({'watermark': watermark, 'oldest_member': oldest_member}) -}}
{%- endmacro %}

{#- The plan of this build: {'mode': 'whole' | 'members', 'watermark': the stored watermark, 'reason': ...}. -#}
{% macro member_atoms_plan() -%}
    {%- set stored = member_atoms_stored_state(this) -%}
    {%- if stored is none -%}
        {{- return({'mode': 'whole', 'reason': 'no state stored with the atoms'}) -}}
    {%- endif -%}
    {%- if stored.get('fingerprint') != member_atoms_fingerprint() -%}
        {{- return({'mode': 'whole', 'reason': 'code, vars or staging columns changed'}) -}}
    {%- endif -%}
    {%- set watermark = stored.get('watermark') -%}
    {%- if watermark is none -%}
        {{- return({'mode': 'whole', 'reason': 'built from rows without a crossing stamp'}) -}}
    {%- endif -%}
    {%- set now = member_atoms_stamps() -%}
    {%- if now.watermark is none -%}
        {{- return({'mode': 'whole', 'reason': 'rows without a crossing stamp'}) -}}
    {%- endif -%}
    {%- if now.oldest_member is none or now.oldest_member > watermark | int -%}
        {{- return({'mode': 'whole', 'reason': 'a whole crossing since the last build'}) -}}
    {%- endif -%}
    {{- return({'mode': 'members', 'watermark': watermark | int, 'reason': 'rows stamped after ' ~ watermark}) -}}
{%- endmacro %}

{#- The member filter of the model's SQL: none (every line) unless this build recomputes the changed members. -#}
{% macro member_atoms_member_filter() -%}
    {%- if execute and target.type == 'duckdb' and is_incremental() -%}
        {%- set plan = member_atoms_plan() -%}
        {{- log('int_benefits__member_atoms: ' ~ plan.mode ~ ' (' ~ plan.reason ~ ')', info=True) -}}
        {%- if plan.mode == 'members' -%}
            {{- return('in (' ~ member_atoms_changed_members(plan.watermark) ~ ')') -}}
        {%- endif -%}
    {%- endif -%}
    {{- return(none) -}}
{%- endmacro %}

{#- incremental_strategy='member_atoms': the temporary relation holds the atoms the plan recomputed. -#}
{% macro get_incremental_member_atoms_sql(arg_dict) -%}
    {%- set target_relation = arg_dict['target_relation'] -%}
    {%- set temp_relation = arg_dict['temp_relation'] -%}
    {%- set plan = member_atoms_plan() -%}
    {%- if plan.mode == 'whole' -%}
    create or replace table {{ target_relation }} as select * from {{ temp_relation }}
    {%- else -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target_relation }} as atoms
    where atoms.member_token in ({{ member_atoms_changed_members(plan.watermark) }})
        or not exists (
            select 1 from {{ ref('stg_pseudo__members') }} as members where members.member_token = atoms.member_token
        );
    insert into {{ target_relation }} ({{ columns }}) select {{ columns }} from {{ temp_relation }}
    {%- endif -%}
{%- endmacro %}

{#- Post-hook: the state of the atoms just built (DuckDB only; nothing elsewhere). -#}
{% macro member_atoms_record_state() -%}
    {%- if execute and target.type == 'duckdb' -%}
        {%- set state = {'fingerprint': member_atoms_fingerprint(), 'watermark': member_atoms_stamps().watermark} -%}
    comment on table {{ this }} is '{{ tojson(state) }}'
    {%- endif -%}
{%- endmacro %}
