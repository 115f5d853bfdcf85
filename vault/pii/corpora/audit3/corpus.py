# ruff: noqa
# HELD OUT (audit-3). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit3`) may be looked at, and only
# to report them.

"""Blind evaluation corpus for a French PII detector (mutuelle context).

Deterministic: fixed seed, stdlib + Faker fr_FR + confiance.identifiers (valid
NIR / SIREN / SIRET / IBAN / Luhn generators only).  Writes corpus.jsonl next
to this file.  Run: /work/main/.venv/bin/python /tmp/blind3/corpus.py
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, "/work/main")
from confiance.identifiers import (  # noqa: E402
    iban_check_digits,
    luhn_check_digit,
    luhn_valid,
    make_fr_iban,
    make_nir,
    make_siren,
    make_siret,
    nir_key_valid,
)
from faker import Faker  # noqa: E402

SEED = 20261127
rng = random.Random(SEED)
fake = Faker("fr_FR")
fake.seed_instance(SEED)

HERE = Path(__file__).resolve().parent
PER_STYLE = 112
NO_PII_SHARE = 0.20
TODAY = dt.date(2025, 6, 15)  # reference date for ages

# ----------------------------------------------------------------------------
# text builder: offsets are computed while the text is assembled
# ----------------------------------------------------------------------------


class B:
    def __init__(self, tf=None):
        self.parts: list[str] = []
        self.spans: list[list] = []
        self.n = 0
        self.tf = tf  # transform for plain text (length preserving)

    def t(self, s: str, raw: bool = False):
        if self.tf and not raw:
            s = self.tf(s)
        self.parts.append(s)
        self.n += len(s)
        return self

    def e(self, s: str, label: str):
        assert s == s.strip() and s, (s, label)
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        self.spans.append([start, self.n, label])
        return self

    def text(self) -> str:
        return "".join(self.parts)


def ch(seq):
    return rng.choice(seq)


def p(x: float) -> bool:
    return rng.random() < x


def strip_accents(s: str) -> str:
    out = []
    for c in s:
        d = unicodedata.normalize("NFD", c)
        base = "".join(x for x in d if not unicodedata.combining(x))
        out.append(base if len(base) == 1 else c)
    return "".join(out)


# ----------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------

FOREIGN_LAST = [
    "Nguyen", "Tran", "Benali", "Benmoussa", "Haddad", "Diallo", "Traoré", "Coulibaly", "Kowalski",
    "Nowak", "Da Silva", "Dos Santos", "Fernandes", "Pereira", "Öztürk", "Yılmaz", "Rossi", "Esposito",
    "García", "Martínez", "Schmitt", "Müller", "Bouzid", "Mebarki", "Cissé", "Ndiaye", "N'Diaye",
    "Ben Youssef", "El Amrani", "Abdelkader", "Zhang", "Wang", "Ivanova", "Petrović", "Van den Berghe",
    "O'Connor", "Kaya", "Hamidou", "Mendy", "Sy", "Ba", "Lê", "Phan", "Chaouch", "Azoulay", "Cohen",
]
PARTICLE_LAST = [
    "de La Fontaine", "de Villeneuve", "du Pont", "d'Almeida", "d'Arcy", "Le Gall", "Le Goff",
    "Le Bihan", "de Saint-Exupéry", "de la Roche", "Du Bois", "L'Hermitte", "Saint-Martin",
    "Le Floc'h", "Kerjean", "Le Corre", "de Montalembert", "Delacroix-Vidal", "Martin-Lefèvre",
    "Bernard-Durand", "Lagarde-Sauvage", "Petit-Jean",
]
FOREIGN_FIRST_F = ["Fatima", "Aïcha", "Leïla", "Yasmine", "Mariam", "Aminata", "Fatoumata", "Ngoc Anh",
                   "Agnieszka", "Ana", "Joana", "Elif", "Svetlana", "Mei", "Inès", "Zoé", "Maëlle", "Noémie",
                   "Héloïse", "Chloé", "Anaïs", "Lætitia", "Gaëlle"]
FOREIGN_FIRST_M = ["Mohamed", "Karim", "Yacine", "Mamadou", "Moussa", "Ibrahima", "Minh", "Piotr",
                   "João", "Mehmet", "Giuseppe", "Dmitri", "Wei", "Youssef", "Anis", "Noé", "Loïc",
                   "Joël", "Gaëtan", "Raphaël", "Benoît", "Hervé"]
COMPOUND_F = ["Marie-Hélène", "Anne-Sophie", "Marie-Claude", "Marie-Thérèse", "Anne-Laure", "Marie-José",
              "Jeanne-Marie", "Marie-Ange"]
COMPOUND_M = ["Jean-Pierre", "Jean-Luc", "Pierre-Yves", "Jean-François", "Jean-Baptiste", "Paul-Émile",
              "Marc-Antoine", "Jean-Michel"]


def relative(m, kind="child", sex=None):
    """A relative of member m; children usually share the member's surname."""
    r = Person(sex=sex, kind=kind)
    if kind == "child" and p(0.75):
        r.last = m.last
    return r


class Person:
    def __init__(self, sex=None, kind="adult"):
        self.sex = sex or ch("MF")
        r = rng.random()
        if r < 0.12:
            self.first = ch(FOREIGN_FIRST_F if self.sex == "F" else FOREIGN_FIRST_M)
        elif r < 0.22:
            self.first = ch(COMPOUND_F if self.sex == "F" else COMPOUND_M)
        else:
            self.first = fake.first_name_female() if self.sex == "F" else fake.first_name_male()
        r = rng.random()
        if r < 0.18:
            self.last = ch(FOREIGN_LAST)
        elif r < 0.30:
            self.last = ch(PARTICLE_LAST)
        else:
            self.last = fake.last_name()
        if kind == "child":
            y0, y1 = 2006, 2024
        elif kind == "senior":
            y0, y1 = 1932, 1960
        else:
            y0, y1 = 1940, 2004
        self.dob = dt.date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))
        self.nir = rand_nir(self.sex, self.dob)

    @property
    def title(self):
        return ch(["Mme", "Madame", "Mme"] if self.sex == "F" else ["M.", "Monsieur", "M.", "Mr"])

    @property
    def age(self):
        a = TODAY.year - self.dob.year - ((TODAY.month, TODAY.day) < (self.dob.month, self.dob.day))
        return a

    def name(self, fmt=None):
        f, l = self.first, self.last
        fmt = fmt or ch(["Fl", "FL", "FL", "LF", "Lf", "fl", "iL", "Fl", "LF", "lf", "L"])
        if fmt == "Fl":
            return f"{f} {l}"
        if fmt == "FL":
            return f"{f} {l.upper()}"
        if fmt == "LF":
            return f"{l.upper()} {f}"
        if fmt == "Lf":
            return f"{l} {f}"
        if fmt == "fl":
            return f"{f} {l}".lower()
        if fmt == "lf":
            return f"{l} {f}".lower()
        if fmt == "iL" and f[0] == "M":
            fmt = "FL"  # "M. X" would read as "Monsieur X"
        if fmt == "FL":
            return f"{f} {l.upper()}"
        if fmt == "iL":
            ini = "-".join(x[0] + "." for x in f.split("-")) if "-" in f else f[0] + "."
            return f"{ini} {ch([l, l.upper()])}"
        if fmt == "L":
            return ch([l, l.upper()])
        if fmt == "F":
            return f
        if fmt == "LFU":
            return f"{l} {f}".upper()
        raise ValueError(fmt)


DOCTOR_TITLES = ["Dr", "Dr", "Docteur", "Dr.", "Pr"]

# ----------------------------------------------------------------------------
# identifiers and their written forms
# ----------------------------------------------------------------------------

ABROAD = [352, 350, 351, 139, 127, 134, 109, 341, 243, 135, 131, 111]


def rand_nir(sex, dob):
    r = rng.random()
    if r < 0.06:
        dep, com = ch(["2A", "2B"]), rng.randint(1, 366)
    elif r < 0.12:
        dep, com = ch(["971", "972", "973", "974", "976"]), rng.randint(1, 34)
    elif r < 0.22:
        dep, com = "99", ch(ABROAD)
    else:
        dep = f"{rng.choice([n for n in range(1, 96) if n != 20]):02d}"
        com = rng.randint(1, 700)
    return make_nir(sex, dob.year, dob.month, dep, com, rng.randint(1, 999))


def nir_fmt(nir, allow_newline=True):
    g = [nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:15]]
    c13 = nir[:13]
    k = nir[13:]
    opts = [
        lambda: nir,
        lambda: nir,
        lambda: nir,
        lambda: nir,
        lambda: " ".join(g),
        lambda: " ".join(g),
        lambda: " ".join(g),
        lambda: " ".join(g),
        lambda: ".".join(g),
        lambda: "-".join(g),
        lambda: " ".join(g[:6]) + " - " + k,
        lambda: " ".join(g[:6]) + " / " + k,
        lambda: c13 + " " + k,
        lambda: c13 + "/" + k,
        lambda: c13 + " clé " + k,
        lambda: " ".join(g[:6]) + " clé " + k,
        lambda: " ".join(g[:6]) + " clé: " + k,
        lambda: c13 + "-" + k,
        lambda: f"{nir[:3]} {nir[3:5]} {nir[5:10]} {nir[10:]}",
        lambda: f"{nir[:5]} {nir[5:10]} {nir[10:]}",
        lambda: f"{nir[0]} {nir[1:5]} {nir[5:7]} {nir[7:13]} {k}",
        lambda: f"{nir[0]}  {nir[1:3]} {nir[3:5]}  {nir[5:7]} {nir[7:10]}  {nir[10:13]}  {k}",
        lambda: f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]}{k}",
        lambda: f"{nir[0]}{nir[1:3]}{nir[3:5]} {nir[5:7]}{nir[7:10]} {nir[10:13]} {k}",
        lambda: f"{nir[0]}/{nir[1:3]}/{nir[3:5]}/{nir[5:7]}/{nir[7:10]}/{nir[10:13]}/{k}",
    ]
    if allow_newline:
        opts.append(lambda: " ".join(g[:6]) + "\n" + k)
        opts.append(lambda: c13 + "\nclé " + k)
    s = ch(opts)()
    return s


