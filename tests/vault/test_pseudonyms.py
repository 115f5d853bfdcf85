"""The fast pseudonym engine: the same bytes as Python's hmac, whatever the engine, batch or thread split."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets

import duckdb
import pyarrow as pa
import pytest

from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import keys
from vault.crossing import cross_to_warehouse, hmac_pads, token_py, token_sql
from vault.db import vault_connection
from vault.landing import land_inbox
from vault.pseudonyms import HmacTokeniser, TokenFunctions, iter_batches, native_available, tokens

ENGINES = ["python", "native"]


def _values(n: int, seed: int = 3) -> list[str | None]:
    rnd = random.Random(seed)
    fixed = [
        "",
        "a",
        " ",
        "185057800608436",
        "2A05 7800 608 4 36",
        "é" * 100,
        "x" * 1000,
        "🙂 unicode",
        "日本語",
        "tab\tnew\nline",
        "nul\0inside",
        "y" * 55,
        "y" * 56,
        "y" * 64,
        "z" * 119,
        None,
        "",
    ]
    out: list[str | None] = list(fixed)
    alphabet = "0123456789AB éèçàüß€🙂-_:;,./\\'\"\t"
    while len(out) < n:
        r = rnd.random()
        if r < 0.05:
            out.append(None)
        elif r < 0.1:
            out.append("")
        else:
            out.append("".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 140))))
    return out


def _expected(key: bytes, entity: str, values: list[str | None], head: str = "") -> list[str | None]:
    return [
        None if v is None else head + hmac.new(key, f"{entity}:{v}".encode(), hashlib.sha256).hexdigest()[:32]
        for v in values
    ]


def _engine(engine: str) -> str:
    if engine == "native" and not native_available():
        pytest.skip("native HMAC engine not buildable here (no C compiler or OpenSSL headers)")
    return engine


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("key_len", [1, 32, 64, 65, 200])
def test_engine_equals_python_hmac(engine, key_len):
    engine = _engine(engine)
    key = secrets.token_bytes(key_len)
    values = _values(3000, seed=key_len)
    with HmacTokeniser(key, "member", engine=engine) as tok:
        assert tok.engine == engine
        assert tok.hexdigests(values) == _expected(key, "member", values)
        assert tok.hexdigest("185057800608436") == _expected(key, "member", ["185057800608436"])[0]
    assert tokens(key, "insurer", 4, "contract", values, engine=engine) == [
        None if v is None else token_py(key, "insurer", 4, "contract", v) for v in values
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_same_tokens_whatever_the_split(engine):
    engine = _engine(engine)
    key = secrets.token_bytes(32)
    values = _values(70_000, seed=11)
    expected = _expected(key, "benefit", values, head="insurer.v2.")
    arr = pa.array(values, type=pa.string())
    for threads in (1, 2, 3, 7):
        with HmacTokeniser(key, "benefit", head="insurer.v2.", engine=engine, threads=threads) as tok:
            assert tok.hex_array(arr).to_pylist() == expected
            assert tok.hex_array(arr.cast(pa.large_string())).to_pylist() == expected
            for size in (1, 997, 16_385, 50_000):
                got: list[str | None] = []
                for batch in iter_batches(arr, size):  # slices with a non-zero offset
                    got.extend(tok.hex_array(batch).to_pylist())
                assert got == expected
            chunked = pa.chunked_array([arr.slice(0, 123), arr.slice(123, 40_000), arr.slice(40_123)])
            assert tok.hex_array(chunked).to_pylist() == expected
            assert tok.hex_array(pa.array([], type=pa.string())).to_pylist() == []


def test_engines_agree_and_differ_by_key_entity_and_domain():
    _engine("native")
    key = secrets.token_bytes(32)
    values = _values(5000, seed=5)
    a = tokens(key, "insurer", 1, "member", values, engine="native")
    assert a == tokens(key, "insurer", 1, "member", values, engine="python")
    other_key = tokens(secrets.token_bytes(32), "insurer", 1, "member", values)
    other_entity = tokens(key, "insurer", 1, "contract", values)
    assert not {t[-32:] for t in a if t} & {t[-32:] for t in other_key + other_entity if t}


@pytest.mark.parametrize("threads", [1, 4])
def test_sql_functions_equal_pure_sql_hmac_and_python(threads):
    key = secrets.token_bytes(32)
    values = _values(20_000, seed=threads)
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.execute("CREATE TABLE ids AS SELECT * FROM unnest($v) t(v)", {"v": values})
    ipad, opad = hmac_pads(key)
    with TokenFunctions(con, key, "insurer", 3) as fns:
        rows = con.execute(
            f"SELECT v, {fns.sql('member', 'v')}, {token_sql('insurer', 3, 'member', 'v')} FROM ids",
            {"ipad": ipad, "opad": opad},
        ).fetchall()
        distinct = con.execute(f"SELECT count(DISTINCT {fns.sql('member', 'v')}) FROM ids").fetchone()[0]
        name = fns.name("member")
    assert len(rows) == len(values)
    for v, fast, pure in rows:
        assert fast == pure == (None if v is None else token_py(key, "insurer", 3, "member", v))
    assert distinct == len({v for v in values if v is not None})
    with pytest.raises(duckdb.Error, match="closed"):  # disarmed on close: its key states are wiped
        con.execute(f"SELECT {name}(v) FROM ids")


def test_crossing_tokens_equal_python_hmac(tmp_path, monkeypatch):
    """Every value token of the warehouse (row-wise benefit ids, distinct-and-joined contract ids) = token_py."""
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "k", extra={"as_of": "2025-06-15"})
    s.ensure_dirs()
    write_feeds(s.inbox, make_feeds(60, 3, seed=4))
    land_inbox(s)
    cross_to_warehouse(s)
    key = keys.domain_key(s, s.warehouse_domain, 1)
    with vault_connection(s) as con:
        contract_ids = [r[0] for r in con.execute("SELECT DISTINCT contract_id FROM raw.benefits").fetchall()]
        benefit_ids = [r[0] for r in con.execute("SELECT DISTINCT benefit_id FROM raw.benefits").fetchall()]
        pairs = con.execute("SELECT b.benefit_id, b.contract_id FROM raw.benefits b").fetchall()
    w = duckdb.connect(str(s.warehouse_db), read_only=True)
    got = w.execute("SELECT benefit_token, contract_token FROM pseudo.benefits").fetchall()
    w.close()
    d = s.warehouse_domain
    expected = {(token_py(key, d, 1, "benefit", b), token_py(key, d, 1, "contract", c)) for b, c in pairs}
    assert set(got) == expected and len(got) == len(benefit_ids)
    assert {c for _, c in got} == {token_py(key, d, 1, "contract", c) for c in contract_ids}
