# ruff: noqa
# HELD OUT (audit-4). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit4`) may be looked at, and only
# to report them.
"""blind4: deterministic generator of a blind French PII evaluation corpus (mutuelle context).

Writes corpus.jsonl beside this file: ~1,000 texts in 9 styles, each {"id", "style", "text", "spans"}
with spans [start, end, LABEL] (Python str offsets, end exclusive). Fixed seed; stdlib only, plus
/work/main/confiance/identifiers.py to build checksum-valid NIR / SIREN / SIRET / IBAN / Luhn digits.
All names, streets and cities below are hand-written (no Faker lists).

Run: .venv/bin/python vault/pii/corpora/audit4/corpus.py
"""

# Surnames: French regions (north, east, Brittany, Basque, Occitan, Corsica, Alsace,
# Savoy, West Indies) and immigrant origins (Maghreb, West/Central Africa, Portugal,
# Spain, Italy, Turkey, Vietnam, China, Poland, Armenia...). Some are common words.
SURNAMES = """
Martin Petit Blanc Boulanger Marchand Rose Pierre Bernard Dubois Thomas Robert Richard Durand
Moreau Laurent Simon Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet
Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Guérin Boyer Garnier
Chevalier François Legrand Gauthier Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu
Gautier Masson Duval Denis Lemaire Noël Meyer Dufour Meunier Brun Lucas Barbier Carpentier
Leclerc Renard Caron Charpentier Brunet Lemoine Picard Roche Colin Vidal Aubert Rolland Berger
Renaud Lecomte Fabre Lacroix Cordier Maillard Baron Collet Tessier Schmitt Schneider Weber Klein
Zimmermann Hoffmann Wagner Kieffer Le Gall Le Goff Le Bihan Kerbrat Tanguy Le Floch Quéré Guivarc'h
Le Berre Jaouen Etxeberria Irigoyen Harispe Olçomendy Arrieta Darrigrand Casanova Santoni
Paoli Luciani Colonna Bartoli Pietri Filippi Ottaviani Mattei Poggi Orsini Pellegrin Castagné
Sabatier Delmas Bousquet Cazenave Lafargue Capdevielle Peyrot Rouquette Fabregat Lagarde
Chabert Couderc Vernhes Bonnefoy Cayrol Tournier Favre Perroud Jacquier Dunand Bochaton
Ben Ali Benali Haddad Belkacem Boudjema Saïdi Mansouri Cherif El Amrani Bouzid Ait Ouali Zerrouki
Hamidi Khelifi Benyoucef Mebarki Slimani Amrani Ouahbi Benchekroun Lahlou Bennani Tazi Chraibi
Diallo Traoré Coulibaly Diop Ndiaye Sow Camara Keïta Cissé Konaté Touré Sylla Fofana Kouassi
N'Guessan Koffi Yao Bamba Ouattara Mbappé Ekotto Nkoulou Mukendi Kabila Tshibanda Makosso
Da Silva Dos Santos Pereira Ferreira Rodrigues Oliveira Carvalho Gonçalves Teixeira Sousa
D'Almeida Lopes Fernandes Martins Costa Garcia Martinez Lopez Sanchez Fernandez Gonzalez Perez
Navarro Romero Rossi Russo Bianchi Esposito Colombo Ricci Marino Greco Bruno Conti De Luca
Yilmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Nguyen Tran Le Pham Hoang
Phan Vu Vo Dang Bui Do Ngo Duong Ly Wang Zhang Li Chen Liu Huang Kowalski Nowak Wiśniewski
Wójcik Kowalczyk Lewandowski Zieliński Szymański Dąbrowski Kozłowski Hakobyan Petrossian
Manoukian Der Avedissian Papazian Kasparian Van Damme Van den Berg De Smet Janssens Peeters
De La Fontaine Du Pont de Ligonnès Le Bras Delacroix Desmarais Boucher Boulet Lenoir Lebrun
Lejeune Lenglet Vasseur Deschamps Dumont Dufresne Delattre Delannoy Descamps Hennebert Vandenbussche
Defrance Moulin Poirier Chauvin Giraud Marty Jolly Léger Bailly Hubert Huet Royer Rey Laine
Jacob Lemaitre Prévost Poulain Bouvier Guillot Collin Jouan Hervé Cousin Riviere Ménard Joly
Bouchet Gaillard Pasquier Carré Guillaume Adam Benoit Marie Charles Germain Lebon Camus Vallet
Grand Blondel Marechal Besson Barre Mallet Langlois Voisin Lemonnier Lacombe Chauvet Lebreton
Salaün Corre Thépaut Floc'h Derrien Morvan Cadiou Louarn Tocqueville Jean-Baptiste Jean-Louis
Séraphin Célestine Dorival Pancrate Édouard Bellerose Ramassamy Payet Hoarau Grondin Técher
""".split()
_MULTI = ["Le Gall", "Le Goff", "Le Bihan", "Le Floch", "Le Berre", "Ben Ali", "El Amrani",
          "Ait Ouali", "Da Silva", "Dos Santos", "De Luca", "Van Damme", "Van den Berg", "De Smet",
          "De La Fontaine", "Le Bras", "Der Avedissian", "Du Pont"]
# split() breaks compound surnames: drop their fragments, add the compounds whole
_FRAG = {"Le", "Gall", "Goff", "Bihan", "Floch", "Berre", "Ben", "Ali", "El", "Amrani", "Ait",
         "Ouali", "Da", "Silva", "Dos", "Santos", "De", "Luca", "Van", "Damme", "den", "Berg",
         "Smet", "La", "Fontaine", "Bras", "Der", "Avedissian", "Du", "Pont", "de", "Ligonnès"}
SURNAMES = [s for s in SURNAMES if s not in _FRAG] + _MULTI + ["Fontaine", "Amrani", "Ligonnès"]
SURNAMES = sorted(set(SURNAMES))

MALE = """
Jean Pierre Michel André Philippe Alain Bernard Christian Daniel Patrick Gérard Jacques Nicolas
Christophe Stéphane Laurent Sébastien Julien Olivier Thierry Frédéric Éric Pascal David Vincent
Thomas Alexandre Antoine Maxime Hugo Lucas Théo Louis Gabriel Arthur Raphaël Jules Nathan Enzo
Mathis Paul Léo Baptiste Clément Quentin Romain Guillaume Benoît Yannick Gwenaël Erwan Loïc
Ronan Mikel Peio Xabi Ange-Marie Jean-Baptiste Pierre-Antoine Marc-Olivier Jean-Luc Paul-Henri
Mohamed Mohammed Ahmed Karim Rachid Youssef Mehdi Samir Nabil Bilal Hamza Sofiane Yacine Omar
Abdelkader Mustapha Mamadou Moussa Ibrahima Ousmane Seydou Souleymane Abdoulaye Kofi Kouadio
Didier Serge João José Manuel António Rui Tiago Diogo Mehmet Mustafa Emre Burak Ahmet Minh
Tuan Huy Quang Wei Jun Piotr Krzysztof Tomasz Marek Arman Hovhannes Giovanni Marco Matteo
Javier Carlos Miguel Jan Pieter Dominique Claude Camille Loup Gaël
""".split()
FEMALE = """
Marie Nathalie Isabelle Sylvie Catherine Françoise Martine Christine Monique Valérie Sandrine
Stéphanie Céline Aurélie Émilie Julie Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina
Rose Margaux Anaïs Pauline Élodie Mathilde Clémence Charlotte Lucie Sarah Laura Océane Morgane
Maëlle Nolwenn Katell Enora Gwenola Maïté Amaia Ainhoa Marie-Pierre Anne-Sophie Marie-Claude
Marie-Thérèse Marie-Noëlle Ghislaine Bernadette Jacqueline Odette Simone Fatima Fatma Khadija
Amina Samira Nadia Leïla Yasmina Naïma Malika Sonia Salma Imane Aïcha Fatoumata Aminata Mariam
Awa Aïssatou Adjoua Akissi Grâce Maria Ana Sofia Beatriz Inês Carla Ayşe Elif Zeynep Emine
Linh Lan Mai Thu Hương Mei Ling Agnieszka Katarzyna Małgorzata Anna Ani Lusine Giulia Francesca
Chiara Carmen Lucía Pilar Annick Régine Colette Josiane Ginette Viviane Solange Paulette Blanche
Violette Capucine Apolline Ambre Perrine Claire Dominique Claude Marine Lola Zoé Nina
""".split()
GIVEN = MALE + FEMALE

# streets: (type, name). Many are named after people: inside an ADDRESS they are not PERSON.
STREETS = [
    ("rue", "Victor Hugo"), ("avenue", "Jean Jaurès"), ("boulevard", "Gambetta"), ("rue", "de la République"),
    ("rue", "Pasteur"), ("place", "du Général de Gaulle"), ("rue", "des Lilas"), ("impasse", "des Mésanges"),
    ("allée", "des Tilleuls"), ("chemin", "de la Croix Blanche"), ("rue", "du Moulin"), ("route", "de Lyon"),
    ("rue", "Émile Zola"), ("avenue", "Foch"), ("rue", "Nationale"), ("rue", "de l'Église"),
    ("rue", "Saint-Martin"), ("quai", "Claude Bernard"), ("cours", "Mirabeau"), ("rue", "Sainte-Catherine"),
    ("rue", "du Petit Pont"), ("boulevard", "de la Liberté"), ("rue", "Jules Ferry"), ("avenue", "Marie Curie"),
    ("rue", "Anatole France"), ("rue", "Louis Pasteur"), ("rue", "Paul Bert"), ("rue", "Voltaire"),
    ("allée", "Simone Veil"), ("avenue", "Pierre Mendès France"), ("rue", "Jean Moulin"), ("rue", "des Vignes"),
    ("chemin", "des Écoliers"), ("lotissement", "Les Hauts de Kerlann"), ("résidence", "Les Glycines"),
    ("rue", "du Maréchal Leclerc"), ("avenue", "de la Gare"), ("rue", "des Boulangers"), ("rue", "Rose Bertin"),
    ("rue", "du Docteur Roux"), ("place", "Bellecour"), ("rue", "Mouffetard"), ("rue", "Bonaparte"),
    ("rue", "Fesch"), ("boulevard", "Paoli"), ("rue", "Sainte-Anne"), ("avenue", "du Prado"),
    ("rue", "de Strasbourg"), ("rue", "Kléber"), ("chemin", "de Halsou"), ("rue", "Gambetta"),
    ("rue", "Pierre et Marie Curie"), ("avenue", "des Champs-Élysées"), ("rue", "de Siam"),
    ("rue", "Lamartine"), ("rue", "Aristide Briand"), ("rue", "Georges Clemenceau"), ("rue", "du 8 Mai 1945"),
    ("avenue", "du 11 Novembre"), ("rue", "Frédéric Mistral"), ("rue", "Maurice Ravel"), ("rue", "du Marché"),
    ("rue", "des Marchands"), ("chemin", "du Mas Blanc"), ("rue", "Marcel Pagnol"), ("avenue", "Thiers"),
]

CITIES = [
    ("75011", "Paris"), ("75015", "Paris"), ("75018", "Paris"), ("69003", "Lyon"), ("69100", "Villeurbanne"),
    ("13005", "Marseille"), ("13100", "Aix-en-Provence"), ("31000", "Toulouse"), ("33000", "Bordeaux"),
    ("44000", "Nantes"), ("35000", "Rennes"), ("29200", "Brest"), ("29000", "Quimper"), ("56100", "Lorient"),
    ("22000", "Saint-Brieuc"), ("64100", "Bayonne"), ("64500", "Saint-Jean-de-Luz"), ("64200", "Biarritz"),
    ("20000", "Ajaccio"), ("20200", "Bastia"), ("20250", "Corte"), ("67000", "Strasbourg"), ("68100", "Mulhouse"),
    ("57000", "Metz"), ("54000", "Nancy"), ("59000", "Lille"), ("59100", "Roubaix"), ("62300", "Lens"),
    ("80000", "Amiens"), ("76600", "Le Havre"), ("14000", "Caen"), ("37000", "Tours"), ("45000", "Orléans"),
    ("21000", "Dijon"), ("25000", "Besançon"), ("42000", "Saint-Étienne"), ("63000", "Clermont-Ferrand"),
    ("38000", "Grenoble"), ("74000", "Annecy"), ("74100", "Annemasse"), ("73000", "Chambéry"),
    ("06000", "Nice"), ("83000", "Toulon"), ("84000", "Avignon"), ("30000", "Nîmes"), ("34000", "Montpellier"),
    ("66000", "Perpignan"), ("87000", "Limoges"), ("86000", "Poitiers"), ("17000", "La Rochelle"),
    ("49000", "Angers"), ("72000", "Le Mans"), ("51100", "Reims"), ("10000", "Troyes"), ("93200", "Saint-Denis"),
    ("94000", "Créteil"), ("92000", "Nanterre"), ("95000", "Cergy"), ("91000", "Évry-Courcouronnes"),
    ("97200", "Fort-de-France"), ("97400", "Saint-Denis"), ("97110", "Pointe-à-Pitre"), ("97300", "Cayenne"),
    ("12000", "Rodez"), ("46000", "Cahors"), ("81000", "Albi"), ("65000", "Tarbes"), ("40000", "Mont-de-Marsan"),
    ("57100", "Thionville"), ("68300", "Saint-Louis"), ("01210", "Ferney-Voltaire"), ("25300", "Pontarlier"),
]

