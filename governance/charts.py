"""What every chart of the generated pages shares: matplotlib settings and the figure saved as an inline SVG
(text drawn as paths: no font, nothing to load, nothing to fetch; no date, so a rebuild gives the same bytes)."""

from __future__ import annotations

import io
import re

from matplotlib import rc_context
from matplotlib.figure import Figure


def rc(salt: str) -> dict[str, object]:
    """matplotlib settings of a chart; `salt` seeds the SVG's element ids, so they are stable between builds."""
    return {
        "svg.fonttype": "path",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": salt,
    }


def inline_svg(fig: Figure, title: str, settings: dict[str, object]) -> str:
    """The figure as an SVG element to inline in a page (no XML prolog, no metadata), labelled by its title."""
    buffer = io.StringIO()
    with rc_context(settings):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG is inlined in the page
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    safe = title.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg class="chart" role="img" aria-label="{safe}" ', 1)
