"""Deterministic generator of the blind11 French PII evaluation corpus.

Run: /work/main/.venv/bin/python corpus.py   -> writes corpus.jsonl
"""
from __future__ import annotations

import json
import random
import sys
import unicodedata

sys.path.insert(0, "/work/main")
from confiance.identifiers import (format_iban, luhn_check_digit, luhn_valid, make_fr_iban, make_nir,
                                   make_siren, make_siret, nir_key)
import names as N

R = random.Random(20261201)
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def words(n: int) -> str:
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
        return "soixante-" + ("et-onze" if n == 71 else UNITS[n - 60])
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + UNITS[n - 80]


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def pick(xs):
    return R.choice(xs)


class B:
    """Text builder that records spans."""

    def __init__(self):
        self.parts: list[str] = []
        self.n = 0
        self.spans: list[list] = []

    def t(self, s: str) -> "B":
        self.parts.append(s)
        self.n += len(s)
        return self

    def e(self, s: str, label: str) -> "B":
        self.spans.append([self.n, self.n + len(s), label])
        return self.t(s)

    def text(self) -> str:
        return "".join(self.parts)


# ---------------------------------------------------------------- value generators
class Person:
    def __init__(self, sex=None):
        self.sex = sex or pick("MF")
        self.first = pick(N.MALE_GIVEN if self.sex == "M" else N.FEMALE_GIVEN)
        self.last = pick(N.SURNAMES)
        self.title = ("M." if self.sex == "M" else pick(["Mme", "Mme", "Madame"])) if R.random() < 0.9 else ""
        self.byear = R.randint(1938, 2004)
        self.bmonth = R.randint(1, 12)
        self.bday = R.randint(1, 28)

    def full(self) -> str:
        k = R.random()
        if k < 0.35:
            return f"{self.first} {self.last}"
        if k < 0.55:
            return f"{self.last.upper()} {self.first}"
        if k < 0.65:
            return f"{self.first[0]}. {self.last}"
        if k < 0.72:
            return f"{self.first} {self.last}".lower()
        if k < 0.80:
            return deaccent(f"{self.first} {self.last.upper()}")
        if k < 0.88:
            return self.last
        return f"{self.first} {self.last.upper()}"

    def formal(self) -> str:
        return pick([self.last, f"{self.first[0]}. {self.last}", self.last.upper(), f"{self.first} {self.last}"])

    def nir(self, dep=None) -> str:
        dep = dep or pick(["75", "69", "13", "33", "2A", "2B", "971", "974", "59", "99", "29", "67", "93"])
        commune = R.randint(1, 99) if len(dep) == 3 else R.randint(1, 400)
        return make_nir(self.sex, self.byear, self.bmonth, dep, commune, R.randint(1, 999))

    def email(self) -> str:
        f, l = deaccent(self.first).lower().replace(" ", ""), deaccent(self.last).lower().replace(" ", "").replace("'", "")
        f, l = (x.replace("ı", "i").replace("ł", "l").replace("œ", "oe") for x in (f, l))
        user = pick([f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}", f"{f}{l}{R.randint(1, 99)}", f"{f}_{l}", f"{l}{self.byear % 100:02d}"])
        return f"{user}@{pick(N.EMAIL_DOMAINS)}"


def fmt_nir(n: str) -> str:
    k = R.random()
    a = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
    if k < 0.3:
        return " ".join(a)
    if k < 0.45:
        return n
    if k < 0.55:
        return ".".join(a)
    if k < 0.63:
        return "-".join(a)
    if k < 0.72:
        return n[:13] + " / " + n[13:]
    if k < 0.80:
        return " ".join(a[:6]) + "  " + a[6]
    if k < 0.88:
        return n[:13] + " " + n[13:]
    if k < 0.94:
        return " ".join(a[:6])  # no key, 13 chars
    return n[:13]


def phone_digits() -> str:
    p = pick(["06", "07", "06", "01", "02", "03", "04", "05", "09"])
    return p + "".join(str(R.randint(0, 9)) for _ in range(8))


def fmt_phone(d: str | None = None, spoken_ok=False) -> str:
    d = d or phone_digits()
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    k = R.random()
    if spoken_ok and k < 0.15:
        return "zéro " + UNITS[int(d[1])] + ", " + ", ".join(words(int(p)) if p[0] != "0" else "zéro " + UNITS[int(p[1])] for p in pairs[1:])
    if k < 0.3:
        return " ".join(pairs)
    if k < 0.42:
        return ".".join(pairs)
    if k < 0.5:
        return "-".join(pairs)
    if k < 0.6:
        return d
    if k < 0.72:
        return "+33 " + d[1] + " " + " ".join(pairs[1:])
    if k < 0.8:
        return "+33 (0)" + d[1] + " " + " ".join(pairs[1:])
    if k < 0.87:
        return "0033 " + d[1:]
    if k < 0.93:
        return "+33" + d[1:]
    return d[:2] + " " + d[2:6] + " " + d[6:]


def iban() -> str:
    return make_fr_iban(R.choice([30004, 30003, 10278, 20041, 11315, 30066, 18206, 16606]), R.randint(1, 99999),
                        R.randint(1, 99999999999))


def fmt_iban(i: str) -> str:
    k = R.random()
    g = format_iban(i)
    if k < 0.45:
        return g
    if k < 0.6:
        return i
    if k < 0.7:
        return g.lower()
    if k < 0.8:
        parts = g.split(" ")
        return " ".join(parts[:4]) + "\n" + " ".join(parts[4:])
    if k < 0.9:
        return i[:4] + " " + i[4:]
    return "-".join(g.split(" "))


def siren() -> str:
    return make_siren(R.randint(10000000, 99999999))


def fmt_siret(s: str) -> str:
    k = R.random()
    if len(s) == 9:
        return pick([s, f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}.{s[3:6]}.{s[6:]}"])
    if k < 0.3:
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    if k < 0.55:
        return s
    if k < 0.7:
        return f"{s[:9]} {s[9:]}"
    if k < 0.8:
        return f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}"
    if k < 0.9:
        return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:11]} {s[11:]}"
    return f"{s[:3]}-{s[3:6]}-{s[6:9]}-{s[9:]}"


def siret() -> str:
    return make_siret(siren(), R.randint(1, 999))


def rpps() -> str:
    body = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    return body + luhn_check_digit(body)


def fmt_rpps(r: str) -> str:
    return pick([r, r, r, f"{r[:1]} {r[1:5]} {r[5:9]} {r[9:]}", f"{r[:3]} {r[3:6]} {r[6:9]} {r[9:]}"])


