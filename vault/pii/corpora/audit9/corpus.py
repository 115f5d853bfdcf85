"""Deterministic generator of the blind9 French PII evaluation corpus -> corpus.jsonl."""
import json
import os
import random
import sys
import unicodedata

sys.path.insert(0, "/work/main")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from confiance.identifiers import make_nir, nir_key, make_siren, make_siret, make_fr_iban, format_iban, luhn_check_digit, luhn_valid  # noqa: E402
import names as N  # noqa: E402

R = random.Random(20261129)
ch = R.choice


# ---------------------------------------------------------------- building
class E:
    """A labelled piece."""
    def __init__(self, label, value):
        self.label, self.value = label, value


def mk(*pieces):
    text, spans = "", []
    for p in pieces:
        if p is None:
            continue
        if isinstance(p, E):
            v = p.value
            s = len(text)
            text += v
            a, b = s, s + len(v)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            spans.append([a, b, p.label])
        else:
            text += p
    return text, spans


def P(v): return E("PERSON", v)
def PH(v): return E("PHONE", v)
def EM(v): return E("EMAIL", v)
def AD(v): return E("ADDRESS", v)
def DOB(v): return E("DATE_OF_BIRTH", v)
def NI(v): return E("NIR", v)
def IB(v): return E("IBAN", v)
def SI(v): return E("SIRET", v)
def RP(v): return E("RPPS", v)
def AL(v): return E("ADELI", v)


# ---------------------------------------------------------------- words
UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def w99(n):
    if n < 20:
        return UNITS[n]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0:
            return TENS[t]
        if u == 1:
            return TENS[t] + " et un"
        return TENS[t] + "-" + UNITS[u]
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + UNITS[n - 60]
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + UNITS[n - 80]


def w999(n):
    if n < 100:
        return w99(n)
    c, r = divmod(n, 100)
    head = "cent" if c == 1 else UNITS[c] + " cent" + ("s" if r == 0 else "")
    return head if r == 0 else head + " " + w99(r)


def wyear(y):
    if y >= 2000:
        return "deux mille" + ("" if y == 2000 else " " + w999(y - 2000))
    return "mille neuf cent " + w99(y - 1900)


MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def strip_acc(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------- people
def person_obj(sex=None):
    sex = sex or ch("MF")
    return {"sex": sex, "first": ch(N.GIVEN_M if sex == "M" else N.GIVEN_F), "last": ch(N.SURNAMES),
            "y": R.randint(1936, 2006), "m": R.randint(1, 12), "d": R.randint(1, 28)}


def name(p, form=None):
    f, l = p["first"], p["last"]
    form = form or ch(["fl", "fl", "fL", "Lf", "Lf", "iL", "il", "L", "lower", "noacc", "fl"])
    if form == "fl": return f"{f} {l}"
    if form == "fL": return f"{f} {l.upper()}"
    if form == "Lf": return f"{l.upper()} {f}"
    if form == "iL": return f"{f[0]}. {l.upper()}"
    if form == "il": return f"{f[0]}. {l}"
    if form == "L": return l.upper() if R.random() < .5 else l
    if form == "lower": return f"{f} {l}".lower()
    if form == "noacc": return strip_acc(f"{f} {l}")
    return f"{f} {l}"


def title(p):
    return ch(["M.", "Monsieur", "Mr"]) if p["sex"] == "M" else ch(["Mme", "Madame", "Mme"])


def email(p):
    f = strip_acc(p["first"]).lower().replace(" ", "").replace("'", "")
    l = strip_acc(p["last"]).lower().replace(" ", "").replace("'", "")
    form = R.randint(0, 5)
    loc = [f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}", f"{f}{R.randint(1, 99)}", f"{f}_{l}{p['y'] % 100:02d}", f"{l}{f[0]}"][form]
    return f"{loc}@{ch(N.EMAIL_DOMAINS)}"


# ---------------------------------------------------------------- identifiers
def nir_raw(p=None):
    p = p or person_obj()
    r = R.random()
    if r < .08:
        dep, com = ch(["2A", "2B"]), R.randint(1, 360)
    elif r < .16:
        dep, com = ch(["971", "972", "973", "974", "976"]), R.randint(1, 34)
    elif r < .24:
        dep, com = "99", ch([350, 352, 351, 134, 139, 127, 330])
    else:
        dep, com = f"{R.randint(1, 95):02d}", R.randint(1, 700)
        if dep == "20":
            dep = "21"
    return make_nir(p["sex"], p["y"], p["m"], dep, com, R.randint(1, 999))


def fmt_nir(n, form=None):
    form = form if form is not None else R.randint(0, 9)
    g = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
    if form == 0: return " ".join(g)
    if form == 1: return n
    if form == 2: return ".".join(g)
    if form == 3: return "-".join(g[:6]) + " " + g[6]
    if form == 4: return n[:13] + " / " + n[13:]
    if form == 5: return n[:13] + " " + n[13:]
    if form == 6: return " ".join(g[:6]) + "  " + g[6]
    if form == 7: return n[:13]  # no key
    if form == 8: return " ".join(g[:6])  # no key, grouped
    return f"{n[0]} {n[1:3]} {n[3:5]} {n[5:10]} {n[10:13]} {n[13:]}"


def nir_words(n):
    g = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
    out = []
    for x in g:
        if x in ("2A", "2B"):
            out.append("deux " + x[1])
        elif len(x) == 3 and x[0] == "0":
            out.append("zéro " + w99(int(x)))
        elif len(x) == 2 and x[0] == "0":
            out.append("zéro " + UNITS[int(x)])
        else:
            out.append(w999(int(x)))
    return ", ".join(out) if R.random() < .5 else " ".join(out)


def wrong_nir():
    n = nir_raw()
    k = (int(n[13:]) + R.randint(1, 90)) % 97 or 3
    return n[:13] + f"{k:02d}"


def phone_raw():
    return "0" + ch("1234567996") + "".join(str(R.randint(0, 9)) for _ in range(8))


def fmt_phone(n, form=None):
    form = form if form is not None else R.randint(0, 10)
    pairs = [n[i:i + 2] for i in range(0, 10, 2)]
    if form == 0: return " ".join(pairs)
    if form == 1: return ".".join(pairs)
    if form == 2: return n
    if form == 3: return "-".join(pairs)
    if form == 4: return "+33 " + n[1] + " " + " ".join(pairs[1:])
    if form == 5: return "+33" + n[1:]
    if form == 6: return "0033 " + n[1] + " " + " ".join(pairs[1:])
    if form == 7: return "+33 (0)" + n[1] + " " + " ".join(pairs[1:])
    if form == 8: return "+33." + n[1] + "." + ".".join(pairs[1:])
    if form == 9: return n[:4] + " " + n[4:7] + " " + n[7:]
    return " ".join(pairs)


def phone_words(n):
    pairs = [n[i:i + 2] for i in range(0, 10, 2)]
    out = []
    for i, x in enumerate(pairs):
        if x[0] == "0":
            out.append("zéro " + UNITS[int(x[1])])
        else:
            out.append(w99(int(x)))
    if R.random() < .3:  # half digits
        return out[0] + " " + " ".join(pairs[1:])
    return (", " if R.random() < .5 else " ").join(out)


def iban_raw():
    return make_fr_iban(ch([30004, 30002, 10278, 20041, 30003, 17515, 11315, 18206, 16606, 13335, 30066, 10107]),
                        R.randint(1, 99999), R.randint(1, 99999999999))


def fmt_iban(i, form=None):
    form = form if form is not None else R.randint(0, 6)
    g = format_iban(i)
    if form in (0, 1): return g
    if form == 2: return i
    if form == 3: return g.lower()
    if form == 4:
        parts = g.split(" ")
        return " ".join(parts[:4]) + "\n" + " ".join(parts[4:])
    if form == 5: return i[:4] + " " + i[4:9] + " " + i[9:14] + " " + i[14:25] + " " + i[25:]
    return g.replace(" ", "-")


def siren_raw():
    return make_siren(R.randint(10000000, 99999999))


def siret_raw():
    return make_siret(siren_raw(), R.randint(1, 200))


def fmt_siret(s, form=None):
    form = form if form is not None else R.randint(0, 5)
    if len(s) == 9:
        return [s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}.{s[3:6]}.{s[6:]}", s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}"][form]
    return [s, f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"{s[:9]} {s[9:]}", f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}",
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:13]} {s[13]}", f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:11]} {s[11:]}"][form]