# ============================================================================
# generator
# ============================================================================
import json
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[4]))  # the repository root
from confiance.identifiers import (  # noqa: E402
    make_nir, make_siren, make_siret, make_fr_iban, luhn_check_digit, luhn_valid, nir_key_valid,
    format_iban,
)

SEED = 20261127
R = random.Random(SEED)
ch = R.choice

assert len(SURNAMES) >= 250, len(SURNAMES)
assert len(GIVEN) >= 200, len(GIVEN)


# --- template filling -----------------------------------------------------------
_PH = re.compile(r"\{(\w+)\}")


def fill(template, **vals):
    """Fill {key} placeholders; a value is a str (no label), a (str, LABEL) pair, or None (empty)."""
    text, spans, pos = [], [], 0
    last = 0
    for m in _PH.finditer(template):
        lit = template[last:m.start()]
        text.append(lit)
        pos += len(lit)
        v = vals[m.group(1)]
        if v is None:
            v = ""
        if isinstance(v, tuple):
            s, lab = v
            if lab and s:
                spans.append([pos, pos + len(s), lab])
            text.append(s)
            pos += len(s)
        elif isinstance(v, Doc):
            for a, b, lab in v.spans:
                spans.append([pos + a, pos + b, lab])
            text.append(v.text)
            pos += len(v.text)
        else:
            text.append(v)
            pos += len(v)
        last = m.end()
    text.append(template[last:])
    return Doc("".join(text), spans)


class Doc:
    def __init__(self, text="", spans=None):
        self.text = text
        self.spans = spans or []

    def __add__(self, other):
        if isinstance(other, str):
            other = Doc(other)
        n = len(self.text)
        return Doc(self.text + other.text, self.spans + [[a + n, b + n, l] for a, b, l in other.spans])

    def lower(self):
        low = self.text.lower()
        assert len(low) == len(self.text)
        return Doc(low, self.spans)


def join(docs, sep):
    out = Doc()
    for i, d in enumerate(docs):
        if i:
            out = out + sep
        out = out + (d if isinstance(d, Doc) else Doc(d))
    return out


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# --- people -----------------------------------------------------------------------
class Person:
    def __init__(self, sex=None, born=None, given=None, surname=None, dep=None, commune=None):
        self.sex = sex or ch("MF")
        self.given = given or ch(MALE if self.sex == "M" else FEMALE)
        self.surname = surname or ch(SURNAMES)
        if born is None:
            born = date(1930, 1, 1) + timedelta(days=R.randrange(0, 365 * 80))
        self.born = born
        self.dep = dep
        self.commune = commune

    def name(self, form=None):
        f = form or R.choices(["gs", "SG", "Sg", "gS", "s", "S", "i", "g"], [40, 12, 8, 6, 10, 4, 6, 4])[0]
        g, s = self.given, self.surname
        if f == "gs":
            return f"{g} {s}"
        if f == "SG":
            return f"{s.upper()} {g}"
        if f == "Sg":
            return f"{s} {g}"
        if f == "gS":
            return f"{g} {s.upper()}"
        if f == "s":
            return s
        if f == "S":
            return s.upper()
        if f == "i":
            return f"{g[0]}. {s}"
        if f == "g":
            return g
        if f == "low":
            return f"{g} {s}".lower()
        if f == "lows":
            return s.lower()
        if f == "lowg":
            return g.lower()
        raise ValueError(f)

    def P(self, form=None):
        return (self.name(form), "PERSON")

    def civ(self):
        return "M." if self.sex == "M" else ch(["Mme", "Mme", "Madame"])

    def civ_long(self):
        return "Monsieur" if self.sex == "M" else "Madame"

    def ne(self):
        return "né" if self.sex == "M" else "née"

    def nir(self, fmt=None, keyless=False):
        dep = self.dep
        if dep is None:
            dep = ch(["75", "69", "13", "33", "59", "29", "64", "2A", "2B", "67", "35", "44", "31", "93", "971",
                      "974", "42", "74", "22", "56", "62", "80", "21", "38", "06"])
        commune = self.commune if self.commune is not None else R.randrange(1, 99 if len(dep) == 3 else 400)
        n = make_nir(self.sex, self.born.year, self.born.month, dep, commune, R.randrange(1, 999))
        return fmt_nir(n, fmt, keyless)


def fmt_nir(n, fmt=None, keyless=False):
    if keyless:
        n = n[:13]
    f = fmt or R.choices(["grp", "flat", "key", "dot", "grp2"], [40, 25, 15, 8, 12])[0]
    key = n[13:]
    if f == "flat":
        s = n
    elif f == "key":
        s = n[:13] + (" " + key if key else "")
    elif f == "dot":
        s = ".".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13]]) + (" " + key if key else "")
    elif f == "grp2":
        s = f"{n[0]} {n[1:5]} {n[5:9]} {n[9:13]}" + (f" {key}" if key else "")
    else:
        s = " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13]]) + (" " + key if key else "")
    return (s, "NIR")


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def fmt_date(d, f=None):
    f = f or R.choices(["dmy", "iso", "long", "dmy2", "dot", "dash"], [50, 10, 15, 8, 8, 9])[0]
    if f == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if f == "iso":
        return d.isoformat()
    if f == "long":
        day = "1er" if d.day == 1 else str(d.day)
        return f"{day} {MONTHS[d.month - 1]} {d.year}"
    if f == "dmy2":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if f == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if f == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if f == "my":
        return f"{MONTHS[d.month - 1]} {d.year}"
    if f == "y":
        return str(d.year)
    if f == "yy":
        return f"{d.year % 100:02d}"
    if f == "sms":
        return f"{d.day}/{d.month}/{d.year % 100:02d}"
    if f == "sp":
        return f"{d.day:02d} {d.month:02d} {d.year}"
    raise ValueError(f)


def DOB(p, f=None):
    return (fmt_date(p.born, f), "DATE_OF_BIRTH")


def rand_date(y0=2023, y1=2026):
    return date(y0, 1, 1) + timedelta(days=R.randrange(0, 365 * (y1 - y0) + 300))


def care_date(f=None):
    return fmt_date(rand_date(2024, 2026), f or ch(["dmy", "dmy", "long", "iso"]))


# --- contact data -------------------------------------------------------------
def phone_digits(mobile=None):
    if mobile is None:
        mobile = R.random() < 0.65
    first = ch("67") if mobile else ch("123459")
    return "0" + first + "".join(str(R.randrange(10)) for _ in range(8))


def fmt_phone(d, f=None):
    f = f or R.choices(["sp", "dot", "dash", "flat", "p33", "p33flat", "0033", "p33_0", "p33dot", "pairs0"],
                       [35, 12, 6, 14, 10, 6, 4, 5, 4, 4])[0]
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    rest = d[1:]
    if f == "sp":
        return " ".join(pairs)
    if f == "dot":
        return ".".join(pairs)
    if f == "dash":
        return "-".join(pairs)
    if f == "flat":
        return d
    if f == "p33":
        return "+33 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if f == "p33flat":
        return "+33" + rest
    if f == "0033":
        return "0033 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if f == "p33_0":
        return "+33 (0)" + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if f == "p33dot":
        return "+33." + rest[0] + "." + ".".join(rest[i:i + 2] for i in range(1, 9, 2))
    if f == "pairs0":
        return d[:4] + " " + d[4:7] + " " + d[7:]
    raise ValueError(f)


def PH(f=None, mobile=None):
    return (fmt_phone(phone_digits(mobile), f), "PHONE")


FOREIGN_PHONES = {
    "CH": lambda: f"+41 {ch(['22', '21', '79', '78', '76'])} {R.randrange(100, 999)} {R.randrange(10, 99)} {R.randrange(10, 99)}",
    "LU": lambda: f"+352 {R.randrange(600, 699)} {R.randrange(100, 999)} {R.randrange(100, 999)}",
    "BE": lambda: f"+32 {R.randrange(470, 499)} {R.randrange(10, 99)} {R.randrange(10, 99)} {R.randrange(10, 99)}",
    "DE": lambda: f"+49 {R.randrange(150, 179)} {R.randrange(1000000, 9999999)}",
    "PT": lambda: f"+351 9{R.randrange(10, 39)} {R.randrange(100, 999)} {R.randrange(100, 999)}",
    "MA": lambda: f"+212 6 {R.randrange(10, 99)} {R.randrange(10, 99)} {R.randrange(10, 99)} {R.randrange(10, 99)}",
    "SN": lambda: f"+221 77 {R.randrange(100, 999)} {R.randrange(10, 99)} {R.randrange(10, 99)}",
    "ES": lambda: f"+34 6{R.randrange(10, 99)} {R.randrange(100, 999)} {R.randrange(100, 999)}",
}

MAIL_DOMAINS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "hotmail.fr", "yahoo.fr", "laposte.net",
                "outlook.fr", "icloud.com", "neuf.fr", "bbox.fr"]


def email_for(p, domain=None):
    g = strip_accents(p.given).lower().replace(" ", "").replace("'", "")
    s = strip_accents(p.surname).lower().replace(" ", "").replace("'", "")
    f = R.randrange(7)
    local = [f"{g}.{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}{s}{R.randrange(1, 99)}", f"{g}_{s}",
             f"{s}{p.born.year % 100:02d}", f"{g}-{s}"][f]
    return (f"{local}@{domain or ch(MAIL_DOMAINS)}", "EMAIL")


def addr(street_only=False, sep=None, upper=False, extra=True):
    num = R.randrange(1, 180)
    suffix = R.choices(["", " bis", " ter", "B"], [80, 10, 4, 6])[0]
    t, n = ch(STREETS)
    if t in ("lotissement", "résidence"):
        line = f"{t.capitalize()} {n}, {num}{suffix} {ch(['rue', 'allée'])} {ch(STREETS)[1]}"
    else:
        line = f"{num}{suffix} {t} {n}"
    if extra and R.random() < 0.15:
        line = ch(["Bât. B, ", "Apt 12, ", "Résidence Les Pins, ", "Escalier C, "]) + line
    cp, city = ch(CITIES)
    if street_only:
        s = line
    else:
        s = line + (sep if sep is not None else ch([", ", " ", "\n", " - "])) + f"{cp} {city}"
    if upper:
        s = strip_accents(s).upper()
    return (s, "ADDRESS")


def iban(fmt=None):
    v = make_fr_iban(ch([30004, 30003, 10278, 20041, 30002, 11306, 16606, 17515, 13335, 14445]),
                     R.randrange(1, 99999), R.randrange(10 ** 9, 10 ** 11))
    f = fmt or R.choices(["g4", "flat", "lowg4"], [65, 30, 5])[0]
    if f == "g4":
        s = format_iban(v)
    elif f == "lowg4":
        s = format_iban(v).lower()
    else:
        s = v
    return (s, "IBAN")


def siren_num():
    return make_siren(R.randrange(10 ** 7, 10 ** 8 - 1))


def fmt_siren(s, f=None):
    f = f or ch(["sp", "flat", "sp", "dot"])
    if f == "sp":
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    if f == "dot":
        return f"{s[:3]}.{s[3:6]}.{s[6:]}"
    return s


