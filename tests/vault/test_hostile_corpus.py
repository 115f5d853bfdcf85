"""A hostile-input corpus, generated reproducibly, each file with its documented outcome.

Landing never crashes on any of them, never alters a value (a file it cannot read exactly is refused
whole, a row it cannot read exactly is quarantined with its line), keeps rows read = landed +
quarantined for every file, and no identifier appears in any result, reason, ledger row, audit entry
or log line.
"""

from __future__ import annotations

import json
import random

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from confiance.identifiers import make_nir
from confiance.settings import Settings
from tests.vault.vault_fixtures import COLS, make_feeds
from vault import audit
from vault.db import vault_connection
from vault.landing import land_inbox, ledger


def _members(k: int, n: int = 30) -> list[dict]:
    """A population of its own for file k (member ids and NIRs never shared between files)."""
    rows = make_feeds(n, 0, seed=1000 + k)["members"]
    for i, m in enumerate(rows):
        m["member_id"] = f"A{k:03d}{i:06d}"
        m["nir"] = make_nir(m["sex"], 1950 + k, 1 + i % 12, "75", 1 + k, 1 + i % 999 + (i // 999))
    return rows


def _csv(rows: list[dict], cols: list[str] | None = None, delim: str = ";", end: str = "\n") -> str:
    cols = cols or COLS["members"]
    return end.join([delim.join(cols)] + [delim.join(str(r.get(c, "")) for c in cols) for r in rows]) + end


def _benefits(k: int, n: int = 20) -> list[dict]:
    feeds = make_feeds(n, 1, seed=2000 + k)
    rows = feeds["benefits"]
    for i, b in enumerate(rows):
        b["benefit_id"] = f"P{k:04d}{i:08d}"
        b["comment"] = ""
    return rows


def _bcsv(rows: list[dict]) -> str:
    return _csv(rows, COLS["benefits"])


def build_corpus(tmp) -> dict[str, tuple[bytes, dict]]:
    """{file name: (content, expected)}; expected: status, and rows landed/quarantined, reason fragments."""
    rnd = random.Random(12)
    corpus: dict[str, tuple[bytes, dict]] = {}

    def add(name, content, **expected):
        corpus[name] = (content if isinstance(content, bytes) else content.encode("utf-8"), expected)

    m = _members(1)
    add("members_01_tab_delimited.csv", _csv(m, delim="\t"), status="refused", reason="missing required column")
    m = _members(2)
    m[3]["last_name"] = "Lefèvre"
    add("members_02_latin1.csv", _csv(m).encode("latin-1"), status="landed", landed=30, quarantined=0)
    m = _members(3)
    m[3]["last_name"] = "Lefèvre"
    text = _csv(m)
    lines = text.split("\n")
    lines[20] = lines[20].replace("rue", "ruè")
    mixed = "\n".join(lines[:20]).encode("utf-8") + b"\n" + "\n".join(lines[20:]).encode("latin-1")
    add("members_03_mixed_encodings.csv", mixed, status="refused", reason="mixed encodings (line 21")
    add(
        "members_04_bom_crlf.csv",
        b"\xef\xbb\xbf" + _csv(_members(4), end="\r\n").encode(),
        status="landed",
        landed=30,
        quarantined=0,
    )
    m = _members(5)
    m[2]["street_address"] = '"12 rue\ndes Lilas; bât. B"'
    add("members_05_quoted_newline.csv", _csv(m), status="landed", landed=30, quarantined=0)
    full = _csv(_members(6))
    add("members_06_cut_mid_line.csv", full[: len(full) // 2], status="refused", reason="truncated")
    m = _members(7)
    m[-1]["street_address"] = '"7 rue de la Paix"'
    text = _csv(m)
    add("members_07_cut_in_quotes.csv", text[: text.rindex("Paix")], status="refused", reason="truncated")
    text = _csv(_members(8))
    cut = text[: text.index("\n", len(text) // 2) + 1]  # exactly at a line end: a valid, shorter file
    add("members_08_cut_at_line_end.csv", cut, status="landed", landed=cut.count("\n") - 1, quarantined=0)
    b = _benefits(9)
    b[-1].update(
        actual_cost="1284.00",
        ss_base="0.00",
        ss_reimbursement="0.00",
        complementary_reimbursement="0.00",
        out_of_pocket="1284.00",
        updated_at="2024-05-01 10:00:00",
    )
    # the amount is the last field of each line; the file is cut inside the last one: 1284 -> 128
    cols = [c for c in COLS["benefits"] if c != "actual_cost"] + ["actual_cost"]
    text = _csv(b, cols)
    add("benefits_09_cut_in_last_amount.csv", text[: text.rindex("4.00")], status="refused", reason="truncated")
    add("members_10_empty.csv", b"", status="refused", reason="empty file")
    add("members_11_header_only.csv", ";".join(COLS["members"]) + "\n", status="landed", landed=0, quarantined=0)
    text = _csv(_members(12))
    first = text.split("\n", 1)[0]
    add(
        "members_12_header_twice.csv",
        text.replace("\n", "\n" + first + "\n", 1),
        status="landed",
        landed=30,
        quarantined=1,
        lines={2: "member_id"},
    )
    add(
        "members_13_duplicated_column.csv",
        _csv(_members(13), COLS["members"] + ["nir"]),
        status="refused",
        reason="duplicated column",
    )
    add(
        "members_14_missing_optional_column.csv",
        _csv(_members(14), [c for c in COLS["members"] if c != "email"]),
        status="landed",
        landed=30,
        quarantined=0,
    )
    add(
        "members_15_extra_column.csv",
        _csv(_members(15), COLS["members"] + ["password"]),
        status="refused",
        reason="not in the members contract",
    )
    cols = list(reversed(COLS["members"]))
    add("members_16_reordered_columns.csv", _csv(_members(16), cols), status="landed", landed=30, quarantined=0)
    m = _members(17)
    m[4]["street_address"] = "x" * (10 * 1024 * 1024)
    add("members_17_10mb_field.csv", _csv(m), status="landed", landed=29, quarantined=1, lines={6: "malformed"})
    text = _csv(_members(18))
    at = text.index("rue", len(text) // 2)
    add("members_18_nul_byte.csv", text[:at] + "\x00" + text[at:], status="refused", reason="binary content")
    m = _members(19)
    m[1]["last_name"] = '=HYPERLINK("http://x","y")'  # stays in the vault, never crosses (names are dropped)
    add("members_19_formula_in_a_name.csv", _csv(m), status="landed", landed=30, quarantined=0)
    m = _members(20)
    m[2]["nir"] = m[2]["nir"][:13] + f"{(int(m[2]['nir'][13:]) % 97) + 1:02d}"
    m[5]["nir"] = m[5]["nir"][:13]
    add(
        "members_20_invalid_nir_keys.csv",
        _csv(m),
        status="landed",
        landed=28,
        quarantined=2,
        lines={4: "nir", 7: "nir"},
    )
    m = _members(21)
    m[1]["birth_date"] = "9999-01-01"
    m[2]["birth_date"] = "2024-02-30"
    m[3]["birth_date"] = "2100-06-01"
    m[4]["affiliation_date"] = "9999-12-31"
    m[5]["updated_at"] = "9999-12-31 00:00:00"
    m[6]["birth_date"] = "1850-01-01"
    add(
        "members_21_impossible_dates.csv",
        _csv(m),
        status="landed",
        landed=24,
        quarantined=6,
        lines={
            3: "birth_date",
            4: "birth_date",
            5: "birth_date",
            6: "affiliation_date",
            7: "updated_at",
            8: "birth_date",
        },
    )
    b = _benefits(22)
    b[0]["actual_cost"] = "1000000000000.00"
    b[1]["actual_cost"] = "-12.00"
    b[2]["actual_cost"] = "NaN"
    b[3]["actual_cost"] = "1e5"
    b[4]["ss_base"] = "12,50"
    add(
        "benefits_22_absurd_amounts.csv",
        _bcsv(b),
        status="landed",
        landed=15,
        quarantined=5,
        lines={2: "actual_cost", 3: "actual_cost", 4: "actual_cost", 5: "actual_cost", 6: "ss_base"},
    )
    m = _members(23)
    m[7] = dict(m[2])
    add("members_23_duplicate_member.csv", _csv(m), status="landed", landed=29, quarantined=1, lines={9: "duplicate"})
    m = _members(24)
    m[8]["nir"] = m[3]["nir"]  # two members, one NIR: both held, no shared token
    add(
        "members_24_shared_nir.csv",
        _csv(m),
        status="landed",
        landed=28,
        quarantined=2,
        lines={5: "nir: shared", 10: "nir: shared"},
    )
    b = _benefits(25)
    for r in b:
        r["member_id"] = "A999" + r["member_id"][4:]  # members never sent: land, held back at the crossing
    add("benefits_25_members_never_sent.csv", _bcsv(b), status="landed", landed=20, quarantined=0)
    rows = _members(26)
    table = pa.Table.from_pylist(rows)
    table = table.set_column(
        table.column_names.index("birth_date"),
        "birth_date",
        pa.array([19800101 + i for i in range(len(rows))], pa.int64()),
    )
    pq.write_table(table, tmp / "typed.parquet")
    add(
        "members_26_wrong_typed.parquet",
        (tmp / "typed.parquet").read_bytes(),
        status="landed",
        landed=0,
        quarantined=30,
        lines={1: "birth_date: not a date"},
    )
    rows = [{k: v for k, v in r.items() if v != ""} for r in _members(27, 1300)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines[1200] = json.dumps({**rows[1200], "note": "write to jeanne.martin@example.fr"})  # line 1201
    lines[1250] = lines[1250][:40]  # line 1251: broken
    lines[1260] = json.dumps({**rows[1260], "street_address": {"nested": True}})
    add(
        "members_27_broken.jsonl",
        "\n".join(lines) + "\n",
        status="landed",
        landed=1297,
        quarantined=3,
        lines={1201: "key(s) not in the members contract", 1251: "not a json object", 1261: "object or a list"},
    )
    add("members_28_cut.jsonl", "\n".join(lines[:5])[:-7], status="refused", reason="truncated")
    add(
        "members_29_binary.csv",
        bytes(rnd.getrandbits(8) for _ in range(5000)),
        status="refused",
        reason="binary content",
    )
    add("members_30_not_json.jsonl", _csv(_members(30)), status="refused", reason="not JSON Lines")
    return corpus


@pytest.fixture(scope="module")
def landed_corpus(tmp_path_factory):
    """The corpus landed once: (settings, corpus, results by file, quarantine rows, log text)."""
    import logging
    import os
    import secrets

    home = tmp_path_factory.mktemp("hostile")
    settings = Settings(home=home / "var", key_file=home / "keys" / "master.key")
    settings.ensure_dirs()
    mp = pytest.MonkeyPatch()
    mp.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    mp.setenv("CONFIANCE_ACTOR", "test-runner")
    handler_records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            handler_records.append(self.format(record))

    handler = Keep()
    logging.getLogger().addHandler(handler)
    old_level = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        corpus = build_corpus(home)
        for name, (content, _) in corpus.items():
            (settings.inbox / name).write_bytes(content)
        results = {r["file"]: r for r in land_inbox(settings, progress=False)}
        with vault_connection(settings, read_only=True) as con:
            quarantine = con.execute("SELECT file, line, reason FROM meta.quarantine").fetchall()
        yield settings, corpus, results, quarantine, "\n".join(handler_records), os.environ.copy()
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(old_level)
        mp.undo()


CASES = [
    "members_01_tab_delimited.csv",
    "members_02_latin1.csv",
    "members_03_mixed_encodings.csv",
    "members_04_bom_crlf.csv",
    "members_05_quoted_newline.csv",
    "members_06_cut_mid_line.csv",
    "members_07_cut_in_quotes.csv",
    "members_08_cut_at_line_end.csv",
    "benefits_09_cut_in_last_amount.csv",
    "members_10_empty.csv",
    "members_11_header_only.csv",
    "members_12_header_twice.csv",
    "members_13_duplicated_column.csv",
    "members_14_missing_optional_column.csv",
    "members_15_extra_column.csv",
    "members_16_reordered_columns.csv",
    "members_17_10mb_field.csv",
    "members_18_nul_byte.csv",
    "members_19_formula_in_a_name.csv",
    "members_20_invalid_nir_keys.csv",
    "members_21_impossible_dates.csv",
    "benefits_22_absurd_amounts.csv",
    "members_23_duplicate_member.csv",
    "members_24_shared_nir.csv",
    "benefits_25_members_never_sent.csv",
    "members_26_wrong_typed.parquet",
    "members_27_broken.jsonl",
    "members_28_cut.jsonl",
    "members_29_binary.csv",
    "members_30_not_json.jsonl",
]


@pytest.mark.parametrize("name", CASES)
def test_documented_outcome(landed_corpus, name):
    settings, corpus, results, quarantine, _, _ = landed_corpus
    _, expected = corpus[name]
    r = results[name]
    assert r["status"] == expected["status"], r
    assert r["rows_read"] == r["rows_landed"] + r["rows_quarantined"]
    if expected["status"] == "refused":
        assert expected["reason"] in r["reason"] and r["reason"].startswith(name), r["reason"]
        assert r["rows_landed"] == 0
        return
    assert (r["rows_landed"], r["rows_quarantined"]) == (expected["landed"], expected["quarantined"]), r
    got = {line: reason for f, line, reason in quarantine if f == name}
    for line, fragment in expected.get("lines", {}).items():
        if name.endswith(".parquet"):
            assert all(fragment in reason for reason in got.values())
        else:
            assert fragment in got.get(line, ""), (line, got)


def test_the_corpus_covers_every_case(landed_corpus):
    _, corpus, results, _, _, _ = landed_corpus
    assert sorted(corpus) == sorted(CASES) == sorted(results)


def test_no_identifier_in_any_result_reason_ledger_audit_or_log(landed_corpus):
    settings, corpus, results, quarantine, logs, _ = landed_corpus
    text = "\n".join(
        [
            json.dumps(results, default=str),
            json.dumps(ledger(settings), default=str),
            "\n".join(r for _, _, r in quarantine),
            audit.log_path(settings).read_text(),
            logs,
        ]
    )
    probes = {"jeanne.martin@example.fr", "HYPERLINK"}
    for k in range(1, 31):
        for m in _members(k, 30)[:10]:
            probes |= {m["nir"], m["email"], m["iban"], m["phone"], m["last_name"] + ";"}
    assert [p for p in probes if p and p in text] == []
    ok, message = audit.verify(settings)
    assert ok, message
