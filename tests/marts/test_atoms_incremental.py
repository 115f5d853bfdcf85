"""int_benefits__member_atoms built incrementally per changed member equals a ``--full-refresh`` build, row for row.

Real dbt-duckdb on a small synthetic warehouse (``pseudo_synth``, about 600 members). Each row of ``pseudo.*``
carries the crossing's stamp (``_crossing``, confiance.crossing_rules.CROSSING_STAMP); the changes below are
written the way the vault crossing writes them: an appended crossing replaces the records it re-crossed (their
rows, by key) and stamps only them; a whole crossing (erasure, purge, key rotation, objection) rewrites every
table and stamps every row. After each change the atoms are built incrementally (``dbt run --select`` of the one
model, as Cosmos runs it, or ``dbt build`` as the pipeline does) and compared with a ``--full-refresh`` build of a
copy of the same warehouse: same columns and types, same row count, ``EXCEPT ALL`` empty both ways. The plan dbt
logged (``members`` or ``whole``) is checked too, so an append is shown to be built per member, not whole.
A negative control runs a copy of the project whose incremental strategy deletes nothing: the comparison must
see its stale atoms.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from confiance.crossing_rules import CROSSING_STAMP
from confiance.settings import DBT_PROJECT_DIR

MEMBERS = 600
ATOMS = "intermediate.int_benefits__member_atoms"
FIRST_STAMP = 1_700_000_000_000_000
PLAN = re.compile(r"int_benefits__member_atoms: (whole|members) \(([^)]*)\)")


def _dbt(
    command: str,
    warehouse: Path,
    target: Path,
    *args: str,
    project: Path = DBT_PROJECT_DIR,
    dbt_vars: dict | None = None,
) -> str:
    """Run dbt in a child process; return its log (fails the test with it)."""
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(warehouse), "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    cmd = [str(Path(sys.executable).parent / "dbt"), command, "--project-dir", str(project)]
    cmd += ["--profiles-dir", str(project), *args]
    if dbt_vars is not None:
        cmd += ["--vars", yaml.safe_dump(dbt_vars)]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    assert result.returncode == 0, f"dbt {command} failed:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    return result.stdout


def _plan(log: str) -> str:
    """The plan the atoms model logged (``whole`` or ``members``); ``created`` when it was created from nothing."""
    found = PLAN.findall(log)
    assert len(found) <= 1, found
    return found[0][0] if found else "created"


def _next_stamp(con: duckdb.DuckDBPyConnection) -> int:
    stamps = [
        con.execute(f"select max({CROSSING_STAMP}) from pseudo.{t}").fetchone()[0]
        for t in ("members", "contracts", "benefits")
    ]
    return max(s for s in stamps if s is not None) + 1_000_000


def _whole_crossing(con: duckdb.DuckDBPyConnection) -> None:
    """A whole crossing: every table rewritten, every row with the new crossing's stamp."""
    stamp = _next_stamp(con)
    for table in ("members", "contracts", "benefits"):
        con.execute(
            f"create or replace table pseudo.{table} as "
            f"select * replace ({stamp}::bigint as {CROSSING_STAMP}) from pseudo.{table}"
        )