def bad_luhn(n):
    while True:
        x = "".join(str(R.randint(0, 9)) for _ in range(n))
        if x[0] != "0" and not luhn_valid(x):
            return x


def finess():
    b = f"{R.randint(1, 95):02d}0" + "".join(str(R.randint(0, 9)) for _ in range(5))
    return b + luhn_check_digit(b)


def rpps_raw():
    b = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    return b + luhn_check_digit(b)


def fmt_rpps(r):
    return ch([r, r, r, f"{r[:2]} {r[2:5]} {r[5:8]} {r[8:]}", f"{r[:1]} {r[1:6]} {r[6:]}"])


def adeli_raw():
    return f"{R.randint(1, 95):02d}" + ch(["1", "6", "7", "9"]) + "".join(str(R.randint(0, 9)) for _ in range(6))


def fmt_adeli(a):
    return ch([a, a, f"{a[:2]} {a[2:4]} {a[4:]}", f"{a[:2]} {a[2]} {a[3:8]} {a[8]}"])


def dob(p, form=None):
    d, m, y = p["d"], p["m"], p["y"]
    form = form if form is not None else R.randint(0, 9)
    if form == 0: return f"{d:02d}/{m:02d}/{y}"
    if form == 1: return f"{d} {MONTHS[m - 1]} {y}"
    if form == 2: return f"{y}-{m:02d}-{d:02d}"
    if form == 3: return f"{d:02d}.{m:02d}.{y % 100:02d}"
    if form == 4: return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    if form == 5: return f"{d:02d}-{m:02d}-{y}"
    if form == 6: return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if form == 7: return f"{d}/{m}/{y}"
    if form == 8: return f"{d:02d}{m:02d}{y}"
    return f"{d:02d} {MONTHS[m - 1][:3]}. {y}" if MONTHS[m - 1] not in ("mai", "juin") else f"{d:02d} {MONTHS[m - 1]} {y}"


def dob_words(p):
    d = "premier" if p["d"] == 1 else w99(p["d"])
    y = wyear(p["y"]) if R.random() < .5 else w99(p["y"] % 100)
    return f"{d} {MONTHS[p['m'] - 1]} {y}"


def town():
    return ch(N.TOWNS)


def street():
    num = R.randint(1, 180)
    suf = ch(["", "", "", "", " bis", " ter", "bis", " B", " A"])
    return f"{num}{suf} {ch(N.STREET_TYPES)} {ch(N.STREET_NAMES)}"


def address(form=None, sep=None):
    form = form if form is not None else R.randint(0, 9)
    cp, t = town()
    sep = sep if sep is not None else ch([", ", " ", " - ", "\n"])
    s = street()
    if form in (0, 1, 2): return f"{s}{sep}{cp} {t}"
    if form == 3: return f"{s}{sep}{cp} {t.upper()}"
    if form == 4: return f"{ch(N.RESIDENCES)}, {ch(['appt', 'apt', 'appartement', 'porte'])} {R.randint(1, 120)}{sep}{s}{sep}{cp} {t}"
    if form == 5: return f"{ch(N.LIEUX_DITS)}{sep}{cp} {t}"
    if form == 6: return f"BP {R.randint(10, 999)}{sep}{s}{sep}{cp} {t} CEDEX"
    if form == 7: return s
    if form == 8: return f"{s.upper()}{sep}{cp} {t.upper()}"
    return f"{s}, {ch(['esc. B', '3e étage', 'bât. 4', 'chez M. et Mme'])}{sep}{cp} {t}"


# ---------------------------------------------------------------- negatives
def amount():
    return ch([f"{R.randint(5, 2500)},{R.randint(0, 99):02d} €", f"{R.randint(5, 900)} euros", f"{R.randint(1, 90)},{R.randint(0, 9)}0 EUR", f"{R.randint(1000, 9999)},00 €"])