def fmt_siret(s, f=None):
    f = f or R.choices(["std", "flat", "sp3", "odd", "dot", "nbsp"], [35, 25, 15, 12, 8, 5])[0]
    if f == "std":
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    if f == "flat":
        return s
    if f == "sp3":
        return f"{s[:9]} {s[9:]}"
    if f == "odd":
        return f"{s[:3]} {s[3:6]} {s[6:8]}{s[8:11]} {s[11:]}"
    if f == "dot":
        return f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}"
    if f == "nbsp":
        return f"{s[:3]}\u00a0{s[3:6]}\u00a0{s[6:9]}\u00a0{s[9:]}"
    raise ValueError(f)


def SIREN(s=None):
    return (fmt_siren(s or siren_num()), "SIRET")


def SIRET(siren=None, f=None):
    s = make_siret(siren or siren_num(), R.randrange(1, 200))
    return (fmt_siret(s, f), "SIRET")


def rpps():
    body = "10" + "".join(str(R.randrange(10)) for _ in range(8))
    return (body + luhn_check_digit(body), "RPPS")


def adeli(dep=None):
    dep = dep or ch(["75", "69", "13", "33", "29", "64", "35", "59", "67", "31"])
    prof = ch(["91", "93", "94", "51", "96", "98"])  # kiné, ortho, orthoptiste, pédicure, psycho? (illustrative)
    body = dep + prof + f"{R.randrange(10000):04d}"
    return (body + luhn_check_digit(body), "ADELI")


# --- hard-negative material ---------------------------------------------------------
def bad_luhn(n):
    while True:
        s = str(R.randrange(1, 10)) + "".join(str(R.randrange(10)) for _ in range(n - 1))
        if not luhn_valid(s):
            return s


def bad_nir():
    while True:
        s = str(R.randrange(1, 3)) + f"{R.randrange(40, 99):02d}{R.randrange(1, 13):02d}{R.randrange(1, 96):02d}" + \
            "".join(str(R.randrange(10)) for _ in range(6))
        key = R.randrange(1, 98)
        full = s + f"{key:02d}"
        if not nir_key_valid(full):
            return full


def amount():
    v = R.randrange(5, 250000) / 100
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s + ch([" €", " €", " EUR", "€"])


def contract_no():
    return ch([f"CTR-{R.randrange(2015, 2026)}-{R.randrange(1, 999999):06d}", f"n° {R.randrange(10 ** 6, 10 ** 7)}",
               f"GRP{R.randrange(1000, 9999)}/{R.randrange(10, 99)}", f"ADH-{R.randrange(10 ** 5, 10 ** 6)}",
               f"contrat collectif n° {R.randrange(100, 999)}-{R.randrange(1000, 9999)}"])


def claim_no():
    return ch([f"SIN-{R.randrange(2023, 2027)}-{R.randrange(10 ** 5, 10 ** 6)}", f"dossier {R.randrange(10 ** 7, 10 ** 8)}",
               f"réclamation n° R{R.randrange(10 ** 6, 10 ** 7)}", f"ticket #{R.randrange(10 ** 5, 10 ** 6)}"])


def invoice_no():
    return ch([f"FAC-{R.randrange(2024, 2027)}-{R.randrange(10 ** 4, 10 ** 5)}", f"facture n° {bad_luhn(9)}",
               f"décompte n° {R.randrange(10 ** 7, 10 ** 8)}", f"bordereau {bad_luhn(14)}"])


CCAM = ["HBLD038", "HBMD042", "HBGD035", "LBLD017", "BFGA004", "ZBQK002", "QZFA036", "NEKA020", "HBJD001",
        "JQGD010", "ZCQK004", "DEQP003", "YYYY030", "HBFD017", "HBLD490"]
LPP = ["2102381", "2105043", "2201344", "2242302", "1141091", "2236940", "2203240", "7303312"]
NGAP = ["C 26,50", "G 30", "AMK 8", "AMI 1", "K 12", "CS 30", "APC 55", "AMS 7,5", "TO 90"]
DRUGS = ["Doliprane 1000 mg", "Lévothyrox 75 µg", "Kardégic 75 mg", "Spasfon", "Humira 40 mg", "Eliquis 5 mg",
         "Ventoline", "Xarelto 20 mg", "Metformine 850 mg", "Dafalgan codéiné", "Inexium 40 mg", "Seroplex 10 mg",
         "Amoxicilline 1 g", "Augmentin", "Lyrica 75 mg", "Stilnox", "Tahor 20 mg", "Méthotrexate 15 mg",
         "Pentasa 1 g", "Levemir FlexPen", "Ozempic 0,5 mg", "Plaquenil 200 mg", "Cortancyl 20 mg"]
EPONYMS = ["maladie de Crohn", "syndrome de Gougerot-Sjögren", "signe de Lasègue", "maladie de Parkinson",
           "maladie d'Alzheimer", "maladie de Basedow", "thyroïdite de Hashimoto", "maladie de Horton",
           "syndrome de Raynaud", "manœuvre de Heimlich", "score de Glasgow", "maladie de Lyme",
           "syndrome de Guillain-Barré", "maladie de Paget", "signe de Babinski", "test de Schirmer",
           "fracture de Pouteau-Colles", "classification de Garden", "maladie de Dupuytren", "syndrome de Down",
           "maladie de Ménière", "maladie de Charcot", "sclérose en plaques", "syndrome de Cushing",
           "manœuvre de Lachman", "score de Wells", "maladie de Hodgkin", "tétralogie de Fallot"]
DISEASES = ["maladie de Crohn", "syndrome de Gougerot-Sjögren", "maladie de Horton", "maladie de Basedow",
            "maladie de Still", "maladie de Behçet", "polyarthrite rhumatoïde", "maladie de Paget"]
PLACES = ["Saint-Étienne", "Saint-Malo", "Sainte-Maxime", "Saint-Nazaire", "Saint-Quentin", "Sainte-Geneviève-des-Bois",
          "Saint-Denis", "Saint-Jean-de-Luz", "Saint-Pierre", "Saint-Martin-d'Hères", "Montpellier", "Bourg-en-Bresse",
          "Pontoise", "Charleville-Mézières", "Lons-le-Saunier", "Vitré", "Quimperlé", "Bastia", "Pau", "Colmar"]
HOSPITALS = ["hôpital Sainte-Anne", "hôpital Pitié-Salpêtrière", "CHU de Rennes", "hôpital Édouard-Herriot",
             "Institut Gustave-Roussy", "hôpital Necker", "clinique Saint-Jean", "CHU Pellegrin", "hôpital Foch",
             "centre hospitalier Saint-Joseph", "hôpital Louis-Mourier", "clinique Pasteur", "CHU de Nantes",
             "hôpital Georges-Pompidou", "Institut Curie", "centre Léon-Bérard", "hôpital Bichat-Claude-Bernard"]
DEPTS = ["Finistère", "Haute-Savoie", "Bouches-du-Rhône", "Pyrénées-Atlantiques", "Haute-Corse", "Corse-du-Sud",
         "Nord", "Pas-de-Calais", "Seine-Saint-Denis", "Bas-Rhin", "Haut-Rhin", "Gironde", "Loire-Atlantique",
         "Val-de-Marne", "Hauts-de-Seine", "Moselle", "Isère", "Côtes-d'Armor", "Morbihan", "Aveyron", "Doubs"]
SOFTWARE = ["Doctolib", "Ameli", "Espace Adhérent", "SESAM-Vitale", "Noemie", "Excel", "Teams", "Outlook",
            "Salesforce", "iSanté", "Carte Vitale", "Mon espace santé", "DMP", "net-entreprises"]


# ============================================================================
# style generators: each returns a Doc
# ============================================================================

def relation(p):
    return ch(["mon fils", "ma fille", "mon mari", "ma femme", "ma mère", "mon père", "mon conjoint",
               "ma compagne"]) if p is None else ("mon fils" if p.sex == "M" else "ma fille")


# ---------------------------------------------------------------- sms
SMS_OPEN = ["bjr", "bonjour", "slt", "bsr", "hello", "coucou", "", "re", "allo?", "bjr madame"]
SMS_END = ["merci", "mrc", "svp", "stp", "merci d'avance", "bonne journée", "!!", "cdt", "", "bisous lol non merci"]


def sms_pos():
    p = Person()
    k = R.randrange(17)
    o, e = ch(SMS_OPEN), ch(SMS_END)
    d = {"o": o, "e": e}
    if k == 0:
        return fill("{o} c {n} ne le {d} jai pas recu mon remb pour les lunettes {e}", n=p.P("low"),
                    d=DOB(p, "sms"), **d)
    if k == 1:
        return fill("{o} rappelez moi au{ph} svp c urgent pr ma carte tiers payant", ph=PH("flat"), **d)
    if k == 2:
        return fill("{o} mon num secu c {nir} et je suis {ne} en {y} {e}", nir=p.nir(ch(["flat", "grp"])),
                    ne=p.ne()[:-1] + ("e" if p.sex == "F" else ""), y=DOB(p, "yy"), **d)
    if k == 3:
        c = Person(born=date(R.randrange(2008, 2024), R.randrange(1, 13), R.randrange(1, 28)))
        return fill("{o} je veux ajouter {r} {n} {ne} le {d} sur mon contrat cmt on fait {e}",
                    r=relation(c), ne=strip_accents(c.ne()), n=c.P(ch(["lowg", "low"])), d=DOB(c, ch(["sms", "dmy", "sp"])), **d)
    if k == 4:
        return fill("{o} mon mail a changé c {m} pas l'ancien. tel {ph} {e}", m=email_for(p),
                    ph=PH(ch(["sp", "flat", "dot"])), **d)
    if k == 5:
        return _sms_mother(o, e)
    if k == 6:
        return fill("{o} nouveau rib: {ib} au nom de {n} {e}", ib=iban(ch(["flat", "lowg4", "g4"])),
                    n=p.P(ch(["low", "SG", "gs"])), **d)
    if k == 7:
        return fill("{o} jhabite plus a la meme adresse, now c {a} {e}", a=addr(sep=" ", upper=False), **d).lower()
    if k == 8:
        return fill("{o} cest {g} jsuis {ne} le {d} , num adherent {c}. tel:{ph}{e2}", g=p.P("lowg"), ne=p.ne(),
                    d=DOB(p, ch(["sms", "dmy2", "dmy"])), c=str(R.randrange(10 ** 6, 10 ** 7)), ph=PH("flat"),
                    e2=ch([" mrc", "merci", " ok?"]), **d)
    if k == 9:
        return fill("{o} le kiné m'a dit de vous envoyer sa facture, c {n} a {city} {e}",
                    n=(f"{Person().name('s').lower()}", "PERSON"), city=ch(CITIES)[1].lower(), **d)
    if k == 10:
        return fill("{o} jsuis nee en {y} et j'ai besoin d une attestation pour pole emploi, mon tel {ph} {e}",
                    y=DOB(p, "y"), ph=PH(ch(["sp", "p33flat", "dot"])), **d)
    if k == 12:
        return fill("{o} ya une erreur sur ma carte tiers payant c ecrit {w} au lieu de {n} !! {e}",
                    w=(p.given.lower() + " " + ch(SURNAMES).lower(), "PERSON"), n=p.P("low"), **d)
    if k == 13:
        return fill("[bot] Bonjour, comment puis-je vous aider ?\n[vous] {o} remb orthodontie pr mon fils\n"
                    "[bot] Je vous mets en relation avec un conseiller.\nCoach : {c}\n[vous] ok c {n} nee en {y} rappel "
                    "svp au{ph}merci", c=(ch(GIVEN), "PERSON"), n=p.P(ch(["low", "lows"])), y=DOB(p, ch(["yy", "y"])),
                    ph=PH("flat"), **d)
    if k == 14:
        return fill("{o} pour le remb de {g} (ma fille, {a} ans) envoyez la reponse a {m} pas a mon mari {e}",
                    g=(ch(FEMALE).lower(), "PERSON"), a=str(R.randrange(2, 17)), m=email_for(p), **d)
    if k == 15:
        return fill("{o} jai change de banque: {ib} titulaire {n} ne le {d} {e}", ib=iban("flat"),
                    n=p.P(ch(["low", "S", "SG"])), d=DOB(p, ch(["sms", "dmy", "sp"])), **d)
    return fill("{o} {n} {ph2} {e}", n=p.P("S"), ph2=PH(ch(["flat", "sp"])), **d)


