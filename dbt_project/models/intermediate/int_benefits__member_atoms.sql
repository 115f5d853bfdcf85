{#-
  Member-level atoms: one row per member and finest cell (care month, act family,
  contract, age at care...). Every disclosure-controlled table rolls these up,
  so k counts distinct members and dominance sees each member's share.
  Only the lines paid by their care year's closing date (paid_by_closing: the year's end plus
  closing_lag_months): a line paid later never moves a closed year's published cells; it stays in the
  warehouse, counted in int_benefits__late_lines (both read the same join: macro benefit_lines).
-#}
with benefit_lines as (
    {{ benefit_lines() }}
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
