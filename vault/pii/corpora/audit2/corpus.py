# ruff: noqa
# HELD OUT (audit-2). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit2`) may be looked at, and only
# to report them.

"""Blind evaluation corpus generator (auditor 2) for a French PII detector.

Deterministic (seed 4242). Run: /work/main/.venv/bin/python /tmp/blind2/corpus.py
Writes /tmp/blind2/corpus.jsonl (900 texts, 6 styles x 150).
"""
from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

sys.path.insert(0, "/work/main")
from confiance.identifiers import make_nir, nir_key, make_siren, make_siret, make_fr_iban, luhn_check_digit  # noqa: E402
from faker import Faker  # noqa: E402

SEED = 4242
R = random.Random(SEED)
FK = Faker("fr_FR")
FK.seed_instance(SEED)
OUT = "/tmp/blind2/corpus.jsonl"

# --------------------------------------------------------------------------- lexicons
EXTRA_LAST = ["Nguyen", "Tran", "Benali", "Haddad", "Diallo", "Traoré", "N'Diaye", "Kowalski", "Ferreira",
              "Da Silva", "Dos Santos", "de La Fontaine", "Le Goff", "Le Bihan", "O'Neill", "Lefèvre-Durand",
              "Müller", "Rossi", "García", "Öztürk", "Yilmaz", "Mbappé", "Kouassi", "Abdallah", "Benjelloun",
              "Zhang", "Petrescu", "d'Aubigné", "Van der Berg", "Saint-Cyr", "Ó Briain", "Chérif", "Ben Hamida",
              "Mercier-Lagarde", "Hoarau", "Payet", "Grondin", "Santoni", "Casanova", "Lê", "Pham", "Okafor"]
EXTRA_FIRST_F = ["Aïcha", "Maëlle", "Zoé", "Chloé", "Hélène", "Anaïs", "Fatoumata", "Ioana", "Mei", "Thi Lan",
                 "Marie-Noëlle", "Agnès", "Nadège", "Yasmine", "Inès", "Bérénice", "Şule", "Awa", "Gaëlle"]
EXTRA_FIRST_M = ["Loïc", "Jean-Baptiste", "Mamadou", "Karim", "Wei", "Yannick", "Mehdi", "Jérôme", "Noël",
                 "Anh", "Grégoire", "Hervé", "Kévin", "Ahmed", "Piotr", "Joël", "Jean-François", "Gaël", "Eloi"]
TOWNS = [("75012", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("33000", "Bordeaux"),
         ("59000", "Lille"), ("31400", "Toulouse"), ("44000", "Nantes"), ("67000", "Strasbourg"),
         ("35000", "Rennes"), ("76000", "Rouen"), ("20000", "Ajaccio"), ("20200", "Bastia"),
         ("97400", "Saint-Denis"), ("97200", "Fort-de-France"), ("24150", "Lalinde"), ("63000", "Clermont-Ferrand"),
         ("29200", "Brest"), ("87000", "Limoges"), ("21000", "Dijon"), ("80000", "Amiens"), ("64100", "Bayonne"),
         ("38000", "Grenoble"), ("45000", "Orléans"), ("51100", "Reims"), ("06000", "Nice"), ("34000", "Montpellier"),
         ("72000", "Le Mans"), ("86000", "Poitiers"), ("12000", "Rodez"), ("48000", "Mende"), ("73000", "Chambéry"),
         ("57000", "Metz"), ("97300", "Cayenne"), ("42000", "Saint-Étienne"), ("91300", "Massy"), ("93200", "Saint-Denis")]
STREET_TYPES = ["rue", "avenue", "bd", "boulevard", "allée", "impasse", "chemin", "place", "route", "rte", "av.", "quai",
                "square", "cours", "Rue", "RUE"]
STREET_NAMES = ["des Lilas", "Victor Hugo", "Jean-Jaurès", "de la République", "du Général de Gaulle", "des Tanneurs",
                "Pasteur", "du Moulin", "de l'Église", "Émile Zola", "des Acacias", "de la Gare", "Paul Bert",
                "du 8 Mai 1945", "Saint-Exupéry", "des Frères Lumière", "de Verdun", "Gambetta", "des Prés",
                "Marcel Pagnol", "du Docteur Roux", "de la Paix", "des Cordeliers", "Lamartine"]
LIEUX_DITS = ["La Grange Neuve", "Le Pigeonnier", "Les Bruyères", "Le Haut Bois", "La Métairie", "Peyrelevade"]
RESIDENCES = ["Résidence Les Tilleuls", "Rés. du Parc", "Résidence Bellevue", "Les Jardins d'Alice", "Cité des Fleurs"]
MAIL_DOMAINS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr", "yahoo.fr",
                "outlook.com", "icloud.com", "mail.univ-lyon1.fr", "etu.univ-nantes.fr", "ac-rennes.fr", "protonmail.com",
                "neuf.fr", "numericable.fr"]
DRUGS = ["Doliprane 1000", "Lévothyrox 75", "Kardegic 75 mg", "Metformine 850", "Xarelto", "Ventoline", "Augmentin",
         "Spasfon", "Inexium 20", "Tahor 10", "Amlodipine 5 mg", "Dafalgan", "Humalog", "Seretide", "Eliquis 5"]
ACRONYMS = ["ALD", "CSS", "CMU-C", "PEC", "BR", "RAC", "TM", "DMP", "TP", "OPTAM", "DPTAM", "HAD", "SSR", "IRM",
            "ECG", "HbA1c", "IMC", "BPCO", "AVC", "RO", "100% santé", "NGAP", "LPP"]
CCAM = ["HBLD038", "HBKD001", "HBLD490", "HBBD005", "HBGD036", "LBLD015", "HBMD053", "HBLD634", "HBQK002",
        "HBJD001", "YYYY010", "HBLD036", "QZJA002"]
PLACES = ["hôpital Édouard-Herriot", "CHU Charles-Nicolle", "lycée Jean-Moulin", "clinique Pasteur",
          "Institut Gustave-Roussy", "hôpital Necker", "Fondation Rothschild", "EHPAD Marcel-Pagnol",
          "centre Léon-Bérard", "hôpital Georges-Pompidou", "collège Jules-Ferry", "clinique Saint-Jean",
          "hôpital Bichat-Claude-Bernard", "CHU Pellegrin", "centre dentaire Victor-Hugo", "maison de santé Simone-Veil"]
COMPANY_FORMS = ["Transports {S}", "Boulangerie {S}", "SARL {S} et Fils", "Ets {S}", "Pharmacie {S}", "Garage {S}",
                 "Cabinet {S} & Associés", "{S} BTP", "Menuiserie {S}", "SAS {S} Distribution", "Laboratoires {S}",
                 "Maison {S}", "{S} Conseil"]
