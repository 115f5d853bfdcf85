#!/usr/bin/env python3
"""blind6 corpus generator: writes /tmp/blind6/corpus.jsonl (999 texts, 9 styles), deterministic (fixed seed).
Run with /work/main/.venv/bin/python corpus.py. Imports confiance.identifiers only to build valid NIR/SIREN/SIRET/IBAN."""
# Hand-written lists for the blind6 corpus (not from Faker).
SURNAMES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand
Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez
Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer
Lucas Meunier Perez Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre
Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix
Fabre Dupuis Olivier Rodriguez Hubert Louis Charles Guillot Rivière Guillaume Adam Rey Moulin Gonzalez Berger
Lecomte Ménard Fleury Deschamps Carpentier Julien Benoît Paris Maillard Marchal Aubry Vasseur Renault Jacquet
Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul Lainé Carré Breton Rémy Schneider Perrot Guyot Barré
Marty Cousin Boulanger Rose Lebrun Leblanc Bouvier Chauvin Tessier Lemaître Hamon Kerbrat Tanguy Quéré Morvan
Guivarc'h Cadiou Etcheverry Etchegaray Irigoyen Harriet Casanova Santoni Luciani Pietri Colonna Mattei Orsini Peretti
Agostini Haddad Benali Belkacem Mansouri Bouzid Cherif Hamidi Khelifi Saïdi Amrani Benyahia Ouedraogo Traoré Diallo
Diop Ndiaye Sow Camara Keita Koné Nkoulou Tchamba Ferreira Pereira Oliveira Santos Rodrigues Almeida Carvalho Gomes
Rossi Russo Ferrari Esposito Bianchi Romano Conti Ricci Kowalski Nowak Wójcik Lewandowski Novak Horvath Petrović
Popescu Ionescu Yılmaz Kaya Demir Çelik Öztürk Şahin Tran Pham Huynh Dang Chen Wang Zhang Liu Huang Cohen Lévy Benhamou
Azoulay Sebbag Abitbol Schwartz Klein Weber Fischer Wagner Hoffmann Koch Zimmermann Grandjean Jeandel Vautrin Thiébaut
Grosjean Courtois Lheureux Beaumont Delacroix Lafarge Courtin Pasquier Chabert Bouchard Desjardins Lenoir Lebon Boucher
Charron Vigneron Sabatier Castel Serres Delmas Bousquet Couderc Molinier Barthe Lacoste Cazenave Lafitte Dubourg Labat
Larrieu Poulain Lecoq Loiseau Chevreau Mouton Bonhomme Bonenfant Toussaint Pascal Laporte Lamotte Dumoulin Dupré
Desbois Dubosc Boisseau Hoarau Payet Grondin Nativel Técher Célestin Deglas Joseph Alexis Bellance Abdallah Madi
Soilihi Attoumani Saïd Kerjean Le Gall Le Goff Le Bihan Le Floch Le Roux Da Silva Ait Ouali N'Diaye De Sousa Van Damme
Fabrègas Chastel Vergnes Espinasse Peyrot Bouyssou Lagarde Soulié Trémoulet Caubet""".split()
# rejoin particles
_fix = []
_i = 0
_toks = SURNAMES
while _i < len(_toks):
    t = _toks[_i]
    if t in ("Le", "Da", "Ait", "De", "Van") and _i + 1 < len(_toks):
        _fix.append(t + " " + _toks[_i + 1]); _i += 2
    else:
        _fix.append(t); _i += 1
SURNAMES = sorted(set(_fix))

MALE = """Jean Pierre Michel Philippe Alain Patrick Nicolas Christophe Christian Daniel Bernard Éric Frédéric Laurent Stéphane
David Olivier Julien Sébastien Thierry Pascal François Dominique Sylvain Thomas Alexandre Mathieu Antoine Vincent
Guillaume Maxime Romain Kévin Lucas Hugo Louis Gabriel Arthur Jules Raphaël Léo Adam Nathan Théo Enzo Mohamed Karim
Mehdi Yassine Rachid Samir Sofiane Bilal Ibrahima Mamadou Moussa Amadou Ousmane Yannick Gwenaël Erwan Loïc Ronan Yann
Mikel Iñaki Ange Jean-Baptiste Dumè Paul-Antoine Jacques Henri René Marcel Gérard Roger Lucien Émile Georges Raymond
Joseph Noël Victor Martin Baptiste Clément Florian Adrien Quentin Benoît Cédric Damien Jérémy Ludovic Grégory Fabrice
Marc Luc Serge Didier Bruno Hervé Gilles Yves Jean-Claude Jean-Luc Jean-Marc Anh Minh Wei Hao Tomasz Piotr Marek
Dragan Ion Mehmet Emre Ali Omar Youssef Hamza Ayoub Aziz Kylian Lilian Nolan Timothée Gaspard Côme Anatole""".split()
FEMALE = """Marie Nathalie Isabelle Sylvie Catherine Christine Françoise Monique Sandrine Valérie Véronique Sophie Stéphanie
Céline Aurélie Julie Émilie Camille Chloé Emma Léa Manon Inès Jade Louise Alice Lina Rose Ambre Anna Mila Lou Zoé
Juliette Margaux Clara Sarah Laura Pauline Marine Élodie Audrey Mélanie Charlotte Lucie Anaïs Claire Hélène Brigitte
Martine Nicole Jacqueline Danielle Josiane Ginette Odette Simone Yvette Colette Madeleine Jeanne Germaine Marguerite
Violette Capucine Blanche Olive Fatima Amina Khadija Nadia Samira Leïla Yasmina Myriam Sonia Karima Aïcha Fatoumata
Aminata Mariam Awa Nolwenn Maëla Gwenaëlle Soizic Anne-Marie Marie-Claire Marie-France Marie-Laure Maïté Ainhoa
Laetitia Marie-Ange Pascale Claude Rosa Ana Maria Giulia Francesca Agnieszka Katarzyna Elif Zeynep Ayşe Linh Mai
Thuy Mei Esther Rachel Déborah Noémie Océane Oriane Flore Prune Mathilde Agathe Éloïse Héloïse Solène Maëlle Axelle
Coralie Vanessa Jessica Priscilla Cindy Sabrina Kelly Paule Mireille Huguette Roseline Marie-Josée Eugénie""".split()

STREETS = """rue Victor Hugo|avenue Jean Jaurès|rue de la République|allée des Lilas|boulevard Pasteur|avenue du Général de Gaulle
|rue Gambetta|rue de la Gare|impasse des Écoles|chemin du Moulin|rue Saint-Exupéry|place de l'Église|quai des Bateliers
|route de Lyon|cours Mirabeau|rue des Acacias|rue du Château|avenue Foch|rue Jules Ferry|rue Émile Zola|rue Paul Bert
|allée des Châtaigniers|rue des Tanneurs|boulevard de la Liberté|rue Nationale|chemin des Vignes|rue du Four
|rue de Verdun|avenue de la Marne|rue Pierre Curie|rue Marie Curie|rue Voltaire|rue Molière|rue Jean Moulin
|rue Anatole France|avenue des Tilleuls|rue de Brest|rue de Bretagne|lotissement Les Genêts|résidence du Parc
|rue du Docteur Roux|rue Sainte-Catherine|rue Saint-Martin|rue des Peupliers|chemin de la Croix Blanche|rue Paul Doumer
|avenue Aristide Briand|rue Lamartine|rue Condorcet|boulevard Gallieni|rue de Strasbourg|rue des Jardins
|allée du Petit Bois|rue Fesch|cours Napoléon|boulevard Paoli|rue du Général Leclerc|rue Mahatma Gandhi
|chemin Bois de Nèfles|rue Schœlcher|rue Frébault|avenue des Caraïbes|rue Lallouette|impasse du Lavoir
|rue de la Boulangerie|rue des Marchands|place du Marché|rue Montgolfier|rue de l'Abbé Grégoire|avenue Clemenceau""".replace("\n", "").split("|")