def care_date():
    return ch([f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{ch([2024, 2025, 2026])}", f"{R.randint(1, 28)} {ch(MONTHS)} {ch([2025, 2026])}", f"{ch([2025, 2026])}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"])


def ref():
    return ch([f"DOS-{ch([2025, 2026])}-{R.randint(1, 99999):05d}", f"CT{R.randint(1000000, 9999999)}", f"FAC-{R.randint(10000, 99999)}",
               f"SIN/{R.randint(100000, 999999)}", f"n° {R.randint(10000000, 99999999)}", f"REF {R.randint(100, 999)}-{R.randint(1000, 9999)}-{ch('ABCDXZ')}",
               f"ADH{R.randint(100000, 999999)}", f"{R.randint(1000000000, 9999999999)}"])


def neg_bits():
    """A handful of hard-negative phrases (no PII)."""
    opts = [
        lambda: f"montant {amount()}",
        lambda: f"soins du {care_date()}",
        lambda: f"dossier {ref()}",
        lambda: f"réf. interne {wrong_nir()}",
        lambda: f"lot {bad_luhn(14)}",
        lambda: f"FINESS {finess()}",
        lambda: f"acte {ch(N.CCAM)}",
        lambda: f"cotation {ch(N.NGAP)}",
        lambda: f"code LPP {ch(N.LPP)}",
        lambda: f"{ch(N.DRUGS)}",
        lambda: f"dent {ch([11, 16, 21, 26, 36, 37, 46, 47])}",
        lambda: f"{ch(N.PLACES)}",
        lambda: f"{ch(N.COMPANIES)}",
        lambda: f"{town()[0]} {town()[1]}",
        lambda: f"la pharmacie de la {ch(N.STREET_TYPES[:2])} {ch(N.STREET_NAMES)}",
        lambda: f"facture {bad_luhn(9)}",
        lambda: f"{R.randint(2, 12)} séances",
        lambda: f"ticket {R.randint(100000, 999999)}",
    ]
    return ch(opts)()


def negs(k):
    return ", ".join(neg_bits() for _ in range(k))


# ================================================================ styles
def spelled(last):
    letters = [c for c in strip_acc(last).upper() if c.isalpha()]
    words = {"D": "Denis", "M": "Marcel", "B": "Bernard", "P": "Pierre", "T": "Thérèse", "N": "Nicolas", "S": "Suzanne", "F": "François", "V": "Victor", "G": "Gaston", "C": "Célestin", "L": "Louis", "R": "Raoul", "K": "Kléber"}
    out = []
    for i, c in enumerate(letters):
        if c in words and R.random() < .45:
            out.append(f"{c} comme {words[c]}")
        else:
            out.append(c)
    return ", ".join(out) if R.random() < .5 else " ".join(out)


_CLK = [0]


def ts(i):
    if i == 0:
        _CLK[0] = R.randint(1, 9)
    else:
        _CLK[0] += R.randint(3, 25)
    s = _CLK[0]
    return f"[{s // 60:02d}:{s % 60:02d}]"


def stt_pos():
    p = person_obj()
    A, C = ch(["conseiller", "agent", "SPEAKER_01", "Intervenant 1"]), ch(["appelant", "client", "SPEAKER_02", "Intervenant 2"])
    k = R.randint(0, 4)
    if k == 0:
        return mk(f"{ts(0)} {A} : mutuelle bonjour ", P(ch(N.GIVEN)), " à l'appareil je vous écoute\n",
                  f"{ts(1)} {C} : oui bonjour euh c'est ", ch(["madame ", "monsieur ", ""]), P(name(p, ch(["lower", "fl", "noacc"]))),
                  " j'appelle pour mon remboursement\n",
                  f"{ts(2)} {A} : vous pouvez m'épeler votre nom\n",
                  f"{ts(3)} {C} : alors ", P(spelled(p["last"])), "\n",
                  f"{ts(4)} {A} : et votre numéro de sécurité sociale\n",
                  f"{ts(5)} {C} : ", NI(nir_words(nir_raw(p))), "\n",
                  f"{ts(6)} {A} : date de naissance\n",
                  f"{ts(7)} {C} : le ", DOB(dob_words(p)), f"\n{ts(8)} {A} : merci je vois bien les soins du {care_date()} pour {amount()}\n")
    if k == 1:
        return mk(f"{ts(0)} {C} : bonjour j'ai déménagé je voulais donner ma nouvelle adresse\n",
                  f"{ts(1)} {A} : oui je vous écoute\n{ts(2)} {C} : alors c'est le ", AD(address(ch([0, 1, 7, 4, 5]), " ").lower()), "\n",
                  f"{ts(3)} {A} : très bien et un numéro où vous joindre\n{ts(4)} {C} : ", PH(phone_words(phone_raw())), "\n",
                  f"{ts(5)} {A} : c'est bien au nom de ", P(name(p, ch(["fl", "lower", "Lf"]))), " ?\n",
                  f"{ts(6)} {C} : oui oui euh et mon mari aussi ", P(ch(N.GIVEN_M).lower()), " il est sur le contrat\n",
                  f"{ts(7)} {A} : c'est noté le dossier {ref()} est mis à jour\n")
    if k == 2:
        m = person_obj()
        return mk(f"{ts(0)} {C} : bonjour j'appelle pour ma mère ", P(name(m, ch(["fl", "lower", "L"]))), " elle est hospitalisée au ", ch(N.PLACES), "\n",
                  f"{ts(1)} {A} : vous êtes\n{ts(2)} {C} : ", P(name(p, ch(["fl", "lower"]))), " son fils enfin sa fille pardon\n",
                  f"{ts(3)} {A} : elle est née quand\n{ts(4)} {C} : euh elle est née en ", DOB(ch([f"{MONTHS[m['m'] - 1]} {m['y']}", str(m['y']), f"{MONTHS[m['m'] - 1]} {w99(m['y'] % 100)}"])), "\n",
                  f"{ts(5)} {A} : et son numéro de sécu\n{ts(6)} {C} : attendez j'ai la carte ", NI(fmt_nir(nir_raw(m), ch([0, 8, 6]))), "\n",
                  f"{ts(7)} {A} : parfait le forfait journalier est pris en charge à partir du {care_date()}\n")
    if k == 3:
        e = email(p)
        spoken = e.replace("@", " arobase ").replace(".", " point ").replace("_", " tiret bas ")
        return mk(f"{ts(0)} {A} : pour l'attestation je l'envoie où\n{ts(1)} {C} : par mail c'est ",
                  EM(spoken if R.random() < .5 else e), "\n",
                  f"{ts(2)} {A} : je répète ", EM(e), f" c'est ça\n{ts(3)} {C} : voilà et c'est pour ", P(name(p, "lower")), "\n",
                  f"{ts(4)} {A} : et pour le remboursement même RIB\n{ts(5)} {C} : non nouveau RIB ",
                  IB(fmt_iban(iban_raw(), ch([0, 2, 3]))), "\n", f"{ts(6)} {A} : noté montant prévu {amount()}\n")
    d = person_obj()
    return mk(f"{ts(0)} {C} : bonjour je suis ", ch(["le docteur ", ""]), P(name(d, ch(["L", "fl"]))), " kinésithérapeute\n",
              f"{ts(1)} {A} : oui docteur votre numéro ", ch(["RPPS", "rpps", "de professionnel"]), "\n",
              f"{ts(2)} {C} : ", RP(fmt_rpps(rpps_raw())), " et l'ancien numéro adeli ", AL(fmt_adeli(adeli_raw())), "\n",
              f"{ts(3)} {C} : c'est pour ma patiente ", P(name(p, ch(["lower", "fl", "il"]))), f", {R.randint(6, 30)} séances {ch(N.NGAP)}\n",
              f"{ts(4)} {A} : rappelez moi au besoin\n{ts(5)} {C} : mon portable ", PH(fmt_phone(phone_raw(), ch([0, 2, 9]))), "\n")


def stt_neg():
    A, C = ch(["conseiller", "agent", "SPEAKER_01"]), ch(["appelant", "client", "SPEAKER_02"])
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"{ts(0)} {A} : mutuelle bonjour\n{ts(1)} {C} : oui bonjour c'est pour savoir combien je suis remboursé pour une couronne\n",
                  f"{ts(2)} {A} : alors pour l'acte {ch(N.CCAM)} sur la dent {ch([16, 26, 36, 46])} la base c'est {amount()}\n",
                  f"{ts(3)} {C} : d'accord et le devis du {care_date()} il est bon\n{ts(4)} {A} : oui il est validé sous la référence {ref()}\n")
    if k == 1:
        return mk(f"{ts(0)} SVI : pour les remboursements tapez un pour les devis tapez deux\n{ts(1)} SVI : votre temps d'attente est estimé à {R.randint(2, 15)} minutes\n",
                  f"{ts(2)} {A} : bonjour\n{ts(3)} {C} : oui je voulais savoir si {ch(N.COMPANIES)} est dans le réseau\n{ts(4)} {A} : oui tout à fait c'est {negs(1)}\n")
    if k == 2:
        return mk(f"{ts(0)} {C} : je préfère pas donner mon numéro au téléphone\n{ts(1)} {A} : pas de souci donnez-moi juste le numéro de dossier\n",
                  f"{ts(2)} {C} : c'est {ref()}\n{ts(3)} {A} : je vois un paiement de {amount()} le {care_date()}, {negs(2)}\n")
    return mk(f"{ts(0)} {A} : je vous confirme la prise en charge au {ch(N.PLACES)}\n{ts(1)} {C} : et le {ch(N.DRUGS)} c'est remboursé\n",
              f"{ts(2)} {A} : oui à 65 % par la sécu et le reste par nous. {negs(2)}\n{ts(3)} {C} : merci au revoir\n")


EMO = ["🙂", "😅", "👍", "🙏", "😭", "❤️", "👌", "😂", "🤔", ""]


_H = [600]


def hm():
    _H[0] = (_H[0] + R.randint(0, 35)) % 1440
    return f"{_H[0] // 60:02d}:{_H[0] % 60:02d}"


def im_pos():
    _H[0] = R.randint(420, 1260)
    p, q = person_obj(), person_obj()
    a, b = strip_acc(p["first"]).lower(), strip_acc(q["first"]).lower()
    k = R.randint(0, 4)
    if k == 0:
        return mk(f"[{hm()}] ", P(a), f": t'as le num de secu de ta mere pr le dossier mutuelle ? {ch(EMO)}\n",
                  f"[{hm()}] ", P(b), ": attends jregarde\n", f"[{hm()}] ", P(b), ": ", NI(fmt_nir(nir_raw(q), ch([1, 0, 7, 4]))), "\n",
                  f"[{hm()}] ", P(b), ": elle est nee le ", DOB(dob(q, ch([0, 6, 7]))), " si ils demandent\n",
                  f"[{hm()}] ", P(a), f": top merci {ch(EMO)}")
    if k == 1:
        return mk(f"{ch(['slt', 'bjr', 'bonjour', 'coucou'])} c ", P(name(p, ch(["lower", "noacc"]))), " adherent ", ref(), "\n",
                  "mon nouveau num c le ", PH(fmt_phone(phone_raw(), ch([2, 0, 1, 5]))), " et mon mail ", EM(email(p)), "\n",
                  f"merci de mettre a jour {ch(EMO)}\n-- \nRéponse Mutuelle : Bonjour ", P(p["first"]), ", c'est fait. Bonne journée.")
    if k == 2:
        return mk(f"{hm()} ", P(a), " > qq1 a l'iban de ", P(name(q, ch(["lower", "Lf", "fl"]))), " ? le virement de ", amount(), " est revenu\n",
                  f"{hm()} ", P(b), " > ", IB(fmt_iban(iban_raw(), ch([2, 3, 0]))), "\n",
                  f"{hm()} ", P(b), " > c celui du rib scanné hier, adresse ", AD(address(ch([0, 7, 3]), " ").lower()), "\n",
                  f"{hm()} ", P(a), f" > merci {ch(EMO)}")
    if k == 3:
        c = person_obj()
        return mk("Groupe « Famille ", P(strip_acc(p["last"]).upper()), " »\n",
                  f"{hm()} - ", P(a), ": la mutuelle veut les dates de naissance des enfants\n",
                  f"{hm()} - ", P(b), ": ", P(c["first"].lower()), " ", DOB(dob(c, ch([0, 6, 3]))), " et ", P(strip_acc(ch(N.GIVEN)).lower()), " ne en ", DOB(str(R.randint(2008, 2020))), "\n",
                  f"{hm()} - ", P(a), ": et le tel du pediatre ? c le dr ", P(ch(N.SURNAMES).lower()), "\n",
                  f"{hm()} - ", P(b), ": ", PH(fmt_phone(phone_raw())), f" {ch(EMO)}")
    return mk("De: ", PH(fmt_phone(phone_raw(), ch([5, 4, 2]))), f"\nLe {care_date()} à {hm()}\n",
              f"bonjour c'est ", P(p["first"].lower() if R.random() < .5 else p["first"]), " la fille de ", P(name(q, ch(["fl", "lower", "iL"]))),
              ". il a son rdv au ", ch(N.PLACES), " mais sa carte est perimee, son secu c ", NI(fmt_nir(nir_raw(q), ch([1, 7, 5]))),
              f" vous pouvez envoyer l'attestation a ", EM(email(p)), f" ? {ch(EMO)}")


def im_neg():
    _H[0] = R.randint(420, 1260)
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"[{hm()}] moi: rdv dentiste demain {hm()} {ch(EMO)}\n[{hm()}] toi: ok tu prends la carte mutuelle\n[{hm()}] moi: oui et le devis {ref()}")
    if k == 1:
        return mk(f"Votre remboursement de {amount()} pour les soins du {care_date()} a été viré. Dossier {ref()}. Ne pas répondre à ce SMS.")
    if k == 2:
        return mk(f"{hm()} > {ch(['martin optique', 'la pharmacie blanc', 'le boulanger'])} ferme a 19h ce soir\n{hm()} > ok jpasse apres le taf {ch(EMO)}\n{hm()} > prends du {ch(N.DRUGS).lower()} stp")
    return mk(f"Mutuelle : votre code de vérification est {R.randint(100000, 999999)}. Il expire dans 10 minutes. {negs(1)}")