def _recross(con: duckdb.DuckDBPyConnection, table: str, key: str, keys: str, change: str) -> int:
    """An appended crossing re-crossing the records ``keys`` (a SELECT of keys) of ``table``: their rows replaced by
    their new version (``change``: a ``select * replace (...)`` list, may be empty), stamped with the new crossing."""
    stamp = _next_stamp(con)
    replace = f"{change}, " if change else ""
    con.execute(
        f"create or replace temp table recrossed as select * replace ({replace}{stamp}::bigint as {CROSSING_STAMP}) "
        f"from pseudo.{table} where {key} in ({keys})"
    )
    con.execute(f"delete from pseudo.{table} where {key} in ({keys})")
    con.execute(f"insert into pseudo.{table} select * from recrossed")
    return con.execute("select count(*) from recrossed").fetchone()[0]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A stamped synthetic warehouse (one whole crossing), with late and unpaid lines, and its atoms built."""
    from tests.marts import pseudo_synth

    home = tmp_path_factory.mktemp("atoms_inc")
    warehouse = home / "warehouse.duckdb"
    pseudo_synth.build(warehouse, MEMBERS, disclosure_cases=False)
    with duckdb.connect(str(warehouse)) as con:
        # late claims: paid 13 months after care (after their year's closing at lag 0), or 1 to 3 months after
        # their year's end (late at lag 0, counted at lag 3)
        con.execute(
            "update pseudo.benefits set payment_month = (care_month + interval 13 month)::date "
            "where hash(benefit_token) % 10 = 0"
        )
        con.execute(
            "update pseudo.benefits set payment_month = make_date(year(care_month) + 1, 2, 1) "
            "where hash(benefit_token) % 10 = 1"
        )
        for table in ("members", "contracts", "benefits"):
            con.execute(f"alter table pseudo.{table} add column {CROSSING_STAMP} bigint default {FIRST_STAMP}")
    _dbt("seed", warehouse, home / "target")
    log = _dbt("run", warehouse, home / "target", "--select", "+int_benefits__member_atoms")
    assert _plan(log) == "created"
    log = _dbt("run", warehouse, home / "target", "--select", "int_benefits__member_atoms")
    assert _plan(log) == "members", "a build with no change since the last must be incremental"
    return warehouse


@pytest.fixture()
def warehouse(base, tmp_path) -> Path:
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(base, copy)
    return copy


def _rows(con: duckdb.DuckDBPyConnection, catalog: str) -> tuple[int, list]:
    count = con.execute(f"select count(*) from {catalog}.{ATOMS}").fetchone()[0]
    columns = con.execute(
        "select column_name, data_type from information_schema.columns where table_catalog = ? "
        "and table_schema = 'intermediate' and table_name = 'int_benefits__member_atoms' order by ordinal_position",
        [catalog],
    ).fetchall()
    return count, columns


def _differences(warehouse: Path, tmp_path: Path, dbt_vars: dict | None = None) -> dict:
    """Full-refresh a copy of ``warehouse`` and compare its atoms with ``warehouse``'s."""
    full = tmp_path / "full" / warehouse.name  # same file name: dbt's views name their catalog (the file's stem)
    full.parent.mkdir(exist_ok=True)
    shutil.copyfile(warehouse, full)
    _dbt(
        "run",
        full,
        tmp_path / "target_full",
        "--select",
        "+int_benefits__member_atoms",
        "--full-refresh",
        dbt_vars=dbt_vars,
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"attach '{full}' as full_build (read_only)")
        (count, columns), (full_count, full_columns) = _rows(con, "warehouse"), _rows(con, "full_build")
        extra = con.execute(
            f"select count(*) from (select * from {ATOMS} except all select * from full_build.{ATOMS})"
        ).fetchone()[0]
        missing = con.execute(
            f"select count(*) from (select * from full_build.{ATOMS} except all select * from {ATOMS})"
        ).fetchone()[0]
    return {
        "rows": count,
        "full_rows": full_count,
        "same_columns": columns == full_columns,
        "stale": extra,
        "missing": missing,
    }


def _assert_same(diff: dict) -> None:
    assert diff["full_rows"] > 0, diff
    assert diff == {**diff, "rows": diff["full_rows"], "same_columns": True, "stale": 0, "missing": 0}, diff


def _incremental(warehouse: Path, tmp_path: Path, dbt_vars: dict | None = None, build: bool = False) -> str:
    if build:  # the pipeline's path: `dbt build` of the project (staging, atoms, their tests, everything downstream)
        log = _dbt("build", warehouse, tmp_path / "target_inc", dbt_vars=dbt_vars)
    else:  # Cosmos's path: one `dbt run --select` per model (here the atoms and what they read, in order)
        log = _dbt(
            "run", warehouse, tmp_path / "target_inc", "--select", "+int_benefits__member_atoms", dbt_vars=dbt_vars
        )
    return _plan(log)


def _atoms_of(warehouse: Path, where: str) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"select count(*) from {ATOMS} where {where}").fetchone()[0]


def test_day_of_appended_lines(warehouse, tmp_path):
    """A day's lines: copies of existing lines with new tokens, care in December 2024 paid in December, some members."""
    with duckdb.connect(str(warehouse)) as con:
        stamp = _next_stamp(con)
        con.execute(f"""
            insert into pseudo.benefits
            select * replace ('insurer.v1.' || md5('day' || benefit_token) as benefit_token,
                              date '2024-12-01' as care_month, date '2024-12-01' as payment_month,
                              {stamp}::bigint as {CROSSING_STAMP})
            from pseudo.benefits where hash(benefit_token, 'day') % 25 = 0
        """)
        day = con.execute(
            f"select count(*), count(distinct member_token) from pseudo.benefits where {CROSSING_STAMP} = {stamp}"
        ).fetchone()
    assert day[0] > 100, day
    assert _incremental(warehouse, tmp_path, build=True) == "members"
    _assert_same(_differences(warehouse, tmp_path))