CITIES = [("75011", "Paris"), ("75015", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"),
 ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("35000", "Rennes"),
 ("34000", "Montpellier"), ("06000", "Nice"), ("42000", "Saint-Étienne"), ("76600", "Le Havre"), ("38000", "Grenoble"),
 ("21000", "Dijon"), ("49000", "Angers"), ("37000", "Tours"), ("29200", "Brest"), ("29000", "Quimper"),
 ("56100", "Lorient"), ("22000", "Saint-Brieuc"), ("64100", "Bayonne"), ("64000", "Pau"), ("40100", "Dax"),
 ("12000", "Rodez"), ("46000", "Cahors"), ("81000", "Albi"), ("15000", "Aurillac"), ("63000", "Clermont-Ferrand"),
 ("87000", "Limoges"), ("86000", "Poitiers"), ("17000", "La Rochelle"), ("80000", "Amiens"), ("62000", "Arras"),
 ("57000", "Metz"), ("54000", "Nancy"), ("88000", "Épinal"), ("68100", "Mulhouse"), ("25000", "Besançon"),
 ("71100", "Chalon-sur-Saône"), ("58000", "Nevers"), ("03100", "Montluçon"), ("23000", "Guéret"), ("19100", "Brive-la-Gaillarde"),
 ("24000", "Périgueux"), ("47000", "Agen"), ("65000", "Tarbes"), ("09000", "Foix"), ("66000", "Perpignan"),
 ("11000", "Carcassonne"), ("30000", "Nîmes"), ("84000", "Avignon"), ("83000", "Toulon"), ("05000", "Gap"),
 ("73000", "Chambéry"), ("74000", "Annecy"), ("01000", "Bourg-en-Bresse"), ("26000", "Valence"), ("93200", "Saint-Denis"),
 ("94000", "Créteil"), ("92100", "Boulogne-Billancourt"), ("95000", "Cergy"), ("91000", "Évry-Courcouronnes"), ("78000", "Versailles"),
 ("20000", "Ajaccio"), ("20200", "Bastia"), ("20250", "Corte"), ("20137", "Porto-Vecchio"),
 ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97110", "Pointe-à-Pitre"), ("97200", "Fort-de-France"),
 ("97300", "Cayenne"), ("97600", "Mamoudzou"), ("97100", "Basse-Terre"), ("45000", "Orléans"), ("14000", "Caen"),
 ("50100", "Cherbourg-en-Cotentin"), ("61000", "Alençon"), ("72000", "Le Mans"), ("53000", "Laval"), ("85000", "La Roche-sur-Yon")]

# ---------------------------------------------------------------------------
# Generator core
import json, random, re, sys, unicodedata
sys.path.insert(0, "/work/main")
from confiance.identifiers import (make_nir, make_siren, make_siret, make_fr_iban, format_iban,
                                   luhn_check_digit, luhn_valid, nir_key, nir_key_valid)

R = random.Random(6062026)
ch = R.choice
LABELS = ["NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI"]

def L(label, value):
    assert label in LABELS and value
    return f"\x01{label}\x02{value}\x03"

def finalize(marked):
    out, spans, i = [], [], 0
    pos = 0
    pat = re.compile(r"\x01([A-Z_]+)\x02(.*?)\x03", re.S)
    last = 0
    for m in pat.finditer(marked):
        out.append(marked[last:m.start()]); pos += m.start() - last
        v = m.group(2)
        spans.append([pos, pos + len(v), m.group(1)])
        out.append(v); pos += len(v); last = m.end()
    out.append(marked[last:])
    text = "".join(out)
    assert "\x01" not in text and "\x02" not in text and "\x03" not in text, marked
    return text, spans

def strip_acc(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")

def slug(s):
    return re.sub(r"[^a-z]", "", strip_acc(s).lower().replace("ı", "i"))

# --- French number words ---------------------------------------------------
U = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split()
T = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
def w(n):
    if n < 20: return U[n]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0: return T[t]
        if u == 1: return T[t] + " et un" if R.random() < 0.3 else T[t] + "-et-un"
        return T[t] + "-" + U[u]
    if n < 80:
        if n == 71: return "soixante et onze"
        return "soixante-" + U[n - 60]
    if n == 80: return "quatre-vingts"
    return "quatre-vingt-" + U[n - 80]
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()

# --- people ------------------------------------------------------------------
def person(sex=None):
    sex = sex or ch("MF")
    first = ch(MALE if sex == "M" else FEMALE)
    last = ch(SURNAMES)
    return {"sex": sex, "first": first, "last": last}

def civ(p):
    return "M." if p["sex"] == "M" else ch(["Mme", "Mme", "Madame"]) if True else ""

def pname(p, form=None):
    f = form or ch(["fl", "fl", "fl", "lf", "LF", "Lf", "f.l", "l", "FL"])
    first, last = p["first"], p["last"]
    if f == "fl": s = f"{first} {last}"
    elif f == "lf": s = f"{last} {first}"
    elif f == "LF": s = f"{last.upper()} {first}"
    elif f == "Lf": s = f"{last.upper()} {first.upper()}"
    elif f == "FL": s = f"{first.upper()} {last.upper()}"
    elif f == "f.l": s = f"{first[0]}. {last}" if first[0] != "M" else f"{first} {last}"  # "M. X" would read as a civility
    elif f == "l": s = last
    elif f == "f": s = first
    elif f == "low": s = f"{slug(first)} {slug(last)}" if R.random() < .5 else slug(first)
    else: raise ValueError(f)
    return L("PERSON", s)

def P(p=None, form=None):
    return pname(p or person(), form)

# --- dates ---------------------------------------------------------------------
def birth(p=None, young=False):
    y = R.randint(1998, 2022) if young else R.randint(1938, 2003)
    m = R.randint(1, 12); d = R.randint(1, 28)
    if p is not None: p.update(y=y, m=m, d=d)
    return y, m, d

def dob_str(y, m, d, fmt=None):
    f = fmt or ch(["dmy", "dmy", "dmy", "d-m-y", "d.m.y", "iso", "long", "long", "dmy2", "my", "1er"])
    if f == "dmy": return f"{d:02d}/{m:02d}/{y}"
    if f == "d-m-y": return f"{d:02d}-{m:02d}-{y}"
    if f == "d.m.y": return f"{d:02d}.{m:02d}.{y}"
    if f == "iso": return f"{y}-{m:02d}-{d:02d}"
    if f == "long": return f"{d} {MONTHS[m-1]} {y}"
    if f == "1er": return f"{'1er' if d == 1 else d} {MONTHS[m-1]} {y}"
    if f == "dmy2": return f"{d:02d}/{m:02d}/{y % 100:02d}"
    if f == "my": return f"{MONTHS[m-1]} {y}"
    if f == "compact": return f"{y}{m:02d}{d:02d}"
    if f == "dmycompact": return f"{d:02d}{m:02d}{y}"
    if f == "d/m/y1": return f"{d}/{m}/{y}"
    if f == "spoken":
        dd = "premier" if d == 1 else w(d)
        yy = w(y % 100) if R.random() < .6 else "mille neuf cent " + w(y % 100) if y < 2000 else "deux mille " + w(y % 100)
        return f"{dd} {MONTHS[m-1]} {yy}"
    raise ValueError(f)

def DOB(p=None, fmt=None, young=False):
    if p is not None and "y" in p: y, m, d = p["y"], p["m"], p["d"]
    else: y, m, d = birth(p, young)
    return L("DATE_OF_BIRTH", dob_str(y, m, d, fmt))

def care_date(year=None):
    y = year or R.choice([2024, 2025, 2026])
    return f"{R.randint(1,28):02d}/{R.randint(1,12):02d}/{y}"

# --- NIR ---------------------------------------------------------------------------
def nir_raw(p=None, corsica=False, overseas=False):
    if p is not None and "y" not in p: birth(p)
    sex = (p or {}).get("sex") or ch("MF")
    y = (p or {}).get("y") or R.randint(1940, 2003)
    m = (p or {}).get("m") or R.randint(1, 12)
    if corsica: dep = ch(["2A", "2B"]); com = R.randint(1, 360)
    elif overseas: dep = ch(["971", "972", "973", "974", "976"]); com = R.randint(1, 34)
    else:
        r = R.random()
        if r < 0.08: dep = "99"; com = R.choice([100, 109, 127, 131, 134, 139, 212, 243, 350, 351, 352, 396])
        else: dep = f"{R.choice([n for n in range(1, 96) if n != 20]):02d}"; com = R.randint(1, 650)
    return make_nir(sex, y, m, dep, com, R.randint(1, 999))

def nir_fmt(n, fmt=None, key=True):
    f = fmt or ch(["sp", "sp", "compact", "compact", "spkey", "dots", "sp2", "dash"])
    a, b, c, d, e, g, k = n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]
    if f == "sp": s = f"{a} {b} {c} {d} {e} {g}" + (f" {k}" if key else "")
    elif f == "compact": s = n[:13] + (k if key else "")
    elif f == "spkey": s = n[:13] + (f" {k}" if key else "")
    elif f == "dots": s = f"{a}.{b}.{c}.{d}.{e}.{g}" + (f".{k}" if key else "")
    elif f == "sp2": s = f"{a} {b} {c} {d}{e[0]} {e[1:]}{g[0]} {g[1:]}" + (f" {k}" if key else "")
    elif f == "dash": s = f"{a}-{b}-{c}-{d}-{e}-{g}" + (f"-{k}" if key else "")
    elif f == "spkeydash": s = f"{a} {b} {c} {d} {e} {g}" + (f" - {k}" if key else "")
    return s

def NIR(p=None, fmt=None, key=None, **kw):
    if key is None: key = R.random() > 0.12
    return L("NIR", nir_fmt(nir_raw(p, **kw), fmt, key))

def bad_nir():
    while True:
        n = nir_raw()
        k = (int(n[13:]) + R.randint(1, 40)) % 97 + 1
        s = n[:13] + f"{k:02d}"
        if not nir_key_valid(s): return s

# --- phones -----------------------------------------------------------------------
def phone_digits(kind=None):
    k = kind or ch(["06", "06", "07", "01", "02", "03", "04", "05", "09"])
    if k in ("06", "07"): return k + "".join(str(R.randint(0, 9)) for _ in range(8))
    return k + str(R.randint(1, 9)) + "".join(str(R.randint(0, 9)) for _ in range(7))

def phone_fmt(n, fmt=None):
    f = fmt or ch(["sp", "sp", "sp", "dot", "dash", "compact", "compact", "+33", "+33c", "0033", "(0)", "sp3"])
    pairs = [n[i:i+2] for i in range(0, 10, 2)]
    if f == "sp": return " ".join(pairs)
    if f == "dot": return ".".join(pairs)
    if f == "dash": return "-".join(pairs)
    if f == "compact": return n
    if f == "+33": return "+33 " + n[1] + " " + " ".join(pairs[1:])
    if f == "+33c": return "+33" + n[1:]
    if f == "0033": return "0033 " + n[1] + " " + " ".join(pairs[1:])
    if f == "(0)": return "+33 (0)" + n[1] + " " + " ".join(pairs[1:])
    if f == "sp3": return f"{n[:2]} {n[2:4]} {n[4:7]} {n[7:]}" if R.random() < .5 else f"{n[:4]} {n[4:7]} {n[7:]}"
    raise ValueError(f)

def PHONE(fmt=None, kind=None):
    return L("PHONE", phone_fmt(phone_digits(kind), fmt))

def overseas_phone():
    dom = ch([("262", "0262", "0692"), ("590", "0590", "0690"), ("596", "0596", "0696"), ("594", "0594", "0694"), ("262", "0269", "0639")])
    cc, fixe, mob = dom
    base = ch([fixe, mob]) + "".join(str(R.randint(0, 9)) for _ in range(6))
    f = R.randint(0, 4)
    if f == 0: s = f"+{cc} {base[1:4]} {base[4:6]} {base[6:8]} {base[8:]}"
    elif f == 1: s = f"{base[:4]} {base[4:6]} {base[6:8]} {base[8:]}"
    elif f == 2: s = f"00{cc} {base[1:4]} {base[4:]}"
    elif f == 3: s = f"+{cc}{base[1:]}"
    else: s = " ".join([base[i:i+2] for i in range(0, 10, 2)])
    return L("PHONE", s)

def mayotte_269():
    b = "639" + "".join(str(R.randint(0, 9)) for _ in range(6))
    return L("PHONE", f"+269 {b[:3]} {b[3:5]} {b[5:7]} {b[7:]}")

def spoken_phone(n=None, mix=0.3):
    n = n or phone_digits(ch(["06", "07", "01", "02", "04", "05"]))
    parts = ["zéro " + U[int(n[1])]]
    for i in range(2, 10, 2):
        v = int(n[i:i+2])
        if R.random() < mix: parts.append(n[i:i+2])
        elif n[i] == "0": parts.append("zéro " + U[int(n[i+1])])
        else: parts.append(w(v))
    return " ".join(parts)

# --- mail, ids ----------------------------------------------------------------------
DOMAINS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "hotmail.fr", "yahoo.fr", "outlook.fr", "icloud.com", "bbox.fr", "neuf.fr"]
def email_for(p, domain=None):
    f, l = slug(p["first"]), slug(p["last"])
    d = domain or ch(DOMAINS)
    s = ch([f"{f}.{l}", f"{f[0]}.{l}", f"{l}.{f}", f"{f}{l}{R.randint(1,99)}", f"{f}-{l}", f"{f}_{l}", f"{l}{f[0]}", f"{f}.{l}+mutuelle", f"{f[0]}{l}.{R.randint(60,99)}"])
    return f"{s}@{d}"
def EMAIL(p=None, domain=None):
    return L("EMAIL", email_for(p or person(), domain))

def iban_raw():
    bank = ch([30002, 30003, 30004, 30006, 10107, 11315, 12506, 13335, 14406, 15589, 16006, 17515, 18206, 20041, 10278, 42559])
    return make_fr_iban(bank, R.randint(0, 99999), R.randint(0, 99999999999))