COMPANY_SURNAMES = ["Lefebvre", "Moreau", "Dupuis", "Guillot", "Marchand", "Roussel", "Boyer", "Lemaire",
                    "Fontaine", "Chevalier", "Perrin", "Gauthier", "Blanchard", "Caron"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
MONTHS_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
MONTHS_ABBR2 = ["jan", "fev", "mar", "avr", "mai", "jun", "jul", "aou", "sep", "oct", "nov", "dec"]

DEPTS = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B", "971", "972", "974", "99"]


def strip_accents(s: str) -> str:
    out = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return out if len(out) == len(s) else s


# --------------------------------------------------------------------------- person record
class Person:
    def __init__(self, years=(1938, 2004)):
        self.sex = R.choice("MF")
        if R.random() < 0.3:
            self.first = R.choice(EXTRA_FIRST_M if self.sex == "M" else EXTRA_FIRST_F)
        else:
            self.first = FK.first_name_male() if self.sex == "M" else FK.first_name_female()
        self.last = R.choice(EXTRA_LAST) if R.random() < 0.35 else FK.last_name()
        y = R.randint(*years)
        self.dob = date(y, 1, 1) + timedelta(days=R.randint(0, 364))
        dep = R.choice(DEPTS)
        commune = R.randint(1, 99) if len(dep) == 3 else R.randint(1, 990)
        self.nir = make_nir(self.sex, self.dob.year, self.dob.month, dep, commune, R.randint(1, 999))


def fmt_name(p: Person, style: str | None = None) -> str:
    s = style or R.choice(["Fl", "FL", "FL", "LF", "Lf", "iL", "iLdot", "lower", "Fl", "LFcomma", "iLnosp"])
    f, l = p.first, p.last
    ini = f[0] + "."
    if s in ("iL", "iLdot", "iLnosp") and f[0] == "M":  # "M." would read as Monsieur
        s = "FL"
    if "-" in f:
        ini = "-".join(x[0] + "." for x in f.split("-"))
    return {
        "Fl": f"{f} {l}", "FL": f"{f} {l.upper()}", "LF": f"{l.upper()} {f}", "Lf": f"{l} {f}",
        "iL": f"{ini} {l}", "iLdot": f"{ini} {l.upper()}", "lower": f"{f.lower()} {l.lower()}",
        "LFcomma": f"{l.upper()}, {f}", "iLnosp": f"{ini}{l.upper()}",
    }[s]


# --------------------------------------------------------------------------- value formatters
def fmt_nir(n: str) -> str:
    a, b, c, d, e, f_, k = n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]
    body = n[:13]
    choice = R.randint(0, 11)
    if choice == 0:
        return n
    if choice == 1:
        return f"{a} {b} {c} {d} {e} {f_} {k}"
    if choice == 2:
        return f"{a}-{b}-{c}-{d}-{e}-{f_}-{k}"
    if choice == 3:
        return f"{a}.{b}.{c}.{d}.{e}.{f_}.{k}"
    if choice == 4:
        return f"{a} {b} {c} {d} {e} {f_} - {k}"
    if choice == 5:
        return f"{body} clé {k}"
    if choice == 6:
        return f"{a} {b} {c} {d} {e} {f_} clef {k}"
    if choice == 7:
        return f"{body}/{k}"
    if choice == 8:
        return f"{body} {k}"
    if choice == 9:
        return f"{a}{b}{c}{d}{e}{f_} / {k}"
    if choice == 10:
        return f"{a}{b}{c}{d}{e}{f_}-{k}"
    return f"{a} {b}{c} {d}{e} {f_} {k}"


def fake_nir() -> str:
    """15 digits with NIR shape but an invalid key (hard negative)."""
    p = Person()
    body = p.nir[:13]
    good = int(p.nir[13:])
    bad = (good + R.randint(1, 40)) % 100
    if bad == good or bad == 0:
        bad = (good + 3) % 100 or 7
    k = f"{bad:02d}"
    a, b, c, d, e, f_ = body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13]
    return R.choice([f"{body}{k}", f"{a} {b} {c} {d} {e} {f_} {k}", f"{body} clé {k}", f"{a}.{b}.{c}.{d}.{e}.{f_}.{k}"])


def fake13() -> str:
    """13-digit reference number not shaped as a NIR (first digit 3-9)."""
    s = str(R.randint(3, 9)) + "".join(str(R.randint(0, 9)) for _ in range(12))
    return R.choice([s, " ".join([s[:1], s[1:3], s[3:5], s[5:7], s[7:10], s[10:]])])


def phone() -> str:
    mob = R.random() < 0.6
    first = R.choice("67") if mob else R.choice("123459")
    rest = [f"{R.randint(0, 99):02d}" for _ in range(4)]
    n = f"0{first}"
    c = R.randint(0, 13)
    if c == 0:
        return " ".join([n] + rest)
    if c == 1:
        return n + "".join(rest)
    if c == 2:
        return ".".join([n] + rest)
    if c == 3:
        return "-".join([n] + rest)
    if c == 4:
        return f"+33 {first} " + " ".join(rest)
    if c == 5:
        return f"+33{first}" + "".join(rest)
    if c == 6:
        return f"+33 (0){first} " + " ".join(rest)
    if c == 7:
        return f"0033 {first} " + " ".join(rest)
    if c == 8:
        return f"+33.{first}." + ".".join(rest)
    if c == 9:
        return f"+33 0{first} " + " ".join(rest)
    if c == 10:
        return f"+262 692 {R.randint(10,99)} {R.randint(10,99)} {R.randint(10,99)}"
    if c == 11:
        return f"0596 {R.randint(10,99)} {R.randint(10,99)} {R.randint(10,99)}"
    if c == 12:
        return f"{n} {rest[0]}{rest[1]} {rest[2]}{rest[3]}"
    return " ".join([n] + rest)


def email(p: Person) -> str:
    f = strip_accents(p.first.lower()).replace(" ", "").replace("'", "")
    l = strip_accents(p.last.lower()).replace(" ", "").replace("'", "")
    dom = R.choice(MAIL_DOMAINS)
    form = R.randint(0, 7)
    local = [f"{f}.{l}", f"{f[0]}.{l}", f"{l}.{f}", f"{f}{l}{R.randint(1, 99)}", f"{f}.{l}+mutuelle",
             f"{f[0]}{l}+remboursements", f"{f}_{l}", f"{l}{p.dob.year % 100:02d}"][form]
    return f"{local}@{dom}"


