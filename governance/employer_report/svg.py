"""Plain SVG for the employer report's charts: axes, ticks, bars, lines and legends written as elements.

Why not a plotting library: an employer's report is built for every employer of the mutuelle (tens of thousands at
a large one), and matplotlib spent about 90 ms of CPU per chart on figure layout and glyph paths (60-70 % of the
documents' time, ``bench/results/publication_scale.md``); this writes the same kinds of chart in well under a
millisecond. It also keeps the drawing easy to audit: every bar is a ``<rect class="bar">`` and every axis a set
of ``<g class="tick">`` with the value it stands for in its ``<text>``, so anyone can convert a bar's length back
into euros from the page's source (what ``tests/marts/test_attack_*`` do).

Text is drawn as ``<text>`` in the page's own sans-serif font (nothing to load, nothing to fetch); widths are
estimated from the font size (:func:`text_width`), generous so that labels are not clipped. The output is a
function of its inputs only (no id counters, no date), so a rebuild gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
FONT_SIZE = 12.0
#: matplotlib's default colour cycle (tab10), for series without a colour of their own
CYCLE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
AXIS_COLOUR = "#4a5560"
GRID_COLOUR = "#e3e8ee"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An upper estimate of a label's width in px in a common sans-serif font (about 0.62 em a character)."""
    return 0.62 * size * len(text)


def num(value: float) -> str:
    """A coordinate: six decimals at most (a bar's length reads back as its value to a cent even beside bars of
    millions on one axis), no trailing zeros (stable bytes, small pages)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _multiple(value: float, unit: float) -> bool:
    return abs(value / unit - round(value / unit)) < 1e-9


def nice_ticks(maximum: float, count: int = 5, min_step: float = 0.0) -> list[float]:
    """Round tick values from 0 up to ``maximum`` (steps of 1, 2, 2.5 or 5 times a power of ten, multiples of
    ``min_step``: an axis labelled in whole euros has its ticks on whole euros, never two that read the same)."""
    if not maximum or maximum <= 0 or not math.isfinite(maximum):
        return [0.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    steps = (m * power for m in (1, 2, 2.5, 5, 10, 20))
    step = max(min_step, next((x for x in steps if x >= raw and (not min_step or _multiple(x, min_step))), min_step))
    return [i * step for i in range(int(maximum // step) + 1)]


def axis_end(maximum: float) -> float:
    """Where a value axis ends: 5 % past the largest value drawn (no further: an axis scaled on a value that is not
    drawn would tell its size), or 1 when nothing is above 0."""
    return maximum * 1.05 if maximum and maximum > 0 else 1.0


@dataclass
class Canvas:
    """An SVG being written: its size and its elements, in drawing order."""

    width: float
    height: float
    label: str
    parts: list[str] = field(default_factory=list)

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        anchor: str = "start",
        size: float = FONT_SIZE,
        weight: str | None = None,
        cls: str | None = None,
    ) -> None:
        attrs = f' class="{cls}"' if cls else ""
        attrs += f' font-size="{num(size)}"' if size != FONT_SIZE else ""
        attrs += f' font-weight="{weight}"' if weight else ""
        anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
        self.add(f'<text x="{num(x)}" y="{num(y)}"{anchor_attr}{attrs}>{escape(text, quote=False)}</text>')

    def svg(self) -> str:
        label = escape(self.label, quote=True)
        return (
            f'<svg class="chart" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {num(self.width)} {num(self.height)}" width="{num(self.width)}" '
            f'height="{num(self.height)}" font-family="{FONT}" font-size="{num(FONT_SIZE)}" fill="#1d2733">'
            + "".join(self.parts)
            + "</svg>"
        )


@dataclass(frozen=True)
class Plot:
    """A plot area inside a canvas and the value range of its value axis (horizontal or vertical)."""

    left: float
    top: float
    width: float
    height: float
    end: float  # the value at the far end of the value axis
    horizontal: bool  # True: values along x (horizontal bars); False: values along y (lines)

    def along(self, value: float) -> float:
        """The canvas coordinate of a value on the value axis."""
        if self.horizontal:
            return self.left + self.width * value / self.end
        return self.top + self.height - self.height * value / self.end


def value_axis(
    canvas: Canvas, plot: Plot, fmt: Callable[[float], str], size: float = FONT_SIZE, min_step: float = 0.0
) -> None:
    """The plot's frame, grid lines and the value axis' ticks, each with its value written out by ``fmt`` (which
    must tell ticks ``min_step`` apart)."""
    canvas.add(
        f'<rect class="plot" x="{num(plot.left)}" y="{num(plot.top)}" width="{num(plot.width)}" '
        f'height="{num(plot.height)}" fill="none" stroke="none"/>'
    )
    axis = "x" if plot.horizontal else "y"
    for value in nice_ticks(plot.end / 1.05, min_step=min_step):
        pos = plot.along(value)
        if plot.horizontal:
            grid = f'x1="{num(pos)}" y1="{num(plot.top)}" x2="{num(pos)}" y2="{num(plot.top + plot.height)}"'
            label_at = (pos, plot.top + plot.height + size + 4, "middle")
        else:
            grid = f'x1="{num(plot.left)}" y1="{num(pos)}" x2="{num(plot.left + plot.width)}" y2="{num(pos)}"'
            label_at = (plot.left - 6, pos + size * 0.35, "end")
        canvas.add(f'<g class="tick" data-axis="{axis}"><line {grid} stroke="{GRID_COLOUR}"/>')
        canvas.text(*label_at[:2], fmt(value), anchor=label_at[2], size=size)
        canvas.add("</g>")
    bottom = plot.top + plot.height
    if plot.horizontal:
        line = f'x1="{num(plot.left)}" y1="{num(plot.top)}" x2="{num(plot.left)}" y2="{num(bottom)}"'
    else:
        line = f'x1="{num(plot.left)}" y1="{num(bottom)}" x2="{num(plot.left + plot.width)}" y2="{num(bottom)}"'
    canvas.add(f'<line class="axis" {line} stroke="{AXIS_COLOUR}"/>')


def legend(
    canvas: Canvas, entries: Sequence[tuple[str, str]], x: float, y: float, columns: int, size: float = FONT_SIZE
) -> float:
    """Colour swatches and their names from (x, y), ``columns`` to a row; returns the y below the legend."""
    widest = max((text_width(name, size) for _, name in entries), default=0.0)
    column_width = widest + size * 2.5
    for index, (colour, name) in enumerate(entries):
        col, row = index % columns, index // columns
        left, top = x + col * column_width, y + row * (size + 8)
        canvas.add(
            f'<rect class="swatch" x="{num(left)}" y="{num(top)}" width="{num(size)}" height="{num(size * 0.8)}" '
            f'fill="{colour}"/>'
        )
        canvas.text(left + size * 1.4, top + size * 0.8, name, size=size)
    rows = -(-len(entries) // columns) if entries else 0
    return y + rows * (size + 8)
