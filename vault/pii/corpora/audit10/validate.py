"""Independent validator for corpus.jsonl (own checksum code, no detector import). Exit 1 on any error."""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict

LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
SEP = re.compile(r"[\s.\-/_]+")


def norm(v):
    v = re.sub(r"\n[> ]*", "", v)  # a value split over lines, possibly inside a quoted reply (">")
    return SEP.sub("", unicodedata.normalize("NFKC", v)).upper()


def luhn(d):
    if not d.isdigit():
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def nir_ok(v):
    s = norm(v)
    if not re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?", s):
        return False
    if len(s) == 13:
        return True  # NIR written without its key: shape only
    n = s[:13].replace("2A", "19", 1) if s[5:7] == "2A" else s[:13]
    if s[5:7] == "2B":
        n = s[:5] + "18" + s[7:13]
    return 97 - int(n) % 97 == int(s[13:])


def iban_ok(v):
    s = norm(v)
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    if s.startswith("FR") and len(s) != 27:
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def siret_ok(v):
    s = norm(v)
    return len(s) in (9, 14) and luhn(s)


def rpps_ok(v):
    s = norm(v)
    return len(s) == 11 and luhn(s)


def adeli_ok(v):
    return re.fullmatch(r"[0-9]{9}", norm(v)) is not None


def email_ok(v):
    return re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", v) is not None


def phone_ok(v):
    d = re.sub(r"\D", "", v)
    return 9 <= len(d) <= 15


CHECKS = {"NIR": nir_ok, "IBAN": iban_ok, "SIRET": siret_ok, "RPPS": rpps_ok, "ADELI": adeli_ok, "EMAIL": email_ok, "PHONE": phone_ok}


def main(path="corpus.jsonl"):
    errors = []
    per_label, per_style, texts_style, neg_style = Counter(), defaultdict(Counter), Counter(), Counter()
    ids = set()
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            r = json.loads(line)
            if set(r) != {"id", "style", "text", "spans"}:
                errors.append(f"line {ln}: keys {sorted(r)}")
            if r["id"] in ids:
                errors.append(f"line {ln}: duplicate id {r['id']}")
            ids.add(r["id"])
            t = r["text"]
            texts_style[r["style"]] += 1
            if not r["spans"]:
                neg_style[r["style"]] += 1
            prev_end = -1
            prev = None
            for sp in r["spans"]:
                a, b, lab = sp
                where = f"{r['id']} {sp}"
                if lab not in LABELS:
                    errors.append(f"{where}: bad label")
                if not (0 <= a < b <= len(t)):
                    errors.append(f"{where}: out of range"); continue
                if prev is not None and (a, b) < prev:
                    errors.append(f"{where}: not sorted")
                if a < prev_end:
                    errors.append(f"{where}: overlap")
                prev, prev_end = (a, b), max(prev_end, b)
                v = t[a:b]
                if v != v.strip():
                    errors.append(f"{where}: whitespace at edge {v!r}")
                if lab in CHECKS and not CHECKS[lab](v):
                    errors.append(f"{where}: {lab} check failed {v!r}")
                per_label[lab] += 1
                per_style[r["style"]][lab] += 1
    print(f"texts: {sum(texts_style.values())}  spans: {sum(per_label.values())}")
    print("per label:")
    for k, v in per_label.most_common():
        print(f"  {k:14s} {v}")
    print("per style (texts / no-PII texts / spans):")
    for s in texts_style:
        print(f"  {s:14s} {texts_style[s]:4d} {neg_style[s]:4d} {sum(per_style[s].values()):5d}")
    print(f"errors: {len(errors)}")
    for e in errors[:50]:
        print("  ", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
