"""Column lineage drawn at build time: an inline SVG, every node a link, privacy steps on the edges.

A layered left-to-right layout (longest path from the sources), nodes ordered in
each layer by the mean position of their neighbours in the previous one. No
JavaScript and no external asset: the drawing works from ``file://``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from governance.lineage import ColumnEdge, ColumnRef

NODE_W = 250
NODE_H = 38
GAP_X = 130
GAP_Y = 14
PAD = 12
CHARS = 38  # characters a node line holds at the font size used

#: Fill of a node by zone (same colours as the classification badges of the stylesheet).
ZONE_FILL = {"feed": "#fde2e1", "warehouse": "#e2eefc", "model": "#eceff3", "mart": "#e1f5e6"}


def _short(text: str, width: int = CHARS) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def layout(nodes: set[ColumnRef], edges: list[ColumnEdge]) -> dict[ColumnRef, tuple[int, int]]:
    """(layer, row) of every node: layer = longest path from a node without predecessor."""
    preds: dict[ColumnRef, set[ColumnRef]] = {n: set() for n in nodes}
    for e in edges:
        preds[e.target].add(e.source)
    layer: dict[ColumnRef, int] = {}

    def depth(n: ColumnRef, stack: frozenset[ColumnRef] = frozenset()) -> int:
        if n in layer:
            return layer[n]
        ps = [p for p in preds[n] if p not in stack]
        layer[n] = 0 if not ps else 1 + max(depth(p, stack | {n}) for p in ps)
        return layer[n]

    for n in nodes:
        depth(n)
    by_layer: dict[int, list[ColumnRef]] = {}
    for n, i in layer.items():
        by_layer.setdefault(i, []).append(n)
    rows: dict[ColumnRef, int] = {}
    for i in sorted(by_layer):
        members = by_layer[i]

        def weight(n: ColumnRef) -> tuple[float, str, str]:
            placed = [rows[p] for p in preds[n] if p in rows]
            return (sum(placed) / len(placed) if placed else 0.0, n.dataset, n.column)

        for row, n in enumerate(sorted(members, key=weight)):
            rows[n] = row
    return {n: (layer[n], rows[n]) for n in nodes}


def render_svg(
    focus: ColumnRef,
    edges: list[ColumnEdge],
    href: Callable[[ColumnRef], str | None],
    title: str,
) -> str:
    """An inline SVG of ``edges`` around ``focus``; ``href`` gives each node's page (None: no link)."""
    nodes = {focus} | {e.source for e in edges} | {e.target for e in edges}
    pos = layout(nodes, edges)
    layers = max(p[0] for p in pos.values()) + 1
    rows = max(p[1] for p in pos.values()) + 1
    width = PAD * 2 + layers * NODE_W + (layers - 1) * GAP_X
    height = PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y

    def xy(n: ColumnRef) -> tuple[int, int]:
        layer, row = pos[n]
        return PAD + layer * (NODE_W + GAP_X), PAD + row * (NODE_H + GAP_Y)

    out = [
        f'<svg class="lineage" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#5b6775"/></marker></defs>',
    ]
    for e in sorted(set(edges), key=lambda e: (pos[e.source], pos[e.target])):
        (x1, y1), (x2, y2) = xy(e.source), xy(e.target)
        x1 += NODE_W
        y1 += NODE_H // 2
        y2 += NODE_H // 2
        mid = (x1 + x2) // 2
        path = f"M {x1} {y1} C {mid} {y1}, {mid} {y2}, {x2} {y2}"
        cls = "edge step" if e.step else "edge"
        out.append(f'<g class="{cls}"><path d="{path}" marker-end="url(#arrow)"/>')
        if e.step:
            fr = e.step.split(" / ")[0]
            out.append(f"<title>{escape(e.step)}</title>")
            out.append(f'<text class="step" x="{x1 + 4}" y="{(y1 + y2) // 2 - 3}">{escape(_short(fr, 24))}</text>')
        out.append("</g>")
    for n in sorted(nodes, key=lambda n: pos[n]):
        x, y = xy(n)
        zone, _, dataset = n.dataset.partition(".")
        cls = "node focus" if n == focus else "node"
        box = (
            f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="5" fill="{ZONE_FILL.get(zone, "#fff")}"/>'
            f'<text x="{x + 8}" y="{y + 15}" class="ds">{escape(_short(zone + " · " + dataset))}</text>'
            f'<text x="{x + 8}" y="{y + 31}" class="col">{escape(_short(n.column))}</text>'
            f"<title>{escape(zone)} {escape(dataset)}.{escape(n.column)}</title>"
        )
        link = href(n)
        if link:
            out.append(
                f'<a class="{cls}" href="{escape(link)}" data-column="{escape(n.dataset)}.{escape(n.column)}">{box}</a>'
            )
        else:
            out.append(f'<g class="{cls}" data-column="{escape(n.dataset)}.{escape(n.column)}">{box}</g>')
    out.append("</svg>")
    return "\n".join(out)