def csv_pos():
    k = R.randint(0, 4)
    rows = R.randint(2, 5)
    if k == 0:
        sep = ch([";", ";", "\t"])
        pcs = [sep.join(ch([["Nom", "Prénom", "N° SS", "Date naiss.", "Tél"], ["NOM", "PRENOM", "NIR", "DDN", "TEL"], ["Nom", "Prénom", "N° sécu", "Né(e) le", "Portable"]])) + "\n"]
        for _ in range(rows):
            p = person_obj()
            pcs += [P(p["last"].upper() if R.random() < .6 else p["last"]), sep, P(p["first"]), sep, NI(fmt_nir(nir_raw(p), ch([1, 1, 0, 7, 2]))), sep,
                    DOB(dob(p, ch([0, 2, 6]))), sep, PH(fmt_phone(phone_raw(), ch([0, 1, 2, 5]))), "\n"]
        return mk(*pcs)
    if k == 1:
        pcs = ["NOM\tPRENOM\tEMAIL\tADRESSE\tCP\tVILLE\tMONTANT\n"]
        for _ in range(rows):
            p = person_obj()
            cp, t = town()
            pcs += [P(p["last"].upper()), "\t", P(p["first"].upper()), "\t", EM(email(p)), "\t", AD(street().upper()), f"\t{cp}\t{t.upper()}\t{amount()}\n"]
        return mk(*pcs)
    if k == 2:
        pcs = ['"Matricule","Nom complet","IBAN","SIRET employeur","Date entrée"\n']
        for _ in range(rows):
            p = person_obj()
            pcs += [f'"{R.randint(10000, 99999)}","', P(name(p, ch(["Lf", "fl"]))), '","', IB(fmt_iban(iban_raw(), ch([0, 2, 2]))), '","', SI(fmt_siret(siret_raw(), ch([0, 0, 1]))), f'","{care_date()}"\n']
        return mk(*pcs)
    if k == 3:
        pcs = ["RPPS|ADELI|Nom|Spécialité|Tél cabinet\n"]
        for _ in range(rows):
            p = person_obj()
            has_adeli = R.random() < .5
            pcs += [RP(rpps_raw()), "|", AL(adeli_raw()) if has_adeli else "", "|", P(name(p, ch(["Lf", "L"]))), f"|{ch(['Kinésithérapeute', 'Infirmier', 'Orthophoniste', 'Chirurgien-dentiste', 'Médecin généraliste'])}|",
                    PH(fmt_phone(phone_raw(), ch([0, 2]))), "\n"]
        return mk(*pcs)
    pcs = ["Bénéficiaire ; Lien ; Date de naissance ; Rang\n"]
    for j in range(rows):
        p = person_obj()
        pcs += [P(name(p, ch(["Lf", "fl", "fL"]))), f" ; {ch(['assuré', 'conjoint', 'enfant', 'enfant'])} ; ", DOB(dob(p, ch([0, 1, 2, 7]))), f" ; {j + 1}\n"]
    pcs += ["Adresse du foyer : ", AD(address(ch([0, 1, 4]), ", ")), "\n"]
    return mk(*pcs)


def csv_neg():
    k = R.randint(0, 3)
    rows = R.randint(3, 6)
    if k == 0:
        body = "".join(f"{ch(N.CCAM + N.LPP)};{ch(['Couronne', 'Détartrage', 'Monture', 'Verres', 'Consultation', 'Prothèse auditive'])};{amount()};{care_date()}\n" for _ in range(rows))
        return mk("Code acte;Libellé;Montant;Date soins\n" + body)
    if k == 1:
        body = "".join(f"{bad_luhn(9)}\t{finess()}\t{amount()}\t{ch(['01', '04', '12', '37'])}\n" for _ in range(rows))
        return mk("N° facture\tFINESS\tMontant rejeté\tCode\n" + body)
    if k == 2:
        body = "".join(f"{ch(MONTHS).capitalize()} {ch([2025, 2026])},{R.randint(100, 9000)},{R.randint(1, 30)} j,{R.randint(60, 99)} %\n" for _ in range(rows))
        return mk("Mois,Nb dossiers,Délai moyen,Taux conformité\n" + body)
    body = "".join(f"{ref()};{wrong_nir()};{ch(['Rejet', 'OK', 'Doublon'])}\n" for _ in range(rows))
    return mk("Référence;Identifiant technique;Statut\n" + body)


REJ = [("01", "Droits non ouverts à la date des soins"), ("04", "Bénéficiaire inconnu"), ("12", "Acte non couvert par le contrat"),
       ("37", "Rang de naissance incohérent"), ("52", "Dépassement du plafond annuel"), ("1402", "Prescripteur non identifié"), ("2207", "Date de naissance discordante")]


