# ruff: noqa
# HELD OUT (audit-2). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit2`) may be looked at, and only
# to report them.

"""Validate /tmp/blind2/corpus.jsonl: offsets, checksums, overlaps, counts."""
import collections
import json
import re
import sys

sys.path.insert(0, "/work/main")
from confiance.identifiers import nir_key  # noqa: E402

PATH = "/tmp/blind2/corpus.jsonl"
LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
MIN = {"NIR": 60, "PHONE": 60, "PERSON": 60, "DATE_OF_BIRTH": 60, "SIRET": 60, "ADDRESS": 60,
       "EMAIL": 30, "IBAN": 30, "RPPS": 30, "ADELI": 15}
errors = []


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        tot += x
    return tot % 10 == 0


def iban_ok(s):
    s = s.replace(" ", "").replace("-", "").upper()
    if not re.fullmatch(r"FR\d{2}[0-9A-Z]{23}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def nir_ok(v):
    s = re.sub(r"cl[ée]f?", "", v, flags=re.I)
    s = re.sub(r"[^0-9AB]", "", s.upper())
    if len(s) != 15 or not re.fullmatch(r"[12]\d{4}(2A|2B|\d{2})\d{8}", s):
        return False
    return nir_key(s[:13]) == int(s[13:])


def check_value(lab, v):
    d = re.sub(r"\D", "", v)
    if lab == "NIR":
        return nir_ok(v)
    if lab == "IBAN":
        return iban_ok(v)
    if lab == "SIRET":
        return len(d) in (9, 14) and luhn_ok(d) and re.fullmatch(r"[\d .]+", v) is not None
    if lab == "RPPS":
        return len(d) == 11 and d.startswith("10") and luhn_ok(d)
    if lab == "ADELI":
        return len(d) == 9
    if lab == "PHONE":
        return 9 <= len(d) <= 13 and re.fullmatch(r"[+\d][\d .()\-+]*\d", v) is not None
    if lab == "EMAIL":
        return re.fullmatch(r"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+", v) is not None
    if lab == "DATE_OF_BIRTH":
        return re.search(r"\d", v) is not None
    if lab in ("PERSON", "ADDRESS"):
        return len(v) >= 2
    return False


counts = collections.Counter()
by_style = collections.defaultdict(collections.Counter)
ids = set()
n = neg = 0
styles = collections.Counter()
for line in open(PATH, encoding="utf-8"):
    r = json.loads(line)
    n += 1
    styles[r["style"]] += 1
    if r["id"] in ids:
        errors.append(f"duplicate id {r['id']}")
    ids.add(r["id"])
    t, sp = r["text"], r["spans"]
    if not sp:
        neg += 1
    if sp != sorted(sp):
        errors.append(f"{r['id']}: spans not sorted")
    prev = 0
    for s, e, lab in sp:
        if lab not in LABELS:
            errors.append(f"{r['id']}: bad label {lab}")
        if not (0 <= s < e <= len(t)):
            errors.append(f"{r['id']}: bad offsets {s},{e}")
            continue
        if s < prev:
            errors.append(f"{r['id']}: overlap at {s}")
        prev = e
        v = t[s:e]
        if v != v.strip() or v[0] in ",;:.()" or v[-1] in ",;:()":
            errors.append(f"{r['id']}: span has surrounding punctuation/space {v!r}")
        if not check_value(lab, v):
            errors.append(f"{r['id']}: invalid {lab} value {v!r}")
        counts[lab] += 1
        by_style[r["style"]][lab] += 1
    # unlabelled leftovers must not contain a valid NIR / IBAN / email
    masked = list(t)
    for s, e, _ in sp:
        masked[s:e] = [" "] * (e - s)
    rest = "".join(masked)
    for m in re.finditer(r"(?<![\d])[12](?:[ .\-]?\d){12}(?:\s*(?:cl[ée]f?|[-/])?\s*\d{2})(?!\d)", rest):
        if nir_ok(m.group()):
            errors.append(f"{r['id']}: unlabelled valid NIR {m.group()!r}")
    if re.search(r"@", rest):
        errors.append(f"{r['id']}: unlabelled e-mail")
    for m in re.finditer(r"FR\d{2}(?:[ \-]?[0-9A-Z]{4}){5}[ \-]?[0-9A-Z]{3}", rest, flags=re.I):
        if iban_ok(m.group()):
            errors.append(f"{r['id']}: unlabelled IBAN")

if n != 900:
    errors.append(f"expected 900 texts, got {n}")
for st, c in styles.items():
    if c != 150:
        errors.append(f"style {st} has {c} texts")
if neg < 0.2 * n:
    errors.append(f"only {neg} texts without PII")
for lab, m in MIN.items():
    if counts[lab] < m:
        errors.append(f"{lab}: {counts[lab]} < {m}")

print(f"texts {n}, without PII {neg} ({neg / n:.0%})")
labs = sorted(LABELS)
print("style".ljust(16) + "".join(l[:6].rjust(8) for l in labs))
for st in sorted(by_style):
    print(st.ljust(16) + "".join(str(by_style[st][l]).rjust(8) for l in labs))
print("TOTAL".ljust(16) + "".join(str(counts[l]).rjust(8) for l in labs))
if errors:
    print(f"{len(errors)} ERRORS")
    for e in errors[:50]:
        print(" ", e)
    sys.exit(1)
print("OK")
