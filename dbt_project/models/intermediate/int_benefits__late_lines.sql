{#-
  Benefit lines paid after the closing date of their care year (not paid_by_closing): they never enter
  int_benefits__member_atoms, so no published figure counts them, but they are not lost: one row per care
  year and employer (null: individual contracts) with their count, amounts and latest payment month, for
  staff and the DPO (how incomplete a closed year's published figures are). Never published.
  Lines whose member or contract is unknown are left out here as in the atoms: both read the same join
  (macro benefit_lines).
-#}
with benefit_lines as (
    {{ benefit_lines() }}
),

late_lines as (
    select
        care_year,
        contract_type,
        employer_siret,
        count(*) as late_line_count,
        sum(actual_cost) as actual_cost,
        sum(complementary_reimbursement) as complementary_reimbursement,
        max(payment_month) as last_payment_month
    from benefit_lines
    where not coalesce({{ paid_by_closing('care_month', 'payment_month') }}, false)
    group by
        care_year,
        contract_type,
        employer_siret
)

select * from late_lines
