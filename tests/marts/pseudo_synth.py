"""A realistic synthetic ``pseudo`` schema built directly in DuckDB (no vault needed).

Used by the mart tests when the generator + vault crossing are not wanted (speed),
and by bench/bench_disclosure.py at 100 million benefit lines. Deterministic:
every draw is a hash of the row number and a salt. Consumption depends on age
and sex; employers have very different sizes, some under 11 covered members.

``disclosure_cases`` (default on) adds the situations an attacker looks for, so that the
disclosure tests meet them on every run:

* an employer of 14 women and a single man (an (employer, sex) group under k: the man's care
  must never be shown apart, so the breakdown by sex must go for that employer);
* one member of the largest employer with a very large hospital bill (a dominated cell);
* two members of the largest employer with large audiology bills in the same month (a cell the
  second-largest contributor could estimate within p %: the p % rule, not dominance).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from confiance.identifiers import DEPARTEMENTS, make_siren, make_siret

ACT_FAMILIES = {  # family: (weight, mean cost EUR, ss rate)
    "pharmacy": (30, 40, 0.65),
    "consultation": (25, 45, 0.70),
    "laboratory": (10, 35, 0.60),
    "radiology": (6, 90, 0.70),
    "paramedical": (10, 50, 0.60),
    "dental": (8, 180, 0.30),
    "optics": (5, 250, 0.05),
    "hospital": (3, 900, 0.80),
    "audiology": (3, 700, 0.20),
}


SIREN_BODIES = 90_000_000  # 8-digit SIREN bodies 10,000,000..99,999,999
SIREN_STEP = 7919  # prime, coprime with SIREN_BODIES: i -> body is one-to-one for i < SIREN_BODIES


def employers(n: int) -> list[str]:
    """``n`` distinct employer SIRETs (distinct SIRENs); the first 11,365 are those of earlier versions."""
    if n > SIREN_BODIES:
        raise ValueError(f"at most {SIREN_BODIES:,} distinct employers")
    return [make_siret(make_siren(10_000_000 + (SIREN_STEP * i) % SIREN_BODIES), 1 + i % 50) for i in range(n)]


SINGLE_MAN_WOMEN = 14
DOMINANT_HOSPITAL_COST = 250_000
P_PERCENT_AUDIOLOGY_COST = 400_000


def single_man_employer(n_employers: int) -> str:
    """The SIRET of the employer of 14 women and one man (outside the ``n_employers`` regular ones)."""
    return employers(n_employers + 1)[-1]


def build(
    db_path: Path | str,
    members: int,
    benefits_per_member: float = 10.0,
    n_employers: int | None = None,
    threads: int | None = None,
    disclosure_cases: bool = True,
) -> dict[str, int]:
    """Create pseudo.members / pseudo.contracts / pseudo.benefits in ``db_path``; return row counts."""
    n_emp = n_employers or max(8, members // 50)
    sirets = employers(n_emp)
    con = duckdb.connect(str(db_path))
    if threads:
        con.execute(f"set threads = {int(threads)}")
    con.execute("create schema if not exists pseudo")
    con.execute(
        "create or replace temp table employer_list as select * from (values "
        + ", ".join(f"({i}, '{s}')" for i, s in enumerate(sirets))
        + ") t(idx, siret)"
    )
    deps = ", ".join(f"'{d}'" for d in DEPARTEMENTS)
    # Populous départements get more members: repeat a few.
    heavy = ", ".join(f"'{d}'" for d in ["75", "92", "93", "94", "13", "69", "59", "33", "31", "44", "06", "67"])
    con.execute(f"""
        create or replace table pseudo.members as
        with base as (
            select i,
                hash(i, 'age') % 1000 / 1000.0 as u_age,
                hash(i, 'sex') % 2 as u_sex,
                (hash(i, 'dep') % 1000)::bigint as u_dep,
                hash(i, 'emp') % 1000 / 1000.0 as u_emp,
                hash(i, 'emp2') % 1000 / 1000.0 as u_emp2,
                hash(i, 'cons') % 100 as u_cons
            from range({members}) t(i)
        ), d as (select [{deps}] as deps, [{heavy}] as heavy)
        select
            'insurer.v1.' || md5('member' || i::varchar) as member_token,
            (2024 - (18 + floor(u_age * u_age * 70 + u_age * 15)))::integer as birth_year,
            null::varchar as age_band,
            case when u_sex = 0 then 'F' else 'M' end as sex,
            case when u_dep < 400 then heavy[1 + u_dep % 12] else deps[1 + u_dep % len(deps)] end as departement,
            u_cons >= 8 as consent_research,
            u_cons % 3 = 0 as consent_marketing,
            case when u_emp < 0.45 then (select siret from employer_list
                 where idx = least({n_emp - 1}, floor(pow(u_emp2, 2.5) * {n_emp})::integer)) end as employer_siret,
            (date '2015-01-01' + to_months((hash(i, 'aff') % 100)::integer))::date as affiliation_month,
            timestamp '2024-12-31 12:00:00' as updated_at
        from base, d
    """)
    con.execute("""
        update pseudo.members set age_band = case when 2024 - birth_year >= 80 then '80+' else
            (floor((2024 - birth_year) / 5) * 5)::integer::varchar || '-' ||
            (floor((2024 - birth_year) / 5) * 5 + 4)::integer::varchar end
    """)
    con.execute("""
        create or replace table pseudo.contracts as
        select
            'insurer.v1.' || md5('contract' || member_token) as contract_token,
            member_token,
            case when employer_siret is null then 'individual' else 'collective' end as contract_type,
            case when employer_siret is null then
                ['SANTE_ESSENTIEL', 'SANTE_CONFORT', 'SANTE_PREMIUM'][(1 + hash(member_token, 'lvl') % 3)::bigint]
                else ['COLLECTIF_BASE', 'COLLECTIF_RENFORCE'][(1 + hash(member_token, 'lvl') % 2)::bigint] end
                as product_code,
            (1 + hash(member_token, 'lvl') % 4)::integer as guarantee_level,
            employer_siret,
            affiliation_month as start_date,
            case when hash(member_token, 'end') % 20 = 0 then date '2024-06-30' end as end_date,
            (25 + (2024 - birth_year) * 1.1 + (1 + hash(member_token, 'lvl') % 4) * 12)::decimal(10, 2)
                as monthly_premium,
            updated_at
        from pseudo.members
    """)
    fam = list(ACT_FAMILIES.items())
    cum, cases = 0, []
    for name, (w, _, _) in fam:
        cum += w
        cases.append(f"when u_fam < {cum} then '{name}'")
    total_w = cum
    cost_cases = " ".join(f"when '{n}' then {c}" for n, (_, c, _) in fam)
    rate_cases = " ".join(f"when '{n}' then {r}" for n, (_, _, r) in fam)
    max_lines = int(benefits_per_member * 2)
    con.execute(f"""
        create or replace table pseudo.benefits as
        with lines as (
            select m.member_token, c.contract_token, m.birth_year, m.sex, j,
                hash(m.member_token, j, 'fam') % {total_w} as u_fam,
                hash(m.member_token, j, 'cost') % 1000 / 1000.0 as u_cost,
                hash(m.member_token, j, 'month') % 24 as u_month
            from pseudo.members m
            join pseudo.contracts c using (member_token)
            cross join range(0, {max_lines}) r(j)
            where j < (hash(m.member_token, 'n') % {max_lines + 1})
                       * (0.6 + (2024 - m.birth_year) / 80.0 + case when m.sex = 'F' then 0.15 else 0 end) / 1.4
        ), typed as (
            select *, case {" ".join(cases)} end as act_family from lines
        ), priced as (
            select *,
                round((case act_family {cost_cases} end) * (0.3 + 2.0 * u_cost * u_cost)
                      * (1 + (2024 - birth_year) / 100.0), 2)::decimal(12, 2) as actual_cost,
                (case act_family {rate_cases} end) as ss_rate
            from typed
        )
        select
            'insurer.v1.' || md5('benefit' || member_token || j::varchar) as benefit_token,
            member_token,
            contract_token,
            (date '2023-01-01' + to_months(u_month::integer))::date as care_month,
            -- paid the next month, within the care year (lines paid after their year's closing are late claims)
            (date '2023-01-01' + to_months(least(u_month + 1, u_month // 12 * 12 + 11)::integer))::date
                as payment_month,
            act_family,
            upper(substr(act_family, 1, 3)) || lpad((hash(member_token, j) % 50)::varchar, 3, '0') as act_code,
            case act_family when 'dental' then 'dentist' when 'optics' then 'optician' when 'pharmacy' then 'pharmacist'
                 when 'hospital' then 'hospital' when 'audiology' then 'audiologist' when 'laboratory' then 'laboratory'
                 when 'radiology' then 'radiologist' when 'paramedical' then 'physiotherapist'
                 else 'generalist' end as practitioner_type,
            actual_cost,
            round(actual_cost * 0.9, 2)::decimal(12, 2) as ss_base,
            round(actual_cost * 0.9 * ss_rate, 2)::decimal(12, 2) as ss_reimbursement,
            round((actual_cost - round(actual_cost * 0.9 * ss_rate, 2)) * 0.6, 2)::decimal(12, 2)
                as complementary_reimbursement,
            (actual_cost - round(actual_cost * 0.9 * ss_rate, 2)
                - round((actual_cost - round(actual_cost * 0.9 * ss_rate, 2)) * 0.6, 2))::decimal(12, 2)
                as out_of_pocket,
            null::varchar as comment,
            timestamp '2024-12-31 12:00:00' as updated_at
        from priced
    """)
    if disclosure_cases:
        _add_disclosure_cases(con, single_man_employer(n_emp), sirets[0])
    counts = {
        t: con.execute(f"select count(*) from pseudo.{t}").fetchone()[0] for t in ("members", "contracts", "benefits")
    }
    con.close()
    return counts


def _benefit_row(
    member: str,
    contract: str,
    tag: str,
    month: str,
    family: str,
    practitioner: str,
    cost: float,
    ss: float,
    complementary: float,
) -> str:
    oop = round(cost - ss - complementary, 2)
    return (
        f"('insurer.v1.' || md5('{tag}'), '{member}', '{contract}', date '{month}',"
        f" date '{month}', '{family}', '{family[:3].upper()}999', '{practitioner}',"
        f" {cost}, {round(cost * 0.9, 2)}, {ss},"
        f" {complementary}, {oop}, null, timestamp '2024-12-31 12:00:00')"
    )


def _add_disclosure_cases(con: duckdb.DuckDBPyConnection, single_man_siret: str, largest_siret: str) -> None:
    # 1. An employer of 14 women and one man, all aged 40-59 in 2023-2024, with ordinary care.
    rows = []
    for i in range(SINGLE_MAN_WOMEN + 1):
        sex = "M" if i == SINGLE_MAN_WOMEN else "F"
        rows.append(f"('insurer.v1.' || md5('single_man_member{i}'), {1970 + i % 11}, '{sex}', '{75 + i % 3}', {i})")
    con.execute(f"""
        insert into pseudo.members
        select token, birth_year,
            case when 2024 - birth_year >= 80 then '80+' else
                (floor((2024 - birth_year) / 5) * 5)::integer::varchar || '-' ||
                (floor((2024 - birth_year) / 5) * 5 + 4)::integer::varchar end,
            sex, departement, true, false, '{single_man_siret}', date '2020-01-01', timestamp '2024-12-31 12:00:00'
        from (values {", ".join(rows)}) t(token, birth_year, sex, departement, i)
    """)
    con.execute(f"""
        insert into pseudo.contracts
        select 'insurer.v1.' || md5('contract' || member_token), member_token, 'collective', 'COLLECTIF_BASE', 2,
            employer_siret, date '2020-01-01', null, 70.00, updated_at
        from pseudo.members where employer_siret = '{single_man_siret}'
    """)
    lines = []
    people = con.execute(f"""select member_token, 'insurer.v1.' || md5('contract' || member_token), sex
                             from pseudo.members where employer_siret = '{single_man_siret}'
                             order by member_token""").fetchall()
    for n, (member, contract, sex) in enumerate(people):
        for year in (2023, 2024):
            for j, (family, practitioner, cost) in enumerate(
                [("pharmacy", "pharmacist", 35.0), ("consultation", "generalist", 30.0)]
            ):
                month = f"{year}-{1 + (n + 5 * j) % 12:02d}-01"
                lines.append(
                    _benefit_row(
                        member,
                        contract,
                        f"single_man{n}_{year}_{j}",
                        month,
                        family,
                        practitioner,
                        cost + n,
                        round((cost + n) * 0.6, 2),
                        round((cost + n) * 0.3, 2),
                    )
                )
            if sex == "M":
                lines.append(
                    _benefit_row(
                        member,
                        contract,
                        f"single_man{n}_{year}_dental",
                        f"{year}-06-01",
                        "dental",
                        "dentist",
                        420.0,
                        40.0,
                        300.0,
                    )
                )
    # 2. and 3. In the largest employer: a dominated hospital cell and a p % audiology cell.
    # the two audiology bills go to two women of the same 20-year age band, so that they share a cell
    big = con.execute(f"""select m.member_token, c.contract_token from pseudo.members m
                          join pseudo.contracts c using (member_token)
                          where c.employer_siret = '{largest_siret}' and m.sex = 'F'
                            and 2024 - m.birth_year between 20 and 39
                          order by m.member_token limit 3""").fetchall()
    cost = float(DOMINANT_HOSPITAL_COST)
    lines.append(
        _benefit_row(
            big[0][0],
            big[0][1],
            "dominant_hospital",
            "2023-03-01",
            "hospital",
            "hospital",
            cost,
            round(cost * 0.8, 2),
            round(cost * 0.15, 2),
        )
    )
    cost = float(P_PERCENT_AUDIOLOGY_COST)
    for n in (1, 2):
        lines.append(
            _benefit_row(
                big[n][0],
                big[n][1],
                f"p_percent_audiology{n}",
                "2024-06-01",
                "audiology",
                "audiologist",
                cost - n,
                round((cost - n) * 0.2, 2),
                round((cost - n) * 0.5, 2),
            )
        )
    con.execute("insert into pseudo.benefits values " + ", ".join(lines))