def IBAN(fmt=None):
    i = iban_raw()
    f = fmt or ch(["grp", "grp", "grp", "compact", "lower", "grpdash"])
    if f == "grp": s = format_iban(i)
    elif f == "compact": s = i
    elif f == "lower": s = format_iban(i).lower() if R.random() < .5 else i.lower()
    elif f == "grpdash": s = format_iban(i).replace(" ", "-")
    return L("IBAN", s)

def siren_raw():
    return make_siren(R.randint(10000000, 99999999))
def SIREN(fmt=None):
    s = siren_raw()
    f = fmt or ch(["sp", "compact"])
    return L("SIRET", f"{s[:3]} {s[3:6]} {s[6:]}" if f == "sp" else s)
def siret_raw():
    while True:
        s = make_siret(siren_raw(), R.randint(1, 200))
        if not s.startswith("356000000"): return s
def SIRET(fmt=None):
    s = siret_raw()
    f = fmt or ch(["sp", "compact", "compact", "sp5", "sp3"])
    if f == "sp": v = f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    elif f == "sp5": v = f"{s[:9]} {s[9:]}"
    elif f == "sp3": v = f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}"
    else: v = s
    return L("SIRET", v)

def bad_luhn(n):
    while True:
        s = "".join(str(R.randint(0, 9)) for _ in range(n))
        if s[0] != "0" and not luhn_valid(s): return s

def rpps_raw():
    p = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    return p + luhn_check_digit(p)
def RPPS():
    r = rpps_raw()
    return L("RPPS", r if R.random() < .8 else f"{r[:1]} {r[1:5]} {r[5:8]} {r[8:]}")
def adeli_raw():
    dep = ch(["75", "69", "13", "33", "29", "2A", "59", "31", "67", "44", "97"])
    dep = dep if dep[1].isdigit() else "20"
    prof = ch(["10", "91", "93", "96", "60", "62", "70", "80"])
    return dep + prof + "".join(str(R.randint(0, 9)) for _ in range(5))
def ADELI():
    a = adeli_raw()
    return L("ADELI", a if R.random() < .75 else f"{a[:2]} {a[2:4]} {a[4:8]} {a[8]}")

def finess():
    return "".join([ch(["75", "69", "13", "33", "29", "59", "31", "67", "44", "35"]), "0", bad_luhn(6)])[:9] if True else ""

def fin9():
    while True:
        s = ch(["75", "69", "13", "33", "29", "59", "31", "67", "44", "35", "06", "2A"]).replace("2A", "2A") + "0" + "".join(str(R.randint(0, 9)) for _ in range(6))
        if not s.isdigit() or not luhn_valid(s): return s

# --- addresses --------------------------------------------------------------------
def street_line():
    num = R.randint(1, 180)
    bis = ch(["", "", "", "", " bis", " ter", "B"])
    st = ch(STREETS)
    if st.startswith("lotissement") or st.startswith("résidence"):
        return f"{st}, {R.randint(1,40)} " + ch(["rue des Mimosas", "allée des Roses", "impasse du Parc"])
    extra = ch(["", "", "", "", f"appt {R.randint(1,60)}, ", f"bât. {ch('ABCDE')}, ", "Résidence Les Pins, "])
    return f"{extra}{num}{bis} {st}"

def city():
    return ch(CITIES)

def ADDR(mode=None, c=None, caps=False):
    cp, v = c or city()
    m = mode or ch(["one", "one", "two", "street", "comma"])
    s = street_line()
    if m == "one": a = f"{s} {cp} {v}"
    elif m == "comma": a = f"{s}, {cp} {v}"
    elif m == "two": a = f"{s}\n{cp} {v.upper() if R.random()<.5 else v}"
    elif m == "street": a = s
    if caps: a = strip_acc(a).upper()
    return L("ADDRESS", a)

def amount():
    return f"{R.randint(5, 2400)},{R.randint(0,99):02d} €" if R.random() < .7 else f"{R.randint(5, 900)} euros"
def ref(prefix=None):
    return (prefix or ch(["DOS", "SIN", "REC", "PEC", "CT", "FAC", "RBT", "REF"])) + "-" + str(R.randint(2024, 2026)) + "-" + str(R.randint(10000, 999999))
def contract():
    return ch(["CT", "CTR", "GRP", "COL"]) + str(R.randint(100000, 9999999))
CCAM = ["HBLD038", "HBMD058", "QZFA031", "JKHD001", "BFGA004", "HBJD001", "HBBD005", "LBLD015", "NFKA007", "EBLA003", "ZCQK004", "YYYY600"]
LPP = ["2182014", "2175003", "2100011", "1139380", "2313910", "6101240", "2406034"]
NGAP = ["C", "CS", "G", "APC", "AMK 7,5", "AMI 4", "K 50", "SFI 3", "TO 90", "V", "CCP"]
DRUGS = ["Doliprane", "Lévothyrox", "Kardegic", "Dafalgan", "Spasfon", "Ventoline", "Inexium", "Efferalgan", "Augmentin", "Xarelto", "Metformine", "Seretide", "Humalog", "Lovenox", "Tahor", "Eliquis", "Gaviscon", "Smecta"]
HOSP = ["CHU de Rennes", "CHU de Bordeaux - hôpital Pellegrin", "hôpital Sainte-Anne", "Clinique Saint-Jean", "Clinique Sainte-Marie",
        "Hôpital Saint-Louis", "CHR d'Orléans", "Clinique du Parc", "Hôpital Européen Georges-Pompidou", "Clinique Pasteur",
        "Centre hospitalier de Cornouaille", "Hôpital privé Jacques Cartier", "CH de Bastia", "CHU de La Réunion - site Félix Guyon",
        "Clinique Saint-Martin", "Polyclinique Saint-Roch", "Hôpital Foch", "Clinique Sainte-Odile", "CHU de Saint-Étienne"]
SERVICES = ["cardiologie", "chirurgie orthopédique", "maternité", "pneumologie", "gastro-entérologie", "SSR", "ambulatoire", "néphrologie", "ophtalmologie", "urgences", "oncologie"]
COMPANIES = ["Transports Girard et Fils", "Boulangerie Petit SARL", "SAS Martin Bâtiment", "Menuiserie Blanc & Cie", "Garage Renault Lebon", "Ets Marchand",
             "Pharmacie Rose", "Cabinet Berger Conseil", "SARL Les Délices de Pierre", "Groupe Fontaine Industrie", "Clinique Vétérinaire des Tilleuls",
             "BTP Casanova", "Société Nouvelle Ferreira", "Laboratoires Dupuis", "Atelier Leroy Couverture", "Hôtel du Château", "Kerbrat Marée SAS",
             "Auto-école Moulin", "Cabinet comptable Lacroix Associés", "Informatique & Réseaux Ouest", "Agri-Sud Coopérative", "EHPAD Les Glycines"]
SOFT = ["Harmonie Web", "Espace Adhérent", "l'appli Ameli", "Doctolib", "Alan", "SAP", "Excel", "Outlook", "Teams", "Pléiade", "Noemie", "SESAM-Vitale", "MonEspaceSanté"]
MUT = "Mutuelle Solidaire de l'Ouest"

# ================================ STYLES ======================================
def hes():
    return ch(["euh ", "alors ", "bah ", "donc ", "hum ", "", "", "ben ", "voilà "])

def spelled(last):
    letters = [c for c in strip_acc(last).upper() if c.isalpha()]
    out = []
    for i, c in enumerate(letters):
        if R.random() < 0.35:
            out.append(f"{c} comme {ch({'A':['Anatole','Alfred'],'B':['Berthe'],'C':['Célestin'],'D':['Désiré','David'],'E':['Eugène'],'F':['François'],'G':['Gaston'],'H':['Henri'],'I':['Irma'],'J':['Joseph'],'K':['Kléber'],'L':['Louis'],'M':['Marcel'],'N':['Nicolas'],'O':['Oscar'],'P':['Pierre'],'Q':['Quintal'],'R':['Raoul'],'S':['Suzanne'],'T':['Thérèse'],'U':['Ursule'],'V':['Victor'],'W':['William'],'X':['Xavier'],'Y':['Yvonne'],'Z':['Zoé']}[c])}")
        else:
            out.append(c)
    return " ".join(out)

def appel_pos():
    p = person(); birth(p)
    C, A = ch([("Conseiller :", "Adhérent :"), ("Conseillère :", "Adhérente :"), ("CONSEILLER:", "APPELANT:"), ("[agent]", "[client]"), ("Agent", "Appelant")])
    t = R.randint(0, 6)
    lines = [f"{C} {ch(['bonjour', 'oui bonjour', 'Mutuelle bonjour'])} {ch(['', MUT.lower() + ' '])}je m'appelle {P(person('F' if 'ère' in C else 'M' if 'eiller' in C else None), 'f')} {hes()}que puis-je faire pour vous"]
    if t == 0:
        lines += [f"{A} {hes()}oui bonjour c'est {P(p, 'fl')} j'appelle pour un remboursement de lunettes",
                  f"{C} d'accord vous pouvez me donner votre numéro de sécurité sociale",
                  f"{A} oui alors c'est {NIR(p, 'sp')}",
                  f"{C} et votre date de naissance",
                  f"{A} le {DOB(p, 'spoken')}",
                  f"{C} très bien je vois le dossier {hes()}la facture de l'opticien du {care_date()} est en cours"]
    elif t == 1:
        lines += [f"{A} {hes()}je voudrais changer mon numéro de téléphone",
                  f"{C} oui c'est à quel nom",
                  f"{A} {P(p, 'l')} {spelled_marked(p['last'])} {hes()}prénom {P(p, 'f')}",
                  f"{C} et le nouveau numéro",
                  f"{A} {hes()}{L('PHONE', spoken_phone(mix=0.2))}",
                  f"{C} je répète {L('PHONE', phone_fmt(phone_digits('06'), 'sp'))} c'est bien ça",
                  f"{A} oui c'est ça merci"]
    elif t == 2:
        p = person("F"); birth(p)
        nn = phone_digits("07")
        lines += [f"{A} oui bonjour {hes()}c'est pour ma mère {civ(p)} {P(p, 'l')} elle est née le {DOB(p, ch(['spoken', 'long']))} elle a été hospitalisée à Saint-Étienne",
                  f"{C} d'accord elle a une prise en charge",
                  f"{A} non justement {hes()}vous pouvez me rappeler au {spoken_phone(nn, mix=0.5).rsplit(' ', 2)[0]} euh attendez je retrouve plus la fin",
                  f"{C} pas de souci je vous laisse me le redonner",
                  f"{A} {L('PHONE', nn[:2] + ' ' + nn[2:4] + ' ' + nn[4:6] + ' ' + nn[6:8] + ' ' + nn[8:])}",
                  f"{C} c'est noté"]
    elif t == 3:
        y, m, d = birth(p)
        lines += [f"{A} bonjour {P(p, 'fl')} numéro adhérent {R.randint(1000000, 9999999)}",
                  f"{C} pour vérification votre adresse s'il vous plaît",
                  f"{A} {L('ADDRESS', street_line().replace(',', '') + ' ' + ch(CITIES)[0] + ' ' + ch(CITIES)[1])}",
                  f"{C} et votre date de naissance",
                  f"{A} {L('DATE_OF_BIRTH', f'{d} {m} {y}' if R.random()<.5 else dob_str(y, m, d, 'spoken'))} {hes()}",
                  f"{C} merci {civ(p)} {P(p, 'l')} alors votre devis dentaire {ch(CCAM)} est accepté reste à charge {amount()}"]
    elif t == 4:
        n = nir_raw(p)
        grp = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13]]
        said = " ".join(g if R.random() < .6 else (w(int(g)) if len(g) <= 2 else g) for g in grp)
        lines += [f"{A} {hes()}oui je vous donne mon numéro de sécu {L('NIR', said + ' clé ' + n[13:])}",
                  f"{C} merci et vous êtes {P(p, 'fl')}",
                  f"{A} oui c'est ça {hes()}et mon mail c'est {L('EMAIL', email_for(p).replace('@', ' arobase ').replace('.', ' point '))}",
                  f"{C} parfait je vous envoie le formulaire"]
    elif t == 5:
        q = person('M')
        lines += [f"{A} oui bonjour je suis {P(person('F'), 'f')} la femme de {P(q, 'fl')} il est décédé le mois dernier",
                  f"{C} toutes mes condoléances {hes()}vous avez le numéro de sécurité sociale de votre mari",
                  f"{A} oui {NIR(q, ch(['sp', 'compact', 'sp2']))}",
                  f"{C} et il était né le",
                  f"{A} {DOB(q, ch(['dmy', 'spoken', 'long']))}",
                  f"{C} je transmets au service décès vous serez rappelée au {PHONE(ch(['sp', 'compact']))}"]
    else:
        lines += [f"{A} {hes()}bonjour j'appelle de la part de {P(p, 'fl')} je suis son {ch(['fils', 'neveu', 'voisin'])} {P(person('M'), 'f')}",
                  f"{C} je ne peux pas vous donner d'informations sans son accord",
                  f"{A} il est à côté {hes()}son numéro c'est {L('PHONE', spoken_phone(mix=0.0))}",
                  f"{C} d'accord je note {hes()}il est né en {L('DATE_OF_BIRTH', str(p['y']))} c'est ça",
                  f"{A} oui voilà"]
    lines.append(f"{C} {ch(['je vous souhaite une bonne journée', 'merci de votre appel au revoir', 'bonne fin de journée'])}")
    return "\n".join(lines)

