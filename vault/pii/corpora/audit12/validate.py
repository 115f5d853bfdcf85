"""Independent validator for corpus.jsonl (blind12). Exits 1 on any error.

Checks: offsets in range, sorted, non-overlapping; label in the set; no whitespace at a span edge;
NIR key (97 - n mod 97, 2A->19, 2B->18; 13-character NIR: shape only), SIREN/SIRET Luhn, IBAN mod 97,
RPPS Luhn on 11 digits, ADELI 9 digits -- all after NFKC and separator removal.
Does not import the detector nor confiance.identifiers.
"""
import json
import re
import sys
import unicodedata
from collections import Counter

LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
SEP = re.compile(r"[\s.\-/_·]+")


def clean(v):
    return SEP.sub("", unicodedata.normalize("NFKC", v)).upper()


def luhn(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def check_nir(v):
    s = clean(v)
    if len(s) == 13:
        return bool(re.fullmatch(r"[12]\d{4}(2A|2B|\d{2})\d{6}", s)), "13-char NIR shape"
    if not re.fullmatch(r"[12]\d{4}(2A|2B|\d{2})\d{6}\d{2}", s):
        return False, "NIR shape"
    body = s[:13].replace("2A", "19", 1) if s[5:7] == "2A" else (s[:13].replace("2B", "18", 1) if s[5:7] == "2B" else s[:13])
    return 97 - int(body) % 97 == int(s[13:]), "NIR key"


def check_siret(v):
    s = clean(v)
    if len(s) not in (9, 14) or not s.isdigit():
        return False, "SIREN/SIRET shape"
    if s.startswith("356000000") and len(s) == 14:
        return sum(map(int, s)) % 5 == 0, "La Poste SIRET"
    return luhn(s), "SIREN/SIRET Luhn"


def check_iban(v):
    s = clean(v)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False, "IBAN shape"
    if s.startswith("FR") and len(s) != 27:
        return False, "FR IBAN length"
    r = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1, "IBAN mod 97"


def check_rpps(v):
    s = clean(v)
    return len(s) == 11 and s.isdigit() and luhn(s), "RPPS Luhn"


def check_adeli(v):
    s = clean(v)
    return len(s) == 9 and s.isdigit(), "ADELI shape"


def check_email(v):
    return bool(re.fullmatch(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}", v)), "EMAIL shape"


def check_phone(v):
    s = clean(v).replace("(0)", "").replace("(", "").replace(")", "").replace(",", "")
    if re.search(r"[A-ZÉ]", s):  # spoken form: must contain 'zéro'
        return "ZÉRO" in s, "spoken phone"
    return bool(re.fullmatch(r"(\+|00)?\d{9,13}", s)), "PHONE shape"


CHECKS = {"NIR": check_nir, "SIRET": check_siret, "IBAN": check_iban, "RPPS": check_rpps, "ADELI": check_adeli,
          "EMAIL": check_email, "PHONE": check_phone}


def main(path="corpus.jsonl"):
    errors = []
    by_label, by_style, texts_style, neg_style = Counter(), Counter(), Counter(), Counter()
    ids = set()
    n = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            row = json.loads(line)
            n += 1
            rid, text, spans, style = row["id"], row["text"], row["spans"], row["style"]
            if rid in ids:
                errors.append(f"{rid}: duplicate id")
            ids.add(rid)
            texts_style[style] += 1
            if not spans:
                neg_style[style] += 1
            prev_end = -1
            for sp in spans:
                s, e, lab = sp
                tag = f"{rid} [{s},{e},{lab}]"
                if lab not in LABELS:
                    errors.append(f"{tag}: unknown label")
                if not (0 <= s < e <= len(text)):
                    errors.append(f"{tag}: out of range")
                    continue
                if s < prev_end:
                    errors.append(f"{tag}: overlap or unsorted")
                prev_end = e
                val = text[s:e]
                if val != val.strip() or val.strip(".,;:!?()«»\"'") != val and lab not in ("PERSON", "ADDRESS", "DATE_OF_BIRTH"):
                    errors.append(f"{tag}: whitespace/punctuation at edge {val!r}")
                if lab in CHECKS:
                    ok, what = CHECKS[lab](val)
                    if not ok:
                        errors.append(f"{tag}: {what} fails on {val!r}")
                by_label[lab] += 1
                by_style[style] += 1
    print(f"texts: {n}   spans: {sum(by_label.values())}")
    print("\nper label:")
    for k, v in sorted(by_label.items(), key=lambda x: -x[1]):
        print(f"  {k:15s} {v}")
    print("\nper style (texts / no-PII texts / spans):")
    for k in texts_style:
        print(f"  {k:26s} {texts_style[k]:4d} {neg_style[k]:4d} {by_style[k]:5d}")
    print(f"\nerrors: {len(errors)}")
    for e in errors[:50]:
        print("  ", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