def test_member_address_and_age_band_change(warehouse, tmp_path):
    """Members moved (another département, so another région) and a corrected birth year (another age at care)."""
    corsica = _atoms_of(warehouse, "departement = '2A'")
    with duckdb.connect(str(warehouse)) as con:
        moved = "select member_token from pseudo.members where hash(member_token, 'move') % 20 = 0"
        n = _recross(
            con, "members", "member_token", moved, "case when departement = '2A' then '13' else '2A' end as departement"
        )
        born = "select member_token from pseudo.members where hash(member_token, 'born') % 30 = 0"
        n += _recross(con, "members", "member_token", born, "birth_year - 7 as birth_year, '80+' as age_band")
    assert n > 20
    assert _incremental(warehouse, tmp_path) == "members"
    _assert_same(_differences(warehouse, tmp_path))
    assert _atoms_of(warehouse, "departement = '2A'") != corsica


def test_member_moves_with_versions_before_and_after_the_closing(warehouse, tmp_path):
    """With the member versions the crossing writes (pseudo.member_versions): members move, some dated before 2024's
    closing (31 December 2024 at lag 0: their 2024 care is filed again), some after (their closed years stay): the
    appended crossing replaces their members row and their versions, stamped; incremental = full. (The synthetic
    members' one version is dated 31 December 2024 at noon; the early moves that evening.)"""
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "create table pseudo.member_versions as select member_token, updated_at, birth_year, sex, departement, "
            f"{CROSSING_STAMP} from pseudo.members"
        )
    assert _incremental(warehouse, tmp_path) == "members"  # the same single version per member: nothing to redo
    _assert_same(_differences(warehouse, tmp_path))
    moved = "select member_token from pseudo.members where hash(member_token, 'versions') % 10 = 0"
    with duckdb.connect(str(warehouse)) as con:
        before = dict(
            con.execute(
                f"select member_token, departement from pseudo.members where member_token in ({moved})"
            ).fetchall()
        )
        early = sorted(before)[: len(before) // 2]
        stamp = _next_stamp(con)
        new_dep = "case when departement = '2A' then '13' else '2A' end"
        con.execute(
            f"insert into pseudo.member_versions select member_token, case when member_token in "
            "(select unnest(?::varchar[])) then timestamp '2024-12-31 18:00:00' else timestamp '2025-06-01' end, "
            f"birth_year, sex, {new_dep}, {stamp} from pseudo.member_versions where member_token in ({moved})",
            [early],
        )
        _recross(con, "members", "member_token", moved, f"{new_dep} as departement")
        closed = con.execute(
            f"select count(*) from {ATOMS} where member_token in ({moved}) and care_year = 2024"
        ).fetchone()[0]
    assert len(before) > 20 and closed > 0
    assert _incremental(warehouse, tmp_path) == "members"
    _assert_same(_differences(warehouse, tmp_path))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        filed = dict(
            con.execute(
                f"select member_token, any_value(departement) from {ATOMS} where member_token in ({moved}) "
                "and care_year = 2024 group by 1"
            ).fetchall()
        )
    late = set(before) - set(early)
    assert all(filed[t] == before[t] for t in late if t in filed)  # moved after the closing: 2024 as it was
    assert all(filed[t] != before[t] for t in early if t in filed)  # moved before it: 2024 filed again


def test_contract_employer_change(warehouse, tmp_path):
    """A contract's employer changes (and another becomes individual): every member with lines on it moves."""
    with duckdb.connect(str(warehouse)) as con:
        contracts = (
            "select contract_token from pseudo.contracts "
            "where contract_type = 'collective' and hash(contract_token, 'emp') % 15 = 0"
        )
        n = _recross(con, "contracts", "contract_token", contracts, "'44306184100047' as employer_siret")
        individual = (
            "select contract_token from pseudo.contracts "
            "where contract_type = 'collective' and hash(contract_token, 'ind') % 40 = 0"
        )
        n += _recross(con, "contracts", "contract_token", individual, "'individual' as contract_type")
    assert n > 5
    assert _incremental(warehouse, tmp_path) == "members"
    _assert_same(_differences(warehouse, tmp_path))
    assert _atoms_of(warehouse, "employer_siret = '44306184100047'") > 0


def test_member_token_moved_in_an_append(warehouse, tmp_path):
    """A corrected NIR in an append: the member's rows now carry a new token (stamped); the old token is gone."""
    with duckdb.connect(str(warehouse)) as con:
        old = con.execute(f"select min(member_token) from {ATOMS}").fetchone()[0]
        for table, key in (("members", "member_token"), ("contracts", "member_token"), ("benefits", "member_token")):
            _recross(con, table, key, f"select '{old}'", "'insurer.v1.corrected' as member_token")
    assert _incremental(warehouse, tmp_path) == "members"
    _assert_same(_differences(warehouse, tmp_path))
    assert _atoms_of(warehouse, f"member_token = '{old}'") == 0
    assert _atoms_of(warehouse, "member_token = 'insurer.v1.corrected'") > 0


def test_erasure(warehouse, tmp_path):
    """Erasure: the members go from every table; the crossing is whole."""
    with duckdb.connect(str(warehouse)) as con:
        erased = "select member_token from pseudo.members where hash(member_token, 'erase') % 50 = 0"
        con.execute(f"create temp table erased as {erased}")
        for table in ("benefits", "contracts", "members"):
            con.execute(f"delete from pseudo.{table} where member_token in (select member_token from erased)")
        _whole_crossing(con)
    assert _incremental(warehouse, tmp_path) == "whole"
    _assert_same(_differences(warehouse, tmp_path))


def test_purge_of_old_lines(warehouse, tmp_path):
    """Purge: the 2023 lines go (members whose lines were all of 2023 lose every atom); the crossing is whole."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("delete from pseudo.benefits where care_month < date '2024-01-01'")
        _whole_crossing(con)
    assert _incremental(warehouse, tmp_path) == "whole"
    _assert_same(_differences(warehouse, tmp_path))
    assert _atoms_of(warehouse, "care_year = 2023") == 0


def test_key_rotation(warehouse, tmp_path):
    """Key rotation: every token changes; the crossing is whole; no atom keeps an old token."""
    with duckdb.connect(str(warehouse)) as con:
        tokens = {
            "members": ["member_token"],
            "contracts": ["member_token", "contract_token"],
            "benefits": ["member_token", "contract_token", "benefit_token"],
        }
        for table, columns in tokens.items():
            rotated = ", ".join(f"{c} = 'insurer.v2.' || md5('rotated' || {c})" for c in columns)
            con.execute(f"update pseudo.{table} set {rotated}")
        _whole_crossing(con)
    assert _incremental(warehouse, tmp_path) == "whole"
    _assert_same(_differences(warehouse, tmp_path))
    assert _atoms_of(warehouse, "member_token like 'insurer.v1.%'") == 0


def test_objection(warehouse, tmp_path):
    """Objection to research use: the consent changes and the crossing is whole."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "update pseudo.members set consent_research = false "
            "where consent_research and hash(member_token, 'obj') % 10 = 0"
        )
        _whole_crossing(con)
    assert _incremental(warehouse, tmp_path) == "whole"
    _assert_same(_differences(warehouse, tmp_path))