def spelled_marked(last):
    return L("PERSON", spelled(last))

def appel_neg():
    C, A = ch([("Conseiller :", "Adhérent :"), ("Conseillère :", "Adhérente :"), ("AGENT:", "APPELANT:")])
    t = R.randint(0, 4)
    if t == 0:
        L_ = [f"{C} bonjour que puis-je pour vous", f"{A} {hes()}oui je voulais savoir si le {ch(DRUGS)} est remboursé",
              f"{C} alors ça dépend de la prescription {hes()}si c'est sur ordonnance oui à {ch(['65', '30', '15'])} pour cent",
              f"{A} d'accord et pour les séances d'ostéopathie", f"{C} c'est {ch(['quatre', 'cinq', 'trois'])} séances par an à {ch(['vingt-cinq', 'trente', 'quarante'])} euros"]
    elif t == 1:
        L_ = [f"{C} bonjour", f"{A} bonjour {hes()}pouvez-vous me dire où en est mon dossier {ref('SIN')}",
              f"{C} alors {hes()}le dossier a été reçu le {care_date()} et il est en cours de traitement délai quinze jours",
              f"{A} merci", f"{C} suite à votre appel je note une relance pour le {care_date(2026)}"]
    elif t == 2:
        L_ = [f"{C} oui bonjour", f"{A} euh je suis à Saint-Étienne je cherche un dentiste partenaire {hes()}rue de la République peut-être",
              f"{C} il y en a un place Jean Jaurès et un autre à Saint-Chamond", f"{A} et ils font le tiers payant",
              f"{C} oui c'est le réseau Kalivia {hes()}vous n'avez rien à avancer sur le {ch(CCAM)}"]
    elif t == 3:
        L_ = [f"{C} bonjour", f"{A} bonjour c'est pour un devis d'audioprothèse classe deux à {R.randint(1200, 2300)} euros l'oreille",
              f"{C} alors avec le cent pour cent santé vous avez la classe un sans reste à charge", f"{A} et pour la classe deux",
              f"{C} le forfait est de {R.randint(400, 1700)} euros tous les quatre ans", f"{A} merci beaucoup {hes()}au revoir"]
    else:
        L_ = [f"{C} bonjour", f"{A} oui {hes()}la pierre que j'ai au rein là le calcul ils vont faire une lithotritie {ch(['JANE002', 'JCNE001'])}",
              f"{C} d'accord c'est en ambulatoire à l'hôpital Sainte-Anne ou à la clinique Saint-Martin",
              f"{A} Saint-Martin le {care_date()}", f"{C} alors le forfait journalier ne s'applique pas en ambulatoire",
              f"{A} et la chambre particulière", f"{C} {R.randint(40, 90)} euros par jour dans la limite de trente jours"]
    if R.random() < 0.6:
        L_.insert(-1, f"{C} {hes()}{strip_acc(neg_bank()).lower()}")
    return "\n".join(L_)

NICKS = {'Nicolas': 'Nico', 'Sébastien': 'Seb', 'Stéphanie': 'Steph', 'Stéphane': 'Steph', 'Joseph': 'Jojo', 'Jacqueline': 'Jacky', 'Christophe': 'Chris', 'Frédéric': 'Fred', 'Alexandre': 'Alex', 'Dominique': 'Domi', 'Catherine': 'Cathy', 'Mohamed': 'Momo', 'Maxime': 'Max', 'Valérie': 'Val', 'Véronique': 'Vero', 'Caroline': 'Caro', 'Benoît': 'Ben', 'Aurélie': 'Lili', 'Mireille': 'Mimi', 'Karima': 'Kari', 'Marie-Josée': 'Marie-Jo', 'Jean-Baptiste': 'JB'}

def low(s):
    return strip_acc(s).lower()

def lowL(label, v):
    return L(label, low(v))

EMO = ["😊", "🙏", "👍", "😅", "😡", "🤔", "❤️", "😭", ":)", ":(", "xD", "", "", ""]
def chat_pos():
    p = person(); birth(p)
    fn = low(p["first"]); ln = low(p["last"])
    t = R.randint(0, 9)
    b = ch(["[bot] ", "Bot: ", "MutuBot > ", "Assistant: "])
    u = ch(["[moi] ", "Vous: ", "> ", "user: "])
    if t == 0:
        return (f"{u}slt jsuis {L('PERSON', fn)} jvoulais savoir pr mon rbt dentiste {ch(EMO)}\n{b}Bonjour ! Pouvez-vous indiquer votre date de naissance ?\n"
                f"{u}{DOB(p, ch(['dmy', 'dmy2', 'd/m/y1', 'dmycompact']))}\n{b}Merci. Et votre numero de securite sociale ?\n{u}{NIR(p, ch(['compact', 'sp']))} {ch(EMO)}")
    if t == 1:
        ph = phone_digits(ch(["06", "07"]))
        return f"{u}cc c {L('PERSON', fn)} mon nv tel c {L('PHONE', ph)} merci de maj {ch(EMO)}\n{b}C'est noté, merci !"
    if t == 2:
        ph = phone_digits(ch(["06", "07"]))
        return f"tel{L('PHONE', ph)} dnaissance{DOB(p, ch(['dmy', 'dmycompact', 'dmy2']))} nom {lowL('PERSON', p['first'] + ' ' + p['last'])} stp rappel urgent {ch(EMO)}"
    if t == 3:
        q = person('F')
        return (f"{u}bjr c pr ma fille {L('PERSON', low(q['first']))} nee le {L('DATE_OF_BIRTH', dob_str(*birth(q, True), fmt=ch(['dmy', 'd/m/y1', 'dmy2'])))} faut la rajouter sur mon ctt\n"
                f"{b}Pour ajouter un bénéficiaire, envoyez l'acte de naissance depuis votre Espace Adhérent.\n{u}ok merci {ch(EMO)} jlenvoi ce soir")
    if t == 4:
        nick = ch(["doudou", "titi", "mamie jo", "nono", "pupuce", "chouchou", "biquette", "le gros"])
        return (f"{u}jsuis sur mon tel la, c {L('PERSON', fn)} ({nick} pr les intimes lol) mon mail a change c {L('EMAIL', email_for(p, ch(DOMAINS)))} {ch(EMO)}\n"
                f"{b}Merci {L('PERSON', p['first'])}, votre adresse e-mail sera mise à jour sous 48h.")
    if t == 5:
        return (f"{u}salut, jai demenagé 🏠 nvelle adresse {lowL('ADDRESS', strip_acc(street_line()) + ' ' + ' '.join(ch(CITIES)))} \n{u}et mon rib a changé aussi\n"
                f"{b}Merci, pouvez-vous nous transmettre votre nouvel IBAN ?\n{u}{IBAN(ch(['compact', 'lower', 'grp']))}")
    if t == 6:
        q = person()
        return (f"SMS de {PHONE(ch(['+33c', 'compact']))} : Bjr c {L('PERSON', low(q['first']))} la secretaire du {ch(['dr', 'Dr', 'docteur'])} {lowL('PERSON', p['last'])}, "
                f"la pec pr l'irm est arrivée? merci de rappeler au {PHONE(ch(['compact', 'dot', 'sp']))}")
    if t == 8:
        k, nk = ch(sorted(NICKS.items()))
        q = person()
        return (f"{u}coucou c moi 😘 g perdu ma carte de mutuelle, tu px m'envoyer la photo de la tienne stp, {L('PERSON', low(q['first']))} en a besoin pr la pharma\n"
                f"{u}{ch(['bisous', 'bizz', 'merci', 'thx'])} {L('PERSON', nk if R.random() < .5 else nk.lower())} {ch(EMO)}")
    if t == 7:
        c = person()
        return (f"Coach : {P(c, 'f')} 🏃\nCoach : slt {L('PERSON', fn)} ! tu as fait tes 8000 pas aujourd'hui ? {ch(EMO)}\n{u}pas encore lol, rdv kiné a 18h\n"
                f"Coach : ok 👍 pense a boire. Si besoin rappelle moi au {PHONE(ch(['compact', 'sp']), kind='06')}\n-- {P(c, ch(['f', 'fl']))}, coach prévention {MUT}")
    return (f"{u}jsuis {L('PERSON', fn)} {L('PERSON', ln)} ne en {L('DATE_OF_BIRTH', str(p['y']))}, mon num secu c {NIR(p, 'compact', key=True)} svp dites moi si jsuis tjs couvert 🙏\n"
            f"{b}Vos garanties sont actives jusqu'au 31/12/{R.choice([2025, 2026])}.")