def adeli() -> str:
    dep = pick(["75", "69", "13", "33", "29", "67", "59", "31", "44", "97"])
    return dep + pick(["1", "6", "7", "9", "0"]) + "".join(str(R.randint(0, 9)) for _ in range(6))


def fmt_adeli(a: str) -> str:
    return pick([a, a, f"{a[:2]} {a[2]} {a[3:8]} {a[8]}", f"{a[:2]} {a[2:5]} {a[5:]}"])


def fmt_dob(p: Person) -> tuple[str, str]:
    """(prefix context, date value)."""
    y, m, d = p.byear, p.bmonth, p.bday
    k = R.random()
    verb = "né" if p.sex == "M" else "née"
    if k < 0.25:
        return pick([f"{verb} le ", "date de naissance : ", "DDN ", "naissance : "]), f"{d:02d}/{m:02d}/{y}"
    if k < 0.35:
        return pick(["DDN: ", "né(e) le ", "date naiss. "]), f"{d:02d}.{m:02d}.{y % 100:02d}"
    if k < 0.45:
        return pick(["birth_date=", "date_naissance : ", "DN "]), f"{y}-{m:02d}-{d:02d}"
    if k < 0.62:
        return f"{verb} le ", f"{d if d > 1 else '1er'} {MONTHS[m - 1]} {y}"
    if k < 0.72:
        return f"{verb} en ", f"{MONTHS[m - 1]} {y}"
    if k < 0.8:
        return f"{verb} en ", f"{y}"
    if k < 0.88:
        return f"{verb} le ", f"{'premier' if d == 1 else words(d)} {MONTHS[m - 1]} {y}"
    if k < 0.94:
        return pick(["date de naissance ", f"{verb} le "]), f"{d}/{m}/{y % 100:02d}"
    return f"{verb} le ", f"{d:02d}-{m:02d}-{y}"


def address(multiline_ok=True) -> str:
    typ, name = pick(N.STREETS)
    cp, town = pick(N.TOWNS)
    num = str(R.randint(1, 180)) + pick(["", "", "", "", " bis", " ter", "B", "bis"])
    typ2 = typ
    if typ == "rue" and R.random() < 0.2:
        typ2 = "r."
    if typ == "avenue" and R.random() < 0.3:
        typ2 = "av."
    if typ == "boulevard" and R.random() < 0.4:
        typ2 = "bd"
    street = f"{num} {typ2} {name}"
    if typ == "lotissement":
        street = f"{num} {typ} {name}"
    k = R.random()
    sep = "\n" if multiline_ok and R.random() < 0.25 else ", "
    if k < 0.4:
        return f"{street}{sep}{cp} {town}"
    if k < 0.55:
        return street
    if k < 0.65:
        return f"{pick(N.RESIDENCES)}, bât. {pick('ABCDE')}, appt {R.randint(1, 64)}{sep}{street}{sep}{cp} {town}"
    if k < 0.73:
        return f"lieu-dit {pick(N.LIEUX_DITS)}{sep}{cp} {town}"
    if k < 0.8:
        return f"BP {R.randint(10, 999)}{sep}{cp} {town.upper()} CEDEX"
    if k < 0.88:
        return f"{street.upper()}{sep}{cp} {town.upper()}"
    if k < 0.94:
        return deaccent(f"{street} {cp} {town}").lower()
    return f"{street}, {cp} {town} CEDEX {R.randint(1, 9)}"


# ---------------------------------------------------------------- decoys (never labelled)
def amount() -> str:
    return pick([f"{R.randint(5, 2400)},{R.randint(0, 99):02d} €", f"{R.randint(5, 900)} euros", f"{R.randint(10, 3000)}.{R.randint(0, 99):02d} EUR"])


def care_date() -> str:
    d, m = R.randint(1, 28), R.randint(1, 12)
    return pick([f"{d:02d}/{m:02d}/2026", f"{d} {MONTHS[m - 1]} 2026", f"2026-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/25"])


def bad_nir() -> str:
    n = make_nir(pick("MF"), R.randint(1940, 2004), R.randint(1, 12), "75", R.randint(1, 300), R.randint(1, 999))
    k = (int(n[13:]) + R.randint(1, 20)) % 97 or 3
    return n[:13] + f"{k:02d}"


def bad_luhn(n: int) -> str:
    while True:
        s = str(R.randint(1, 9)) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))
        if not luhn_valid(s):
            return s


def ref() -> str:
    return pick([f"DOS-{R.randint(100000, 999999)}", f"SIN{R.randint(2024, 2026)}-{R.randint(10000, 99999)}",
                 f"contrat n° {R.randint(10, 99)}{R.randint(100000, 999999)}", f"facture F{R.randint(1000000, 9999999)}",
                 f"réf. {R.randint(1000, 9999)}/{R.randint(100, 999)}/B", f"ticket #{R.randint(10000, 99999)}",
                 f"n° adhérent {R.randint(1000000, 9999999)}", f"PV n° {R.randint(2025, 2026)}/{R.randint(1000, 99999)}"])


def finess() -> str:
    return pick(["75", "69", "33", "13", "59"]) + "0" + "".join(str(R.randint(0, 9)) for _ in range(6))


def acte() -> str:
    return pick(["HBLD038", "HBMD049", "YYYY010", "BFGA004", "C 26,50 €", "AMI 4", "G", "APC", "LPP 1189321",
                 "LPP 2413049", "QZFA031", "DEQP003", "K 20", "AMK 8,5", "TSA", "VSL code 4"])


def postcode_town() -> str:
    cp, t = pick(N.TOWNS)
    return pick([f"{cp} {t}", t, cp, f"secteur de {t}"])


def decoy() -> str:
    return pick([amount, care_date, lambda: bad_nir(), lambda: bad_luhn(14), lambda: bad_luhn(9), ref, finess,
                 acte, postcode_town, lambda: pick(N.DRUGS), lambda: pick(N.HOSPITALS), lambda: pick(N.COMPANIES)])()


def sig_first(p: Person) -> str:
    return p.first


def greeting(b: B, p: Person | None):
    if p and R.random() < 0.6:
        b.t(pick(["Bonjour ", "Bonsoir ", "Madame, Monsieur, ", "Salut "]))
        if R.random() < 0.5:
            b.t(p.title + " " if p.title else "").e(p.last, "PERSON")
        else:
            b.e(p.first, "PERSON")
        b.t(pick([",\n", ",\n\n", "\n"]))
    else:
        b.t(pick(["Bonjour,\n", "Madame, Monsieur,\n", "Bonjour à tous,\n", ""]))


def name_with_title(b: B, p: Person, force_title=False):
    if p.title and (force_title or R.random() < 0.6):
        b.t(p.title + " ")
    b.e(p.full(), "PERSON")


