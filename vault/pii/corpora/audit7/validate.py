"""Re-checks every span of corpus.jsonl; prints counts per label and per style; exit 1 on any error.

Checks: JSON shape, id/style, offsets in range, sorted, non-overlapping, label valid, span text
non-empty and without surrounding whitespace; checksum of NIR (13 or 15 chars, key = 97 - n mod 97,
2A/2B rule), SIRET/SIREN (Luhn, La Poste rule), IBAN (mod 97 + RIB key), RPPS (Luhn on 11 digits),
ADELI (9 digits) after removing separators; plus leak checks outside spans (a checksum-valid NIR,
SIRET, IBAN or an e-mail address left unlabelled is an error)."""

import collections
import importlib.util
import json
import re
import sys
import os

_spec = importlib.util.spec_from_file_location("identifiers", "/work/main/confiance/identifiers.py")
I = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(I)

LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}
STYLES = ["reseaux_sociaux", "compte_rendu_medical", "avis_satisfaction", "ticket_support", "devis_optique_audio",
          "courrier_juridique", "multilingue", "decompte_releve", "mixte_piege"]
SEP = re.compile(r"[\s.\-/]")


def check_span(label, s):
    c = SEP.sub("", s)
    if label == "NIR":
        c = c.upper()
        if len(c) == 15:
            return I.nir_key_valid(c) or f"NIR key invalid: {s!r}"
        if len(c) == 13:
            return bool(re.fullmatch(r"[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}", c)) or f"NIR (13) bad shape: {s!r}"
        return f"NIR length {len(c)}: {s!r}"
    if label == "SIRET":
        if not c.isdigit():
            return f"SIRET not digits: {s!r}"
        if len(c) == 9:
            return I.siren_valid(c) or f"SIREN Luhn fails: {s!r}"
        if len(c) == 14:
            return I.siret_luhn_valid(c) or f"SIRET Luhn fails: {s!r}"
        return f"SIRET length {len(c)}: {s!r}"
    if label == "IBAN":
        return I.iban_valid(c.upper()) or f"IBAN invalid: {s!r}"
    if label == "RPPS":
        return (len(c) == 11 and I.luhn_valid(c)) or f"RPPS invalid: {s!r}"
    if label == "ADELI":
        return (len(c) == 9 and c.isdigit()) or f"ADELI not 9 digits: {s!r}"
    if label == "PHONE":
        n = sum(ch.isdigit() for ch in s)
        return (9 <= n <= 14) or f"PHONE digit count {n}: {s!r}"
    if label == "EMAIL":
        return bool(re.search(r"@|\[at\]|\(at\)| arobase ", s)) or f"EMAIL without @: {s!r}"
    if label == "DATE_OF_BIRTH":
        return bool(re.search(r"\d", s)) or f"DOB without digit: {s!r}"
    return True


def leaks(text, spans):
    """Checksum-valid identifiers or e-mails outside labelled spans."""
    mask = list(text)
    for a, b, _ in spans:
        for i in range(a, b):
            mask[i] = "\x00"
    out = "".join(mask)
    errs = []
    for m in re.finditer(r"(?<![\w@])[0-9](?:[0-9]|[ .](?=[0-9]))*[0-9](?![\w@])", out):
        c = re.sub(r"[ .]", "", m.group())
        if len(c) == 15 and I.nir_key_valid(c):
            errs.append(f"unlabelled valid NIR {m.group()!r}")
        if len(c) == 14 and I.siret_luhn_valid(c):
            errs.append(f"unlabelled valid SIRET {m.group()!r}")
        if len(c) == 9 and I.siren_valid(c) and " " in m.group():
            errs.append(f"unlabelled grouped valid SIREN {m.group()!r}")
    for m in re.finditer(r"FR\d{2}(?:[ ]?[0-9A-Z]){23}", out):
        if I.iban_valid(m.group()):
            errs.append(f"unlabelled IBAN {m.group()!r}")
    for m in re.finditer(r"(?<![\w+])(?:\+33|0033|0)[ .]?(?:\(0\))?[1-9](?:[ .-]?[0-9]{2}){4}(?![0-9])", out):
        errs.append(f"unlabelled French phone {m.group()!r}")
    for m in re.finditer(r"[\w.+-]+@[\w-]+\.[\w.]+", out):
        errs.append(f"unlabelled e-mail {m.group()!r}")
    return errs


def main(path):
    errors = []
    by_label = collections.Counter()
    by_style = collections.Counter()
    nopii_style = collections.Counter()
    label_style = collections.defaultdict(collections.Counter)
    ids = set()
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            o = json.loads(line)
            where = f"line {ln} ({o.get('id')})"
            if set(o) != {"id", "style", "text", "spans"}:
                errors.append(f"{where}: keys {sorted(o)}")
                continue
            if o["id"] in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(o["id"])
            if o["style"] not in STYLES or not o["id"].startswith(o["style"] + "-"):
                errors.append(f"{where}: style/id mismatch")
            text = o["text"]
            by_style[o["style"]] += 1
            if not o["spans"]:
                nopii_style[o["style"]] += 1
            prev_end = 0
            for sp in o["spans"]:
                if not (isinstance(sp, list) and len(sp) == 3):
                    errors.append(f"{where}: bad span {sp}")
                    continue
                a, b, lab = sp
                if lab not in LABELS:
                    errors.append(f"{where}: bad label {lab}")
                if not (0 <= a < b <= len(text)):
                    errors.append(f"{where}: offsets out of range {sp}")
                    continue
                if a < prev_end:
                    errors.append(f"{where}: overlapping or unsorted span {sp}")
                prev_end = b
                s = text[a:b]
                if s != s.strip():
                    errors.append(f"{where}: span with surrounding whitespace {s!r}")
                res = check_span(lab, s)
                if res is not True:
                    errors.append(f"{where}: {res}")
                by_label[lab] += 1
                label_style[o["style"]][lab] += 1
            for e in leaks(text, o["spans"]):
                errors.append(f"{where}: {e}")
    print(f"texts: {sum(by_style.values())}  spans: {sum(by_label.values())}")
    print("\nper label:")
    for lab in sorted(LABELS):
        print(f"  {lab:<14} {by_label[lab]:>5}")
    print("\nper style (texts / texts without PII / spans):")
    for st in STYLES:
        print(f"  {st:<22} {by_style[st]:>4} {nopii_style[st]:>4} {sum(label_style[st].values()):>5}  "
              + " ".join(f"{k}={v}" for k, v in sorted(label_style[st].items())))
    print(f"\ntexts without PII: {sum(nopii_style.values())} ({100 * sum(nopii_style.values()) / max(1, sum(by_style.values())):.1f} %)")
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors[:50]:
            print("  " + e)
        sys.exit(1)
    print("\nOK: no errors")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl"))