def rand_phone_digits(kind=None):
    kind = kind or ch(["mob", "mob", "mob", "fix", "fix", "09"])
    if kind == "mob":
        return ch(["06", "07"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    if kind == "fix":
        return "0" + str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    if kind == "09":
        return "09" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    if kind == "dom":
        pre = ch(["0590", "0596", "0594", "0262", "0269", "0690", "0696", "0694", "0692", "0639"])
        return pre + "".join(str(rng.randint(0, 9)) for _ in range(6))
    raise ValueError(kind)


def phone_fmt(d=None, intl_ok=True):
    r = rng.random()
    if intl_ok and r < 0.08:
        # foreign numbers
        c = ch([
            ("+32", "4", 8, [1, 2, 2, 2, 2]),  # Belgium mobile 4xx
            ("+41", "7", 8, [2, 3, 2, 2]),      # Switzerland
            ("+44", "7", 9, [4, 6]),             # UK
            ("+212", "6", 8, [1, 2, 2, 2, 2]),  # Morocco
            ("+351", "9", 8, [3, 3, 3]),         # Portugal
            ("+49", "15", 9, [4, 7]),            # Germany
            ("+213", "5", 8, [3, 2, 2, 2]),      # Algeria
        ])
        cc, lead, n, groups = c
        digits = lead + "".join(str(rng.randint(0, 9)) for _ in range(n))
        out, i = [], 0
        for gsz in groups:
            out.append(digits[i:i + gsz])
            i += gsz
        if i < len(digits):
            out[-1] += digits[i:]
        return cc + " " + " ".join(out)
    d = d or rand_phone_digits(ch(["mob", "mob", "mob", "fix", "fix", "09", "dom"]))
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    n9 = d[1:]
    pairs9 = [n9[0]] + [n9[i:i + 2] for i in range(1, 9, 2)]
    opts = [
        lambda: " ".join(pairs),
        lambda: " ".join(pairs),
        lambda: " ".join(pairs),
        lambda: " ".join(pairs),
        lambda: " ".join(pairs),
        lambda: " ".join(pairs),
        lambda: ".".join(pairs),
        lambda: ".".join(pairs),
        lambda: d,
        lambda: d,
        lambda: "-".join(pairs),
        lambda: d,
        lambda: "+33 " + " ".join(pairs9),
        lambda: "+33 (0)" + " ".join(pairs9),
        lambda: "+33(0)" + n9,
        lambda: "0033 " + " ".join(pairs9),
        lambda: "0033" + n9,
        lambda: "+33" + n9,
        lambda: "+33." + ".".join(pairs9),
        lambda: f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}" if d.startswith(("059", "069", "026", "063")) else " ".join(pairs),
        lambda: f"{d[:2]} {d[2:4]}{d[4:6]} {d[6:8]}{d[8:]}",
        lambda: f"{d[:2]}/{d[2:4]}/{d[4:6]}/{d[6:8]}/{d[8:]}",
        lambda: " ".join(pairs) + "",
    ]
    return ch(opts)()


def rand_siren():
    while True:
        s = make_siren(rng.randint(10_000_000, 99_999_999))
        if not s.startswith("356000000"):
            return s


def siret_fmt(siren=None, want="siret"):
    siren = siren or rand_siren()
    if want == "siren":
        return ch([siren, f"{siren[:3]} {siren[3:6]} {siren[6:]}", f"{siren[:3]} {siren[3:6]} {siren[6:]}",
                   f"{siren[:3]}.{siren[3:6]}.{siren[6:]}"])
    s = make_siret(siren, rng.choice([10, 11, 12, 13, 19, 20, 21, 27, 28, 35, 43, 51, 68, 76]))
    return ch([s, s, f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}",
               f"{s[:9]} {s[9:]}", f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}", f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:11]} {s[11:]}"])


BANKS = [30002, 30003, 30004, 30006, 10278, 10107, 11006, 13335, 14406, 16606, 17515, 18206, 20041, 12506, 15589]


def iban_fmt():
    r = rng.random()
    if r < 0.08:
        # Belgian IBAN: BBAN = 3 bank + 7 account + 2 check (mod 97)
        base = rng.randint(10**9, 10**10 - 1)
        chk = base % 97 or 97
        bban = f"{base:010d}{chk:02d}"
        iban = "BE" + iban_check_digits("BE", bban) + bban
    elif r < 0.13:
        bban = f"{rng.randint(10000000, 99999999)}{rng.randint(0, 10**10 - 1):010d}"
        iban = "DE" + iban_check_digits("DE", bban) + bban
    else:
        iban = make_fr_iban(ch(BANKS), rng.randint(1, 99999), rng.randint(0, 10**11 - 1))
    grouped = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return ch([grouped, grouped, grouped, iban, grouped.lower() if p(0.3) else grouped,
               "  ".join(iban[i:i + 4] for i in range(0, len(iban), 4))])


def luhn_number(n, prefix=""):
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(n - 1 - len(prefix)))
    return body + luhn_check_digit(body)


def rpps_fmt():
    r = luhn_number(11, "10")
    return ch([r, r, r, f"{r[:1]} {r[1:6]} {r[6:]}", f"{r[:2]} {r[2:5]} {r[5:8]} {r[8:]}"])


def adeli_fmt(dep=None):
    dep = dep or f"{rng.randint(1, 95):02d}"
    a = luhn_number(9, dep + ch(["1", "2", "3", "4", "6", "7", "8", "9"]))
    return ch([a, a, a, f"{a[:2]} {a[2:4]} {a[4:]}", f"{a[:2]} {a[2:3]} {a[3:8]} {a[8]}"])


def email_for(person, pro=False):
    f = strip_accents(person.first.lower()).replace(" ", "").replace("'", "")
    l = strip_accents(person.last.lower()).replace(" ", "").replace("'", "")
    dom = ch(["gmail.com", "orange.fr", "free.fr", "hotmail.fr", "yahoo.fr", "laposte.net", "sfr.fr",
              "outlook.fr", "wanadoo.fr", "icloud.com", "live.fr", "bbox.fr", "gmail.com"])
    if pro:
        dom = ch(["cabinet-medical-", "centre-dentaire-", "optique-", "sante-"]) + \
            strip_accents(real_city().lower().replace(" ", "-").replace("'", "")) + ch([".fr", ".com"])
    f = f.encode("ascii", "ignore").decode()
    l = l.encode("ascii", "ignore").decode()
    local = ch([
        f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l}", f"{l}.{f}", f"{f}.{l}{person.dob.year % 100:02d}",
        f"{f}_{l}", f"{f[0]}{l}{rng.randint(1, 99)}", f"{f}-{l}", f"{l}{person.dob.year}", f"{f}.{l[0]}",
    ])
    s = f"{local}@{dom}"
    if p(0.07):
        s = s[0].upper() + s[1:]
    return s


def trap_number(n, lead=None):
    """n-digit number that is neither a valid NIR (15) nor Luhn-valid (9, 11, 14)."""
    while True:
        first = lead if lead is not None else str(rng.randint(1, 9))
        s = first + "".join(str(rng.randint(0, 9)) for _ in range(n - len(first)))
        if n == 15 and nir_key_valid(s):
            continue
        if n in (9, 11, 14) and luhn_valid(s):
            continue
        return s


# ----------------------------------------------------------------------------
# addresses
# ----------------------------------------------------------------------------

CITIES = [
    ("75011", "Paris"), ("75015", "Paris"), ("75019", "Paris"), ("69003", "Lyon"), ("69008", "Lyon"),
    ("13008", "Marseille"), ("13013", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux"),
    ("59000", "Lille"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("34000", "Montpellier"),
    ("35000", "Rennes"), ("21000", "Dijon"), ("63000", "Clermont-Ferrand"), ("42000", "Saint-Étienne"),
    ("37000", "Tours"), ("87000", "Limoges"), ("86000", "Poitiers"), ("29200", "Brest"), ("76000", "Rouen"),
    ("14000", "Caen"), ("51100", "Reims"), ("57000", "Metz"), ("54000", "Nancy"), ("25000", "Besançon"),
    ("38000", "Grenoble"), ("74000", "Annecy"), ("73000", "Chambéry"), ("06000", "Nice"), ("83000", "Toulon"),
    ("84000", "Avignon"), ("30000", "Nîmes"), ("66000", "Perpignan"), ("64000", "Pau"),
    ("40000", "Mont-de-Marsan"), ("24000", "Périgueux"), ("19100", "Brive-la-Gaillarde"), ("12000", "Rodez"),
    ("46000", "Cahors"), ("81000", "Albi"), ("65000", "Tarbes"), ("59650", "Villeneuve-d'Ascq"),
    ("62300", "Lens"), ("80000", "Amiens"), ("02100", "Saint-Quentin"), ("60000", "Beauvais"),
    ("95000", "Cergy"), ("93200", "Saint-Denis"), ("94000", "Créteil"), ("92100", "Boulogne-Billancourt"),
    ("78000", "Versailles"), ("91000", "Évry-Courcouronnes"), ("77000", "Melun"), ("45000", "Orléans"),
    ("18000", "Bourges"), ("41000", "Blois"), ("49000", "Angers"), ("72000", "Le Mans"), ("53000", "Laval"),
    ("85000", "La Roche-sur-Yon"), ("17000", "La Rochelle"), ("79000", "Niort"), ("16000", "Angoulême"),
    ("03100", "Montluçon"), ("43000", "Le Puy-en-Velay"), ("15000", "Aurillac"), ("48000", "Mende"),
    ("20000", "Ajaccio"), ("20200", "Bastia"), ("20250", "Corte"), ("97110", "Pointe-à-Pitre"),
    ("97200", "Fort-de-France"), ("97300", "Cayenne"), ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"),
    ("97600", "Mamoudzou"), ("97122", "Baie-Mahault"), ("97232", "Le Lamentin"), ("97320", "Saint-Laurent-du-Maroni"),
    ("24560", "Issigeac"), ("46330", "Saint-Cirq-Lapopie"), ("71250", "Cluny"), ("22500", "Paimpol"),
    ("56340", "Carnac"), ("05100", "Briançon"), ("09000", "Foix"), ("88000", "Épinal"), ("68000", "Colmar"),
    ("90000", "Belfort"), ("39000", "Lons-le-Saunier"), ("23000", "Guéret"), ("32000", "Auch"),
]
STREET_NAMES = [
    "des Lilas", "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "des Acacias",
    "du Moulin", "de la Gare", "Pasteur", "des Tilleuls", "de l'Église", "du Stade", "Gambetta",
    "Émile Zola", "des Peupliers", "du 8 Mai 1945", "Saint-Exupéry", "de Verdun", "Anatole France",
    "des Vignes", "du Château d'Eau", "de la Paix", "Paul Bert", "des Roses", "Jules Ferry", "Foch",
    "de Bretagne", "des Écoles", "du Maréchal Leclerc", "de la Liberté", "Lamartine", "des Glycines",
    "de Strasbourg", "du Port", "des Cerisiers", "Aristide Briand", "Georges Clemenceau", "des Flamboyants",
]
STREET_TYPES = ["rue", "rue", "rue", "avenue", "av.", "boulevard", "bd", "allée", "impasse", "chemin",
                "place", "route", "quai", "cours", "square", "passage", "rte"]
LIEUX = ["Lieu-dit Les Granges", "Lieu-dit La Borie", "Le Bourg", "Hameau de Bel-Air", "Lieu-dit Kerbiquet",
         "Lieu-dit Le Pech", "Domaine de la Source", "Ferme des Noyers", "Quartier Les Plaines",
         "Lotissement Les Hauts de Sainte-Anne"]
RESID = ["Résidence Les Flamboyants", "Résidence du Parc", "Résidence Le Clos Fleuri", "Cité des Fleurs",
         "Résidence Bellevue", "Les Jardins de l'Ermitage", "Résidence Les Alizés"]


def address(multiline=False, kind=None, upper=False):
    cp, city = ch(CITIES)
    if cp.startswith("97") and p(0.5):
        kind = kind or ch(["resid", "bp", "normal", "lieu"])
    kind = kind or ch(["normal"] * 9 + ["bis", "bis", "appt", "appt", "lieu", "resid", "bp", "faker", "faker"])
    num = str(rng.randint(1, 180))
    st = f"{ch(STREET_TYPES)} {ch(STREET_NAMES)}"
    if kind == "faker":
        st = fake.street_name()
    sep_num = ch([" ", " ", " ", ", "])
    if kind == "bis":
        num = num + ch([" bis", " ter", "bis", " B", " Bis"])
    if kind == "lieu":
        line1 = ch(LIEUX)
        if p(0.3):
            line1 += f", {rng.randint(1, 12)} {ch(['chemin des Vignes', 'route de la Forêt', 'impasse du Puits'])}"
    elif kind == "resid":
        line1 = f"{ch(RESID)}, {ch(['appt', 'apt', 'porte', 'bât. C, appt'])} {rng.randint(1, 60)}"
        if p(0.5):
            line1 += f", {num}{sep_num}{st}"
    elif kind == "appt":
        line1 = ch([f"Bât. {ch('ABCDE')}, esc. {rng.randint(1, 4)}, appt {rng.randint(1, 80)}",
                    f"Appartement {rng.randint(1, 99)}, {rng.randint(1, 9)}e étage",
                    f"Esc. {ch('ABC')} - Apt {rng.randint(1, 120)}"]) + (", " if not multiline else "\n") + f"{num}{sep_num}{st}"
    elif kind == "bp":
        line1 = ch([f"BP {rng.randint(1, 999)}", f"{num} {st}, BP {rng.randint(1, 999)}",
                    f"{num} {st} - BP {rng.randint(1, 999)}"])
    else:
        line1 = f"{num}{sep_num}{st}"
    cityw = city.upper() if (upper or p(0.3)) else city
    tail = f"{cp} {cityw}"
    if kind == "cedex":
        tail += ch([" CEDEX", " Cedex", f" CEDEX {rng.randint(1, 9)}"])
    if kind == "bp" and p(0.3):
        tail += " CEDEX"
    sep = "\n" if multiline else ch([", ", ", ", " ", " - ", ", "])
    s = line1 + sep + tail
    if upper:
        s = s.upper()
    return s


# ----------------------------------------------------------------------------
# dates
# ----------------------------------------------------------------------------

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
MONTHS_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def date_fmt(d: dt.date, allow_day=True):
    day = "1er" if d.day == 1 and p(0.6) else str(d.day)
    opts = [
        lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda: f"{d.day}/{d.month}/{d.year}",
        lambda: f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
        lambda: f"{d.day:02d}-{d.month:02d}-{d.year}",
        lambda: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda: d.isoformat(),
        lambda: f"{day} {MONTHS[d.month - 1]} {d.year}",
        lambda: f"{day} {MONTHS[d.month - 1]} {d.year}",
        lambda: f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year}",
        lambda: f"{d.day:02d} {MONTHS[d.month - 1].upper()} {d.year}",
        lambda: f"{d.day:02d}{d.month:02d}{d.year}",
        lambda: f"{d.day:02d} {d.month:02d} {d.year}",
    ]
    if allow_day:
        opts.append(lambda: f"{DAYS[d.weekday()]} {day} {MONTHS[d.month - 1]} {d.year}")
        opts.append(lambda: f"{DAYS[d.weekday()].capitalize()} {d.day} {MONTHS[d.month - 1]} {d.year}")
    return ch(opts)()


def care_date(year0=2024, year1=2025):
    return dt.date(rng.randint(year0, year1), rng.randint(1, 12), rng.randint(1, 28))


def care_fmt():
    d = care_date()
    return ch([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day:02d}/{d.month:02d}", f"{d.day} {MONTHS[d.month - 1]}",
               f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.isoformat(), f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
               f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]}"])