# ================================================================ styles
# Each style: list of positive skeletons and list of negative skeletons; each takes a B.

# ---- 1. recours contre tiers
def rec_p1(b):
    v, t = Person(), Person()
    b.t(f"RECOURS CONTRE TIERS — {ref()}\nVictime : ")
    name_with_title(b, v, True)
    pre, dob = fmt_dob(v)
    b.t(f", {pre}").e(dob, "DATE_OF_BIRTH").t(", NIR ").e(fmt_nir(v.nir()), "NIR")
    b.t(f"\nAccident de la circulation du {care_date()} à {pick(N.TOWNS)[1]}, {pick(['croisement', 'rond-point', 'sortie de parking'])}.\nTiers responsable : ")
    name_with_title(b, t)
    b.t(", demeurant ").e(address(), "ADDRESS")
    b.t(f", assuré chez {pick(['Assurances Mercier', 'MAAF', 'AXA', 'Groupama', 'MACIF'])} sous la police {R.randint(1000000, 9999999)}.\n")
    b.t(f"Procès-verbal {ref()} établi par la gendarmerie. Débours avancés : {amount()} (hospitalisation {pick(N.HOSPITALS)}).\n")
    if R.random() < 0.6:
        b.t("Tél. de la victime : ").e(fmt_phone(), "PHONE").t(".\n")


def rec_p2(b):
    v, avo = Person(), Person()
    b.t(pick(["Maître ", "Me "])).e(avo.formal(), "PERSON")
    b.t(f",\nNous faisons suite à votre courrier du {care_date()} concernant votre client")
    b.t("e " if v.sex == "F" else " ")
    name_with_title(b, v)
    b.t(f", blessé lors d'un match de {pick(['rugby', 'football', 'handball', 'ski'])}. Le joueur adverse, ")
    t = Person()
    b.e(t.full(), "PERSON").t(f" ({pick(['né en', 'âgé de'])} ")
    if R.random() < 0.5:
        b.e(str(t.byear), "DATE_OF_BIRTH").t(")")
    else:
        b.t(f"{R.randint(18, 60)} ans)")
    b.t(f", est assuré auprès de {pick(N.COMPANIES)}.\nNotre créance s'élève à {amount()} ; merci de nous adresser le décompte. ")
    b.t("Notre adhérent")
    b.t("e" if v.sex == "F" else "")
    b.t(" est joignable au ").e(fmt_phone(), "PHONE").t(" ou par courriel ").e(v.email(), "EMAIL").t(".\n")
    b.t("Cabinet : ").e(address(), "ADDRESS").t("\nBien confraternellement,\nService Recours — ").e(pick(['Lucie', 'Karim', 'Hélène']), "PERSON").t("\n")


def rec_p3(b):
    v = Person()
    b.t(f"Note recours {care_date()}\n- sinistre : chute dans un magasin {pick(['Boulangerie Petit', 'Maison Chevalier', 'Optique Leroy'])}\n- victime : ")
    b.e(v.last.upper(), "PERSON").t(" ").e(v.first, "PERSON")
    b.t(" / NIR ").e(fmt_nir(v.nir()), "NIR").t("\n- ")
    pre, dob = fmt_dob(v)
    b.t(pre).e(dob, "DATE_OF_BIRTH")
    b.t(f"\n- responsable : société (SIRET ").e(fmt_siret(siret()), "SIRET").t(")\n")
    b.t(f"- assureur adverse : {pick(['Allianz', 'Generali', 'MMA'])}, gestionnaire ")
    g = Person()
    b.e(g.full(), "PERSON").t(" ").e(g.email().split("@")[0] + "@" + pick(["allianz.fr", "generali.fr", "mma.fr"]), "EMAIL")
    b.t(f"\n- montant réclamé : {amount()}, ref. interne {bad_luhn(14)}\n")


def rec_p4(b):
    v, w = Person(), Person()
    b.t("Constat amiable reçu. Conducteur A : ")
    b.e(v.full(), "PERSON").t(", permis n° ").t(f"{R.randint(10, 99)}{pick('ABCDEFG')}{R.randint(10000, 99999)}")
    b.t(", adresse ").e(address(False), "ADDRESS").t(". Conducteur B : ")
    b.e(w.full(), "PERSON").t(", tél ").e(fmt_phone(), "PHONE")
    b.t(f". Passagère blessée : ")
    x = Person("F")
    b.e(x.full(), "PERSON").t(", ")
    pre, dob = fmt_dob(x)
    b.t(pre).e(dob, "DATE_OF_BIRTH").t(f", soins du {care_date()} au {care_date()} ({acte()}).\n")
    b.t("Remboursement des débours sur IBAN ").e(fmt_iban(iban()), "IBAN").t(".\n")


def rec_n1(b):
    b.t(f"RECOURS — état au {care_date()}\n{R.randint(3, 40)} dossiers ouverts, {R.randint(1, 9)} transmis au contentieux.\n")
    b.t(f"Dossier {ref()} : accident rue Saint-Pierre à {pick(N.TOWNS)[1]}, tiers non identifié, classement.\n")
    b.t(f"Montant total des débours : {amount()}. Référence comptable {bad_luhn(14)}.\n")


def rec_n2(b):
    b.t(f"Rappel procédure : pour tout accident causé par un tiers, demander le PV ({ref()}), ")
    b.t(f"le constat et les coordonnées de l'assureur adverse. Délai de prescription : {R.randint(2, 10)} ans. ")
    b.t(f"Voir la note du service juridique {ref()} et la convention IRCA.\n")


def rec_n3(b):
    b.t(f"Le Garage Renard Automobiles conteste le montant ({amount()}). Le Blanc de la carrosserie ne correspond pas au devis {ref()}. ")
    b.t(f"Clé de contrôle erronée sur la référence {bad_nir()} : à vérifier avant relance. {pick(N.HOSPITALS).capitalize()} a facturé {amount()}.\n")


# ---- 2. transport sanitaire
def tra_p1(b):
    pat, drv, doc = Person(), Person(), Person()
    b.t(f"FACTURE TRANSPORT N° {R.randint(100000, 999999)}\n{pick(['Taxi Rousseau', 'Ambulances Blanc & Fils', 'VSL Gautier', 'Ambulances Saint-Michel'])} — SIRET ")
    b.e(fmt_siret(siret()), "SIRET").t(f"\nConducteur : ").e(drv.full(), "PERSON")
    b.t("\nPatient : ")
    name_with_title(b, pat, True)
    b.t("  N° SS : ").e(fmt_nir(pat.nir()), "NIR")
    b.t("\nPrise en charge : ").e(address(False), "ADDRESS")
    b.t(f"\nDestination : {pick(N.HOSPITALS)} — {R.randint(5, 80)} km — {acte()}\n")
    b.t("Prescripteur : Dr ").e(doc.formal(), "PERSON").t(" (RPPS ").e(fmt_rpps(rpps()), "RPPS").t(")\n")
    b.t(f"Montant : {amount()}  Date du transport : {care_date()}\n")


