"""Value generators and the small template engine used by corpus.py (standard library only)."""
import re
import sys
import unicodedata

sys.path.insert(0, "/work/main")
from confiance.identifiers import make_nir, make_siren, make_siret, make_fr_iban, luhn_check_digit, luhn_valid  # noqa: E402

from names import (SURNAMES, GIVEN, GIVEN_F, GIVEN_M, NICKNAMES, STREETS, TOWNS, RESIDENCES, LIEUXDITS,  # noqa: E402
                   COMPANIES, COMPANY_KINDS, PLACES, DRUGS, PETS)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
_U = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
      "treize", "quatorze", "quinze", "seize"]
_T = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def fr(n):
    if n < 17:
        return _U[n]
    if n < 20:
        return "dix-" + _U[n - 10]
    if n < 70:
        t, u = divmod(n, 10)
        return _T[t] if u == 0 else _T[t] + (" et un" if u == 1 else "-" + _U[u])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + fr(n - 60)
    if n == 80:
        return "quatre-vingts"
    if n < 100:
        return "quatre-vingt-" + fr(n - 80)
    if n < 1000:
        h, rest = divmod(n, 100)
        head = "cent" if h == 1 else _U[h] + " cent" + ("s" if rest == 0 else "")
        return head if rest == 0 else head + " " + fr(rest)
    th, rest = divmod(n, 1000)
    head = "mille" if th == 1 else fr(th) + " mille"
    return head if rest == 0 else head + " " + fr(rest)


def strip_accents_same_len(s):
    out = []
    for c in s:
        d = unicodedata.normalize("NFD", c)
        out.append(d[0] if len(d) > 1 and all(unicodedata.combining(x) for x in d[1:]) else c)
    return "".join(out)


