"""Labelled French corpora for measuring the personal-data (PII) detector.

Two deterministic generators, written independently of the detector:

- ``tuning_corpus``: the corpus a detector may be tuned against;
- ``heldout_corpus``: HELD OUT, never used for tuning; it only measures (the README's figures).

Both produce :class:`LabelledText` records: French free text in six styles (claims-staff
comments, call-centre notes, dental-quote remarks, members' e-mails, prevention-coaching notes,
employers' HR messages) with gold spans ``(start, end, label)``.

Span convention (both corpora):

- a span covers the personal value itself, never its context word nor the punctuation or
  whitespace around it: ``NIR 2 75 08 75 123 701 87.`` labels ``2 75 08 75 123 701 87``;
- separators inside a value belong to the value: a NIR written ``2750875123701 / 87`` or
  ``2 75 08 75 123 701 clé 87`` is one span from its first digit to the last digit of its key;
  a phone ``+33 (0)6 12 34 56 78`` is one span from ``+``; a two-line address is one span;
- DATE_OF_BIRTH labels the date expression only: ``née en mars 1979`` labels ``mars 1979``,
  ``DDN 10/03/60`` labels ``10/03/60``; other dates (care, payment, quote, appointments) are
  not labelled;
- PERSON labels the name without its title: ``Dr Martin`` labels ``Martin``, ``Mme C. Bouvier``
  labels ``C. Bouvier``; a maiden name (``épouse X``) is a second PERSON span;
- SIREN numbers are labelled ``SIRET``; every e-mail address is labelled ``EMAIL``.

This module holds the record type, the loaders and the shared machinery (value generators
with valid checksums and the template renderer); ``tuning.py`` and ``heldout.py`` hold each
corpus's own templates, name lists, seed and format mix.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from confiance.identifiers import (
    luhn_check_digit,
    luhn_valid,
    make_fr_iban,
    make_nir,
    make_siren,
    make_siret,
    nir_key,
    nir_key_valid,
)

LABELS: tuple[str, ...] = (
    "NIR",
    "PHONE",
    "EMAIL",
    "IBAN",
    "PERSON",
    "ADDRESS",
    "SIRET",
    "RPPS",
    "ADELI",
    "DATE_OF_BIRTH",
)

STYLES: tuple[str, ...] = (
    "claims_comment",
    "call_centre",
    "dental_quote",
    "member_email",
    "coaching",
    "employer_hr",
)

TUNING_SEED = 20250611
HELDOUT_SEED = 77031942

#: A run of digits with single separators, as the corpora's decoy checks read numbers.
DIGIT_RUN = re.compile(r"\d(?:(?: ?[-/.] ?| )?\d)+")


@dataclass(frozen=True)
class LabelledText:
    """One text and its gold spans ``(start, end, label)``, sorted and non-overlapping."""

    id: str
    style: str
    text: str
    spans: tuple[tuple[int, int, str], ...]

    @property
    def clean(self) -> bool:
        """True when the text holds no personal data."""
        return not self.spans

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "style": self.style,
            "text": self.text,
            "spans": [{"start": s, "end": e, "label": label, "value": self.text[s:e]} for s, e, label in self.spans],
        }


def tuning_corpus(n: int = 1500, seed: int = TUNING_SEED) -> list[LabelledText]:
    """The tuning corpus: a detector may be tuned against it."""
    from vault.pii.corpora.tuning import generate

    return generate(n, seed)


def heldout_corpus(n: int = 1200, seed: int = HELDOUT_SEED) -> list[LabelledText]:
    """The held-out corpus: never tune on it; it only measures."""
    from vault.pii.corpora.heldout import generate

    return generate(n, seed)


#: Corpora written blind by outside auditors (issue 10), committed as labelled JSONL.
#: audit1 became tuning material in round 2; audit2, measured once held out, became tuning material in
#: round 3; audit3, audit4, audit5, audit6, audit7 and audit8, each measured once held out, became tuning material
#: in rounds 4, 6, 7, 8, 9 and 10; audit9, measured held out before and after round 10, became tuning material in
#: round 11; audit10, measured held out before and after round 11, became tuning material in round 12; audit11,
#: measured held out before and after round 12, became tuning material in round 13; audit12, measured held out
#: before and after round 13, became tuning material in round 14.
AUDIT_FILES: dict[str, str] = {
    "audit1": "audit1/blind_corpus.jsonl",
    "audit2": "audit2/corpus.jsonl",
    "audit3": "audit3/corpus.jsonl",
    "audit4": "audit4/corpus.jsonl",
    "audit5": "audit5/corpus.jsonl",
    "audit6": "audit6/corpus.jsonl",
    "audit7": "audit7/corpus.jsonl",
    "audit8": "audit8/corpus.jsonl",
    "audit9": "audit9/corpus.jsonl",
    "audit10": "audit10/corpus.jsonl",
    "audit11": "audit11/corpus.jsonl",
    "audit12": "audit12/corpus.jsonl",
}
#: Where the auditors' folders live.
AUDIT_ROOT = Path(__file__).parent


class CorpusFileError(ValueError):
    """A labelled JSONL corpus that cannot be read (file, line, reason)."""


def load_jsonl(path: Path) -> list[LabelledText]:
    """Labelled texts from a JSONL file of ``{"id", "style", "text", "spans": [[start, end, label], ...]}``."""
    out: list[LabelledText] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                spans = tuple((int(s), int(e), str(label)) for s, e, label in d["spans"])
                item = LabelledText(id=str(d["id"]), style=str(d["style"]), text=str(d["text"]), spans=spans)
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusFileError(f"{path}, line {number}: not a labelled text ({exc})") from None
            for s, e, label in spans:
                if not 0 <= s < e <= len(item.text) or label not in LABELS:
                    raise CorpusFileError(f"{path}, line {number}: bad span ({s}, {e}, {label!r})")
            out.append(item)
    return out


def audit_corpus(name: str) -> list[LabelledText]:
    """An outside auditor's corpus: ``audit1`` to ``audit12`` (each written blind, measured held out, then
    released as tuning material; audit12 in round 14). A corpus not committed in this checkout
    is a ``CorpusFileError`` naming the missing file."""
    if name not in AUDIT_FILES:
        raise ValueError(f"unknown audit corpus {name!r}; choose one of {', '.join(AUDIT_FILES)}")
    path = AUDIT_ROOT / AUDIT_FILES[name]
    if not path.is_file():
        raise CorpusFileError(f"{path}: no such file (corpus {name} is not committed in this checkout)")
    return load_jsonl(path)


# --- small text helpers ------------------------------------------------------------


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# --- people -----------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool


def faker_names() -> tuple[list[str], list[str], list[str]]:
    """First names (female, male) and surnames of Faker's fr_FR, fr_BE, fr_CH and fr_CA providers."""
    import importlib

    female: list[str] = []
    male: list[str] = []
    last: list[str] = []
    for loc in ("fr_FR", "fr_BE", "fr_CH", "fr_CA"):
        p = importlib.import_module(f"faker.providers.person.{loc}").Provider
        female += list(p.first_names_female)
        male += list(p.first_names_male)
        last += list(p.last_names)
    # keep order (deterministic), drop duplicates
    return list(dict.fromkeys(female)), list(dict.fromkeys(male)), list(dict.fromkeys(last))


