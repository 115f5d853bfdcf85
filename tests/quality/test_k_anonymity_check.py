"""The k-anonymity / l-diversity check of member-level marts flags exactly the rows of small or uniform classes."""

from __future__ import annotations

from types import SimpleNamespace

import duckdb

from quality.checks import ZoneColumn, ZoneView, check_sql


def _rule(k: int = 3, l_div: int = 2):
    props = {"quasi_identifiers": ["age_band", "sex"], "sensitive_attribute": "family", "k": k, "l": l_div}
    return SimpleNamespace(
        name="k_l", customProperties=[SimpleNamespace(property=p, value=v) for p, v in props.items()]
    )


def _verdicts(rows, rule) -> dict[int, bool]:
    con = duckdb.connect()
    con.execute("create table t(id int, age_band varchar, sex varchar, family varchar)")
    con.executemany("insert into t values (?, ?, ?, ?)", rows)
    view = ZoneView("marts", {c: ZoneColumn(c) for c in ("age_band", "sex", "family")}, {})
    sql = check_sql("k_anonymous_l_diverse", view, None, rule)
    return dict(con.execute(f"select t.id, {sql} from t").fetchall())


def test_small_or_uniform_classes_fail_and_others_pass():
    rows = [
        (1, "30-39", "F", "dental"),
        (2, "30-39", "F", "optics"),
        (3, "30-39", "F", "dental"),  # k=3, l=2: ok
        (4, "40-49", "M", "pharmacy"),
        (5, "40-49", "M", "dental"),  # only 2 records: too small
        (6, "50-59", "F", "hospital"),
        (7, "50-59", "F", "hospital"),
        (8, "50-59", "F", "hospital"),  # l = 1
    ]
    verdicts = _verdicts(rows, _rule())
    assert verdicts == {1: True, 2: True, 3: True, 4: False, 5: False, 6: False, 7: False, 8: False}


def test_thresholds_come_from_the_rule():
    rows = [(i, "30-39", "F", "dental" if i % 2 else "optics") for i in range(1, 5)]
    assert all(_verdicts(rows, _rule(k=4, l_div=2)).values())
    assert not any(_verdicts(rows, _rule(k=5, l_div=2)).values())