def tp_pos():
    p = person_obj()
    code, lib = ch(REJ)
    k = R.randint(0, 4)
    ph = ch(["Pharmacie de la Gare", "Pharmacie Blanc", "Pharmacie du Marché", "Laboratoire BioSud", "Centre optique Vision+", "Pharmacie Saint-Michel"])
    if k == 0:
        return mk(f"REJET TP | PS : {ph} (FINESS {finess()}) | Bénéf. : ", P(name(p, ch(["Lf", "Lf", "fL"]))), " | NIR : ", NI(fmt_nir(nir_raw(p), ch([1, 0, 5]))),
                  " | DDN : ", DOB(dob(p, ch([0, 8, 2]))), f" | Rang 1 | Code rejet {code} : {lib} | Montant {amount()} | Date soins {care_date()}")
    if k == 1:
        d = person_obj()
        return mk(f"Bonjour,\n{ph} ici. Rejet {code} sur la facture {bad_luhn(9)} pour ", title(p), " ", P(name(p, ch(["fl", "iL", "L"]))),
                  f", ordonnance du Dr ", P(name(d, ch(["L", "fl", "iL"]))), " (RPPS ", RP(fmt_rpps(rpps_raw())), f"). {lib} selon votre retour alors que la patiente présente une attestation valide.\n",
                  "Merci de rappeler au ", PH(fmt_phone(phone_raw(), ch([0, 1, 3]))), " ou d'écrire à ", EM(email(person_obj())), ".\nCordialement,\n",
                  P(ch(N.GIVEN)), ", préparatrice")
    if k == 2:
        return mk(f"Régularisation TP — {ph}\nSuite au rejet {code} ({lib}) nous vous prions de régler directement l'officine.\n",
                  "Titulaire du compte : ", ph.upper(), "\nSIRET : ", SI(fmt_siret(siret_raw())), "\nIBAN : ", IB(fmt_iban(iban_raw())),
                  "\nPatient concerné : ", P(name(p, ch(["Lf", "fl"]))), ", né(e) le ", DOB(dob(p)), f"\nMontant : {amount()} ({ch(N.DRUGS)})")
    if k == 3:
        n = person_obj()
        p = person_obj("F")
        return mk(f"Note de l'officine : ", title(p), " ", P(name(p, ch(["fl", "Lf"]))), " née ", P(ch(N.SURNAMES).upper()), " (née le ", DOB(dob(p, ch([0, 1, 4]))),
                  f") se présente pour un pansement. Soins infirmiers réalisés par ", P(name(n, ch(["fl", "iL"]))), ", IDE, n° ADELI ", AL(fmt_adeli(adeli_raw())),
                  f". Rejet {code} : {lib}. Le NIR transmis ", NI(fmt_nir(nir_raw(p), ch([0, 3, 9]))), " ne correspond pas au rang déclaré. ",
                  f"Adresse patient : ", AD(address(ch([0, 2, 4, 9]), ", ")), ".")
    rows = []
    for _ in range(R.randint(2, 4)):
        q = person_obj()
        c2, l2 = ch(REJ)
        rows += [f"- {care_date()} ; ", P(name(q, ch(["Lf", "L"]))), " ; ", NI(fmt_nir(nir_raw(q), ch([1, 7]))), f" ; {c2} {l2} ; {amount()}\n"]
    return mk(f"Liste des rejets TP du jour — {ph}, FINESS {finess()}\n", *rows, f"Contact : ", P(name(person_obj(), ch(["fl", "iL"]))), " ", PH(fmt_phone(phone_raw())))


def tp_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk("Table des codes rejet TP :\n" + "".join(f"{c} — {l}\n" for c, l in R.sample(REJ, 4)))
    if k == 1:
        return mk(f"Lot {R.randint(100, 999)} du {care_date()} : {R.randint(20, 400)} factures, {R.randint(1, 15)} rejets, montant rejeté {amount()}. FINESS émetteur {finess()}. Norme B2 version {ch(['5.0', '5.5'])}.")
    if k == 2:
        c, l = ch(REJ)
        return mk(f"Rejet {c} ({l}) sur la facture {bad_luhn(9)} : {ch(N.DRUGS)}, code LPP {ch(N.LPP)}, {amount()}. Merci de refacturer en part obligatoire seule. {ch(N.COMPANIES)}.")
    return mk(f"Rappel : les pharmacies doivent vérifier l'attestation de tiers payant avant délivrance. Réf. circulaire {ref()}. Identifiant flux {wrong_nir()}.")


def hosp_pos():
    p = person_obj()
    k = R.randint(0, 4)
    hp = ch(N.PLACES)
    if k == 0:
        maiden = p["sex"] == "F" and R.random() < .6
        return mk(f"BULLETIN DE SITUATION\nÉtablissement : {hp.upper()} — FINESS {finess()}\n",
                  "Nom de naissance : ", P(ch(N.SURNAMES).upper() if maiden else p["last"].upper()), "\n",
                  "Nom d'usage : ", P(p["last"].upper()) if maiden else "—", "\n",
                  "Prénom(s) : ", P(p["first"] + ch(["", ", " + ch(N.GIVEN_M if p["sex"] == "M" else N.GIVEN_F)])), "\n",
                  "Date de naissance : ", DOB(dob(p, ch([0, 0, 7]))), f"\nSexe : {p['sex']}\nN° IEP : {R.randint(100000000, 999999999)}\n",
                  "N° sécurité sociale : ", NI(fmt_nir(nir_raw(p), ch([0, 1, 6]))), "\n",
                  "Adresse : ", AD(address(ch([0, 2, 6, 4]), "\n")), f"\nEntrée le : {care_date()}   Sortie le : {care_date()}\nMode : hospitalisation complète — DMT {R.randint(100, 999)}")
    if k == 1:
        return mk(f"DEMANDE DE PRISE EN CHARGE HOSPITALIÈRE\nDe : Bureau des admissions, {hp}\nTél. : ", PH(fmt_phone(phone_raw(), ch([0, 3]))), " — Fax : ", PH(fmt_phone(phone_raw(), ch([0, 1]))),
                  "\nPatient : ", P(name(p, ch(["Lf", "fL"]))), "\nNé(e) le : ", DOB(dob(p)), "\nN° adhérent : ", ref(), " — NIR : ", NI(fmt_nir(nir_raw(p))),
                  f"\nDate d'entrée prévue : {care_date()}\nFrais : forfait journalier {ch(['20', '15'])} €/j, chambre particulière {R.randint(50, 120)} €/j\nMédecin responsable : Dr ",
                  P(name(person_obj(), ch(["L", "iL", "fl"]))), " (RPPS ", RP(rpps_raw()), ")")
    if k == 2:
        c = person_obj()
        return mk(f"AVIS DE SORTIE — {hp}\n", title(p), " ", P(name(p, ch(["fL", "Lf"]))), f" est sortie le {care_date()} après un séjour de {R.randint(2, 30)} jours.\n",
                  "Personne de confiance : ", P(name(c, ch(["fl", "fL"]))), f" ({ch(['fils', 'fille', 'conjoint', 'voisine', 'nièce'])}), tél. ", PH(fmt_phone(phone_raw())),
                  "\nRetour à domicile : ", AD(address(ch([4, 5, 1, 9]), ", ")), f"\nTransport : {ch(['Ambulances Moreau', 'Taxi Bernard', 'VSL'])}. Traitement : {ch(N.DRUGS)}.")
    if k == 3:
        return mk(f"FACTURE FRAIS DE SÉJOUR n° {bad_luhn(9)}\n{hp}\nDébiteur : ", title(p), " ", P(name(p, ch(["Lf", "fl"]))), "\n", AD(address(ch([0, 3, 8]), "\n")),
                  f"\nPériode : du {care_date()} au {care_date()}\nForfait journalier : {R.randint(2, 30)} j x 20,00 €\nTicket modérateur : {amount()}\nReste à charge : {amount()}\n",
                  "Règlement par virement : IBAN du Trésor public — Réf. payeur ", ref(), "\nNé(e) le ", DOB(dob(p, ch([0, 1]))))
    e = person_obj()
    return mk(f"Fiche d'admission {hp}\nPatient : ", P(name(p, "Lf")), " — né le ", DOB(dob(p)), "\nTél. portable : ", PH(fmt_phone(phone_raw())), "  Mail : ", EM(email(p)),
              "\nEmployeur : ", ch(N.COMPANIES), " (SIRET ", SI(fmt_siret(siret_raw())), ")\nPersonne à prévenir : ", P(name(e, "fl")), " ", PH(fmt_phone(phone_raw())),
              f"\nMotif : {ch(['chirurgie ambulatoire', 'pose de prothèse de hanche', 'accouchement', 'bilan cardiologique'])}, GHM {R.randint(10, 28):02d}C{R.randint(10, 99)}{ch('1234J')}")