def iban() -> str:
    s = make_fr_iban(R.choice([30004, 30003, 10278, 20041, 11315, 30002, 18206, 17515]), R.randint(1, 99999),
                     R.randint(1, 99999999999))
    c = R.randint(0, 5)
    if c <= 2:
        return " ".join(s[i:i + 4] for i in range(0, 27, 4))
    if c == 3:
        return s
    if c == 4:
        return " ".join(s[i:i + 4] for i in range(0, 27, 4)).lower().replace("fr", "FR", 1)
    return "-".join(s[i:i + 4] for i in range(0, 27, 4))


def siren_val() -> str:
    return make_siren(R.randint(10000000, 99999999))


def siren() -> str:
    s = siren_val()
    return R.choice([s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}.{s[3:6]}.{s[6:]}"])


def siret() -> str:
    s = make_siret(siren_val(), R.randint(1, 200))
    return R.choice([s, f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}",
                     f"{s[:9]} {s[9:]}"])


def rpps() -> str:
    partial = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    s = partial + luhn_check_digit(partial)
    return s if R.random() < 0.8 else f"{s[:1]} {s[1:5]} {s[5:]}"


def adeli() -> str:
    s = R.choice(["75", "69", "13", "33", "59", "2A", "31"]) + R.choice("1234569") + "".join(
        str(R.randint(0, 9)) for _ in range(6))
    s = s.replace("2A", "20")
    return s if R.random() < 0.7 else f"{s[:2]} {s[2]} {s[3:8]} {s[8]}"


def address() -> str:
    cp, town = R.choice(TOWNS)
    num = str(R.randint(1, 180)) + R.choice(["", "", "", " bis", " ter", "B", "bis", " Bis"])
    street = f"{num} {R.choice(STREET_TYPES)} {R.choice(STREET_NAMES)}"
    c = R.randint(0, 9)
    sep = R.choice([", ", " ", " - ", "\n"])
    if c == 0:
        return f"{street}{sep}{cp} {town}"
    if c == 1:
        return f"Appt {R.randint(1, 80)}, bât. {R.choice('ABCDE')}, {street}\n{cp} {town.upper()}"
    if c == 2:
        return f"lieu-dit {R.choice(LIEUX_DITS)}{sep}{cp} {town}"
    if c == 3:
        return f"{street}, BP {R.randint(10, 999)}, {cp} {town} CEDEX"
    if c == 4:
        return f"{R.choice(RESIDENCES)}, esc. {R.randint(1, 6)}, {street}{sep}{cp} {town}"
    if c == 5:
        return f"{street.upper()} {cp} {town.upper()}"
    if c == 6:
        return f"{street}, CS {R.randint(10000, 99999)}, {cp} {town} Cedex {R.randint(1, 9)}"
    if c == 7:
        return f"{street}, {R.randint(1, 9)}e étage{sep}{cp} {town}"
    if c == 8:
        return f"{strip_accents(street.lower())} {cp} {strip_accents(town.lower())}"
    return f"{street}{sep}{cp} {town}"


def dob(p: Person) -> str:
    d = p.dob
    c = R.randint(0, 12)
    dd, mm, yy = d.day, d.month, d.year
    if c == 0:
        return f"{dd:02d}/{mm:02d}/{yy}"
    if c == 1:
        return f"{dd:02d}-{mm:02d}-{yy}"
    if c == 2:
        return f"{dd:02d}.{mm:02d}.{yy % 100:02d}"
    if c == 3:
        return d.isoformat()
    if c == 4:
        return f"{'1er' if dd == 1 else dd} {MONTHS[mm - 1]} {yy}"
    if c == 5:
        return f"{dd} {MONTHS_ABBR[mm - 1]} {yy}"
    if c == 6:
        return f"{dd}/{mm}/{yy % 100:02d}"
    if c == 7:
        return f"{dd} {MONTHS[mm - 1].upper()} {yy}"
    if c == 8:
        return f"{dd} {MONTHS_ABBR2[mm - 1]} {yy % 100:02d}"
    if c == 9:
        return f"{dd:02d}{mm:02d}{yy}"
    if c == 10:
        return f"{dd:02d}/{mm:02d}/{yy % 100:02d}"
    if c == 11:
        return f"{dd} {strip_accents(MONTHS[mm - 1])} {yy}"
    return f"{dd:02d}/{mm:02d}/{yy}"


def care_date() -> str:
    d = date(2024, 1, 1) + timedelta(days=R.randint(0, 650))
    return R.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {MONTHS[d.month - 1]}", d.isoformat(),
                     f"{d.day:02d}/{d.month:02d}", f"{d.day} {MONTHS_ABBR[d.month - 1]} {d.year}",
                     f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"])


def amount() -> str:
    v = R.randint(5, 3500) + R.choice([0, 0.5, 0.2, 0.99, 0.35])
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return R.choice([f"{s} €", f"{s}€", f"{s} EUR", f"{int(v)} euros"])


def ref(kind: str) -> str:
    y = R.choice([2024, 2025, 2026])
    if kind == "DOSS":
        return R.choice([f"DOS-{R.randint(100000, 999999)}", f"{y}/{R.randint(10000, 99999)}", f"D{R.randint(10**7, 10**8 - 1)}"])
    if kind == "CONTRAT":
        return R.choice([f"CT-{y}-{R.randint(100000, 999999)}", f"{R.randint(10**9, 10**10 - 1)}", f"MUT{R.randint(1000, 9999)}-{R.randint(10, 99)}"])
    if kind == "DEVIS":
        return R.choice([f"DV {y} {R.randint(100, 99999):05d}", f"D-{R.randint(1000, 9999)}", f"{y}{R.randint(1000, 9999)}"])
    if kind == "FINESS":
        return R.choice(["69", "75", "13", "33", "2A", "31"]).replace("2A", "2A") + f"{R.randint(0, 9999999):07d}"
    raise KeyError(kind)


def company() -> str:
    return R.choice(COMPANY_FORMS).format(S=R.choice(COMPANY_SURNAMES))


# --------------------------------------------------------------------------- rendering
PH = re.compile(r"\{([A-Z_0-9]+)\}")


class Ctx:
    def __init__(self, template: str = ""):
        self.p = Person((1984, 2004)) if re.search(r"grossesse|maternité|apprenti|ado", template) else Person()
        if re.search(r"enfant|fils|fille|ODF|ado", template):
            self.p2 = Person((2006, 2023))
        elif re.search(r"mère|père|Ma mère", template):
            self.p2 = Person((1930, 1960))
        else:
            self.p2 = Person()
        self.dr = Person()
        self.name_style = None