def born(b: B, person: Person, mode="any"):
    """Write a date-of-birth phrase; only the date/year/age part is labelled."""
    f = person.sex == "F"
    ne = "née" if f else "né"
    r = rng.random()
    if mode == "label" or (mode == "any" and r < 0.30):
        b.t(ch(["date de naissance : ", "DDN ", "DDN : ", "DN ", "D.N. : ", "né(e) le ", "Date naiss. ", "naissance : "]))
        b.e(date_fmt(person.dob, allow_day=False), "DATE_OF_BIRTH")
    elif mode == "any" and r < 0.38:
        b.t(f"{ne} en ")
        b.e(str(person.dob.year), "DATE_OF_BIRTH")
    elif mode == "any" and r < 0.44:
        b.t(ch([f"âgé{'e' if f else ''} de ", "âgé(e) de "]))
        b.e(f"{person.age} ans", "DATE_OF_BIRTH")
    elif mode == "any" and r < 0.48:
        b.t(f"{ne} en ")
        b.e(f"{MONTHS[person.dob.month - 1]} {person.dob.year}", "DATE_OF_BIRTH")
    else:
        b.t(f"{ne} le ")
        b.e(date_fmt(person.dob), "DATE_OF_BIRTH")


def amount():
    x = rng.choice([rng.uniform(5, 90), rng.uniform(20, 400), rng.uniform(100, 2500)])
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return ch([s + " €", s + " €", s + "€", s + " EUR", "€" + s if p(0.1) else s + " €"])


# ----------------------------------------------------------------------------
# shared trap vocabulary
# ----------------------------------------------------------------------------

DRUGS = ["Doliprane 1000 mg", "Levothyrox 75 µg", "Kardégic 75", "Eliquis 5 mg", "Ozempic", "Metformine 850",
         "Amoxicilline 1 g", "Ventoline", "Spasfon", "Lyrica 75 mg", "Dafalgan", "Inexium 20", "Tahor 20 mg",
         "Xarelto", "Humira", "Lantus SoloStar", "Seretide Diskus", "Stilnox", "Deroxat", "Voltarène gel",
         "Augmentin", "Smecta", "Gaviscon", "Crestor 10", "Plavix", "Bisoprolol 2,5 mg", "Forlax"]
CCAM = [("HBLD038", "couronne dentaire céramo-métallique"), ("HBLD634", "couronne transvissée sur implant"),
        ("HBGD035", "avulsion d'une dent permanente"), ("HBBD005", "obturation de 2 faces"),
        ("LBLD015", "pose d'un implant"), ("BFGA004", "extraction du cristallin pour cataracte"),
        ("HBMD351", "restauration par inlay-onlay"), ("HBLD036", "bridge 3 éléments"),
        ("HBJD001", "détartrage complet"), ("QZFA036", "exérèse de lésion cutanée"),
        ("JQGD010", "accouchement par voie basse"), ("NFKA007", "prothèse totale de genou"),
        ("HBQK389", "radiographie panoramique"), ("YYYY010", "supplément"), ("ZCQK004", "échographie abdominale")]
NGAP = ["AMI 1", "AMI 4,5", "AMK 8", "AMS 7,5", "C", "G", "APC", "CS", "K 30", "SFI 2", "AMO 12", "TLC", "VG", "MD"]
LPP = ["2210546", "2263910", "2227038", "2242457", "2203240", "2261505", "2282596", "2235776"]
ACRONYMS = ["CPAM", "ALD", "CSS", "PMSS", "DPAE", "DSN", "RIB", "TP", "PEC", "RAC", "OPTAM", "DMP", "CCN", "DUE",
            "ANI", "URSSAF", "NOEMIE", "BRSS", "RO", "RC", "CMU-C", "ACS", "MSA", "CARSAT", "MDPH", "APA"]
PLACES = ["Clinique du Parc", "CHU de Bordeaux", "Hôpital Édouard-Herriot", "Centre Léon-Bérard", "Institut Curie",
          "Hôpital Georges-Pompidou", "clinique Saint-Joseph", "Centre hospitalier de Mont-de-Marsan",
          "Polyclinique du Val de Saône", "CHU Pellegrin", "Hôpital Necker", "Hôpital de la Pitié-Salpêtrière"]
COMPANIES = ["Optic 2000", "Krys", "Atol", "Afflelou", "Générale d'Optique", "Dentego", "Carrefour",
             "Decathlon", "La Poste", "SNCF", "Groupe Casino", "Boulangerie du Marché", "Leroy Merlin", "Audika",
             "Amplifon", "Harmonie Médical Service", "Pharmacie des Arcades"]
PRODUCTS = ["formule Sérénité", "option Confort +", "gamme Essentielle", "niveau 3 Équilibre", "offre Jeunes Actifs",
            "garantie Hospi Plus", "contrat Santé Pro", "formule Famille Liberté"]


def ccam():
    code, lab = ch(CCAM)
    return f"{code} ({lab})"


def real_city():
    return ch(CITIES)[1]


def ref_dossier():
    return ch([f"{rng.randint(2023, 2025)}-{rng.randint(0, 9999999):07d}", f"SIN{rng.randint(10**6, 10**7 - 1)}",
               f"DOS-{rng.randint(10000, 99999)}", f"R{rng.randint(10**7, 10**8 - 1)}", trap_number(10, "4"),
               f"PEC/{rng.randint(2024, 2025)}/{rng.randint(1000, 99999)}"])


def long_trap():
    """13-15 digit contract/claim/invoice number that is not a NIR."""
    n = ch([13, 14, 15, 15])
    lead = ch(["1", "2", "2", "3", "7", "9", None])
    s = trap_number(n, lead)
    lab = ch(["n° de facture", "facture n°", "réf. facture", "n° de contrat", "contrat n°", "n° sinistre",
              "n° de décompte", "décompte n°", "n° de lot", "n° de bordereau", "réf. télétransmission",
              "n° de prescription", "n° de devis", "numéro de dossier"])
    grouped = " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if n != 14 else s
    fmt = ch([s, s, s, grouped])
    return lab, fmt


def member_no():
    return ch([f"{rng.randint(0, 99999999):08d}", f"A{rng.randint(10**6, 10**7 - 1)}",
               f"{rng.randint(100000, 999999)}-{rng.randint(10, 99)}", f"ADH{rng.randint(10**5, 10**6 - 1)}"])


def generic_trap(b: B):
    """Texts without personal data that carry traps any style may contain."""
    lab, num = long_trap()
    opts = [
        lambda: b.t(f"Suite à la chute dans la rue du {ch(['Moulin', 'Commerce', 'Marché'])} signalée le {care_fmt()}, "
                    f"aucune déclaration d'accident n'a été reçue. Pas de recours contre tiers. {lab.capitalize()} {num}."),
        lambda: b.t(f"Rappel : le courrier du {care_fmt()} annonçait la revalorisation au 1er janvier. Montant du PMSS "
                    f"{rng.randint(2025, 2026)} : 3 925 € par mois. Aucune action requise."),
        lambda: b.t(f"MOTIF : Hospitalisation\nSTATUT : En cours\nÉTABLISSEMENT : {ch(PLACES)}\nDATE D'ENTRÉE : {care_fmt()}\n"
                    f"DURÉE : {rng.randint(1, 21)} jours\nMONTANT ENGAGÉ : {amount()}"),
        lambda: b.t(f"Avenant n° {rng.randint(1, 12)} : l'avenue de la prévention, c'est le parcours de soins coordonnés ! "
                    f"Consultez votre médecin traitant avant un spécialiste (hors gynéco, ophtalmo, psychiatre)."),
        lambda: b.t(f"Taux de remboursement : {ch(DRUGS)} 65 %, {ch(DRUGS)} 30 %, {ch(DRUGS)} 15 %. Les médicaments "
                    f"non remboursables ({ch(['homéopathie', 'vitamines', 'Magné B6'])}) restent à la charge de l'adhérent."),
        lambda: b.t(f"Doublon détecté : {lab} {num} saisi deux fois les {care_fmt()} et {care_fmt()}. Second paiement "
                    f"({amount()}) annulé, indu à récupérer sur prochain décompte."),
        lambda: b.t(f"Saint-Martin, Sainte-Marie et Saint-Denis (La Réunion) rattachés à la caisse {rng.randint(971, 974)} "
                    f"depuis le {care_fmt()}. Vérifier le code régime avant liquidation."),
        lambda: b.t(f"Objet : Transfert de portefeuille\n\nLe portefeuille {ch(PRODUCTS)} est transféré au {care_fmt()}. "
                    f"Les {rng.randint(100, 9000)} contrats concernés conservent leurs garanties. Référence interne "
                    f"{trap_number(15, ch(['1', '2']))}."),
        lambda: b.t(f"Question fréquente : « Mon enfant est né le mois dernier, comment l'ajouter ? » Réponse : envoyer "
                    f"l'acte de naissance dans les 30 jours ; couverture dès la date de naissance."),
        lambda: b.t(f"Acte {ch(NGAP)} coté le {care_fmt()} pour {amount()}, dépassement {amount()}. Praticien non OPTAM, "
                    f"BR {amount()}. Plafond {ch(PRODUCTS)} atteint au {care_fmt()}."),
        lambda: b.t(f"Marie-Galante, Grande-Terre, Basse-Terre : tournée des agences du {care_fmt()} au {care_fmt()}. "
                    f"Place de la Victoire, réunion avec les délégués ; boulevard maritime fermé."),
        lambda: b.t(f"Taux de rejet {ch(ACRONYMS)} : {rng.randint(1, 9)},{rng.randint(0, 9)} % au {care_fmt()} ; lot "
                    f"{trap_number(13, '1')} à retraiter. Paiement {amount()} le {care_fmt()}."),
    ]
    ch(opts)()
    return b


