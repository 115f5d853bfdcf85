"""An objection (GDPR art. 21) is honoured by the next run, through dbt: on a copy of the demo's home, a member who
consented to research and to prevention mailings objects to both; the downstream stages run as the pipeline runs
them (crossing, dbt build, publication). The member leaves the population of the research-only prevention
programme (its intermediate model and its mart, rebuilt by dbt), the prevention mailing no longer reaches them,
and the consent report's count of members left out moves by exactly one for each.

The closed year 2025 was already published: the gate refuses to revise it (299 after 300 in the same cell would
tell the prevention consumer that one woman aged 40-59 objected, a differencing attack), so the published file
stays as it was; the objection reaches the next period published. Anonymous aggregates of at least k people
published before the objection are not personal data."""

from __future__ import annotations

import hashlib
import shutil

import duckdb
import pyarrow.parquet as pq

from confiance.settings import Settings


def _warehouse(settings: Settings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _pick(settings: Settings) -> tuple[str, int, str, str]:
    """A member eligible for the research-only programme in 2025, in a large cell (F, 40-59), who also consented to
    mailings: (token, care year, age band, sex)."""
    rows = _warehouse(
        settings,
        """
        SELECT a.member_token, a.care_year FROM intermediate.int_benefits__member_atoms a
        JOIN pseudo.members m USING (member_token)
        WHERE a.consent_research AND m.consent_marketing AND a.sex = 'F' AND a.age_at_care BETWEEN 40 AND 59
          AND a.care_year = 2025
        GROUP BY ALL ORDER BY 1 LIMIT 1""",
    )
    token, year = rows[0]
    return token, year, "40-59", "F"


def _population(settings: Settings, year: int) -> int:
    return _warehouse(
        settings,
        "SELECT sum(population) FROM intermediate.int_disclosure__prevention_dental_checkup WHERE care_year = ?",
        [year],
    )[0][0]


def _mart_cell(settings: Settings, year: int, band: str, sex: str) -> int:
    """The programme's cell in the mart dbt built (not yet published): it must not be masked."""
    cell = _warehouse(
        settings,
        "SELECT member_count, masking FROM marts.mart_prevention__dental_checkup "
        "WHERE care_year = ? AND age_band = ? AND sex = ? AND age_band_width = 20",
        [year, band, sex],
    )
    assert len(cell) == 1 and cell[0][1] == "none", cell
    return cell[0][0]


def _published(settings: Settings) -> tuple[str, int]:
    """(sha256 of the published file, its member count in the cell 2025, 40-59, F)."""
    path = settings.published / "prevention" / "mart_prevention__dental_checkup.parquet"
    rows = pq.read_table(path).to_pylist()
    cell = next(r for r in rows if (r["care_year"], r["age_band"], r["sex"]) == (2025, "40-59", "F"))
    return hashlib.sha256(path.read_bytes()).hexdigest(), cell["member_count"]


def _left_out(report_data: dict) -> tuple[int, int]:
    mart = next(r[2] for r in report_data["marts"] if r[:2] == ["mart_prevention__dental_checkup", "consent_research"])
    campaign = next(r[4] for r in report_data["campaigns"] if r[0] == "dental_prevention_mailing")
    return mart, campaign


def test_an_objection_is_honoured_through_the_dbt_rebuild(demo_run, tmp_path):
    from confiance import pipeline
    from confiance.pipeline_inputs import vault_records
    from governance.reports import consent_report
    from vault.db import vault_connection
    from vault.reidentify import reidentify
    from vault.requests import MemberQuery, object_to

    source, _results = demo_run
    shutil.copytree(source.home, tmp_path / "var", symlinks=True)
    home = Settings(home=tmp_path / "var", key_file=source.key_file)
    token, year, band, sex = _pick(home)
    with vault_connection(home, read_only=True) as con:
        nir = con.execute(
            "SELECT i.nir FROM meta.member_tokens t JOIN meta.identity_map i USING (member_id) "
            "WHERE t.member_token = ?",
            [token],
        ).fetchone()[0]
    tokens_file = tmp_path / "mailing.csv"
    tokens_file.write_text(f"member_token\n{token}\n", encoding="utf-8")

    before_mailing = reidentify(home, "dental_prevention_mailing", tokens_file, caller="tiers-de-confiance")
    assert (before_mailing["resolved"], before_mailing["consented"]) == (1, 1)
    before_population, before_cell = _population(home, year), _mart_cell(home, year, band, sex)
    before_published = _published(home)
    assert before_published[1] == before_cell
    before_left_out = _left_out(consent_report(home, vault_records(home)).data)

    object_to(home, MemberQuery(nir=nir), ["research", "marketing"])
    results = {
        stage: getattr(pipeline, stage)(home, "objection")  # the downstream stages, as run_all runs them
        for stage in ("cross", "dbt_build", "publish")
    }

    assert _warehouse(
        home, "SELECT consent_research, consent_marketing FROM pseudo.members WHERE member_token = ?", [token]
    ) == [(False, False)]
    assert _warehouse(
        home,
        "SELECT count(*) FROM intermediate.int_benefits__member_atoms WHERE member_token = ? AND consent_research",
        [token],
    ) == [(0,)]
    assert _population(home, year) == before_population - 1
    assert _mart_cell(home, year, band, sex) == before_cell - 1
    # the published closed year is final: revising it would disclose the objection; the earlier file stays
    prevention = results["publish"]["consumers"]["prevention"]
    assert prevention["status"] == "refused" and any("would be revised" in r for r in prevention["reasons"])
    assert _published(home) == before_published
    after_mailing = reidentify(home, "dental_prevention_mailing", tokens_file, caller="tiers-de-confiance")
    assert (after_mailing["resolved"], after_mailing["consented"]) == (1, 0)
    after_left_out = _left_out(consent_report(home, vault_records(home)).data)
    assert after_left_out == (before_left_out[0] + 1, before_left_out[1] + 1)