def _sms_mother(o, e):
    m = Person(sex="F", born=date(R.randrange(1930, 1945), R.randrange(1, 13), R.randrange(1, 28)))
    return fill("{o} c pour ma mere {n} nee le {d} elle a {a} ans elle rentre en ehpad qui paye la chambre?? {e}",
                o=o, e=e, n=m.P("low"), d=DOB(m, ch(["sms", "dmy", "long"])), a=str(2025 - m.born.year))


SMS_NEG = [
    "bjr jai pas recu le remb de ma seance de kine du {cd} svp",
    "la carte tiers payant marche pas a la pharmacie de {pl} ce matin, c normal ?",
    "combien vous remboursez pour des lunettes progressives avec la formule confort 3 ??",
    "slt mon decompte {inv} indique {am} mais jai payé {am2}, vous pouvez verifier",
    "c quoi le delai pour un remboursement dentaire dent {tooth} couronne ? merci",
    "bsr l appli {sw} bug, impossible de telecharger l attestation",
    "Pouvez-vous me dire si l'osteo est pris en charge ? 4 seances par an ?",
    "merci pour le virement de {am} recu hier",
    "allo?? ca fait 3 semaines que jattends pour le {cl}",
    "jai un rdv a l'{hosp} le {cd} pour une irm, faut une prise en charge ?",
    "bjr le devis implant {ccam} de {am} il est remboursé a combien ?",
    "hello, le {lpp} c un code lpp pour quoi ? sur ma facture pharmacie",
    "mon medecin m'a prescrit {drug}, c rembourse a 65% ?",
    "ok merci, j'envoie la facture demain. Suite à votre message je rappelle lundi",
    "Délai de carence de 3 mois ?? pour l orthodontie c abusé",
    "la pharmacie rue {street} me demande la carte, je l'ai plus, je fais comment",
    "je suis sur {pl} pour le boulot, une clinique peut me prendre sans carte vitale ?",
    "petit souci avec mon contrat {ctr}, la cotisation a doublé en janvier",
    "j'ai eu un accident de vélo, une pierre sur la route... radio du {cd}, {ngap}",
]


def neg_fill(t):
    return t.format(cd=care_date(), pl=ch(PLACES), inv=invoice_no(), am=amount(), am2=amount(),
                    tooth=ch(["36", "46", "11", "21", "17", "47", "26"]), sw=ch(SOFTWARE), cl=claim_no(),
                    hosp=ch(HOSPITALS), ccam=ch(CCAM), lpp=ch(LPP), drug=ch(DRUGS), street=ch(STREETS)[1],
                    ctr=contract_no(), ngap=ch(NGAP), dept=ch(DEPTS), ep=ch(EPONYMS), b9=bad_luhn(9),
                    b14=bad_luhn(14), bn=bad_nir(), mo=ch(MONTHS), y=str(R.randrange(2019, 2027)),
                    b11=bad_luhn(11), MO=ch(MONTHS).upper())


def sms_neg():
    parts = [neg_fill(ch(SMS_NEG)) for _ in range(R.randrange(1, 3))]
    t = " ".join(parts)
    return Doc(t.lower() if R.random() < 0.6 else t)


# ---------------------------------------------------------------- dictee
UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def num_fr(n):
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
        if n == 71:
            return "soixante et onze"
        return "soixante-" + UNITS[n - 60]
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + UNITS[n - 80]


def spoken_pair(p, words=True):
    if not words:
        return p
    if p[0] == "0":
        return "zéro " + UNITS[int(p[1])]
    return num_fr(int(p))


def spoken_phone(d, partial=False):
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    mode = R.randrange(3)
    out = []
    for i, pr in enumerate(pairs):
        w = True if mode == 0 else (R.random() < 0.5 if mode == 1 else i == 0)
        out.append(spoken_pair(pr, w))
    if partial:
        k = R.randrange(2, 4)
        return ", ".join(out[:k])
    return ch([" ", ", ", " "]).join(out)


def year_fr(y):
    if y >= 2000:
        return "deux mille" + ("" if y == 2000 else " " + num_fr(y - 2000))
    return "mille neuf cent " + num_fr(y - 1900)


def spoken_date(d):
    day = "premier" if d.day == 1 else num_fr(d.day)
    return f"{day} {MONTHS[d.month - 1]} {year_fr(d.year)}"


def spelled(s):
    s = s.upper().replace(" ", "").replace("'", "")
    return " ".join(s)


DICT_OPEN = ["Compte rendu d'appel dicté", "Dictée conseiller", "Note vocale transcrite", "Transcription automatique",
             "Mémo vocal", "Appel entrant transcription"]


def dictee_pos():
    p = Person()
    k = R.randrange(8)
    head = ch(DICT_OPEN) + ch([" : ", ". ", " - ", "\n"])
    civ = "monsieur" if p.sex == "M" else "madame"
    if k == 0:
        return fill("{h}appel de {civ} {n} virgule {ne} le {d} virgule qui signale un changement de numéro point "
                    "nouveau numéro {ph} point à la ligne {il} souhaite être rappelée avant midi point",
                    h=head, civ=civ, n=p.P(ch(["gs", "s"])), ne=p.ne(), d=(spoken_date(p.born), "DATE_OF_BIRTH"),
                    ph=(spoken_phone(phone_digits()), "PHONE"), il="Il" if p.sex == "M" else "Elle")
    if k == 1:
        return fill("{h}nom de famille {n} je répète {sp} prénom {g} point le numéro de sécurité sociale est "
                    "{nir} point {civ} appelle pour son remboursement de {drug} virgule je transfère au service "
                    "prestations", h=head, n=p.P("s"), sp=(spelled(p.surname), "PERSON"), g=p.P("g"),
                    nir=p.nir("grp"), civ=civ.capitalize(), drug=ch(DRUGS).split()[0])
    if k == 2:
        d = phone_digits()
        return fill("{h}le conjoint {n} a rappelé, il a donné un numéro mais la ligne coupait, zéro six {part}, "
                    "je n'ai pas la fin. Il rappellera. Il a donné aussi le fixe {ph} et son mail {m} point",
                    h=head, n=p.P("gs"), part=spoken_phone(d, partial=True).split(", ", 1)[-1],
                    ph=(spoken_phone(phone_digits(False)), "PHONE"), m=email_for(p))
    if k == 3:
        q = Person()
        return fill("{h}{civ} {n} né le {d} demande la résiliation de son contrat suite à son départ à {pl}, "
                    "sa nouvelle adresse {a} point Merci de contacter {q} au service résiliation",
                    h=head, civ=civ, n=p.P(), d=DOB(p, ch(["long", "dmy"])), pl=ch(PLACES), a=addr(sep=" "),
                    q=q.P("gs"))
    if k == 4:
        return fill("{h}Madame {n} épelle son nom {sp} et son prénom {g}, née en {y} point Elle conteste le "
                    ": {inv} point Numéro de rappel {ph}",
                    h=head, n=Person(sex="F", surname=p.surname).P("s"), sp=(spelled(p.surname), "PERSON"),
                    g=p.P("g") if p.sex == "F" else (ch(FEMALE), "PERSON"), y=(year_fr(p.born.year), "DATE_OF_BIRTH"),
                    inv=invoice_no(), ph=PH(ch(["sp", "flat"])))
    if k == 5:
        return fill("{h}rappel adhérent {n} point le RIB transmis est {ib} point il faut mettre à jour le "
                    "prélèvement à compter de {mo}", h=head, n=p.P("SG"), ib=iban("g4"), mo=ch(MONTHS))
    if k == 6:
        c = Person(born=date(R.randrange(2005, 2024), R.randrange(1, 13), R.randrange(1, 28)))
        return fill("{h}inscription de l'enfant {n} ... {cn} ... {ne} le {d} sur le contrat de sa mère point "
                    "la mère {m} joignable au {ph}",
                    h=head, n=c.P("g"), cn=(c.surname, "PERSON"), ne=c.ne(), d=(fmt_date(c.born, ch(["dmy", "long"])), "DATE_OF_BIRTH"),
                    m=Person(sex="F", surname=c.surname).P("gs"), ph=(spoken_phone(phone_digits(True)), "PHONE"))
    if R.random() < 0.35:
        return fill("{h}{n} a rappelé ce matin au sujet de sa cure thermale à {pl} point Il ou elle enverra la "
                    "facture par courrier point adresse {a} point", h=head, n=p.P(ch(["gs", "gS", "SG"])),
                    pl=ch(["Dax", "Vichy", "Aix-les-Bains", "Évian"]), a=addr(sep=" virgule "))
    return fill("{h}Dossier {cl}, appel de {n}, il se plaint du délai point J'ai noté son adresse mail {m} "
                "et son portable {ph} point Suite à donner par {adv}",
                h=head, cl=claim_no(), n=p.P(ch(["gs", "gS", "SG"])), m=email_for(p),
                ph=PH(ch(["sp", "dot"])), adv=Person().P("g"))


DICT_NEG = [
    "appel d'un adhérent qui ne souhaite pas donner son nom, question sur le tiers payant virgule je renvoie vers la FAQ point",
    "Merci de rappeler la pharmacie de {pl} au sujet de la facture {inv} point",
    "le numéro commence par zéro six douze mais l'appel a coupé point pas de rappel possible",
    "Suite à l'appel, ouverture du {cl} point montant contesté {am} point",
    "note point la prise en charge {ccam} est refusée faute de devis point à la ligne",
    "Pouvez-vous vérifier le code {lpp} virgule il ne passe pas dans {sw} point",
    "Délai de traitement annoncé quinze jours ouvrés point",
    "rappel demain matin pour le dossier de l'{hosp} virgule séjour du {cd} point",
    "question sur {ep} virgule prise en charge ALD point je transfère au médecin conseil",
    "la personne appelle de {pl} dans le {dept} pour une attestation point",
    "le contrat {ctr} est suspendu depuis {mo} point",
]


def dictee_neg():
    return Doc(ch(DICT_OPEN) + " : " + " ".join(neg_fill(ch(DICT_NEG)) for _ in range(R.randrange(2, 4))))


# ---------------------------------------------------------------- tableau
def tableau_pos():
    sep = ch([";", "\t", ";", ","])
    kind = R.randrange(5)
    rows = []
    if kind == 0:
        hdr = ["NOM", "PRENOM", "DATE_NAISSANCE", "NIR", "CP_VILLE"]
    elif kind == 1:
        hdr = ["nom", "prénom", "ddn", "n° sécu", "téléphone", "date adhésion"]
    elif kind == 2:
        hdr = ["Matricule", "Nom Prénom", "Né(e) le", "Adresse", "Email"]
    elif kind == 3:
        hdr = ["ID", "Bénéficiaire", "Lien", "Date de naissance", "Régime", "Taux"]
    else:
        hdr = ["NOM", "PRÉNOM", "NIR (13)", "DATE NAISSANCE", "DATE DÉCÈS", "CAPITAL"]
    rows.append(Doc(sep.join(hdr)))
    iso = R.random() < 0.4
    for _ in range(R.randrange(2, 7)):
        p = Person()
        df = "iso" if iso else ch(["dmy", "dmy", "dot"])
        empty = lambda: R.random() < 0.12  # noqa: E731
        if kind == 0:
            cp, city = ch(CITIES)
            cells = [("" if empty() else p.surname.upper(), "PERSON"), (p.given, "PERSON"),
                     None if empty() else DOB(p, df), None if empty() else p.nir(ch(["flat", "flat", "grp"])),
                     f"{cp} {city.upper()}"]
        elif kind == 1:
            cells = [(p.surname, "PERSON"), ("" if empty() else p.given, "PERSON"), DOB(p, df),
                     None if empty() else p.nir(ch(["flat", "key"])), None if empty() else PH(ch(["sp", "flat", "dot"])),
                     fmt_date(rand_date(2010, 2025), df)]
        elif kind == 2:
            cells = [f"{R.randrange(10 ** 5, 10 ** 6)}", p.P(ch(["SG", "Sg", "gs"])), DOB(p, df),
                     None if empty() else addr(sep=" "), None if empty() else email_for(p)]
        elif kind == 4:
            cells = [(p.surname.upper(), "PERSON"), (p.given.upper(), "PERSON"), p.nir("flat", keyless=True),
                     DOB(p, df), fmt_date(rand_date(2023, 2026), df), amount()]
        else:
            cells = [f"B{R.randrange(1000, 9999)}", p.P(ch(["SG", "gs"])), ch(["assuré", "conjoint", "enfant", "ayant droit"]),
                     DOB(p, df), ch(["RG", "RA", "MSA", "AM"]), ch(["100%", "70%", "60%", "90%"])]
        docs = []
        for c in cells:
            if c is None:
                docs.append(Doc(""))
            elif isinstance(c, tuple):
                docs.append(fill("{x}", x=c))
            else:
                docs.append(Doc(c))
        if sep == "," and kind == 2:
            docs = [Doc('"') + d + '"' for d in docs]
        rows.append(join(docs, sep))
    title = ch(["", "Export bénéficiaires\n", "Extraction du " + care_date() + "\n", "copie onglet 'ayants droit'\n", ""])
    return Doc(title) + join(rows, "\n")