class NameSource:
    """Draws people from hand-written lists and, with probability ``faker_share``, from Faker's."""

    def __init__(
        self,
        female: Sequence[str],
        male: Sequence[str],
        surnames: Sequence[str],
        faker_share: float,
    ) -> None:
        self.female, self.male, self.surnames = list(female), list(male), list(surnames)
        self.faker_share = faker_share
        self.f_female, self.f_male, self.f_last = faker_names()

    def person(self, rng: random.Random) -> Person:
        female = rng.random() < 0.55
        if rng.random() < self.faker_share:
            first = rng.choice(self.f_female if female else self.f_male)
        else:
            first = rng.choice(self.female if female else self.male)
        last = rng.choice(self.f_last) if rng.random() < self.faker_share else rng.choice(self.surnames)
        return Person(first, last, female)


def _initials(first: str) -> str:
    return "-".join(part[0] + "." for part in first.split("-") if part)


def person_form(p: Person, form: str, rng: random.Random) -> str:
    """``p`` written in one of the ways people write names."""
    f, ln = p.first, p.last
    if form == "full":
        return f"{f} {ln}"
    if form == "rev":
        return f"{ln} {f}"
    if form == "upper":
        return f"{f} {ln}".upper()
    if form == "upperrev":
        return f"{ln.upper()} {f.upper() if rng.random() < 0.5 else f}"
    if form == "init":
        return f"{_initials(f)} {ln}"
    if form == "initlow":
        s = f"{_initials(f)} {ln}".lower()
        return strip_accents(s) if rng.random() < 0.5 else s
    if form == "lower":
        s = f"{f} {ln}".lower()
        return strip_accents(s) if rng.random() < 0.6 else s
    if form == "lowerrev":
        s = f"{ln} {f}".lower()
        return strip_accents(s) if rng.random() < 0.6 else s
    if form == "first":
        return f
    if form == "firstlow":
        s = f.lower()
        return strip_accents(s) if rng.random() < 0.6 else s
    if form == "last":
        return ln
    if form == "lastup":
        return ln.upper()
    if form == "noaccent":
        return strip_accents(f"{f} {ln}")
    raise ValueError(f"unknown name form {form!r}")


