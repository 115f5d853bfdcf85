"""Independent validator for corpus.jsonl (own checksum code, no import of the detector).

Exit status 1 on any error.
"""
from __future__ import annotations

import collections
import json
import re
import sys
import unicodedata

LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
SEP = re.compile(r"[\s.\-/_()]+")


def norm(v: str) -> str:
    v = unicodedata.normalize("NFKC", v)
    v = re.sub(r"\bcl[ée]\b", "", v, flags=re.I)
    return SEP.sub("", v)


def luhn(d: str) -> bool:
    if not d.isdigit():
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def nir_ok(v: str) -> str | None:
    d = norm(v).upper()
    if len(d) == 13:
        return None if re.fullmatch(r"[12]\d{4}(2A|2B|\d\d)\d{6}", d) else "NIR13 shape"
    if len(d) != 15 or not re.fullmatch(r"[12]\d{4}(2A|2B|\d\d)\d{8}", d):
        return f"NIR shape {d!r}"
    num = d[:13].replace("2A", "19", 1) if d[5:7] == "2A" else d[:13].replace("2B", "18", 1) if d[5:7] == "2B" else d[:13]
    return None if 97 - int(num) % 97 == int(d[13:]) else "NIR key"


def siret_ok(v: str) -> str | None:
    d = norm(v)
    if len(d) not in (9, 14) or not luhn(d):
        return f"SIRET/SIREN Luhn {d!r}"
    return None


def iban_ok(v: str) -> str | None:
    d = norm(v).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", d):
        return f"IBAN shape {d!r}"
    r = d[4:] + d[:4]
    n = int("".join(str(int(c, 36)) for c in r))
    return None if n % 97 == 1 else "IBAN mod97"


def rpps_ok(v: str) -> str | None:
    d = norm(v)
    return None if len(d) == 11 and luhn(d) else f"RPPS {d!r}"


def adeli_ok(v: str) -> str | None:
    d = norm(v)
    return None if re.fullmatch(r"\d{9}", d) else f"ADELI shape {d!r}"


def phone_ok(v: str) -> str | None:
    if re.search(r"[a-zé]", v):  # spoken form: not checked digit by digit
        return None
    d = norm(v)
    if d.startswith("+33"):
        d = "0" + d[3:]
    elif d.startswith("0033"):
        d = "0" + d[4:]
    d = d.replace("0(0)", "0")
    return None if re.fullmatch(r"0[1-9]\d{8}", d) or re.fullmatch(r"00?[1-9]\d{8}", d) else f"PHONE {v!r}"


def email_ok(v: str) -> str | None:
    return None if re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) else f"EMAIL {v!r}"


CHECK = {"NIR": nir_ok, "SIRET": siret_ok, "IBAN": iban_ok, "RPPS": rpps_ok, "ADELI": adeli_ok,
         "PHONE": phone_ok, "EMAIL": email_ok}


def main(path="corpus.jsonl") -> int:
    errors = 0
    by_label = collections.Counter()
    by_style = collections.Counter()
    spans_style = collections.Counter()
    neg_style = collections.Counter()
    ids = set()
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        rec = json.loads(line)
        if set(rec) != {"id", "style", "text", "spans"}:
            print(ln, "keys", rec.keys()); errors += 1
        if rec["id"] in ids:
            print(ln, "duplicate id"); errors += 1
        ids.add(rec["id"])
        text, spans = rec["text"], rec["spans"]
        by_style[rec["style"]] += 1
        spans_style[rec["style"]] += len(spans)
        if not spans:
            neg_style[rec["style"]] += 1
        prev_end = -1
        if spans != sorted(spans):
            print(rec["id"], "spans not sorted"); errors += 1
        for s, e, lab in spans:
            by_label[lab] += 1
            if lab not in LABELS:
                print(rec["id"], "label", lab); errors += 1
            if not (0 <= s < e <= len(text)):
                print(rec["id"], "range", s, e); errors += 1
                continue
            if s < prev_end:
                print(rec["id"], "overlap", s, e); errors += 1
            prev_end = e
            v = text[s:e]
            if v != v.strip():
                print(rec["id"], "whitespace at edge", repr(v)); errors += 1
            if v and (not v[0].isalnum() and v[0] not in "+") or (v and not v[-1].isalnum()):
                print(rec["id"], "punctuation at edge", repr(v)); errors += 1
            chk = CHECK.get(lab)
            if chk:
                err = chk(v)
                if err:
                    print(rec["id"], lab, repr(v), err); errors += 1
    print("texts:", sum(by_style.values()), "spans:", sum(by_label.values()))
    print("per label:")
    for k, v in sorted(by_label.items()):
        print(f"  {k:14s} {v}")
    print("per style (texts / without PII / spans):")
    for k in sorted(by_style):
        print(f"  {k:30s} {by_style[k]:4d} {neg_style[k]:4d} {spans_style[k]:5d}")
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