class Gen:
    def __init__(self, r):
        self.r = r

    # ---------------- persons
    def first(self):
        return self.r.choice(GIVEN)

    def last(self):
        return self.r.choice(SURNAMES)

    def person(self, mode="", sex=""):
        r = self.r
        f, l = self.first(), self.last()
        if sex:
            f = r.choice(GIVEN_M if sex == "M" else GIVEN_F)
        k = r.random()
        if mode == "upper":
            return f"{l.upper()} {f.upper()}" if k < .6 else f"{l.upper()} {f}"
        if k < .30:
            s = f"{f} {l}"
        elif k < .50:
            s = f"{l.upper()} {f}"
        elif k < .62:
            s = f"{f} {l.upper()}"
        elif k < .72:
            s = f"{f[0]}. {l}"
        elif k < .80:
            s = f"{f} {self.first()} {l}" if r.random() < .5 else f"{l} {f}"
        elif k < .88:
            s = f"{f.lower()} {l.lower()}"
        elif k < .94:
            s = strip_accents_same_len(f"{f} {l}")
        else:
            s = f"{l.upper()}"
        return s

    def title(self):
        return self.r.choice(["M. ", "Mme ", "Madame ", "Monsieur ", "Mlle ", "Mr ", "MME ", "M ", "Mme "])

    def doctor_title(self):
        return self.r.choice(["Dr ", "Dr. ", "docteur ", "Docteur ", "le Dr ", "Pr ", "DR "])

    def nick(self):
        return self.r.choice(NICKNAMES)

    # ---------------- NIR
    def nir_raw(self, key=True):
        r = self.r
        dep = r.choice(["75", "69", "13", "59", "33", "2A", "2B", "971", "974", "972", "99", "29", "67", "93",
                        "31", "44", "62", "06", "20" if False else "64", "35"])
        commune = r.randint(1, 99) if len(dep) == 3 else r.randint(1, 450) if dep != "99" else r.choice([350, 134, 352, 212, 243, 139])
        n = make_nir(r.choice("MF"), r.randint(1932, 2007), r.randint(1, 12), dep, commune, r.randint(1, 999))
        return n if key else n[:13]

    def nir(self, mode=""):
        r = self.r
        n = self.nir_raw()
        b = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
        k = r.random()
        if mode == "machine" or k < .18:
            return n
        if mode == "spoken" and k < .6:
            w = [fr(int(b[0])), fr(int(b[1])) if b[1][0] != "0" else "zéro " + fr(int(b[1])),
                 fr(int(b[2])) if b[2][0] != "0" else "zéro " + fr(int(b[2]))]
            return ", ".join(w) + ", " + " ".join(b[3:6]) + r.choice([", clé ", " clé ", ", "]) + b[6]
        if k < .42:
            return " ".join(b)
        if k < .50:
            return ".".join(b)
        if k < .56:
            return "-".join(b)
        if k < .66:
            return n[:13] + r.choice([" ", " / ", " clé ", "  ", "-"]) + n[13:]
        if k < .74:
            return " ".join(b[:6]) + r.choice(["  ", " - ", " / "]) + b[6]
        if k < .82:
            return f"{b[0]} {b[1]}{b[2]} {b[3]}{b[4]} {b[5]} {b[6]}"
        if k < .90:
            return n[:13]
        return " ".join(b[:6])

    def bad_nir(self):
        n = self.nir_raw()
        good = int(n[13:])
        bad = (good + self.r.randint(1, 90)) % 97 or 96
        if bad == good:
            bad = (good % 96) + 1
        return n[:13] + f"{bad:02d}"

    # ---------------- phones
    def phone_digits(self):
        r = self.r
        k = r.random()
        if k < .45:
            p = "06"
        elif k < .65:
            p = "07"
        elif k < .85:
            p = "0" + r.choice("12345")
        elif k < .9:
            p = "09"
        else:
            p = r.choice(["0690", "0696", "0694", "0692", "0262", "0590", "0596", "0639"])
        return p + "".join(str(r.randint(0, 9)) for _ in range(10 - len(p)))

    def phone(self, mode=""):
        r = self.r
        d = self.phone_digits()
        pairs = [d[i:i + 2] for i in range(0, 10, 2)]
        k = r.random()
        if mode == "spoken" and k < .55:
            w = []
            for p in pairs:
                w.append(("zéro " + _U[int(p[1])]) if p[0] == "0" else fr(int(p)))
            return r.choice([", ", " ", " - "]).join(w)
        if mode == "machine":
            return d if k < .6 else "+33" + d[1:]
        if k < .25:
            return " ".join(pairs)
        if k < .35:
            return ".".join(pairs)
        if k < .42:
            return "-".join(pairs)
        if k < .55:
            return d
        if k < .67:
            return "+33 " + d[1] + " " + " ".join(pairs[1:])
        if k < .74:
            return "+33 (0)" + d[1] + " " + " ".join(pairs[1:])
        if k < .80:
            return "0033 " + d[1] + " " + " ".join(pairs[1:])
        if k < .86:
            return "+33" + d[1:]
        if k < .92:
            return f"{d[:2]} {d[2:5]} {d[5:8]} {d[8:]}" if r.random() < .5 else f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}"
        return "(+33) " + d[1:2] + "." + ".".join(pairs[1:])

    # ---------------- email
    def email(self):
        r = self.r
        f = strip_accents_same_len(self.first()).lower().replace(" ", "").replace("'", "")
        l = strip_accents_same_len(self.last()).lower().replace(" ", "").replace("'", "")
        f = f.replace("ş", "s").replace("ł", "l")
        l = "".join(c for c in l if c.isalnum() or c == "-")
        f = "".join(c for c in f if c.isalnum() or c == "-")
        dom = r.choice(["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "hotmail.fr", "yahoo.fr", "laposte.net",
                        "sfr.fr", "outlook.com", "icloud.com", "protonmail.com", "neuf.fr", "live.fr"])
        k = r.random()
        if k < .35:
            u = f"{f}.{l}"
        elif k < .5:
            u = f"{f[0]}{l}"
        elif k < .62:
            u = f"{l}.{f}{r.randint(1, 99)}"
        elif k < .72:
            u = f"{f}_{l}"
        elif k < .82:
            u = f"{f}{r.randint(1950, 2010)}"
        elif k < .9:
            u = f"{self.nick().lower()}.{l}"
        else:
            u = f"{f}-{l}"
            if r.random() < .5:
                dom = r.choice(["cabinet-" + l + ".fr", "notaires.fr", "mairie-lannion.fr", "ac-lyon.fr"])
        u = u.replace("--", "-")
        if r.random() < .06:
            u = u.upper()
            dom = dom.upper()
        return f"{u}@{dom}"

    # ---------------- IBAN
    def iban_raw(self):
        r = self.r
        if r.random() < .12:
            return self.foreign_iban()
        return make_fr_iban(r.choice([30004, 30003, 10278, 20041, 17515, 30002, 11315, 13335, 16606, 18206, 10907]),
                            r.randint(1, 99999), r.randint(1, 10 ** 11 - 1))

    def foreign_iban(self):
        r = self.r
        c, n = r.choice([("BE", 12), ("DE", 18), ("ES", 20), ("PT", 21), ("IT", None), ("LU", 16)])
        if c == "IT":
            bban = r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(str(r.randint(0, 9)) for _ in range(10)) + \
                "".join(str(r.randint(0, 9)) for _ in range(12))
        else:
            bban = "".join(str(r.randint(0, 9)) for _ in range(n))
        num = int("".join(str(int(ch, 36)) for ch in bban + c + "00"))
        return c + f"{98 - num % 97:02d}" + bban

    def iban(self, mode=""):
        r = self.r
        s = self.iban_raw()
        g = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        k = r.random()
        if mode == "machine":
            return s
        if k < .45:
            return g
        if k < .6:
            return s
        if k < .7:
            return g.lower() if r.random() < .5 else s.lower()
        if k < .82:
            parts = g.split(" ")
            cut = r.randint(2, len(parts) - 2)
            return " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])
        if k < .9:
            return "-".join(s[i:i + 4] for i in range(0, len(s), 4))
        return f"{s[:4]} {s[4:9]} {s[9:14]} {s[14:25]} {s[25:]}" if s.startswith("FR") else g

    # ---------------- SIREN/SIRET, RPPS, ADELI
    def siren_raw(self):
        return make_siren(self.r.randint(10000000, 99999999))

    def siret_raw(self):
        while True:
            s = self.siren_raw()
            if not s.startswith("356000000"):
                return make_siret(s, self.r.randint(1, 250))

    def siret(self, mode=""):
        r = self.r
        s = self.siret_raw()
        k = r.random()
        if mode == "machine" or k < .3:
            return s
        if k < .6:
            return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
        if k < .75:
            return f"{s[:9]} {s[9:]}"
        if k < .85:
            return f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}"
        return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:11]} {s[11:]}"

    def siren(self):
        s = self.siren_raw()
        k = self.r.random()
        return s if k < .4 else f"{s[:3]} {s[3:6]} {s[6:]}" if k < .85 else f"{s[:3]}.{s[3:6]}.{s[6:]}"

    def bad_luhn(self, n):
        while True:
            s = str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(n - 1))
            if not luhn_valid(s):
                return s

    def rpps(self):
        body = "10" + "".join(str(self.r.randint(0, 9)) for _ in range(8))
        s = body + luhn_check_digit(body)
        k = self.r.random()
        return s if k < .75 else f"{s[:1]} {s[1:5]} {s[5:8]} {s[8:]}" if k < .9 else f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"

    def adeli(self):
        r = self.r
        s = r.choice(["75", "69", "13", "33", "59", "2A", "31", "44", "97"]) + r.choice(["6", "7", "9", "8", "5"]) + \
            "".join(str(r.randint(0, 9)) for _ in range(6))
        if s.startswith("2A"):
            s = "20" + s[2:]
        return s if r.random() < .7 else f"{s[:2]} {s[2:5]} {s[5:]}"

    def finess(self):
        r = self.r
        return r.choice(["75", "69", "13", "33", "59", "97", "2A", "31"]).replace("2A", "2A") + "0" + \
            "".join(str(r.randint(0, 9)) for _ in range(6))

    # ---------------- dates
    def dob(self, mode=""):
        r = self.r
        y, m, d = r.randint(1928, 2008), r.randint(1, 12), r.randint(1, 28)
        k = r.random()
        if mode == "machine":
            return f"{y}{m:02d}{d:02d}" if k < .5 else f"{y % 100:02d}{m:02d}{d:02d}"
        if mode == "spoken" and k < .5:
            dd = "premier" if d == 1 else fr(d)
            return f"{dd} {MONTHS[m - 1]} {fr(y)}" if r.random() < .6 else f"{dd} {MONTHS[m - 1]} {fr(y // 100 * 100)[:0]}{'dix-neuf cent ' + fr(y % 100) if y < 2000 else fr(y)}"
        if k < .35:
            return f"{d:02d}/{m:02d}/{y}"
        if k < .45:
            return f"{d:02d}.{m:02d}.{y % 100:02d}" if r.random() < .5 else f"{d:02d}-{m:02d}-{y}"
        if k < .55:
            return f"{y}-{m:02d}-{d:02d}"
        if k < .75:
            return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
        if k < .83:
            return f"{d}/{m}/{y % 100:02d}"
        if k < .9:
            mo = MONTHS[m - 1]
            return f"{d:02d} {mo[:4]}{'.' if len(mo) > 4 else ''} {y}"
        return f"{fr(d) if d > 1 else 'premier'} {MONTHS[m - 1]} {y}"

    def dob_partial(self):
        r = self.r
        y, m = r.randint(1930, 2008), r.randint(1, 12)
        k = r.random()
        return f"{MONTHS[m - 1]} {y}" if k < .45 else str(y) if k < .8 else f"{m:02d}/{y}"

    def care_date(self):
        r = self.r
        y, m, d = r.choice([2024, 2025, 2026]), r.randint(1, 12), r.randint(1, 28)
        k = r.random()
        return f"{d:02d}/{m:02d}/{y}" if k < .5 else f"{d} {MONTHS[m - 1]} {y}" if k < .8 else f"{y}-{m:02d}-{d:02d}"

    # ---------------- addresses
    def street_line(self):
        r = self.r
        num = str(r.randint(1, 180))
        if r.random() < .15:
            num += r.choice([" bis", " ter", "bis", " B", " quater"])
        st = r.choice(STREETS)
        sep = r.choice([" ", " ", ", "])
        return f"{num}{sep}{st}"

    def town(self):
        cp, t = self.r.choice(TOWNS)
        return cp, t

    def address(self, mode="", multiline_ok=True):
        r = self.r
        cp, t = self.town()
        if mode == "upper" or r.random() < .12:
            t = t.upper()
        k = r.random()
        line = self.street_line()
        if k < .08:
            a = f"Lieu-dit {r.choice(LIEUXDITS)}, {cp} {t}"
        elif k < .16:
            a = f"Résidence {r.choice(RESIDENCES)}, bât. {r.choice('ABCDEFG')}, appt {r.randint(1, 120)}, {line}, {cp} {t}"
        elif k < .21:
            a = f"{line}, BP {r.randint(10, 999)}, {cp} {t} CEDEX"
        elif k < .25:
            a = f"{line}, CS {r.randint(10000, 99999)}, {cp} {t} Cedex {r.randint(1, 9)}"
        elif k < .40 and multiline_ok:
            a = f"{line}\n{cp} {t}"
        elif k < .52:
            a = line
        elif k < .58:
            a = f"{line} - {cp} {t}"
        elif k < .62:
            a = f"Appartement {r.randint(1, 60)}, escalier {r.choice('12AB')}, {line} {cp} {t}"
        else:
            a = f"{line}, {cp} {t}"
        if mode == "upper":
            a = a.upper()
        return a

    def amount(self):
        r = self.r
        v = r.randint(5, 9000) + r.choice([0, .5, .25, .8, .99])
        k = r.random()
        s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
        return s + r.choice([" €", " €", " EUR", "€"]) if k < .85 else f"{r.randint(1, 3)} {r.randint(100, 999)},{r.randint(10, 99)} €"

    def ref(self):
        r = self.r
        k = r.random()
        if k < .2:
            return f"{r.choice(['REC', 'DOS', 'SIN', 'RGPD', 'AUD', 'DEV'])}-{r.randint(2024, 2026)}-{r.randint(1000, 999999):06d}"
        if k < .4:
            return f"{r.randint(10 ** 7, 10 ** 8 - 1)}"
        if k < .55:
            return f"{r.choice('ABCDEFGH')}{r.randint(100000, 9999999)}"
        if k < .7:
            return f"{r.randint(10 ** 10, 10 ** 11 - 1)}"
        if k < .85:
            return f"FAC{r.randint(2025, 2026)}{r.randint(10000, 99999)}"
        return f"{r.randint(1000, 9999)}/{r.randint(10, 99)}/{r.choice(['MUT', 'PREV', 'SAN'])}"

    def act(self):
        return self.r.choice(["HBLD038", "HBMD049", "YYYY010", "AMI 4", "AMI 1,5", "AMK 8", "C 26,50 €", "G",
                              "LPP 1240120", "LPP 6520280", "LPP 1275063", "TDA ?", "NKR 30", "QZFA001", "AIS 3",
                              "BFGA004", "GLQP012", "K 20", "APC", "1157162", "1285960"])

    def tooth(self):
        return f"dent {self.r.choice([11, 12, 16, 21, 26, 36, 37, 46, 47, 48])}"