def chat_neg():
    t = R.randint(0, 8)
    u = ch(["[moi] ", "Vous: ", "> ", "user: "])
    b = ch(["[bot] ", "Bot: ", "MutuBot > "])
    if t == 0: return f"{u}slt cb de rbt pr le {low(ch(DRUGS))} ? {ch(EMO)}\n{b}Les médicaments remboursés à 65 % par l'Assurance Maladie sont complétés à 100 % de la BR."
    if t == 1: return f"{u}merci pr le virement de {amount()} 👍 bonne soiree\n{b}Avec plaisir !"
    if t == 2: return f"{u}jsuis a st etienne ce we, y a un opticien partenaire rue de la republique?\n{b}Oui, consultez la carte des partenaires Kalivia dans l'appli."
    if t == 3: return f"{u}Pouvez-vous m'envoyer l'attestation de tiers payant stp\n{b}Votre attestation est disponible dans Espace Adhérent > Mes documents.\n{u}ok trouvé merci {ch(EMO)}"
    if t == 4: return f"{u}la pharmacie veut pas le tiers payant pr le {ch(DRUGS)} 😡 facture {R.randint(10000, 99999)} de {amount()}\n{b}Merci d'envoyer la facture depuis l'appli, délai de remboursement 48h."
    if t == 6: return f"Coach : Objectif du mois : 8000 pas/jour 🏃 Petit rappel : le pain blanc et la pierre à sucre, avec modération ! Rose, le chat de la page Insta, vous salue 😺"
    if t == 7: return f"{u}le boulanger m'a dit que la pharmacie de garde c la pharmacie Martin a st martin, elle prend la carte?\n{b}Toutes les pharmacies acceptent le tiers payant sur présentation de votre carte."
    return f"{u}c quoi le rac pr une couronne ceramo-metallique sur la 36 ?\n{b}Pour l'acte {ch(['HBLD038', 'HBLD634'])}, le reste à charge dépend de votre formule (Confort ou Essentielle)."

def hosp_identity(p):
    return ch([
        f"Nom de naissance : {pname(p, 'l') if R.random()<.5 else L('PERSON', p['last'].upper())}\nPrénom(s) : {pname(p, 'f')}\nNé(e) le : {DOB(p, ch(['dmy', 'dmy', 'd.m.y']))}\nN° SS : {NIR(p, ch(['sp', 'compact', 'spkey']))}",
        f"PATIENT : {pname(p, ch(['LF', 'Lf']))}  DDN {DOB(p, 'dmy')}  NIR {NIR(p, ch(['sp', 'compact', 'dots']))}",
        f"Identité du patient\n{civ(p)} {pname(p, 'fl')}, né{'e' if p['sex']=='F' else ''} le {DOB(p, ch(['long', 'dmy']))}\nDomicile : {ADDR(ch(['one', 'comma']))}",
    ])

def hosp_pos():
    p = person(); birth(p)
    h = ch(HOSP); s = ch(SERVICES); d1 = care_date()
    doc = person()
    t = R.randint(0, 4)
    if t == 0:
        return (f"DEMANDE DE PRISE EN CHARGE HOSPITALIÈRE\nÉtablissement : {h} - FINESS {fin9()}\nService : {s}\n{hosp_identity(p)}\n"
                f"Date d'entrée prévue : {d1}   Durée : {R.randint(1, 12)} jours\nChambre particulière : oui (chambre {R.randint(100, 499)})\n"
                f"Médecin : Dr {P(doc, ch(['fl', 'l', 'f.l']))} - RPPS {RPPS()}\nCode DMT {R.randint(100, 999)}  Mode de traitement 03")
    if t == 1:
        return (f"{h.upper()}\nDevis chambre particulière n° {R.randint(10000, 99999)}\n\nPatient(e) : {civ(p)} {pname(p, 'lf')}\nDate de naissance : {DOB(p)}\n"
                f"Adresse : {ADDR('two')}\nTél. : {PHONE()}\n\nForfait chambre individuelle : {R.randint(60, 160)},00 € / nuit\nForfait journalier : 20,00 €\n"
                f"Séjour du {d1} au {care_date()}\nReste à charge estimé : {amount()}")
    if t == 2:
        return (f"Facture n° FA{R.randint(100000, 999999)} - {h}\nN° FINESS : {fin9()}\nAssuré : {pname(p, 'LF')} - NIR {NIR(p)}\nBénéficiaire : {P(person(), 'fl')}, né le {DOB(None, young=True)}\n"
                f"Séjour {s} du {d1}, GHS {R.randint(1000, 9999)}\nPart AMO : {amount()}  Part AMC : {amount()}\nRèglement par virement sur {IBAN('grp')}")
    if t == 3:
        return (f"Bonjour,\nJe vous confirme l'admission de {civ(p)} {P(p, 'fl')} (DDN {DOB(p, 'dmy')}) au service de {s} de la {h} le {d1}.\n"
                f"{'Elle' if p['sex']=='F' else 'Il'} sera suivi{'e' if p['sex']=='F' else ''} par le Dr {P(doc, 'fl')} (ADELI {ADELI()}) et l'infirmière coordinatrice {P(person(), 'fl')}.\n"
                f"Contact bureau des admissions : {PHONE(ch(['sp', 'dot']), kind=ch(['02', '04', '05']))} - {EMAIL(person(), ch(['chu-rennes.fr', 'clinique-stjean.fr', 'aphp.fr']))}\nCordialement,\n{P(person(), 'fl')}\nBureau des entrées")
    return (f"BULLETIN DE SITUATION\n{h} - {s}\nNom : {L('PERSON', p['last'].upper())}  Prénom : {P(p, 'f')}\nNé(e) le {DOB(p, 'dmy')} à {ch(CITIES)[1]}\n"
            f"NIR : {NIR(p, 'sp')}\nAdresse : {ADDR('comma')}\nEntré(e) le {d1} - Sorti(e) le {care_date()}\nMédecin traitant : Dr {P(doc, 'l')}, {ADDR('one')}")

def hosp_neg():
    h = ch(HOSP); s = ch(SERVICES)
    t = R.randint(0, 3)
    if t == 0:
        return (f"TARIFS CHAMBRE PARTICULIÈRE {datetime_year()}\n{h} - FINESS {fin9()}\nService {s} : {R.randint(60, 150)},00 € / jour\nAmbulatoire : {R.randint(20, 50)},00 €\n"
                f"Forfait journalier hospitalier : 20,00 € (15,00 € en psychiatrie)\nLes tarifs sont affichés à l'accueil, hall B, niveau 0.")
    if t == 1:
        return (f"Prise en charge n° {ref('PEC')}\nÉtablissement : {h}\nFINESS juridique : {fin9()} - FINESS géographique : {fin9()}\nDate d'entrée : {care_date()}\n"
                f"Actes : {ch(CCAM)}, {ch(CCAM)}\nMontant accordé : {amount()} - Validité 30 jours\nDélai de traitement : 48 h ouvrées.")
    if t == 2:
        return (f"Suite à votre demande, la clinique Sainte-Marie à Saint-Étienne confirme que le forfait ambulatoire en {s} est de {R.randint(20, 60)} €.\n"
                f"Merci de présenter la carte de tiers payant à l'admission. Parking gratuit rue Pasteur.")
    return (f"COMPTE RENDU DE SÉJOUR - ANONYMISÉ\nService : {s}\nMotif : {ch(['pose de prothèse totale de hanche', 'cholécystectomie', 'cataracte', 'accouchement'])}\n"
            f"Traitement de sortie : {ch(DRUGS)} 1 g x3/j, {ch(DRUGS)}\nRendez-vous de contrôle dans 6 semaines au CHU de Saint-Étienne, bâtiment Pierre Curie.")

def datetime_year():
    return R.choice([2025, 2026])

NOTAIRES = ["SCP Dubois, Lefèvre & Associés", "Office notarial Moreau-Garnier", "SCP Casanova et Santoni, notaires associés", "Étude de Maître Blanc et Associés",
            "SELARL Kerbrat Tanguy Notaires", "Office notarial du Parc", "SCP Petit-Marchand", "Notaires Rive Gauche"]
def succ_pos():
    dec = person(); birth(dec); dec["y"] = R.randint(1930, 1960); dec["m"] = R.randint(1, 12)
    t = R.randint(0, 3)
    notary = person(); clerk = person()
    heirs = []
    for _ in range(R.randint(1, 4)):
        h = person(); h["last"] = dec["last"] if R.random() < .6 else h["last"]; birth(h)
        heirs.append(h)
    heir_lines = "\n".join(
        f"- {civ(h)} {P(h, ch(['fl', 'lf', 'LF']))}, né{'e' if h['sex']=='F' else ''} le {DOB(h, ch(['dmy', 'long', '1er']))}, demeurant {ADDR(ch(['one', 'comma']))}" for h in heirs)
    off = ch(NOTAIRES)
    if t == 0:
        return (f"{off}\nNotaires\n{ADDR('two')}\nTél. {PHONE(kind=ch(['01', '02', '04', '05']))}\n\nDossier : succession {civ(dec)} {P(dec, 'l')} - réf. {R.randint(1000, 9999)}/{ch('ABCDEFGH')}\n\n"
                f"Madame, Monsieur,\nNous sommes chargés du règlement de la succession de feu {civ(dec)} {P(dec, 'fl')}, né{'e' if dec['sex']=='F' else ''} le {DOB(dec, ch(['dmy', 'long']))}, décédé{'e' if dec['sex']=='F' else ''} le {care_date()}, "
                f"numéro de sécurité sociale {NIR(dec)}.\nLes bénéficiaires désignés au contrat {contract()} sont :\n{heir_lines}\n"
                f"Capital décès : {R.randint(3000, 60000)} €.\nVous voudrez bien verser les fonds sur le compte de l'office : {IBAN()}.\n\nMaître {P(notary, 'fl')}\n{P(clerk, 'fl')}, clerc de notaire")
    if t == 1:
        h = heirs[0]
        return (f"Objet : décès de {'ma mère' if dec['sex']=='F' else 'mon père'}, {P(dec, 'fl')}\n\nBonjour,\nJe suis {P(h, 'fl')}, {'fille' if h['sex']=='F' else 'fils'} de feu {civ(dec)} {P(dec, 'l')} (né{'e' if dec['sex']=='F' else ''} le {DOB(dec, 'dmy')}).\n"
                f"Je vous adresse l'acte de décès et le RIB du notaire, Maître {P(notary, 'l')} ({off}).\nMon adresse : {ADDR('two')}\nMon téléphone : {PHONE()}\n"
                f"Merci de résilier le contrat n° {contract()}.\n\n{P(h, ch(['fl', 'f']))}")
    if t == 2:
        return (f"ATTESTATION DE DÉVOLUTION SUCCESSORALE\n\nJe soussigné(e), Maître {P(notary, 'fl')}, notaire associé de la {off}, SIRET {SIRET()}, atteste que :\n"
                f"{strip_acc(civ(dec)).upper()} {L('PERSON', (dec['first'] + ' ' + dec['last']).upper())}, né(e) le {DOB(dec, 'dmy')} à {ch(CITIES)[1]}, est décédé(e) le {care_date()}.\n"
                f"Ses héritiers sont :\n{heir_lines}\nFait à {ch(CITIES)[1]}, le {care_date(2026)}.")
    return (f"Note gestion décès - ctt {contract()}\nDéfunt : {P(dec, 'LF')} - NIR {NIR(dec, 'compact')}\nDate de naissance {DOB(dec, 'dmy')}\nBénéficiaire clause standard : conjoint {P(heirs[0], 'fl')} "
            f"(né(e) le {DOB(heirs[0], 'dmy')})\nPaiement capital : {amount()} par virement {IBAN(ch(['grp', 'compact']))}\nContact notaire : {off}, {EMAIL(notary, ch(['notaires.fr', 'paris.notaires.fr']))}")