def tra_p2(b):
    pat = Person()
    b.t(f"Bonjour, je suis chauffeur de taxi conventionné. J'ai transporté ")
    b.e(pat.full(), "PERSON").t(f" pour ses séances de {pick(['dialyse', 'radiothérapie', 'chimiothérapie', 'kiné'])} ")
    b.t(f"({R.randint(3, 30)} allers-retours en {pick(MONTHS)}). La mutuelle refuse le tiers payant ; ")
    b.t("pouvez-vous rappeler au ").e(fmt_phone(), "PHONE").t("? Mon RIB : ").e(fmt_iban(iban()), "IBAN").t(".\n")
    d = Person()
    b.t(pick(["Cordialement ", "Merci, ", "Bien à vous, "])).e(d.first + " " + d.last, "PERSON").t(f", {pick(N.COMPANIES)}\n")


def tra_p3(b):
    pat, doc = Person(), Person()
    b.t("PRESCRIPTION MÉDICALE DE TRANSPORT\nAssuré(e) : ").e(pat.last.upper(), "PERSON").t(" ").e(pat.first, "PERSON")
    pre, dob = fmt_dob(pat)
    b.t(f"\n{pre}").e(dob, "DATE_OF_BIRTH")
    b.t("\nImmatriculation : ").e(fmt_nir(pat.nir()), "NIR")
    b.t(f"\nMode : {pick(['ambulance', 'VSL', 'taxi conventionné', 'transport assis professionnalisé'])} — aller/retour\n")
    b.t("Médecin : Dr ").e(doc.full(), "PERSON").t(" — n° AM ").e(fmt_adeli(adeli()), "ADELI")
    b.t(f"\nFait à {pick(N.TOWNS)[1]}, le {care_date()}\n")


def tra_p4(b):
    pat = Person()
    b.t(f"transport du {care_date()} : ")
    b.e(pat.first.lower(), "PERSON").t(" ").e(pat.last.lower(), "PERSON")
    b.t(" habite ").e(address(False), "ADDRESS").t(", code porte 4B12, 3e étage sans ascenseur. ")
    b.t("Fille à prévenir : ")
    f = Person("F")
    b.e(f.first, "PERSON").t(" ").e(fmt_phone(), "PHONE")
    b.t(f". Facturation {acte()} + {R.randint(2, 40)} km, ticket #{R.randint(10000, 99999)}.\n")


def tra_n1(b):
    b.t(f"Tarifs conventionnels taxis au {care_date()} : prise en charge {amount()}, km {R.randint(1, 2)},{R.randint(10, 99)} €. ")
    b.t(f"Le VSL est codé {acte()}. FINESS de l'entreprise : {finess()}.\n")


def tra_n2(b):
    b.t(f"Litige transport {ref()} : le trajet {pick(N.TOWNS)[1]} → {pick(N.HOSPITALS)} a été facturé deux fois ({amount()}). ")
    b.t(f"Taxi Rousseau a envoyé un avoir. Numéro de lot télétransmission {bad_luhn(14)}.\n")


def tra_n3(b):
    b.t(f"BORDEREAU {R.randint(1000, 9999)}\nLigne 1 : {acte()} — {amount()}\nLigne 2 : {acte()} — {amount()}\nTotal : {amount()}\nAmbulances Blanc & Fils, {postcode_town()}\n")


# ---- 3. cure thermale
def cur_p1(b):
    p = Person()
    b.t(f"Demande de prise en charge cure thermale — {pick(N.THERMAL_TOWNS)}\nCuriste : ")
    name_with_title(b, p, True)
    pre, dob = fmt_dob(p)
    b.t(f" ({pre}").e(dob, "DATE_OF_BIRTH").t(")\nN° sécurité sociale : ").e(fmt_nir(p.nir()), "NIR")
    b.t(f"\nOrientation : {pick(['rhumatologie', 'voies respiratoires', 'phlébologie', 'dermatologie'])}, 18 jours du {care_date()} au {care_date()}\n")
    b.t("Adresse pendant la cure : ").e(address(), "ADDRESS")
    b.t("\nContact : ").e(fmt_phone(), "PHONE").t(" / ").e(p.email(), "EMAIL").t("\n")


def cur_p2(b):
    p, q = Person("F"), Person("M")
    b.t(f"Bonjour, ma femme ")
    b.e(p.first, "PERSON")
    b.t(f" et moi partons en cure à {pick(N.THERMAL_TOWNS)} en {pick(MONTHS)}. Elle est ")
    b.t("née ").e(p.last, "PERSON").t(f", son numéro est le ").e(fmt_nir(p.nir()), "NIR")
    b.t(". Pouvez-vous verser le forfait hébergement sur notre compte ").e(fmt_iban(iban()), "IBAN")
    b.t(" ?\nMerci d'avance\n").e(q.first, "PERSON").t(" ").e(q.last.upper(), "PERSON").t("\n")


def cur_p3(b):
    p, doc = Person(), Person()
    b.t(f"Thermes — attestation de séjour\nÉtablissement FINESS {finess()}\nNous certifions que ")
    b.e(p.full(), "PERSON").t(", demeurant ").e(address(), "ADDRESS")
    b.t(f", a effectué une cure de 18 jours ({R.randint(70, 80)} soins) prescrite par le Dr ")
    b.e(doc.formal(), "PERSON").t(", médecin thermal (RPPS ").e(fmt_rpps(rpps()), "RPPS")
    b.t(f").\nForfait surveillance : {amount()} ; forfait soins : {amount()}.\n")


def cur_p4(b):
    p = Person()
    b.t("cure: ").e(p.last.upper(), "PERSON").t(f" — {pick(N.THERMAL_TOWNS)} — hébergement résidence ")
    b.t(f"Les Thermes, studio {R.randint(1, 40)}. ")
    pre, dob = fmt_dob(p)
    b.t(pre.strip().capitalize() + " ").e(dob, "DATE_OF_BIRTH")
    b.t(". Accompagnant : ")
    a = Person()
    b.e(a.first + " " + a.last, "PERSON").t(" (").e(fmt_phone(), "PHONE").t(f"). Dossier {ref()}.\n")