# ----------------------------------------------------------------------------
# style 1: claims handlers' comments (gestion)
# ----------------------------------------------------------------------------


def s_gestion(pii: bool) -> B:
    b = B()
    if not pii:
        lab, num = long_trap()
        opts = [
            lambda: b.t(f"Rejet lot {ch(['NOEMIE', 'SESAM-Vitale', 'B2'])} du {care_fmt()} : {rng.randint(2, 40)} factures en anomalie, "
                        f"code retour {rng.randint(1, 999):04d}. Relance CPAM {rng.randint(1, 95):02d} prévue. "
                        f"Acte {ch(CCAM)[0]} non pris en charge hors panier 100% Santé."),
            lambda: b.t(f"Dossier {ref_dossier()} : {lab} {num} reçu le {care_fmt()}, montant {amount()}. "
                        f"Remboursement RO {amount()}, complément mutuelle {amount()}. Clôturé."),
            lambda: b.t(f"Contrôle qualité lot du {care_fmt()} — {rng.randint(50, 400)} dossiers, taux d'erreur "
                        f"{rng.randint(0, 9)},{rng.randint(0, 9)} %. Principales anomalies : cotation {ch(NGAP)} "
                        f"au lieu de {ch(NGAP)}, BRSS mal reprise, {ch(ACRONYMS)} absent."),
            lambda: b.t(f"Rappel procédure : pour les actes {ch(CCAM)[0]} et {ch(CCAM)[0]}, exiger le devis signé. "
                        f"Plafond {ch(PRODUCTS)} : {amount()} par an et par bénéficiaire. Voir note du {care_fmt()}."),
            lambda: b.t(f"Facture {ch(PLACES)} {lab} {num} — séjour du {care_fmt()} au {care_fmt()}, "
                        f"forfait journalier {amount()}, chambre particulière {amount()}. PEC accordée."),
            lambda: b.t(f"Pharmacie : {ch(DRUGS)} + {ch(DRUGS)} délivrés le {care_fmt()}, taux RO 65 %. "
                        f"Ticket modérateur {amount()} réglé via TP. Rien à signaler."),
            lambda: b.t(f"Suite appel {ch(ACRONYMS)}, le flux {ch(['NOEMIE 580', 'B2', 'IRIS'])} du {care_fmt()} est à "
                        f"réinjecter. Ticket {trap_number(13, '1')} ouvert. En attente retour informatique."),
        ]
        ch(opts)()
        return b
    m = Person()
    r = rng.random()
    if r < 0.25:
        b.t(ch(["Ajout ayant droit : ", "Rattachement bénéficiaire : ", "AD à ajouter : "]))
        rel = ch(["conjoint", "enfant", "enfant", "concubin", "partenaire PACS"])
        c = relative(m, "child") if rel == "enfant" else Person()
        b.t(f"{rel} ")
        b.e(c.name(), "PERSON").t(", ")
        born(b, c)
        if p(0.7):
            b.t(", NIR ").e(nir_fmt(c.nir), "NIR")
        b.t(f". Adhérent{'e' if m.sex == 'F' else ''} principal{'e' if m.sex == 'F' else ''} : ")
        b.e(m.name(), "PERSON")
        if p(0.5):
            b.t(" (NIR ").e(nir_fmt(m.nir, False), "NIR").t(")")
        b.t(f". Attestation de droits {ch(ACRONYMS[:1] + ['MSA', 'CPAM'])} reçue le {care_fmt()}. Effet au 01/{rng.randint(1, 12):02d}/2025.")
    elif r < 0.45:
        b.t(ch(["Changement de RIB demandé par ", "Modif coordonnées bancaires — ", "Nouveau RIB reçu pour "]))
        b.t(m.title + " ").e(m.name(), "PERSON")
        b.t(ch([" : nouvel IBAN ", ". IBAN : ", ", IBAN "])).e(iban_fmt(), "IBAN")
        if p(0.5):
            b.t(ch([" (ancien IBAN ", " — remplace "])).e(iban_fmt(), "IBAN").t(ch([")", ""]))
        b.t(f". Prélèvement cotisation au {rng.randint(1, 10)} du mois. ")
        if p(0.5):
            b.t("Nouvelle adresse : ").e(address(), "ADDRESS").t(". ")
        b.t(ch(["Mandat SEPA à faire signer.", "Contrôle anti-fraude OK.", "RAS."]))
    elif r < 0.70:
        lab, num = long_trap()
        b.t(f"Demande de remboursement {ch(['ostéo', 'dentaire', 'optique', 'pharmacie', 'hospitalisation', 'kiné', 'psychologue'])} "
            f"— soins du {care_fmt()}. Bénéficiaire ")
        b.e(m.name(), "PERSON").t(", ")
        born(b, m)
        b.t(", NIR ").e(nir_fmt(m.nir), "NIR")
        b.t(f". {lab.capitalize()} {num}, montant {amount()}. ")
        if p(0.6):
            dr = Person()
            b.t(f"Praticien : {ch(DOCTOR_TITLES)} ").e(dr.name(ch(["FL", "L", "iL", "Fl"])), "PERSON")
            if p(0.5):
                b.t(", RPPS ").e(rpps_fmt(), "RPPS")
            else:
                b.t(", ADELI ").e(adeli_fmt(), "ADELI")
            b.t(". ")
        b.t(ch(["Remboursement validé.", "Pièce manquante : prescription.", "En attente décompte RO.",
                "Dépassement plafond, RAC adhérent.", f"Versé le {care_fmt()}."]))
    elif r < 0.82:
        cd = care_fmt()
        b.t(f"Soins du {cd} pour {m.title} ").e(m.name(ch(["L", "FL", "LF"])), "PERSON")
        b.t(" (")
        born(b, m, "label")
        b.t(f") — décompte du {care_fmt()}, {ch(['réf. décompte', 'facture'])} {trap_number(ch([13, 15]), ch(['1', '2']))}, NIR ")
        b.e(nir_fmt(m.nir, False), "NIR")
        b.t(f". {ccam()} : {amount()} ; RO {amount()} ; RC {amount()}. "
            + ch(["Paiement au professionnel (TP).", "Paiement à l'assuré.", "Indu détecté, à récupérer."]))
    else:
        b.t(f"Dossier {ref_dossier()} — ")
        b.e(m.name(ch(["LF", "LF", "LFU", "FL"])), "PERSON")
        b.t(" (")
        born(b, m, "label")
        b.t(f"). Adhérent n° {member_no()}. ")
        b.t(ch(["Tél : ", "Joignable au ", "Tel. "])).e(phone_fmt(), "PHONE")
        if p(0.5):
            b.t(", mail ").e(email_for(m), "EMAIL")
        b.t(f". Relance pour pièce manquante le {care_fmt()}. Acte {ccam()}, "
            f"dépassement {amount()}. ")
        if p(0.5):
            b.t("Courrier retourné NPAI, ancienne adresse ").e(address(), "ADDRESS").t(".")
    return b


# ----------------------------------------------------------------------------
# style 2: call-centre notes (appel)
# ----------------------------------------------------------------------------


def s_appel(pii: bool) -> B:
    b = B()
    hh = f"{rng.randint(8, 18)}h{rng.randint(0, 59):02d}"
    if not pii:
        opts = [
            lambda: b.t(f"Appel entrant {hh} — adhérent non identifié (refus de donner ses infos). Question générale "
                        f"sur le 100% Santé optique et dentaire. Renvoyé vers l'espace adhérent et le 3646 pour la part RO."),
            lambda: b.t(f"{hh} appel courtier : demande de grille tarifaire {ch(PRODUCTS)} pour {rng.randint(3, 50)} salariés, "
                        f"CCN {ch(['Syntec', 'HCR', 'BTP', 'Métallurgie', 'Commerce de détail'])}. Envoi doc par le service commercial."),
            lambda: b.t(f"Appel {hh} : question sur le remboursement de {ch(DRUGS)} et des séances de {ch(['kiné', 'psychologue', 'ostéopathie', 'diététicienne'])}. "
                        f"Expliqué : {rng.randint(1, 6)} séances/an à {amount()} max. Pas de dossier ouvert."),
            lambda: b.t(f"Appel perdu à {hh}, numéro masqué. Pas de message laissé. Clôture."),
            lambda: b.t(f"Incident téléphonie de {hh} à {rng.randint(9, 18)}h{rng.randint(0, 59):02d} : serveur vocal indisponible, "
                        f"{rng.randint(10, 200)} appels en débordement vers le plateau de {ch(['Niort', 'Lyon', 'Rennes', 'Lille'])}."),
            lambda: b.t(f"Appel pharmacie {ch(COMPANIES[-1:] + ['Pharmacie Centrale', 'Grande Pharmacie de la Gare'])} : "
                        f"vérification des droits TP refusée faute de carte. Rappel procédure {ch(ACRONYMS)}. "
                        f"{ch(['Rue', 'Avenue', 'Place'])} de la pharmacie en travaux, livraison reportée au {care_fmt()}."),
        ]
        ch(opts)()
        return b
    m = Person()
    b.t(ch([f"Appel entrant {hh} — ", f"{hh} : ", f"Appel sortant {hh}. ", f"Tél {hh} ", ""]))
    r = rng.random()
    b.t(ch(["adhérent ", "adhérente ", "appelant : ", "Mr/Mme ", ""]) if p(0.6) else m.title + " ")
    b.e(m.name(), "PERSON")
    if p(0.6):
        b.t(" (")
        born(b, m, ch(["label", "any"]))
        b.t(")")
    b.t(ch([" appelle pour ", " — motif : ", " demande ", ", question sur "]))
    b.t(ch(["un remboursement de lunettes non reçu", "son devis dentaire", "la résiliation de son contrat",
            "l'ajout de son nouveau-né", "un prélèvement rejeté", "sa carte de tiers payant", "une hospitalisation à venir",
            "le changement d'adresse"]))
    b.t(". ")
    if r < 0.3:
        b.t("Vérif identité OK (NIR ").e(nir_fmt(m.nir, False), "NIR").t(" + DDN). ")
    elif r < 0.5:
        b.t("Identité vérifiée par DDN ").e(date_fmt(m.dob, False), "DATE_OF_BIRTH").t(". ")
    if p(0.35):
        c = relative(m, "child")
        b.t(ch(["Naissance de ", "Ajout enfant ", "Bébé : "])).e(c.name(ch(["F", "Fl", "FL"])), "PERSON")
        b.t(f" {'née' if c.sex == 'F' else 'né'} le ")
        c.dob = care_date(2025, 2025)
        b.e(date_fmt(c.dob), "DATE_OF_BIRTH")
        b.t(f" ({ch(PLACES)}). Acte de naissance à envoyer. ")
    if p(0.4):
        b.t(ch(["Nouvelle adresse : ", "Déménagement — ", "Adresse à jour : "])).e(address(), "ADDRESS").t(". ")
    b.t(ch(["Rappeler au ", "Rappel souhaité au ", "À recontacter : ", "Tel perso ", "Numéro : "]))
    b.e(phone_fmt(), "PHONE")
    if p(0.3):
        b.t(ch([" ou ", " / ", " sinon fixe "])).e(phone_fmt(), "PHONE")
    b.t(ch([" après 17h. ", ". ", " (répondeur). ", " — préfère SMS. "]))
    if p(0.4):
        b.t(ch(["Mail de confirmation envoyé à ", "Confirmation par mail : ", "Envoi doc à "])).e(email_for(m), "EMAIL").t(". ")
    if p(0.3):
        lab, num = long_trap()
        b.t(f"{lab.capitalize()} {num} en cours de traitement. ")
    b.t(ch(["Dossier transmis back-office.", "Clôturé.", "Escalade N2.", "Délai annoncé : 10 jours.", "Adhérent mécontent.", ""]))
    if p(0.3):
        agent = Person()
        b.t(" — ").e(agent.name(ch(["F", "Fl", "iL"])), "PERSON")
    return b