def succ_neg():
    t = R.randint(0, 3)
    off = ch(NOTAIRES)
    if t == 0:
        return (f"Objet : règlement d'un capital décès - dossier {ref('SIN')}\n\nMaître,\nSuite à votre courrier du {care_date()}, nous vous informons que le capital de {R.randint(3000, 50000)} € "
                f"sera versé après réception de l'acte de notoriété et de l'attestation de non-exonération.\nDélai moyen : 15 jours.\n\nLe service Prestations décès")
    if t == 1:
        return (f"{off}\nRéférence : {R.randint(100, 999)}/{R.randint(1000, 9999)}\n\nNous accusons réception des pièces du {care_date()}. "
                f"Merci de nous indiquer le montant de l'allocation obsèques prévue au contrat {contract()} (garantie Sérénité).\nLa Pierre tombale et les frais de marbrerie sont facturés séparément.")
    if t == 2:
        return (f"CLAUSE BÉNÉFICIAIRE TYPE\nMon conjoint non séparé de corps, à défaut mes enfants nés ou à naître, vivants ou représentés, par parts égales, à défaut mes héritiers.\n"
                f"Article L132-8 du Code des assurances. Capital : {R.randint(5, 40)} 000 €.")
    return (f"Merci de nous transmettre : acte de décès, RIB de l'étude, certificat d'hérédité (si montant < 5 000 €).\nSuccession ouverte à Saint-Étienne, déclaration déposée au SIE le {care_date()}.")

def csv_quote(v, q):
    return f'"{v}"' if q else v

def export_pos():
    sep = ch([";", ",", "\t", "|", ";"])
    q = R.random() < .3
    hdr_set = ch([
        ["NOM", "PRENOM", "DATE_NAISS", "NUM_SS", "TEL", "ADRESSE", "CP", "VILLE"],
        ["Nom", "Prénom", "Date de naissance", "N° Sécu", "Téléphone", "Adresse", "Code postal", "Ville"],
        ["last_name", "first_name", "birth_date", "ssn", "phone", "street", "zip", "city"],
        ["NOM_USAGE", "PRN", "DNAIS", "NIR", "TEL_PORT", "ADR1", "CP", "LOCALITE"],
        ["matricule", "nom", "prenom", "ddn", "nir", "email", "iban"],
        ["Salarié", "Né(e) le", "NIR", "Mail pro", "Tél", "Statut"],
    ])
    rows = [sep.join(csv_quote(h, q) for h in hdr_set)]
    dfmt = ch(["dmy", "iso", "compact", "d/m/y1", "dmy2"])
    nfmt = ch(["compact", "compact", "sp", "spkey"])
    pfmt = ch(["compact", "sp", "dot", "+33c"])
    for _ in range(R.randint(2, 7)):
        p = person(); birth(p)
        if R.random() < .12:
            rows.append(sep.join(csv_quote(v, q) for v in ["TOTAL" if R.random() < .5 else "", "", "", "", "", "", "", ""][:len(hdr_set)]))
            continue
        cells = []
        cpv = ch(CITIES)
        for h in hdr_set:
            hl = strip_acc(h).lower()
            empty = R.random() < .1
            if empty: cells.append(""); continue
            if hl in ("nom", "last_name", "nom_usage"): v = L("PERSON", p["last"].upper() if R.random() < .5 else p["last"])
            elif hl in ("prenom", "first_name", "prn"): v = L("PERSON", p["first"])
            elif hl == "salarie": v = pname(p, ch(["LF", "fl", "lf"]))
            elif hl in ("date_naiss", "date de naissance", "birth_date", "dnais", "ddn", "ne(e) le"): v = DOB(p, dfmt)
            elif hl in ("num_ss", "n° secu", "ssn", "nir"): v = NIR(p, nfmt, key=R.random() > .15)
            elif hl in ("tel", "telephone", "phone", "tel_port"): v = PHONE(pfmt)
            elif hl in ("adresse", "street", "adr1"): v = L("ADDRESS", street_line())
            elif hl in ("cp", "code postal", "zip"): v = cpv[0]
            elif hl in ("ville", "city", "localite"): v = cpv[1]
            elif hl == "matricule": v = f"M{R.randint(10000, 99999)}"
            elif hl in ("email", "mail pro"): v = EMAIL(p, ch(DOMAINS + ["entreprise-martin.fr", "groupe-fontaine.com"]))
            elif hl == "iban": v = IBAN(ch(["compact", "grp"]))
            elif hl == "statut": v = ch(["Cadre", "Non cadre", "ETAM", "Apprenti"])
            else: v = ""
            cells.append(csv_quote(v, q))
        rows.append(sep.join(cells))
    pre = ch(["", "", f"Export {ch(SOFT)} du {care_date(2026)}\n", f"Feuil1\n", f"Extraction courtier - {contract()}\n"])
    return pre + "\n".join(rows)

def export_neg():
    sep = ch([";", ",", "\t"])
    t = R.randint(0, 3)
    if t == 0:
        rows = [sep.join(["DEPARTEMENT", "NB_ADHERENTS", "COTIS_TOTALE", "PRESTA_TOTALE"])]
        for d in R.sample(["Finistère", "Morbihan", "Loire", "Haute-Corse", "Corse-du-Sud", "La Réunion", "Gironde", "Nord", "Rhône", "Pyrénées-Atlantiques", "Saint-Pierre-et-Miquelon"], 5):
            rows.append(sep.join([d.upper() if R.random() < .3 else d, str(R.randint(100, 9000)), f"{R.randint(10000, 999999)},{R.randint(0, 99):02d}", f"{R.randint(10000, 999999)},{R.randint(0, 99):02d}"]))
        return "\n".join(rows)
    if t == 1:
        rows = [sep.join(["CODE_ACTE", "LIBELLE", "NB", "MONTANT_RBT", "DATE_SOINS"])]
        for c in R.sample(CCAM + LPP, 5):
            rows.append(sep.join([c, ch(["Détartrage", "Couronne", "Monture", "Verres progressifs", "Consultation", "Séance kiné", "Orthèse"]), str(R.randint(1, 400)), f"{R.randint(100, 90000)},00", care_date()]))
        return "\n".join(rows)
    if t == 2:
        rows = [sep.join(["N_CONTRAT", "N_FACTURE", "MONTANT", "STATUT", "REF_LOT"])]
        for _ in range(R.randint(3, 6)):
            rows.append(sep.join([contract(), bad_luhn(14) if R.random() < .4 else f"F{R.randint(1000000, 9999999)}", f"{R.randint(10, 3000)}.{R.randint(0, 99):02d}", ch(["PAYE", "REJET", "EN_COURS"]), bad_luhn(9)]))
        return "\n".join(rows)
    rows = [sep.join(["MOIS", "PRODUIT", "NB_SOUSCRIPTIONS", "TAUX_RESIL"])]
    for m in MONTHS[:R.randint(3, 8)]:
        rows.append(sep.join([m.capitalize(), ch(["Essentielle", "Confort", "Sérénité Plus", "Jeunes Actifs", "Senior Rose"]), str(R.randint(3, 800)), f"{R.randint(1, 15)},{R.randint(0, 9)} %"]))
    return "\n".join(rows)

def note_pos():
    p = person(); birth(p)
    col = person(); col2 = person()
    t = R.randint(0, 5)
    init = ch(["", "", f" ({col['first'][0]}{col['last'][0]})"])
    if t == 0:
        return f"{care_date(2026)} - adh. {P(p, ch(['LF', 'l', 'fl']))} appelle pr RAC couronne {ch(CCAM)}, devis ok, PEC envoyée. Rappel au {PHONE()} demain AM. Vu avec {P(col, ch(['f', 'fl']))}.{init}"
    if t == 1:
        return f"bénéf. {P(p, 'fl')} né le {DOB(p, ch(['dmy', 'dmy2']))} - cf. NIR {NIR(p, ch(['compact', 'sp']))} - rattacher sur ctt {contract()} de l'ouvrant droit {P(person(), 'LF')}. Transmis à {P(col, 'f')} pour validation."
    if t == 2:
        return f"Réclamation {ref('REC')} : {civ(p)} {P(p, 'l')} conteste le rejet LPP {ch(LPP)} ({amount()}). Adr. à jour : {ADDR('comma')}. Mail : {EMAIL(p)}. Escaladé N2 -> {P(col, 'fl')}, copie {P(col2, 'f.l')}."
    if t == 3:
        return f"RIB modifié le {care_date(2026)} : ancien {IBAN('compact')} -> nouveau {IBAN('grp')} (adh. {P(p, 'LF')}, ctt {contract()}). Contrôle 4 yeux : {P(col, 'fl')} / {P(col2, 'fl')}"
    if t == 4:
        return f"PS {P(person(), 'l')} (RPPS {RPPS()}) réclame tiers payant pr {P(p, 'fl')} - DDN {DOB(p, 'dmy')} - NIR {NIR(p, 'compact', key=False)}. Dossier {ref('DOS')} bloqué, relancer le {care_date(2026)}. {P(col, 'f')}"
    return f"Appel sortant {care_date(2026)} 14h10 au {PHONE(ch(['compact', 'dot']))} (adh. {P(p, 'LF')}), messagerie. Re-essai {PHONE()} (fixe) ok. Kiné {P(person(), 'fl')} ADELI {ADELI()} - séances AMK ok. -- {P(col, ch(['f', 'FL']))}"