def test_closing_lag_change_rebuilds(warehouse, tmp_path):
    """closing_lag_months 0 -> 3 with no row changed: the fingerprint differs, the atoms are rebuilt whole, and
    they count the lines paid in the three months after each year's end."""
    before = _atoms_of(warehouse, "true")
    assert _incremental(warehouse, tmp_path, dbt_vars={"closing_lag_months": 3}) == "whole"
    _assert_same(_differences(warehouse, tmp_path, dbt_vars={"closing_lag_months": 3}))
    assert _atoms_of(warehouse, "true") != before
    # and back, then with no change: incremental again
    assert _incremental(warehouse, tmp_path) == "whole"
    assert _incremental(warehouse, tmp_path) == "members"
    _assert_same(_differences(warehouse, tmp_path))


def test_code_change_rebuilds(warehouse, tmp_path):
    """A change of a macro the atoms read (a comment added inside closing_end, which paid_by_closing and the
    member versions' filing read) makes the build whole."""
    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    macro = project / "macros" / "member_versions.sql"
    macro.write_text(
        macro.read_text(encoding="utf-8").replace(
            "{%- set lag = 12 + (var(", "{#- edited -#}\n    {%- set lag = 12 + (var(", 1
        ),
        encoding="utf-8",
    )
    assert macro.read_text(encoding="utf-8").count("edited") == 1
    log = _dbt("run", warehouse, tmp_path / "target_edit", "--select", "int_benefits__member_atoms", project=project)
    assert _plan(log) == "whole"
    log = _dbt("run", warehouse, tmp_path / "target_edit", "--select", "int_benefits__member_atoms", project=project)
    assert _plan(log) == "members"


