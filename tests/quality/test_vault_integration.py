"""Through the real encrypted vault: land CSV files, validate the raw feeds, gate on the result."""

from __future__ import annotations

import csv
import datetime as dt
import secrets

import pytest

from confiance.pipeline_inputs import validate_feeds
from confiance.settings import Settings
from quality.gate import blocking_failures
from quality.status import dataset_status
from tests.quality.quality_fixtures import build_rows

vault_landing = pytest.importorskip("vault.landing")


def _write_inbox(settings: Settings, rows: dict[str, list[dict]]) -> None:
    settings.inbox.mkdir(parents=True, exist_ok=True)
    for feed, items in rows.items():
        with open(settings.inbox / f"{feed}_20250629.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(items[0]), delimiter=";", lineterminator="\n")
            w.writeheader()
            for r in items:
                w.writerow({k: _text(v) for k, v in r.items()})


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    return str(v)


def test_duplicate_benefit_lines_in_the_vault_block_the_gate(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    settings = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    settings.ensure_dirs()
    rows = build_rows()
    rows["benefits"].append(dict(rows["benefits"][4], benefit_id="P999999999999"))
    _write_inbox(settings, rows)
    landed = vault_landing.land_inbox(settings)
    assert all(r["status"] == "landed" for r in landed)
    # landing happened "now": run the checks as of the landing day so file arrival is fresh
    summary = validate_feeds(settings, "vault_run", as_of=dt.date.today())
    benefits = summary["datasets"]["raw.benefits"]
    assert benefits["rows"] == len(rows["benefits"])
    assert summary["datasets"]["raw.members"]["blocking"] is False
    gate = blocking_failures(settings)
    assert set(gate) == {"raw.benefits"}
    assert any(r.startswith("no_duplicate_benefit_line ") for r in gate["raw.benefits"])
    status = dataset_status(settings)
    assert status["raw.benefits"]["blocking"] and status["raw.contracts"]["blocking"] is False
    # nothing identifying in the quality folder
    members = rows["members"]
    text = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in settings.quality_dir.rglob("*") if p.is_file())
    for m in members:
        assert m["nir"] not in text and m["email"] not in text
