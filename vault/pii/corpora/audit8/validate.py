"""Re-check every span of corpus.jsonl; exit 1 on any error. Independent of the detector and of identifiers.py."""
import json, re, sys, unicodedata
from collections import Counter

LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}

def clean(s):
    s = unicodedata.normalize("NFKC", s)   # full-width digits, NBSP, ligatures
    return re.sub(r"[^0-9A-Za-z]", "", s).upper()

def luhn(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        v = int(c) * (2 if i % 2 else 1)
        t += v - 9 if v > 9 else v
    return t % 10 == 0

def nir_ok(s):
    if not re.fullmatch(r"[12]\d{4}(2A|2B|\d{2})\d{8}", s): return False
    body = s[:13].replace("2A", "19", 1) if s[5:7] == "2A" else s[:13].replace("2B", "18", 1) if s[5:7] == "2B" else s[:13]
    return 97 - int(body) % 97 == int(s[13:])

def iban_ok(s):
    if not re.fullmatch(r"FR\d{12}[0-9A-Z]{11}\d{2}", s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def check(o, errors):
    t = o["text"]; prev = -1
    if o["spans"] != sorted(o["spans"]): errors.append((o["id"], "unsorted"))
    for s, e, l in o["spans"]:
        where = (o["id"], s, e, l)
        if l not in LABELS: errors.append(where + ("bad label",)); continue
        if not (0 <= s < e <= len(t)): errors.append(where + ("offsets",)); continue
        if s < prev: errors.append(where + ("overlap",))
        prev = e
        frag = t[s:e]
        if frag != frag.strip(): errors.append(where + ("whitespace at edge", frag))
        c = clean(frag)
        if l == "NIR" and len(c) == 15 and not nir_ok(c): errors.append(where + ("NIR key", frag))
        if l == "NIR" and len(c) == 13 and not re.fullmatch(r"[12]\d{4}(2A|2B|\d{2})\d{6}", c): errors.append(where + ("NIR shape (13)", frag))
        if l == "NIR" and (len(c) > 15 or len(c) == 14 or not re.fullmatch(r"[0-9AB]+", c)): errors.append(where + ("NIR shape", frag))  # <13: a piece typed over several chat turns
        if l == "SIRET" and len(c) in (9, 14) and not luhn(c): errors.append(where + ("SIRET/SIREN Luhn", frag))
        if l == "SIRET" and len(c) not in (9, 14): errors.append(where + ("SIRET length", frag))
        if l == "IBAN" and not iban_ok(c): errors.append(where + ("IBAN mod97", frag))
        if l == "RPPS" and not (len(c) == 11 and luhn(c)): errors.append(where + ("RPPS Luhn", frag))
        if l == "ADELI" and len(c) != 9: errors.append(where + ("ADELI length", frag))
        if l == "EMAIL" and "@" not in frag: errors.append(where + ("EMAIL", frag))

def main(path="/tmp/blind8/corpus.jsonl"):
    errors, lab, sty, neg, ids = [], Counter(), Counter(), Counter(), set()
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        if o["id"] in ids: errors.append((o["id"], "duplicate id"))
        ids.add(o["id"]); sty[o["style"]] += 1
        if not o["spans"]: neg[o["style"]] += 1
        check(o, errors)
        for s, e, l in o["spans"]: lab[l] += 1
    print("texts:", sum(sty.values()), " spans:", sum(lab.values()))
    print("per label:"); [print(f"  {k:15s} {v}") for k, v in sorted(lab.items())]
    print("per style (texts / texts without PII):"); [print(f"  {k:30s} {v} / {neg[k]}") for k, v in sorted(sty.items())]
    for e in errors[:50]: print("ERROR", e)
    print("errors:", len(errors))
    sys.exit(1 if errors else 0)

if __name__ == "__main__":
    main(*sys.argv[1:])