def value(key: str, ctx: Ctx):
    """Return (text, label or None)."""
    p, p2, dr = ctx.p, ctx.p2, ctx.dr
    table = {
        "NAME": lambda: (fmt_name(p), "PERSON"),
        "FN": lambda: (p.first, "PERSON"),
        "LN": lambda: (p.last, "PERSON"),
        "LNU": lambda: (p.last.upper(), "PERSON"),
        "FN_LNU": lambda: (f"{p.first} {p.last.upper()}", "PERSON"),
        "FN_LN": lambda: (f"{p.first} {p.last}", "PERSON"),
        "LNU_FN": lambda: (f"{p.last.upper()} {p.first}", "PERSON"),
        "NAME2": lambda: (fmt_name(p2), "PERSON"),
        "FN2": lambda: (p2.first, "PERSON"),
        "DR": lambda: (R.choice([dr.last, dr.last.upper(), f"{dr.first} {dr.last}", f"{dr.first[0]}. {dr.last}"]), "PERSON"),
        "NIR": lambda: (fmt_nir(p.nir), "NIR"),
        "NIR2": lambda: (fmt_nir(p2.nir), "NIR"),
        "PHONE": lambda: (phone(), "PHONE"),
        "EMAIL": lambda: (email(p), "EMAIL"),
        "IBAN": lambda: (iban(), "IBAN"),
        "ADDR": lambda: (address(), "ADDRESS"),
        "SIRET": lambda: (siret(), "SIRET"),
        "SIREN": lambda: (siren(), "SIRET"),
        "RPPS": lambda: (rpps(), "RPPS"),
        "ADELI": lambda: (adeli(), "ADELI"),
        "DOB": lambda: (dob(p), "DATE_OF_BIRTH"),
        "DOB2": lambda: (dob(p2), "DATE_OF_BIRTH"),
        "BYEAR": lambda: (str(p.dob.year), "DATE_OF_BIRTH"),
        "AGE": lambda: (str(max(1, 2025 - p.dob.year)), None),
        # hard negatives (unlabelled)
        "DATE": lambda: (care_date(), None),
        "DATE2": lambda: (care_date(), None),
        "AMT": lambda: (amount(), None),
        "AMT2": lambda: (amount(), None),
        "DOSS": lambda: (ref("DOSS"), None),
        "CONTRAT": lambda: (ref("CONTRAT"), None),
        "DEVIS": lambda: (ref("DEVIS"), None),
        "FINESS": lambda: (ref("FINESS"), None),
        "FAKENIR": lambda: (fake_nir(), None),
        "FAKE13": lambda: (fake13(), None),
        "TOWN": lambda: (R.choice(TOWNS)[1], None),
        "CP": lambda: (R.choice(TOWNS)[0], None),
        "DRUG": lambda: (R.choice(DRUGS), None),
        "DRUG2": lambda: (R.choice(DRUGS), None),
        "ACR": lambda: (R.choice(ACRONYMS), None),
        "ACR2": lambda: (R.choice(ACRONYMS), None),
        "CCAM": lambda: (R.choice(CCAM), None),
        "CCAM2": lambda: (R.choice(CCAM), None),
        "PLACE": lambda: (R.choice(PLACES), None),
        "COMPANY": lambda: (company(), None),
        "YEAR": lambda: (str(R.choice([2023, 2024, 2025, 2026])), None),
        "N": lambda: (str(R.randint(2, 8)), None),
        "PCT": lambda: (R.choice(["60 %", "70%", "100 %", "125%", "200 % BR", "300% BR", "80 %"]), None),
        "DENT": lambda: (R.choice(["16", "26", "36", "46", "11", "21", "47", "37", "14", "25"]), None),
        "GEST": lambda: (R.choice(["gest.", "GEST", "gestionnaire", "srv prestations", "equipe PS", "back-office"]), None),
    }
    return table[key]()


def typo(s: str) -> str:
    words = [m for m in re.finditer(r"[a-zé]{6,}", s)]
    if not words:
        return s
    m = R.choice(words)
    i = R.randint(m.start(), m.end() - 2)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


def render(template: str, ctx: Ctx, upper: bool, noacc: bool, typos: bool):
    pieces = []
    pos = 0
    for m in PH.finditer(template):
        pieces.append((template[pos:m.start()], None))
        pieces.append(value(m.group(1), ctx))
        pos = m.end()
    pieces.append((template[pos:], None))
    text = ""
    spans = []
    for i, (t, lab) in enumerate(pieces):
        if lab is None and i % 2 == 0:  # literal template text
            if noacc:
                t = strip_accents(t)
            if typos and R.random() < 0.2:
                t = typo(t)
        if upper:
            u = t.upper()
            t = u if len(u) == len(t) else t
        if lab is not None:
            spans.append([len(text), len(text) + len(t), lab])
        text += t
    for s, e, lab in spans:
        v = text[s:e]
        assert v == v.strip() and v, (v, template)
    return text, spans


# --------------------------------------------------------------------------- templates