def note_neg():
    t = R.randint(0, 5)
    if t == 0: return f"{care_date(2026)} - lot {ref('FAC')} rejeté (NOEMIE code 27). Relance CPAM. PEC {ch(CCAM)} en attente, RAC estimé {amount()}."
    if t == 1: return f"Ctt {contract()} : avenant tarifaire {datetime_year()} appliqué (+{R.randint(1, 9)},{R.randint(0, 9)} %). Rappel : délai de carence 3 mois optique. Cf. circulaire DG du {care_date()}."
    if t == 2: return f"PEC hospi Clinique Saint-Martin (FINESS {fin9()}) acceptée, forfait CP {R.randint(40, 90)} €/j, 15 j max. NGAP {ch(NGAP)} / {ch(NGAP)}. Dent 36 et 46 : {ch(CCAM)}."
    if t == 3: return f"URGENT : bascule {ch(SOFT)} prévue lundi. Merci de clôturer les dossiers ouverts avant vendredi. Fac. {bad_luhn(14)} à reprendre (montant {amount()})."
    if t == 5: return f"NIR saisi {bad_nir()} rejeté (clé incorrecte), demande de justificatif envoyée. Dent 11, 21 : {ch(CCAM)}. Marchand de biens ? non, TNS boulanger -> ctt Madelin {contract()}."
    return f"Suite à la réunion de service : objectif délai moyen < 48h. Stock : {R.randint(100, 900)} dossiers. Petit rappel : pas de PEC sans devis signé. Merci à tous."
from urllib.parse import quote_plus, quote

def form_pos():
    p = person(); birth(p)
    t = R.randint(0, 4)
    if t == 0:
        kv = ch([": ", "=", " : ", ":"])
        lines = [f"civilite{kv}{ch(['M', 'Mme'])}", f"nom{kv}{P(p, 'l')}", f"prenom{kv}{P(p, 'f')}", f"date_naissance{kv}{DOB(p, ch(['dmy', 'iso']))}",
                 f"email{kv}{EMAIL(p)}", f"telephone{kv}{PHONE(ch(['compact', 'sp', '+33c']))}", f"adresse{kv}{L('ADDRESS', street_line())}",
                 f"code_postal{kv}{ch(CITIES)[0]}", f"ville{kv}{ch(CITIES)[1]}", f"motif{kv}{ch(['devis', 'réclamation', 'changement de coordonnées', 'adhésion'])}",
                 f"message{kv}Bonjour, {ch(['merci de mettre à jour mes coordonnées.', 'je souhaite un devis pour ma fille ' + P(person('F'), 'f') + '.', 'Pouvez-vous me rappeler ?'])}"]
        R.shuffle(lines[5:9])
        return f"--- Formulaire contact #{R.randint(10000, 99999)} ---\n" + "\n".join(lines)
    if t == 1:
        return ("{" + f'"form":"adhesion","nom":"{P(p, "l")}","prenom":"{P(p, "f")}","dateNaissance":"{DOB(p, "iso")}","nir":"{NIR(p, "compact")}",'
                f'"iban":"{IBAN("compact")}","mobile":"{PHONE("+33c")}","consentement":true,"formule":"{ch(["ESSENTIELLE", "CONFORT", "PREMIUM"])}",'
                f'"beneficiaires":[{{"prenom":"{P(person(), "f")}","ddn":"{DOB(None, "iso", young=True)}"}}]' + "}")
    if t == 2:
        first, last = p["first"], p["last"]
        ph = phone_digits(ch(["06", "07"]))
        mail = email_for(p)
        ps = ch([ph, " ".join(ph[i:i+2] for i in range(0, 10, 2))])
        return (f"GET /api/v2/contact?source=app&nom={L('PERSON', quote_plus(last))}&prenom={L('PERSON', quote_plus(first))}&tel={L('PHONE', quote_plus(ps))}"
                f"&email={L('EMAIL', quote(mail, safe=''))}&ddn={L('DATE_OF_BIRTH', quote(dob_str(*birth(p), fmt='dmy'), safe=''))}&cp={ch(CITIES)[0]}&utm_campaign=rentree{R.randint(2024, 2026)} HTTP/1.1")
    if t == 3:
        return (f"[App mobile v{R.randint(3, 5)}.{R.randint(0, 9)}.{R.randint(0, 20)}] Demande de rappel\nNom complet : {P(p, ch(['fl', 'LF', 'Lf']))}\nCréneau : {ch(['matin', 'midi', 'après-midi'])}\n"
                f"Numéro : {PHONE()}\nMessage : {ch(['Bonjour je ne comprends pas le décompte du', 'Rappelez moi svp pour le remboursement du', 'Merci de me recontacter au sujet de la facture du'])} {care_date()}, "
                f"mon numéro de sécu est le {NIR(p)}. Merci, {P(p, 'f')}")
    return (f"formulaire=changement_rib\nadherent_nom={P(p, 'LF')}\nadherent_ne_le={DOB(p, ch(['dmy', 'd-m-y']))}\nancien_iban=\nnouvel_iban={IBAN()}\n"
            f"titulaire_compte={P(person() if R.random() < .3 else p, 'fl')}\nadresse_titulaire={ADDR('comma')}\ncommentaire=RAS")

def form_neg():
    t = R.randint(0, 3)
    if t == 0:
        return (f"--- Formulaire contact #{R.randint(10000, 99999)} ---\nmotif: question garanties\nformule: {ch(['Confort', 'Essentielle', 'Sérénité'])}\n"
                f"message: Bonjour, Pouvez-vous me dire si l'ostéopathie est prise en charge ? Et le {ch(DRUGS)} ? Merci.\nconsentement_rgpd: oui")
    if t == 1:
        return ("{" + f'"event":"simulation","formule":"{ch(["CONFORT", "PREMIUM"])}","age_tranche":"40-49","departement":"{ch(["2A", "29", "974", "42"])}",'
                f'"nb_beneficiaires":{R.randint(1, 5)},"tarif_mensuel":{R.randint(20, 200)}.{R.randint(0, 99)},"session":"{R.getrandbits(64):016x}"' + "}")
    if t == 2:
        return f"GET /api/v2/search?q=opticien+saint-etienne&rayon=10&page={R.randint(1, 5)}&tri=distance&ref={bad_luhn(14)} HTTP/1.1"
    return f"[App mobile] Avis : Merci pour le remboursement rapide ! Délai de 2 jours pour ma facture de {amount()}. Application Espace Adhérent très pratique. Note : {R.randint(3, 5)}/5"

def employer_pos():
    co = ch(COMPANIES); rh = person(); t = R.randint(0, 3)
    emps = []
    for _ in range(R.randint(1, 4)):
        e = person(); birth(e); emps.append(e)
    def emp_line(e):
        return ch([
            f"- {P(e, ch(['LF', 'fl']))}, né{'e' if e['sex']=='F' else ''} le {DOB(e, ch(['dmy', 'long']))}, NIR {NIR(e)}",
            f"- {civ(e)} {P(e, 'fl')} ({DOB(e, 'dmy')}) - {NIR(e, 'compact')} - {ADDR('comma')}",
            f"- {P(e, 'Lf')} - NIR : {NIR(e)} - date d'effet {care_date(2026)}",
        ])
    lst = "\n".join(emp_line(e) for e in emps)
    sign = f"\n{P(rh, 'fl')}\n{ch(['Responsable RH', 'Gestionnaire paie', 'DRH', 'Assistante RH'])}\nLigne directe : {PHONE(ch(['sp', 'dot']), kind=ch(['01', '02', '03', '04', '05']))}\n{EMAIL(rh, slug(co)[:14] + '.fr')}"
    if t == 0:
        return (f"{co}\n{ADDR('two')}\nSIRET : {SIRET()}\n\nObjet : affiliations au contrat collectif {contract()}\n\nMadame, Monsieur,\nNous vous prions de bien vouloir affilier au {care_date(2026)} les salariés suivants :\n{lst}\n"
                f"Ces affiliations figurent dans la DSN du mois de {ch(MONTHS)}.\nVeuillez agréer nos salutations distinguées.\n{sign}")
    if t == 1:
        return (f"Objet : radiation - portabilité des droits\n\nBonjour,\nSuite à la rupture conventionnelle de {civ(emps[0])} {P(emps[0], 'fl')} au {care_date(2026)}, nous vous demandons de mettre en place la portabilité "
                f"pour une durée de {R.randint(3, 12)} mois.\nNé{'e' if emps[0]['sex']=='F' else ''} le {DOB(emps[0])} - NIR {NIR(emps[0])}\nAdresse personnelle : {ADDR('two')}\n"
                f"Entreprise : {co} - SIREN {SIREN()}\nCordialement,{sign}")
    if t == 2:
        br = person()
        return (f"De : {P(br, 'fl')} <{EMAIL(br, 'courtage-atlantique.fr')}>\nObjet : {co} - mouvements {ch(MONTHS)}\n\nBonjour {P(person(), 'f')},\nCi-dessous les entrées/sorties pour {co} (SIRET {SIRET('sp')}) :\nENTRÉES\n{lst}\n"
                f"SORTIES\n- {P(person(), 'LF')} au {care_date(2026)}\nCotisations : taux {R.randint(1, 3)},{R.randint(0, 99):02d} % PMSS.\nBien à vous,\n{P(br, 'fl')}\nCabinet Courtage Atlantique - {PHONE()}")
    return (f"{co} - SIRET {SIRET()}\nAttestation employeur\n\nJe soussigné(e) {P(rh, 'fl')}, {ch(['gérant', 'DRH', 'responsable administratif'])}, certifie que {civ(emps[0])} {P(emps[0], 'fl')}, "
            f"né{'e' if emps[0]['sex']=='F' else ''} le {DOB(emps[0], 'dmy')}, demeurant {ADDR('comma')}, est salarié(e) de l'entreprise depuis le {care_date(R.randint(2005, 2024))}.\n"
            f"Dispense d'adhésion : non. Fait pour servir et valoir ce que de droit.\n{sign}")

def employer_neg():
    co = ch(COMPANIES); t = R.randint(0, 3)
    if t == 0:
        return (f"Objet : contrat collectif {contract()} - {co}\n\nMadame, Monsieur,\nSuite à la renégociation, le taux de cotisation passe à {R.randint(1, 3)},{R.randint(0, 99):02d} % du PMSS au 1er janvier.\n"
                f"La DSN de {ch(MONTHS)} devra intégrer le nouveau code population. Délai : 30 jours.\nLe service Entreprises")
    if t == 1:
        return (f"{co.upper()}\nNOTE D'INFORMATION SALARIÉS\nLa complémentaire santé obligatoire est maintenue. Portabilité : 12 mois maximum. Effectif couvert : {R.randint(5, 500)} salariés.\n"
                f"Référence bordereau : {bad_luhn(14)} - lot {bad_luhn(9)}")
    if t == 2:
        return (f"Merci de nous transmettre le DUE signé et l'accord de branche (IDCC {R.randint(1000, 3300)}). Les ayants droit sont couverts selon l'option choisie. "
                f"Suite à l'audit de mars, aucune anomalie DSN détectée.")
    return (f"Bordereau de cotisations - {co}\nPériode : T{R.randint(1, 4)} {datetime_year()}\nBase : {R.randint(10000, 400000)} €\nCotisation patronale : {amount()}\nCotisation salariale : {amount()}\nStatut : PAYÉ")

