"""The labelled PII corpora: deterministic, well-formed, checksum-valid, covering the hard forms."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from confiance.identifiers import iban_valid, luhn_valid, nir_key_valid, siren_valid, siret_luhn_valid
from vault.pii.corpora import DIGIT_RUN, LABELS, STYLES, LabelledText, tuning_corpus

CORPORA = {"tuning": tuning_corpus}

try:  # the held-out corpus is delivered after the tuning one
    from vault.pii.corpora import heldout_corpus

    heldout_corpus(6)
    CORPORA["heldout"] = heldout_corpus
except ImportError:  # pragma: no cover
    pass


@pytest.fixture(scope="module", params=list(CORPORA))
def named_corpus(request) -> tuple[str, list[LabelledText]]:
    return request.param, CORPORA[request.param]()


@pytest.fixture(scope="module")
def corpus(named_corpus) -> list[LabelledText]:
    return named_corpus[1]


def values(corpus: list[LabelledText], label: str) -> list[tuple[LabelledText, int, int, str]]:
    return [(t, s, e, t.text[s:e]) for t in corpus for s, e, lab in t.spans if lab == label]


def nir_chars(v: str) -> str:
    return "".join(c for c in v.upper() if c.isdigit() or c in "AB")


def digits(v: str) -> str:
    return re.sub(r"\D", "", v)


# --- determinism and shape ------------------------------------------------------------


def test_deterministic(named_corpus):
    name, corpus = named_corpus
    again = CORPORA[name]()
    assert [t.to_dict() for t in again] == [t.to_dict() for t in corpus]
    assert CORPORA[name](40, seed=1) != CORPORA[name](40, seed=2)
    assert len({t.id for t in corpus}) == len(corpus)


def test_spans_are_valid(corpus):
    for t in corpus:
        assert t.style in STYLES
        previous_end = 0
        for s, e, label in t.spans:
            assert label in LABELS
            assert 0 <= previous_end <= s < e <= len(t.text), (t.id, s, e)
            v = t.text[s:e]
            assert v == v.strip(), (t.id, v)
            assert v[0] not in ".,;:!?)(\"'«»-/" or (label == "PHONE" and v[0] == "+"), (t.id, v)
            assert v[-1] not in ".,;:!?)(\"'«»-/", (t.id, v)
            previous_end = e


def test_to_dict_round_trip(corpus):
    d = corpus[0].to_dict()
    assert d["id"] == corpus[0].id and d["text"] == corpus[0].text
    assert [(x["start"], x["end"], x["label"]) for x in d["spans"]] == list(corpus[0].spans)


def test_every_label_and_style_present(corpus):
    labels = Counter(label for t in corpus for *_, label in t.spans)
    assert set(labels) == set(LABELS)
    assert all(labels[label] >= 20 for label in LABELS), labels
    styles = Counter(t.style for t in corpus)
    assert set(styles) == set(STYLES)
    assert max(styles.values()) - min(styles.values()) <= 1


def test_clean_share(corpus):
    clean = [t for t in corpus if t.clean]
    assert len(clean) >= 0.15 * len(corpus)
    assert {t.style for t in clean} == set(STYLES)


# --- checksums ------------------------------------------------------------------------


def test_identifiers_are_checksum_valid(corpus):
    for t, _s, _e, v in values(corpus, "NIR"):
        assert nir_key_valid(nir_chars(v)), (t.id, v)
    for t, _s, _e, v in values(corpus, "SIRET"):
        d = digits(v)
        assert (len(d) == 14 and siret_luhn_valid(d)) or (len(d) == 9 and siren_valid(d)), (t.id, v)
    for t, _s, _e, v in values(corpus, "IBAN"):
        assert iban_valid(re.sub(r"[\s-]", "", v).upper()), (t.id, v)
    for t, _s, _e, v in values(corpus, "RPPS"):
        d = digits(v)
        assert len(d) == 11 and d.startswith("10") and luhn_valid(d), (t.id, v)
    for t, _s, _e, v in values(corpus, "ADELI"):
        assert len(digits(v)) == 9, (t.id, v)
    for t, _s, _e, v in values(corpus, "PHONE"):
        d = digits(v)
        d = d[4:] if d.startswith("0033") else d[2:] if d.startswith("33") else d
        d = d if d.startswith("0") else "0" + d
        assert len(d) == 10 and d[1] in "1234567989", (t.id, v)
    for t, _s, _e, v in values(corpus, "EMAIL"):
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v), (t.id, v)


def test_decoy_numbers_are_not_identifiers(corpus):
    decoys = 0
    for t in corpus:
        for m in DIGIT_RUN.finditer(t.text):
            if any(m.start() < e and s < m.end() for s, e, _ in t.spans):
                continue
            d = digits(m.group())
            if len(d) == 15:
                decoys += 1
                assert not nir_key_valid(d), (t.id, m.group())
            if len(d) == 14:
                assert not luhn_valid(d), (t.id, m.group())
    assert decoys >= 10
    clean_decoys = sum(1 for t in corpus if t.clean for m in DIGIT_RUN.finditer(t.text) if len(digits(m.group())) == 15)
    assert clean_decoys >= 5


# --- the hard forms the detector missed -------------------------------------------------

STD_NIR_GROUPS = [1, 2, 2, 2, 3, 3, 2]
PHONE_CONTEXT = re.compile(
    r"t[ée]l|phone|portable|mobile|joign|joindre|rappel|appel|num[ée]ro|contact|fixe|gsm|port\.|cabinet|au\s*$",
    re.I,
)


def count(items, pred) -> int:
    return sum(1 for x in items if pred(x))


def test_nir_forms(corpus):
    nirs = values(corpus, "NIR")
    n = len(corpus) / 1000
    assert count(nirs, lambda x: re.search(r"\d-\d", x[3])) >= 15 * n
    assert count(nirs, lambda x: re.search(r"( [-/] ?|/|cl[eé]:? | {2})\d{2}$", x[3])) >= 10 * n
    assert count(nirs, lambda x: re.search(r"2[AB]", x[3])) >= 10 * n
    assert all(re.search(r"2[AB]", x[3]) for x in nirs if re.search(r"[AB]", nir_chars(x[3]))), "2A/2B split"
    assert count(nirs, lambda x: re.fullmatch(r"[0-9AB]{15}", x[3])) >= 10 * n
    odd = count(
        nirs,
        lambda x: " " in x[3] and not re.search(r"[-/a-z]", x[3]) and [len(g) for g in x[3].split()] != STD_NIR_GROUPS,
    )
    assert odd >= 10 * n


def test_phone_forms(corpus):
    phones = values(corpus, "PHONE")
    n = len(corpus) / 1000
    for pattern in (r"\(0\)", r"^\+33", r"^00 ?33", r"^\d{2}\.\d{2}", r"^\d{2}-\d{2}", r"^\d{10}$", r"^0[67]"):
        assert count(phones, lambda x, p=pattern: re.search(p, x[3])) >= 5 * n, pattern
    # no context word on the same line before the number, or alone on its line
    bare = count(phones, lambda x: not PHONE_CONTEXT.search(x[0].text[: x[1]].rsplit("\n", 1)[-1]))
    assert bare >= 30 * n
    alone = count(phones, lambda x: x[0].text[: x[1]].endswith("\n") and x[0].text[x[2] :][:1] in ("", "\n"))
    assert alone >= 10 * n


def test_siret_forms(corpus):
    sirets = values(corpus, "SIRET")
    n = len(corpus) / 1000
    assert count(sirets, lambda x: len(digits(x[3])) == 9) >= 5 * n
    assert count(sirets, lambda x: len(digits(x[3])) == 14) >= 10 * n
    irregular = count(
        sirets,
        lambda x: (
            len(digits(x[3])) == 14 and re.search(r"\D", x[3]) and not re.fullmatch(r"\d{3} \d{3} \d{3} \d{5}", x[3])
        ),
    )
    assert irregular >= 5 * n


def test_date_of_birth_forms(corpus):
    dobs = values(corpus, "DATE_OF_BIRTH")
    n = len(corpus) / 1000
    month = "|".join(["janvier", "f[ée]vrier", "mars", "avril", "mai", "juin", "juillet", "ao[uû]t"])
    month += "|septembre|octobre|novembre|d[ée]cembre"
    prose = count(dobs, lambda x: re.search(r"n[ée]+(\(e\)|/n[ée]+)?s? (en|le) $", x[0].text[: x[1]], re.I))
    assert prose >= 30 * n
    assert count(dobs, lambda x: re.fullmatch(rf"({month}) \d{{4}}", x[3])) >= 5 * n
    assert count(dobs, lambda x: re.fullmatch(r"\d{2}/\d{4}", x[3])) >= 5 * n
    assert count(dobs, lambda x: re.fullmatch(r"\d{4}-\d{2}-\d{2}", x[3])) >= 5 * n
    assert count(dobs, lambda x: re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", x[3])) >= 5 * n
    assert count(dobs, lambda x: re.fullmatch(r"\d{2}/\d{2}/\d{2}", x[3])) >= 5 * n


def test_name_forms(corpus):
    people = values(corpus, "PERSON")
    n = len(corpus) / 1000
    checks = {
        "initial + surname": lambda v: re.match(r"^\w\.(-\w\.)? \w", v),
        "upper case": lambda v: v.isupper() and len(v) > 3,
        "lower case": lambda v: v == v.lower() and " " in v,
        "particle": lambda v: re.search(r"(^|\s)(du|de|da|dos|van|le|la|el|ben|d')(\s|')", v, re.I),
        "apostrophe": lambda v: "'" in v,
        "hyphen": lambda v: "-" in v,
        "diacritics": lambda v: re.search(r"[À-ÿĀ-ỹ]", v),
    }
    for name, pred in checks.items():
        assert count(people, lambda x, p=pred: p(x[3])) >= 10 * n, name
    doctor = count(people, lambda x: re.search(r"(Dr\.?|Docteur|docteur) $", x[0].text[: x[1]]))
    assert doctor >= 10 * n
    first_alone = count(people, lambda x: " " not in x[3] and "." not in x[3])
    assert first_alone >= 30 * n


def test_clean_texts_carry_decoys(corpus):
    clean = " ".join(t.text for t in corpus if t.clean)
    assert "€" in clean and "FINESS" in clean and "%" in clean
    assert re.search(r"\b[A-Z]{4}\d{3}\b", clean)
    assert re.search(r"\b(Pouvez-vous|Merci|Suite à|Délai|Prochaine)\b", clean)


# --- held-out stays apart from tuning ---------------------------------------------------


@pytest.mark.skipif("heldout" not in CORPORA, reason="held-out corpus not written yet")
def test_heldout_is_apart_from_tuning():
    from vault.pii.corpora import heldout, tuning

    tuning_texts = {t.text for t in tuning_corpus()}
    assert not any(t.text in tuning_texts for t in heldout_corpus())
    tuning_templates = {x for pool in (tuning.T, tuning.C) for ts in pool.values() for x in ts}
    heldout_templates = {x for pool in (heldout.T, heldout.C) for ts in pool.values() for x in ts}
    assert not tuning_templates & heldout_templates
    for mod in (tuning, heldout):
        assert all(len(mod.T[s]) >= 25 for s in STYLES)
    # hand-written name lists: disjoint, the held-out ones with at least 150 entries each
    assert not set(tuning.SURNAMES) & set(heldout.SURNAMES)
    assert not set(tuning.FEMALE + tuning.MALE) & set(heldout.FEMALE + heldout.MALE)
    assert len(heldout.SURNAMES) >= 150 and len(heldout.FEMALE + heldout.MALE) >= 150