def tableau_neg():
    sep = ch([";", "\t", ";"])
    kind = R.randrange(3)
    if kind == 0:
        hdr = ["date_soins", "code_acte", "libellé", "montant", "base_remb", "taux"]
        lines = [sep.join(hdr)]
        for _ in range(R.randrange(3, 8)):
            lines.append(sep.join([care_date(ch(["iso", "dmy"])), ch(CCAM + NGAP + LPP),
                                   ch(["Consultation", "Détartrage", "Couronne céramo-métallique dent " + ch(["36", "46", "11"]),
                                       "Séance kiné", "Monture", "Verres unifocaux", "Pansement", "IRM genou",
                                       "Forfait hospitalier", "Chambre particulière"]),
                                   amount(), amount(), ch(["70%", "60%", "100%", "0%"])]))
    elif kind == 1:
        hdr = ["N° facture", "N° lot", "Date", "Montant", "Statut"]
        lines = [sep.join(hdr)]
        for _ in range(R.randrange(3, 8)):
            lines.append(sep.join([bad_luhn(9), bad_luhn(14), care_date("dmy"), amount(),
                                   ch(["PAYÉ", "REJETÉ", "EN ATTENTE", "À VÉRIFIER"])]))
    else:
        hdr = ["Département", "Nb adhérents", "Cotisation moyenne", "Mois"]
        lines = [sep.join(hdr)]
        for _ in range(R.randrange(3, 8)):
            lines.append(sep.join([ch(DEPTS).upper() if R.random() < 0.4 else ch(DEPTS), str(R.randrange(50, 9000)),
                                   amount(), ch(MONTHS).capitalize() + " " + str(R.randrange(2023, 2027))]))
        if R.random() < 0.5:
            lines.append(sep.join(["TOTAL", str(R.randrange(10000, 90000)), "", ""]))
    return Doc("\n".join(lines))


# ---------------------------------------------------------------- juridique
COURTS = ["tribunal judiciaire de Nanterre", "tribunal judiciaire de Lyon", "cour d'appel de Rennes",
          "tribunal judiciaire de Bobigny", "pôle social du tribunal judiciaire de Lille", "cour d'appel d'Aix-en-Provence",
          "tribunal de proximité de Vanves", "Cour de cassation"]
ARTICLES = ["article L. 113-8 du Code des assurances", "article 1240 du Code civil", "article L. 221-1 du Code de la mutualité",
            "article L. 612-1 du Code de la consommation", "article 2224 du Code civil", "article L. 114-1 du Code des assurances",
            "article 700 du Code de procédure civile", "article L. 911-1 du Code de la sécurité sociale"]


def case_no():
    return ch([f"RG n° {R.randrange(18, 26)}/{R.randrange(1000, 99999):05d}", f"n° {R.randrange(18, 26)}-{R.randrange(10, 99)}.{R.randrange(100, 999)}",
               f"affaire {R.randrange(10 ** 7, 10 ** 8)}", f"N° Portalis DBX-{R.choice('VWXY')}-B7H-{R.choice('ABCDEF')}{R.randrange(1000, 9999)}"])


def juridique_pos():
    av = Person()
    cl = Person()
    k = R.randrange(5)
    cp, city = ch(CITIES)
    if k == 0:
        return fill("{av}\nAvocat au Barreau de {city}\n{aa}\nTél. : {ph} - Fax : {fx}\n{m}\n\n"
                    "Objet : {civ} {cl} c/ Mutuelle - {case}\n\nMadame, Monsieur,\n\nJ'interviens dans les intérêts de "
                    "{civ} {cl2}, {ne} le {d}, adhérent sous le numéro {ctr}. Mon client conteste le refus de prise en "
                    "charge fondé sur l'{art}. À défaut de réponse sous quinze jours, je saisirai le {court}.\n\n"
                    "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\nMaître {av2}",
                    av=Doc("Maître ") + fill("{x}", x=av.P("gs")),
                    city=city, aa=addr(sep="\n"), ph=PH("sp", False), fx=PH(ch(["sp", "dot"]), False),
                    m=email_for(av, ch(["avocat-conseil.fr", "cabinet-juris.fr", "avocats.fr"])), civ=cl.civ(),
                    cl=cl.P("gs"), cl2=cl.P("s"), ne=cl.ne(), d=DOB(cl), ctr=contract_no(), art=ch(ARTICLES),
                    court=ch(COURTS), case=case_no(), av2=av.P(ch(["gs", "s", "i"])))
    if k == 1:
        return fill("Le Médiateur de la mutualité\n\nRéférence : {case}\nDemandeur : {civ} {cl}, {ne} le {d}, "
                    "demeurant {a}\n\nAvis : au vu de l'{art}, le médiateur estime que la réclamation de {civ} {cl3} "
                    "est partiellement fondée. Le montant de {am} devra être versé sous un mois.",
                    case=case_no(), civ=cl.civ(), cl=cl.P(ch(["gs", "SG"])), ne=cl.ne(), d=DOB(cl),
                    a=addr(sep=", "), art=ch(ARTICLES), cl3=cl.P("s"), am=amount())
    if k == 2:
        return fill("Maître {av},\n\nJe fais suite à votre courrier du {ld} concernant votre client, M. {cl} "
                    "(NIR {nir}). Nous vous confirmons que la garantie invalidité n'était pas acquise à la date du "
                    "sinistre, conformément à l'{art}.\n\nLe service juridique\nMutuelle - {city}",
                    av=av.P("s"), ld=care_date("long"), cl=Person(sex="M").P(ch(["gs", "gS"])),
                    nir=Person(sex="M").nir(), art=ch(ARTICLES), city=city)
    if k == 3:
        adv = Person()
        return fill("CONCLUSIONS D'INTIMÉ\n{court} - {case}\n\nPOUR : {civ} {cl}, {ne} le {d} à {pl}, de nationalité "
                    "française, demeurant {a}\nAyant pour avocat Maître {av}, {aa}\n\nCONTRE : la Mutuelle, "
                    "représentée par son directeur général en exercice\n\nPlaise au tribunal de condamner la défenderesse "
                    "au paiement de la somme de {am} au titre de l'{art}.",
                    court=ch(COURTS).upper(), case=case_no(), civ=cl.civ_long(), cl=cl.P("SG"), ne=cl.ne(), d=DOB(cl, "long"),
                    pl=ch(PLACES), a=addr(sep=" "), av=adv.P(ch(["gs", "gS"])), aa=addr(sep=" "), am=amount(),
                    art=ch(ARTICLES))
    return fill("Cher Confrère,\n\nDans le dossier {civ} {cl} / Mutuelle ({case}), vous trouverez ci-joint l'attestation "
                "de {w}, témoin de l'accident survenu rue {street}. Le rapport d'expertise du {ed} retient une ITT de 45 "
                "jours.\n\nJe reste joignable au {ph}.\n\nBien confraternellement,\n\n{av}\n{aa}",
                civ=cl.civ(), cl=cl.P("s"), case=case_no(), w=Person().P("gs"), street=ch(STREETS)[1], ed=care_date(),
                ph=PH(ch(["sp", "dot"])), av=av.P(ch(["gs", "SG"])), aa=addr(sep="\n"))


JUR_NEG = [
    "Conformément à l'{art}, la prescription biennale court à compter de l'événement qui y donne naissance.",
    "Le {court} a, par jugement du {cd}, débouté le demandeur de l'ensemble de ses prétentions ({case}).",
    "Suite à votre saisine, le Médiateur de la consommation rappelle qu'il ne peut être saisi qu'après une réclamation écrite préalable.",
    "Cour de cassation, 2e chambre civile, {cd}, pourvoi n° {py} : la clause d'exclusion doit être formelle et limitée.",
    "Pouvez-vous nous transmettre les conclusions adverses ainsi que le bordereau de pièces numérotées de 1 à 14 ?",
    "En application de l'{art}, toute réticence ou fausse déclaration intentionnelle entraîne la nullité du contrat.",
    "Merci de bien vouloir régulariser l'indemnité de {am} au titre des frais irrépétibles.",
    "L'audience de mise en état est renvoyée au {cd}. Délai de communication : quinze jours.",
    "Le contrat {ctr} prévoit une garantie obsèques plafonnée à {am}.",
]


def juridique_neg():
    return Doc("\n\n".join(
        JUR_NEG[i].format(art=ch(ARTICLES), court=ch(COURTS), cd=care_date("long"), case=case_no(), am=amount(),
                          ctr=contract_no(), py=f"{R.randrange(18, 26)}-{R.randrange(10, 99)}.{R.randrange(100, 999)}")
        for i in R.sample(range(len(JUR_NEG)), R.randrange(2, 4))))


# ---------------------------------------------------------------- succession
def death_date(p):
    return fmt_date(rand_date(2023, 2026), ch(["dmy", "long"]))


def succession_pos():
    dec = Person(born=date(R.randrange(1928, 1960), R.randrange(1, 13), R.randrange(1, 28)))
    no = Person()
    heirs = [Person(surname=dec.surname if R.random() < 0.7 else None,
                    born=date(R.randrange(1955, 1995), R.randrange(1, 13), R.randrange(1, 28))) for _ in range(R.randrange(1, 4))]
    k = R.randrange(5)
    if k == 0:
        hl = join([fill("- {civ} {h}, {ne} le {d}, demeurant {a}", civ=h.civ(), h=h.P("gs"), ne=h.ne(), d=DOB(h),
                        a=addr(sep=", ")) for h in heirs], "\n")
        return fill("Office notarial de Maître {no}\n{na}\nTél. {ph}\n\nObjet : Succession de {civ} {dec}, {ne} le {dd}, "
                    "décédé{e} le {dth}\n\nMadame, Monsieur,\n\nNous avons l'honneur de vous informer du décès de votre "
                    "adhérent{e}. Les héritiers sont :\n{hl}\n\nNous vous remercions de nous indiquer le montant du capital "
                    "décès et de clôturer le contrat {ctr}.\n\nMaître {no2}, notaire",
                    no=no.P(ch(["gs", "gS"])), na=addr(sep="\n"), ph=PH(ch(["sp", "dot"]), False), civ=dec.civ(), dec=dec.P("gs"),
                    ne=dec.ne(), dd=DOB(dec), e="e" if dec.sex == "F" else "", dth=death_date(dec), hl=hl, ctr=contract_no(),
                    no2=no.P(ch(["s", "gs"])))
    if k == 1:
        h = heirs[0]
        return fill("Bonjour,\n\nMon père, {dec}, est décédé le {dth} à l'{hosp}. Il était {ne} le {dd}. Je suis sa "
                    "fille{s} et je souhaite savoir comment obtenir le remboursement des derniers soins. Mon RIB : {ib}.\n\n"
                    "{h}\n{ph}",
                    dec=Person(sex="M", surname=dec.surname, born=dec.born).P("gs"), dth=death_date(dec), hosp=ch(HOSPITALS),
                    ne="né", dd=DOB(dec, ch(["dmy", "long"])), s=ch(["", " aînée", " unique"]), ib=iban(), h=h.P(ch(["gs", "g"])),
                    ph=PH())
    if k == 2:
        b = heirs[0]
        return fill("DEMANDE DE MODIFICATION DE LA CLAUSE BÉNÉFICIAIRE\n\nAdhérent : {civ} {n}\nDate de naissance : {dd}\n"
                    "N° de sécurité sociale : {nir}\n\nNouveau bénéficiaire du capital décès : {b}, {ne} le {bd}, "
                    "{rel}, à défaut mes enfants nés ou à naître, à défaut mes héritiers.\n\nFait à {city}, le {ld}\n{sig}",
                    civ=dec.civ_long(), n=dec.P("SG"), dd=DOB(dec, ch(["dmy", "iso"])), nir=dec.nir(), b=b.P("gs"),
                    ne=b.ne(), bd=DOB(b), rel=ch(["mon épouse", "mon conjoint", "mon partenaire de PACS", "ma nièce", "mon fils"]),
                    city=ch(CITIES)[1], ld=care_date("dmy"), sig=dec.P(ch(["gs", "i"])))
    if k == 3:
        return fill(
            "Note interne - décès\nAdhérent décédé : {dec} (né{e} en {y}), décès le {dth}\nNotaire en charge : Me {no}, "
            "{na}, {m}\nAyant droit à radier : {h}\nCapital décès {am} à verser après réception de l'acte de notoriété.",
            dec=dec.P(ch(["SG", "gs"])), e="e" if dec.sex == "F" else "", y=DOB(dec, "y"), dth=death_date(dec),
            no=no.P("gs"), na=addr(sep=" "), m=email_for(no, ch(["notaires.fr", "paris.notaires.fr"])),
            h=heirs[0].P("gs"), am=amount())
    h = heirs[0]
    return fill("Madame, Monsieur,\n\nSuite au décès de mon épou{x} {dec} survenu le {dth}, je vous prie de bien vouloir "
                "transférer le contrat à mon nom. Je suis {ne} le {hd} et mon numéro de sécurité sociale est le {nir}. "
                "Vous pouvez me joindre au {ph} ou à {m}.\n\nCordialement,\n{sig}\n{a}",
                x="x" if dec.sex == "M" else "se", dec=dec.P("gs"), dth=death_date(dec), ne=h.ne(), hd=DOB(h),
                nir=h.nir(), ph=PH(), m=email_for(h), sig=h.P(ch(["gs", "SG"])), a=addr(sep="\n"))