# --- identifiers with valid checksums ------------------------------------------------

_CORSICA = ("2A", "2B")


def nir_value(rng: random.Random, corsica: bool = False) -> str:
    sex = rng.choice("MF")
    year = rng.randint(1938, 2007)
    month = rng.randint(1, 12)
    r = rng.random()
    if corsica:
        dep = rng.choice(_CORSICA)
    elif r < 0.06:
        dep = rng.choice(("971", "972", "973", "974", "976"))
    elif r < 0.12:
        dep = "99"
    else:
        dep = f"{rng.choice([n for n in range(1, 96) if n != 20]):02d}"
    commune = rng.randint(1, 99) if len(dep) == 3 else rng.randint(1, 990)
    return make_nir(sex, year, month, dep, commune, rng.randint(1, 999))


def bad_nir_value(rng: random.Random) -> str:
    """15 digits shaped like a NIR whose key is wrong (a decoy reference)."""
    good = nir_value(rng)
    body = good[:13].replace("2A", "19").replace("2B", "18")
    key = nir_key(body)
    wrong = (key + rng.randint(1, 90)) % 100
    if wrong == key:  # pragma: no cover - (key + 1..90) % 100 never equals key
        wrong = (key + 1) % 100
    value = f"{body}{wrong:02d}"
    assert not nir_key_valid(value)
    return value


def format_nir(nir: str, form: str, rng: random.Random) -> str:
    a, b, c, d, e, f, k = nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:15]
    body = nir[:13]
    if form == "std":
        return f"{a} {b} {c} {d} {e} {f} {k}"
    if form == "raw":
        return nir
    if form == "hyph":
        return f"{a}-{b}-{c}-{d}-{e}-{f}-{k}"
    if form == "hyphkey":
        return f"{a}-{b}-{c}-{d}-{e}-{f} {k}"
    if form == "dots":
        return f"{a}.{b}.{c}.{d}.{e}.{f}.{k}"
    if form == "odd":
        candidates = [
            f"{a}{b} {c} {d}{e} {f}{k}",
            f"{a}{b}{c} {d}{e} {f} {k}",
            f"{nir[:5]} {nir[5:10]} {nir[10:]}",
            f"{a} {b}{c}{d} {e}{f} {k}",
            f"{nir[:3]} {nir[3:6]} {nir[6:9]} {nir[9:12]} {nir[12:]}",
            f"{a}{b} {c}{d} {e}{f}{k}",
            f"{a} {b} {c} {d} {e} {f}{k}",
            f"{nir[:4]} {nir[4:8]} {nir[8:12]} {nir[12:]}",
        ]
        # nobody splits Corsica's 2A/2B across two groups
        return rng.choice([x for x in candidates if d.isdigit() or d in x])
    if form == "keyapart":
        sep = rng.choice([" - ", " / ", "-", "/", " clé ", " cle ", "  ", " clé: "])
        head = rng.choice([f"{a} {b} {c} {d} {e} {f}", body, f"{a}-{b}-{c}-{d}-{e}-{f}", f"{a}{b}{c}{d} {e} {f}"])
        return f"{head}{sep}{k}"
    raise ValueError(f"unknown NIR form {form!r}")


def siren_value(rng: random.Random) -> str:
    while True:
        s = make_siren(rng.randint(10_000_000, 99_999_999))
        if not s.startswith("356000000"):
            return s


def siret_value(rng: random.Random) -> str:
    return make_siret(siren_value(rng), rng.choice([10, 12, 13, 18, 19, 21, 25, 29, 37, 42, 55, rng.randint(1, 999)]))