TOKEN = re.compile(r"\{([A-Z0-9_]+)\}")
ALT = re.compile(r"<<([^<>]*)>>")


class Builder:
    def __init__(self):
        self.parts, self.spans, self.pos = [], [], 0

    def t(self, s):
        self.parts.append(s)
        self.pos += len(s)

    def v(self, s, label):
        s2 = s.strip()
        lead = len(s) - len(s.lstrip())
        if lead:
            self.t(s[:lead])
        self.spans.append([self.pos, self.pos + len(s2), label])
        self.t(s2)
        if len(s) - lead - len(s2):
            self.t(s[lead + len(s2):])

    def text(self):
        return "".join(self.parts)


class Filler:
    """Renders a template: <<a|b>> alternatives, {TOKENS} placeholders."""

    def __init__(self, r, mode=""):
        self.r, self.g, self.mode = r, Gen(r), mode

    def pick_alts(self, tpl):
        while True:
            m = ALT.search(tpl)
            if not m:
                return tpl
            tpl = tpl[:m.start()] + self.r.choice(m.group(1).split("|")) + tpl[m.end():]

    def render(self, tpl, b=None):
        b = b or Builder()
        tpl = self.pick_alts(tpl)
        i = 0
        for m in TOKEN.finditer(tpl):
            b.t(tpl[i:m.start()])
            self.emit(m.group(1), b)
            i = m.end()
        b.t(tpl[i:])
        return b

    def emit(self, tok, b):
        g, r, mode = self.g, self.r, self.mode
        upper = mode == "upper"
        if tok == "P":
            b.v(g.person("upper" if upper else ""), "PERSON")
        elif tok == "PT":
            t = g.title()
            b.t(t)
            sex = "M" if t.strip() in ("M.", "Monsieur", "Mr", "M") else "F"
            b.v(g.person("upper" if upper else "", sex), "PERSON")
        elif tok in ("COF", "COS", "COB", "COV", "COA"):
            b.t(r.choice(COMPANY_KINDS[tok]))
        elif tok == "PF":
            b.v(g.first(), "PERSON")
        elif tok == "PFN":
            b.v(g.first() if r.random() < .6 else g.nick(), "PERSON")
        elif tok == "PL":
            b.v(g.last().upper() if r.random() < .3 else g.last(), "PERSON")
        elif tok == "DR":
            b.t(g.doctor_title())
            b.v(g.last() if r.random() < .55 else g.person(), "PERSON")
        elif tok == "NEE":
            b.t(r.choice(["née ", "épouse ", "née ", "nom de naissance : ", "ép. "]))
            b.v(g.last().upper() if r.random() < .5 else g.last(), "PERSON")
        elif tok == "NIR":
            b.v(g.nir(mode), "NIR")
        elif tok == "NIR13":
            b.v(g.nir_raw(key=False), "NIR")
        elif tok == "TEL":
            b.v(g.phone(mode), "PHONE")
        elif tok == "MAIL":
            b.v(g.email(), "EMAIL")
        elif tok == "IBAN":
            b.v(g.iban(mode), "IBAN")
        elif tok == "ADR":
            b.v(g.address("upper" if upper else ""), "ADDRESS")
        elif tok == "ADR1":
            b.v(g.address("upper" if upper else "", multiline_ok=False), "ADDRESS")
        elif tok == "SIRET":
            b.v(g.siret(mode), "SIRET")
        elif tok == "SIREN":
            b.v(g.siren(), "SIRET")
        elif tok == "RPPS":
            b.v(g.rpps(), "RPPS")
        elif tok == "ADELI":
            b.v(g.adeli(), "ADELI")
        elif tok == "DOB":
            b.v(g.dob(mode), "DATE_OF_BIRTH")
        elif tok == "DOBP":
            b.v(g.dob_partial(), "DATE_OF_BIRTH")
        elif tok == "DOBY":
            b.v(str(r.randint(1930, 2006)), "DATE_OF_BIRTH")
        # ---- negatives (plain text)
        elif tok == "AMT":
            b.t(g.amount())
        elif tok == "DATE":
            b.t(g.care_date())
        elif tok == "REF":
            b.t(g.ref())
        elif tok == "BADNIR":
            b.t(g.bad_nir())
        elif tok == "BAD14":
            s = g.bad_luhn(14)
            b.t(s if r.random() < .5 else f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}")
        elif tok == "BAD9":
            s = g.bad_luhn(9)
            b.t(s if r.random() < .5 else f"{s[:3]} {s[3:6]} {s[6:]}")
        elif tok == "FINESS":
            b.t(g.finess())
        elif tok == "CPV":
            cp, t = g.town()
            b.t(f"{cp} {t}" if r.random() < .5 else t)
        elif tok == "VILLE":
            b.t(g.town()[1])
        elif tok == "CP":
            b.t(g.town()[0])
        elif tok == "ACT":
            b.t(g.act())
        elif tok == "DRUG":
            b.t(r.choice(DRUGS))
        elif tok == "DENT":
            b.t(g.tooth())
        elif tok == "PLACE":
            b.t(r.choice(PLACES))
        elif tok == "CO":
            b.t(r.choice(COMPANIES))
        elif tok == "RUE":
            b.t(r.choice(STREETS))
        elif tok == "PET":
            b.t(r.choice(PETS))
        elif tok == "N2":
            b.t(str(r.randint(2, 40)))
        elif tok == "PCT":
            b.t(f"{r.randint(5, 100)} %")
        elif tok == "HOUR":
            b.t(f"{r.randint(8, 18)}h{r.choice(['00', '15', '30', '45'])}")
        elif tok == "YEAR":
            b.t(str(r.randint(2019, 2026)))
        elif tok == "CONTRAT":
            b.t(f"{r.choice(['CT', 'MUT', 'PRV', 'SAN', ''])}{r.randint(100000, 9999999)}")
        elif tok == "PUCE":
            b.t("250" + "".join(str(r.randint(0, 9)) for _ in range(12)))
        else:
            raise KeyError(tok)
