# ruff: noqa
# HELD OUT (audit-3). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit3`) may be looked at, and only
# to report them.

"""Re-check every span of corpus.jsonl and print counts.

Run: /work/main/.venv/bin/python /tmp/blind3/validate.py [corpus.jsonl]
Exit code 1 when any error is found.  Checks:
  * record shape, id = <style>-<nnn>, unique ids, label in the label set;
  * offsets inside the text, start < end, no overlap, no leading/trailing space;
  * per label, the span text re-validates:
      NIR   : 13 characters + 2-digit key, key = 97 - (number mod 97), 2A -> 19, 2B -> 18
              (separators and the words "clé"/"cle" are ignored)
      SIRET : 14 digits Luhn (SIRET) or 9 digits Luhn (SIREN)
      IBAN  : ISO 13616 mod 97 (and RIB key for FR)
      RPPS  : 11 digits, Luhn (corpus convention)
      ADELI : 9 digits, Luhn (corpus convention)
      PHONE : only digits/separators/+(), 9-15 digits, French national forms well-shaped
      EMAIL : local@domain.tld
      DATE_OF_BIRTH : one of the accepted date / year / age shapes, calendar-valid
      PERSON: letters, spaces, hyphens, apostrophes, dots only; no title inside
      ADDRESS: contains a 5-digit postal code
  * outside the spans, no unlabelled valid NIR, 14-digit Luhn number, IBAN, e-mail
    or French phone number (warnings for 9/11-digit Luhn numbers).
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, "/work/main")
from confiance.identifiers import iban_valid, luhn_valid, nir_key_valid, siren_valid, siret_luhn_valid  # noqa: E402

LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
ABBR = {"janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12}
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def digits(s):
    return re.sub(r"\D", "", s)


def check_nir(s):
    t = re.sub(r"(?i)cl[ée]\s*:?", "", s)
    if re.search(r"[^0-9ABab \.\-/\n]", t):
        return "unexpected characters"
    t = re.sub(r"[ \.\-/\n]", "", t).upper()
    return None if nir_key_valid(t) else f"invalid NIR {t}"


def check_siret(s):
    if re.search(r"[^0-9 \.]", s):
        return "unexpected characters"
    d = digits(s)
    if len(d) == 14:
        return None if siret_luhn_valid(d) else "SIRET Luhn fails"
    if len(d) == 9:
        return None if siren_valid(d) else "SIREN Luhn fails"
    return f"{len(d)} digits"


def check_iban(s):
    if re.search(r"[^0-9A-Za-z ]", s):
        return "unexpected characters"
    return None if iban_valid(s.replace(" ", "").upper()) else "IBAN checksum fails"


def check_luhn_n(n):
    def f(s):
        if re.search(r"[^0-9 ]", s):
            return "unexpected characters"
        d = digits(s)
        if len(d) != n:
            return f"{len(d)} digits, expected {n}"
        return None if luhn_valid(d) else "Luhn fails"
    return f


def check_phone(s):
    if re.search(r"[^0-9 \.\-+()/]", s):
        return "unexpected characters"
    d = digits(s)
    if not 9 <= len(d) <= 15:
        return f"{len(d)} digits"
    if s.startswith("0") and not s.startswith("00"):
        if len(d) != 10 or d[1] == "0":
            return "bad French national number"
    if s.startswith("+33") or s.startswith("0033"):
        rest = d[2:] if s.startswith("+") else d[4:]
        if rest.startswith("0"):
            rest = rest[1:]
        if len(rest) != 9:
            return "bad +33 number"
    return None


def check_email(s):
    return None if re.fullmatch(r"[A-Za-z0-9._%+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*\.[a-z]{2,}", s) else "bad e-mail"


def _valid(y, m, d):
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _noacc(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


MONTHS_NOACC = [_noacc(m) for m in MONTHS]


def check_dob(s):
    x = s.lower()
    if _noacc(x) == x:  # text written without accents (e-mails, SMS)
        mn = {m: i + 1 for i, m in enumerate(MONTHS_NOACC)}
    else:
        mn = {m: i + 1 for i, m in enumerate(MONTHS)}
    for day in DAYS:
        if x.startswith(day + " "):
            x = x[len(day) + 1:]
    x = x.replace("1er", "1")
    m = re.fullmatch(r"(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{4}|\d{2})", x)
    if m:
        y = int(m.group(3))
        y = y + 1900 if y < 100 and y > 25 else (y + 2000 if y < 100 else y)
        return None if _valid(y, int(m.group(2)), int(m.group(1))) else "impossible date"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", x)
    if m:
        return None if _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) else "impossible date"
    m = re.fullmatch(r"(\d{2})(\d{2})(\d{4})", x)
    if m:
        return None if _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))) else "impossible date"
    m = re.fullmatch(r"(\d{1,2}) (\S+) (\d{4})", x)
    if m:
        mon = mn.get(m.group(2)) or ABBR.get(m.group(2)) or {_noacc(k): x for k, x in ABBR.items()}.get(m.group(2))
        if not mon:
            return "unknown month"
        if not _valid(int(m.group(3)), mon, int(m.group(1))):
            return "impossible date"
        # a weekday name, when present, must be the right one
        for i, day in enumerate(DAYS):
            if s.lower().startswith(day + " ") and dt.date(int(m.group(3)), mon, int(m.group(1))).weekday() != i:
                return "wrong weekday"
        return None
    m = re.fullmatch(r"(\S+) (\d{4})", x)
    if m and m.group(1) in mn and re.fullmatch(r"(19|20)\d{2}", m.group(2)):
        return None
    if re.fullmatch(r"(19|20)\d{2}", x):
        return None
    if re.fullmatch(r"\d{1,3} ans", x):
        return None
    return "unrecognised date shape"


def check_person(s):
    if re.search(r"[^\w \-'’.]", s) or re.search(r"\d", s):
        return "unexpected characters"
    if re.match(r"(?i)(m\.|mme|mr|dr|docteur|madame|monsieur|pr)\b\.? ", s):
        return "title inside span"
    return None


def check_address(s):
    return None if re.search(r"\b\d{5}\b", s) else "no postal code"


CHECKS = {"NIR": check_nir, "SIRET": check_siret, "IBAN": check_iban, "RPPS": check_luhn_n(11),
          "ADELI": check_luhn_n(9), "PHONE": check_phone, "EMAIL": check_email, "DATE_OF_BIRTH": check_dob,
          "PERSON": check_person, "ADDRESS": check_address}


def outside_checks(text, covered):
    """Identifiers that validate but are not labelled (labelling misses)."""
    errs, warns = [], []

    def free(a, b):
        return not any(covered[a:b])

    for m in re.finditer(r"(?<![\dA-Za-z])[12]\d{4}(?:2A|2B|\d{2})\d{8}(?![\d])", text):
        if free(m.start(), m.end()) and nir_key_valid(m.group()):
            errs.append(f"unlabelled valid NIR {m.group()}")
    for m in re.finditer(r"(?<!\d)\d{14}(?!\d)", text):
        if free(m.start(), m.end()) and luhn_valid(m.group()):
            errs.append(f"unlabelled Luhn-valid 14 digits {m.group()}")
    for m in re.finditer(r"(?<!\d)(\d{9}|\d{11})(?!\d)", text):
        if free(m.start(), m.end()) and luhn_valid(m.group()):
            warns.append(f"unlabelled Luhn-valid {len(m.group())} digits {m.group()}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", text):
        if free(m.start(), m.end()) and iban_valid(m.group().replace(" ", "")):
            errs.append(f"unlabelled IBAN {m.group()}")
    for m in re.finditer(r"\S+@\S+\.\w+", text):
        if free(m.start(), m.end()):
            errs.append(f"unlabelled e-mail {m.group()}")
    for m in re.finditer(r"(?<![\d])0[1-9](?:[ .\-]?\d{2}){4}(?!\d)", text):
        if free(m.start(), m.end()):
            errs.append(f"unlabelled phone-like {m.group()}")
    return errs, warns


def main(path):
    label_count = collections.Counter()
    style_count = collections.Counter()
    style_label = collections.defaultdict(collections.Counter)
    style_empty = collections.Counter()
    errors, warnings = [], []
    ids = set()
    n = 0
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        rec = json.loads(line)
        n += 1
        rid, style, text, spans = rec["id"], rec["style"], rec["text"], rec["spans"]
        if set(rec) != {"id", "style", "text", "spans"}:
            errors.append(f"{rid}: unexpected keys {sorted(rec)}")
        if not re.fullmatch(re.escape(style) + r"-\d{3}", rid):
            errors.append(f"{rid}: id does not match style {style}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        style_count[style] += 1
        if not spans:
            style_empty[style] += 1
        covered = [False] * len(text)
        prev_end = -1
        for sp in sorted(spans):
            start, end, label = sp
            if label not in LABELS:
                errors.append(f"{rid}: unknown label {label}")
                continue
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                errors.append(f"{rid}: bad offsets {sp}")
                continue
            if start < prev_end:
                errors.append(f"{rid}: overlapping span {sp}")
            prev_end = max(prev_end, end)
            s = text[start:end]
            if s != s.strip() or s.strip(",;:") != s:
                errors.append(f"{rid}: span has surrounding space/punctuation {label} {s!r}")
            err = CHECKS[label](s)
            if err:
                errors.append(f"{rid}: {label} {s!r}: {err}")
            # entity must not be glued to a neighbouring word/digit
            if start > 0 and text[start - 1].isalnum() or end < len(text) and text[end].isalnum():
                errors.append(f"{rid}: {label} {s!r} glued to neighbouring characters")
            for i in range(start, end):
                covered[i] = True
            label_count[label] += 1
            style_label[style][label] += 1
        e, w = outside_checks(text, covered)
        errors += [f"{rid}: {x}" for x in e]
        warnings += [f"{rid}: {x}" for x in w]

    print(f"texts: {n}")
    print("\nspans per label:")
    for lab in sorted(LABELS):
        print(f"  {lab:14s} {label_count[lab]:5d}")
    print(f"  {'TOTAL':14s} {sum(label_count.values()):5d}")
    print("\ntexts per style (with no span):")
    for st in style_count:
        print(f"  {st:12s} {style_count[st]:4d}  ({style_empty[st]} without PII)  "
              + ", ".join(f"{k}={v}" for k, v in sorted(style_label[st].items())))
    empty = sum(style_empty.values())
    print(f"\ntexts with no span: {empty}/{n} = {100 * empty / n:.1f} %")
    print(f"\nwarnings: {len(warnings)}")
    for w in warnings[:20]:
        print("  W", w)
    print(f"errors: {len(errors)}")
    for e in errors[:60]:
        print("  E", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent / "corpus.jsonl")))