def test_negative_control_stale_atoms_are_caught(warehouse, tmp_path):
    """A project whose incremental strategy deletes nothing leaves the moved members' old atoms: the comparison
    with a full build must see them (the test above would fail on such a model)."""
    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    macros = project / "macros" / "member_atoms_incremental.sql"
    text = macros.read_text(encoding="utf-8")
    broken = re.sub(r"delete from \{\{ target_relation \}\} as atoms\n.*?\);\n", "", text, count=1, flags=re.S)
    assert broken != text
    macros.write_text(broken, encoding="utf-8")
    # its code differs, so its first build is whole (and records its own fingerprint); the next is per member
    first = _dbt(
        "run", warehouse, tmp_path / "target_broken", "--select", "+int_benefits__member_atoms", project=project
    )
    assert _plan(first) == "whole"
    with duckdb.connect(str(warehouse)) as con:
        moved = "select member_token from pseudo.members where hash(member_token, 'move') % 20 = 0"
        _recross(
            con, "members", "member_token", moved, "case when departement = '2A' then '13' else '2A' end as departement"
        )
    log = _dbt("run", warehouse, tmp_path / "target_broken", "--select", "+int_benefits__member_atoms", project=project)
    assert _plan(log) == "members"
    diff = _differences(warehouse, tmp_path)
    assert diff["stale"] > 0, diff
    assert diff["rows"] > diff["full_rows"], diff


def _append_lines(con: duckdb.DuckDBPyConnection, salt: int) -> None:
    stamp = _next_stamp(con)
    con.execute(f"""
        insert into pseudo.benefits
        select * replace ('insurer.v1.' || md5('seq{salt}' || benefit_token) as benefit_token,
                          date '2024-11-01' as care_month, date '2024-12-01' as payment_month,
                          {stamp}::bigint as {CROSSING_STAMP})
        from pseudo.benefits where hash(benefit_token, 'seq{salt}') % 40 = 0
    """)


def _move_members(con: duckdb.DuckDBPyConnection, salt: int) -> None:
    moved = f"select member_token from pseudo.members where hash(member_token, 'seq{salt}') % 25 = 0"
    _recross(con, "members", "member_token", moved, f"'{10 + salt % 80}' as departement")


def _change_employers(con: duckdb.DuckDBPyConnection, salt: int) -> None:
    contracts = (
        "select contract_token from pseudo.contracts "
        f"where contract_type = 'collective' and hash(contract_token, 'seq{salt}') % 20 = 0"
    )
    _recross(con, "contracts", "contract_token", contracts, "'44306184100047' as employer_siret")


def _erase_some(con: duckdb.DuckDBPyConnection, salt: int) -> None:
    con.execute(
        f"create or replace temp table erased as select member_token from pseudo.members "
        f"where hash(member_token, 'seq{salt}') % 60 = 0"
    )
    for table in ("benefits", "contracts", "members"):
        con.execute(f"delete from pseudo.{table} where member_token in (select member_token from erased)")
    _whole_crossing(con)


SEQUENCE_STEPS = {
    "append": _append_lines,
    "move": _move_members,
    "employer": _change_employers,
    "erase": _erase_some,
}


def test_random_sequences_of_crossings_keep_the_atoms_equal_to_a_full_build(base, tmp_path_factory):
    """Property: after every step of a random sequence of appended crossings (lines, moves, employers) and whole
    ones (erasure), the incremental atoms equal a full build (few examples: each step runs dbt twice)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=2, deadline=None, derandomize=True, database=None)
    @given(st.lists(st.tuples(st.sampled_from(sorted(SEQUENCE_STEPS)), st.integers(0, 10_000)), min_size=2, max_size=3))
    def run(steps):
        tmp_path = tmp_path_factory.mktemp("sequence")
        warehouse = tmp_path / "warehouse.duckdb"
        shutil.copyfile(base, warehouse)
        for name, salt in steps:
            with duckdb.connect(str(warehouse)) as con:
                SEQUENCE_STEPS[name](con, salt)
            plan = _incremental(warehouse, tmp_path)
            assert plan == ("whole" if name == "erase" else "members"), (steps, name, plan)
            _assert_same(_differences(warehouse, tmp_path))

    run()