def hosp_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"TARIFS {ch(N.PLACES).upper()} — {ch([2025, 2026])}\nForfait journalier hospitalier : 20,00 €\nForfait psychiatrie : 15,00 €\nChambre particulière : {R.randint(50, 130)},00 €\nLit accompagnant : {R.randint(15, 40)},00 €\nFINESS {finess()}")
    if k == 1:
        return mk(f"Séjour {R.randint(100000000, 999999999)} : GHS {R.randint(1000, 9999)}, durée {R.randint(1, 20)} j, entrée {care_date()}, sortie {care_date()}. Actes : {ch(N.CCAM)}, {ch(N.CCAM)}. Montant {amount()}.")
    if k == 2:
        return mk(f"Le service de cardiologie du {ch(N.PLACES)} déménage au bâtiment Pasteur à compter du {care_date()}. Les admissions se font désormais porte {R.randint(1, 9)}. {negs(2)}.")
    return mk(f"Relevé mensuel des PEC hospitalières : {R.randint(100, 900)} demandes, {R.randint(1, 50)} refus. Délai moyen {R.randint(1, 5)} j. {negs(3)}.")


def social_pos():
    p, c = person_obj("M"), person_obj("F")
    k = R.randint(0, 4)
    if k == 0:
        kids = []
        for _ in range(R.randint(1, 3)):
            kk = person_obj(); kk["y"] = R.randint(2005, 2022)
            kids += ["\n  - ", P(kk["first"]), " (", DOB(ch([str(kk["y"]), dob(kk, 0)])), ")"]
        return mk("DEMANDE D'AIDE — FONDS SOCIAL\nComposition du foyer :\n  Demandeur : ", P(name(p, ch(["fL", "Lf"]))), ", né(e) le ", DOB(dob(p)),
                  "\n  Conjoint : ", P(name(c, ch(["fL", "fl"]))), ch([" née ", " épouse "]), P(ch(N.SURNAMES).upper()), ", née le ", DOB(dob(c)),
                  "\n  Enfants :", *kids, f"\nRessources mensuelles : {amount()}\nQuotient familial : {R.randint(300, 1200)}\nObjet : reste à charge {ch(['orthodontie', 'appareil auditif', 'lunettes', 'hospitalisation'])} de {amount()}")
    if k == 1:
        p = person_obj()
        return mk("Madame, Monsieur,\nJe suis ", P(name(c, ch(["fl", "fL"]))), ", assistante sociale au CCAS de ", town()[1], ". J'accompagne ", title(p), " ", P(name(p, ch(["fL", "fl"]))),
                  f", {R.randint(25, 80)} ans, qui vit seul(e) au ", AD(address(ch([0, 4, 5, 9]), ", ")), f". Ses ressources se limitent à l'AAH ({amount()}). ",
                  f"Son reste à charge après intervention de la Sécurité sociale s'élève à {amount()} ({ch(N.CCAM)}). Je vous remercie d'étudier sa demande.\nJoignable au ",
                  PH(fmt_phone(phone_raw())), " ou ", EM(email(c)), ".\n", P(name(c, ch(["iL", "fl"]))))
    if k == 2:
        p = person_obj()
        return mk(f"Décision de la commission d'action sociale du {care_date()}\nBénéficiaire : ", P(name(p, ch(["Lf", "fL"]))), " — adhérent ", ref(),
                  f"\nAide accordée : {amount()}, versée directement au prestataire.\nPrestataire : {ch(N.COMPANIES)}, SIRET ", SI(fmt_siret(siret_raw())),
                  "\nIBAN : ", IB(fmt_iban(iban_raw())), "\nCopie : ", P(name(c, "fl")), ", conseillère sociale.")
    if k == 3:
        p = person_obj()
        return mk("Formulaire web — aide exceptionnelle\nNom : ", P(p["last"]), "\nPrénom : ", P(p["first"]), "\nN° sécurité sociale : ", NI(fmt_nir(nir_raw(p))),
                  "\nDate de naissance : ", DOB(dob(p, ch([2, 0]))), "\nAdresse : ", AD(address(ch([0, 1, 3]), ", ")), "\nTéléphone : ", PH(fmt_phone(phone_raw())),
                  f"\nSituation : {ch(['perte d emploi', 'divorce', 'invalidité', 'veuvage'])} depuis {care_date()}. RIB pour versement : ", IB(fmt_iban(iban_raw(), ch([2, 3, 4]))))
    p = person_obj()
    return mk("Fiche entretien action sociale\nReçu(e) : ", P(name(p, ch(["fL", "lower", "noacc"]))), f" ({ch(['veuve', 'mère isolée', 'retraité', 'aidant familial'])})",
              ", accompagné(e) de sa fille ", P(ch(N.GIVEN_F)), ".\nNée en ", DOB(ch([str(p["y"]), f"{MONTHS[p['m'] - 1]} {p['y']}"])),
              f". Dette hospitalière {amount()} au {ch(N.PLACES)}. Ancien employeur : {ch(N.COMPANIES)}. Mail : ", EM(email(p)), f". {negs(1)}.")


def social_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"Barème action sociale {ch([2025, 2026])} : QF < 500 → aide jusqu'à {amount()} ; QF 500-800 → {R.randint(30, 70)} % ; au-delà, étude au cas par cas. Plafond annuel {amount()}.")
    if k == 1:
        return mk(f"La commission du {care_date()} a examiné {R.randint(10, 80)} dossiers : {R.randint(5, 40)} accords, {R.randint(1, 10)} refus, montant total {amount()}. Prochaine séance le {care_date()}.")
    if k == 2:
        return mk(f"Pièces à joindre : avis d'imposition, devis ({ch(N.CCAM)}), décompte Sécurité sociale, justificatif de domicile. {negs(2)}.")
    return mk(f"Partenariat avec le CCAS de {town()[1]} et l'{ch(N.COMPANIES)} : {R.randint(2, 30)} familles aidées. {negs(2)}.")
def notary():
    return ch(["Maître ", "Me ", "Maître "]), P(name(person_obj(), ch(["fl", "L", "fL", "iL"])))


