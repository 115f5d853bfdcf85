# ruff: noqa
# HELD OUT (audit-5). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit5`) may be looked at, and only
# to report them.
"""Re-check every span of corpus.jsonl; print counts; exit 1 on any error.

Checks: JSON shape, id/style, offsets in range, sorted, non-overlapping, no
leading/trailing whitespace, label set, civility not inside PERSON, and
checksums once separators are removed:
  NIR    15 chars -> key = 97 - (first 13 as number, 2A->19, 2B->18) mod 97;
         13 chars -> shape only (NIR written without its key);
         digits followed by "clé <French number words>" -> key checked from the words.
  SIRET  9 digits (SIREN) or 14 digits (SIRET) -> Luhn (La Poste rule for 356000000...).
  IBAN   mod 97 == 1 (and French RIB key, 27 chars).
  RPPS   11 digits -> Luhn.
  ADELI  9 digits.
  PHONE  French number: 10 digits starting with 0, or +33/0033 (or overseas +262/+590/+594/+596) + 9 digits, or spoken words.
  DATE_OF_BIRTH / EMAIL shape.
Trap checks on unlabelled text: no stand-alone 14-digit Luhn-valid number, no
stand-alone 9-digit Luhn-valid number, no 15-character valid NIR, no
10-digit French phone number left unlabelled.
"""
from __future__ import annotations

import collections
import json
import os
import re
import sys

sys.path.insert(0, "/work/main")
from confiance.identifiers import iban_valid, luhn_valid, nir_key_valid, siret_luhn_valid  # noqa: E402

LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}
SEP = re.compile(r"[\s.\-/]")

UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def fr_number(n: int) -> str:  # same spelling rules as corpus.py, kept independent
    if n < 17:
        return UNITS[n]
    if n < 20:
        return "dix-" + UNITS[n - 10]
    if n < 70:
        t, u = divmod(n, 10)
        return TENS[t] if u == 0 else TENS[t] + (" et un" if u == 1 else "-" + UNITS[u])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + fr_number(n - 60)
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + fr_number(n - 80)


WORD2NUM = {fr_number(n): n for n in range(100)}
SPOKEN_PHONE = re.compile(r"^zéro [a-zé\- ]+$")


def check_span(label: str, s: str) -> str | None:
    flat = SEP.sub("", s)
    if label == "NIR":
        m = re.fullmatch(r"([0-9AB ]+?)\s*clé\s+(.+)", s)
        if m:
            n13 = SEP.sub("", m.group(1))
            if m.group(2) not in WORD2NUM:
                return "key words not parsed"
            return None if nir_key_valid(n13 + f"{WORD2NUM[m.group(2)]:02d}") else "NIR key (words) invalid"
        if len(flat) == 15:
            return None if nir_key_valid(flat) else "NIR key invalid"
        if len(flat) == 13 and re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}", flat):
            return None
        return f"NIR shape ({flat})"
    if label == "SIRET":
        if len(flat) == 14:
            return None if siret_luhn_valid(flat) else "SIRET Luhn"
        if len(flat) == 9 and flat.isdigit():
            return None if luhn_valid(flat) else "SIREN Luhn"
        return "SIRET/SIREN length"
    if label == "IBAN":
        return None if iban_valid(flat) else "IBAN checksum"
    if label == "RPPS":
        return None if (len(flat) == 11 and luhn_valid(flat)) else "RPPS Luhn/length"
    if label == "ADELI":
        return None if (len(flat) == 9 and flat.isdigit()) else "ADELI length"
    if label == "PHONE":
        f = flat.replace("(0)", "").replace("(", "").replace(")", "")
        if re.fullmatch(r"0[1-9][0-9]{8}", f) or re.fullmatch(r"(\+33|0033|\+262|\+590|\+594|\+596)[1-9][0-9]{8}", f):
            return None
        words = re.split(r"[,.\s]+", s.strip(" ."))
        if SPOKEN_PHONE.match(s.replace(",", "").replace(".", "")):
            return None  # spoken-out number; completeness checked by the generator
        return f"PHONE shape ({s})"
    if label == "EMAIL":
        return None if re.fullmatch(r"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+", s) else "EMAIL shape"
    if label == "DATE_OF_BIRTH":
        return None if re.search(r"\d{2,4}", s) else "DOB without digits"
    if label == "PERSON":
        if re.match(r"(M\.|Mme|Mlle|Dr|Docteur|Madame|Monsieur|Me|Pr)\s", s):
            return "civility inside PERSON"
        return None
    if label == "ADDRESS":
        return None if re.search(r"\d", s) else "ADDRESS without number"
    return None