SUC_NEG = [
    "Le capital décès est versé au(x) bénéficiaire(s) désigné(s) dans un délai d'un mois après réception des pièces justificatives.",
    "Pièces à fournir : acte de décès, acte de notoriété, RIB du notaire, copie du livret de famille.",
    "Suite à votre appel, nous vous confirmons la clôture du contrat {ctr} au {cd}.",
    "Délai : la demande doit parvenir avant fin {mo}. Passé ce délai, les cotisations restent dues.",
    "Merci de nous adresser l'acte de notoriété établi par l'office notarial de {pl}.",
    "La garantie obsèques prévoit un forfait de {am} versé directement aux pompes funèbres.",
    "Le décès est survenu le {cd} ({hosp}). L'allocation est de {am}.",
    "La clause type désigne le conjoint, à défaut les enfants, à défaut les héritiers.",
]


def succession_neg():
    return Doc("\n\n".join(neg_fill(t).replace("{mo}", "") for t in R.sample(SUC_NEG, R.randrange(2, 4))))


# ---------------------------------------------------------------- international
COUNTRIES = {"Maroc": 350, "Algérie": 352, "Tunisie": 351, "Portugal": 139, "Turquie": 208, "Sénégal": 341,
             "Côte d'Ivoire": 326, "Mali": 335, "Viêt Nam": 243, "Pologne": 122, "Arménie": 252, "Italie": 127,
             "Espagne": 134, "Belgique": 131, "Chine": 216}
ORIGIN_NAMES = {
    "Maroc": (["El Amrani", "Bennani", "Tazi", "Chraibi", "Lahlou", "Benchekroun", "Ouahbi"], ["Youssef", "Karim", "Omar"], ["Khadija", "Salma", "Imane"]),
    "Algérie": (["Belkacem", "Boudjema", "Benyoucef", "Khelifi", "Mebarki", "Ait Ouali", "Zerrouki"], ["Abdelkader", "Sofiane", "Yacine"], ["Naïma", "Malika", "Yasmina"]),
    "Tunisie": (["Ben Ali", "Haddad", "Mansouri", "Saïdi", "Cherif"], ["Mehdi", "Nabil", "Bilal"], ["Leïla", "Amina", "Sonia"]),
    "Portugal": (["Da Silva", "Dos Santos", "Pereira", "Gonçalves", "D'Almeida", "Teixeira"], ["João", "Rui", "Tiago", "Diogo"], ["Inês", "Beatriz", "Ana"]),
    "Turquie": (["Yılmaz", "Öztürk", "Çelik", "Aydın", "Doğan", "Şahin"], ["Mehmet", "Emre", "Burak"], ["Ayşe", "Elif", "Zeynep"]),
    "Sénégal": (["Diop", "Ndiaye", "Sow", "Diallo", "Camara"], ["Mamadou", "Ousmane", "Abdoulaye"], ["Fatoumata", "Aminata", "Awa"]),
    "Côte d'Ivoire": (["N'Guessan", "Kouassi", "Koffi", "Yao", "Bamba", "Ouattara"], ["Kouadio", "Didier", "Serge"], ["Adjoua", "Akissi", "Grâce"]),
    "Mali": (["Traoré", "Coulibaly", "Keïta", "Konaté", "Sylla"], ["Moussa", "Seydou", "Souleymane"], ["Mariam", "Aïssatou", "Awa"]),
    "Viêt Nam": (["Nguyen", "Tran", "Pham", "Hoang", "Phan", "Dang"], ["Minh", "Tuan", "Huy"], ["Linh", "Lan", "Thu"]),
    "Pologne": (["Kowalski", "Nowak", "Wiśniewski", "Lewandowski", "Zieliński"], ["Piotr", "Tomasz", "Krzysztof"], ["Agnieszka", "Katarzyna", "Małgorzata"]),
    "Arménie": (["Hakobyan", "Petrossian", "Manoukian", "Der Avedissian"], ["Arman", "Hovhannes"], ["Ani", "Lusine"]),
    "Italie": (["Rossi", "Esposito", "De Luca", "Bianchi"], ["Giovanni", "Matteo"], ["Giulia", "Chiara"]),
    "Espagne": (["Garcia", "Navarro", "Fernandez", "Romero"], ["Javier", "Miguel"], ["Lucía", "Pilar"]),
    "Belgique": (["Van Damme", "Janssens", "Peeters", "De Smet", "Van den Berg"], ["Pieter", "Jan"], ["Marie", "Claire"]),
    "Chine": (["Wang", "Zhang", "Chen", "Liu"], ["Wei", "Jun"], ["Mei", "Ling"]),
}
REGIONAL = {"2A": (["Santoni", "Paoli", "Colonna", "Pietri", "Casanova"], ["Ange-Marie", "Jean-Baptiste"], ["Marie-Noëlle", "Letizia"]),
            "2B": (["Luciani", "Bartoli", "Filippi", "Mattei", "Orsini", "Poggi"], ["Pierre-Antoine", "Dominique"], ["Marie-Thérèse", "Chiara"]),
            "64": (["Etxeberria", "Irigoyen", "Harispe", "Olçomendy", "Arrieta", "Darrigrand"], ["Peio", "Mikel", "Xabi"], ["Maïté", "Amaia", "Ainhoa"]),
            "29": (["Le Gall", "Kerbrat", "Guivarc'h", "Le Bihan", "Jaouen", "Floc'h", "Salaün"], ["Erwan", "Ronan", "Gwenaël"], ["Nolwenn", "Katell", "Enora"])}


CITY_OF = {"Maroc": "Casablanca", "Algérie": "Oran", "Tunisie": "Sfax", "Portugal": "Porto", "Turquie": "Izmir",
           "Sénégal": "Dakar", "Côte d'Ivoire": "Abidjan", "Mali": "Bamako", "Viêt Nam": "Hanoï", "Pologne": "Cracovie",
           "Arménie": "Erevan", "Italie": "Naples", "Espagne": "Séville", "Belgique": "Liège", "Chine": "Wuhan"}


def foreign_person():
    c = ch(list(ORIGIN_NAMES))
    sn, m, f = ORIGIN_NAMES[c]
    sex = ch("MF")
    p = Person(sex=sex, given=ch(m if sex == "M" else f), surname=ch(sn), dep="99", commune=COUNTRIES[c])
    return p, c


def regional_person():
    d = ch(list(REGIONAL))
    sn, m, f = REGIONAL[d]
    sex = ch("MF")
    return Person(sex=sex, given=ch(m if sex == "M" else f), surname=ch(sn), dep=d), d


def international_pos():
    k = R.randrange(7)
    p, c = foreign_person()
    if k == 0:
        cc = ch(["CH", "LU", "BE", "DE"])
        return fill("Bonjour,\n\nJe suis frontalier, je travaille à {wk} et j'habite {a}. Je m'appelle {n}, {ne} le {d} "
                    "à {orig} ({c}). Mon numéro de sécurité sociale français est {nir}. Vous pouvez me joindre en France au "
                    "{ph} ou sur mon portable {cc} {fp}.\n\nCordialement",
                    orig=CITY_OF[c], wk={"CH": "Genève", "LU": "Luxembourg-Ville", "BE": "Mons", "DE": "Sarrebruck"}[cc], a=addr(sep=", "),
                    n=p.P("gs"), ne=p.ne(), d=DOB(p),
                    c=c, nir=p.nir(), ph=PH(ch(["sp", "p33", "0033"])), cc=cc, fp=FOREIGN_PHONES[cc]())
    if k == 1:
        q, d = regional_person()
        return fill("Dossier expatrié - {pl}\nAdhérent : {civ} {n} (né{e} le {d} à {bp})\nNIR : {nir}\nTél. au pays : {fp}\n"
                    "Tél. France : {ph}\nMotif : demande de formulaire S1 pour sa fille {g} qui reste à {city}.",
                    pl=ch(["Lisbonne", "Dakar", "Montréal", "Ho Chi Minh-Ville", "Varsovie"]), civ=q.civ(), n=q.P("gS"),
                    e="e" if q.sex == "F" else "", d=DOB(q), bp={"2A": "Ajaccio", "2B": "Bastia", "64": "Bayonne", "29": "Quimper"}[d],
                    nir=q.nir(), fp=FOREIGN_PHONES[ch(list(FOREIGN_PHONES))](), ph=PH(ch(["p33_0", "p33", "sp"])),
                    g=(ch(FEMALE), "PERSON"), city=ch(CITIES)[1])
    if k == 2:
        p2, c2 = foreign_person()
        return fill("Ajout d'ayants droit :\n1) {n1} - {ne1} le {d1} - pays de naissance : {c1} - NIR {nir1}\n2) {n2} - {ne2} le {d2} - pays de naissance : {c2}"
                    " - NIR en cours d'attribution\nAdresse commune : {a}",
                    n1=p.P(ch(["SG", "gs"])), ne1=p.ne(), d1=DOB(p, ch(["dmy", "iso"])), c1=c, nir1=p.nir(),
                    n2=p2.P(ch(["SG", "gs"])), ne2=p2.ne(), d2=DOB(p2, ch(["dmy", "iso"])), c2=c2, a=addr(sep=" "))
    if k == 3:
        cc = ch(["CH", "LU"])
        return fill("Hello, {g} here. Je vis à {fc} depuis {y2}, mon numéro suisse/lux {fp} ne marche pas pour la "
                    "double authentification. Pouvez-vous mettre {ph} à la place ? Mon mail pro : {m}. Merci, {s}",
                    g=p.P("g"), fc="Lausanne" if cc == "CH" else "Esch-sur-Alzette", y2=str(R.randrange(2015, 2025)),
                    fp=FOREIGN_PHONES[cc](), ph=PH(ch(["flat", "p33flat", "sp"])), m=email_for(p, ch(["bluewin.ch", "pt.lu", "cern.ch"])),
                    s=p.P(ch(["s", "S", "gs"])))
    if k == 4:
        q, d = regional_person()
        return fill("{n} ({ne} le {d}), originaire de {dep}, rentre s'installer au {a}. Son NIR {nir} commence bien par "
                    "{dd} : ce n'est pas une erreur de saisie.",
                    n=q.P(ch(["gs", "gS"])), ne=q.ne(), d=DOB(q, ch(["long", "dmy"])), dep={"2A": "Corse-du-Sud", "2B": "Haute-Corse", "64": "Pyrénées-Atlantiques", "29": "Finistère"}[d],
                    a=addr(sep=", "), nir=q.nir(ch(["flat", "grp"])), dd=d)
    if k == 5:
        return fill("Travailleur détaché : {n}\nEmployeur : société de droit {c2}, succursale française SIRET {siret}\n"
                    "Date de naissance : {d}\nN° assuré pays d'origine : {fn}\nN° NIR : {nir}\nAdresse en France : {a}",
                    n=p.P("SG"), c2=ch(["portugais", "polonais", "espagnol", "italien"]), siret=SIRET(), d=DOB(p, "iso"),
                    fn="PT" + bad_luhn(9),
                    nir=p.nir(), a=addr(sep=" "))
    return fill("Madame {n}, {ne} en {y} à {orig}, veuve, touche une pension de l'étranger. Sa petite-fille {g} "
                "(tél. {ph}) gère ses démarches. Pas de numéro français pour la grand-mère, seulement le {fp}.",
                n=Person(sex="F", surname=p.surname).P(ch(["s", "gs"])), ne="née", y=DOB(p, "y"),
                orig=ch(["Tizi Ouzou", "Fès", "Braga", "Kayes", "Thiès", "Huế"]), g=(ch(FEMALE), "PERSON"),
                ph=PH(ch(["sp", "dot", "flat"])), fp=FOREIGN_PHONES[ch(["MA", "PT", "SN"])]())