CLAIMS_PII = [
    "Remb. refusé pour {NAME}, NIR {NIR} : la facture du {DATE} ne correspond pas. Montant {AMT}, dossier {DOSS}.",
    "Adherent {NAME} (né le {DOB}) - regul TM sur séances kiné, {AMT} versés sur IBAN {IBAN}.",
    "Mme {NAME} conteste le dépassement d'honoraires du Dr {DR} (RPPS {RPPS}). Acte {CCAM} du {DATE}, BR {AMT}.",
    "Changement de RIB demandé par M. {NAME} : nouvel IBAN {IBAN}. Ancien compte clôturé. Pas d'impact sur le contrat {CONTRAT}.",
    "Bénéficiaire : {NAME2}, né(e) le {DOB2}, NIR {NIR2}. Rattachement au contrat de {NAME} validé le {DATE}.",
    "Facture optique {AMT} - opticien {COMPANY} (SIRET {SIRET}). Assuré {NAME}, sécu {NIR}. Forfait 100% santé appliqué.",
    "Rejet NOEMIE : NIR {NIR} inconnu chez nous, l'adhérente {NAME} a donné sa date de naissance {DOB}. A vérifier avec la CPAM de {TOWN}.",
    "appel sortant vers {NAME} au {PHONE} pour pièces manquantes (feuille de soins du {DATE}). Relance prévue.",
    "Courrier retour NPAI pour {NAME}. Nouvelle adresse transmise : {ADDR}.",
    "Dossier {DOSS} - pharmacie, {DRUG} non remboursable. Info envoyée à {EMAIL} le {DATE}.",
    "REMBOURSEMENT HOSPI {PLACE} : {AMT} de forfait journalier, patient {NAME}, ne le {DOB}.",
    "Ostéo {DR} (ADELI {ADELI}) : 3 séances prises en charge sur 4, plafond {AMT} atteint pour {FN}.",
    "PEC audio refusée, devis {DEVIS} incomplet. Contacter {NAME} : {EMAIL} / {PHONE}",
    "{GEST} : double paiement détecté sur {NIR}, {AMT} à récupérer par compensation. Adhérent {LNU}.",
    "Mutation de {NAME} vers formule Confort au 1er du mois. Date de naissance contrôlée : {DOB}. Cotisation recalculée.",
    "Prise en charge cure thermale pour {NAME} ({TOWN}), forfait {AMT}. Virement sur {IBAN}.",
    "Erreur de saisie sur la fille de l'adhérent : {NAME2} est née le {DOB2} et non le {DATE}. Corrigé dans la fiche.",
    "Transmis au service fraude : ordonnances de {DRUG} signées Dr {DR}, RPPS {RPPS} - tampon douteux. Adhérent {NAME}, NIR {NIR}.",
    "Taux de remboursement {PCT} appliqué. M. {LN} rappelle ce jour, tel {PHONE}.\n-- {GEST}",
    "Regul. CSS : {NAME}\nNIR : {NIR}\nDDN : {DOB}\nAdresse : {ADDR}",
    "psy : 8 séances MonSoutienPsy, Mme {DR} ADELI {ADELI}, patient {NAME}. Dépassement {AMT} non pris en charge.",
    "Remboursement envoyé à {NAME} mais IBAN {IBAN} rejeté par la banque (compte clos). Relancer l'assurée à {EMAIL}.",
]
CLAIMS_NEG = [
    "Remboursement {DRUG} refusé : médicament non remboursable (SMR insuffisant). {ACR} non concerné. Dossier {DOSS}.",
    "Acte {CCAM} du {DATE} côté à {AMT}, BR {AMT2}. Taux {PCT}. Pas de dépassement. Clôturé.",
    "FACTURE HOSPITALISATION {PLACE} DU {DATE} AU {DATE2} : FORFAIT JOURNALIER {AMT}. CONTRAT {CONTRAT}.",
    "Établissement FINESS {FINESS} ({TOWN}, {CP}), facture n° {FAKE13}. Reste à charge {AMT} après {ACR}.",
    "Numéro saisi {FAKENIR} invalide (clé fausse), rejet automatique du flux. Demander une copie de la carte vitale.",
    "Lot de {N} feuilles de soins scannées le {DATE}, {N} rejets pour {ACR}. Aucune anomalie sur le contrat {CONTRAT}.",
    "Regul tiers payant {COMPANY}, {AMT} à reverser. Ref. virement {FAKE13}.",
    "Forfait {ACR2} appliqué sur {CCAM} et {CCAM2}, total remboursé {AMT}. Voir dossier {DOSS} pour le détail.",
]

CALL_PII = [
    "Appel entrant de {NAME} ({PHONE}) : demande d'attestation tiers payant. Envoyée sur {EMAIL}.",
    "Mme {LNU} appelle, ne comprend pas le reste à charge de {AMT} sur sa facture {PLACE}. Expliqué BR / {ACR}.",
    "Appel de {FN} pour son fils {FN2}, né le {DOB2}. Souhaite l'ajouter comme ayant droit, NIR de l'enfant : {NIR2}.",
    "Rappel demandé au {PHONE} entre 12h et 14h. Adhérent {NAME}, contrat {CONTRAT}.",
    "Interlocuteur : {NAME}\nTél : {PHONE}\nObjet : changement d'adresse -> {ADDR}",
    "L'appelant s'est identifié avec son NIR {NIR} et sa date de naissance ({DOB}). Identité ok. Question sur le remboursement {DRUG}.",
    "{NAME} très mécontent(e), menace de résilier. Dossier {DOSS} transmis au N2. Rappeler sur le portable {PHONE}.",
    "appel de la pharmacie {COMPANY} pour un tiers payant refusé sur {NAME} - droits ouverts jusqu'au {DATE}, ok.",
    "M. {NAME}, né en {BYEAR}, veut connaître les garanties hospi avant une opération à {PLACE} le {DATE}.",
    "Appel transféré par l'accueil. Mme {NAME} signale un décès (conjoint, {NAME2}). Envoi formulaire à {ADDR}.",
    "Rdv téléphonique fixé le {DATE} avec {FN}. Numéro fixe : {PHONE} / mobile : {PHONE}.",
    "APPEL {NAME} - DEMANDE RIB MUTUELLE. A DONNÉ SON IBAN POUR LES REMBOURSEMENTS : {IBAN}.",
    "Appelante : {NAME}, DDN {DOB}. Souhaite changer d'adresse mail -> {EMAIL}. Fait.",
    "le Dr {DR} (RPPS {RPPS}) appelle pour vérifier les droits de sa patiente {NAME}. Droits ouverts, formule {ACR}.",
    "Appel {NAME} : sa carte vitale indique {NIR}, notre fichier un autre numéro. Corrigé après vérif.",
    "Call back : {FN} rappelle ({PHONE}), toujours pas reçu ses {AMT} de remboursement dentaire. Virement du {DATE} sur {IBAN}.",
    "Appel d'une infirmière libérale, Mme {DR}, n° ADELI {ADELI}, pour un patient, {NAME}. Pas de PEC sans prescription.",
    "{NAME} demande un devis pour ses lunettes chez {COMPANY}. Renvoyée vers le réseau. Joignable au {PHONE}.",
    "Appel de {NAME}, employeur {COMPANY} (SIRET {SIRET}), sur la portabilité de ses droits.",
    "appelant anonyme au debut puis s'est présenté : {FN_LNU}, né le {DOB}, domicilié {ADDR}.",
    "Nouvelle adhésion par tel : {NAME}, {EMAIL}, {PHONE}. NIR {NIR}. Docs à envoyer.",
    "Appel du kiné {DR} (SIRET {SIRET}, ADELI {ADELI}) : facture de {NAME} rejetée, tiers payant non ouvert.",
    "mr {LN} au tel pour sa mère {NAME2} (née le {DOB2}) hospitalisée à {PLACE}. Pas de procuration, infos non données.",
]
CALL_NEG = [
    "Appel entrant 4 min : question générale sur le remboursement des lentilles. Renvoyé vers l'espace adhérent. Pas de dossier.",
    "Appel de la clinique ({PLACE}) : demande de prise en charge pour hospi du {DATE}. PEC n° {DOSS} envoyée par fax.",
    "Le correspondant n'a pas voulu décliner son identité. Aucune info communiquée. Fin d'appel.",
    "APPEL PHARMACIE DE {TOWN} ({CP}) : REJET TP SUR {DRUG}, CODE {ACR}. RÉSOLU.",
    "Question sur l'{ACR} et les séances de {ACR2}. Expliqué : remboursé à {PCT} de la BR. Appel clôturé, {N} min.",
    "Le numéro communiqué ({FAKENIR}) ne passe pas le contrôle de clé, on ne peut pas identifier l'appelant. Rappel demandé avec la carte vitale.",
    "Appel de {COMPANY} : facture {FAKE13} de {AMT}, en attente de paiement depuis le {DATE}.",
    "Appel du centre {PLACE} (FINESS {FINESS}) pour une PEC dentaire {CCAM}. Transmis au service devis.",
]