def cur_n1(b):
    b.t(f"Les cures thermales à {pick(N.THERMAL_TOWNS)} rouvrent le {care_date()}. Forfait thermal {amount()}, ")
    b.t(f"remboursé à 65 % par l'assurance maladie. Hébergement plafonné à {amount()}. La station de Saint-Gervais reste fermée.\n")


def cur_n2(b):
    b.t(f"RAPPEL : toute demande de cure doit être accompagnée du formulaire cerfa, du devis de l'établissement et de ")
    b.t(f"l'accord de la caisse. Référence {ref()}. Les 18 jours de soins ne peuvent être fractionnés.\n")


def cur_n3(b):
    b.t(f"Statistiques cures {R.randint(2024, 2026)} : {R.randint(100, 900)} dossiers, {R.randint(10, 90)} refus. Top destinations : ")
    b.t(", ".join(R.sample(N.THERMAL_TOWNS, 3)) + f". Coût moyen {amount()}.\n")


# ---- 4. naissance / adoption
def nai_p1(b):
    mere, pere = Person("F"), Person("M")
    enf = Person(); enf.last = pere.last; enf.byear = 2026
    b.t("Objet : ajout d'un enfant au contrat\n")
    greeting(b, None)
    b.t("Nous avons la joie de vous annoncer la naissance de ")
    b.e(enf.first, "PERSON").t(", ")
    b.t("né" if enf.sex == "M" else "née").t(" le ").e(f"{enf.bday} {MONTHS[enf.bmonth - 1]} 2026", "DATE_OF_BIRTH")
    b.t(f" à la {pick(N.HOSPITALS)}. Merci de l'ajouter sur le contrat de son père, ")
    b.e(pere.first + " " + pere.last, "PERSON").t(" (NIR ").e(fmt_nir(pere.nir()), "NIR").t(").\n")
    b.t("Sa mère, ").e(mere.first, "PERSON").t(" ").e(pere.last, "PERSON").t(" née ").e(mere.last, "PERSON")
    b.t(", reste sur sa propre mutuelle.\nAdresse inchangée : ").e(address(), "ADDRESS").t("\n")


def nai_p2(b):
    mere = Person("F")
    enf = Person(); enf.byear = 2026
    b.t(f"Déclaration de naissance — formulaire web\nNom de l'enfant : ").e(f"{mere.last.upper()} {enf.first}", "PERSON")
    b.t("\nDate de naissance : ").e(f"{enf.bday:02d}/{enf.bmonth:02d}/2026", "DATE_OF_BIRTH")
    b.t(f"\nLieu : {pick(N.HOSPITALS)}, {pick(N.TOWNS)[1]}\nParent adhérent : ").e(mere.full(), "PERSON")
    b.t("\nN° SS parent : ").e(fmt_nir(mere.nir()), "NIR")
    b.t("\nTéléphone : ").e(fmt_phone(), "PHONE").t("\nCourriel : ").e(mere.email(), "EMAIL")
    b.t(f"\nPièce jointe : extrait_acte_naissance_{R.randint(100, 999)}.pdf\n")


def nai_p3(b):
    p1, p2 = Person("M"), Person("M" if R.random() < 0.3 else "F")
    enf = Person("M")
    enf.byear = R.randint(2015, 2024)
    b.t("Bonjour,\nSuite au jugement d'adoption plénière du ")
    b.t(care_date()).t(", nous souhaitons rattacher notre fils")
    b.t(" ").e(enf.first, "PERSON")
    pre, dob = fmt_dob(enf)
    b.t(f", {pre}").e(dob, "DATE_OF_BIRTH")
    b.t(f", à notre contrat famille. Il porte désormais le nom ").e(f"{p1.last}-{p2.last}", "PERSON").t(".\n")
    b.t("Coordonnées bancaires pour les remboursements : ").e(fmt_iban(iban()), "IBAN").t("\n")
    b.e(p1.first, "PERSON").t(" et ").e(p2.first, "PERSON").t("\n")


def nai_p4(b):
    m = Person("F")
    b.t("[maternité] prime naissance demandée par ")
    b.e(m.full(), "PERSON").t(", adhérente n° ").t(str(R.randint(1000000, 9999999)))
    b.t(f". Accouchement le {care_date()} (jumeaux), séjour {R.randint(3, 6)} jours, chambre particulière {amount()}. ")
    b.t("Employeur : SIREN ").e(fmt_siret(siren()), "SIRET").t(". Joindre au ").e(fmt_phone(), "PHONE").t(".\n")


def nai_n1(b):
    b.t(f"La prime de naissance est de {amount()} par enfant, versée sur présentation de l'acte de naissance dans un délai de {R.randint(2, 6)} mois. ")
    b.t("L'ajout d'un nouveau-né est gratuit jusqu'au premier jour du mois suivant ses 3 mois.\n")


def nai_n2(b):
    b.t(f"Maternité des Bluets : forfait séjour {amount()}, chambre particulière {amount()} par nuit ({acte()}). Dépassement de la sage-femme : {amount()}. Dossier {ref()}.\n")


def nai_n3(b):
    b.t(f"AJOUT BÉNÉFICIAIRE — CONTRÔLE\nStatut : en attente pièce\nMotif : acte de naissance illisible\nDate de réception : {care_date()}\nRéférence : {ref()}\n")


# ---- 5. divorce / séparation : bénéficiaires
def div_p1(b):
    a, c = Person("F"), Person("M")
    k1, k2 = Person(), Person()
    b.t(f"Objet : changement de situation familiale — {ref()}\n")
    b.t("Suite à notre divorce prononcé le ").t(care_date()).t(", je souhaite retirer mon ex-époux, ")
    b.e(c.full(), "PERSON").t(", de mon contrat. Nos enfants ").e(k1.first, "PERSON").t(" (")
    pre, dob = fmt_dob(k1)
    b.t(pre).e(dob, "DATE_OF_BIRTH")
    b.t(") et ").e(k2.first, "PERSON").t(" restent rattachés à moi (résidence alternée).\n")
    b.t("Ma nouvelle adresse : ").e(address(), "ADDRESS").t("\nCelle de leur père : ").e(address(), "ADDRESS")
    b.t("\n").e(a.first + " " + a.last, "PERSON").t(" (épouse ").e(c.last, "PERSON").t(")\n")


def div_p2(b):
    a, c = Person(), Person()
    b.t("Note gestion : ").e(a.full(), "PERSON").t(f" séparé{'e' if a.sex == 'F' else ''} de ")
    b.e(c.full(), "PERSON").t(" depuis ").t(pick(MONTHS)).t(". L'enfant reste sur la carte du parent payeur. ")
    b.t("Nouveau RIB à enregistrer : ").e(fmt_iban(iban()), "IBAN")
    b.t(". NIR adhérent : ").e(fmt_nir(a.nir()), "NIR").t(". Ancien téléphone du couple ").e(fmt_phone(), "PHONE")
    b.t(" à supprimer, nouveau : ").e(fmt_phone(), "PHONE").t(".\n")


