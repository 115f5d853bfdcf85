{#-
  benefit_lines: the one home of the join every member-level benefit model reads: each benefit line of
  stg_pseudo__benefits with its member (int_members__enriched) and its contract (stg_pseudo__contracts), and the
  employer of a collective contract (null for an individual one). Lines whose member or contract is unknown are
  left out (inner joins), in int_benefits__member_atoms as in int_benefits__late_lines. The member's birth year,
  sex, département and région are those the line's care year is filed under (macros/member_versions.sql: as of
  the year's closing date); the consent is the current one (an objection applies to every year).

    member_filter   optional SQL predicate on the line's member token (a set of member tokens, e.g.
                    "in (select member_token from changed)"): the members whose lines are read (the
                    incremental atoms read only the members that changed). Default: every member.

  Returns a SELECT (no trailing semicolon) to be used as a CTE; columns: member_token, care_month, care_year,
  payment_month, act_family, actual_cost, ss_reimbursement, complementary_reimbursement, out_of_pocket,
  contract_type, product_code, guarantee_level, employer_siret, birth_year, sex, departement, region,
  consent_research. Engine-neutral (year_of).
-#}
{% macro benefit_lines(member_filter=none) -%}
    select
        benefits.member_token,
        benefits.care_month,
        {{ year_of('benefits.care_month') }} as care_year,
        benefits.payment_month,
        benefits.act_family,
        benefits.actual_cost,
        benefits.ss_reimbursement,
        benefits.complementary_reimbursement,
        benefits.out_of_pocket,
        contracts.contract_type,
        contracts.product_code,
        contracts.guarantee_level,
        case when contracts.contract_type = 'collective' then contracts.employer_siret end as employer_siret,
        {{ filed_member_attribute('birth_year', 'members') }} as birth_year,
        {{ filed_member_attribute('sex', 'members') }} as sex,
        {{ filed_member_attribute('departement', 'members') }} as departement,
        {{ filed_member_attribute('region', 'members') }} as region,
        members.consent_research
    from {{ ref('stg_pseudo__benefits') }} as benefits
    inner join {{ ref('int_members__enriched') }} as members
        on benefits.member_token = members.member_token
    inner join {{ ref('stg_pseudo__contracts') }} as contracts
        on benefits.contract_token = contracts.contract_token
    {{ filed_member_version_join('benefits.member_token', year_of('benefits.care_month'), member_filter=member_filter) }}
    {%- if member_filter %}
    where benefits.member_token {{ member_filter }}
    {%- endif %}
{%- endmacro %}