INT_NEG = [
    "Le formulaire S1 permet aux travailleurs frontaliers de se faire soigner en France et dans le pays d'emploi.",
    "Pour les soins reçus à Genève, merci de joindre la facture détaillée et le justificatif de paiement en CHF.",
    "La CEAM est valable deux ans ; elle ne couvre pas les soins programmés.",
    "Suite à votre départ à Lisbonne, le contrat {ctr} sera résilié fin {mo}.",
    "Délai de traitement des factures étrangères : 30 jours, conversion au taux BCE du jour du soin.",
    "Les NIR commençant par 1 ou 2 suivis de 99 concernent les personnes nées à l'étranger.",
    "La CPAM de {dept} gère les frontaliers franco-suisses ; numéro de lot {b14}.",
    "Merci pour votre dossier expatrié ; la garantie monde entier hors USA est de {am} par an.",
    "Pouvez-vous préciser si les soins ont eu lieu au Luxembourg ou en Belgique ? Dossier {cl}.",
    "Vietnam, Maroc, Portugal : la liste des pays conventionnés est disponible sur Ameli.",
]


def international_neg():
    return Doc(" ".join(neg_fill(t) for t in R.sample(INT_NEG, R.randrange(2, 4))))


# ---------------------------------------------------------------- medical
def medical_pos():
    p = Person()
    dr = Person()
    k = R.randrange(6)
    svc = ch(["rhumatologie", "gastro-entérologie", "neurologie", "cardiologie", "médecine interne", "endocrinologie"])
    if k == 0:
        return fill("COMPTE RENDU D'HOSPITALISATION\n{hosp} - service de {svc}\n\nPatient : {civ} {n}, {ne} le {d}\n"
                    "NIR : {nir}\nMédecin traitant : Dr {mt} (RPPS {r1})\n\nMotif : poussée de {ep}. Traitement de sortie : "
                    "{drug}, {drug2}. Signe de Lasègue négatif.\n\nDr {dr}\nRPPS {r2}",
                    hosp=ch(HOSPITALS).upper(), svc=svc, civ=p.civ(), n=p.P(ch(["SG", "gs"])), ne=p.ne(), d=DOB(p),
                    nir=p.nir(), mt=Person().P(ch(["gs", "s", "i"])), r1=rpps(), ep=ch(DISEASES), drug=ch(DRUGS),
                    drug2=ch(DRUGS), dr=dr.P(ch(["gs", "i"])), r2=rpps())
    if k == 1:
        return fill("Cher confrère,\n\nJe vois ce jour {civ} {n}, {a} ans, pour une suspicion de {ep}. Antécédents : "
                    "{ep2}. Je propose {drug} et un contrôle dans trois mois.\n\nBien confraternellement,\n{dr}\n"
                    "Cabinet médical, {ca}\nTél. {ph}\nRPPS : {r}",
                    civ=p.civ(), n=p.P(ch(["gs", "s"])), a=str(R.randrange(18, 90)), ep=ch(EPONYMS), ep2=ch(EPONYMS),
                    drug=ch(DRUGS), dr=dr.P(ch(["gs", "gS"])),
                    ca=addr(sep=", "), ph=PH(ch(["sp", "dot"]), False), r=rpps())
    if k == 2:
        return fill("Prescription de kinésithérapie\nPatient(e) : {n} - DDN {d}\n15 séances, rééducation après "
                    "{ep}.\nKinésithérapeute : {k} - ADELI {ad}\n{ka}",
                    n=p.P(ch(["SG", "gs"])), d=DOB(p, ch(["dmy", "iso"])), ep=ch(["fracture de Pouteau-Colles", "ligamentoplastie", "entorse", "syndrome de Guillain-Barré"]),
                    k=Person().P(ch(["gs", "SG"])), ad=adeli(), ka=addr(sep="\n"))
    if k == 3:
        return fill("Lettre de liaison - sortie le {sd}\n{n} ({ne} le {d}, {a} ans) hospitalisé{e} pour {ep}. Score de "
                    "Glasgow 15. Traitement : {drug}. Rendez-vous avec le Dr {dr} (RPPS {r}) le {cd2}. Contact famille : "
                    "{fam}, {ph}.",
                    sd=care_date("dmy"), n=p.P(ch(["gS", "SG", "gs"])), ne=p.ne(), d=DOB(p), a=str(2025 - p.born.year),
                    e="e" if p.sex == "F" else "", ep=ch(EPONYMS), drug=ch(DRUGS), dr=dr.P("s"), r=rpps(), cd2=care_date("long"),
                    fam=Person(surname=p.surname).P(ch(["gs", "g"])), ph=PH())
    if k == 4:
        return fill("Demande d'entente préalable - orthophonie\nAssuré : {n}\nNé(e) le : {d}\nN° SS : {nir}\n"
                    "Orthophoniste : {o} - n° ADELI {ad} - tél {ph}\nBilan du {cd} : retard de langage, {ngap}.",
                    n=p.P(ch(["SG", "gs"])), d=DOB(p, ch(["dmy", "dot"])), nir=p.nir(), o=Person(sex="F").P(ch(["gs", "gS"])),
                    ad=adeli(), ph=PH(ch(["sp", "flat"]), None), cd=care_date(), ngap=ch(NGAP))
    return fill("Ordonnance\nDr {dr}, médecin généraliste\nRPPS {r} - secteur 1\n{ca}\n\nLe {cd}\n{civ} {n}\n\n{drug} : 1 cp matin "
                "et soir pendant 10 jours\n{drug2} si douleur\n\nMaladie de Parkinson connue.",
                dr=dr.P(ch(["gs", "gS", "i"])), r=rpps(),
                ca=addr(sep="\n"), cd=care_date("dmy"), civ=p.civ(), n=p.P(ch(["gs", "SG"])), drug=ch(DRUGS), drug2=ch(DRUGS))


MED_NEG = [
    "Patient de {age} ans adressé pour {ep}. Signe de Lasègue positif à 40°. Prescription : {drug}.",
    "Compte rendu opératoire : ostéosynthèse, {ccam}. Suites simples. Sortie J3.",
    "Antécédents : {ep}, {ep2}. Pas d'allergie connue. Poids 72 kg, TA 13/8.",
    "Traitement habituel : {drug}, {drug2}. Arrêt du {drug3} il y a deux mois.",
    "Soins dentaires dent {tooth} et dent {tooth2} : {ccam}, devis {am}.",
    "Délai de rendez-vous à l'{hosp} : 4 mois. Bilan de {ep} à prévoir.",
    "Merci de prévoir une IRM lombaire et une consultation de contrôle en {mo}.",
    "Score de Wells intermédiaire, D-dimères négatifs. Pas de {ep2} évoquée.",
    "Kinésithérapie : 20 séances, {ngap}, 2 fois par semaine. Rééducation du genou.",
    "Orthopédie : semelles {lpp}, renouvellement annuel.",
]


def medical_neg():
    return Doc(ch(["", "SYNTHÈSE MÉDICALE\n", "Note clinique\n", "Compte rendu de consultation\n"]) + "\n".join(
        t.format(age=R.randrange(18, 95), ep=ch(EPONYMS), ep2=ch(EPONYMS), drug=ch(DRUGS), drug2=ch(DRUGS),
                 drug3=ch(DRUGS).split()[0], ccam=ch(CCAM), tooth=ch(["36", "46", "11"]), tooth2=ch(["37", "47", "21"]),
                 am=amount(), hosp=ch(HOSPITALS), mo=ch(MONTHS), ngap=ch(NGAP), lpp=ch(LPP))
        for t in R.sample(MED_NEG, R.randrange(2, 5))))


# ---------------------------------------------------------------- formulaire
def formulaire_pos():
    p = Person()
    up = R.random() < 0.35
    fields = []

    def F(label, val):
        fields.append((label, val))

    lab = lambda *opts: ch(opts)  # noqa: E731
    F(lab("Civilité", "civilite", "Civilite"), p.civ_long() if not up else p.civ_long().upper())
    nm = p.surname.upper() if up or R.random() < 0.5 else p.surname
    F(lab("Nom", "nom", "NOM", "Nom de famille"), (nm, "PERSON"))
    F(lab("Prénom", "Prenom", "prénom", "Prénon"), (p.given.upper() if up else (p.given.lower() if R.random() < 0.2 else p.given), "PERSON"))
    F(lab("Date de naissance", "date de naissnce", "Date_naissance", "DDN"), DOB(p, ch(["iso", "iso", "dmy"])))
    if R.random() < 0.6:
        F(lab("Numéro de sécurité sociale", "N° SS", "numero secu", "NIR"), p.nir(ch(["flat", "grp", "key"]), keyless=R.random() < 0.15))
    if R.random() < 0.8:
        F(lab("Téléphone", "Tel", "telephone portable", "Mobile"), PH(ch(["p33_0", "p33_0", "p33", "sp", "flat"])))
    if R.random() < 0.7:
        F(lab("Email", "E-mail", "Courriel", "mail"), (email_for(p)[0].upper() if up and R.random() < 0.5 else email_for(p)[0], "EMAIL"))
    if R.random() < 0.6:
        if R.random() < 0.3:  # whole address in one field: street + postcode + city is one ADDRESS span
            F(lab("Adresse", "Adrese", "adresse postale"), addr(sep=ch([", ", " "]), upper=up))
        else:  # street line only; separate postcode / city fields are not labelled
            F(lab("Adresse", "Adrese", "adresse postale"), addr(sep="", street_only=True, upper=up))
            cp, city = ch(CITIES)
            F(lab("Code postal", "CP"), cp)
            F(lab("Ville", "ville", "Commune"), city.upper() if up else city)
    if R.random() < 0.5:
        F(lab("IBAN", "Iban", "IBAN (RIB)"), iban(ch(["g4", "flat"])))
    if R.random() < 0.3:
        c = Person(surname=p.surname, born=date(R.randrange(2008, 2024), R.randrange(1, 13), R.randrange(1, 28)))
        F("Bénéficiaire 2 - nom prénom", c.P(ch(["SG", "gs"])))
        F("Bénéficiaire 2 - date de naissance", DOB(c, "iso"))
    F(lab("Message", "Votre demande", "Commentaire"), ch(["Bonjour je souhaite changer mes coordonées bancaires",
                                                            "MERCI DE ME RAPPELER", "demande d'adhésion formule Essentiel",
                                                            "Pouvez-vous m'envoyer une nouvelle carte tiers payant ?",
                                                            "Suite à mon déménagement", "Délai de remboursement trop long"]))
    F(lab("Date de soumission", "submitted_at"), fmt_date(rand_date(2025, 2026), "iso") + f"T{R.randrange(0, 24):02d}:{R.randrange(0, 60):02d}:00Z")
    sep = ch([": ", ":", " : ", "="])
    lines = [Doc(f"{k}{sep}") + (fill("{x}", x=v) if isinstance(v, tuple) else Doc(v)) for k, v in fields]
    return Doc(ch(["", "[Formulaire contact]\n", "Nouvelle soumission - formulaire web\n", "--- WEBFORM ---\n"])) + join(lines, "\n")