DENTAL_PII = [
    "Devis {DEVIS} du Dr {DR} (RPPS {RPPS}) pour {NAME} : couronne céramique sur {DENT}, acte {CCAM}, {AMT}.",
    "Devis implant incomplet, manque la radio. Patient : {NAME}, NIR {NIR}. Chirurgien-dentiste {DR}, cabinet SIRET {SIRET}.",
    "Bridge 3 éléments {CCAM}/{CCAM2} : PEC à {PCT}, reste à charge {AMT} pour {NAME} (née le {DOB}).",
    "Le cabinet {COMPANY} (SIREN {SIREN}) demande le paiement direct. Assuré {NAME}, IBAN du cabinet non fourni.",
    "ODF enfant {FN2}, né le {DOB2} : 6 semestres, {AMT} par semestre. Parent adhérent {NAME}.",
    "Devis reçu par mail de {EMAIL}. {NAME} veut savoir combien il lui restera pour 2 couronnes (dents {DENT} et {DENT}).",
    "DEVIS {DEVIS} - {NAME} - INLAY-CORE + COURONNE - DR {DR} - RPPS {RPPS}",
    "Prothésiste : {COMPANY}. Praticien : Dr {DR}, n° RPPS {RPPS}. Patiente {NAME}, {ADDR}.",
    "Accord de PEC envoyé à {NAME} ({EMAIL}) pour le devis {DEVIS} : {AMT} remboursés sur {AMT2}.",
    "Panier 100% santé non respecté sur {DENT}. Rappeler le Dr {DR} au {PHONE}. Devis de {NAME} en attente.",
    "Devis parodontie, non remboursé SS. Forfait mutuelle {AMT}/an. Adhérent {LNU_FN}, NIR {NIR}.",
    "Patient {NAME}, ddn {DOB}, souhaite aligneurs invisibles. Pas de PEC après 16 ans. Devis {DEVIS} refusé.",
    "Dr {DR} - chirurgien dentiste - RPPS {RPPS}\n{ADDR}\nTél. {PHONE}",
    "Devis comparatif de {NAME} : cabinet A {AMT}, cabinet B {AMT2} (centre {PLACE}). Conseillé le réseau.",
    "Virement du remboursement prothèse ({AMT}) à {NAME} sur {IBAN}. Devis {DEVIS} soldé.",
    "Hygiéniste / assistante {NAME2} a appelé du cabinet du Dr {DR} (tél {PHONE}) pour le devis de {NAME}.",
    "Implant {DENT} : non remboursé SS (acte {CCAM} hors nomenclature). {NAME} (ddn {DOB}) demande une aide exceptionnelle.",
    "Stomatologue Dr {DR}, RPPS {RPPS}, SIRET {SIRET} : extraction des dents de sagesse sous AG pour {FN}, {AMT}.",
    "Devis prothèse amovible pour M. {NAME} (né le {DOB}, sécu {NIR}) : {CCAM}, {AMT}. A valider avant le {DATE}.",
    "Réclamation {NAME} : le dentiste {COMPANY} a facturé {AMT} de plus que le devis {DEVIS}. Adresse patient : {ADDR}",
    "Demande d'entente préalable, patient {NAME}, NIR {NIR}, praticien {DR} (RPPS {RPPS}).",
]
DENTAL_NEG = [
    "Devis {DEVIS} : couronne céramo-métallique dent {DENT}, code {CCAM}, honoraires {AMT}, BR {AMT2}. Panier maîtrisé.",
    "DEVIS IMPLANT + PILIER + COURONNE : {AMT}. ACTE {CCAM} NON REMBOURSABLE SS. FORFAIT MUTUELLE {AMT2}.",
    "Inlay-core {CCAM} + couronne {CCAM2}. Total {AMT}, RAC estimé {AMT2} après remboursement {PCT}.",
    "Centre dentaire {PLACE} (FINESS {FINESS}) : devis {DEVIS} reçu le {DATE}, en attente de radiographie panoramique.",
    "Devis refusé : le numéro inscrit ({FAKENIR}) n'est pas un NIR valide, et la dent {DENT} est déjà couronnée depuis {YEAR}.",
    "Traitement ODF semestre {N}/6, {AMT} le semestre. {ACR} hors panier. Code {CCAM}.",
    "Prothésiste {COMPANY} ({TOWN}) : fabrication française, devis {DEVIS}, facture {FAKE13}.",
    "Détartrage {CCAM} + {N} caries ({CCAM2}) : pas de devis nécessaire, remboursé à {PCT}.",
]