def unlabelled_traps(text: str, spans) -> list[str]:
    mask = list(text)
    for a, b, _ in spans:
        for i in range(a, b):
            mask[i] = "#"
    free = "".join(mask)
    errs = []
    for m in re.finditer(r"(?<![0-9A-Za-z#])[0-9]{14}(?![0-9#])", free):
        if siret_luhn_valid(m.group()):
            errs.append(f"unlabelled valid SIRET {m.group()}")
    for m in re.finditer(r"(?<![0-9A-Za-z#\-])[0-9]{9}(?![0-9#])", free):
        if luhn_valid(m.group()):
            errs.append(f"unlabelled Luhn-valid 9 digits {m.group()}")
    for m in re.finditer(r"(?<![0-9#])[12][0-9]{4}(?:2A|2B|[0-9]{2})[0-9]{8}(?![0-9#])", free):
        if nir_key_valid(m.group()):
            errs.append(f"unlabelled valid NIR {m.group()}")
    for m in re.finditer(r"(?<![0-9A-Za-z#\-])0[1-9](?:[ .\-]?[0-9]{2}){4}(?![0-9A-Za-z#\-])", free):
        errs.append(f"unlabelled phone-like {m.group()}")
    return errs


def main(path: str) -> int:
    errors = 0
    by_label = collections.Counter()
    by_style = collections.Counter()
    by_style_label = collections.defaultdict(collections.Counter)
    empty = collections.Counter()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            rec = json.loads(line)
            rid, style, text, spans = rec["id"], rec["style"], rec["text"], rec["spans"]
            if rid in ids or not rid.startswith(style + "-"):
                print(f"line {ln}: bad/duplicate id {rid}")
                errors += 1
            ids.add(rid)
            by_style[style] += 1
            if not spans:
                empty[style] += 1
            prev_end = -1
            for sp in spans:
                a, b, label = sp
                if label not in LABELS:
                    print(f"{rid}: bad label {label}")
                    errors += 1
                    continue
                if not (0 <= a < b <= len(text)):
                    print(f"{rid}: offsets out of range {sp}")
                    errors += 1
                    continue
                if a < prev_end:
                    print(f"{rid}: overlap or unsorted at {sp}")
                    errors += 1
                prev_end = b
                s = text[a:b]
                if s != s.strip():
                    print(f"{rid}: whitespace at span edge {sp} {s!r}")
                    errors += 1
                err = check_span(label, s)
                if err:
                    print(f"{rid}: {label} {s!r}: {err}")
                    errors += 1
                by_label[label] += 1
                by_style_label[style][label] += 1
            for e in unlabelled_traps(text, spans):
                print(f"{rid}: {e}")
                errors += 1
    total = sum(by_style.values())
    print(f"texts: {total}  without personal data: {sum(empty.values())} ({100 * sum(empty.values()) / max(total, 1):.1f} %)")
    print("spans per label:")
    for k, v in sorted(by_label.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<14} {v}")
    print(f"  {'TOTAL':<14} {sum(by_label.values())}")
    print("texts per style (no-PII texts):")
    for k, v in by_style.items():
        print(f"  {k:<20} {v}  ({empty[k]})  " + " ".join(f"{l}={c}" for l, c in sorted(by_style_label[k].items())))
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")))
