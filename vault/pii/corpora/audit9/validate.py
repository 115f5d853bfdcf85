"""Independent validator for corpus.jsonl (own checksum code; imports nothing from the detector or the project)."""
import collections
import json
import os
import re
import sys
import unicodedata

LABELS = {"NIR", "PHONE", "EMAIL", "IBAN", "PERSON", "ADDRESS", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}
SEP = re.compile(r"[\s.\-/_]+")
OCR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5"})
WORDY = re.compile(r"[a-zéèêàùç]{3,}", re.I)
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre janv févr sept oct nov déc".split()


def luhn_ok(d):
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
    if re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}", v):
        return True  # 13 characters without key: shape only
    m = re.fullmatch(r"([12][0-9]{4})(2A|2B|[0-9]{2})([0-9]{6})([0-9]{2})", v)
    if not m:
        return False
    dep = {"2A": "19", "2B": "18"}.get(m.group(2), m.group(2))
    n = int(m.group(1) + dep + m.group(3))
    return 97 - n % 97 == int(m.group(4))


def siret_ok(v):
    if not v.isdigit() or len(v) not in (9, 14):
        return False
    if len(v) == 14 and v.startswith("356000000"):
        return sum(map(int, v)) % 5 == 0
    return luhn_ok(v)


def iban_ok(v):
    v = v.upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", v):
        return False
    if v.startswith("FR") and len(v) != 27:
        return False
    r = v[4:] + v[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def phone_ok(v):
    v = v.replace("(0)", "")
    d = re.sub(r"[\s.\-()]", "", v)
    if d.startswith("+33"):
        return re.fullmatch(r"\+33[1-9][0-9]{8}", d) is not None
    if d.startswith("0033"):
        return re.fullmatch(r"0033[1-9][0-9]{8}", d) is not None
    return re.fullmatch(r"0[1-9][0-9]{8}", d) is not None


def main(path):
    errors, n = [], 0
    by_label, by_style, texts_style, neg_style = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    spoken = collections.Counter()
    ids = set()
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        rec = json.loads(line)
        n += 1
        rid, text, spans = rec["id"], rec["text"], rec["spans"]
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        texts_style[rec["style"]] += 1
        if not spans:
            neg_style[rec["style"]] += 1
        prev_end = -1
        for s in spans:
            a, b, lab = s
            where = f"{rid} [{a},{b},{lab}]"
            if lab not in LABELS:
                errors.append(f"{where}: unknown label")
            if not (0 <= a < b <= len(text)):
                errors.append(f"{where}: out of range")
                continue
            if a < prev_end:
                errors.append(f"{where}: overlap or unsorted")
            prev_end = b
            val = text[a:b]
            if val != val.strip() or val[0] in ".,;:()" or val[-1] in ",;:(":
                errors.append(f"{where}: whitespace/punctuation at edge {val!r}")
            by_label[lab] += 1
            by_style[(rec["style"], lab)] += 1
            norm = unicodedata.normalize("NFKC", val)
            if lab in ("NIR", "SIRET", "RPPS", "PHONE", "ADELI") and WORDY.search(norm.replace("(0)", "")):
                spoken[lab] += 1  # spoken in words (speech-to-text): shape not checkable by digits
                continue
            if lab == "NIR":
                v = SEP.sub("", norm).translate(OCR)
                v = v[:5] + v[5:7].upper() + v[7:]
                if not nir_ok(v):
                    errors.append(f"{where}: bad NIR {val!r}")
            elif lab == "SIRET":
                if not siret_ok(SEP.sub("", norm).translate(OCR)):
                    errors.append(f"{where}: bad SIRET/SIREN {val!r}")
            elif lab == "RPPS":
                v = SEP.sub("", norm).translate(OCR)
                if not (len(v) == 11 and v.isdigit() and luhn_ok(v)):
                    errors.append(f"{where}: bad RPPS {val!r}")
            elif lab == "ADELI":
                v = SEP.sub("", norm).translate(OCR)
                if not re.fullmatch(r"[0-9]{2}[0-9AB][0-9]{6}", v):
                    errors.append(f"{where}: bad ADELI shape {val!r}")
            elif lab == "IBAN":
                if not iban_ok(SEP.sub("", norm)):
                    errors.append(f"{where}: bad IBAN {val!r}")
            elif lab == "PHONE":
                if not phone_ok(norm.translate(OCR)):
                    errors.append(f"{where}: bad phone {val!r}")
            elif lab == "EMAIL":
                if "@" not in norm and " arobase " not in norm:
                    errors.append(f"{where}: bad e-mail {val!r}")
            elif lab == "DATE_OF_BIRTH":
                if not (re.search(r"[0-9O]", norm) or any(m in norm.lower() for m in MONTHS) or WORDY.search(norm)):
                    errors.append(f"{where}: bad date {val!r}")
            elif lab == "PERSON":
                if not re.search(r"[A-Za-zÀ-ÿ]", norm):
                    errors.append(f"{where}: bad person {val!r}")
    print(f"texts: {n}, spans: {sum(by_label.values())}")
    print("per label:")
    for k, v in sorted(by_label.items()):
        print(f"  {k:14s} {v}")
    print("per style (texts / no-PII texts / spans):")
    for st in sorted(texts_style):
        tot = sum(v for (s, _), v in by_style.items() if s == st)
        print(f"  {st:20s} {texts_style[st]:4d} {neg_style[st]:4d} {tot:5d}")
    print("values spoken in words (digits not checkable):", dict(spoken))
    for e in errors[:50]:
        print("ERROR", e)
    print(f"errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")))