# ----------------------------------------------------------------------------
# style 3: members' e-mails (mail)  -- typos, lower case, SMS style
# ----------------------------------------------------------------------------

SMS_SUBS = [("je suis", "chui"), ("c'est", "c"), ("beaucoup", "bcp"), ("toujours", "tjs"), ("rendez-vous", "rdv"),
            ("s'il vous plaît", "svp"), ("pourquoi", "pk"), ("quelque chose", "qqch"), ("merci", "mci"),
            ("aujourd'hui", "ajd"), ("bonjour", "bjr"), ("parce que", "pcq"), ("je ne sais pas", "jsp"),
            ("vous", "vs"), ("remboursé", "rembourser"), ("j'ai", "jai"), ("n'ai", "ai"), ("est-ce que", "est ce que")]


def sms_tf_factory():
    low = p(0.6)
    noacc = p(0.5)
    sms = p(0.4)
    typo = p(0.5)

    def tf(s):
        if sms:
            for a, c in SMS_SUBS:
                if p(0.6):
                    s = s.replace(a, c)
        if typo and len(s) > 12 and p(0.5):
            i = rng.randint(1, len(s) - 3)
            if s[i].isalpha() and s[i + 1].isalpha():
                s = s[:i] + s[i + 1] + s[i] + s[i + 2:]
        if noacc:
            s = strip_accents(s)
        if low:
            s = s.lower()
        return s

    return tf, low, noacc


def s_mail(pii: bool) -> B:
    tf, low, noacc = sms_tf_factory()
    b = B(tf)

    def ent(s, label):
        if label in ("PERSON", "ADDRESS", "DATE_OF_BIRTH"):
            if noacc:
                s = strip_accents(s)
            if low:
                s = s.lower()
        b.e(s, label)

    if not pii:
        opts = [
            lambda: b.t(f"Bonjour, est-ce que le {ch(DRUGS)} est remboursé par la mutuelle ? Mon médecin me l'a prescrit "
                        f"le {care_fmt()}. Merci d'avance"),
            lambda: b.t(f"Bonjour,\nj'ai envoyé ma facture du dentiste le {care_fmt()} et toujours rien. C'est normal ? "
                        f"Le montant c'était {amount()} pour l'acte {ccam()}.\nCordialement"),
            lambda: b.t(f"bonjour je voudrais savoir combien vous remboursez pour des lunettes chez {ch(COMPANIES[:6])}, "
                        f"j'ai un devis de {amount()}. merci"),
            lambda: b.t(f"Bonjour, je n'arrive pas à me connecter à l'espace adhérent depuis {ch(DAYS)}, message "
                        f"\"erreur 503\". Vous pouvez regarder ? Bonne journée."),
            lambda: b.t(f"Re: votre courrier du {care_fmt()}\n\nJe ne comprends pas le décompte, il est écrit RO {amount()} "
                        f"et RC {amount()}. Pourquoi la base de remboursement est si basse ? Merci de m'expliquer."),
            lambda: b.t(f"Bonjour, est-ce que la {ch(PRODUCTS)} couvre l'ostéopathie ? Et les {ch(['lentilles', 'semelles orthopédiques', 'vaccins', 'séances de psy'])} ? "
                        f"Je pense changer de formule au 1er janvier. Merci"),
            lambda: b.t(f"hello, ma pharmacie {ch(['rue', 'place', 'avenue'])} du marché dit que ma carte tiers payant est plus valable. "
                        f"c'est la nouvelle qui arrive quand ? merci"),
        ]
        ch(opts)()
        return b
    m = Person()
    r0 = rng.random()
    if r0 < 0.15:
        # SMS / chat message
        c = relative(m, "child")
        b.t(ch(["slt ", "bjr ", "", "coucou "]) + ch(["c pour le rembourssement de ", "c pour ", "question pour "]))
        b.t((ch(["ma fille ", "ma petite "]) if c.sex == "F" else ch(["mon fils ", "mon petit "])) if p(0.8) else "")
        ent(c.first, "PERSON")
        b.t(ch([" nee le ", " né le ", " ne le ", " de "]))
        ent(date_fmt(c.dob, False) if p(0.7) else f"{c.age} ans", "DATE_OF_BIRTH")
        b.t(ch([" , le dentiste a pas fait le tiers payant ", " ortho pas remboursé ", " lunettes cassées encore "]))
        b.t(ch(["rappelez moi au ", "mon 06 c ", "tel ", "appelez moi "]))
        b.e(phone_fmt(intl_ok=False), "PHONE")
        b.t(ch([" merci", " svp", " mci", "!!", ""]))
        return b
    if r0 < 0.30:
        # reply with quoted header
        b.t(ch(["Bonjour,\n\nVoici le document demandé.\n\n", "merci pour la réponse mais ça ne règle rien.\n\n",
                "Bonjour, je vous renvoie la facture en PJ.\n\n"]))
        b.e(m.name(ch(["Fl", "FL", "F"])), "PERSON")
        if p(0.5):
            b.t("\n").e(phone_fmt(), "PHONE")
        d = care_date()
        b.t(f"\n\nLe {DAYS[d.weekday()][:3]}. {d.day} {MONTHS_ABBR[d.month - 1]} {d.year} à {rng.randint(8, 19)}:{rng.randint(0, 59):02d}, ")
        b.e(m.name("Fl"), "PERSON").t(" <").e(email_for(m), "EMAIL").t("> a écrit :\n> ")
        b.t(ch([f"Bonjour, j'ai fait une demande de remboursement le {care_fmt()} pour mon {ch(['fils', 'mari', 'épouse'])}.",
                f"Je vous ai déjà envoyé ma carte vitale et mon attestation le {care_fmt()}.",
                f"Quand vais-je recevoir ma nouvelle carte de tiers payant ?"]))
        if p(0.5):
            b.t("\n> Ma date de naissance : ")
            b.e(date_fmt(m.dob, False), "DATE_OF_BIRTH")
        return b
    b.t(ch(["Bonjour,\n", "Bonjour, ", "Madame, Monsieur,\n\n", "bonjour\n", "Objet : remboursement\n\nBonjour,\n", "Hello, "]))
    r = rng.random()
    if r < 0.2:
        b.t("je suis ")
        ent(m.name(ch(["Fl", "fl", "FL", "LF"])), "PERSON")
        b.t(", adhérente depuis 2019. " if m.sex == "F" else ", adhérent depuis 2019. ")
    b.t(ch([f"j'ai envoyé ma facture du {ch(['dentiste', 'kiné', 'opticien', 'ostéo'])} le {care_fmt()} mais toujours pas remboursé. ",
            f"je vous écris parce que le remboursement de mes lunettes n'est jamais arrivé. ",
            f"mon fils a eu un rendez-vous chez l'orthodontiste le {care_fmt()}, combien vous prenez en charge ? ",
            f"vous m'avez prélevé deux fois ce mois-ci ({amount()}). ",
            f"je veux mettre à jour mes informations. "]))
    if p(0.6):
        b.t(ch(["mon numéro de sécu c'est ", "mon num secu : ", "N° SS ", "voici mon numéro de sécurité sociale ", "numero securite sociale "]))
        b.e(nir_fmt(m.nir), "NIR")
        b.t(ch([". ", " ", "\n"]))
    if p(0.4):
        b.t(ch(["je suis née le " if m.sex == "F" else "je suis né le ", "ma date de naissance : ", "DDN ", "pour info née le " if m.sex == "F" else "pour info né le "]))
        ent(date_fmt(m.dob), "DATE_OF_BIRTH")
        b.t(ch([". ", " ", "\n"]))
    if p(0.3):
        c = relative(m, "child")
        b.t(ch(["pour ma fille " if c.sex == "F" else "pour mon fils ", "c'est pour mon enfant "]))
        ent(c.name(ch(["F", "Fl"])), "PERSON")
        b.t(" qui est né le " if c.sex == "M" else " qui est née le ")
        ent(date_fmt(c.dob), "DATE_OF_BIRTH")
        b.t(". ")
    if p(0.35):
        b.t(ch(["j'ai déménagé, ma nouvelle adresse : ", "nouvelle adresse ", "mon adresse : "]))
        ent(address(), "ADDRESS")
        b.t(ch([". ", "\n"]))
    if p(0.3):
        b.t(ch(["mon nouveau RIB : ", "IBAN ", "voici mon iban "])).e(iban_fmt(), "IBAN").t(" ")
    b.t(ch(["merci de me rappeler au ", "vous pouvez m'appeler au ", "tel ", "joignable au ", "mon portable "]))
    b.e(phone_fmt(), "PHONE")
    b.t(ch([".\n", " svp\n", "\n", ". Merci\n"]))
    b.t(ch(["Cordialement\n", "Merci\n", "bonne journée\n", "Bien à vous,\n", "", "cdt\n"]))
    sig = ch(["full", "first", "full", "none", "mailsig"])
    if sig == "full":
        ent(m.name(ch(["Fl", "FL", "fl", "iL"])), "PERSON")
    elif sig == "first":
        ent(m.first if not low else m.first.lower(), "PERSON")
    elif sig == "mailsig":
        ent(m.name(ch(["Fl", "FL"])), "PERSON")
        b.t("\n").e(phone_fmt(), "PHONE")
        b.t("\n").e(email_for(m), "EMAIL")
    if p(0.3):
        b.t("\n\nEnvoyé de mon iPhone")
    return b


