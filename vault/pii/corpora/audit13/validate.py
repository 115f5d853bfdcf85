"""Independent validator for corpus.jsonl (own checksum code, imports nothing from the project)."""
import collections
import json
import os
import re
import sys
import unicodedata

LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
SEP = re.compile(r"[\s.\-/_|]+")


def norm(v):
    return SEP.sub("", unicodedata.normalize("NFKC", v))


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x = x * 2 - 9 if x > 4 else x * 2
        tot += x
    return tot % 10 == 0


def nir_check(v):
    """Returns (ok, checked). Spans holding number words (speech transcripts) are shape-unchecked."""
    s = norm(v).replace("clé", "").replace("cle", "").replace(",", "")
    if re.search(r"[a-zé]", s.lower().replace("2a", "").replace("2b", "")):
        return True, False
    s = s.upper()
    if not re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?", s):
        return False, True
    if len(s) == 13:
        return True, True
    body = s[:13].replace("2A", "19", 1) if s[5:7] == "2A" else s[:13].replace("2B", "18", 1) if s[5:7] == "2B" else s[:13]
    return 97 - int(body) % 97 == int(s[13:]), True


def iban_ok(v):
    s = norm(v).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    if s.startswith("FR") and len(s) != 27:
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
    errors, ids = [], set()
    by_label, by_style, texts_style, neg_style = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    unchecked = collections.Counter()
    n = 0
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        row = json.loads(line)
        n += 1
        rid, text, spans = row["id"], row["text"], row["spans"]
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        texts_style[row["style"]] += 1
        if not spans:
            neg_style[row["style"]] += 1
        prev_end = -1
        for sp in spans:
            s, e, lab = sp
            tag = f"{rid} [{s},{e}) {lab}"
            if not (0 <= s < e <= len(text)):
                errors.append(f"{tag}: out of range")
                continue
            if lab not in LABELS:
                errors.append(f"{tag}: unknown label")
            if s < prev_end:
                errors.append(f"{tag}: overlap or unsorted")
            prev_end = e
            v = text[s:e]
            if v != v.strip() or (v[0] in ".,;:()" and not v.startswith("(+")) or v[-1] in ",;:(":
                errors.append(f"{tag}: whitespace/punctuation at edge {v!r}")
            by_label[lab] += 1
            by_style[row["style"]] += 1
            d = norm(v)
            if lab == "NIR":
                ok, checked = nir_check(v)
                if not checked:
                    unchecked["NIR (words)"] += 1
                if not ok:
                    errors.append(f"{tag}: bad NIR {v!r}")
            elif lab == "SIRET":
                if not (d.isdigit() and len(d) in (9, 14) and luhn_ok(d)):
                    errors.append(f"{tag}: bad SIRET/SIREN {v!r}")
            elif lab == "RPPS":
                if not (d.isdigit() and len(d) == 11 and luhn_ok(d)):
                    errors.append(f"{tag}: bad RPPS {v!r}")
            elif lab == "ADELI":
                if not (d.isdigit() and len(d) == 9):
                    errors.append(f"{tag}: bad ADELI shape {v!r}")
            elif lab == "IBAN":
                if not iban_ok(v):
                    errors.append(f"{tag}: bad IBAN {v!r}")
            elif lab == "EMAIL":
                if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v):
                    errors.append(f"{tag}: bad e-mail {v!r}")
            elif lab == "PHONE":
                dd = re.sub(r"\D", "", d)
                if re.search(r"\d", v) and not (len(dd) == 10 and dd[0] == "0" or len(dd) == 11 and dd.startswith("33")
                                                 or len(dd) == 12 and dd.startswith("330") or len(dd) == 13 and dd.startswith("0033")):
                    errors.append(f"{tag}: bad phone shape {v!r}")
                if not re.search(r"\d", v):
                    unchecked["PHONE (words)"] += 1
    print(f"texts: {n}   spans: {sum(by_label.values())}")
    print("\nper label:")
    for k, c in sorted(by_label.items(), key=lambda x: -x[1]):
        print(f"  {k:15s} {c}")
    print("\nper style (texts / texts without PII / spans):")
    for k in texts_style:
        print(f"  {k:36s} {texts_style[k]:4d} {neg_style[k]:4d} {by_style[k]:5d}")
    print("\nchecksum skipped (values spelt in words):", dict(unchecked))
    print(f"\nerrors: {len(errors)}")
    for e in errors[:50]:
        print("  ", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