WORDNAMES = [("Boulanger", "le boulanger"), ("Petit", "un petit"), ("Blanc", "du vin blanc"), ("Marchand", "un marchand de lunettes"), ("Rose", "la rose trémière"),
             ("Pierre", "la pierre"), ("Martin", "le martin-pêcheur"), ("Berger", "le berger allemand"), ("Lebon", "le bon de commande"), ("Renard", "un renard"),
             ("Meunier", "la sole meunière"), ("Loiseau", "l'oiseau"), ("Noël", "les fêtes de Noël"), ("Mouton", "le mouton"), ("Fontaine", "la fontaine à eau")]

def mixte_pos():
    t = R.randint(0, 9)
    p = person(); birth(p)
    if t == 0:
        n = nir_raw(p)
        a = f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]}"
        k = int(n[13:])
        v = ch([f"{a} clé {w(k)}", f"{a}\nclé : {n[13:]}", f"{a} - clé {w(k)}", f"{a}\n{n[13:]}"])
        return f"Objet : remboursement\nNIR de l'assuré : {L('NIR', v)}\nAssuré : {P(p, 'LF')}\nMerci de traiter rapidement."
    if t == 1:
        return (f"Bonjour, comme demandé par téléphone je vous renvoie le formulaire. Le numéro qui figure sur ma carte Vitale est bien celui indiqué en haut de la page, "
                f"j'ai aussi joint le devis de l'orthodontiste pour mon fils qui doit commencer son traitement en {ch(MONTHS)}, le cabinet est à Saint-Étienne.\n"
                f"Pour info mon numéro : {NIR(p, 'compact', key=False)}\nCordialement\n{P(p, ch(['fl', 'f']))}")
    if t == 2:
        ph = phone_digits(ch(["06", "07", "02"]))
        cut = ch([4, 6, 8])
        pr = " ".join(ph[i:i+2] for i in range(0, 10, 2))
        cutc = cut + cut // 2 - 1
        return f"Merci de rappeler {civ(p)} {P(p, 'l')} au {L('PHONE', pr[:cutc] + chr(10) + pr[cutc+1:])} entre 12h et 14h. Dossier {ref()}."
    if t == 3:
        wn, word = ch(WORDNAMES)
        p["last"] = wn
        return (f"{civ(p)} {P(p, 'l')} nous signale que {word} {ch(['est revenu', 'lui a été facturé', 'figure sur la facture'])}. "
                f"{P(p, 'l')} ajoute : « je suis né le {DOB(p)} et ma fille {P(person('F'), 'f')} aussi est couverte ». Contact : {EMAIL(p)}")
    if t == 4:
        return (f"{strip_acc('ATTESTATION DE DROITS').upper()}\nASSURE : {L('PERSON', strip_acc(p['last'] + ' ' + p['first']).upper())}\nNE(E) LE : {DOB(p, 'dmy')}\n"
                f"NIR : {NIR(p, ch(['sp', 'compact']), corsica=True)}\nADRESSE : {ADDR('two', c=ch([('20000', 'Ajaccio'), ('20200', 'Bastia'), ('20250', 'Corte'), ('20137', 'Porto-Vecchio')]), caps=True)}\n"
                f"DROITS OUVERTS DU 01/01/{datetime_year()} AU 31/12/{datetime_year()}")
    if t == 5:
        q = person('M')
        return (f"Adhérent{'e' if p['sex']=='F' else ''} à La Réunion : {P(p, 'fl')}, tél. {overseas_phone()}, né{'e' if p['sex']=='F' else ''} le {DOB(p, 'dmy')} à Saint-Denis (974) - NIR {NIR(p, overseas=True)}.\n"
                f"Son frère {P(q, 'f')} (Guadeloupe) : {overseas_phone()}. Adresse : {ADDR('one', c=ch([('97400', 'Saint-Denis'), ('97110', 'Pointe-à-Pitre'), ('97200', 'Fort-de-France'), ('97300', 'Cayenne'), ('97600', 'Mamoudzou')]))}")
    if t == 6:
        f, l = slug(p["first"]), slug(p["last"])
        mail = ch([f"{f}.{l}-{R.randint(1, 99)}@mail.mutuelle-ouest.fr", f"{f}+sante@gmail.com", f"{f[0]}.{l}.{R.randint(60, 99)}@orange.fr", f"{l}-{f}@sub.domaine-perso.fr", f"{f}_{l}.pro@outlook.fr"])
        return f"contact : {L('EMAIL', mail)} / {L('EMAIL', email_for(person()))}\nRIB : {IBAN('lower')}\nTitulaire : {P(p, ch(['low', 'fl']))}"
    if t == 7:
        return (f"Mayotte - adhérent {P(p, 'LF')}, {mayotte_269()} ou {overseas_phone()}. "
                f"Né en {L('DATE_OF_BIRTH', str(p['y']))} à Mamoudzou. Note : le n° {bad_luhn(14)} est la référence de facture, pas un SIRET.")
    if t == 8:
        q = person()
        return (f"{P(q, 'f')} a appelé : la clinique Saint-Pierre a facturé {amount()}. {P(p, 'fl')} (employeur {ch(COMPANIES)}, SIRET {SIRET()}) "
                f"confirme. Tél pro {PHONE('0033')} / perso {PHONE('(0)')}. {P(q, 'f')} rappellera.")
    return (f"DR {L('PERSON', strip_acc(p['last']).upper())} - RPPS {RPPS()}\nPATIENT: {L('PERSON', strip_acc(person()['first'] + ' ' + person()['last']).upper())} NE LE {L('DATE_OF_BIRTH', dob_str(*birth(None), fmt='dmy'))}\n"
            f"ACTE {ch(CCAM)} DENT 16 - MONTANT {amount()}")

def mixte_neg():
    t = R.randint(0, 5)
    if t == 0:
        return (f"PETIT APPAREILLAGE ET ORTHOPÉDIE\nLes codes LPP {ch(LPP)} et {ch(LPP)} sont remboursés sur la base du tarif de responsabilité. Blanc de dossier : ne rien inscrire dans la zone grisée.\n"
                f"Référence lot : {bad_nir()} (numéro interne, pas un NIR).")
    if t == 1:
        return (f"Pierre angulaire de notre offre, la garantie Sérénité couvre la chambre particulière. Rose, bleu ou vert : choisissez la couleur de votre carte. "
                f"Marchand de lunettes partenaire : Optique du Martin-Pêcheur, à Saint-Martin-d'Hères.")
    if t == 2:
        return (f"HÔPITAL PIERRE-ET-MARIE-CURIE - SERVICE DE RADIOLOGIE\nIRM du {care_date()} : forfait technique {R.randint(100, 300)},{R.randint(0, 99):02d} €. "
                f"Dossier {bad_luhn(9)} / facture {bad_luhn(14)}. Corse-du-Sud, Haute-Corse : tarifs identiques.")
    if t == 3:
        return (f"Merci de votre message du {care_date()}. Délai de traitement en {ch(MONTHS)} : 10 jours. Les départements 971, 972, 973, 974 et 976 bénéficient de la même grille. "
                f"Numéro de lot {bad_nir()} - contrôle clé KO, à ressaisir.")
    if t == 4:
        return (f"Le boulanger du bourg et le petit marchand de primeurs de la rue Victor Hugo sont nos nouveaux adhérents TNS ; contrat Madelin {contract()}. "
                f"Saint-Étienne, Saint-Denis et Sainte-Anne d'Auray organisent des réunions d'information.")
    return (f"RAPPEL : Noël approche, le service sera fermé du 24/12 au 26/12. Offre Rose (dépistage), formule Petit Budget et option Blanc Dentaire : "
            f"trois produits fusionnés dans la gamme Horizon au 1er janvier. Code promo NOEL{datetime_year()}.")

# --- hard no-PII sentences mixed into the no-PII texts ---------------------------
def neg_bank():
    return ch([
        f"Délai de remboursement constaté en {ch(MONTHS)} : {R.randint(2, 12)} jours.",
        f"Pouvez-vous renvoyer la facture acquittée du {care_date()} ?",
        f"Merci de joindre l'ordonnance pour le {ch(DRUGS)} et le {ch(DRUGS)}.",
        f"Suite à la mise à jour de {ch(SOFT)}, les décomptes sont disponibles en PDF.",
        f"Dents 36, 37 et 46 : inlay-core puis couronne ({ch(CCAM)}).",
        f"Code LPP {ch(LPP)} : forfait {R.randint(50, 800)} € tous les 2 ans.",
        f"Actes NGAP {ch(NGAP)} et {ch(NGAP)} pris en charge à 100 % de la BR.",
        f"Référence interne {bad_luhn(9)}, facture {bad_luhn(14)}.",
        f"Lot de télétransmission {bad_nir()} rejeté (clé NIR invalide).",
        "Centre de santé de Saint-Étienne, hôpital Sainte-Anne, clinique Saint-Roch : même convention.",
        "Le Finistère, la Haute-Corse et la Guadeloupe ont le même barème.",
        "Rue de la République et avenue Jean Jaurès : travaux, accès à l'agence par le parking.",
        f"Montant total : {amount()} dont {amount()} de dépassements d'honoraires.",
        "PETIT RAPPEL : LES DEVIS SONT VALABLES 3 MOIS.",
        "Blanc, rose ou bleu : le formulaire papier existe en trois couleurs selon la région.",
        "La pierre de Saint-Maximin a servi à rénover l'agence de Marseille.",
        f"Contrat {contract()}, sinistre {ref('SIN')}, réclamation {ref('REC')}.",
        "Merci de ne pas envoyer d'originaux par courrier.",
        "Le forfait patient urgences (FPU) de 19,61 € est pris en charge.",
        "Martin-pêcheur, le nouveau logo de l'offre Jeunes, sera visible en septembre.",
    ])

# ================================ MAIN ========================================
STYLES = [("appel_transcrit", appel_pos, appel_neg), ("chat_sms", chat_pos, chat_neg), ("hospitalisation", hosp_pos, hosp_neg),
          ("succession_notaire", succ_pos, succ_neg), ("export_tableur", export_pos, export_neg), ("note_gestionnaire", note_pos, note_neg),
          ("formulaire_web", form_pos, form_neg), ("courrier_employeur", employer_pos, employer_neg), ("mixte_difficile", mixte_pos, mixte_neg)]
N_POS, N_NEG = 91, 20

def main():
    seen = set()
    out = []
    for style, fpos, fneg in STYLES:
        kinds = ["pos"] * N_POS + ["neg"] * N_NEG
        R.shuffle(kinds)
        for i, k in enumerate(kinds):
            for _ in range(50):
                if k == "pos": raw = fpos()
                else:
                    raw = fneg()
                    if style not in ("export_tableur", "appel_transcrit") and R.random() < 0.6:
                        raw = raw + ("\n" if style in ("appel_transcrit", "chat_sms") else " ") + neg_bank()
                text, spans = finalize(raw)
                if text not in seen: break
            seen.add(text)
            assert (k == "neg") == (not spans), (style, k, text)
            out.append({"id": f"{style}-{i + 1:03d}", "style": style, "text": text, "spans": spans})
    with open("/tmp/blind6/corpus.jsonl", "w", encoding="utf-8") as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(out), "texts")

if __name__ == "__main__":
    main()
