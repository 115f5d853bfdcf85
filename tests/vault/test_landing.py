"""Landing: contract checks, quarantine with line numbers, refusals, formats, idempotence, atomicity."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from confiance.settings import Settings
from tests.vault.vault_fixtures import COLS, make_feeds, write_csv, write_feeds
from vault import audit
from vault.db import vault_connection
from vault.landing import land_inbox, ledger


def _by_file(results):
    return {r["file"]: r for r in results}


def _quarantine(settings):
    with vault_connection(settings, read_only=True) as con:
        return con.execute("SELECT file, line, reason FROM meta.quarantine ORDER BY file, line").fetchall()


def test_clean_feeds_land_with_exact_counts(settings: Settings, feeds):
    write_feeds(settings.inbox, feeds)
    results = land_inbox(settings)
    assert [r["status"] for r in results] == ["landed"] * 3
    for r in results:
        assert r["rows_read"] == r["rows_landed"] + r["rows_quarantined"] == len(feeds[r["feed"]])
        assert r["rows_quarantined"] == 0
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.benefits").fetchone()[0] == len(feeds["benefits"])
        row = con.execute(
            "SELECT birth_date, consent_research, _line FROM raw.members WHERE member_id = 'A000000001'"
        ).fetchone()
        assert str(row[0]) == feeds["members"][0]["birth_date"] and row[2] == 2
        types = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'raw' AND table_name = 'benefits'"
            ).fetchall()
        )
    assert types["actual_cost"] == "DECIMAL(12,2)" and types["care_date"] == "DATE" and types["_line"] == "BIGINT"
    assert [e["action"] for e in audit.entries(settings)] == ["landing.landed"] * 3


# (mutation on members row index 4 -> file line 6, expected reason fragment)
ROW_DEFECTS = [
    (lambda r: r.update(nir=r["nir"][:13] + f"{(int(r['nir'][13:]) % 97) + 1:02d}"), "invalid NIR control key"),
    (lambda r: r.update(nir="3" + r["nir"][1:]), "nir: does not match"),
    (lambda r: r.update(last_name=""), "last_name: required value missing"),
    (lambda r: r.update(birth_date="31/12/1980"), "birth_date: not a date"),
    (lambda r: r.update(birth_date="1899-12-31"), "birth_date: minimum"),
    (lambda r: r.update(sex="X"), "sex: not one of the allowed values"),
    (lambda r: r.update(postal_code="7501"), "postal_code: does not match"),
    (lambda r: r.update(consent_marketing="maybe"), "consent_marketing: not a boolean"),
    (lambda r: r.update(updated_at="yesterday"), "updated_at: not a timestamp"),
    (lambda r: r.update(member_id="A000000001"), "member_id: duplicate within the file"),
]


@pytest.mark.parametrize("mutate,reason", ROW_DEFECTS, ids=[r for _, r in ROW_DEFECTS])
def test_row_defects_are_quarantined_with_line_and_reason(settings: Settings, mutate, reason):
    feeds = make_feeds(30, 1)
    mutate(feeds["members"][4])
    write_csv(settings.inbox / "members_x.csv", feeds["members"], COLS["members"])
    (r,) = land_inbox(settings)
    assert (r["status"], r["rows_read"], r["rows_landed"], r["rows_quarantined"]) == ("landed", 30, 29, 1)
    ((file, line, got),) = _quarantine(settings)
    assert file == "members_x.csv" and line == 6 and reason in got


def test_amount_defects_and_malformed_lines(settings: Settings):
    feeds = make_feeds(20, 2)
    b = feeds["benefits"]
    b[0]["actual_cost"] = "12,50"  # line 2: French decimal comma
    b[3]["payment_date"] = "2024-02-30"  # line 5: impossible date
    b[6]["out_of_pocket"] = "-"  # line 8
    path = write_csv(settings.inbox / "benefits_x.csv", b, COLS["benefits"])
    lines = path.read_text().splitlines()
    lines[10] = lines[10] + ";extra"  # line 11: too many fields
    lines[12] = ";".join(lines[12].split(";")[:5])  # line 13: too few fields
    path.write_text("\n".join(lines) + "\n")
    (r,) = land_inbox(settings)
    assert r["rows_read"] == 40 and r["rows_quarantined"] == 5 and r["rows_landed"] == 35
    q = {line: reason for _, line, reason in _quarantine(settings)}
    assert set(q) == {2, 5, 8, 11, 13}
    assert "actual_cost" in q[2] and "payment_date" in q[5] and "out_of_pocket" in q[8]
    assert q[11].startswith("malformed line") and q[13].startswith("malformed line")
    with vault_connection(settings, read_only=True) as con:  # the other rows kept their own line numbers
        lines_landed = {x for (x,) in con.execute("SELECT _line FROM raw.benefits").fetchall()}
    assert lines_landed == set(range(2, 42)) - set(q)


def _refused(settings: Settings, name: str, content: bytes | None = None) -> dict:
    if content is not None:
        (settings.inbox / name).write_bytes(content)
    (r,) = [x for x in land_inbox(settings) if x["file"] == name]
    assert r["status"] == "refused" and r["rows_landed"] == 0
    assert name in r["reason"]
    led = [x for x in ledger(settings) if x["file"] == name]
    assert led and led[0]["status"] == "refused"
    assert any(f == name and line is None for f, line, _ in _quarantine(settings))
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] == 0
    return r


def _members_csv(feeds, cols=None, delim=";") -> str:
    cols = cols or COLS["members"]
    rows = [delim.join(cols)] + [delim.join(str(m.get(c, "")) for c in cols) for m in feeds["members"]]
    return "\n".join(rows) + "\n"


def test_missing_required_column_refuses_file(settings: Settings):
    cols = [c for c in COLS["members"] if c != "nir"]
    r = _refused(settings, "members_nonir.csv", _members_csv(make_feeds(5), cols).encode())
    assert "missing required column(s) nir" in r["reason"]


def test_unexpected_column_refuses_file(settings: Settings):
    feeds = make_feeds(5)
    for m in feeds["members"]:
        m["mother_maiden_name"] = "x"
    r = _refused(settings, "members_extra.csv", _members_csv(feeds, COLS["members"] + ["mother_maiden_name"]).encode())
    assert "not in the members contract" in r["reason"]


def test_truncated_csv_refused(settings: Settings):
    text = _members_csv(make_feeds(10))
    r = _refused(settings, "members_cut.csv", text[: len(text) - 60].encode())
    assert "truncated" in r["reason"]


@pytest.mark.parametrize(
    "name,content,fragment",
    [
        ("members_empty.csv", b"", "empty file"),
        ("members_bin.csv", b"PAR1\x00\x01\x02binary", "not a CSV"),
        ("members_fake.parquet", b"member_id;nir\nA1;2\n", "not a Parquet file"),
        ("members_fake.jsonl", b"member_id;nir\nA1;2\n", "not JSON Lines"),
        ("members_x.xlsx", b"PK\x03\x04", "unsupported file format"),
    ],
)
def test_wrong_format_refused(settings: Settings, name, content, fragment):
    assert fragment in _refused(settings, name, content)["reason"]


def test_truncated_parquet_refused(settings: Settings, tmp_path):
    feeds = make_feeds(20)
    pq.write_table(pa.Table.from_pylist(feeds["members"]), tmp_path / "m.parquet")
    data = (tmp_path / "m.parquet").read_bytes()
    assert "truncated" in _refused(settings, "members_cut.parquet", data[: len(data) // 2])["reason"]


def test_formats_encodings_and_delimiters_land_identically(settings: Settings, tmp_path):
    # one population per file: the NIR is unique across the vault (members contract)
    people = []
    for k in range(5):
        feeds = make_feeds(40, 1, seed=100 + k)
        feeds["members"][3]["last_name"] = "Lefèvre-Çaillé"
        people.append(feeds)
    inbox = settings.inbox
    (inbox / "members_a_utf8.csv").write_text(_members_csv(people[0]), encoding="utf-8")
    bom = _members_csv(people[1]).replace("A0000", "A1000").encode()
    (inbox / "members_b_bom.csv").write_bytes(b"\xef\xbb\xbf" + bom)
    (inbox / "members_c_latin1.csv").write_bytes(
        _members_csv(people[2], delim=",").replace("A0000", "A2000").replace("\n", "\r\n").encode("latin-1")
    )
    rows = [{**m, "member_id": m["member_id"].replace("A0000", "A3000")} for m in people[3]["members"]]
    pq.write_table(pa.Table.from_pylist(rows), inbox / "members_d.parquet")
    import json

    rows = [
        {k: v for k, v in m.items() if v != ""}
        | {"member_id": m["member_id"].replace("A0000", "A4000"), "consent_research": m["consent_research"] == "true"}
        for m in people[4]["members"]
    ]
    (inbox / "members_e.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    results = land_inbox(settings)
    assert {r["file"]: (r["status"], r["rows_landed"], r["rows_quarantined"]) for r in results} == {
        f: ("landed", 40, 0)
        for f in (
            "members_a_utf8.csv",
            "members_b_bom.csv",
            "members_c_latin1.csv",
            "members_d.parquet",
            "members_e.jsonl",
        )
    }
    with vault_connection(settings, read_only=True) as con:
        names = {
            n
            for (n,) in con.execute("SELECT DISTINCT last_name FROM raw.members WHERE last_name LIKE 'Lef%'").fetchall()
        }
    assert names == {"Lefèvre-Çaillé"}


def test_relanding_is_a_noop(settings: Settings, feeds):
    write_feeds(settings.inbox, feeds)
    first = land_inbox(settings)
    second = land_inbox(settings)
    assert [r["status"] for r in second] == ["skipped"] * 3
    assert len(ledger(settings)) == 3
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] == first[0]["rows_landed"]
    # same content under another name is recognised by its checksum
    os.rename(settings.inbox / "members_2024.csv", settings.inbox / "members_copy.csv")
    (r,) = [x for x in land_inbox(settings) if x["file"] == "members_copy.csv"]
    assert r["status"] == "skipped"


def test_kill_during_landing_leaves_nothing_partial(settings: Settings):
    """A real process SIGKILLed mid-transaction; the rerun lands everything exactly once."""
    feeds = make_feeds(1500, 4)
    write_feeds(settings.inbox, feeds)
    script = textwrap.dedent(f"""
        import os, signal, sys
        from confiance.settings import Settings
        from vault.landing import land_inbox
        s = Settings(home=__import__('pathlib').Path({str(settings.home)!r}),
                     key_file=__import__('pathlib').Path({str(settings.key_file)!r}))
        def hook(event, info):
            if event == "staged" and info["file"].startswith("benefits"):
                os.kill(os.getpid(), signal.SIGKILL)   # die inside the benefits transaction
        land_inbox(s, on_event=hook)
    """)
    proc = subprocess.run([sys.executable, "-c", script], env=os.environ.copy(), capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    # after the kill: members and contracts committed, nothing of benefits
    assert {r["file"]: r["status"] for r in ledger(settings)} == {
        "members_2024.csv": "landed",
        "contracts_2024.csv": "landed",
    }
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.benefits").fetchone()[0] == 0
        assert (
            con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'staging'").fetchone()[0]
            == 0
        )
    results = _by_file(land_inbox(settings))
    assert results["benefits_2024.csv"]["status"] == "landed"
    assert results["members_2024.csv"]["status"] == "skipped"
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT benefit_id) FROM raw.benefits").fetchone() == (6000, 6000)
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] == 1500
    assert sum(r["rows_read"] for r in ledger(settings)) == 1500 + 1500 + 6000


def test_vault_file_holds_no_plaintext_identifier(settings: Settings, feeds):
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    raw = b"".join(p.read_bytes() for p in settings.vault_dir.rglob("*") if p.is_file())
    probes = set()
    for m in feeds["members"][:50]:
        probes |= {m["nir"], m["email"], m["iban"], m["phone"], m["member_id"], m["street_address"]}
    with vault_connection(settings, read_only=True) as con:  # they are in there, encrypted
        assert (
            con.execute("SELECT count(*) FROM raw.members WHERE nir = ?", [feeds["members"][0]["nir"]]).fetchone()[0]
            == 1
        )
    leaked = [p for p in probes if p.encode() in raw or p.encode("utf-16-le") in raw]
    assert leaked == []


def test_errors_and_logs_never_show_values(settings: Settings, caplog):
    feeds = make_feeds(10)
    nir = feeds["members"][2]["nir"]
    feeds["members"][2]["nir"] = nir[:13] + "00"
    write_csv(settings.inbox / "members_x.csv", feeds["members"], COLS["members"])
    with caplog.at_level("DEBUG"):
        results = land_inbox(settings, progress=True)
    text = caplog.text + repr(results) + repr(ledger(settings)) + audit.log_path(settings).read_text()
    assert nir[:13] not in text and feeds["members"][2]["last_name"] + ";" not in text