def format_siret(s: str, rng: random.Random) -> str:
    return rng.choice(
        [
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}",
            s,
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}",
            f"{s[:9]} {s[9:]}",
            f"{s[:3]} {s[3:6]} {s[6:]}",
            f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}",
            f"{s[:3]} {s[3:6]} {s[6:9]}-{s[9:]}",
            f"{s[:5]} {s[5:9]} {s[9:]}",
            f"{s[:3]}{s[3:6]} {s[6:9]}{s[9:]}",
        ]
    )


def format_siren(s: str, rng: random.Random) -> str:
    return rng.choice(
        [f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}.{s[3:6]}.{s[6:]}", f"{s[:6]} {s[6:]}", f"{s[:3]} {s[3:]}"]
    )


def rpps_value(rng: random.Random) -> str:
    body = "10" + f"{rng.randint(0, 99_999_999):08d}"
    return body + luhn_check_digit(body)


def adeli_value(rng: random.Random) -> str:
    dep = f"{rng.choice([n for n in range(1, 96) if n != 20]):02d}"
    return f"{dep}{rng.choice('1234789')}{rng.randint(0, 99_999):05d}{rng.randint(0, 9)}"


def finess_value(rng: random.Random) -> str:
    dep = f"{rng.choice([n for n in range(1, 96) if n != 20]):02d}"
    body = f"{dep}{rng.choice('0789')}{rng.randint(0, 99_999):05d}"
    return body + luhn_check_digit(body)


_BANKS = (30004, 30003, 30002, 10278, 20041, 11306, 13335, 18206, 16958, 17515, 14505, 12506, 10107, 30066, 13807)


def iban_value(rng: random.Random) -> str:
    return make_fr_iban(rng.choice(_BANKS), rng.randint(1, 99_999), rng.randint(0, 99_999_999_999))


def format_iban(iban: str, form: str, rng: random.Random) -> str:
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    if form == "group":
        return grouped
    if form == "raw":
        return iban
    if form == "lower":
        return grouped.lower() if rng.random() < 0.5 else iban.lower()
    if form == "any":
        return rng.choice([grouped, grouped, iban, grouped.replace(" ", "-"), iban[:4] + " " + iban[4:]])
    raise ValueError(f"unknown IBAN form {form!r}")


# --- phones ------------------------------------------------------------------------


def phone_digits(rng: random.Random, kind: str = "any") -> str:
    if kind == "mobile" or (kind == "any" and rng.random() < 0.6):
        head = rng.choice(["06", "07"])
    elif kind == "fixe" or kind == "any":
        head = rng.choice(["01", "02", "03", "04", "05", "09"])
    else:
        raise ValueError(kind)
    return head + f"{rng.randint(0, 99_999_999):08d}"


def format_phone(d: str, form: str, rng: random.Random) -> str:
    pairs = [d[i : i + 2] for i in range(0, 10, 2)]
    nat = d[1:]
    npairs = [nat[0]] + [nat[i : i + 2] for i in range(1, 9, 2)]
    forms = {
        "sp": lambda: " ".join(pairs),
        "dots": lambda: ".".join(pairs),
        "hyph": lambda: "-".join(pairs),
        "raw": lambda: d,
        "intl": lambda: "+33 " + " ".join(npairs),
        "intlraw": lambda: "+33" + nat,
        "intldots": lambda: "+33." + ".".join(npairs),
        "paren": lambda: rng.choice(["+33 (0)", "+33(0)", "+33 (0) "]) + " ".join(npairs),
        "0033": lambda: rng.choice(["0033 ", "00 33 ", "0033"]) + " ".join(npairs),
        "odd": lambda: rng.choice([f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}", f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}"]),
    }
    if form == "any":
        form = rng.choice(["sp", "sp", "sp", "dots", "hyph", "raw", "intl", "intlraw", "paren", "0033", "odd"])
    return forms[form]()


# --- dates -----------------------------------------------------------------------


def format_date(y: int, m: int, d: int, form: str, rng: random.Random) -> str:
    if form == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    if form == "short":
        return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if form == "dot":
        return f"{d:02d}.{m:02d}.{y}"
    if form == "iso":
        return f"{y}-{m:02d}-{d:02d}"
    if form == "long":
        day = "1er" if d == 1 else str(d)
        return f"{day} {MONTHS[m - 1]} {y}"
    if form == "month":
        return f"{MONTHS[m - 1]} {y}"
    if form == "mm":
        return f"{m:02d}/{y}"
    if form == "dash":
        return f"{d:02d}-{m:02d}-{y}"
    if form == "nopad":
        return f"{d}/{m}/{y}"
    raise ValueError(f"unknown date form {form!r}")