def death_pos():
    p = person_obj()
    p["y"] = R.randint(1930, 1975)
    k = R.randint(0, 4)
    if k == 0:
        heirs = []
        for _ in range(R.randint(2, 4)):
            h = person_obj()
            heirs += ["\n- ", P(name(h, ch(["fL", "Lf", "fl"]))), f", {ch(['fils', 'fille', 'petit-fils', 'nièce', 'conjoint survivant'])}, né(e) le ", DOB(dob(h)), ", ", AD(address(ch([0, 1, 2, 3]), ", "))]
        t, n = notary()
        return mk("DÉCLARATION DE DÉCÈS — CAPITAL DÉCÈS\nDéfunt(e) : ", P(name(p, "fL")), "\nNé(e) le ", DOB(dob(p)), f", décédé(e) le {care_date()} à {town()[1]}\nNIR : ",
                  NI(fmt_nir(nir_raw(p), ch([0, 1, 2, 4]))), f"\nContrat {ref()} — capital garanti {amount()}\nAyants droit :", *heirs, "\nDossier suivi par ", t, n, ", notaire.")
    if k == 1:
        t1, n1 = notary()
        return mk("Étude de ", t1, n1, " et ", P(name(person_obj(), "fl")), ", notaires associés\nSCP — SIRET ", SI(fmt_siret(ch([siret_raw(), siren_raw()]))), "\n",
                  AD(address(ch([0, 6, 1]), "\n")), "\nTél. ", PH(fmt_phone(phone_raw(), ch([0, 1]))), " — ", EM(f"office.{R.randint(10, 99)}{ch(['001', '120', '044'])}@notaires.fr"),
                  f"\n\nObjet : succession de feu ", title(p), " ", P(name(p, ch(["fL", "fl"]))), f"\nMadame, Monsieur,\nJe vous prie de verser le capital décès ({amount()}) sur le compte de l'étude :\n",
                  IB(fmt_iban(iban_raw(), ch([0, 4, 5]))), "\nVeuillez agréer…")
    if k == 2:
        h = person_obj()
        return mk("Bonjour,\nSuite au décès de mon père, ", P(name(p, ch(["fl", "fL"]))), f", le {care_date()}, je vous transmets l'acte de décès et mon RIB.\n",
                  "IBAN : ", IB(fmt_iban(iban_raw())), "\nMon frère ", P(ch(N.GIVEN_M)), " vous enverra le sien.\nJe reste joignable au ", PH(fmt_phone(phone_raw())),
                  ".\n", P(name(h, ch(["fl", "fL"]))), "\n", AD(address(ch([0, 4, 5, 9]), "\n")))
    if k == 3:
        return mk("Note interne — capital décès\nBénéficiaire désignée : ", title(p) if p["sex"] == "F" else "Mme", " ", P(name(person_obj(), ch(["fL", "fl"]))), " épouse ", P(ch(N.SURNAMES)),
                  ", née le ", DOB(dob(p, ch([1, 4]))), f". Clause bénéficiaire type « mon conjoint, à défaut mes enfants ». Article 990 I applicable au-delà de 152 500 €.",
                  " Le NIR fourni ", NI(fmt_nir(nir_raw(p), ch([7, 8]))), f" est sans clé, à compléter. Dossier {ref()}.")
    return mk("Attestation de dévolution successorale\nJe soussigné(e) ", P(name(p, "fL")), ", demeurant ", AD(address(ch([0, 1, 9]), ", ")),
              ", atteste être l'unique héritier de ", P(name(person_obj(), ch(["fL", "Lf"]))), f", décédé(e) le {care_date()}. Né(e) le ", DOB(dob(p, ch([0, 1]))),
              ". Courriel : ", EM(email(p)), f".\nFait à {town()[1]}, le {care_date()}.")


def death_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"Garantie décès : capital égal à {R.randint(100, 400)} % du PASS ({amount()}), majoré de {R.randint(10, 50)} % par enfant à charge. Délai de versement : {R.randint(15, 30)} jours.")
    if k == 1:
        return mk(f"Pièces à fournir : acte de décès, certificat d'hérédité ou acte de notoriété, RIB des bénéficiaires. Contrat {ref()}. {negs(1)}.")
    if k == 2:
        return mk(f"Pompes funèbres Renard : devis obsèques {amount()} du {care_date()}. Forfait frais d'obsèques remboursé dans la limite de {amount()}.")
    return mk(f"Fiscalité : articles 757 B et 990 I du CGI. Abattement de 152 500 € par bénéficiaire. Dossier {ref()}, lot {bad_luhn(14)}.")


def medi_pos():
    p = person_obj()
    k = R.randint(0, 4)
    if k == 0:
        return mk(P(name(p, ch(["fL", "fl"]))), "\n", AD(address(ch([0, 1, 4, 5, 6]), "\n")), "\n", PH(fmt_phone(phone_raw())),
                  f"\n\nMonsieur le Médiateur,\nJe conteste le refus de prise en charge de mes soins du {care_date()} ({amount()}). Malgré mes relances, dossier {ref()}, aucune réponse.",
                  " Mon numéro de sécurité sociale est ", NI(fmt_nir(nir_raw(p))), ".\nJe vous prie d'agréer…\n", P(p["first"] if R.random() < .5 else name(p, "fl")))
    if k == 1:
        return mk(f"SAISINE N° MED-{ch([2025, 2026])}-{R.randint(100, 9999):04d}\nRequérant : ", P(name(p, ch(["Lf", "fL"]))), " (", DOB(dob(p, ch([0, 2]))), ")\n",
                  "Courriel : ", EM(email(p)), "\nObjet : litige sur un devis dentaire (", ch(N.CCAM), f"), écart de {amount()}\nPraticien : Dr ",
                  P(name(person_obj(), ch(["L", "fL"]))), ", RPPS ", RP(fmt_rpps(rpps_raw())), "\nRecevabilité : oui (réclamation préalable du ", care_date(), ")")
    if k == 2:
        rep = person_obj()
        return mk(f"Association de consommateurs — antenne de {town()[1]}\nNous intervenons pour le compte de ", title(p), " ", P(name(p, ch(["fL", "fl"]))),
                  ", ", ch(["née", "né"]), " le ", DOB(dob(p, ch([1, 4]))), ", domicilié(e) ", AD(address(ch([0, 9, 4]), ", ")),
                  f". Le remboursement de ses lunettes a été refusé au motif d'un renouvellement anticipé.\nContact : ", P(name(rep, "fl")), ", ", PH(fmt_phone(phone_raw())), ", ", EM(email(rep)))
    if k == 3:
        return mk("AVIS DU MÉDIATEUR\nDans le différend opposant ", title(p), " ", P(name(p, ch(["fL", "iL"]))), f" à la mutuelle, le médiateur constate que la facture du {care_date()} ",
                  f"émise par l'orthophoniste ", P(name(person_obj(), ch(["fl", "iL"]))), " (ADELI ", AL(fmt_adeli(adeli_raw())), f") a été payée {amount()}. ",
                  "Il recommande le versement du complément sur le compte ", IB(fmt_iban(iban_raw(), ch([0, 3, 6]))), ".")
    s = person_obj()
    return mk("> Le médiateur a écrit :\n> Merci de préciser l'identité de l'assuré.\n\nIl s'agit de mon fils ", P(s["first"] + ch(["", " " + p["last"]])), ", né le ",
              DOB(dob(s, ch([0, 1, 7]))), ", NIR ", NI(fmt_nir(nir_raw(s), ch([0, 5, 9]))), ". Je suis sa mère, ", P(name(p, ch(["fl", "noacc"]))), ".\n", "Tél : ", PH(fmt_phone(phone_raw())))


def medi_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk(f"Le médiateur peut être saisi après épuisement des voies de recours internes, dans un délai d'un an. Saisine en ligne ou par courrier. Délai de réponse : {R.randint(60, 90)} jours.")
    if k == 1:
        return mk(f"Rapport annuel {ch([2024, 2025])} : {R.randint(100, 900)} saisines, {R.randint(20, 70)} % recevables, {R.randint(10, 60)} % d'avis favorables. Principaux motifs : dentaire ({ch(N.CCAM)}), optique, hospitalisation.")
    if k == 2:
        return mk(f"Avis anonymisé : Mme X conteste le refus de remboursement de soins du {care_date()} ({amount()}). Le médiateur rappelle les conditions générales, art. {R.randint(1, 40)}.")
    return mk(f"Saisine MED-{ch([2025, 2026])}-{R.randint(100, 9999):04d} irrecevable : réclamation préalable absente. {negs(2)}.")


OCR = {"0": "O", "1": "l", "5": "S", "8": "B"}


def ocr(s, rate=.18, allow_b=False):
    out = []
    for c in s:
        if c in OCR and (c != "8" or allow_b) and R.random() < rate:
            out.append(OCR[c])
        else:
            out.append(c)
    return "".join(out)


def ocr_txt(s, rate=.05):
    rep = {"e": "c", "i": "l", "m": "rn", "é": "e", "o": "0"}
    return "".join(rep[c] if c in rep and R.random() < rate else c for c in s)