def div_p3(b):
    a = Person()
    avo = Person()
    b.t("Maître ").e(avo.formal(), "PERSON")
    b.t(" nous transmet l'extrait du jugement (JAF de ").t(pick(N.TOWNS)[1]).t(") : la part mutuelle des enfants est à la charge de ")
    if a.title:
        b.t(a.title + " ")
    b.e(a.last, "PERSON")
    b.t(f". Montant de la pension : {amount()}. Courriel de l'avocat : ").e(avo.email(), "EMAIL")
    b.t(". Adresse de l'adhérent : ").e(address(), "ADDRESS").t(".\n")


def div_p4(b):
    a, c = Person("F"), Person("M")
    b.t(f"Bjr, je suis ").e(a.first.lower(), "PERSON").t(", on s'est séparé avec ").e(c.first, "PERSON")
    b.t(" et il a gardé le compte joint. Je veux que les remboursements aillent sur mon compte perso ").e(fmt_iban(iban()), "IBAN")
    b.t(" et plus sur l'ancien. Mon n° secu ").e(fmt_nir(a.nir()), "NIR").t(" merci\n")


def div_n1(b):
    b.t(f"En cas de divorce, l'ex-conjoint peut être maintenu au contrat jusqu'à la date du jugement. Les enfants restent ayants droit jusqu'à {R.randint(20, 28)} ans. Voir la fiche {ref()}.\n")


def div_n2(b):
    b.t(f"Changement de situation : {R.randint(10, 90)} demandes ce mois, dont {R.randint(1, 9)} avec résidence alternée. Délai moyen : {R.randint(2, 15)} jours. Contrat famille → contrat isolé : {amount()} d'économie.\n")


def div_n3(b):
    b.t(f"JUGEMENT — pièce reçue le {care_date()}\nNuméro RG {R.randint(10, 26)}/{R.randint(1000, 9999)}\nTribunal judiciaire de {pick(N.TOWNS)[1]}\nSans coordonnées exploitables. À classer.\n")


# ---- 6. pharmacie litige
def pha_p1(b):
    ph, pat, doc = Person(), Person(), Person()
    b.t(f"{pick(['Pharmacie de la Gare', 'Pharmacie Centrale', 'Pharmacie du Marché'])} — FINESS {finess()}\nObjet : rejet facture {ref()}\n")
    b.t("Patient : ").e(pat.full(), "PERSON").t(" — NIR ").e(fmt_nir(pat.nir()), "NIR")
    b.t(f"\nDélivrance du {care_date()} : {pick(N.DRUGS)} ×{R.randint(1, 3)}, lot {pick('ABCDEFGHKL')}{R.randint(10000, 99999)}, exp. {R.randint(1, 12):02d}/{R.randint(27, 29)}\n")
    b.t("Prescripteur : Dr ").e(doc.formal(), "PERSON").t(" RPPS ").e(fmt_rpps(rpps()), "RPPS")
    b.t(f"\nMotif du rejet : droits fermés. Merci de régulariser ({amount()}).\n")
    b.e(ph.first + " " + ph.last, "PERSON").t(", pharmacien titulaire — ").e(fmt_phone(), "PHONE").t("\n")


def pha_p2(b):
    pat = Person()
    b.t(f"Rapprochement paiements tiers payant — lot {R.randint(100, 999)}\n")
    for _ in range(R.randint(2, 4)):
        p = Person()
        b.t(f"- fact. {R.randint(100000, 999999)} | ").e(p.last.upper() + " " + p.first, "PERSON").t(" | ")
        b.e(fmt_nir(p.nir()), "NIR").t(f" | {amount()} | {pick(['payé', 'rejeté', 'en attente'])}\n")
    b.t(f"Écart total : {amount()}. Pharmacie SIRET ").e(fmt_siret(siret()), "SIRET").t("\n")


def pha_p3(b):
    pat = Person()
    b.t("Bonjour, la pharmacie m'a fait avancer les frais alors que j'ai le tiers payant. Je m'appelle ")
    b.e(pat.first + " " + pat.last, "PERSON")
    pre, dob = fmt_dob(pat)
    b.t(f", {pre}").e(dob, "DATE_OF_BIRTH").t(f". Ordonnance du Dr ")
    d = Person()
    b.e(d.last, "PERSON").t(f", {pick(N.DRUGS)}. Remboursez-moi sur ").e(fmt_iban(iban()), "IBAN")
    b.t(". Tel ").e(fmt_phone(), "PHONE").t("\n")


def pha_p4(b):
    ph = Person("F")
    b.t("Pharmacie Martin (ce n'est pas le nom du titulaire) : la titulaire, Mme ").e(ph.formal(), "PERSON")
    b.t(", signale une ordonnance falsifiée au nom de ")
    p = Person()
    b.e(p.full(), "PERSON").t(", domicilié ").e(address(False), "ADDRESS")
    b.t(f". Médicament : {pick(N.DRUGS)}. Ordonnance n° {R.randint(10**10, 10**11 - 1)}. Contact officine : ").e(ph.email(), "EMAIL").t("\n")


def pha_n1(b):
    b.t(f"Rejets pharmacie semaine {R.randint(1, 52)} : {R.randint(10, 300)} factures, motif principal « droits non ouverts ». ")
    b.t(f"Lot {pick('ABCDEFGHKL')}{R.randint(10000, 99999)} de {pick(N.DRUGS)} rappelé par l'ANSM. Pharmacie Centrale : FINESS {finess()}.\n")


def pha_n2(b):
    b.t(f"Code LPP {R.randint(1000000, 9999999)} non pris en charge. Rappel : les génériques de {pick(N.DRUGS)} sont substituables. ")
    b.t(f"Référence de paiement {bad_luhn(14)}, montant {amount()}.\n")


def pha_n3(b):
    b.t(f"NOTE INTERNE — PHARMACIES\nLes officines du secteur de {pick(N.TOWNS)[1]} ont reçu la nouvelle convention le {care_date()}. ")
    b.t(f"Aucune donnée patient à transmettre. Le Boulanger de la rue voisine n'est pas concerné.\n")