# --- addresses ----------------------------------------------------------------------

TOWNS: tuple[tuple[str, str], ...] = (
    ("75011", "Paris"),
    ("75018", "Paris"),
    ("69003", "Lyon"),
    ("69100", "Villeurbanne"),
    ("13008", "Marseille"),
    ("13100", "Aix-en-Provence"),
    ("31000", "Toulouse"),
    ("44000", "Nantes"),
    ("59000", "Lille"),
    ("59650", "Villeneuve-d'Ascq"),
    ("35000", "Rennes"),
    ("29200", "Brest"),
    ("57000", "Metz"),
    ("54000", "Nancy"),
    ("21000", "Dijon"),
    ("25000", "Besançon"),
    ("37000", "Tours"),
    ("45000", "Orléans"),
    ("76000", "Rouen"),
    ("14000", "Caen"),
    ("51100", "Reims"),
    ("80000", "Amiens"),
    ("87000", "Limoges"),
    ("86000", "Poitiers"),
    ("17000", "La Rochelle"),
    ("64000", "Pau"),
    ("66000", "Perpignan"),
    ("34000", "Montpellier"),
    ("30000", "Nîmes"),
    ("84000", "Avignon"),
    ("83000", "Toulon"),
    ("06000", "Nice"),
    ("38000", "Grenoble"),
    ("74000", "Annecy"),
    ("42000", "Saint-Étienne"),
    ("63000", "Clermont-Ferrand"),
    ("43000", "Le Puy-en-Velay"),
    ("20000", "Ajaccio"),
    ("20200", "Bastia"),
    ("97200", "Fort-de-France"),
    ("97400", "Saint-Denis"),
    ("93100", "Montreuil"),
    ("94240", "L'Haÿ-les-Roses"),
    ("92100", "Boulogne-Billancourt"),
    ("67000", "Strasbourg"),
    ("68100", "Mulhouse"),
    ("49000", "Angers"),
    ("72000", "Le Mans"),
    ("22000", "Saint-Brieuc"),
    ("56000", "Vannes"),
    ("24200", "Sarlat-la-Canéda"),
    ("40000", "Mont-de-Marsan"),
    ("81000", "Albi"),
    ("12000", "Rodez"),
    ("71100", "Chalon-sur-Saône"),
)


def _street(rng: random.Random, streets: Sequence[str]) -> str:
    num = rng.randint(1, 180)
    suffix = rng.choice(["", "", "", "", " bis", " ter", "bis", " B"])
    return f"{num}{suffix} {rng.choice(streets)}"


def address_value(rng: random.Random, form: str, streets: Sequence[str], residences: Sequence[str]) -> str:
    cp, town = rng.choice(TOWNS)
    if rng.random() < 0.2:
        town = town.upper()
    street = _street(rng, streets)
    if form == "any":
        form = rng.choice(["line", "line", "line", "nocomma", "res", "bp", "appt"])
    if form == "line":
        return f"{street}, {cp} {town}"
    if form == "nocomma":
        return f"{street} {cp} {town}"
    if form == "two":
        return f"{street}\n{cp} {town}"
    if form == "res":
        bat = rng.choice(["bât. B", "bâtiment C", "esc. 2", "bat A", "appt 14"])
        return f"résidence {rng.choice(residences)}, {bat}, {street}, {cp} {town}"
    if form == "bp":
        place = f"{rng.choice(['lieu-dit', 'hameau', 'lieudit'])} {rng.choice(residences)}"
        return f"{place}, BP {rng.randint(2, 99)}, {cp} {town}"
    if form == "appt":
        return f"{rng.choice(['appt', 'appartement', 'apt'])} {rng.randint(1, 60)}, {street}, {cp} {town}"
    if form == "street":
        return street
    raise ValueError(f"unknown address form {form!r}")


def email_value(rng: random.Random, p: Person, domains: Sequence[str]) -> str:
    f = re.sub(r"[^a-z-]", "", strip_accents(p.first).lower())
    ln = re.sub(r"[^a-z-]", "", strip_accents(p.last).lower().replace(" ", ""))
    local = rng.choice(
        [
            f"{f}.{ln}",
            f"{f[0]}{ln}",
            f"{ln}.{f}",
            f"{f}{rng.randint(1, 99)}",
            f"{f}_{ln}{rng.randint(50, 99)}",
            f"{f[0]}.{ln}",
            f"{ln}{f[0]}",
            f"{f}.{ln}{rng.randint(1, 9)}",
        ]
    )
    return f"{local}@{rng.choice(domains)}"