EMAIL_PII = [
    "Bonjour,\nJe n'ai toujours pas reçu le remboursement de mes lunettes ({AMT}). Mon numéro de sécu est {NIR}.\nCordialement,\n{NAME}",
    "bjr, j'ai changé de banque, voici mon nouvel iban {IBAN} merci de mettre à jour\n{FN}",
    "Madame, Monsieur,\nSuite à mon déménagement, ma nouvelle adresse est :\n{ADDR}\nBien à vous,\n{NAME}\n{PHONE}",
    "Bonjour, je voudrais ajouter ma fille {FN2} née le {DOB2} sur mon contrat {CONTRAT}. Son NIR : {NIR2}. Merci, {NAME}",
    "Salut, c'est encore moi ! vous pouvez me rappeler au {PHONE} svp ? c'est pour le devis du dentiste. {FN}",
    "Bonjour,\nje m'appelle {NAME}, né le {DOB}, et je ne retrouve pas mes identifiants. Mon mail : {EMAIL}\nMerci",
    "Bonjour, ci-joint la facture du Dr {DR} (ostéopathe, ADELI {ADELI}) pour la séance du {DATE}. {NAME}",
    "objet : résiliation\nJe soussigné(e) {NAME}, demeurant {ADDR}, souhaite résilier mon contrat au {DATE}.\n{NAME}",
    "Hello, pourquoi je paye {AMT} de cotis alors que mon mari {NAME2} est déjà couvert chez {COMPANY} ?? merci de me répondre vite\n{FN_LNU}\n{PHONE}",
    "Bonsoir,\nMa mère, {NAME2} (née le {DOB2}), est hospitalisée à {PLACE}. Est-ce que la chambre particulière est prise en charge ?\nCdt, {NAME}",
    "BONJOUR JE SUIS {NAME} NUMERO SECU {NIR} JE VEUX SAVOIR OU EN EST MON DOSSIER {DOSS}",
    "Bonjour, merci d'utiliser dorénavant cette adresse : {EMAIL} (l'ancienne ne marche plus). {NAME}",
    "Re: votre demande\n\nVoilà mon RIB : {IBAN}, titulaire {NAME}.\n\nEnvoyé de mon iPhone",
    "Bonjour,\nMon médecin traitant, le Dr {DR} (RPPS {RPPS}), m'a prescrit du {DRUG}. Est-ce remboursé ?\n{NAME}\nTel {PHONE}",
    "bonjour je suis né en {BYEAR} et je voulais savoir si la formule senior est accessible. {FN}",
    "Je vous transmets l'attestation de mon employeur ({COMPANY}, SIRET {SIRET}) pour la dispense.\n\n{NAME}\n{ADDR}",
    "Coucou, euh pardon, Bonjour ! C'est {FN_LN}. mon num a changé : {PHONE}. date de naissance {DOB} si besoin pour me retrouver",
    "Bonjour,\nVous trouverez mes coordonnées :\n{NAME}\n{ADDR}\n{PHONE}\n{EMAIL}",
    "Je conteste le refus pour l'acte {CCAM} du {DATE}. Mon n° de sécurité sociale : {NIR}. {NAME}",
    "--\n{NAME}\nConseiller clientèle - {COMPANY}\nLigne directe : {PHONE}\n{EMAIL}",
    "Bonjour, je suis kiné ({NAME}, ADELI {ADELI}, RPPS {RPPS}) et je soigne un de vos adhérents. Le tiers payant est refusé, pourquoi ?",
]
EMAIL_NEG = [
    "Bonjour,\nEst-ce que le {DRUG} est remboursé si c'est prescrit par le médecin ? Merci d'avance.",
    "Bonjour, je voudrais savoir si les séances d'ostéopathie sont prises en charge dans la formule {ACR}. Cordialement",
    "Bonjour,\nJ'ai été hospitalisé à {PLACE} du {DATE} au {DATE2}. Le forfait journalier de {AMT} est-il remboursé ?\nMerci",
    "JE N'ARRIVE PAS À ME CONNECTER À L'ESPACE ADHÉRENT DEPUIS LE {DATE}. POUVEZ-VOUS M'AIDER ?",
    "bjr, mon dossier {DOSS} est bloqué depuis 3 semaines, il manque quoi ?? la facture faisait {AMT}.",
    "Bonjour, sur le formulaire j'ai écrit {FAKENIR} mais je crois que je me suis trompé dans le numéro, pouvez-vous ignorer ?",
    "Bonjour, le centre de santé de {TOWN} ({CP}) me demande une prise en charge pour un {ACR}. Comment faire ? Merci",
    "Bonjour,\nLe contrat {CONTRAT} couvre-t-il l'acte {CCAM} (couronne) ? Le devis {DEVIS} est de {AMT}.\nBonne journée",
]

COACH_PII = [
    "Séance 2 avec {NAME} : objectif -4 kg, IMC 31. Glycémie à jeun ok. Prochain point le {DATE} au {PHONE}.",
    "Coaching tabac : {FN} a réduit à 5 cig/jour. Patchs nicotiniques. Né en {BYEAR}, fumeur depuis 30 ans.",
    "Bilan initial {NAME}, né(e) le {DOB} : sédentaire, HTA traitée par {DRUG}. Programme marche 3x/semaine.",
    "Appel de suivi prévention diabète. {NAME} ({EMAIL}) a reçu le livret. HbA1c 7,2 %. Pas de {ACR}.",
    "Inscription atelier sommeil à {TOWN} : {NAME}, {PHONE}, {EMAIL}.",
    "{FN} ne répond plus depuis 3 séances. Message laissé au {PHONE}. Clôture du programme si pas de retour.",
    "Coaching post-AVC pour {NAME}, adresse pour l'envoi du podomètre : {ADDR}.",
    "Note coach : {FN2}, fils de l'adhérente {NAME}, né le {DOB2}, inscrit au programme nutrition ado.",
    "Orientation vers la diététicienne Mme {DR} (ADELI {ADELI}) pour {NAME}.",
    "Séance visio : {NAME} motivé, a perdu 2 kg. Suivi par son MT, Dr {DR} (RPPS {RPPS}).",
    "PROGRAMME DOS : {NAME} - DDN {DOB} - {PHONE} - LOMBALGIE CHRONIQUE, 6 SÉANCES APA.",
    "Bilan fin de programme {LNU_FN} : tension stabilisée, arrêt {DRUG} par le cardiologue du {PLACE}.",
    "Questionnaire PHQ-9 = 12 pour {NAME}. Orientation psy proposée (Mme {DR}, ADELI {ADELI}). NIR pour PEC : {NIR}.",
    "{NAME} (née le {DOB}) souhaite un accompagnement grossesse. Envoi du kit à {ADDR}.",
    "Participant {NAME}\nEmail {EMAIL}\nTél {PHONE}\nObjectif : reprise du sport après {ACR}",
    "Coaching aidant : {NAME} s'occupe de son père {NAME2} (né le {DOB2}), dépendant. Épuisement, orientation {ACR}.",
    "Relance sms au {PHONE} faite. {FN} viendra à l'atelier du {DATE} à la maison de santé de {TOWN}.",
    "Pour le remboursement des séances APA, {NAME} envoie son RIB : {IBAN}.",
    "Entretien motivationnel avec {FN}, né le {DOB}. Consommation alcool 20 u/semaine.",
    "Nouveau coaché : {NAME}, {ADDR}, tél. fixe {PHONE}. Programme cardio, pré-requis ECG ok.",
    "Kiné référent pour {NAME} : {DR}, ADELI {ADELI}. Sessions de renforcement à {TOWN}.",
    "Facture de l'intervenante APA {NAME} (auto-entrepreneuse, SIRET {SIRET}) : {AMT} pour {N} séances collectives.",
    "Prestataire podomètres : {COMPANY}, SIREN {SIREN}. Livraison chez {NAME}, {ADDR}.",
]
COACH_NEG = [
    "Atelier nutrition du {DATE} à {TOWN} : {N} participants, thème sucres cachés. Prochain atelier en visio.",
    "Programme diabète : rappel HbA1c cible < 7 %, {DRUG} + activité physique. Séance collective, pas de données individuelles.",
    "Séance {N}/8 : exercices de cohérence cardiaque, 3 fois par jour. Suivi IMC et tour de taille.",
    "WEBINAIRE PRÉVENTION CARDIO LE {DATE} - INTERVENANT DU {PLACE}. INSCRIPTIONS OUVERTES.",
    "Bilan anonymisé : 62 % des participants ont réduit leur consommation de tabac à {N} mois. {ACR} stable.",
    "Partenariat avec le {PLACE} pour les ateliers mémoire. Convention {CONTRAT}, budget {AMT}.",
    "Coaching sommeil : éviter les écrans, {DRUG} déconseillé au long cours. Revoir à {N} semaines.",
    "Salle réservée à la maison de santé de {TOWN} ({CP}) pour l'atelier APA du {DATE}. Coût {AMT}.",
]

