{#-
  Member-level atoms: one row per member and finest cell (care month, act family,
  contract, age at care...). Every disclosure-controlled table rolls these up,
  so k counts distinct members and dominance sees each member's share.
  Only the lines paid by their care year's closing date (paid_by_closing: the year's end plus
  closing_lag_months): a line paid later never moves a closed year's published cells; it stays in the
  warehouse, counted in int_benefits__late_lines (both read the same join: macro benefit_lines).

  Incremental on DuckDB, per changed member (macros/member_atoms_incremental.sql); a table elsewhere (Spark).
  Each line is filed under the member's birth year, sex, département and région as of its care year's closing
  date (macros/member_versions.sql, through benefit_lines): a member's move or correction after a year closed
  leaves that year's atoms as they were; consents are current.
  Changed members since the last build: those whose own row, one of whose versions, one of whose benefit lines, or
  one of whose contracts (a contract moves every member with lines on it) carries a crossing stamp (_crossing) newer than
  the watermark stored with the atoms. Their atoms are deleted and recomputed; the atoms of members no longer in
  the warehouse are deleted; a changed member without lines left keeps no atom. Rebuilt whole (as
  --full-refresh) when the fingerprint stored with the atoms (a COMMENT on the table: md5 of this model's and its
  upstream models', seeds' and macros' code, the source contracts' columns, every var that code reads, such as
  closing_lag_months, and the staging relations' columns and types) differs, when there is no state or no
  stamp, and after a whole crossing (first crossing, key rotation, erasure, purge, objection: every row
  restamped). The decision lives in these macros (is_incremental(), a custom incremental strategy and a
  post-hook), so `dbt build` and Cosmos's one `dbt run --select` per model build the same atoms.
-#}
{{ config(
    materialized=('incremental' if target.type == 'duckdb' else 'table'),
    incremental_strategy=('member_atoms' if target.type == 'duckdb' else none),
    post_hook=["{{ member_atoms_record_state() }}"],
) }}
{#- read at run time only (changed members, stamps): -#}
-- depends_on: {{ ref('stg_pseudo__members') }}
-- depends_on: {{ ref('stg_pseudo__member_versions') }}

with benefit_lines as (
    {{ benefit_lines(member_filter=member_atoms_member_filter()) }}
),

member_atoms as (
    {#- group by all: every column that is not an aggregate is a key of the atom (DuckDB, Spark >= 3.4). #}
    select
        member_token,
        care_month,
        care_year,
        act_family,
        contract_type,
        product_code,
        guarantee_level,
        employer_siret,
        care_year - birth_year as age_at_care,
        sex,
        departement,
        region,
        consent_research,
        count(*) as line_count,
        sum(actual_cost) as actual_cost,
        sum(ss_reimbursement) as ss_reimbursement,
        sum(complementary_reimbursement) as complementary_reimbursement,
        sum(out_of_pocket) as out_of_pocket
    from benefit_lines
    where {{ paid_by_closing('care_month', 'payment_month') }}
    group by all
)

select * from member_atoms
