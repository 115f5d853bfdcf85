# ruff: noqa
# HELD OUT (audit-4). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit4`) may be looked at, and only
# to report them.
"""Re-check every span of corpus.jsonl (independent checksum code); exit 1 on any error."""
import json
import re
import sys
from collections import Counter

LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}
SEPS = re.compile(r"[\s.\-\u00a0]")


def luhn(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2:
            v *= 2
            if v > 9:
                v -= 9
        t += v
    return t % 10 == 0


def nir_ok(s):
    if not re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?", s):
        return False
    if len(s) == 13:
        return True
    body = s[:13].replace("2A", "19") if s[5:7] == "2A" else (s[:13].replace("2B", "18") if s[5:7] == "2B" else s[:13])
    return 97 - int(body) % 97 == int(s[13:])


def iban_ok(s):
    s = s.upper()
    if not re.fullmatch(r"FR[0-9]{2}[0-9A-Z]{23}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def siret_ok(s):
    if len(s) == 14 and s.isdigit():
        if s.startswith("356000000"):
            return sum(map(int, s)) % 5 == 0
        return luhn(s)
    return len(s) == 9 and s.isdigit() and luhn(s)


def phone_ok(s):
    if re.search(r"[a-zà-ÿ]", s, re.I):  # spoken form (dictation): not checked digit by digit
        return True
    d = re.sub(r"\D", "", s)
    if s.strip().startswith("+33") or s.strip().startswith("0033"):
        d = d[4:] if d.startswith("0033") else d[2:]
        if "(0)" in s:
            d = d[1:]
        return len(d) == 9 and d[0] in "1234567589"
    return len(d) == 10 and d[0] == "0" and d[1] != "0"


def check(label, s):
    c = SEPS.sub("", s)
    if label == "NIR":
        return nir_ok(c.upper())
    if label == "SIRET":
        return siret_ok(c)
    if label == "IBAN":
        return iban_ok(c)
    if label == "RPPS":
        return len(c) == 11 and c.isdigit() and luhn(c)
    if label == "ADELI":
        return len(c) == 9 and c.isdigit()
    if label == "EMAIL":
        return "@" in s and " " not in s
    if label == "PHONE":
        return phone_ok(s)
    return True


def main(path=str(__import__("pathlib").Path(__file__).with_name("corpus.jsonl"))):
    errors = 0
    per_label, per_style, texts_style, neg_style = Counter(), Counter(), Counter(), Counter()
    ids = set()
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        r = json.loads(line)
        t, spans = r["text"], r["spans"]
        if r["id"] in ids:
            print(f"line {ln}: duplicate id {r['id']}")
            errors += 1
        ids.add(r["id"])
        texts_style[r["style"]] += 1
        if not spans:
            neg_style[r["style"]] += 1
        prev_end = -1
        for sp in spans:
            a, b, lab = sp
            bad = []
            if lab not in LABELS:
                bad.append("label")
            if not (0 <= a < b <= len(t)):
                bad.append("range")
            if a < prev_end:
                bad.append("overlap/unsorted")
            seg = t[a:b] if not bad else ""
            if seg and seg != seg.strip():
                bad.append("whitespace at edge")
            if seg and not check(lab, seg):
                bad.append("checksum/shape")
            if bad:
                print(f"{r['id']}: {sp} {seg!r}: {', '.join(bad)}")
                errors += 1
            prev_end = max(prev_end, b)
            per_label[lab] += 1
            per_style[r["style"]] += 1
    print("texts:", sum(texts_style.values()), " without PII:", sum(neg_style.values()))
    print("\nper label:")
    for k, v in sorted(per_label.items(), key=lambda x: -x[1]):
        print(f"  {k:14s} {v}")
    print("\nper style (texts / texts without PII / spans):")
    for k in texts_style:
        print(f"  {k:14s} {texts_style[k]:4d} {neg_style[k]:4d} {per_style[k]:5d}")
    print("\nerrors:", errors)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main(*sys.argv[1:])
