#!/usr/bin/env python3
"""Re-check every span of corpus.jsonl (stdlib only, own checksum code). Exit 1 on any error."""
import json, re, sys
from urllib.parse import unquote_plus
from collections import Counter, defaultdict

PATH = sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind6/corpus.jsonl"
LABELS = {"NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"}
STYLES = {"appel_transcrit", "chat_sms", "hospitalisation", "succession_notaire", "export_tableur",
          "note_gestionnaire", "formulaire_web", "courrier_employeur", "mixte_difficile"}
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()

# --- French number words 0..99 (normalised: no hyphens, single spaces) ---------
_U = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
_T = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
def _words(n):
    if n < 20: return [_U[n]]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0: return [_T[t]]
        if u == 1: return [_T[t] + " et un"]
        return [_T[t] + "-" + _U[u]]
    if n < 80: return ["soixante et onze"] if n == 71 else ["soixante-" + _U[n - 60]]
    if n == 80: return ["quatre-vingts", "quatre-vingt"]
    return ["quatre-vingt-" + _U[n - 80]]
def _norm(s):
    return re.sub(r"\s+", " ", s.lower().replace("-et-", " et ")).strip()
WORD2NUM = {}
for _n in range(100):
    for _w in _words(_n):
        WORD2NUM[_norm(_w)] = _n

def tokens_to_numbers(s):
    """Split a spoken sequence into numbers: digit tokens stay strings, word numbers become ints (longest match)."""
    toks = _norm(s).split(" ")
    out, i = [], 0
    while i < len(toks):
        if toks[i].isdigit():
            out.append(toks[i]); i += 1; continue
        for j in (4, 3, 2, 1):
            cand = " ".join(toks[i:i + j])
            if cand in WORD2NUM:
                out.append(WORD2NUM[cand]); i += j; break
        else:
            return None
    return out

# --- checksums (independent re-implementation) --------------------------------
def luhn(d):
    tot = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2: v = v * 2 - 9 if v > 4 else v * 2
        tot += v
    return tot % 10 == 0

def nir_ok(d):
    if not re.fullmatch(r"[12]\d{4}(2A|2B|\d\d)\d{6}(\d\d)?", d): return False
    if len(d) == 13: return True
    num = d[:13].replace("2A", "19", 1) if d[5:7] == "2A" else d[:13].replace("2B", "18", 1) if d[5:7] == "2B" else d[:13]
    return 97 - int(num) % 97 == int(d[13:])

def iban_ok(s):
    s = s.replace(" ", "").replace("-", "").upper()
    if not re.fullmatch(r"FR\d{2}[A-Z0-9]{23}", s): return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1

SEP = re.compile(r"[\s.\-/:+()]|%20|%2B|%2F", re.I)

def check_nir(v):
    s = re.sub(r"\b(clé|cle|key)\b", " ", v, flags=re.I)
    d = SEP.sub("", s).upper()
    if re.fullmatch(r"[0-9AB]+", d):
        return nir_ok(d), "digits"
    # spoken: groups 1,2,2,2,3,3 [+2 key], words allowed for any group
    nums = tokens_to_numbers(re.sub(r"\s-\s|[:.]", " ", s))
    widths = [1, 2, 2, 2, 3, 3, 2]
    if nums is None or len(nums) not in (6, 7): return False, "spoken-unparsed"
    d = "".join(x if isinstance(x, str) else f"{x:0{widths[k]}d}" for k, x in enumerate(nums))
    return nir_ok(d), "spoken"

def check_phone(v):
    d = SEP.sub("", v)
    if d.isdigit():
        if re.fullmatch(r"0[1-9]\d{8}", d): return True
        if re.fullmatch(r"(33|0033)[1-9]\d{8}", d): return True
        if re.fullmatch(r"(00)?(262|269|590|594|596)\d{9}", d): return True
        if re.fullmatch(r"330[1-9]\d{8}", d): return True  # +33 (0)6 ...
        return False
    nums = tokens_to_numbers(v)
    if nums is None: return False
    digits, i = "", 0
    while i < len(nums):
        x = nums[i]
        if isinstance(x, str): digits += x
        elif x == 0 and i + 1 < len(nums) and isinstance(nums[i + 1], int) and nums[i + 1] < 10:
            digits += f"0{nums[i + 1]}"; i += 1
        else: digits += f"{x:02d}"
        i += 1
    return bool(re.fullmatch(r"0[1-9]\d{8}", digits))

def check_dob(v):
    v0 = v.replace("%2F", "/")
    if re.fullmatch(r"(19|20)\d\d", v0): return True
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", v0)
    if m: return 1 <= int(m[1]) <= 31 and 1 <= int(m[2]) <= 12
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v0)
    if m: return 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31
    if re.fullmatch(r"\d{8}", v0):
        return (1 <= int(v0[4:6]) <= 12 and 1 <= int(v0[6:]) <= 31) or (1 <= int(v0[2:4]) <= 12 and 1 <= int(v0[:2]) <= 31)
    m = re.fullmatch(r"(\d{1,2}) (\d{1,2}) (\d{4})", v0)
    if m: return 1 <= int(m[2]) <= 12
    if any(mo in v0.lower() for mo in MONTHS): return True
    return False