# ---- 7. médecine du travail / arrêt de travail
def trv_p1(b):
    sal, rh, mt = Person(), Person(), Person()
    b.t(f"De : ").e(rh.email(), "EMAIL").t(f"\nObjet : arrêt de travail — subrogation IJ\n\n")
    b.t("Bonjour,\nNotre salarié").t("e " if sal.sex == "F" else " ").e(sal.full(), "PERSON")
    b.t(", NIR ").e(fmt_nir(sal.nir()), "NIR").t(f", est en arrêt du {care_date()} au {care_date()}. ")
    b.t("Nous pratiquons la subrogation. SIRET de l'établissement : ").e(fmt_siret(siret()), "SIRET")
    b.t(".\nLe Dr ").e(mt.formal(), "PERSON").t(f" (médecine du travail) prévoit une visite de reprise le {care_date()}.\n")
    b.e(rh.first, "PERSON").t(", service RH\n")


def trv_p2(b):
    sal = Person()
    b.t("Avis d'arrêt reçu par courrier : ").e(sal.last.upper(), "PERSON").t(" ").e(sal.first, "PERSON")
    pre, dob = fmt_dob(sal)
    b.t(f", {pre}").e(dob, "DATE_OF_BIRTH")
    b.t(f", arrêt initial {R.randint(3, 60)} jours, prolongation possible. Adresse pendant l'arrêt : ").e(address(), "ADDRESS")
    b.t(f". Sorties autorisées. IJ complémentaires : {amount()} par jour.\n")


def trv_p3(b):
    mt, sal = Person(), Person()
    b.t("Service de santé au travail — fiche de liaison\nMédecin du travail : Dr ").e(mt.full(), "PERSON")
    b.t(" (ADELI ").e(fmt_adeli(adeli()), "ADELI").t(")\nSalarié : ").e(sal.full(), "PERSON")
    b.t(f"\nPoste : {pick(['cariste', 'aide-soignant', 'comptable', 'agent de propreté', 'chauffeur'])}\nAménagement : mi-temps thérapeutique à compter du {care_date()}\n")
    b.t("Joignable : ").e(fmt_phone(), "PHONE").t("\n")


def trv_p4(b):
    sal = Person("F")
    b.t("re: prévoyance — ").e(sal.first, "PERSON").t(" m'a appelé ce matin, toujours pas reçu ses IJ de ")
    b.t(pick(MONTHS)).t(". Elle a changé de banque : ").e(fmt_iban(iban()), "IBAN").t(". Son mail perso ").e(sal.email(), "EMAIL")
    b.t(f". Employeur SIREN ").e(fmt_siret(siren()), "SIRET").t(f", dossier {ref()}.\n")


def trv_n1(b):
    b.t(f"Rappel : le délai de carence est de 3 jours ; le complément employeur démarre au 8e jour. IJ maladie plafonnées à {amount()}. Formulaire cerfa S3201.\n")


def trv_n2(b):
    b.t(f"Absentéisme T{R.randint(1, 4)} : {R.randint(2, 9)},{R.randint(0, 9)} % ; {R.randint(10, 200)} arrêts dont {R.randint(1, 20)} accidents du travail. Site de {pick(N.TOWNS)[1]} en tête. SIRET non renseigné ({bad_luhn(14)}).\n")


def trv_n3(b):
    b.t(f"VISITE DE REPRISE — PLANNING\nLundi {care_date()} : 3 créneaux\nMardi : complet\nLieu : Centre Simone Veil, salle B\n")


# ---- 8. chat interne (Teams/Slack)
COLLEAGUES = ["Léa", "Karim", "Sophie", "Yann", "Aminata", "Thibault", "Inès", "Marc", "Nadia", "Julien", "Chloé", "Mehdi"]


def cha_p1(b):
    c1, c2 = R.sample(COLLEAGUES, 2)
    m = Person("F")
    h = R.randint(8, 16)
    ts = sorted(R.sample(range(60), 3))
    b.t(f"[{h:02d}:{ts[0]:02d}] ").e(c1, "PERSON").t(": @").e(c2, "PERSON")
    b.t(" tu peux regarder le dossier de ").e(m.full(), "PERSON").t(" ? NIR ").e(fmt_nir(m.nir()), "NIR").t(" 🙏\n")
    b.t(f"[{h:02d}:{ts[1]:02d}] ").e(c2, "PERSON").t(": ok je regarde, c'est le rejet du ")
    b.t(care_date()).t(" ?\n")
    b.t(f"[{h:02d}:{ts[2]:02d}] ").e(c1, "PERSON").t(": oui, elle a rappelé au ").e(fmt_phone(), "PHONE").t(" 👍 (2)\n")


def cha_p2(b):
    c1 = pick(COLLEAGUES)
    m = Person()
    b.e(c1, "PERSON").t(f" — {R.randint(8, 17)}h{R.randint(10, 59)}\ncopier-coller du dossier :\n")
    b.t("Nom : ").e(m.last.upper(), "PERSON").t("\nPrénom : ").e(m.first, "PERSON")
    pre, dob = fmt_dob(m)
    b.t("\nDate de naissance : ").e(f"{m.bday:02d}/{m.bmonth:02d}/{m.byear}", "DATE_OF_BIRTH")
    b.t("\nAdresse : ").e(address(False), "ADDRESS").t("\nIBAN : ").e(fmt_iban(iban()), "IBAN")
    b.t("\n→ quelqu'un sait pourquoi le virement est revenu ? 😅\n:eyes: 3\n")


def cha_p3(b):
    c1, c2 = R.sample(COLLEAGUES, 2)
    m = Person()
    b.t("#support-gestion\n").e(c1, "PERSON").t(": le Dr ").e(m.last, "PERSON")
    b.t(" (RPPS ").e(fmt_rpps(rpps()), "RPPS").t(") n'apparaît pas dans l'annuaire, c'est normal ?\n")
    b.e(c2, "PERSON").t(": il a peut-être encore un ADELI, essaie ").e(fmt_adeli(adeli()), "ADELI").t("\n")
    b.e(c1, "PERSON").t(": trouvé merci !! 🎉\n")


def cha_p4(b):
    c1 = pick(COLLEAGUES)
    m = Person()
    b.t(f"@channel alerte : mail reçu de ").e(m.email(), "EMAIL").t(" qui se fait passer pour ").e(m.full(), "PERSON")
    b.t(f". Ne pas modifier le RIB. Signalé par ").e(c1, "PERSON").t(" ⚠️\nRéponses (2) — ")
    b.e(pick(COLLEAGUES), "PERSON").t(": vu, je bloque le contrat.\n")


def cha_n1(b):
    c = pick(COLLEAGUES)
    b.t(f"[{R.randint(8, 17):02d}:{R.randint(0, 59):02d}] Qui a des nouvelles de la migration ? Le lot {ref()} est bloqué 😤\n")
    b.t(f"[{R.randint(8, 17):02d}:{R.randint(0, 59):02d}] Réunion à 14h salle Saint-Exupéry. Pensez aux croissants de la Boulangerie Petit 🥐\n")