# --- rendering ----------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?(?:@(\w+))?\}")

#: A value generator: ``(rng, variant, person_or_None) -> (text, label_or_None)``.
Gen = Callable[[random.Random, str, "Person | None"], "tuple[str, str | None]"]


class Renderer:
    """Fills templates: ``{kind}``, ``{kind:variant}`` and ``{kind:variant@key}``.

    ``@key`` names a person shared inside one text (``{person:full@a}``, ``{e@a}`` for the
    feminine ending, ``{civ@a}``, ``{email@a}``). ``noise`` rewrites the literal parts of a
    template only (typos, missing accents) so that spans stay exact.
    """

    def __init__(self, gens: Mapping[str, Gen], names: NameSource) -> None:
        self.gens = gens
        self.names = names

    def render(
        self,
        template: str,
        rng: random.Random,
        noise: Callable[[str], str] | None = None,
    ) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        people: dict[str, Person] = {}
        out: list[str] = []
        spans: list[tuple[int, int, str]] = []
        pos = 0
        at = 0
        for m in _PLACEHOLDER.finditer(template):
            lit = template[at : m.start()]
            if noise is not None:
                lit = noise(lit)
            out.append(lit)
            pos += len(lit)
            kind, variant, key = m.group(1), m.group(2) or "any", m.group(3)
            person = None
            if key is not None:
                if key not in people:
                    people[key] = self.names.person(rng)
                person = people[key]
            value, label = self.gens[kind](rng, variant, person)
            if label is not None:
                if not value or value != value.strip():
                    raise ValueError(f"bad span value {value!r} from {kind}")
                spans.append((pos, pos + len(value), label))
            out.append(value)
            pos += len(value)
            at = m.end()
        lit = template[at:]
        if noise is not None:
            lit = noise(lit)
        out.append(lit)
        return "".join(out), tuple(spans)


def accidental_identifier(text: str, spans: Sequence[tuple[int, int, str]]) -> bool:
    """True when an unlabelled run of digits happens to be a valid NIR, SIRET or RPPS."""
    for m in DIGIT_RUN.finditer(text):
        if any(m.start() < e and s < m.end() for s, e, _ in spans):
            continue
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 15 and nir_key_valid(digits):
            return True
        if len(digits) == 14 and luhn_valid(digits):
            return True
        if len(digits) == 11 and digits.startswith("10") and luhn_valid(digits):
            return True
    return False


def informal_noise(rng: random.Random) -> Callable[[str], str]:
    """Member e-mail noise: missing accents, lower case, a few typos (literal text only)."""
    drop_accents = rng.random() < 0.6
    lower = rng.random() < 0.4
    rate = rng.choice([0.0, 0.02, 0.04, 0.07])

    def typo(word: str) -> str:
        if len(word) < 4 or not word.isalpha() or rng.random() >= rate:
            return word
        i = rng.randint(1, len(word) - 2)
        op = rng.random()
        if op < 0.4:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if op < 0.7:
            return word[:i] + word[i + 1 :]
        return word[:i] + word[i] + word[i:]

    def noise(s: str) -> str:
        if drop_accents:
            s = strip_accents(s)
        if lower:
            s = s.lower()
        if rate:
            s = re.sub(r"\w+", lambda m: typo(m.group()), s)
        return s

    return noise


