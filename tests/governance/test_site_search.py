"""The site's search index, built in Python, is the index MiniSearch itself would build.

Checked in real headless Chromium with the vendored MiniSearch: the same documents indexed by the
browser and loaded from the Python-built index answer every query with the same documents and scores.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from governance.site import STATIC_DIR
from governance.site.search import FIELDS, STORE, SearchDoc, build_index, index_script, process_term, tokenize

DOCS = [
    SearchDoc(
        "term:out_of_pocket",
        "terme",
        "Reste à charge (RAC) / out-of-pocket",
        "out_of_pocket RAC OOP",
        "Ce que l'adhérent paie encore après la Sécurité sociale et la mutuelle.",
        "glossary.html#term-oop",
    ),
    SearchDoc(
        "column:feed.benefits.out_of_pocket",
        "colonne",
        "Reste à charge — feed benefits.out_of_pocket",
        "out_of_pocket benefits",
        "",
        "col-feed-benefits--out_of_pocket.html",
    ),
    SearchDoc(
        "term:member",
        "terme",
        "Adhérent / member",
        "member assuré bénéficiaire",
        "Personne qui a adhéré à la mutuelle, à titre individuel ou collectif.",
        "glossary.html#term-member",
    ),
    SearchDoc(
        "dataset:mart.x",
        "jeu",
        "Reste à charge par année — mart x",
        "mart_insurer__out_of_pocket",
        "Out-of-pocket (reste à charge) by year and act family.",
        "mart-x.html",
    ),
    SearchDoc("term:nir", "terme", "NIR", "", "", "glossary.html#term-nir"),  # empty fields too
]

QUERIES = ["reste à charge", "reste a charge", "RAC", "adherent", "mutuelle", "out-of-pocket", "charg", "nir", "zz"]


def test_tokens_and_terms_follow_minisearch() -> None:
    assert tokenize("Reste à charge (RAC)") == ["Reste", "à", "charge", "RAC", ""]
    assert tokenize("") == [""]
    assert tokenize("l'adhérent, out_of_pocket") == ["l", "adhérent", "out", "of", "pocket"]
    assert process_term("Adhérent") == "adherent"
    assert process_term("") is None
    index = build_index(DOCS)
    assert index["documentCount"] == len(DOCS) and index["serializationVersion"] == 2
    assert list(index["fieldIds"]) == list(FIELDS)
    with pytest.raises(ValueError, match="duplicate"):
        build_index([DOCS[0], DOCS[0]])


def test_prebuilt_index_answers_like_minisearch_itself(tmp_path: Path, local_browser) -> None:
    shutil.copyfile(STATIC_DIR / "minisearch" / "minisearch.umd.js", tmp_path / "minisearch.js")
    (tmp_path / "index.js").write_text(index_script(DOCS), encoding="utf-8")
    docs = [{"id": d.id, **{f: getattr(d, f) for f in (*FIELDS, *STORE)}} for d in DOCS]
    (tmp_path / "page.html").write_text(
        f"""<!doctype html><meta charset="utf-8"><script src="minisearch.js"></script><script src="index.js"></script>
<script>
const pt = (t) => {{ const f = t.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, ''); return f || null; }};
const opts = Object.assign({{}}, window.CONFIANCE_SEARCH.options, {{processTerm: pt}});
const prebuilt = MiniSearch.loadJS(window.CONFIANCE_SEARCH.index, opts);
const own = new MiniSearch(opts); own.addAll({json.dumps(docs, ensure_ascii=False)});
window.answer = (q) => {{
  const o = {{prefix: true, fuzzy: 0.15, boost: window.CONFIANCE_SEARCH.boost}};
  const f = (r) => r.map(h => [h.id, Math.round(h.score * 1e6), h.url]);
  return [f(prebuilt.search(q, o)), f(own.search(q, o))];
}};
</script>""",
        encoding="utf-8",
    )
    lp = local_browser()
    lp.page.goto((tmp_path / "page.html").as_uri())
    for query in QUERIES:
        prebuilt, own = lp.page.evaluate("(q) => window.answer(q)", query)
        assert prebuilt == own, query
    first = lp.page.evaluate("(q) => window.answer(q)", "reste a charge")[0]
    assert "term:out_of_pocket" in [hit[0] for hit in first]
    assert lp.external_requests == [] and lp.console_errors == []