HR_PII = [
    "Bonjour, nous vous informons de l'embauche de {NAME} au {DATE}, NIR {NIR}, né(e) le {DOB}. Merci de l'affilier au contrat collectif {CONTRAT}.",
    "Entreprise {COMPANY} - SIRET {SIRET}. Sortie de {NAME} au {DATE} (fin de CDD). Portabilité à activer.",
    "Objet : affiliation\nSalarié : {NAME}\nNIR : {NIR}\nDate de naissance : {DOB}\nAdresse : {ADDR}",
    "Madame, veuillez trouver la DSN corrigée pour SIREN {SIREN}. Le salarié {NAME} avait un NIR erroné, le bon est {NIR}.",
    "Mise à jour : {NAME} passe en temps partiel. Pas d'impact sur la cotisation. Contact RH : {EMAIL}.",
    "Dispense d'adhésion de {NAME} (couvert par le contrat de son conjoint chez {COMPANY}). Justificatif joint.\n\nService RH\n{PHONE}",
    "Liste des nouveaux entrants (établissement SIRET {SIRET}) :\n- {NAME}, né le {DOB}\n- {NAME2}, née le {DOB2}",
    "Bonjour, merci de bien vouloir rattacher l'enfant de {NAME}, {FN2}, né le {DOB2}, NIR {NIR2}.",
    "Le remboursement de la cotisation trop-perçue de {AMT} est à verser sur le compte de l'entreprise : IBAN {IBAN}.",
    "RH {COMPANY} : pouvez-vous envoyer la carte de tiers payant de {NAME} à son domicile, {ADDR} ?",
    "DÉCLARATION D'ARRÊT - SALARIÉ {NAME} - NIR {NIR} - SIRET EMPLOYEUR {SIRET}",
    "Cordialement,\n{NAME}\nResponsable paie - {COMPANY}\nTél : {PHONE}\nMail : {EMAIL}",
    "Suite au décès de notre salarié {NAME} le {DATE}, merci de nous indiquer les démarches pour ses ayants droit.",
    "Changement de catégorie (cadre) pour {NAME}, matricule {DOSS}, au {DATE}. SIREN {SIREN}.",
    "Bonjour, le salarié {FN_LNU} (né le {DOB}) refuse l'adhésion. Il nous a donné son mail perso : {EMAIL}.",
    "Pour info, {NAME} a changé de RIB, son nouvel IBAN est {IBAN}. Il a préféré passer par nous.",
    "Radiation de {NAME} au {DATE} (licenciement). NIR {NIR}. Portabilité 12 mois.",
    "Affiliation apprenti : {NAME}, né en {BYEAR}, entré le {DATE}. Tél perso : {PHONE}.",
    "Le médecin du travail, Dr {DR} (RPPS {RPPS}), recommande un aménagement de poste pour {NAME}.",
    "Entreprise {COMPANY}, SIREN {SIREN}, {ADDR}. Interlocutrice : {NAME2}, {PHONE}.",
    "Salariée {NAME} en congé maternité à partir du {DATE}. Née le {DOB}. Maintien de la couverture svp.",
]
HR_NEG = [
    "Bonjour, veuillez trouver ci-joint la DSN du mois de {DATE}. Effectif : {N} salariés. Contrat collectif {CONTRAT}.",
    "L'entreprise {COMPANY} ({TOWN}, {CP}) souhaite passer de la formule Essentiel à Confort au 1er janvier {YEAR}.",
    "Appel de cotisations T{N} {YEAR} : {AMT}. Échéance le {DATE}. Merci de régler par prélèvement.",
    "NOUVEAU CONTRAT COLLECTIF {CONTRAT} - {COMPANY} - PRISE D'EFFET {DATE}.",
    "Le numéro {FAKENIR} que nous avions transmis est faux (clé incorrecte), merci de ne pas en tenir compte. Nous revenons vers vous.",
    "Nous déménageons notre siège à {TOWN}. Les courriers sont à adresser au service RH. Aucun changement de contrat.",
    "Question : les stagiaires de plus de 2 mois doivent-ils être affiliés ? Nous en avons {N} cette année. Merci.",
    "Facture de cotisation {FAKE13} : montant {AMT}, déjà réglé le {DATE} (virement réf. {DOSS}).",
]

TEMPLATES = {
    "claims_comment": (CLAIMS_PII, CLAIMS_NEG),
    "call_centre": (CALL_PII, CALL_NEG),
    "dental_quote": (DENTAL_PII, DENTAL_NEG),
    "member_email": (EMAIL_PII, EMAIL_NEG),
    "coaching": (COACH_PII, COACH_NEG),
    "employer_hr": (HR_PII, HR_NEG),
}


def main():
    rows = []
    for style, (pii_t, neg_t) in TEMPLATES.items():
        assert len(pii_t) + len(neg_t) >= 25, style
        n_neg = 36  # 24 % of 150 per style
        kinds = [True] * n_neg + [False] * (150 - n_neg)
        R.shuffle(kinds)
        for i, neg in enumerate(kinds):
            pool = neg_t if neg else pii_t
            # cycle through templates so that all are used, then random
            tpl = pool[i % len(pool)] if R.random() < 0.5 else R.choice(pool)
            ctx = Ctx(tpl)
            upper = R.random() < 0.08
            noacc = R.random() < 0.25
            typos = R.random() < 0.3
            text, spans = render(tpl, ctx, upper, noacc, typos)
            if neg:
                assert not spans, tpl
            rows.append({"id": f"{style}-{i:03d}", "style": style, "text": text, "spans": spans})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} texts to {OUT}")


if __name__ == "__main__":
    main()