def ocr_pos():
    p = person_obj()
    k = R.randint(0, 4)
    if k == 0:
        return mk(ocr_txt("CARTE DE TIERS PAYANT 2026\nAMC "), f"{R.randint(10000000, 99999999)}\n", ocr_txt("Adhérent : "), P(ocr_txt(name(p, "Lf").upper(), .08)),
                  "\nN° SS : ", NI(ocr(fmt_nir(nir_raw(p), ch([0, 1, 6])))), ocr_txt("\nValidité : du 01/01/2026 au 31/12/2026\nPHAR 100% LABO 100% OPTI 100% DENT 125%\n"),
                  "Bénéficiaire 2 : ", P(ocr_txt(name(person_obj(), "Lf").upper(), .06)), "  ", DOB(ocr(dob(person_obj(), 0), .1)))
    if k == 1:
        rows = []
        for j in range(R.randint(1, 3)):
            q = person_obj()
            rows += ["\n", P(ocr_txt(name(q, ch(["Lf", "fL"])), .05)), "  né(e) le ", DOB(ocr(dob(q, 0), .12)), f"  rang {j + 1}"]
        return mk(ocr_txt("ATTESTATION DE DROITS À L'ASSURANCE MALADIE\nAssuré(e) : "), P(name(p, "fL")), "\nN° d'immatriculation : ", NI(ocr(fmt_nir(nir_raw(p), 0), .15)),
                  "\nAdresse : ", AD(ocr_txt(address(ch([0, 3, 8]), "\n"), .04)), ocr_txt("\nBénéficiaires :"), *rows, f"\nCaisse : CPAM — organisme {R.randint(100000000, 999999999)}")
    if k == 2:
        return mk(ocr_txt("RELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte\n"), P(name(p, ch(["fL", "Lf"])).upper()), "\n", AD(address(ch([0, 3, 8]), "\n").upper()),
                  "\nIBAN\n", IB(fmt_iban(iban_raw(), ch([0, 1, 5]))), ocr_txt(f"\nBIC {ch(['BNPAFRPPXXX', 'CCBPFRPPXXX', 'AGRIFRPP882', 'SOGEFRPP'])}\nDomiciliation : agence {town()[1].upper()}"))
    if k == 3:
        return mk("Dr ", P(ocr_txt(name(p, ch(["fL", "fl"])), .05)), ocr_txt(f"\n{ch(['Médecine générale', 'Chirurgien-dentiste', 'Kinésithérapeute', 'Pédiatre'])}\n"),
                  "RPPS ", RP(ocr(rpps_raw(), .12)), " — ", ch(["AM ", "Finess cabinet "]), bad_luhn(9), "\n", AD(ocr_txt(address(ch([0, 1, 9]), "\n"), .04)), "\nTél. ",
                  PH(ocr(fmt_phone(phone_raw(), ch([0, 1])), .12)), ocr_txt(f"\n\nORDONNANCE du {care_date()}\n{ch(N.DRUGS)} — 1 cp matin et soir\nPour : "), P(name(person_obj(), ch(["fl", "fL"]))))
    e = person_obj()
    return mk(ocr_txt("ATTESTATION EMPLOYEUR — PORTABILITÉ\nL'entreprise "), ch(N.COMPANIES), ", SIRET ", SI(ocr(fmt_siret(siret_raw(), ch([1, 0, 4])), .1)),
              ocr_txt(", certifie que "), title(p), " ", P(name(p, "fL")), ", né(e) le ", DOB(ocr(dob(p, ch([0, 1])), .1)), ", NIR ", NI(ocr(fmt_nir(nir_raw(p), ch([0, 2])), .12)),
              ocr_txt(f", a quitté l'entreprise le {care_date()}.\nSignataire : "), P(name(e, ch(["fL", "iL"]))), ", DRH — ", EM(email(e).split("@")[0] + "@" + ch(["rh-groupe.fr", "entreprise.com", "societe.fr"])))


def ocr_neg():
    k = R.randint(0, 3)
    if k == 0:
        return mk(ocr_txt(f"TABLEAU DES GARANTIES 2026\nHospitalisation : 150 % BR\nForfait journalier : frais réels\nOptique : 100 % BR + {R.randint(100, 400)} €\nDentaire {ch(N.CCAM)} : 300 % BR\nAudiologie LPP {ch(N.LPP)} : 100 % BR", .06))
    if k == 1:
        return mk(ocr_txt(f"CONDITIONS GÉNÉRALES — Article {R.randint(1, 30)}\nLes prestations sont versées dans un délai de {R.randint(5, 15)} jours ouvrés. La mutuelle, immatriculée sous le n° {bad_luhn(9)}, est soumise au Livre II du Code de la mutualité.", .05))
    if k == 2:
        return mk(ocr_txt(f"DÉCOMPTE DE REMBOURSEMENT\nDate soins {care_date()}  Acte {ch(N.NGAP)}  Base {amount()}  Rembt SS {amount()}  Rembt mutuelle {amount()}\nRéf. {ref()}", .05))
    return mk(ocr_txt(f"PHARMACIE BLANC\n{ch(N.DRUGS)} x{R.randint(1, 3)}  {amount()}\nTOTAL {amount()}\nTICKET {R.randint(1000, 9999)} — MERCI DE VOTRE VISITE", .05))


def tail(style):
    q = person_obj()
    if style == "stt_transcript":
        return mk(f"\n{ts(9)} agent : merci {'monsieur' if q['sex'] == 'M' else 'madame'} ", P(ch([q["last"].lower(), q["last"]])), " bonne journée")
    if style == "im_thread":
        return mk(f"\n[{hm()}] ", P(strip_acc(q["first"]).lower()), ": sinon mon fixe c ", PH(fmt_phone(phone_raw(), ch([0, 2, 1]))))
    if style == "spreadsheet_paste":
        return mk("\n(extrait envoyé par ", P(name(q, ch(["fl", "iL"]))), " — ", EM(email(q)), ")")
    if style == "tiers_payant_reject":
        return mk("\nTransmis par ", P(name(q, ch(["fl", "fL"]))), ", tél. ", PH(fmt_phone(phone_raw())), f", le {care_date()}")
    if style == "hospital_stay":
        return mk("\nAgent d'accueil : ", P(name(q, ch(["fl", "iL", "L"]))), " — ligne directe ", PH(fmt_phone(phone_raw(), ch([0, 4, 9]))))
    if style == "social_fund":
        return mk("\nDossier instruit par ", P(name(q, "fl")), " (", EM(email(q)), f") — {negs(1)}")
    if style == "death_benefit":
        return mk("\nGestionnaire : ", P(name(q, ch(["fl", "iL"]))), ", ", PH(fmt_phone(phone_raw())), ", ", EM(email(q)))
    if style == "ombudsman":
        return mk("\nCopie : ", title(q), " ", P(name(q, ch(["fL", "fl"]))), ", ", AD(address(ch([0, 1, 2]), ", ")))
    return mk("\nCachet : ", P(name(q, "fL").upper()), " — Tél ", PH(ocr(fmt_phone(phone_raw(), 0), .1)), ", né(e) le ", DOB(ocr(dob(q, 0), .1)))


STYLES = [
    ("stt_transcript", stt_pos, stt_neg),
    ("im_thread", im_pos, im_neg),
    ("spreadsheet_paste", csv_pos, csv_neg),
    ("tiers_payant_reject", tp_pos, tp_neg),
    ("hospital_stay", hosp_pos, hosp_neg),
    ("social_fund", social_pos, social_neg),
    ("death_benefit", death_pos, death_neg),
    ("ombudsman", medi_pos, medi_neg),
    ("ocr_card", ocr_pos, ocr_neg),
]

PER_STYLE = 111


def main():
    out = []
    for sname, pos, neg in STYLES:
        n_neg = round(PER_STYLE * 0.18)
        kinds = [False] * n_neg + [True] * (PER_STYLE - n_neg)
        R.shuffle(kinds)
        for j, is_pos in enumerate(kinds):
            text, spans = (pos if is_pos else neg)()
            if is_pos and R.random() < .6:
                t2, s2 = tail(sname)
                text = text[:-1] if text.endswith("\n") else text
                spans = spans + [[a + len(text), b + len(text), l] for a, b, l in s2]
                text += t2
            spans = sorted(spans)
            out.append({"id": f"b9-{sname}-{j:03d}", "style": sname, "text": text, "spans": spans})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} texts, {sum(len(r['spans']) for r in out)} spans to {path}")


if __name__ == "__main__":
    main()