def check(label, v):
    if v != v.strip() or not v: return "leading/trailing whitespace or empty"
    if label == "NIR":
        ok, how = check_nir(v)
        return None if ok else f"bad NIR ({how})"
    if label == "PHONE": return None if check_phone(v) else "bad PHONE"
    if label == "SIRET":
        d = SEP.sub("", v)
        if not d.isdigit() or len(d) not in (9, 14): return "SIRET/SIREN length"
        if len(d) == 14 and d.startswith("356000000"): return None if sum(map(int, d)) % 5 == 0 else "bad La Poste SIRET"
        return None if luhn(d) else "SIRET/SIREN Luhn"
    if label == "IBAN": return None if iban_ok(v) else "bad IBAN"
    if label == "RPPS":
        d = SEP.sub("", v)
        return None if (len(d) == 11 and d.isdigit() and luhn(d)) else "bad RPPS"
    if label == "ADELI":
        d = SEP.sub("", v)
        return None if (len(d) == 9 and d.isdigit()) else "bad ADELI"
    if label == "EMAIL":
        return None if re.search(r"@|%40| arobase ", v) and " " not in v.replace(" arobase ", "").replace(" point ", "") else "bad EMAIL"
    if label == "DATE_OF_BIRTH": return None if check_dob(v) else "bad DATE_OF_BIRTH"
    if label == "PERSON":
        v = unquote_plus(v)
        return None if (not re.search(r"[\d@]", v) and v[0].isalpha()) else "bad PERSON"
    if label == "ADDRESS": return None if re.search(r"\d", v) else "ADDRESS without number"
    return "unknown label"

LEAKS = [
    ("e-mail", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("phone", re.compile(r"(?<![\d\w])(?:\+33\s?|0033\s?|0)[1-9](?:[\s.\-]?\d\d){4}(?!\d)")),
    ("iban", re.compile(r"\bFR\d\d(?:\s?[0-9A-Z]{4}){5}\s?[0-9A-Z]{3}\b", re.I)),
]
def leak_check(text, spans):
    """PII-shaped strings left outside every span (the corpus must not contain unlabelled valid identifiers)."""
    masked = list(text)
    for a, b, _ in spans:
        for i in range(a, b): masked[i] = "#"
    m = "".join(masked)
    found = []
    for name, rx in LEAKS:
        found += [f"unlabelled {name}: {x.group(0)!r}" for x in rx.finditer(m)]
    for x in re.finditer(r"(?<![\d#])\d[\dAB]{8,14}(?![\d#])", m):
        d = x.group(0)
        if len(d) in (9, 14) and d.isdigit() and luhn(d): found.append(f"unlabelled Luhn-valid {len(d)}-digit number: {d}")
        if len(d) == 11 and d.isdigit() and luhn(d) and d.startswith("10"): found.append(f"unlabelled RPPS-like: {d}")
        if len(d) in (13, 15) and nir_ok(d) and len(d) == 15: found.append(f"unlabelled valid NIR: {d}")
    return found

def main():
    errors = []
    by_label, by_style, style_neg, by_style_label = Counter(), Counter(), Counter(), defaultdict(Counter)
    ids = set()
    how = Counter()
    n = 0
    with open(PATH, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            o = json.loads(line); n += 1
            for k in ("id", "style", "text", "spans"):
                if k not in o: errors.append(f"line {ln}: missing {k}")
            sid, st, text, spans = o["id"], o["style"], o["text"], o["spans"]
            if sid in ids: errors.append(f"{sid}: duplicate id")
            ids.add(sid)
            if st not in STYLES: errors.append(f"{sid}: unknown style {st}")
            if not re.fullmatch(re.escape(st) + r"-\d{3}", sid): errors.append(f"{sid}: id does not match style")
            by_style[st] += 1
            if not spans: style_neg[st] += 1
            prev_end = -1
            prev = None
            for sp in spans:
                if not (isinstance(sp, list) and len(sp) == 3): errors.append(f"{sid}: malformed span {sp}"); continue
                a, b, lab = sp
                if lab not in LABELS: errors.append(f"{sid}: bad label {lab}")
                if not (0 <= a < b <= len(text)): errors.append(f"{sid}: span out of range {sp}"); continue
                if prev is not None and (a, b) < prev: errors.append(f"{sid}: spans not sorted")
                if a < prev_end: errors.append(f"{sid}: overlap at {sp}")
                prev, prev_end = (a, b), max(prev_end, b)
                v = text[a:b]
                e = check(lab, v)
                if e: errors.append(f"{sid}: {e}: {v!r}")
                if lab == "NIR": how[check_nir(v)[1]] += 1
                by_label[lab] += 1; by_style_label[st][lab] += 1
            for e in leak_check(text, spans): errors.append(f"{sid}: {e}")
    print(f"texts: {n}  without personal data: {sum(style_neg.values())} ({100 * sum(style_neg.values()) / max(n, 1):.1f} %)")
    print("\nspans per label:")
    for lab in sorted(LABELS, key=lambda x: -by_label[x]):
        print(f"  {lab:14s} {by_label[lab]:5d}")
    print(f"  {'TOTAL':14s} {sum(by_label.values()):5d}")
    print(f"  (NIR checked as digits: {how['digits']}, as spoken words: {how['spoken']})")
    print("\ntexts per style (no-PII texts) and spans per label:")
    for st in sorted(STYLES):
        labs = ", ".join(f"{k}={v}" for k, v in sorted(by_style_label[st].items()))
        print(f"  {st:20s} {by_style[st]:4d} ({style_neg[st]:3d})  {labs}")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors[:200]: print("  " + e)
        sys.exit(1)
    print("\nOK: all spans valid")

if __name__ == "__main__":
    main()
