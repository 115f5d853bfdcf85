"""The employer report's charts, written as plain SVG, read back as an outsider would.

Whatever the published amounts, a reader who takes two tick positions and their labels converts every bar's length
back into euros: each bar must then be its published amount (to the drawing's precision), each stack must end at
its row's total, and the axis must not run past the largest bar by more than its margin (an axis scaled on a figure
that is not drawn would tell its size). The same inputs give the same bytes; labels are escaped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from governance.employer_report import charts
from governance.employer_report.svg import axis_end, nice_ticks
from tests.marts.test_attack_redteam import _bar_lengths

PAYERS = ("ss_reimbursement", "complementary_reimbursement", "out_of_pocket")
amount = st.decimals(min_value=0, max_value=5_000_000, places=2, allow_nan=False, allow_infinity=False)


def _rows(values: list[tuple]) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            values={**dict(zip(PAYERS, v, strict=True)), "actual_cost": sum(v)},
            dims={"care_year": 2020 + i, "act_family": f"family{i}"},
        )
        for i, v in enumerate(values)
    ]


@example(
    values=[(Decimal("0"), Decimal("0"), Decimal("0.61")), (Decimal("0"), Decimal("1777383.12"), Decimal("5e6"))],
    lang="fr",
)
@example(values=[(Decimal("0"), Decimal("0"), Decimal("10.01"))], lang="fr")  # a 2.5 EUR tick read "2 EUR"
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(amount, amount, amount), min_size=1, max_size=12), st.sampled_from(["fr", "en"]))
def test_every_bar_reads_back_as_its_published_amount(values, lang):
    rows = _rows(values)
    svg = charts._payer_chart(rows, [f"Famille {i}" for i in range(len(rows))], "Titre", lang, ["care_year"])
    read = _bar_lengths(svg, english=lang == "en")
    largest = max(float(sum(v)) for v in values)
    if largest < 1:  # nothing reaches one euro: the axis (in whole euros) has a single tick, 0 €
        assert read is None
        return
    assert read is not None  # two ticks that read differently, whatever the amounts (found: 1 € gave 0 €, 0 €)
    lengths, far, reach = read
    drawn = [float(x) for v in values for x in v]
    assert len(lengths) == len(drawn)
    for length, expected in zip(lengths, drawn, strict=True):
        assert abs(length - expected) <= max(0.6, 0.003 * expected), (length, expected)
    assert abs(reach - largest) <= max(0.6, 0.003 * largest)
    assert far <= reach * 1.12 + 1  # the axis ends at its margin past the longest stack, no further


def test_same_inputs_same_bytes_and_labels_escaped():
    rows = _rows([(100, 50, 20), (300, 10, 0)])
    first = charts._payer_chart(rows, ["<b>&amp;", "2025"], 'Titre "x" & <y>', "fr", ["care_year"])
    again = charts._payer_chart(rows, ["<b>&amp;", "2025"], 'Titre "x" & <y>', "fr", ["care_year"])
    assert first == again
    assert "<b>" not in first and "&lt;b&gt;&amp;amp;" in first
    assert 'aria-label="Titre &quot;x&quot; &amp; &lt;y&gt;"' in first
    assert first.startswith('<svg class="chart" role="img"') and first.endswith("</svg>")
    # the bars name the published cell they draw
    assert len(re.findall(r'data-key="', first)) == 6


@given(st.floats(min_value=0.01, max_value=1e12, allow_nan=False))
def test_ticks_are_round_ascending_and_within_the_axis(maximum):
    ticks = nice_ticks(maximum)
    assert ticks[0] == 0 and ticks == sorted(ticks) and len(ticks) >= 2 or maximum < 1e-9
    assert ticks[-1] <= maximum * (1 + 1e-9) and len(ticks) <= 11
    assert maximum < axis_end(maximum) <= maximum * 1.05 * (1 + 1e-9)


def test_nothing_to_draw_gives_a_flat_axis():
    assert nice_ticks(0) == [0.0] and axis_end(0) == 1.0


def test_an_axis_in_whole_euros_never_repeats_a_label():
    assert nice_ticks(1.0, min_step=1.0) == [0.0, 1.0]
    assert nice_ticks(3.4, min_step=1.0) == [0.0, 1.0, 2.0, 3.0]
    assert nice_ticks(10.01, min_step=1.0) == [0.0, 5.0, 10.0]  # not 2.5, 7.5: whole euros
    rows = _rows([(0, 0, 1)])
    svg = charts._payer_chart(rows, ["2025"], "Titre", "fr", ["care_year"])
    labels = re.findall(r'<g class="tick"[^>]*>.*?<text[^>]*>([^<]*)</text>', svg)
    assert labels == ["0 €", "1 €"]