# ----------------------------------------------------------------------------
# style 4: employers' HR messages about collective contracts (rh)
# ----------------------------------------------------------------------------

FORMS = ["SAS", "SARL", "SA", "EURL", "SCOP", "association", "SCI"]


def company_name():
    return ch([fake.company(), f"{fake.last_name()} {ch(['Bâtiment', 'Transports', 'Conseil', 'Industrie', 'Services', 'Distribution'])}",
               f"{ch(['Atelier', 'Maison', 'Garage', 'Boulangerie', 'Cabinet'])} {fake.last_name()}"])


def s_rh(pii: bool) -> B:
    b = B()
    comp = company_name()
    form = "" if re.search(r"\b(SA|SAS|SARL|S\.A\.|S\.A\.R\.L\.|EURL|SNC|SCOP)\b|et Fils|Fils", comp) else " " + ch(FORMS)
    if not pii:
        opts = [
            lambda: b.t(f"Bonjour,\nNous souhaitons modifier la répartition de la cotisation à compter du 01/01/2026 "
                        f"(part employeur {rng.randint(50, 100)} %) conformément à l'avenant n° {rng.randint(1, 30)} de la CCN "
                        f"{ch(['Syntec', 'HCR', 'BTP', 'Métallurgie', 'Commerce de gros'])}. Merci de nous adresser le nouvel avenant.\nLe service RH"),
            lambda: b.t(f"Objet : DSN de {ch(MONTHS)} — anomalie\n\nLa DSN déposée le {care_fmt()} est rejetée (bloc S21.G00.15 "
                        f"absent). Le {lab_contract()} est-il bien paramétré ? Effectif : {rng.randint(5, 300)} salariés, "
                        f"catégorie cadres / non-cadres. Cordialement, la comptabilité"),
            lambda: b.t(f"Bonjour, pouvez-vous nous confirmer le taux {ch(PRODUCTS)} pour {rng.randint(2026, 2027)} : "
                        f"{rng.randint(1, 3)},{rng.randint(10, 99)} % du PMSS en isolé et {rng.randint(3, 6)},{rng.randint(10, 99)} % en famille ? "
                        f"Nous présentons le projet au CSE le {care_fmt()}."),
            lambda: b.t(f"Rappel : les dispenses d'affiliation (art. R242-1-6 CSS) doivent être renouvelées chaque année. "
                        f"Merci de nous transmettre les justificatifs avant le 31/{rng.randint(1, 12):02d}. Portabilité : 12 mois maximum."),
            lambda: b.t(f"Bonjour,\nSuite à la fusion avec {company_name()} au {care_fmt()}, nous souhaitons regrouper les deux contrats "
                        f"collectifs. Les DUE seront signées lors du prochain CSE. Merci de nous faire une proposition.\nBien cordialement"),
        ]
        ch(opts)()
        return b
    emp = Person()
    rh = Person()
    b.t(ch(["Bonjour,\n\n", "Madame, Monsieur,\n\n", "Bonjour Madame,\n", "Hello,\n"]))
    r = rng.random()
    if r < 0.4:
        b.t(f"Nous vous transmettons l'affiliation de notre {ch(['nouveau salarié', 'nouvelle salariée', 'nouvel embauché', 'alternant'])} ")
        b.t(emp.title + " ").e(emp.name(ch(["FL", "Fl", "LF"])), "PERSON").t(", ")
        born(b, emp)
        b.t(", NIR ").e(nir_fmt(emp.nir), "NIR")
        b.t(f", entré{'e' if emp.sex == 'F' else ''} le {care_fmt()} au contrat collectif n° {trap_number(ch([8, 10, 13]), '5')} "
            f"(collège {ch(['cadres', 'non-cadres', 'ensemble du personnel'])}). ")
        if p(0.5):
            b.t("Adresse personnelle : ").e(address(), "ADDRESS").t(". ")
        if p(0.3):
            b.t("Il souhaite affilier son épouse " if emp.sex == "M" else "Elle souhaite affilier son conjoint ")
            sp = Person(sex="F" if emp.sex == "M" else "M")
            b.e(sp.name(ch(["Fl", "FL"])), "PERSON").t(" (")
            born(b, sp, "label")
            b.t("). ")
    elif r < 0.7:
        b.t(f"Nous vous informons de la sortie des effectifs de ")
        b.e(emp.name(ch(["FL", "LF", "Fl"])), "PERSON")
        b.t(f" au {care_fmt()} ({ch(['rupture conventionnelle', 'démission', 'fin de CDD', 'licenciement', 'départ en retraite'])}). "
            f"Merci de lui proposer la portabilité. ")
        if p(0.6):
            b.t("Ses coordonnées : ").e(phone_fmt(), "PHONE")
            if p(0.6):
                b.t(", ").e(email_for(emp), "EMAIL")
            b.t(". ")
        if p(0.4):
            b.t(f"Numéro de sécurité sociale : ").e(nir_fmt(emp.nir), "NIR").t(". ")
    else:
        k = rng.randint(2, 4)
        b.t(f"Veuillez trouver ci-joint la liste des {k} salariés à affilier au {care_fmt()} :\n")
        for _ in range(k):
            x = Person()
            b.t("- ").e(x.name(ch(["LF", "LFU", "FL"])), "PERSON").t(" ; ")
            b.e(date_fmt(x.dob, False), "DATE_OF_BIRTH").t(" ; ")
            b.e(nir_fmt(x.nir, False), "NIR").t("\n")
    b.t(f"\nEntreprise : {comp}{form}")
    if p(0.8):
        b.t(ch([", SIRET ", " — SIRET : ", ", n° SIRET ", "\nSIRET "]))
        b.e(siret_fmt(), "SIRET")
    else:
        b.t(ch([", SIREN ", ", RCS " + ch(["Lyon", "Paris", "Nantes", "Bordeaux"]) + " "]))
        b.e(siret_fmt(want="siren"), "SIRET")
    if p(0.5):
        b.t("\n").e(address(kind=ch(["normal", "cedex", "bp", "normal"])), "ADDRESS")
    b.t(f"\nCode NAF {rng.randint(10, 96)}.{rng.randint(10, 99)}{ch('ABCZ')} — IDCC {rng.randint(1000, 3250)}\n")
    b.t(ch(["\nCordialement,\n", "\nBien à vous,\n", "\nBonne journée,\n"]))
    b.e(rh.name(ch(["Fl", "FL", "F"])), "PERSON")
    fem = rh.sex == "F"
    b.t(ch(["\nResponsable RH", "\nAssistante paie" if fem else "\nAssistant paie", "\nGestionnaire administration du personnel", "\nDRH",
            "\nChargée RH" if fem else "\nChargé RH", "\nComptable"]))
    if p(0.7):
        b.t(ch(["\nTél. ", "\n", "\nLigne directe : ", "\nT : "])).e(phone_fmt(), "PHONE")
    if p(0.5):
        b.t("\n").e(email_for(rh).split("@")[0] + "@" + strip_accents(comp.lower().split()[0]).replace(",", "").replace("'", "") + ".fr", "EMAIL")
    return b


def lab_contract():
    return ch(["contrat collectif", "contrat de prévoyance", "contrat frais de santé"])


# ----------------------------------------------------------------------------
# style 5: dental / optical / hearing quote remarks (devis)
# ----------------------------------------------------------------------------


def s_devis(pii: bool) -> B:
    b = B()
    kind = ch(["dent", "dent", "opt", "opt", "audio"])
    if not pii:
        opts = [
            lambda: b.t(f"Devis dentaire : acte {ccam()} dent {rng.randint(11, 48)}, honoraires {amount()}, "
                        f"BR {amount()}, RO {amount()}. Panier {ch(['100% Santé', 'maîtrisé', 'libre'])}. Avis favorable sous réserve du plafond {ch(PRODUCTS)}."),
            lambda: b.t(f"Équipement classe {ch('AB')} : verres {ch(['unifocaux', 'progressifs', 'mi-distance'])} OD {ch(['-', '+'])}{rng.randint(0, 6)},{ch(['00', '25', '50', '75'])} "
                        f"OG {ch(['-', '+'])}{rng.randint(0, 6)},{ch(['00', '25', '50', '75'])}, monture LPP {ch(LPP)} à {amount()}. Délai de renouvellement respecté (dernier équipement {care_fmt()})."),
            lambda: b.t(f"Audioprothèse classe {ch(['I', 'II'])} stéréo chez {ch(['Audika', 'Amplifon', 'Optical Center'])} : {amount()} par oreille, "
                        f"RO {amount()}. Renouvellement possible tous les 4 ans. Pas de remarque."),
            lambda: b.t(f"Devis n° {trap_number(13, '2')} du {care_fmt()} : implant LBLD015 + couronne HBLD634, total {amount()}. "
                        f"Hors nomenclature pour l'implant, forfait {ch(PRODUCTS)} {amount()}/an. Accord."),
            lambda: b.t(f"Orthodontie : traitement semestriel TO{rng.randint(5, 90)}, {rng.randint(2, 6)} semestres. Début le {care_fmt()}. "
                        f"Accord préalable CPAM à fournir. Forfait ortho adulte non couvert."),
        ]
        ch(opts)()
        return b
    pat = Person(kind=ch(["adult", "adult", "child", "senior"]))
    pro = Person()
    b.t(ch([f"Devis n° {ref_dossier()} — ", f"Devis du {care_fmt()} : ", "Analyse devis. ", ""]))
    if kind == "dent":
        b.t(f"{ch(['Dr', 'Docteur', 'Dr'])} ").e(pro.name(ch(["FL", "Fl", "LF", "L"])), "PERSON")
        b.t(", chirurgien-dentiste")
        o, c_ = ch([(", RPPS ", ". "), (" (RPPS ", "). "), (" – n° RPPS ", ". ")])
        b.t(o).e(rpps_fmt(), "RPPS").t(c_)
        if p(0.3):
            b.t("Cabinet : ").e(address(), "ADDRESS").t(". ")
        b.t("Patient : ").e(pat.name(), "PERSON").t(", ")
        born(b, pat)
        b.t(f". Acte {ccam()} dent {rng.randint(11, 48)}, honoraires {amount()}, BR {amount()}, RAC {amount()}. ")
    elif kind == "opt":
        b.t(f"Opticien : {ch(COMPANIES[:5])} {real_city()}")
        if p(0.6):
            b.t(", SIRET ").e(siret_fmt(), "SIRET")
        b.t(", ADELI ").e(adeli_fmt(), "ADELI")
        b.t(". Bénéficiaire ").e(pat.name(), "PERSON").t(" (")
        born(b, pat, "label")
        b.t(f"). Prescription {ch(['Dr', 'Docteur'])} ").e(pro.name(ch(["L", "FL", "iL"])), "PERSON")
        b.t(f", ophtalmologiste, du {care_fmt()}. Verres {ch(['progressifs', 'unifocaux'])} OD {ch(['-', '+'])}{rng.randint(0, 6)},{ch(['00', '25', '50', '75'])}, "
            f"monture LPP {ch(LPP)} {amount()}. ")
    else:
        b.t(f"Audioprothésiste ").e(pro.name(ch(["FL", "Fl"])), "PERSON").t(", ADELI ").e(adeli_fmt(), "ADELI")
        b.t(". Patient ").e(pat.name(), "PERSON").t(", ")
        born(b, pat)
        b.t(f". Aides auditives classe II, {amount()} par oreille. ")
    if p(0.3):
        lab, num = long_trap()
        b.t(f"{lab.capitalize()} {num}. ")
    if p(0.3):
        b.t("NIR assuré : ").e(nir_fmt(pat.nir, False), "NIR").t(". ")
    b.t(ch(["Accord sous réserve de la facture acquittée.", "Avis favorable.", "Refus : plafond annuel atteint.",
            "Demander le détail des dents.", "Proposition de réseau partenaire envoyée.", "RAC expliqué à l'adhérent."]))
    if p(0.25):
        b.t(f" Contact cabinet : ").e(phone_fmt(intl_ok=False), "PHONE").t(".")
    return b


