"""Value generators and rendering helpers for corpus.py (blind12)."""
import re
import unicodedata

import sys
sys.path.insert(0, "/work/main")
from confiance.identifiers import make_nir, nir_key, make_siren, make_siret, make_fr_iban, luhn_check_digit, luhn_valid

import names as N

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
MONTHS_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}


def fr_num(n):
    if n < 20:
        return UNITS[n]
    if n < 70 or 80 <= n < 90:
        t, u = divmod(n, 10)
        base = TENS[t]
        if u == 0:
            return base + ("s" if t == 8 else "")
        if u == 1 and t != 8:
            return base + " et un"
        return base + "-" + UNITS[u]
    if n < 80:
        u = n - 60
        return "soixante et onze" if u == 11 else "soixante-" + UNITS[u]
    u = n - 80
    return "quatre-vingt-" + UNITS[u]


def fr_year(y):
    if y >= 2000:
        r = y - 2000
        return "deux mille" + ("" if r == 0 else " " + fr_num(r))
    return "mil neuf cent " + fr_num(y - 1900)


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def T(template, **kw):
    """Render: {key} -> kw[key]; a tuple (value, LABEL) is an entity, a str is plain text.
    Returns (text, spans)."""
    parts, spans, pos = [], [], 0
    for piece in re.split(r"(\{[A-Za-z_0-9]+\})", template):
        m = re.fullmatch(r"\{([A-Za-z_0-9]+)\}", piece)
        if m and m.group(1) in kw:
            v = kw[m.group(1)]
            if isinstance(v, Doc):
                for (s, e, l) in v.spans:
                    spans.append([pos + s, pos + e, l])
                piece = v.text
            elif isinstance(v, tuple):
                val, lab = v
                if lab:
                    assert val == val.strip() and val, (val, lab)
                    spans.append([pos, pos + len(val), lab])
                piece = val
            else:
                piece = v
        parts.append(piece)
        pos += len(piece)
    return Doc("".join(parts), spans)


class Doc:
    def __init__(self, text, spans):
        self.text, self.spans = text, spans

    def __add__(self, other):
        if isinstance(other, str):
            other = Doc(other, [])
        n = len(self.text)
        return Doc(self.text + other.text, self.spans + [[s + n, e + n, l] for s, e, l in other.spans])


def J(*docs):
    out = Doc("", [])
    for d in docs:
        out = out + d
    return out


