"""Charts of the DPO reports, drawn at build time with matplotlib as inline SVG (text drawn as paths: nothing to
load, nothing to fetch). They plot counts only. A chart with nothing to plot is not drawn (None)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure

from governance.charts import inline_svg, rc

_RC = rc("confiance-dpo")
PALETTE = ["#2e5c8a", "#e07b39", "#7a9cc6", "#6a9f58", "#b8c4d0", "#c75b5b"]


def _svg(fig: Figure, title: str) -> str:
    return inline_svg(fig, title, _RC)


def bars(
    title: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    stacked: bool = True,
    horizontal: bool = False,
    percent: bool = False,
) -> str | None:
    """Grouped or stacked bars: one bar per label, one colour per series."""
    if not labels or not series or not any(v for values in series.values() for v in values):
        return None
    with rc_context(_RC):
        fig = Figure(figsize=(7.2, 0.9 + 0.32 * len(labels)) if horizontal else (7.2, 3.0), dpi=100)
        ax = fig.add_subplot()
        base = [0.0] * len(labels)
        width = 0.8 if stacked else 0.8 / len(series)
        for i, (name, values) in enumerate(series.items()):
            vals = [float(v) for v in values]
            colour = PALETTE[i % len(PALETTE)]
            if horizontal:
                ax.barh(list(labels), vals, left=base if stacked else None, color=colour, label=name)
            else:
                xs = list(range(len(labels))) if stacked else [x + i * width for x in range(len(labels))]
                ax.bar(xs, vals, width=width, bottom=base if stacked else None, color=colour, label=name)
            if stacked:
                base = [a + b for a, b in zip(base, vals, strict=True)]
        if not horizontal:
            ax.set_xticks([x + (0 if stacked else width * (len(series) - 1) / 2) for x in range(len(labels))])
            ax.set_xticklabels(
                list(labels), rotation=30 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center"
            )
        if percent:
            axis = ax.xaxis if horizontal else ax.yaxis
            axis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
        if len(series) > 1:
            ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.set_title(title, loc="left")
        return _svg(fig, title)