# ----------------------------------------------------------------------------
# style 6: complaint letters (reclamation)
# ----------------------------------------------------------------------------


def s_reclamation(pii: bool) -> B:
    b = B()
    if not pii:
        opts = [
            lambda: b.t(f"Objet : Réclamation\n\nMadame, Monsieur,\n\nJe conteste le décompte du {care_fmt()} relatif à une "
                        f"{ch(CCAM)[1]}. La base de remboursement retenue ({amount()}) ne correspond pas au tarif conventionnel. "
                        f"Je vous demande de réexaminer ce dossier et, à défaut, je saisirai le Médiateur.\n\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées."),
            lambda: b.t(f"RECLAMATION — Délai de traitement\n\nDepuis le {care_fmt()}, j'attends le remboursement de mes séances "
                        f"de {ch(['kinésithérapie', 'psychologue', 'orthophonie'])}. Trois relances, aucune réponse. "
                        f"Ce n'est pas acceptable pour une mutuelle qui se dit « au service de ses adhérents ».\n\nSalutations."),
            lambda: b.t(f"Objet : contestation de la hausse de cotisation {rng.randint(2025, 2026)}\n\nMadame, Monsieur,\n\nLa cotisation de la "
                        f"{ch(PRODUCTS)} passe de {amount()} à {amount()} par mois, soit +{rng.randint(5, 15)} %. "
                        f"Aucune information préalable n'a été donnée. Je demande le détail du calcul.\n\nCordialement."),
            lambda: b.t(f"Réponse à réclamation n° {ref_dossier()} du {care_fmt()}\n\nNous avons bien reçu votre courrier. Après analyse, "
                        f"l'acte {ch(CCAM)[0]} relève du panier à honoraires libres ; le plafond de votre garantie est atteint. "
                        f"Vous pouvez saisir le Médiateur de la mutualité si vous le souhaitez.\n\nLe service Relations Adhérents"),
        ]
        ch(opts)()
        return b
    m = Person()
    header = p(0.7)
    if header:
        b.t(m.title + " " if p(0.5) else "")
        b.e(m.name(ch(["Fl", "FL", "LF"])), "PERSON").t("\n")
        b.e(address(multiline=True), "ADDRESS").t("\n")
        if p(0.6):
            b.e(phone_fmt(), "PHONE").t("\n")
        if p(0.4):
            b.e(email_for(m), "EMAIL").t("\n")
        b.t(f"\n{ch(['À', 'Fait à', ''])} {real_city() if p(0.5) else 'Lyon'}, le {care_fmt()}\n\n".replace("\n ", "\n"))
    b.t(ch(["Objet : Réclamation", "OBJET : RECLAMATION", "Objet : contestation de remboursement", "Objet : lettre recommandée AR — réclamation"]))
    lab, num = long_trap()
    b.t(f" — {lab} {num}\n")
    b.t(ch(["N° adhérent : ", "Réf. adhérent ", "Adhérent n° "]) + member_no() + "\n")
    if p(0.6):
        b.t(ch(["N° de sécurité sociale : ", "N° SS : ", "NIR : "])).e(nir_fmt(m.nir), "NIR").t("\n")
    b.t("\nMadame, Monsieur,\n\n")
    body = rng.random()
    if body < 0.35:
        c = relative(m, ch(["child", "senior"]))
        rel = "mon fils" if c.sex == "M" else "ma fille"
        if c.dob.year < 1965:
            rel = "mon père" if c.sex == "M" else "ma mère"
        b.t(f"Je conteste le refus de prise en charge concernant {rel} ")
        b.e(c.name(ch(["Fl", "FL", "F"])), "PERSON").t(", ")
        born(b, c)
        b.t(f", hospitalisé{'e' if c.sex == 'F' else ''} du {care_fmt()} au {care_fmt()} ({ch(PLACES)}). "
            f"Le forfait journalier ({amount()}) et la chambre particulière restent à ma charge alors que mon contrat les couvre. ")
    elif body < 0.65:
        dr = Person()
        tot = rng.uniform(80, 2500)
        paid = tot * rng.uniform(0.05, 0.6)

        def eur(x):
            return f"{x:,.2f}".replace(",", " ").replace(".", ",") + " €"
        b.t(f"Le {care_fmt()}, j'ai consulté le {ch(['Dr', 'Docteur'])} ")
        b.e(dr.name(ch(["FL", "L", "Fl"])), "PERSON")
        b.t(f" (RPPS ").e(rpps_fmt(), "RPPS").t(f") pour un acte {ccam()}. Sur un montant de {eur(tot)}, je n'ai été remboursé{'e' if m.sex == 'F' else ''} que de {eur(paid)}. ")
    else:
        b.t(f"Depuis le {care_fmt()}, vous prélevez ma cotisation sur un compte clôturé alors que je vous ai transmis mon nouveau RIB ")
        b.t(ch(["(IBAN ", "— IBAN : ", ": "])).e(iban_fmt(), "IBAN").t(ch([") ", ". "]))
        b.t(f"Des frais de rejet de {amount()} m'ont été facturés. ")
    b.t(ch(["Je vous demande de régulariser la situation sous quinze jours, faute de quoi je saisirai le Médiateur.",
            "Je vous remercie de bien vouloir réexaminer mon dossier.",
            "Sans réponse de votre part, je résilierai mon contrat à échéance."]))
    b.t(ch(["\n\nVeuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n",
            "\n\nCordialement,\n\n", "\n\nDans l'attente de votre réponse, je vous prie d'agréer mes salutations.\n\n"]))
    b.e(m.name(ch(["Fl", "FL", "iL"])), "PERSON")
    if not header and p(0.6):
        b.t("\n").e(address(), "ADDRESS")
        if p(0.5):
            b.t("\nTél : ").e(phone_fmt(), "PHONE")
    if p(0.3):
        b.t(f"\n\nP.J. : décompte du {care_fmt()}, facture, copie RIB")
    return b


# ----------------------------------------------------------------------------
# style 7: prevention / coaching notes (prevention)
# ----------------------------------------------------------------------------


def s_prevention(pii: bool) -> B:
    b = B()
    if not pii:
        opts = [
            lambda: b.t(f"Atelier collectif « {ch(['Bien vieillir', 'Sommeil', 'Nutrition et diabète', 'Gestes qui sauvent', 'Mal de dos'])} » "
                        f"à {ch([c[1] for c in CITIES])} le {care_fmt()} : {rng.randint(6, 25)} participants, satisfaction {rng.randint(70, 99)} %. "
                        f"Intervenante diététicienne du réseau. Prochaine session en {ch(MONTHS)}."),
            lambda: b.t(f"Programme de prévention bucco-dentaire M'T dents : relance des bénéficiaires de {rng.randint(3, 24)} ans. "
                        f"Taux de participation {rng.randint(20, 60)} %. Supports à commander avant le {care_fmt()}."),
            lambda: b.t(f"Note de synthèse : le coaching téléphonique arrêt du tabac (substituts nicotiniques, {ch(['Nicorette', 'Champix', 'Nicopatch'])}) "
                        f"a concerné {rng.randint(20, 300)} adhérents en {rng.randint(2023, 2025)}. Forfait {amount()} par an."),
            lambda: b.t(f"Campagne vaccination grippe : rappel aux adhérents de plus de 65 ans et aux personnes en ALD. "
                        f"Vaccin pris en charge à 100 % par l'Assurance Maladie, injection cotée {ch(NGAP)}."),
            lambda: b.t(f"Séance type coaching activité physique : objectif 30 min de marche par jour, {rng.randint(6000, 10000)} pas, "
                        f"2 séances de renforcement. Place de la motivation, chemin à parcourir, etc. À adapter selon le profil."),
        ]
        ch(opts)()
        return b
    m = Person(kind=ch(["adult", "senior", "adult"]))
    coach = Person()
    b.t(f"{ch(['Séance', 'Entretien', 'Appel de suivi', 'Bilan'])} {rng.randint(1, 8)} — {ch(['coaching nutrition', 'sevrage tabagique', 'activité physique', 'gestion du stress', 'retour à domicile'])} — {care_fmt()}\n")
    b.t(ch(["Bénéficiaire : ", "Adhérent(e) : ", "Personne suivie : "]))
    b.e(m.name(), "PERSON")
    b.t(", ")
    born(b, m)
    b.t(f". Poids {rng.randint(50, 120)} kg, objectif -{rng.randint(2, 10)} kg. ")
    b.t(ch([f"Diabète type 2 sous {ch(['Metformine 850', 'Ozempic', 'Januvia', 'Lantus SoloStar'])}. ", f"Traitement : {ch(DRUGS)}. ", "Pas de traitement en cours. ", "Sortie d'hospitalisation récente. "]))
    if p(0.4):
        aid = Person()
        b.t(ch(["Aidant : ", "Aidante principale : ", "Personne de confiance : "]))
        b.e(aid.name(ch(["Fl", "FL", "F"])), "PERSON")
        b.t(f" ({ch(['fille', 'fils', 'épouse', 'voisin', 'conjoint'])}), ")
        b.e(phone_fmt(), "PHONE").t(". ")
    b.t(ch(["Motivation bonne. ", "Difficultés à tenir les objectifs. ", "Se dit fatigué(e). ", "Progrès sur l'alimentation. "]))
    b.t(f"Prochain RDV le {care_fmt()}")
    if p(0.5):
        b.t(ch([" au ", ", tél ", " — joindre au "])).e(phone_fmt(), "PHONE")
    b.t(". ")
    if p(0.3):
        b.t("Visite à domicile : ").e(address(), "ADDRESS").t(". ")
    if p(0.3):
        b.t("Envoi du livret à ").e(email_for(m), "EMAIL").t(". ")
    if p(0.25):
        dr = Person()
        b.t(f"Médecin traitant : {ch(DOCTOR_TITLES)} ").e(dr.name(ch(["L", "FL", "iL"])), "PERSON").t(". ")
    fem = coach.sex == "F"
    b.t("\n").e(coach.name(ch(["F", "Fl", "iL"])), "PERSON").t(ch([", coach santé", ", infirmière coordinatrice" if fem else ", infirmier coordinateur",
                                                                  ", diététicienne" if fem else ", diététicien", ""]))
    return b


# ----------------------------------------------------------------------------
# style 8: OCR of scanned forms (ocr)
# ----------------------------------------------------------------------------