class Gen:
    def __init__(self, rng):
        self.r = rng

    # ---------------------------------------------------------------- people
    def person(self, sex=None, age=None):
        r = self.r
        pool = [g for g in N.GIVEN if sex is None or g[1] == sex]
        first, sx = r.choice(pool)
        last = r.choice(N.SURNAMES)
        if age is None:
            age = r.randint(18, 85)
        year = 2026 - age
        return {"first": first, "last": last, "sex": sx, "y": year, "m": r.randint(1, 12), "d": r.randint(1, 28)}

    def pname(self, p, mode=None):
        """A name variant (no title). Returns (str, 'PERSON')."""
        r = self.r
        f, l = p["first"], p["last"]
        mode = mode or r.choice(["fl", "fL", "Lf", "if", "fl", "fL", "low", "fold", "LF", "l_only", "iL"])
        def ini(x):
            return "-".join(part[0] + "." for part in x.split("-"))
        if mode == "fl": s = f"{f} {l}"
        elif mode == "fL": s = f"{f} {l.upper()}"
        elif mode == "Lf": s = f"{l.upper()} {f}"
        elif mode == "LF": s = f"{l.upper()} {f.upper()}"
        elif mode == "if": s = f"{ini(f)} {l}"
        elif mode == "iL": s = f"{ini(f)} {l.upper()}"
        elif mode == "low": s = f"{f} {l}".lower()
        elif mode == "fold": s = fold(f"{f} {l}")
        elif mode == "l_only": s = l
        elif mode == "L_only": s = l.upper()
        elif mode == "f_only": s = f
        elif mode == "nick": s = N.NICKNAMES.get(f, f)
        else: raise ValueError(mode)
        return (s, "PERSON")

    def title(self, p, short=True):
        if p["sex"] == "F":
            return self.r.choice(["Mme", "Mme", "Madame", "Mme."] if short else ["Madame"])
        return self.r.choice(["M.", "M.", "Monsieur", "Mr"] if short else ["Monsieur"])

    # ---------------------------------------------------------------- dates of birth
    def dob(self, p, mode=None):
        r = self.r
        d, m, y = p["d"], p["m"], p["y"]
        mode = mode or r.choice(["num", "num", "dots", "iso", "long", "long", "abbr", "short", "words",
                                 "dash", "num", "long"])
        if mode == "num": s = f"{d:02d}/{m:02d}/{y}"
        elif mode == "dots": s = f"{d:02d}.{m:02d}.{y}"
        elif mode == "dash": s = f"{d:02d}-{m:02d}-{y % 100:02d}"
        elif mode == "iso": s = f"{y}-{m:02d}-{d:02d}"
        elif mode == "long": s = f"{d} {MONTHS[m-1]} {y}"
        elif mode == "abbr": s = f"{d} {MONTHS_ABBR[m-1]} {y}"
        elif mode == "short": s = f"{d}/{m}/{y % 100:02d}"
        elif mode == "my": s = f"{MONTHS[m-1]} {y}"
        elif mode == "y": s = f"{y}"
        elif mode == "words": s = f"{fr_num(d) if d > 1 else 'premier'} {MONTHS[m-1]} {fr_year(y)}"
        elif mode == "1er": s = f"1er {MONTHS[m-1]} {y}"
        elif mode == "compact": s = f"{d:02d}{m:02d}{y}"
        else: raise ValueError(mode)
        return (s, "DATE_OF_BIRTH")

    # ---------------------------------------------------------------- NIR
    def nir_raw(self, p, dep=None, born_abroad=False):
        r = self.r
        if dep is None:
            dep = r.choice(["75", "69", "13", "59", "2A", "2B", "971", "974", "972", "29", "67", "33", "93",
                            "44", "06", "31", "57", "35", "99", "62", "34", "92"])
        commune = r.randint(1, 99) if len(dep) == 3 else r.randint(1, 400)
        if dep == "99":
            commune = r.choice([350, 352, 109, 139, 134, 341, 243, 122, 127])
        return make_nir(p["sex"], p["y"], p["m"], dep, commune, r.randint(1, 999))

    def nir(self, p, mode=None, dep=None):
        r = self.r
        n = self.nir_raw(p, dep)
        mode = mode or r.choice(["compact", "sp", "sp", "sp2", "dots", "dash", "slash", "keyapart", "nokey",
                                 "sp", "compact", "keydash"])
        a, b, c, d, e, f, k = n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]
        if mode == "compact": s = n
        elif mode == "sp": s = f"{a} {b} {c} {d} {e} {f} {k}"
        elif mode == "sp2": s = f"{a} {b} {c} {d} {e} {f}  {k}"
        elif mode == "dots": s = f"{a}.{b}.{c}.{d}.{e}.{f}.{k}"
        elif mode == "dash": s = f"{a}-{b}-{c}-{d}-{e}-{f}-{k}"
        elif mode == "slash": s = f"{n[:13]} / {k}"
        elif mode == "keyapart": s = f"{a} {b} {c} {d} {e} {f} - {k}"
        elif mode == "keydash": s = f"{n[:13]}-{k}"
        elif mode == "nokey": s = r.choice([n[:13], f"{a} {b} {c} {d} {e} {f}"])
        else: raise ValueError(mode)
        return (s, "NIR")

    def fake_nir15(self):
        """15 digits shaped like a NIR but with a wrong key (hard negative)."""
        p = self.person()
        n = self.nir_raw(p)
        k = int(n[13:])
        bad = (k + self.r.randint(1, 50)) % 97 + 1
        if bad == k:
            bad = k % 96 + 1
        return n[:13] + f"{bad:02d}"

    # ---------------------------------------------------------------- phones
    def phone(self, mode=None, kind=None):
        r = self.r
        kind = kind or r.choice(["06", "07", "01", "02", "03", "04", "05", "09", "06", "07", "0690", "0692", "0696",
                                 "0694", "0639"])
        if len(kind) == 4:
            digits = kind + "".join(str(r.randint(0, 9)) for _ in range(6))
        else:
            digits = kind + "".join(str(r.randint(0, 9)) for _ in range(8))
        pairs = [digits[i:i + 2] for i in range(0, 10, 2)]
        nat = digits[1:]
        mode = mode or r.choice(["sp", "sp", "sp", "dots", "dash", "compact", "intl", "intl0", "0033", "intlc",
                                 "sp", "dots", "spoken", "slash", "ovs"])
        if mode == "sp": s = " ".join(pairs)
        elif mode == "dots": s = ".".join(pairs)
        elif mode == "dash": s = "-".join(pairs)
        elif mode == "slash": s = f"{pairs[0]}/{''.join(pairs[1:3])}/{''.join(pairs[3:])}"
        elif mode == "compact": s = digits
        elif mode == "intl": s = "+33 " + nat[0] + " " + " ".join(nat[i:i + 2] for i in range(1, 9, 2))
        elif mode == "intl0": s = "+33 (0)" + nat[0] + " " + " ".join(nat[i:i + 2] for i in range(1, 9, 2))
        elif mode == "0033": s = "0033 " + nat[0] + " " + " ".join(nat[i:i + 2] for i in range(1, 9, 2))
        elif mode == "intlc": s = "+33" + nat
        elif mode == "ovs":
            code = {"0690": "+590", "0691": "+590", "0692": "+262", "0693": "+262", "0696": "+596",
                    "0694": "+594", "0639": "+262"}.get(kind, "+33")
            s = f"{code} {nat[:3]} {nat[3:5]} {nat[5:7]} {nat[7:9]}"
        elif mode == "spoken":
            words = ["zéro " + fr_num(int(digits[1]))] + [fr_num(int(pp)) if pp[0] != "0" else "zéro " + fr_num(int(pp[1])) for pp in pairs[1:]]
            s = ", ".join(words)
        else: raise ValueError(mode)
        return (s, "PHONE")

    # ---------------------------------------------------------------- e-mail
    def email(self, p=None, mode=None):
        r = self.r
        if p is None:
            p = self.person()
        f = re.sub(r"[^a-z\-]", "", fold(p["first"]).lower().replace(" ", "-"))
        l = re.sub(r"[^a-z\-]", "", fold(p["last"]).lower().replace(" ", "").replace("'", ""))
        mode = mode or r.choice(["f.l", "fl", "f_l", "il", "l.f", "fl99", "f.l.y", "nick"])
        if mode == "f.l": u = f"{f}.{l}"
        elif mode == "fl": u = f"{f}{l}"
        elif mode == "f_l": u = f"{f}_{l}"
        elif mode == "il": u = f"{f[0]}{l}"
        elif mode == "l.f": u = f"{l}.{f}"
        elif mode == "fl99": u = f"{f}.{l}{r.randint(1, 99)}"
        elif mode == "f.l.y": u = f"{f}.{l}{p['y']}"
        else: u = f"{f[:3]}{l[:4]}{r.randint(10, 999)}"
        dom = r.choice(N.EMAIL_DOMAINS)
        s = f"{u}@{dom}"
        if r.random() < 0.08:
            s = s.upper() if r.random() < 0.5 else s.capitalize()
        return (s, "EMAIL")

    def pro_email(self, p, domain):
        f = re.sub(r"[^a-z\-]", "", fold(p["first"]).lower())
        l = re.sub(r"[^a-z\-]", "", fold(p["last"]).lower().replace(" ", "").replace("'", ""))
        return (f"{f[0]}.{l}@{domain}" if self.r.random() < 0.5 else f"{f}.{l}@{domain}", "EMAIL")

    # ---------------------------------------------------------------- IBAN
    def iban(self, mode=None, foreign=None):
        r = self.r
        if foreign is None:
            foreign = r.random() < 0.12
        if foreign:
            cc = r.choice(["BE", "DE", "ES", "PT", "IT"])
            if cc == "BE":
                bban = "".join(str(r.randint(0, 9)) for _ in range(12))
            elif cc == "DE":
                bban = "".join(str(r.randint(0, 9)) for _ in range(18))
            elif cc == "ES":
                bban = "".join(str(r.randint(0, 9)) for _ in range(20))
            elif cc == "PT":
                bban = "".join(str(r.randint(0, 9)) for _ in range(21))
            else:
                bban = r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(str(r.randint(0, 9)) for _ in range(10)) + \
                    "".join(str(r.randint(0, 9)) for _ in range(12))
            num = int("".join(str(int(ch, 36)) for ch in bban + cc + "00"))
            iban = f"{cc}{98 - num % 97:02d}{bban}"
        else:
            iban = make_fr_iban(r.choice([30004, 30003, 20041, 10278, 16006, 11306, 18206, 30002, 10107, 12506,
                                          13335, 42559, 15589, 17515, 19106]),
                                r.randint(100, 9999), r.randint(10 ** 9, 10 ** 11 - 1))
        g = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        mode = mode or r.choice(["g", "g", "g", "compact", "lower", "split", "g2", "dash"])
        if mode == "g": s = g
        elif mode == "compact": s = iban
        elif mode == "lower": s = r.choice([g, iban]).lower()
        elif mode == "split":
            parts = g.split(" ")
            cut = r.randint(2, len(parts) - 2)
            s = " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])
        elif mode == "g2": s = g.replace(" ", "  ")
        elif mode == "dash": s = g.replace(" ", "-")
        else: raise ValueError(mode)
        return (s, "IBAN")

    # ---------------------------------------------------------------- SIREN / SIRET
    def siren_raw(self):
        while True:
            s = make_siren(self.r.randint(10 ** 7, 10 ** 8 - 1))
            if not s.startswith("356000000"):
                return s

    def siret(self, mode=None):
        r = self.r
        sr = self.siren_raw()
        st = make_siret(sr, r.randint(1, 99) if r.random() < 0.7 else r.randint(100, 9999))
        mode = mode or r.choice(["st_c", "st_g", "st_g", "st_g2", "st_dot", "sr_g", "sr_c", "sr_dot", "st_odd"])
        if mode == "st_c": s = st
        elif mode == "st_g": s = f"{st[:3]} {st[3:6]} {st[6:9]} {st[9:]}"
        elif mode == "st_g2": s = f"{st[:9]} {st[9:]}"
        elif mode == "st_dot": s = f"{st[:3]}.{st[3:6]}.{st[6:9]}.{st[9:]}"
        elif mode == "st_odd": s = f"{st[:2]} {st[2:7]} {st[7:11]} {st[11:]}"
        elif mode == "sr_g": s = f"{sr[:3]} {sr[3:6]} {sr[6:]}"
        elif mode == "sr_c": s = sr
        elif mode == "sr_dot": s = f"{sr[:3]}.{sr[3:6]}.{sr[6:]}"
        else: raise ValueError(mode)
        return (s, "SIRET")

    def bad_luhn(self, n):
        while True:
            s = str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))
            if not luhn_valid(s):
                return s

    # ---------------------------------------------------------------- RPPS / ADELI / FINESS
    def rpps(self, mode=None):
        body = "10" + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        s = body + luhn_check_digit(body)
        mode = mode or self.r.choice(["c", "c", "c", "g"])
        if mode == "g":
            s = f"{s[:1]} {s[1:4]} {s[4:7]} {s[7:]}" if self.r.random() < 0.5 else f"{s[:5]} {s[5:]}"
        return (s, "RPPS")

    def adeli(self, mode=None):
        r = self.r
        dep = r.choice(["75", "69", "13", "33", "59", "67", "29", "06", "31", "44", "97", "34"])
        prof = r.choice(["36", "40", "50", "60", "70", "80", "28", "26", "91", "94"])  # audio, dentist, optician...
        body = dep + prof + "".join(str(r.randint(0, 9)) for _ in range(4))
        s = body + luhn_check_digit(body)
        mode = mode or r.choice(["c", "c", "g"])
        if mode == "g":
            s = f"{s[:2]} {s[2:4]} {s[4:8]} {s[8]}" if r.random() < 0.5 else f"{s[:3]} {s[3:6]} {s[6:]}"
        return (s, "ADELI")

    def finess(self):
        dep = self.r.choice(["75", "69", "13", "33", "59", "67", "29", "06", "31", "44", "2A", "97"])
        body = dep + "0" + "".join(str(self.r.randint(0, 9)) for _ in range(5))
        b2 = body.replace("2A", "20")
        return body + luhn_check_digit(b2)

    # ---------------------------------------------------------------- addresses
    def street(self):
        r = self.r
        num = str(r.randint(1, 180))
        if r.random() < 0.15:
            num += r.choice([" bis", " ter", "bis", "B", " Bis", "ter"])
        st = r.choice(N.STREETS)
        if r.random() < 0.1:
            w = st.split(" ")[0]
            if w in N.STREET_TYPES_ABBR:
                st = N.STREET_TYPES_ABBR[w] + st[len(w):]
        sep = ", " if r.random() < 0.2 else " "
        return f"{num}{sep}{st}"

    def town(self):
        return self.r.choice(N.TOWNS)

    def address(self, mode=None, town=None):
        r = self.r
        pc, tw = town or self.town()
        if r.random() < 0.12:
            tw = tw.upper()
        mode = mode or r.choice(["full", "full", "full", "street", "twoline", "res", "ld", "bp", "cedex", "full"])
        st = self.street()
        if mode == "full": s = f"{st}, {pc} {tw}" if r.random() < 0.7 else f"{st} {pc} {tw}"
        elif mode == "street": s = st
        elif mode == "twoline": s = f"{st}\n{pc} {tw}"
        elif mode == "res":
            s = f"{r.choice(N.RESIDENCES)}, bât. {r.choice('ABCDE')}, appt {r.randint(1, 120)}, {st}, {pc} {tw}"
            if r.random() < 0.3:
                s = f"{r.choice(N.RESIDENCES)} - Bâtiment {r.choice('ABCDE')} - {st}\n{pc} {tw}"
        elif mode == "ld": s = f"Lieu-dit {r.choice(N.LIEUX_DITS)}, {pc} {tw}" if r.random() < 0.6 else f"{st}, lieu-dit {r.choice(N.LIEUX_DITS)}, {pc} {tw}"
        elif mode == "bp": s = f"{st}, BP {r.randint(1, 999)}, {pc} {tw}"
        elif mode == "cedex": s = f"{st}, CS {r.randint(10000, 99999)}, {pc} {tw.upper()} CEDEX" + (f" {r.randint(1, 20)}" if r.random() < 0.3 else "")
        else: raise ValueError(mode)
        return (s, "ADDRESS")

    # ---------------------------------------------------------------- hard-negative fillers (plain strings)
    def amount(self, lo=5, hi=4000):
        r = self.r
        v = r.randint(lo, hi) + r.choice([0, 0.5, 0.9, 0.15, 0.37, 0.8])
        s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
        return r.choice([f"{s} €", f"{s}€", f"{s} EUR", f"€{s}"])

    def care_date(self):
        r = self.r
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.choice([2025, 2026])
        return r.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[m-1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y % 100}"])

    def ref(self):
        r = self.r
        k = r.choice(["DOS", "SIN", "REC", "CTR", "ADH", "FAC", "DEV", "TKT", "RDV", "CMD", "PEC", "LIC", "CAM"])
        return r.choice([f"{k}-{r.randint(2024, 2026)}-{r.randint(1, 999999):06d}", f"{k}{r.randint(10 ** 6, 10 ** 8)}",
                         self.bad_luhn(r.choice([8, 9])), f"{k}/{r.randint(10, 99)}/{r.randint(1000, 99999)}"])

    def ccam(self):
        return self.r.choice(["HBLD038", "HBMD053", "HBGD035", "YYYY010", "ZBQK002", "QZFA036", "DEQP003",
                              "HBKD140", "LBLD017", "BJQP002", "CDQP010", "JKQE003", "QEQK004", "EQQP002"])

    def ngap(self):
        return self.r.choice(["AMI 4", "AMI 1,5", "C 2", "APC", "AMS 7,5", "SFI 3", "TO 90", "G", "CS", "V",
                              "AMK 8,1", "K 5", "BMR 28"])

    def lpp(self):
        return self.r.choice(["2443012", "2203240", "2261170", "1184323", "2355084", "1312002", "2235541",
                              "2335454", "6208110", "2408301"])

    def drug(self):
        return self.r.choice(["Doliprane 1000 mg", "Levothyrox 75 µg", "Kardegic 75", "amoxicilline 1 g",
                              "Eliquis 5 mg", "metformine 850", "Ventoline", "Spasfon", "Seresta 10",
                              "vaccin Efluelda", "Comirnaty", "Gardasil 9", "Prevenar 20", "Vaxigrip Tetra",
                              "Beyfortus", "Boostrix Tetra", "Inexium 20", "Lyrica 75 mg"])

    def hospital(self):
        return self.r.choice(["hôpital Saint-Louis", "clinique Sainte-Marie", "CHU de Rennes", "hôpital Rothschild",
                              "Centre Léon Bérard", "hôpital Necker", "clinique Pasteur", "hôpital Édouard Herriot",
                              "CH Saint-Joseph", "hôpital Sainte-Anne", "Institut Gustave Roussy",
                              "clinique Jean Villar", "CHU Félix Guyon", "hôpital Georges Pompidou",
                              "polyclinique Saint-Jean", "hôpital Bichat-Claude Bernard", "CHU Pierre Zobda-Quitman"])

    def company(self):
        return self.r.choice(["Ambulances Martin SARL", "Optique Lefebvre", "Audition Mercier", "Pharmacie Bernard",
                              "Transports Girard & Fils", "Boulangerie Moreau", "SCI Dubois Patrimoine",
                              "Garage Roux", "Centre dentaire Saint-Michel", "Laboratoire Blanc-Perrin",
                              "Harmonie Voltaire", "Cabinet Fontaine Audition", "Optic Durand & Co",
                              "EHPAD Les Jardins de Marie", "Maison Simon Traiteur"])

    def de_h(self, h=None):
        h = h or self.hospital()
        if h.startswith("hôpital"):
            return "de l'" + h
        if h.startswith(("clinique", "polyclinique")):
            return "de la " + h
        return "du " + h

    def a_h(self, h=None):
        h = h or self.hospital()
        if h.startswith("hôpital"):
            return "à l'" + h
        if h.startswith(("clinique", "polyclinique")):
            return "à la " + h
        return "au " + h

    def tooth(self):
        return str(self.r.choice([11, 12, 13, 14, 15, 16, 17, 21, 22, 24, 26, 27, 31, 34, 36, 37, 44, 46, 47]))

    def town_alone(self):
        pc, tw = self.town()
        return self.r.choice([f"{pc} {tw}", tw, f"{tw} ({pc[:2]})", pc])
