"""Each crossing rule explains itself once (confiance.crossing_rules); the lineage graph and the site show that
explanation, French first then English, for every feed column (issue 11)."""

from __future__ import annotations

import pytest

from confiance.contracts import feed_contracts
from confiance.crossing_rules import RULE_CLASSES, RULES

COLUMNS = [(feed, col) for feed, contract in feed_contracts().items() for col in contract.columns]


def test_every_rule_has_one_explanation_in_both_languages():
    assert set(RULE_CLASSES) == set(RULES)
    for rule, cls in RULE_CLASSES.items():
        assert "{col}" in cls.how and "{col}" in cls.how_fr, rule
        assert cls.how != cls.how_fr, rule


@pytest.mark.parametrize(("feed", "col"), COLUMNS, ids=[f"{f}.{c.name}" for f, c in COLUMNS])
def test_each_feed_column_is_explained_by_its_rule(feed, col):
    text = col.rule.explain_both("insurer")
    french, english = text.split(" / ")
    assert f"{feed}.{col.name}" in french and f"{feed}.{col.name}" in english
    if col.crossing == "token":
        assert "domaine insurer" in french and "domain insurer" in english
        assert f"keyed pseudonym of {feed}.{col.name}, domain insurer" in english
    if col.crossing == "drop":
        assert "stays in the vault" in english and "reste dans le coffre" in french


def test_the_lineage_graph_uses_the_rules_explanations():
    from governance.lineage import ColumnRef, LineageGraph, column_graph

    graph = column_graph(LineageGraph({"nodes": {}, "sources": {}}, {}), {}, "insurer")
    contracts = feed_contracts()
    for feed, col in COLUMNS:
        edges = [e for e in graph.edges if e.source == ColumnRef(f"feed.{feed}", col.name)]
        own = [e for e in edges if e.target.dataset == f"warehouse.{feed}"]
        assert len(own) == len(col.rule.warehouse_columns), (feed, col.name)
        assert {e.step for e in edges} <= {col.rule.explain_both("insurer")}
        # the feed's versions table (pseudo.member_versions) gets the versioned columns, by the same rule
        versions = contracts[feed].versions
        kept = {c.name for c in versions.columns} if versions else set()
        expected = {(f"warehouse.{versions.table}", w.name) for w in col.rule.warehouse_columns if w.name in kept}
        assert {(e.target.dataset, e.target.column) for e in edges if e not in own} == expected, (feed, col.name)