def build(
    n: int,
    seed: int,
    prefix: str,
    renderer: Renderer,
    templates: Mapping[str, Sequence[str]],
    clean_templates: Mapping[str, Sequence[str]],
    is_clean: Callable[[int], bool],
    noisy_styles: Sequence[str] = ("member_email",),
    style_order: Sequence[str] = STYLES,
) -> list[LabelledText]:
    """``n`` texts, styles in turn, ``is_clean(i)`` deciding which ones hold no personal data."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    out: list[LabelledText] = []
    for i in range(n):
        style = style_order[i % len(style_order)]
        clean = is_clean(i)
        pool = clean_templates[style] if clean else templates[style]
        for _attempt in range(50):
            template = rng.choice(pool)
            noise = informal_noise(rng) if style in noisy_styles else None
            text, spans = renderer.render(template, rng, noise)
            if not accidental_identifier(text, spans):
                break
        else:  # pragma: no cover - 50 unlucky draws in a row
            raise RuntimeError("could not draw a text without an accidental identifier")
        out.append(LabelledText(f"{prefix}-{i:05d}", style, text, spans))
    return out


def standard_gens(
    names: NameSource,
    *,
    nir_forms: Mapping[str, float],
    phone_forms: Mapping[str, float],
    person_forms: Mapping[str, float],
    dob_forms: Mapping[str, float],
    streets: Sequence[str],
    residences: Sequence[str],
    domains: Sequence[str],
    companies: Sequence[str],
    brands: Sequence[str],
    acts: Sequence[str],
) -> dict[str, Gen]:
    """The value generators both corpora share; each corpus passes its own mix of forms and lists."""

    def person(rng: random.Random, v: str, p: Person | None) -> tuple[str, str | None]:
        p = p or names.person(rng)
        return person_form(p, _pick(rng, person_forms) if v == "any" else v, rng), "PERSON"

    def nir(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        form = _pick(rng, nir_forms) if v == "any" else v
        if form == "corse":
            value = nir_value(rng, corsica=True)
            form = rng.choice(["std", "raw", "std", "hyph", "keyapart", "odd"])
        else:
            value = nir_value(rng, corsica=rng.random() < 0.08)
        return format_nir(value, form, rng), "NIR"

    def badnir(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        form = rng.choice(["std", "raw", "raw", "hyph", "keyapart", "odd"]) if v == "any" else v
        return format_nir(bad_nir_value(rng), form, rng), None

    def phone(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        if v in ("mobile", "fixe"):
            return format_phone(phone_digits(rng, v), _pick(rng, phone_forms), rng), "PHONE"
        form = _pick(rng, phone_forms) if v == "any" else v
        return format_phone(phone_digits(rng), form, rng), "PHONE"

    def dob(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        y, m, d = rng.randint(1935, 2008), rng.randint(1, 12), rng.randint(1, 28)
        return format_date(y, m, d, _pick(rng, dob_forms) if v == "any" else v, rng), "DATE_OF_BIRTH"

    def date(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        y, m, d = rng.randint(2023, 2025), rng.randint(1, 12), rng.randint(1, 28)
        form = rng.choice(["slash", "slash", "slash", "long", "dot", "short", "iso", "nopad"]) if v == "any" else v
        return format_date(y, m, d, form, rng), None

    def day(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        return rng.choice([f"{d:02d}/{m:02d}", f"{d} {MONTHS[m - 1]}", f"{d}/{m}"]), None

    def email(rng: random.Random, v: str, p: Person | None) -> tuple[str, str | None]:
        return email_value(rng, p or names.person(rng), domains), "EMAIL"

    def iban(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        return format_iban(iban_value(rng), v, rng), "IBAN"

    def address(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        return address_value(rng, v, streets, residences), "ADDRESS"

    def siret(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        return format_siret(siret_value(rng), rng), "SIRET"

    def siren(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        return format_siren(siren_value(rng), rng), "SIRET"

    def rpps(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        r = rpps_value(rng)
        if rng.random() < 0.25:
            r = f"{r[:1]} {r[1:5]} {r[5:]}" if rng.random() < 0.5 else f"{r[:2]} {r[2:5]} {r[5:8]} {r[8:]}"
        return r, "RPPS"

    def adeli(rng: random.Random, v: str, _p: Person | None) -> tuple[str, str | None]:
        a = adeli_value(rng)
        if rng.random() < 0.3:
            a = f"{a[:2]} {a[2]} {a[3:8]} {a[8]}"
        return a, "ADELI"

    def lit(fn: Callable[[random.Random], str]) -> Gen:
        return lambda rng, _v, _p: (fn(rng), None)

    def amount(rng: random.Random) -> str:
        euros = rng.choice([rng.randint(5, 99), rng.randint(100, 999), rng.randint(1000, 9999)])
        cents = rng.randint(0, 99)
        th = f"{euros:,}".replace(",", rng.choice([" ", "\u202f", ".", ""]))
        return rng.choice(
            [f"{th},{cents:02d} €", f"{th},{cents:02d}€", f"{euros} €", f"{euros}.{cents:02d} EUR", f"{th} euros"]
        )

    def tooth(rng: random.Random) -> str:
        return f"{rng.randint(1, 4)}{rng.randint(1, 8)}"

    def pct(rng: random.Random) -> str:
        return rng.choice(["100 %", "30%", "70 %", "60 %", "300 % BRSS", "125 % BR", "15 %", "200 %", "80%"])

    def town(rng: random.Random) -> str:
        return rng.choice(TOWNS)[1]

    def cp(rng: random.Random) -> str:
        return rng.choice(TOWNS)[0]

    def cptown(rng: random.Random) -> str:
        c, t = rng.choice(TOWNS)
        return f"{c} {t}"

    def dept(rng: random.Random) -> str:
        return rng.choice(["69", "13", "2A", "2B", "974", "59", "33", "75", "06", "31", "42", "971"])

    def dossier(rng: random.Random) -> str:
        y = rng.randint(2022, 2025)
        return rng.choice(
            [
                f"{y}-{rng.randint(0, 999_999):06d}",
                f"S{y % 100}{rng.randint(0, 9_999_999):07d}",
                f"PEC{rng.randint(0, 99_999_999):08d}",
                f"DOS-{y}-{rng.randint(0, 99_999):05d}",
                f"{y}{rng.randint(0, 999_999_999):09d}",
                f"R{rng.randint(100_000, 999_999)}",
            ]
        )

    def invoice(rng: random.Random) -> str:
        y = rng.randint(2023, 2025)
        return rng.choice(
            [
                f"FAC-{y}-{rng.randint(0, 99_999):05d}",
                f"F{y}{rng.randint(0, 999_999):06d}",
                f"{rng.randint(1_000_000_000, 9_999_999_999)}",
                f"D{y % 100}-{rng.randint(0, 9999):04d}",
            ]
        )

    def adherent(rng: random.Random) -> str:
        return rng.choice([f"{rng.randint(0, 99_999_999):08d}", f"A{rng.randint(0, 9_999_999):07d}"])

    def contract(rng: random.Random) -> str:
        return rng.choice(
            [
                f"CC-{rng.randint(1000, 9999)}-{rng.randint(0, 999):03d}",
                f"{rng.randint(1_000_000, 9_999_999)}",
                f"COL{rng.randint(10_000, 99_999)}",
            ]
        )

    def hour(rng: random.Random) -> str:
        h = rng.randint(8, 18)
        return rng.choice([f"{h}h", f"{h}h{rng.choice(['00', '15', '30', '45'])}", f"{h}:30", f"{h} h"])

    def month(rng: random.Random) -> str:
        return rng.choice(MONTHS)

    def year(rng: random.Random) -> str:
        return str(rng.randint(2023, 2025))

    def age(rng: random.Random) -> str:
        return f"{rng.randint(19, 92)} ans"

    def num(rng: random.Random) -> str:
        return str(rng.randint(2, 12))

    def e(_rng: random.Random, _v: str, p: Person | None) -> tuple[str, str | None]:
        return ("e" if p is not None and p.female else ""), None

    def civ(rng: random.Random, v: str, p: Person | None) -> tuple[str, str | None]:
        female = p.female if p is not None else rng.random() < 0.5
        if v == "long":
            return ("Madame" if female else "Monsieur"), None
        return (
            rng.choice(["Mme", "Mme", "Mme.", "Madame"]) if female else rng.choice(["M.", "M.", "Mr", "Monsieur"])
        ), None

    def il(_rng: random.Random, _v: str, p: Person | None) -> tuple[str, str | None]:
        return ("elle" if p is not None and p.female else "il"), None

    return {
        "person": person,
        "nir": nir,
        "badnir": badnir,
        "phone": phone,
        "dob": dob,
        "date": date,
        "day": day,
        "email": email,
        "iban": iban,
        "address": address,
        "siret": siret,
        "siren": siren,
        "rpps": rpps,
        "adeli": adeli,
        "finess": lit(finess_value),
        "amount": lit(amount),
        "tooth": lit(tooth),
        "pct": lit(pct),
        "town": lit(town),
        "cp": lit(cp),
        "cptown": lit(cptown),
        "dept": lit(dept),
        "dossier": lit(dossier),
        "invoice": lit(invoice),
        "adherent": lit(adherent),
        "contract": lit(contract),
        "hour": lit(hour),
        "month": lit(month),
        "year": lit(year),
        "age": lit(age),
        "n": lit(num),
        "act": lit(lambda rng: rng.choice(acts)),
        "brand": lit(lambda rng: rng.choice(brands)),
        "company": lit(lambda rng: rng.choice(companies)),
        "e": e,
        "civ": civ,
        "il": il,
        "Il": lambda rng, v, p: (il(rng, v, p)[0].capitalize(), None),
    }