def ocr_noise(s: str) -> str:
    out = []
    for c in s:
        r = rng.random()
        if c == "o" and r < 0.25:
            out.append("0")
        elif c == "O" and r < 0.3:
            out.append("0")
        elif c == "i" and r < 0.2:
            out.append(ch(["1", "l"]))
        elif c == "l" and r < 0.2:
            out.append("1")
        elif c == "I" and r < 0.2:
            out.append("1")
        elif c == "é" and r < 0.3:
            out.append(ch(["e", "é", "è"]))
        elif c == "S" and r < 0.1:
            out.append("5")
        elif c == " " and r < 0.1:
            out.append("  ")
        elif c.isalpha() and r < 0.03:
            out.append(c + " ")
        else:
            out.append(c)
    return "".join(out)


def s_ocr(pii: bool) -> B:
    b = B(ocr_noise)
    if not pii:
        opts = [
            lambda: b.t(f"CONDITIONS GÉNÉRALES — Article {rng.randint(1, 30)}\nLes prestations sont versées dans la limite des frais réels. "
                        f"Le délai de carence est de {rng.randint(0, 6)} mois pour les soins {ch(['dentaires', 'optiques', 'hospitaliers'])}. "
                        f"Les actes {ch(CCAM)[0]} et {ch(CCAM)[0]} sont soumis à entente préalable.\nPage {rng.randint(1, 12)}/12"),
            lambda: b.t(f"DEMANDE DE REMBOURSEMENT\nNom : ........................ Prénom : ....................\n"
                        f"Date de naissance : __/__/____\nN° de sécurité sociale : _ __ __ __ ___ ___ __\n"
                        f"Cadre réservé à la mutuelle — lot {trap_number(13, '2')} — reçu le {care_fmt()}"),
            lambda: b.t(f"FACTURE N° {trap_number(15, '1')}\nDate : {care_fmt()}\n{'  '.join(ch(CCAM))}  {amount()}\n"
                        f"{ch(NGAP)}  consultation  {amount()}\nTOTAL TTC  {amount()}\nAcquittée le {care_fmt()}"),
            lambda: b.t(f"ATTESTATION DE PAIEMENT\nPériode du {care_fmt()} au {care_fmt()}\nMontant total versé : {amount()}\n"
                        f"Code régime 01 — Caisse {rng.randint(11, 999):03d}\nService Prestations"),
            lambda: b.t(f"BULLETIN D'ADHÉSION — page 2/3\nChoix de la formule : [X] {ch(PRODUCTS)}  [ ] Option Confort\n"
                        f"Date d'effet souhaitée : 01/{rng.randint(1, 12):02d}/{rng.randint(2025, 2026)}\n"
                        f"Mode de paiement : [X] prélèvement mensuel  [ ] chèque\nCotisation mensuelle : {amount()}"),
        ]
        ch(opts)()
        return b
    m = Person()
    up = p(0.6)
    b.t(ch(["BULLETIN D'ADHÉSION\n", "DEMANDE DE REMBOURSEMENT\n", "FORMULAIRE DE CHANGEMENT DE SITUATION\n",
            "DEMANDE DE PRISE EN CHARGE\n", "MANDAT DE PRÉLÈVEMENT SEPA\n"]))
    b.t(ch(["Nom : ", "NOM : ", "Nom de naissance : "])).e(m.last.upper() if up else m.last, "PERSON")
    b.t(ch(["   Prénom : ", "\nPrénom : ", "  Prénoms : "])).e(m.first.upper() if up else m.first, "PERSON")
    b.t(ch(["\nDate de naissance : ", "\nNé(e) le : ", "\nDate de naissance  "]))
    b.e(date_fmt(m.dob, False), "DATE_OF_BIRTH")
    b.t(ch(["\nN° de Sécurité Sociale : ", "\nN° SS : ", "\nNuméro d'immatriculation : ", "\nN° INSEE "]))
    b.e(nir_fmt(m.nir), "NIR")
    b.t(ch(["\nAdresse : ", "\nAdresse\n", "\nDomicile : "]))
    b.e(address(multiline=p(0.5), upper=up), "ADDRESS")
    if p(0.8):
        b.t(ch(["\nTél : ", "\nTéléphone : ", "\nTel portable : "])).e(phone_fmt(), "PHONE")
    if p(0.5):
        b.t(ch(["\nE-mail : ", "\nCourriel : ", "\nMail : "])).e(email_for(m), "EMAIL")
    if p(0.5):
        b.t(ch(["\nIBAN : ", "\nIBAN\n", "\nCoordonnées bancaires IBAN "])).e(iban_fmt(), "IBAN")
        b.t(f"\nBIC : {ch(['BNPAFRPPXXX', 'CEPAFRPP', 'AGRIFRPP', 'CCBPFRPP', 'SOGEFRPP'])}")
    if p(0.35):
        c = relative(m, "child")
        b.t("\nAyant droit 1 : ").e(c.name("LF" if up else "Lf"), "PERSON").t(" — né(e) le ").e(date_fmt(c.dob, False), "DATE_OF_BIRTH")
    if p(0.4):
        lab, num = long_trap()
        b.t(f"\n{lab} : {num}  — reçu le {care_fmt()}")
    b.t(f"\nFait à {real_city()}, le {care_fmt()}\nSignature : ")
    if p(0.6):
        b.e(m.name(ch(["iL", "Fl", "L"])), "PERSON")
    else:
        b.t("[illisible]")
    return b


# ----------------------------------------------------------------------------
# style 9: health professionals / establishments (pro)
# ----------------------------------------------------------------------------


def s_pro(pii: bool) -> B:
    b = B()
    if not pii:
        opts = [
            lambda: b.t(f"Demande de prise en charge {ch(PLACES)} — FINESS {rng.randint(10, 95)}{trap_number(7, '0')} : "
                        f"séjour en {ch(['chirurgie ambulatoire', 'médecine', 'maternité', 'SSR'])}, GHS {rng.randint(1000, 9999)}, "
                        f"entrée prévue le {care_fmt()}. Chambre particulière demandée. Merci de nous retourner l'accord par fax."),
            lambda: b.t(f"Infirmier libéral : soins {ch(NGAP)} + {ch(NGAP)} du {care_fmt()} au {care_fmt()}, IFD, majoration "
                        f"dimanche. Tiers payant intégral. Facture {trap_number(14, '9')} de {amount()}."),
            lambda: b.t(f"Bonjour, le cabinet a changé de logiciel de télétransmission depuis le {care_fmt()}. Les flux "
                        f"{ch(['SCOR', 'NOEMIE', 'B2'])} peuvent arriver en double. Merci de ne pas en tenir compte. Le secrétariat"),
            lambda: b.t(f"Ordonnance : {ch(DRUGS)} 1 cp matin et soir pendant {rng.randint(5, 30)} jours ; {ch(DRUGS)} si douleur. "
                        f"Renouvelable {rng.randint(1, 3)} fois. {ch(NGAP)} — secteur 1, OPTAM."),
        ]
        ch(opts)()
        return b
    pat = Person(kind=ch(["adult", "senior", "child", "adult"]))
    dr = Person()
    r = rng.random()
    if r < 0.4:
        b.t(f"Demande de prise en charge hospitalière — {ch(PLACES)}\n")
        b.t("Patient : ").e(pat.name(ch(["LF", "LFU", "FL"])), "PERSON").t(", ")
        born(b, pat, ch(["label", "any"]))
        b.t("\nNIR : ").e(nir_fmt(pat.nir), "NIR")
        b.t(f"\nEntrée le {care_fmt()}, service {ch(['orthopédie', 'cardiologie', 'maternité', 'ORL'])}, chambre particulière.")
        b.t(f"\nMédecin responsable : {ch(DOCTOR_TITLES)} ").e(dr.name(ch(["FL", "iL", "L"])), "PERSON")
        b.t(", RPPS ").e(rpps_fmt(), "RPPS")
        lab, num = long_trap()
        b.t(f"\n{lab.capitalize()} {num}")
        if p(0.5):
            sec = Person(sex="F")
            b.t("\nContact : ").e(sec.name(ch(["F", "Fl"])), "PERSON").t(", bureau des entrées, ").e(phone_fmt(intl_ok=False), "PHONE")
    elif r < 0.7:
        b.t(f"{ch(DOCTOR_TITLES)} ").e(dr.name(ch(["FL", "Fl"])), "PERSON").t("\n")
        b.t(ch(["Médecin généraliste", "Masseur-kinésithérapeute", "Psychologue", "Orthophoniste", "Pédicure-podologue", "Sage-femme"]))
        b.t(ch(["\nRPPS ", "\nN° RPPS : ", "\nRPPS: "])).e(rpps_fmt(), "RPPS")
        if p(0.5):
            b.t(ch([" — ADELI ", "\nADELI : "])).e(adeli_fmt(), "ADELI")
        b.t("\n").e(address(multiline=p(0.5)), "ADDRESS")
        b.t("\nTél. ").e(phone_fmt(intl_ok=False), "PHONE")
        if p(0.4):
            b.t("\n").e(email_for(dr, pro=True), "EMAIL")
        b.t(f"\n\nJe certifie avoir dispensé des soins à ").e(pat.name(ch(["Fl", "FL"])), "PERSON").t(", ")
        born(b, pat)
        b.t(f", le {care_fmt()} ({ch(NGAP)}), pour un montant de {amount()}, non pris en charge par l'Assurance Maladie.")
    else:
        b.t(f"Bonjour, je suis {ch(['la secrétaire du', 'le remplaçant du', 'l’assistante du'])} {ch(DOCTOR_TITLES)} ")
        b.e(dr.name(ch(["L", "FL"])), "PERSON")
        b.t(f". Nous n'avons pas reçu le règlement en tiers payant pour ")
        b.e(pat.name(ch(["Fl", "LF", "iL"])), "PERSON")
        b.t(" (NIR ").e(nir_fmt(pat.nir, False), "NIR").t(f"), soins du {care_fmt()}, {amount()}. ")
        b.t(ch(["Notre RIB : ", "Virement sur : ", "IBAN du cabinet : "])).e(iban_fmt(), "IBAN")
        b.t(". SIRET du cabinet : ").e(siret_fmt(), "SIRET").t(". Merci, ").e(Person(sex="F").name(ch(["F", "Fl"])), "PERSON")
    return b


STYLES = {
    "gestion": s_gestion,
    "appel": s_appel,
    "mail": s_mail,
    "rh": s_rh,
    "devis": s_devis,
    "reclamation": s_reclamation,
    "prevention": s_prevention,
    "ocr": s_ocr,
    "pro": s_pro,
}


def main():
    out = []
    for style, fn in STYLES.items():
        n_clean = round(PER_STYLE * NO_PII_SHARE)
        flags = [False] * n_clean + [True] * (PER_STYLE - n_clean)
        rng.shuffle(flags)
        for i, pii in enumerate(flags, 1):
            if not pii and style != "ocr" and p(0.35):
                b = generic_trap(B())
            else:
                b = fn(pii)
            text = b.text()
            spans = sorted(b.spans)
            if pii:
                assert spans, style
            else:
                assert not spans, style
            out.append({"id": f"{style}-{i:03d}", "style": style, "text": text, "spans": spans})
    with open(HERE / "corpus.jsonl", "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} texts to {HERE / 'corpus.jsonl'}")


if __name__ == "__main__":
    main()
