"""A programme the solver cannot settle refuses its release; it never stops the publication with a traceback.

Found by red team 3 (G3): on a mutuelle released five times, HiGHS ended one employer's attacker programme with the
status "Unknown"; the exception crossed the gate's process pool and aborted the whole publish stage (the other
consumers were never decided, the DPO reports not rebuilt). The solver's failure is real here: HiGHS is given a
time limit it cannot meet (``CONFIANCE_GATE_TIME_LIMIT``, an operator's setting), so each programme ends with
"Time limit reached" — neither an optimum nor a proof of unboundedness.
"""

from __future__ import annotations

import pandas as pd
import pytest

from governance.protection import ConsumerProtection, _solve, protect_releases
from governance.sdc.protect import TIME_LIMIT_ENV
from tests.governance.test_sdc import RULES, _cell, _release


def _employer():
    return _release(
        pd.DataFrame(
            [
                _cell(sex="F", age_band="0-39", member_count=3, ss_reimbursement=100.0, out_of_pocket=20.0),
                _cell(sex="M", age_band="0-39", member_count=15, ss_reimbursement=900.0, out_of_pocket=80.0),
                _cell(sex="F", age_band="40+", member_count=14, ss_reimbursement=700.0, out_of_pocket=60.0),
                _cell(sex="M", age_band="40+", member_count=16, ss_reimbursement=800.0, out_of_pocket=70.0),
            ]
        )
    )


def test_the_release_is_decided_when_the_solver_has_time(monkeypatch):
    monkeypatch.delenv(TIME_LIMIT_ENV, raising=False)
    counts, report, flags = _solve(_employer(), RULES)
    assert report.passed, report.reasons
    assert not all(masked.all() for _primary, masked in flags), "a passing release publishes something"


def test_an_unsolved_programme_refuses_the_release_with_every_cell_masked(monkeypatch):
    monkeypatch.setenv(TIME_LIMIT_ENV, "1e-12")
    counts, report, flags = _solve(_employer(), RULES)
    assert not report.passed
    assert any("was not solved" in r for r in report.reasons), report.reasons
    assert all(masked.all() for _primary, masked in flags)


def test_the_consumer_is_refused_with_a_reason_and_nothing_raised(monkeypatch):
    monkeypatch.setenv(TIME_LIMIT_ENV, "1e-12")
    release = _employer()
    outcome = ConsumerProtection(consumer="employer")
    protect_releases([("employer/12345678900011", release)], RULES, outcome)
    assert any("employer/12345678900011" in r and "was not solved" in r for r in outcome.reasons), outcome.reasons
    assert all(t.frame["masked"].all() for t in release.tables)


def test_a_time_limit_that_is_not_a_number_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(TIME_LIMIT_ENV, "ten")
    with pytest.raises(ValueError, match=TIME_LIMIT_ENV):
        _solve(_employer(), RULES)