def formulaire_neg():
    fields = [("Objet", ch(["Demande de devis", "Question garanties", "Réclamation", "Résiliation (info)"])),
              ("Type de contrat", ch(["Santé Famille", "Santé Senior", "Surcomplémentaire", "Contrat collectif"])),
              ("Niveau de garantie", ch(["Confort 3", "ESSENTIEL", "Sérénité+", "Niveau 2"])),
              ("Code postal", f"{ch(CITIES)[0]}"),
              ("Âge", f"{R.randrange(18, 90)} ans"),
              ("Régime", ch(["Général", "Alsace-Moselle", "TNS", "MSA"])),
              ("N° de contrat", contract_no()),
              ("Message", neg_fill(ch(["Pouvez-vous me dire le remboursement pour {ccam} ?", "Merci de m'envoyer la grille des garanties {y}.",
                                       "Délai de carence pour l'optique ?", "Je souhaite connaître le tarif pour {dept}.",
                                       "Suite à votre courrier du {cd}, je conteste la facture {inv}.",
                                       "Le code LPP {lpp} est-il pris en charge ?", "Mon médecin de {pl} me prescrit {drug}."]))),
              ("submitted_at", fmt_date(rand_date(2025, 2026), "iso") + "T10:12:00Z")]
    fields = [f for f in fields if R.random() < 0.8 or f[0] == "Message"]
    return Doc("\n".join(f"{k}: {v}" for k, v in fields))


# ---------------------------------------------------------------- entreprise
COMPANIES = ["Boulangerie Marchand SARL", "Transports Petit & Fils", "Garage Blanc SAS", "Pharmacie Rose", "Martin Logistique",
             "Atelier Pierre et Bois", "Clinique du Parc", "Bati-Ouest", "Solutions Paie Conseil", "Kerlann Informatique",
             "SCI Les Tilleuls", "Fromagerie des Aravis", "Ambulances Saint-Christophe", "Menuiserie Boulanger Frères"]


def entreprise_pos():
    k = R.randrange(5)
    comp = ch(COMPANIES)
    sig = Person()
    siren = siren_num()
    if k == 0:
        staff = [Person(born=date(R.randrange(1960, 2004), R.randrange(1, 13), R.randrange(1, 28))) for _ in range(R.randrange(2, 6))]
        lst = join([fill("- {n}, {ne} le {d}, {cat}, entrée le {e}", n=s.P(ch(["SG", "gs", "gS"])), ne=s.ne(), d=DOB(s, ch(["dmy", "iso"])),
                         cat=ch(["cadre", "non-cadre", "ETAM", "apprenti"]), e=care_date("dmy")) for s in staff], "\n")
        return fill("Objet : affiliations contrat collectif {ctr}\nEntreprise : {comp} - SIRET {siret}\nIDCC {idcc} - NAF {naf}\n\n"
                    "Bonjour,\n\nVeuillez trouver ci-dessous les nouveaux salariés à affilier au 1er {mo} :\n{lst}\n\n"
                    "Cordialement,\n{sig}\nResponsable RH\n{ph}",
                    ctr=contract_no(), comp=comp, siret=SIRET(siren), idcc=str(R.choice([1486, 1979, 843, 3248, 2216, 1090, 2264])),
                    naf=ch(["1071C", "4941A", "4520A", "8610Z", "6201Z", "4773Z"]), mo=ch(MONTHS), lst=lst, sig=sig.P(ch(["gs", "gS"])),
                    ph=PH(ch(["sp", "dot", "pairs0"])))
    if k == 1:
        return fill("DSN - anomalie bloc 70\nSIREN déclarant : {siren}\nSIRET établissement : {siret}\nSalarié : {n} - NIR {nir}\n"
                    "Erreur : code option {opt} inconnu pour le contrat {ctr}. Lot {lot}.\nContact paie : {m}",
                    siren=SIREN(siren), siret=SIRET(siren, ch(["flat", "odd", "sp3"])), n=(lambda q: q.P("SG"))(Person()),
                    nir=Person().nir(ch(["flat", "flat", "grp"])), opt=f"OPT{R.randrange(10, 99)}", ctr=contract_no(), lot=bad_luhn(14),
                    m=email_for(sig, ch(["paie-expert.fr", "cabinet-compta.fr", comp.split()[0].lower() + ".fr"])))
    if k == 2:
        s = Person()
        return fill("Bonjour,\n\nLe salarié {n} ({ne} le {d}) quitte l'entreprise le {cd}. Il bénéficie de la portabilité "
                    "pendant 12 mois. Sa nouvelle adresse : {a}.\n\nEmployeur : {comp}, {ca}, SIREN {siren}.\n\n{sig}\n"
                    "Gestionnaire paie - {cab}\nLigne directe : {ph}",
                    n=s.P(ch(["gs", "SG"])), ne=s.ne(), d=DOB(s), cd=care_date("dmy"), a=addr(sep=", "), comp=comp,
                    ca=addr(sep=" "), siren=SIREN(siren), sig=sig.P(ch(["gs", "g"])), cab=ch(["Cabinet Fiducial", "Paie Services Ouest", "ADP", "In Extenso"]),
                    ph=PH(ch(["sp", "p33", "dot"])))
    if k == 3:
        return fill("Appel de cotisations T{q} - {comp}\nSIRET : {siret}\nMontant : {am}\nIBAN de prélèvement : {ib}\n"
                    "Interlocuteur : {civ} {n} - {m}",
                    q=str(R.randrange(1, 5)), comp=comp.upper(), siret=SIRET(siren, ch(["std", "odd", "nbsp", "dot"])), am=amount(),
                    ib=iban(), civ=sig.civ(), n=sig.P(ch(["gs", "s"])), m=email_for(sig, comp.split()[0].lower().replace("-", "") + ".fr"))
    staff = [Person() for _ in range(R.randrange(2, 5))]
    rows = join([fill("{n};{d};{nir};{cat}", n=s.P("SG"), d=DOB(s, "iso"), nir=s.nir("flat"), cat=ch(["C", "NC", "ETAM"])) for s in staff], "\n")
    return fill("Fichier des radiations - {comp} (SIREN {siren})\nNOM PRENOM;DATE NAISSANCE;NIR;CATEGORIE\n{rows}\n"
                "-- envoyé par {sig}, service RH",
                comp=comp, siren=SIREN(siren), rows=rows, sig=sig.P(ch(["gs", "i"])))


ENT_NEG = [
    "La DSN de {mo} a été rejetée : bloc S21.G00.70 incomplet. Numéro de lot {b14}.",
    "IDCC 1486 (Syntec), code NAF 6201Z : la convention impose une prise en charge employeur de 50 %.",
    "Merci de nous transmettre l'attestation de la Boulangerie Marchand SARL pour le contrat {ctr}.",
    "Le taux de cotisation 2026 passe à 1,85 % du PMSS pour les non-cadres.",
    "Suite à la fusion, l'identifiant interne {b9} remplace l'ancien code client {b9b}.",
    "Délai de portabilité : 12 mois maximum. Pouvez-vous confirmer la date de rupture ?",
    "Le fichier contient 214 lignes, dont 3 en anomalie (colonne NIR vide), référence technique {bn}.",
    "Transports Petit & Fils et Garage Blanc SAS ont le même expert-comptable à {pl}.",
    "Appel de cotisations T2 : {am}, échéance le 15 {mo}.",
    "Merci de mettre à jour le paramétrage dans net-entreprises avant le {cd}.",
    "Le boulanger et le marchand de primeurs du centre commercial relèvent de deux conventions différentes.",
]


def entreprise_neg():
    return Doc("\n".join(t.format(mo=ch(MONTHS), b14=bad_luhn(14), ctr=contract_no(), b9=bad_luhn(9), b9b=bad_luhn(9),
                                  bn=bad_nir(), pl=ch(PLACES), am=amount(), cd=care_date("dmy"))
                         for t in R.sample(ENT_NEG, R.randrange(2, 5))))


# ---------------------------------------------------------------- shared hard negatives with name-words
WORD_NEG = [
    "Petit rappel : le forfait hospitalier reste à votre charge si la chambre particulière n'est pas prévue.",
    "Merci de ne pas laisser de case en blanc sur le formulaire de tiers payant.",
    "Pierre angulaire du contrat, la garantie hospitalisation couvre le forfait journalier.",
    "Le boulanger du quartier a signé la convention de la boulangerie-pâtisserie.",
    "Les lunettes à monture rose ne sont pas dans le panier 100 % santé.",
    "Saint-Martin et Saint-Barthélemy ne sont pas rattachés à la CPAM de Guadeloupe.",
    "Rendez-vous à l'hôpital Sainte-Anne, bâtiment Magnan, le {cd}.",
    "Le Marchand de sable est une pièce jouée au profit de l'association.",
    "Blanc de poulet, riz et compote : régime prescrit après la coloscopie du {cd}.",
    "La rue Victor Hugo est fermée pour travaux, l'agence de {pl} est donc déplacée.",
    "Mardi Gras, la Toussaint et la Saint-Jean sont fériés localement en Alsace-Moselle ? Non, seule la Saint-Étienne l'est.",
    "Rose et bleu : les deux volets de l'attestation doivent être signés.",
    "Le calcul rénal (la « pierre ») a été traité par lithotripsie le {cd}.",
    "RELEVÉ DE PRESTATIONS - {MO} {y}",
    "ATTESTATION DE DROITS ET DE TIERS PAYANT",
    "Référence de paiement {bn} : ce n'est pas un numéro de sécurité sociale.",
    "Dent {tooth} : couronne {ccam}, base de remboursement {am}.",
    "Suite à votre demande du {cd}, le dossier {cl} est clos.",
    "Pouvez-vous joindre la facture acquittée ? Montant : {am}.",
    "Votre médecin traitant à {pl} doit remplir le volet 2.",
    "Le lot de télétransmission {b14} et la facture {b9} ont été rejetés.",
    "Grand Est, Occitanie et Nouvelle-Aquitaine : nouvelles agences en {mo}.",
    "Montant remboursé : {am} (base SS {am2}, taux 70 %).",
    "Code prestation {ngap}, code LPP {lpp}, acte {ccam}.",
    "Mutuelle Martin-Pêcheur ? Non : le nom commercial est « Mutuelle du Pont ».",
]


def word_neg():
    return Doc(" ".join(neg_fill(t) for t in R.sample(WORD_NEG, R.randrange(2, 4))))


STYLES = {
    "sms": (sms_pos, sms_neg),
    "dictee": (dictee_pos, dictee_neg),
    "tableau": (tableau_pos, tableau_neg),
    "juridique": (juridique_pos, juridique_neg),
    "succession": (succession_pos, succession_neg),
    "international": (international_pos, international_neg),
    "medical": (medical_pos, medical_neg),
    "formulaire": (formulaire_pos, formulaire_neg),
    "entreprise": (entreprise_pos, entreprise_neg),
}
PER_STYLE = 111
NEG_SHARE = 0.18


def normalise(doc):
    spans = sorted([list(s) for s in doc.spans if s[1] > s[0]])
    return doc.text, spans


def main():
    out = []
    for style, (pos, neg) in STYLES.items():
        n_neg = round(PER_STYLE * NEG_SHARE)
        kinds = ["neg"] * n_neg + ["pos"] * (PER_STYLE - n_neg)
        R.shuffle(kinds)
        for i, kd in enumerate(kinds):
            if kd == "neg":
                d = neg() if R.random() < 0.75 else word_neg()
                if R.random() < 0.4:
                    extra = Doc(neg_fill(ch(WORD_NEG)))
                    d = (extra + "\n" + d) if R.random() < 0.5 else (d + "\n" + extra)
                if style == "sms" and R.random() < 0.5:
                    d = d.lower()
            else:
                d = pos()
            text, spans = normalise(d)
            out.append({"id": f"{style}-{i:03d}", "style": style, "text": text, "spans": spans})
    with open(__import__("pathlib").Path(__file__).with_name("corpus.jsonl"), "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(out), "texts")


if __name__ == "__main__":
    main()