def cha_n2(b):
    b.t(f"#général\nRappel : ne collez JAMAIS de NIR ou d'IBAN dans le chat. Utilisez le numéro de dossier ({ref()}). Merci 🙏\n👍 12  ❤️ 3\n")


def cha_n3(b):
    b.t(f"Stats du jour : {R.randint(100, 500)} appels, DMT {R.randint(3, 9)} min {R.randint(0, 59)} s. Meilleure équipe : Les Blancs (bravo !). Le fichier export_{R.randint(10000, 99999)}.csv est sur le drive.\n")


# ---- 9. messagerie vocale → e-mail
def voc_p1(b):
    p = Person()
    b.t(f"Nouveau message vocal de ").e(fmt_phone(), "PHONE").t(f" reçu le {care_date()} à {R.randint(8, 19)}:{R.randint(0, 59):02d} (durée 0:{R.randint(10, 59)})\n")
    b.t("Transcription : « Oui bonjour c'est ").e(p.full() if R.random() < 0.5 else p.first + " " + p.last.lower(), "PERSON")
    b.t(" je vous appelle pour mon remboursement de lunettes, mon numéro de sécu c'est le ")
    b.e(" ".join(fmt_nir(p.nir()).replace(".", " ").replace("-", " ").split()), "NIR")
    b.t(", rappelez-moi au ").e(fmt_phone(spoken_ok=True), "PHONE").t(" merci au revoir »\n")


def voc_p2(b):
    p = Person()
    b.t(f"Messagerie vocale — {pick(['Agence', 'Plateforme', 'Service cotisations'])}\nAppelant : ").e(fmt_phone(), "PHONE").t("\n")
    b.t("Texte (transcription automatique, peut contenir des erreurs) : bonjour madame c'est ")
    b.e(p.last.lower(), "PERSON").t(" euh ")
    b.e(p.first.lower(), "PERSON").t(" je suis ")
    pre, dob = fmt_dob(p)
    while not pre.startswith(("né le", "née le", "né en", "née en")):
        pre, dob = fmt_dob(p)
    b.t(pre).e(dob, "DATE_OF_BIRTH").t(" j'ai déménagé au ").e(address(False), "ADDRESS").t(" voilà merci\n")


def voc_p3(b):
    p = Person()
    b.t(f"[VOICEMAIL] {care_date()} {R.randint(8, 19)}h{R.randint(0, 59):02d} — numéro masqué\n« ... de la part de ")
    b.e(p.first, "PERSON").t(" de la société ").t(pick(N.COMPANIES)).t(f", je vous envoie l'attestation pour mon salarié ")
    s = Person()
    b.e(s.full(), "PERSON").t(" par mail à partir de ").e(p.email(), "EMAIL").t(", notre SIRET c'est ").e(fmt_siret(siret()), "SIRET").t(" »\n")


def voc_p4(b):
    p = Person()
    b.t(f"Message de ").e(fmt_phone(), "PHONE").t(f" ({R.randint(10, 59)} s) : « allô c'est le cabinet du docteur ")
    b.e(p.last, "PERSON").t(f" pour la patiente ")
    q = Person("F")
    b.e(q.full(), "PERSON").t(", la prise en charge du devis n° ").t(str(R.randint(100000, 999999))).t(" ... vous pouvez rappeler au ")
    b.e(fmt_phone(spoken_ok=True), "PHONE").t(" »\n")


def voc_n1(b):
    b.t(f"Nouveau message vocal de Numéro masqué reçu le {care_date()} à {R.randint(8, 19)}:{R.randint(0, 59):02d}\nTranscription : « [inaudible] ... rappeler ... merci »\n")


def voc_n2(b):
    b.t(f"Message vocal de 3179 (serveur) : « Votre code de vérification est {R.randint(100000, 999999)}. » Durée 0:0{R.randint(3, 9)}\n")


def voc_n3(b):
    b.t(f"Messagerie — rapport quotidien\n{R.randint(10, 99)} messages, {R.randint(1, 9)} non transcrits, durée moyenne {R.randint(10, 59)} s. Pic à {R.randint(9, 17)}h. File « Saint-Pierre » saturée.\n")


STYLES = {
    "recours_tiers": ([rec_p1, rec_p2, rec_p3, rec_p4], [rec_n1, rec_n2, rec_n3]),
    "transport_sanitaire": ([tra_p1, tra_p2, tra_p3, tra_p4], [tra_n1, tra_n2, tra_n3]),
    "cure_thermale": ([cur_p1, cur_p2, cur_p3, cur_p4], [cur_n1, cur_n2, cur_n3]),
    "naissance_adoption": ([nai_p1, nai_p2, nai_p3, nai_p4], [nai_n1, nai_n2, nai_n3]),
    "divorce_beneficiaires": ([div_p1, div_p2, div_p3, div_p4], [div_n1, div_n2, div_n3]),
    "pharmacie_litige": ([pha_p1, pha_p2, pha_p3, pha_p4], [pha_n1, pha_n2, pha_n3]),
    "arret_travail_sante_travail": ([trv_p1, trv_p2, trv_p3, trv_p4], [trv_n1, trv_n2, trv_n3]),
    "chat_interne": ([cha_p1, cha_p2, cha_p3, cha_p4], [cha_n1, cha_n2, cha_n3]),
    "messagerie_vocale": ([voc_p1, voc_p2, voc_p3, voc_p4], [voc_n1, voc_n2, voc_n3]),
}

PER_STYLE = 111
NEG_SHARE = 0.18


def main():
    out = []
    for style, (pos, neg) in STYLES.items():
        n_neg = round(PER_STYLE * NEG_SHARE)
        kinds = [True] * n_neg + [False] * (PER_STYLE - n_neg)
        R.shuffle(kinds)
        for i, is_neg in enumerate(kinds):
            b = B()
            if is_neg:
                R.choice(neg)(b)
                if R.random() < 0.5:
                    R.choice(neg)(b)
            else:
                R.choice(pos)(b)
                if R.random() < 0.35:
                    b.t(pick(["", "PS : ", "NB : "]) + f"Pour info : {decoy()} / {decoy()}.\n")
                if R.random() < 0.5:
                    b.t("\n---\n")
                    R.choice(pos)(b)
            text = b.text()
            # trim trailing newline only (spans never reach it)
            text2 = text.rstrip("\n")
            spans = sorted(b.spans)
            out.append({"id": f"b11-{style}-{i:03d}", "style": style, "text": text2, "spans": spans})
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(len(out), "texts", sum(len(r["spans"]) for r in out), "spans")


if __name__ == "__main__":
    main()
