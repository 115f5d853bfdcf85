# ruff: noqa
# HELD OUT (audit-5). Written blind by an outside auditor who never saw the detector, its tests nor the
# project's corpora. NEVER tune on it: do not read its texts, templates or errors while changing the
# detector; only its aggregate figures (`confiance pii-eval --corpus audit5`) may be looked at, and only
# to report them.
"""Blind evaluation corpus (blind5) for a French PII detector at a mutuelle.

Deterministic: fixed seed, writes corpus.jsonl next to this file.
Texts are written with inline markers  ⟦LABEL|text⟧  which are stripped and
turned into [start, end, LABEL] spans (Python str offsets, end exclusive).
Only /work/main/confiance/identifiers.py is imported (checksums).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), *[".."] * 4)))  # the repository root
from confiance.identifiers import (  # noqa: E402
    DEPARTEMENTS, luhn_check_digit, luhn_valid, make_fr_iban, make_nir, make_siren, make_siret,
    nir_key, format_iban,
)

SEED = 5_2026_1127
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------- name lists (hand written)
SURNAMES = """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux
David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André
Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas
Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Lemaire Noël Meyer Dufour Meunier Brun Blanchard
Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal
Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc
Payet Rolland Leclercq Guillaume Lecomte Lopez Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis
Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Poirier Marty Aubry Guyot Carré Charles Renault
Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez Collet Léger Bouvier Julien Prévost Millet
Perrot Cousin Germain Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber
Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chauvin
Bouchet Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert
Lamy Delaunay Pasquier Carlier Laporte Rose Kerbrat Quéré Tanguy Morvan Riou Jaouen Etcheverry Irigoyen Harispe
Bidegain Casanova Santoni Paoli Luciani Orsini Poggi Bianchi Rossi Ferrari Esposito Moretti Pereira Ferreira
Oliveira Rodrigues Gonçalves Nguyen Tran Pham Truong Benali Belkacem Haddad Cherif Boukhalfa Mansouri Amrani
Benjelloun Bouzid Saidi Hamidi Ouali Diallo Traoré Diop Ndiaye Camara Koné Sow Cissé Touré Mbala Kouassi Yilmaz
Demir Kaya Öztürk Kowalski Nowak Wisniewski Hoffmann Wagner Zimmermann Baumann Kieffer Stoeckel Rakotomalala
Rasoanaivo Chen Wang Zhang Huang Mendy Gomis Boulay Courtois Tixier Vaillant Lagarde Delmas Fabregat Castan Puech
Soulié Cazenave Lafargue Destrade Vignaud Jourdan Petitjean Grosjean Lebon Bonhomme Marchetti Leduc Sauvage
Chartier Lemercier Barbe Berthier Ferrand Jacquemin Thiébaut Vautrin Rigaud Brisson Texier Gaudin Lainé Bompard
Fouquet Vial Ollivier Rouxel Le_Gall Le_Goff Le_Roux Le_Bihan Le_Floch Le_Corre Da_Silva Dos_Santos Ait_Ahmed
El_Idrissi Guivarc'h Ben_Said De_Oliveira Van_Damme""".split()
SURNAMES = list(dict.fromkeys(s.replace("_", " ") for s in SURNAMES))

GIVEN_M = """Jean Pierre Michel André Philippe Alain Jacques Bernard Daniel Patrick Nicolas Christophe Stéphane Frédéric
Laurent Éric Olivier David Julien Sébastien Thomas Mathieu Guillaume Antoine Maxime Alexandre Romain Kévin Jérémy
Florian Hugo Lucas Louis Gabriel Arthur Jules Léo Raphaël Adam Nathan Ethan Noah Paul Théo Tom Enzo Mathis Baptiste
Clément Quentin Yannick Gwenaël Erwan Loïc Ronan Tanguy Iñaki Xabi Ange Dominique Jean-Baptiste Jean-Marc Jean-Luc
Marc-Antoine Pierre-Yves François Bruno Thierry Didier Gérard Serge Hervé Pascal Gilles Yves René Marcel Roger
Lucien Mohamed Karim Rachid Mehdi Yassine Bilal Sofiane Amine Youssef Ibrahim Moussa Mamadou Ousmane Abdoulaye
Sékou Kwame Mehmet Emre Tuan Minh Wei Piotr Tomasz João Rui Diego Luca Matteo Giovanni Dimitri Igor Ayoub Ilyes
Nassim Samir Djamel Farid Aurélien Benoît Cédric Fabien Grégory Jonathan Ludovic Mickaël Vincent Xavier Yann
Martin Victor Émile Marius Augustin Gaspard""".split()
GIVEN_F = """Marie Nathalie Isabelle Sylvie Catherine Françoise Martine Christine Monique Valérie Sandrine Sophie Céline
Stéphanie Véronique Nicole Aurélie Julie Émilie Camille Laura Manon Léa Chloé Emma Inès Jade Louise Alice Lina Rose
Anna Mila Ambre Juliette Zoé Clara Sarah Lucie Océane Pauline Marine Anaïs Mélanie Audrey Élodie Virginie Caroline
Hélène Anne Brigitte Jacqueline Chantal Danielle Annie Josiane Ginette Odile Solange Yvette Maëlle Nolwenn
Gwenaëlle Katell Maïwenn Maite Ainhoa Marie-Ange Anne-Sophie Marie-Claire Fatima Aïcha Khadija Nadia Samira Leïla
Yasmina Sonia Malika Amina Fatoumata Aminata Awa Mariama Aïssatou Ngozi Ayşe Elif Zeynep Linh Mai Mei Agnieszka
Katarzyna Ana Beatriz Giulia Chiara Francesca Olga Tatiana Svetlana Yasmine Salomé Margaux Capucine Apolline
Constance Bérénice Agathe Héloïse Lou Romane Eva Nina Charlotte Mathilde Élise Marion Laetitia Delphine Karine
Corinne Patricia Agnès Florence Claire Géraldine Muriel Éloïse Blanche""".split()
GIVEN_M = list(dict.fromkeys(GIVEN_M))
# surnames that are also ordinary French words (used as names in some texts, as words in others)
WORD_SURNAMES = ["Boulanger", "Petit", "Blanc", "Marchand", "Rose", "Pierre", "Martin", "Lebon", "Sauvage",
                 "Chevalier", "Meunier", "Boucher", "Fontaine", "Moulin", "Berger", "Charpentier", "Roux", "Baron",
                 "Noël", "Carré", "Barbe", "Lejeune", "Bonhomme", "Brun", "Vaillant"]
GIVEN_F = list(dict.fromkeys(GIVEN_F))

STREETS = """rue Victor Hugo|rue de la République|avenue Jean Jaurès|boulevard Gambetta|rue Pasteur|rue du Général Leclerc|
place Charles de Gaulle|rue des Lilas|chemin des Vignes|allée des Tilleuls|impasse du Moulin|rue de la Gare|route de Lyon|
rue Nationale|rue Saint-Michel|rue Sainte-Catherine|avenue de la Libération|rue Émile Zola|rue Jules Ferry|
rue Anatole France|boulevard Voltaire|rue Jean Moulin|rue des Écoles|quai de la Fosse|cours Mirabeau|
rue du Docteur Roux|rue Paul Bert|avenue du Maréchal Foch|rue Pierre et Marie Curie|chemin de la Croix Blanche|
rue du Port|rue de Kerbonne|rue Basse|rue du Four|avenue Clemenceau|rue Marcel Pagnol|rue Louise Michel|
rue Simone Veil|rue de Verdun|rue du 8 Mai 1945|rue du 11 Novembre 1918|avenue des Martyrs de la Résistance|
rue du Petit Pont|rue Blanche|rue des Marchands|allée des Roses|chemin du Pont de Pierre|rue Jean-Baptiste Clément|
avenue Aristide Briand|rue des Peupliers|rue de Bretagne|boulevard de la Croisette|rue Sainte-Anne|rue de l'Église|
avenue Thiers|rue Gutenberg|chemin de Halage|rue Lamartine|impasse des Mésanges|rue Berthelot|rue des Tanneurs|
route de Bayonne|carrer de la Font|rue du Château d'Eau|avenue de Stalingrad|rue Frédéric Mistral|rue Condorcet""".replace("\n", "").split("|")

CITIES = [("75011", "Paris"), ("75018", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31400", "Toulouse"),
          ("33000", "Bordeaux"), ("59000", "Lille"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("35000", "Rennes"),
          ("42000", "Saint-Étienne"), ("34000", "Montpellier"), ("06000", "Nice"), ("76600", "Le Havre"),
          ("38400", "Saint-Martin-d'Hères"), ("69310", "Pierre-Bénite"), ("29200", "Brest"), ("64100", "Bayonne"),
          ("20000", "Ajaccio"), ("20200", "Bastia"), ("97400", "Saint-Denis"), ("97200", "Fort-de-France"),
          ("63000", "Clermont-Ferrand"), ("21000", "Dijon"), ("87000", "Limoges"), ("57000", "Metz"),
          ("68100", "Mulhouse"), ("80000", "Amiens"), ("51100", "Reims"), ("37000", "Tours"), ("45000", "Orléans"),
          ("49100", "Angers"), ("72000", "Le Mans"), ("14000", "Caen"), ("86000", "Poitiers"),
          ("17000", "La Rochelle"), ("56100", "Lorient"), ("22000", "Saint-Brieuc"), ("93200", "Saint-Denis"),
          ("94000", "Créteil"), ("92100", "Boulogne-Billancourt"), ("78000", "Versailles"), ("95100", "Argenteuil"),
          ("83000", "Toulon"), ("84000", "Avignon"), ("30000", "Nîmes"), ("66000", "Perpignan"), ("65000", "Tarbes"),
          ("40100", "Dax"), ("24000", "Périgueux"), ("19100", "Brive-la-Gaillarde"), ("15000", "Aurillac"),
          ("48000", "Mende"), ("05000", "Gap"), ("73000", "Chambéry"), ("74000", "Annecy"), ("25000", "Besançon"),
          ("90000", "Belfort"), ("08000", "Charleville-Mézières"), ("62300", "Lens"), ("02100", "Saint-Quentin"),
          ("97110", "Pointe-à-Pitre"), ("12000", "Rodez"), ("81000", "Albi"), ("50100", "Cherbourg-en-Cotentin")]
PLACES = ["Saint-Étienne", "Saint-Malo", "Saint-Nazaire", "Sainte-Maxime", "Saint-Brieuc", "Saint-Quentin",
          "Pierre-Bénite", "Saint-Martin-d'Hères", "Mont-Blanc", "Sainte-Foy-lès-Lyon", "Saint-Jean-de-Luz",
          "Saint-Denis", "Villeneuve-Saint-Georges", "Brive", "Montauban", "Clermont-Ferrand"]
DEPT_NAMES = ["Haute-Garonne", "Bouches-du-Rhône", "Finistère", "Pyrénées-Atlantiques", "Loire-Atlantique",
              "Seine-Saint-Denis", "Val-de-Marne", "Haute-Savoie", "Corse-du-Sud", "Bas-Rhin", "Puy-de-Dôme",
              "Morbihan", "Gironde", "Nord", "Hérault", "Isère", "Côtes-d'Armor", "Charente-Maritime"]
HOSPITALS = ["hôpital Sainte-Anne", "CHU de Saint-Étienne", "clinique Pasteur", "hôpital Saint-Louis",
             "CHU Pellegrin", "hôpital Edouard-Herriot", "clinique Saint-Jean", "centre hospitalier de Brive",
             "hôpital de la Pitié-Salpêtrière", "hôpital Necker", "clinique du Parc", "CHU de Rennes (Pontchaillou)",
             "hôpital Bichat", "clinique Sainte-Marguerite", "hôpital Foch"]
DRUGS = ["Doliprane 1000 mg", "Lévothyrox 75 µg", "Kardégic 75 mg", "Spasfon", "Dafalgan 500 mg",
         "Amoxicilline 1 g", "Augmentin 1 g/125 mg", "Metformine 850 mg", "Ventoline 100 µg", "Inexium 20 mg",
         "Tahor 20 mg", "Xarelto 20 mg", "Eliquis 5 mg", "Seresta 10 mg", "Lyrica 75 mg", "Humalog KwikPen",
         "Ozempic 0,5 mg", "Previscan 20 mg", "Piascledine 300", "Smecta", "Gaviscon", "Efferalgan codéine",
         "Forlax 10 g", "Voltarène gel", "Toplexil", "Mopral 20 mg", "Bisoprolol 2,5 mg", "Dépakine 500 mg"]
COMPANIES = ["SARL Transports Vélin", "SAS Boulangerie du Marché", "Menuiserie Atlantique SAS", "Clinique Vétérinaire des Pins",
             "SA Rhône Logistique", "SCOP Imprimerie Nouvelle", "EURL Plomberie Service 44", "Groupe Hôtelier Côte Basque",
             "Association Aide à Domicile du Pays de Morlaix", "SAS Métallerie Vosgienne", "Cabinet d'expertise comptable Sud Conseil",
             "Supermarché Proxi Centre", "Entreprise Bâtiment Rénovation Picarde", "SAS Laboratoire d'analyses BioOuest",
             "Garage de la Croix Blanche", "SARL Le Petit Marchand", "Atelier Rose & Blanc", "SAS Pierre et Terre"]
MUTUELLES = ["Mutuelle Horizon Santé", "MHS", "Mutuelle des Trois Rivières", "Solidaire Prévoyance", "Mutuelle Atlantique"]
SOFTWARE = ["Outlook", "Teams", "SharePoint", "Salesforce", "GED Alfresco", "le portail Adhérent", "l'appli MaMutuelle",
            "SESAM-Vitale 1.40", "Kibana", "Grafana", "Postman", "Jira", "Excel", "PDF Creator", "ScanPro 7", "Zoom"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MAIL_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "wanadoo.fr", "hotmail.fr", "yahoo.fr", "laposte.net", "sfr.fr",
                "outlook.fr", "icloud.com", "protonmail.com", "bbox.fr"]
CORP_DOMAIN = "mutuelle-horizon.fr"

# ----------------------------------------------------------------------------- helpers


def M(label: str, s: str) -> str:
    return f"⟦{label}|{s}⟧"


def ch(seq):
    return R.choice(seq)


def p(x: float) -> bool:
    return R.random() < x


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("'", "").replace(" ", "")


NUM_WORDS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
             "treize", "quatorze", "quinze", "seize"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def fr_number(n: int) -> str:
    if n < 17:
        return NUM_WORDS[n]
    if n < 20:
        return "dix-" + NUM_WORDS[n - 10]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0:
            return TENS[t]
        if u == 1:
            return TENS[t] + " et un"
        return TENS[t] + "-" + NUM_WORDS[u]
    if n < 80:
        if n == 71:
            return "soixante et onze"
        return "soixante-" + fr_number(n - 60)
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + fr_number(n - 80)


class Person:
    def __init__(self, sex=None, min_year=1935, max_year=2008):
        self.sex = sex or ch("MF")
        self.given = ch(GIVEN_M if self.sex == "M" else GIVEN_F)
        if p(0.06):
            self.given = ch(["Pierre", "Martin"] if self.sex == "M" else ["Rose", "Blanche"])
        self.sur = ch(WORD_SURNAMES) if p(0.12) else ch(SURNAMES)
        y = R.randint(min_year, max_year)
        self.dob = dt.date(y, R.randint(1, 12), R.randint(1, 28))
        if p(0.08):
            dep, com = "99", ch([350, 352, 351, 139, 109, 127, 341, 243])
        else:
            dep = ch(DEPARTEMENTS)
            com = R.randint(1, 95) if len(dep) == 3 else R.randint(1, 899)
        self.nir = make_nir(self.sex, y, self.dob.month, dep, com, R.randint(1, 999))
        self.mobile = ch("67") + "".join(str(R.randint(0, 9)) for _ in range(8))
        self.mobile = "0" + self.mobile
        self.fixe = "0" + ch("123459") + "".join(str(R.randint(0, 9)) for _ in range(8))
        self.cp, self.city = ch(CITIES)
        self.num = str(R.randint(1, 148)) + (ch(["", "", "", "", " bis", "B", " ter"]))
        self.street = ch(STREETS)
        self.civ = "M." if self.sex == "M" else "Mme"

    # names -------------------------------------------------------------------
    def name(self, mode=None):
        mode = mode or ch(["GS", "GS", "GS", "SG_UP", "S", "I_S", "GS_UP", "S_UP", "G"])
        g, s = self.given, self.sur
        if mode == "I_S" and g[0] == "M":  # "M. Dupont" would read as a civility
            mode = "GS"
        return {
            "GS": f"{g} {s}", "SG_UP": f"{s.upper()} {g}", "S": s, "I_S": f"{g[0]}. {s}", "GS_UP": f"{g} {s}".upper(),
            "S_UP": s.upper(), "G": g, "SG": f"{s} {g}", "low": f"{g} {s}".lower(), "S_G_UP": f"{s.upper()} {g.upper()}",
        }[mode]

    def P(self, mode=None):
        return M("PERSON", self.name(mode))

    def civname(self, mode=None):
        mode = mode or ch(["GS", "S", "S", "S_UP", "SG_UP", "I_S"])
        civ = self.civ if p(0.7) else ("Monsieur" if self.sex == "M" else "Madame")
        return f"{civ} {self.P(mode)}"

    # identifiers ---------------------------------------------------------------
    def DOB(self, fmt=None):
        fmt = fmt or ch(["dmy", "dmy", "dmy", "long", "dmy-", "dmy2", "dmy."])
        return M("DATE_OF_BIRTH", fmt_date(self.dob, fmt))

    def NIR(self, fmt=None):
        return M("NIR", fmt_nir(self.nir, fmt))

    def PHONE(self, which="mobile", fmt=None):
        return M("PHONE", fmt_phone(self.mobile if which == "mobile" else self.fixe, fmt))

    def email(self, domain=None):
        g, s = ascii_fold(self.given).lower(), ascii_fold(self.sur).lower()
        local = ch([f"{g}.{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}{s}{R.randint(1, 99)}", f"{g}-{s}",
                    f"{g}.{s}{self.dob.year % 100:02d}", f"{s}{g[0]}"])
        return f"{local}@{domain or ch(MAIL_DOMAINS)}"

    def EMAIL(self, domain=None):
        return M("EMAIL", self.email(domain))

    def ADDR(self, fmt=None, up=False):
        fmt = fmt or ch(["nl", "nl", "comma", "inline", "street"])
        street = f"{self.num}{',' if p(0.25) else ''} {self.street}"
        city = self.city.upper() if (up or p(0.4)) else self.city
        if up:
            street = street.upper()
        extra = ""
        if p(0.15):
            extra = ch(["Bât. C, ", "Résidence Les Glycines, ", "Appt 12, ", "Esc. 2, "])
        if fmt == "nl":
            return M("ADDRESS", f"{extra}{street}\n{self.cp} {city}")
        if fmt == "comma":
            return M("ADDRESS", f"{extra}{street}, {self.cp} {city}")
        if fmt == "inline":
            return M("ADDRESS", f"{extra}{street} {self.cp} {city}")
        return M("ADDRESS", f"{extra}{street}")


def fmt_date(d: dt.date, fmt=None):
    fmt = fmt or ch(["dmy", "dmy", "dmy", "long", "dmy-", "iso", "dmy2", "dmy.", "my"])
    return {
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}", "dmy-": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dmy.": f"{d.day:02d}.{d.month:02d}.{d.year}", "long": f"{d.day if d.day > 1 else '1er'} {MONTHS[d.month - 1]} {d.year}",
        "iso": d.isoformat(), "dmy2": f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}", "my": f"{MONTHS[d.month - 1]} {d.year}",
        "y": str(d.year), "compact": f"{d.day:02d}{d.month:02d}{d.year}", "ymd": d.strftime("%Y%m%d"),
    }[fmt]


def fmt_nir(n: str, fmt=None):
    fmt = fmt or ch(["grp", "grp", "plain", "grp_key", "dots", "dash", "nokey", "grp2"])
    g = [n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:15]]
    if fmt == "grp":
        return " ".join(g)
    if fmt == "grp_key":
        return " ".join(g[:6]) + " - " + g[6]
    if fmt == "grp2":
        return " ".join(g[:6]) + " " + g[6]
    if fmt == "dots":
        return ".".join(g)
    if fmt == "dash":
        return "-".join(g[:6]) + "-" + g[6]
    if fmt == "nokey":
        return ch([n[:13], " ".join(g[:6])])
    if fmt == "spaced13":
        return n[:13] + " " + n[13:]
    return n


def fmt_phone(num: str, fmt=None):
    fmt = fmt or ch(["sp", "sp", "sp", "dot", "dash", "plain", "intl", "intl0", "0033", "intlplain"])
    pairs = [num[i:i + 2] for i in range(0, 10, 2)]
    rest = num[1:]
    rp = [rest[0]] + [rest[i:i + 2] for i in range(1, 9, 2)]
    return {
        "sp": " ".join(pairs), "dot": ".".join(pairs), "dash": "-".join(pairs), "plain": num,
        "intl": "+33 " + " ".join(rp), "intl0": "+33 (0)" + " ".join(rp), "0033": "0033 " + " ".join(rp),
        "intlplain": "+33" + rest, "intldot": "+33." + ".".join(rp),
    }[fmt]


def new_phone(prefix=None):
    return "0" + (prefix or ch("1234567")) + "".join(str(R.randint(0, 9)) for _ in range(8))


def PH(num=None, fmt=None):
    return M("PHONE", fmt_phone(num or new_phone(), fmt))


def new_siren():
    return make_siren(R.randint(10_000_000, 99_999_999))


def new_siret():
    return make_siret(new_siren(), R.randint(1, 300))


def fmt_siret(s: str, fmt=None):
    fmt = fmt or ch(["plain", "grp", "grp", "grp4"])
    if len(s) == 9:
        return s if fmt == "plain" else f"{s[:3]} {s[3:6]} {s[6:]}"
    if fmt == "plain":
        return s
    if fmt == "grp4":
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:13]} {s[13]}"
    return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"


def SIRET(s=None, fmt=None):
    return M("SIRET", fmt_siret(s or new_siret(), fmt))


def SIREN(fmt=None):
    return M("SIRET", fmt_siret(new_siren(), fmt))


def new_iban():
    bank = ch([30004, 30003, 20041, 10278, 11315, 16606, 18206, 30002, 10907, 13507, 42559, 12506])
    return make_fr_iban(bank, R.randint(1, 99999), R.randint(1, 99_999_999_999))


def IBAN(fmt=None):
    s = new_iban()
    fmt = fmt or ch(["grp", "grp", "plain", "grpdash"])
    if fmt == "grp":
        s = format_iban(s)
    elif fmt == "grpdash":
        s = format_iban(s).replace(" ", "-")
    return M("IBAN", s)


def new_rpps():
    body = "10" + "".join(str(R.randint(0, 9)) for _ in range(8))
    return body + luhn_check_digit(body)


def RPPS(fmt=None):
    s = new_rpps()
    if fmt == "sp" or (fmt is None and p(0.2)):
        s = f"{s[:1]} {s[1:6]} {s[6:]}"
    return M("RPPS", s)


def ADELI():
    s = ch(["75", "69", "13", "33", "29", "59", "44", "06", "31", "92"]) + ch(["10", "40", "50", "60", "91", "93", "28", "44", "86"]) + \
        "".join(str(R.randint(0, 9)) for _ in range(5))
    if p(0.2):
        s = f"{s[:2]} {s[2:4]} {s[4:]}"
    return M("ADELI", s)


# ----------------------------------------------------------------------------- traps (never labelled)

def rnd_digits(n, first=None):
    s = (first or str(R.randint(1, 9))) + "".join(str(R.randint(0, 9)) for _ in range(n - 1))
    return s


def trap9():
    while True:
        s = rnd_digits(9)
        if not luhn_valid(s):
            return s


def trap14():
    while True:
        s = rnd_digits(14)
        if not luhn_valid(s):
            return s


def trap_finess():
    while True:
        s = ch(["75", "69", "13", "33", "29", "59", "44", "2A", "06", "31", "42", "97"]) + rnd_digits(7, "0")
        if s.startswith("2A"):
            s = "2A" + s[2:]
            return s
        if not luhn_valid(s):
            return s


def trap_nir15():
    """15 digits shaped like a NIR but with a wrong key."""
    while True:
        n13 = ch("12") + rnd_digits(12, str(R.randint(0, 9)))
        k = R.randint(1, 97)
        if k != nir_key(n13):
            return n13 + f"{k:02d}"


def cip13():
    return "34009" + rnd_digits(8, str(R.randint(3, 9)))


def care_date(fmt=None):
    d = dt.date(2025, 1, 1) + dt.timedelta(days=R.randint(-500, 320))
    return fmt_date(d, fmt or ch(["dmy", "dmy", "long", "dmy2"])), d


def amount():
    return f"{R.randint(2, 2400)},{R.randint(0, 99):02d} €".replace(".", ",")


def contract_no():
    return ch([f"CT-{R.randint(2019, 2026)}-{R.randint(1, 999999):06d}", f"ADH{R.randint(100000, 9999999)}",
               f"{R.randint(10, 99)}/{R.randint(1000, 99999)}/{ch('ABCDEF')}", f"CTR{R.randint(10**7, 10**8-1)}"])


def claim_no():
    return ch([f"SIN-{R.randint(2023, 2026)}-{R.randint(1, 99999):05d}", f"REC{R.randint(100000, 999999)}",
               f"PRV-{R.randint(2023, 2026)}-{R.randint(1, 9999):04d}", f"DOS{R.randint(10**6, 10**7-1)}",
               f"#{R.randint(100000, 999999)}"])


def invoice_no():
    return ch([f"FA-{R.randint(2024, 2026)}-{R.randint(1, 99999):05d}", f"F{R.randint(10**6, 10**7-1)}",
               f"{R.randint(2024, 2026)}{R.randint(1, 12):02d}-{R.randint(1, 9999):04d}"])


CCAM = ["HBLD038", "HBMD351", "HBLD490", "HBBD005", "LBLD004", "YYYY183", "BFGA004", "QZFA031", "HBGD035", "NFKA006",
        "JQGD010", "ZCQK004", "DEQP003", "AHQB001"]
LPP = ["2210546", "2228741", "2243304", "2355084", "2337350", "2235776", "2105100", "2402360", "1138740"]
NGAP = ["C", "G", "APC", "AMI 4", "AMK 7,5", "SF 10", "K 20", "TCG", "MCG", "AMS 9,5"]
TEETH = ["11", "16", "21", "26", "36", "37", "46", "47", "24", "14"]

# ----------------------------------------------------------------------------- parser


MARK = re.compile(r"⟦([A-Z_]+)\|(.*?)⟧", re.S)


def ocr_noise(s: str) -> str:
    def word(m):
        w = m.group(0)
        r = R.random()
        if r < 0.05:
            for a, b in (("o", "0"), ("l", "1"), ("I", "l"), ("rn", "m"), ("e", "c"), ("i", "l")):
                if a in w[1:]:
                    k = w.index(a, 1)
                    return w[:k] + b + w[k + len(a):]
        elif r < 0.08 and len(w) >= 8:
            k = R.randint(3, len(w) - 3)
            return w[:k] + "-\n" + w[k:]
        return w
    s = re.sub(r"[A-Za-zÀ-ÿ]{5,}", word, s)
    s = re.sub(r" (?=[a-z])", lambda m: "  " if R.random() < 0.03 else " ", s)
    return s


def render(marked: str, noise=None):
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(marked):
        plain = marked[pos:m.start()]
        if noise:
            plain = noise(plain)
        text.append(plain)
        out_len += len(plain)
        val = m.group(2)
        assert "⟦" not in val and val == val.strip() and val, (m.group(0))
        spans.append([out_len, out_len + len(val), m.group(1)])
        text.append(val)
        out_len += len(val)
        pos = m.end()
    tail = marked[pos:]
    text.append(noise(tail) if noise else tail)
    s = "".join(text)
    assert "⟦" not in s and "⟧" not in s, s[:200]
    return s, spans


# ----------------------------------------------------------------------------- shared fragments

def stray(s: str, prob=0.5) -> str:
    """OCR: one stray space inside a digit group (digits kept correct)."""
    if not p(prob):
        return s
    idx = [i for i in range(1, len(s)) if s[i].isdigit() and s[i - 1].isdigit()]
    if not idx:
        return s
    k = ch(idx)
    return s[:k] + " " + s[k:]


def corp_addr(fmt="nl"):
    num = R.randint(1, 120)
    st = ch(STREETS)
    cp, city = ch(CITIES)
    sep = "\n" if fmt == "nl" else (", " if fmt == "comma" else " ")
    return M("ADDRESS", f"{num} {st}{sep}{cp} {city.upper() if p(0.5) else city}")


def at_hosp():
    h = ch(HOSPITALS)
    if h.startswith("hôpital"):
        return "à l'" + h
    if h.startswith("CHU") or h.startswith("centre"):
        return "au " + h
    return "à la " + h


def le_drug():
    d = ch(DRUGS)
    return ("l'" if d[0] in "AEIOUÉ" else "le ") + d


def mutuelle():
    return ch(MUTUELLES)


def hhmm():
    return f"{R.randint(7, 19):02d}:{R.randint(0, 59):02d}"


class Clock:
    def __init__(self):
        self.m = R.randint(7 * 60, 20 * 60)

    def __call__(self):
        self.m += R.randint(0, 6)
        return f"{self.m // 60:02d}:{self.m % 60:02d}"


def mail_date():
    d = dt.date(2025, 1, 1) + dt.timedelta(days=R.randint(-300, 320))
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year} {hhmm()}"


def neg_sentence():
    cd, _ = care_date()
    cd2, _ = care_date()
    opts = [
        lambda: f"Pouvez-vous nous transmettre la facture acquittée du {cd} ?",
        lambda: f"Merci de rappeler le numéro de contrat {contract_no()} dans toute correspondance.",
        lambda: "Délai de traitement : 10 jours ouvrés à compter de la réception du dossier complet.",
        lambda: f"Suite à la mise à jour de {ch(SOFTWARE)}, les bordereaux du {cd} ont été rejetés (code erreur E{R.randint(100, 999)}).",
        lambda: f"{le_drug().capitalize()} est remboursé à 65 % par l'Assurance Maladie ; le ticket modérateur reste à la charge de la mutuelle.",
        lambda: f"Acte CCAM {ch(CCAM)} sur la dent {ch(TEETH)}, honoraires {amount()}, base de remboursement {amount()}.",
        lambda: f"Code LPP {ch(LPP)} : prise en charge dans la limite du panier 100 % Santé.",
        lambda: f"Numéro FINESS de l'établissement : {trap_finess()}.",
        lambda: f"Référence du lot télétransmis : {trap14()}.",
        lambda: f"Identifiant de la demande : {trap_nir15()} (à reporter sur le bordereau).",
        lambda: f"Le centre de gestion de {ch(PLACES)} traite désormais les dossiers du département {ch(DEPT_NAMES)}.",
        lambda: f"Établissement : {ch(HOSPITALS)} ; bulletin de situation transmis le {cd2}.",
        lambda: f"Les travaux de la {ch(STREETS)} perturbent l'accès à l'agence jusqu'en {ch(MONTHS)}.",
        lambda: "Petit rappel : le forfait journalier hospitalier est de 20 € par jour.",
        lambda: f"AMI 4 + IFD facturés le {cd}, soit {amount()} au total.",
        lambda: f"Montant total : {amount()} dont {amount()} de dépassements d'honoraires.",
        lambda: f"Le taux de cotisation passe à {R.randint(1, 3)},{R.randint(0, 99):02d} % du PMSS au 1er {ch(MONTHS)}.",
        lambda: f"En {ch(MONTHS)}, {R.randint(20, 98)} % des dossiers ont été réglés en moins de 48 heures.",
        lambda: "Doliprane et Lévothyrox ne sont pas concernés par la baisse du taux de remboursement.",
        lambda: f"Date de soins : {cd} ; âge du patient au moment des soins : {R.randint(2, 90)} ans.",
        lambda: "Merci de ne pas agrafer les justificatifs.",
        lambda: f"Facture n° {invoice_no()} du {cd2}, réglée par chèque n° {R.randint(1000000, 9999999)}.",
        lambda: f"Le dossier {claim_no()} est clos depuis le {cd}.",
        lambda: "Blanc d'œuf, pierre d'alun et eau de rose ne sont pas des dispositifs médicaux remboursables.",
        lambda: f"Le marchand de matériel médical de {ch(PLACES)} facture la location du lit médicalisé {amount()} par mois.",
        lambda: f"Le code regroupement {ch(['ODT', 'SDE', 'TDS', 'PRO', 'INO', 'AXI'])} concerne les actes de la dent {ch(TEETH)}.",
        lambda: f"Un petit boulanger de la Creuse n'a pas les mêmes besoins qu'une PME de {ch(PLACES)}.",
        lambda: f"Flux NOEMIE : {R.randint(10, 900)} retours reçus le {cd}, dont {R.randint(1, 9)} en anomalie.",
        lambda: f"Pensez à la Saint-Martin : l'agence sera fermée le 11 novembre.",
        lambda: "Optique : un équipement (monture + verres) tous les deux ans, sauf évolution de la vue.",
        lambda: "Rose ou blanche, la carte de tiers payant change de couleur chaque année.",
        lambda: "Pierre angulaire du dispositif, le 100 % Santé supprime le reste à charge sur certains équipements.",
        lambda: "Martin-pêcheur, Mont-Blanc, Pierre-Bénite : les trois parcours de la course solidaire du CSE.",
        lambda: "Petit à petit, le délai moyen de remboursement diminue.",
        lambda: "Le meunier, le boucher et le boulanger relèvent de la convention collective de l'artisanat alimentaire.",
        lambda: "Berger allemand ou chat de gouttière : la mutuelle animaux n'est pas incluse dans votre contrat.",
        lambda: f"Noël approche : les bureaux de {ch(PLACES)} fermeront à 16 h le 24 décembre.",
        lambda: "Vaillant et fiable, le nouveau logiciel de tarification a traité 12 000 factures en une nuit.",
        lambda: f"Chevalier de la Légion d'honneur ou non, chacun paie la même cotisation (article {R.randint(1, 60)} du règlement).",
        lambda: f"Indemnités journalières versées du {cd} au {cd2} selon l'attestation de salaire.",
        lambda: f"Carte tiers payant valable jusqu'au 31/12/{R.randint(2025, 2027)}.",
        lambda: f"Prothèse dentaire : couronne céramo-métallique (CCAM {ch(CCAM)}), plafond annuel de {R.randint(300, 1500)} €.",
        lambda: f"Les assurés nés avant 1960 conservent l'ancien barème.",
        lambda: f"Vérifier que le RIB est bien au nom de l'adhérent avant tout virement.",
    ]
    return ch(opts)()


def negs(k):
    return " ".join(neg_sentence() for _ in range(k))


NEG_HEADINGS = ["TABLEAU DES GARANTIES 2026", "NOTICE D'INFORMATION", "JUSTIFICATIFS À FOURNIR",
                "CONDITIONS GÉNÉRALES", "RÈGLEMENT MUTUALISTE", "FOIRE AUX QUESTIONS", "COMPTE RENDU DE TRAITEMENT",
                "BORDEREAU DE RÉGLEMENT", "NOTE DE SERVICE", "PROCÉDURE INTERNE"]


# ============================================================================= style 1: ocr

def ocr_pos():
    a = Person()
    mu = mutuelle()
    cd, _ = care_date()
    t = R.randint(0, 4)
    if t == 0:
        kid = Person(sex=None, min_year=2008, max_year=2022)
        kid.sur = a.sur
        return (f"{a.P(ch(['GS', 'SG_UP', 'GS_UP']))}\n{a.ADDR('nl')}\nTél : {M('PHONE', stray(fmt_phone(a.mobile, 'sp'), 0.3))}\n\n"
                f"                                        {mu}\n                                        Service Prestations\n"
                f"                                        {corp_addr('nl')}\n\n"
                f"{a.city}, le {cd}\n\nV/Réf : {contract_no()}\nN/Réf : {claim_no()}\n"
                f"Objet : demande de remboursement — frais d'orthodontie\n\nMadame, Monsieur,\n\n"
                f"Je vous prie de trouver ci-joint la facture de l'orthodontiste concernant {'ma fille' if kid.sex == 'F' else 'mon fils'} {kid.P('G')}, "
                f"{'née' if kid.sex == 'F' else 'né'} le {kid.DOB('dmy')}, ayant droit sur mon contrat. Le traitement a débuté en {ch(MONTHS)} "
                f"(acte CCAM {ch(CCAM)}, semestre {R.randint(1, 6)}). Mon numéro de sécurité sociale est le "
                f"{M('NIR', stray(fmt_nir(a.nir, 'grp'), 0.6))}.\n\n"
                f"Dans l'attente de votre réponse, je vous prie d'agréer, Madame, Monsieur, l'expression de mes "
                f"salutations distinguées.\n\n{a.P(ch(['GS', 'I_S']))}\n\nP.J. : facture n° {invoice_no()}, RIB")
    if t == 1:
        dr = Person()
        return (f"DEMANDE DE PRISE EN CHARGE HOSPITALIÈRE\n\nNom : {M('PERSON', a.sur.upper())}        Prénom : {a.P('G')}\n"
                f"Date de naissance : {M('DATE_OF_BIRTH', stray(fmt_date(a.dob, 'dmy'), 0.3))}\n"
                f"N° de Sécurité Sociale : {M('NIR', stray(fmt_nir(a.nir, ch(['grp', 'plain'])), 0.6))}\n"
                f"Adresse : {a.ADDR(ch(['inline', 'comma']))}\n"
                f"Téléphone : {M('PHONE', stray(fmt_phone(a.fixe, ch(['sp', 'dot'])), 0.4))}\n\n"
                f"Établissement : {ch(HOSPITALS)}\nN° FINESS : {trap_finess()}\n"
                f"Date d'entrée prévue : {cd}     Durée : {R.randint(1, 12)} jours\n"
                f"Médecin : Dr {dr.P(ch(['S_UP', 'GS', 'I_S']))}     RPPS : {RPPS()}\n"
                f"Discipline : {ch(['chirurgie', 'médecine', 'maternité', 'psychiatrie', 'SSR'])}   DMT : {R.randint(100, 999)}\n\n"
                f"Cadre réservé à la mutuelle — accord n° {claim_no()}\n- 1 -")
    if t == 2:
        emp = ch(COMPANIES)
        sig = Person()
        a = Person(min_year=1960, max_year=2003)
        d1 = dt.date(2025, 1, 1) + dt.timedelta(days=R.randint(-400, 250))
        cd, cd2 = fmt_date(d1, "dmy"), fmt_date(d1 + dt.timedelta(days=R.randint(5, 120)), "dmy")
        return (f"{emp}\n{corp_addr('nl')}\nSIRET : {M('SIRET', stray(fmt_siret(new_siret(), 'grp'), 0.5))}\n"
                f"Tél. {PH(new_phone(ch('12345')), 'dot')}\n\n"
                f"ATTESTATION DE SALAIRE — ARRÊT DE TRAVAIL\n\n"
                f"Je soussigné(e) {sig.P(ch(['GS', 'SG_UP']))}, agissant en qualité de responsable paie, certifie que "
                f"{a.civname()}, né(e) le {a.DOB()}, demeurant {a.ADDR('comma')}, est employé(e) dans notre entreprise "
                f"depuis le {fmt_date(dt.date(R.randint(1990, 2022), R.randint(1, 12), R.randint(1, 28)), 'dmy')} et a été en arrêt de travail du {cd} au {cd2}.\n"
                f"Salaire brut des 3 derniers mois : {amount()} / {amount()} / {amount()}.\n"
                f"N° SS : {M('NIR', stray(fmt_nir(a.nir, 'grp'), 0.5))}\n\nFait à {ch(PLACES)}, le {care_date('dmy')[0]}\n"
                f"Cachet et signature")
    if t == 3:
        ges = Person()
        return (f"{mu.upper()}\n{corp_addr('nl')}\n\n"
                f"{a.civname('S_UP') if p(0.5) else a.civ + ' ' + a.P('SG_UP')}\n{a.ADDR('nl', up=p(0.5))}\n\n"
                f"N/Réf : {claim_no()}  —  Dossier suivi par : {ges.P(ch(['GS', 'I_S']))}\n"
                f"Objet : votre demande de remboursement du {cd}\n\n"
                f"Madame, Monsieur,\n\nNous avons bien reçu votre demande concernant les soins de {ch(['kinésithérapie', 'pédicurie', 'ostéopathie', 'psychologie'])} "
                f"réalisés {at_hosp()}. Après étude, un complément de {amount()} sera versé sur le compte "
                f"{IBAN('grp')} sous 8 jours. {neg_sentence()}\n\n"
                f"Pour toute question, votre conseiller est joignable au {PH(new_phone('9'), ch(['sp', 'dot']))}.\n\n"
                f"Le Service Prestations\n\n{mu} — mutuelle régie par le livre II du Code de la mutualité — "
                f"SIREN {M('SIRET', stray(fmt_siret(new_siren(), 'grp'), 0.4))}\nPage 1/1")
    kid = Person(min_year=1990, max_year=2010)
    return (f"BULLETIN DE CHANGEMENT DE SITUATION\n\n1. ADHÉRENT\nNom : {M('PERSON', a.sur.upper())}   Prénom(s) : {a.P('G')}\n"
            f"Né(e) le : {a.DOB(ch(['dmy', 'dmy.', 'dmy-']))}\nN° SS : {M('NIR', stray(fmt_nir(a.nir, 'grp'), 0.6))}\n"
            f"Ancienne adresse : {M('ADDRESS', str(R.randint(1, 90)) + ' ' + ch(STREETS) + ', ' + ' '.join(ch(CITIES)))}\n"
            f"Nouvelle adresse : {a.ADDR('inline')}\nCourriel : {a.EMAIL()}\n\n"
            f"2. AYANT DROIT À AJOUTER\nNom Prénom : {kid.P(ch(['SG_UP', 'S_G_UP']))}   Lien : {ch(['conjoint', 'enfant', 'concubin'])}\n"
            f"Date de naissance : {kid.DOB('dmy')}\n\nDate d'effet souhaitée : {cd}\nSignature :")


def ocr_neg():
    t = R.randint(0, 2)
    mu = mutuelle()
    if t == 0:
        return (f"{ch(NEG_HEADINGS)}\n\n{mu.upper()}\n\nV/Réf : {contract_no()}\nN/Réf : {claim_no()}\n"
                f"Objet : {ch(['Relevé de prestations', 'Rejet de télétransmission', 'Mise à jour des garanties'])}\n\n"
                f"Madame, Monsieur,\n\n{negs(3)}\n\n{negs(2)}\n\nLe Service Adhérents\n- 2 -")
    if t == 1:
        rows = "\n".join(f"{care_date('dmy')[0]}  {ch(NGAP + CCAM)}  {amount()}  {amount()}  {R.randint(30, 100)} %"
                         for _ in range(R.randint(3, 7)))
        return (f"DÉCOMPTE DE REMBOURSEMENTS\nPériode : {ch(MONTHS)} {R.randint(2024, 2026)}\nContrat {contract_no()}\n\n"
                f"Date soins   Acte   Dépense   Remb. SS   Taux\n{rows}\n\n{negs(2)}\nPage 1/1")
    return (f"NOTICE — {ch(['OPTIQUE', 'DENTAIRE', 'AUDIOLOGIE', 'HOSPITALISATION'])}\n\n{negs(4)}\n\n"
            f"Établissements partenaires : {ch(HOSPITALS)}, {ch(HOSPITALS)} (Saint-Étienne), clinique de l'Ormeau.\n{negs(1)}")


# ============================================================================= style 2: courriel_transfere

TITLES = ["Gestionnaire Prestations Santé", "Conseillère Adhérents", "Responsable Pôle Réclamations",
          "Chargé de clientèle Entreprises", "Médecin-conseil", "Assistante de direction", "Délégué commercial",
          "Juriste — Service Contentieux", "Chef de projet SI", "Responsable Prévoyance collective"]
DISCLAIMER = ("Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses "
              "destinataires. Toute utilisation non conforme à sa destination est interdite. Si vous recevez ce "
              "message par erreur, merci de le détruire et d'en avertir immédiatement l'expéditeur.")


def signature(x: Person, corp=True):
    lines = [x.P(ch(["GS", "GS", "I_S", "GS_UP"])), ch(TITLES)]
    if corp:
        lines.append(mutuelle())
        if p(0.5):
            lines.append(corp_addr(ch(["nl", "comma"])))
    tel = []
    if p(0.8):
        tel.append(f"{ch(['Tél.', 'Tél :', 'T.', 'Ligne directe :'])} {x.PHONE('fixe', ch(['sp', 'dot', 'intl']))}")
    if p(0.6):
        tel.append(f"{ch(['Mob.', 'Portable :', 'M.', 'GSM'])} {x.PHONE('mobile')}")
    if p(0.2):
        tel.append(f"Fax {PH(new_phone(ch('1234')), 'sp')}")
    lines.append(ch([" | ", "\n", " - "]).join(tel)) if tel else None
    return "\n".join(l for l in lines if l)


def header(frm: Person, to: Person, subj, fwd=True, cc=None):
    frm_mail = frm.email(CORP_DOMAIN if p(0.5) else None)
    to_mail = to.email(CORP_DOMAIN)
    h = (f"{ch(['De :', 'De :', 'From:', 'Expéditeur :'])} {frm.P(ch(['GS', 'SG_UP', 'GS']))} <{M('EMAIL', frm_mail)}>\n"
         f"{ch(['Envoyé :', 'Date :', 'Sent:'])} {mail_date()}\n"
         f"{ch(['À :', 'To:', 'Pour :'])} {to.P(ch(['GS', 'SG_UP']))} <{M('EMAIL', to_mail)}>\n")
    if cc:
        h += f"Cc : {cc.P('GS')} <{cc.EMAIL(CORP_DOMAIN)}>\n"
    h += f"Objet : {'TR: ' if fwd else 'RE: '}{subj}\n"
    return h


def quote(s: str) -> str:
    return "\n".join("> " + l if l else ">" for l in s.split("\n"))


def courriel_pos():
    a, g1, g2 = Person(), Person(), Person()
    cc = Person() if p(0.4) else None
    subj = ch(["Réclamation remboursement dentaire", "Demande de résiliation", "Changement de RIB", "Dossier prévoyance",
               "Devis optique", "Attestation de droits", "Urgent - relance adhérent", "Pb carte tiers payant"])
    t = R.randint(0, 3)
    if t == 0:
        inner = (f"Bonjour,\n\nJe suis adhérent{'e' if a.sex == 'F' else ''} sous le contrat {contract_no()}. "
                 f"Mon numéro de sécurité sociale est {a.NIR()} et je suis né{'e' if a.sex == 'F' else ''} le {a.DOB()}.\n"
                 f"Je n'ai toujours pas reçu le remboursement de ma couronne (dent {ch(TEETH)}).\n"
                 f"Vous pouvez me joindre au {a.PHONE('mobile')}.\n\nCordialement,\n{a.P(ch(['GS', 'SG_UP']))}")
        orig = (f"De : {a.P('GS')} <{a.EMAIL()}>\nEnvoyé : {mail_date()}\nÀ : contact <{M('EMAIL', 'contact@' + CORP_DOMAIN)}>\n"
                f"Objet : {subj}\n\n{inner}")
        body = (f"Bonjour {g2.P('G')},\n\nPeux-tu regarder ce dossier ? {a.civname()} nous relance pour la troisième fois.\n\n"
                f"Merci,\n{signature(g1)}\n\n-----Message d'origine-----\n{orig}")
        return header(g1, g2, subj, True, cc) + "\n" + body + f"\n\n{DISCLAIMER}"
    if t == 1:
        inner = (f"Madame,\n\nSuite à mon déménagement au {a.ADDR('inline')}, merci de mettre à jour mon dossier.\n"
                 f"Nouveau RIB : {IBAN()}\nTél fixe : {a.PHONE('fixe')}\n\n{a.P('GS')}")
        return (header(g1, g2, subj, True) + f"\nPour traitement.\n\n{g1.P(ch(['G', 'GS']))}\n\n"
                f"Le {mail_date()}, {a.P('GS')} <{a.EMAIL()}> a écrit :\n{quote(inner)}\n")
    if t == 2:
        emp = ch(COMPANIES)
        rh = Person()
        inner = (f"Bonjour,\n\nNous vous informons du décès de notre salarié {rh.civ if False else a.civ} {a.P(ch(['GS', 'SG_UP']))}, "
                 f"né le {a.DOB()}, survenu le {care_date()[0]}. Vous trouverez en pièce jointe l'acte de décès.\n"
                 f"Entreprise : {emp}, SIRET {SIRET()}.\n\nBien cordialement,\n{rh.P('GS')}\nService RH — {emp}\n"
                 f"{corp_addr('comma')}\n{rh.PHONE('fixe', 'sp')}")
        return (header(g1, g2, "Déclaration de décès — capital décès", True, cc) +
                f"\nBonjour,\n\nDossier prévoyance à ouvrir, les bénéficiaires seront à identifier (clause type).\n\n"
                f"{signature(g1)}\n\n________________________________\nDe : {rh.P('GS')} <{rh.EMAIL(ascii_fold(emp.split()[-1]).lower() + '.fr')}>\n"
                f"Envoyé : {mail_date()}\nÀ : prevoyance <{M('EMAIL', 'prevoyance@' + CORP_DOMAIN)}>\n"
                f"Objet : Décès d'un salarié\n\n{inner}\n\n{DISCLAIMER}")
    inner2 = (f"Bonjour {g1.P('G')},\nC'est bien l'adhérente {a.P('SG_UP')} ({a.DOB('dmy')}). Je te confirme son portable : "
              f"{a.PHONE('mobile', 'plain')}.\n{g2.P('G')}")
    inner1 = (f"Bonjour,\nJe cherche une adhérente {a.P('S')} dans {ch(SOFTWARE)}, il y en a {R.randint(2, 9)}. Tu as sa date de naissance ?\n"
              f"{g1.P('G')}")
    return (header(g2, g1, f"Homonymes {a.sur.upper()}", False) + f"\n{inner2}\n\n" +
            f"De : {g1.P('GS')}\nEnvoyé : {mail_date()}\nÀ : {g2.P('GS')}\nObjet : Homonymes\n\n{quote(inner1)}\n")


def courriel_neg():
    subj = ch(["Lot de rejets NOEMIE", "Mise à jour tableau des garanties", "Procédure tiers payant",
               "Fermeture agence", "Point hebdo indicateurs", "Nouvelle nomenclature LPP"])
    inner = f"Bonjour à tous,\n\n{negs(3)}\n\nBonne journée,\nLe Pôle Prestations"
    return (f"De : Pôle Prestations\nEnvoyé : {mail_date()}\nÀ : Équipe Gestion Santé ; Pôle Réclamations\n"
            f"Objet : TR: {subj}\n\n{negs(2)}\nMerci de diffuser.\n\n-----Message d'origine-----\n"
            f"Envoyé : {mail_date()}\nObjet : {subj}\n\n{quote(inner) if p(0.5) else inner}\n\n{DISCLAIMER}")


# ============================================================================= style 3: pharmacie

PHARMA = ["PHARMACIE DU MARCHÉ", "Pharmacie de la Gare", "PHARMACIE CENTRALE", "Grande Pharmacie Saint-Michel",
          "Pharmacie des Halles", "PHARMACIE DU PORT"]
OPTIC = ["Optique du Centre", "LUNETTERIE MODERNE", "Audition Conseil", "Optic'Atlantique", "Centre Auditif du Parc"]


def drug_lines(n):
    out = []
    for _ in range(n):
        out.append(f"{ch(DRUGS):<26} CIP {cip13()}  x{R.randint(1, 3)}  {R.randint(1, 60)},{R.randint(0, 99):02d}  {ch(['65', '30', '15', '100'])}%")
    return "\n".join(out)


def pharmacie_pos():
    a, dr = Person(), Person()
    cd, _ = care_date("dmy")
    t = R.randint(0, 3)
    if t == 0:
        return (f"{ch(PHARMA)}\n{corp_addr('nl')}\nTél {PH(new_phone(ch('12345')), ch(['sp', 'dot']))}"
                f"{' — Fax ' + PH(new_phone(ch('12345')), 'sp') if p(0.4) else ''}\n"
                f"FINESS {trap_finess()}  SIRET {SIRET()}\n\nFACTURE N° {invoice_no()} du {cd}\n"
                f"Assuré : {a.P(ch(['SG_UP', 'S_G_UP', 'GS']))}   né(e) le {a.DOB('dmy')}\nNIR : {a.NIR(ch(['plain', 'grp']))}\n"
                f"AMO : {ch(['01', '02', '03'])} {rnd_digits(3, '3')} {rnd_digits(4, '1')}   AMC : {mutuelle()}\n"
                f"Prescripteur : Dr {dr.P(ch(['S_UP', 'I_S', 'GS']))}  RPPS {RPPS()}\nPrescription du {care_date('dmy')[0]}\n\n"
                f"{drug_lines(R.randint(2, 5))}\n\nTotal : {amount()}  Part AMO : {amount()}  Part AMC : {amount()}  Reste dû : 0,00 €")
    if t == 1:
        return (f"{ch(OPTIC)}\n{corp_addr(ch(['nl', 'comma']))}\n{PH(new_phone(ch('12345')))}\n\n"
                f"DEVIS NORMALISÉ — ÉQUIPEMENT OPTIQUE\nClient : {a.civname()}  — date de naissance : {a.DOB()}\n"
                f"Prescription : Dr {dr.P(ch(['S', 'GS']))} (ophtalmologiste), RPPS {RPPS()}, du {care_date('long')[0]}\n"
                f"Opticien : {Person().P('GS')}, ADELI {ADELI()}\n\n"
                f"Monture  LPP {ch(LPP)}  {amount()}\nVerre OD unifocal  LPP {ch(LPP)}  {amount()}\nVerre OG unifocal  LPP {ch(LPP)}  {amount()}\n"
                f"Classe {ch(['A (100 % Santé)', 'B (tarifs libres)'])}\nRéf. article {trap14()}\n")
    if t == 2:
        return (f"RETOUR TIERS PAYANT — REJET\nPS : {ch(PHARMA)}  N° AM {trap9()}\n"
                f"Facture {invoice_no()} du {cd}\nBénéficiaire : {a.P(ch(['SG_UP', 'S_G_UP']))}  Date naiss. {a.DOB(ch(['dmy', 'ymd', 'compact']))}\n"
                f"Rang de naissance : {R.randint(1, 3)}\nImmatriculation : {a.NIR(ch(['plain', 'spaced13']))}\n"
                f"Motif : {ch(['Droits non ouverts à la date des soins', 'Bénéficiaire inconnu', 'Contrat résilié', 'Date de naissance incohérente'])} (code {R.randint(100, 999)})\n"
                f"Montant rejeté : {amount()}\nAction : contacter l'assuré au {a.PHONE('mobile')} ou renvoyer en SESAM dégradé.")
    aud = Person()
    return (f"{ch(OPTIC)} — Facture audioprothèse\nAudioprothésiste : {aud.P(ch(['GS', 'SG_UP']))}, ADELI {ADELI()}\n"
            f"Patient : {a.civname()}, né{'e' if a.sex == 'F' else ''} en {a.DOB('my' if p(0.5) else 'dmy')}\n"
            f"Adresse : {a.ADDR('comma')}\nMédecin ORL : Dr {dr.P('S')} — RPPS {RPPS('sp')}\n\n"
            f"Aide auditive droite  LPP {ch(LPP)}  950,00 €\nAide auditive gauche  LPP {ch(LPP)}  950,00 €\n"
            f"Piles (forfait)  LPP {ch(LPP)}  36,00 €\nN° de série : {trap9()}-{R.randint(10, 99)}\n\n"
            f"Règlement : virement depuis {IBAN('grp')}\n{neg_sentence()}")


def pharmacie_neg():
    t = R.randint(0, 1)
    if t == 0:
        return (f"{ch(PHARMA)}\nTicket de caisse — {care_date('dmy')[0]} {hhmm()}\n\n{drug_lines(R.randint(2, 5))}\n\n"
                f"Total TTC {amount()}\nFINESS {trap_finess()}\nMerci de votre visite ! Pensez à la carte Vitale.")
    return (f"{ch(['Liste des rejets', 'Rapprochement factures', 'Contrôle LPP'])} — {ch(MONTHS)}\n\n"
            + "\n".join(f"Lot {trap14()} ; FINESS {trap_finess()} ; LPP {ch(LPP)} ; {amount()} ; {ch(['REJ', 'OK', 'ATT'])}" for _ in range(R.randint(3, 6)))
            + f"\n\n{negs(2)}")


# ============================================================================= style 4: prevoyance

def prevoyance_pos():
    a = Person(min_year=1958, max_year=2002)
    emp = ch(COMPANIES)
    cd1, d1 = care_date("dmy")
    cd2 = fmt_date(d1 + dt.timedelta(days=R.randint(10, 200)), "dmy")
    sal = f"{R.randint(1700, 6500)},{R.randint(0, 99):02d} €"
    t = R.randint(0, 3)
    if t == 0:
        return (f"DOSSIER INDEMNITÉS JOURNALIÈRES n° {claim_no()}\n\nAssuré : {a.civname()}\nNé(e) le : {a.DOB()}\n"
                f"NIR : {a.NIR()}\nEmployeur : {emp} — SIRET {SIRET()}\nAdresse employeur : {corp_addr('comma')}\n"
                f"Arrêt de travail du {cd1} au {cd2} (prolongation n° {R.randint(1, 5)})\n"
                f"Salaire brut de référence : {sal} ; franchise : {ch(['30', '60', '90'])} jours continus\n"
                f"IJSS versées par la CPAM : {amount()}\nComplément à verser : {amount()} sur le compte {IBAN()}\n\n"
                f"Observations : {neg_sentence()}")
    if t == 1:
        sp = Person(sex="F" if a.sex == "M" else "M", min_year=1955, max_year=2000)
        sp.sur = a.sur if p(0.6) else sp.sur
        kids = [Person(min_year=2000, max_year=2020) for _ in range(R.randint(1, 3))]
        kl = "\n".join(f"- {k.P(ch(['G', 'GS']))}, {'née' if k.sex == 'F' else 'né'} le {k.DOB()}, {R.randint(10, 40)} %" for k in kids)
        return (f"CAPITAL DÉCÈS — ÉTUDE DE LA CLAUSE BÉNÉFICIAIRE\nContrat collectif {contract_no()} — {emp}\n\n"
                f"Assuré décédé : {a.P(ch(['SG_UP', 'GS']))}, né{'e' if a.sex == 'F' else ''} le {a.DOB('long')}, décédé{'e' if a.sex == 'F' else ''} le {care_date('long')[0]} "
                f"à {ch(PLACES)}.\nDernière adresse connue : {a.ADDR(ch(['comma', 'nl']))}\n\n"
                f"Bénéficiaires désignés :\n- {'Mme' if sp.sex == 'F' else 'M.'} {sp.P('GS')}, conjoint{'e' if sp.sex == 'F' else ''}, "
                f"{'née' if sp.sex == 'F' else 'né'} le {sp.DOB('dmy')}, joignable au {sp.PHONE('mobile')}\n{kl}\n\n"
                f"Capital : {R.randint(100, 400)} % du salaire annuel brut ({sal} mensuels), majoration enfant à charge.\n"
                f"Pièces manquantes : acte de naissance, RIB.")
    if t == 2:
        med = Person()
        return (f"Rente d'invalidité — notification\n\n{a.civname()}\n{a.ADDR('nl')}\n\nN/Réf. {claim_no()}\n\n"
                f"Madame, Monsieur,\nL'Assurance Maladie vous a classé{'e' if a.sex == 'F' else ''} en invalidité de "
                f"{ch(['1re', '2e'])} catégorie à compter du {cd1}. Après avis de notre médecin-conseil, le Dr {med.P(ch(['S', 'GS']))}, "
                f"une rente complémentaire de {amount()} par mois vous sera versée trimestriellement.\n"
                f"Vos références : NIR {a.NIR('grp')} — contrat {contract_no()}.\n"
                f"Employeur : {emp} (SIREN {SIREN()}).\n\nLe Service Prévoyance")
    rh = Person()
    return (f"Déclaration d'arrêt de travail — saisie portail entreprise\n"
            f"Entreprise : {emp}\nSIRET : {SIRET(fmt='plain')}\nContact RH : {rh.P(ch(['GS', 'SG_UP']))} — {rh.PHONE('fixe')} — {rh.EMAIL()}\n"
            f"Salarié : {M('PERSON', a.sur.upper())} {a.P('G')}\nDate de naissance : {a.DOB('dmy')}\n"
            f"N° sécurité sociale : {a.NIR('grp_key')}\nDate d'entrée : {care_date('dmy')[0]}\nCatégorie : {ch(['Cadre', 'Non cadre', 'ETAM'])}\n"
            f"Arrêt initial : {cd1}  Fin prévisible : {cd2}\nMotif : {ch(['maladie', 'accident du travail', 'maladie professionnelle', 'temps partiel thérapeutique'])}\n"
            f"Salaire annuel brut N-1 : {R.randint(20, 90)} {R.randint(100, 999)} €")


def prevoyance_neg():
    cd1, _ = care_date()
    return (f"{ch(['NOTE TECHNIQUE', 'BARÈME PRÉVOYANCE', 'PROCÉDURE INVALIDITÉ'])}\n\n"
            f"Franchise : {ch(['30', '60', '90'])} jours. {negs(2)}\nLe capital décès est égal à {R.randint(100, 400)} % du salaire "
            f"annuel brut, majoré de {R.randint(10, 40)} % par enfant à charge. Arrêts de travail déclarés entre le {cd1} et le "
            f"{care_date()[0]} : {R.randint(10, 400)} dossiers, dont {R.randint(1, 40)} en invalidité. {negs(2)}\n"
            f"Exemple de numéro SIREN invalide (contrôle de Luhn en échec) : {trap9()}.")


# ============================================================================= style 5: cse

ROLES_M = ["secrétaire", "trésorier", "élu titulaire", "élu suppléant", "représentant syndical",
           "président de séance", "DRH", "référent harcèlement", "membre de la commission santé"]
ROLES_F = ["secrétaire", "trésorière", "élue titulaire", "élue suppléante", "représentante syndicale",
           "présidente de séance", "DRH", "référente harcèlement", "membre de la commission santé"]


def cse_pos():
    people = [Person(min_year=1960, max_year=2000) for _ in range(R.randint(4, 7))]
    t = R.randint(0, 2)
    if t == 0:
        lst = "\n".join(f"- {x.civname(ch(['GS', 'SG_UP', 'S_UP']))} ({ch(ROLES_F if x.sex == 'F' else ROLES_M)})" for x in people)
        v1, v2 = R.randint(3, 12), R.randint(0, 4)
        ref = people[0]
        return (f"PROCÈS-VERBAL DE LA RÉUNION ORDINAIRE DU CSE\nSéance du {care_date('long')[0]}\n\nPrésents :\n{lst}\n"
                f"Excusé : {Person().P(ch(['GS', 'I_S']))}\n\n1. Renouvellement du contrat collectif frais de santé\n"
                f"{people[1].P(ch(['G', 'GS', 'S']))} présente les résultats : taux de cotisation de {R.randint(1, 3)},{R.randint(0, 99):02d} % du PMSS, "
                f"{R.randint(60, 400)} salariés couverts, ratio sinistres/cotisations de {R.randint(70, 130)} %.\n"
                f"Vote : pour {v1}, contre {v2}, abstention {R.randint(0, 3)}. La résolution est adoptée.\n\n"
                f"2. Questions diverses\nPour toute question sur la mutuelle, contacter {ref.P('GS')} au poste {R.randint(1000, 9999)} "
                f"ou au {ref.PHONE(ch(['fixe', 'mobile']))}.\nProchaine réunion le {care_date('long')[0]}.")
    if t == 1:
        x, y = people[0], people[1]
        return (f"LA LETTRE DU CSE — {ch(MONTHS).upper()} {R.randint(2024, 2026)}\n\n"
                f"Mutuelle : ce qui change au 1er janvier\nLe nouveau contrat avec {mutuelle()} améliore le remboursement "
                f"de l'optique et du dentaire. {neg_sentence()}\n\nVos interlocuteurs\n"
                f"{x.P(ch(['SG_UP', 'GS_UP', 'GS']))} — élu{'e' if x.sex == 'F' else ''} référent{'e' if x.sex == 'F' else ''} mutuelle — {x.PHONE('mobile')} — {x.EMAIL(ch(['cse-' + ascii_fold(ch(COMPANIES).split()[-1]).lower() + '.fr', 'gmail.com']))}\n"
                f"{y.P(ch(['SG_UP', 'GS']))} — service RH — poste {R.randint(1000, 9999)}\n\n"
                f"Bienvenue à {people[2].P('GS')} qui rejoint l'atelier de {ch(PLACES)}, et bonne retraite à "
                f"{people[-1].P(ch(['G', 'GS']))} après {R.randint(15, 40)} ans de maison !\n"
                f"Permanences : mardi de 12 h à 14 h, bureau {R.randint(100, 450)}.")
    lst = "; ".join(x.P(ch(["SG_UP", "S_G_UP", "GS"])) for x in people)
    ph = people[0]
    return (f"CSE — Commission santé, sécurité et conditions de travail\nCompte rendu du {care_date('dmy')[0]}\n"
            f"Participants : {lst}\n\nPoint 1 : absentéisme ({R.randint(2, 9)},{R.randint(0, 9)} % sur {R.randint(50, 900)} salariés).\n"
            f"Point 2 : prévoyance — {people[1].P('G')} signale que l'arrêt de {people[2].civname('S')} n'a pas été indemnisé "
            f"depuis le {care_date('dmy')[0]}. {ch(['La direction', 'La DRH', 'Le président'])} s'engage à relancer l'assureur.\n"
            f"Point 3 : astreintes — numéro d'urgence de l'élu de permanence : {ph.PHONE('mobile', ch(['sp', 'dot', 'plain']))} (postes internes 4{R.randint(100, 999)} et 4{R.randint(100, 999)}).")


def cse_neg():
    return (f"LA LETTRE DU CSE — {ch(MONTHS).upper()}\n\nMutuelle obligatoire : {negs(2)}\n"
            f"Effectif couvert : {R.randint(50, 900)} salariés, dont {R.randint(10, 60)} % de cadres. Taux de participation "
            f"employeur : {R.randint(50, 100)} %.\nPermanence : bureau {R.randint(100, 450)}, poste {R.randint(1000, 9999)}.\n"
            f"Vote de la résolution n° {R.randint(1, 9)} : pour {R.randint(5, 12)}, contre {R.randint(0, 3)}.\n"
            f"Sortie annuelle à {ch(PLACES)} le {care_date('long')[0]}. Petit déjeuner offert par le boulanger du quartier. {negs(1)}")


# ============================================================================= style 6: log_technique

def uuid():
    h = "".join(ch("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def ts():
    d = dt.datetime(2025, 1, 1) + dt.timedelta(seconds=R.randint(-2e7, 2.5e7))
    return ch([d.isoformat() + "Z", d.strftime("%Y-%m-%d %H:%M:%S,") + f"{R.randint(0, 999):03d}", d.strftime("%d/%m/%Y %H:%M:%S")])


def J(label, val):
    return f'"{M(label, val)}"'


def log_pos():
    a = Person()
    t = R.randint(0, 4)
    lvl = ch(["ERROR", "WARN", "INFO"])
    if t == 0:
        return (f"{ts()} {lvl} [adhesion-api] {uuid()} Validation failed for payload:\n"
                f'{{"idAdherent": {R.randint(100000, 999999)}, "nom": {J("PERSON", a.sur.upper() if p(0.6) else a.sur)}, '
                f'"prenom": {J("PERSON", a.given)}, "dateNaissance": {J("DATE_OF_BIRTH", fmt_date(a.dob, ch(["iso", "dmy"])))}, '
                f'"nir": {J("NIR", a.nir if p(0.7) else a.nir[:13])}, "tel": {J("PHONE", fmt_phone(a.mobile, ch(["intlplain", "plain", "sp"])))}, '
                f'"email": {J("EMAIL", a.email())}, "dateSoin": "{care_date("iso")[0]}", "montant": {R.randint(1, 900)}.{R.randint(0, 99):02d}}}\n'
                f"{ts()} {lvl} [adhesion-api] cause: {ch(['NIR_KEY_MISMATCH', 'DUPLICATE_MEMBER', 'INVALID_POSTCODE', 'TIMEOUT upstream=ged'])} code={R.randint(400, 599)}")
    if t == 1:
        rows = []
        ppl = [Person() for _ in range(R.randint(2, 5))]
        for x in ppl:
            rows.append(f"{R.randint(10000, 99999)};{M('PERSON', x.sur.upper())};{M('PERSON', x.given)};"
                        f"{M('DATE_OF_BIRTH', fmt_date(x.dob, 'dmy'))};{M('NIR', x.nir)};{M('PHONE', fmt_phone(x.mobile, 'plain'))};"
                        f"{ch(['OK', 'KO_RIB', 'KO_NIR', 'DOUBLON'])}")
        return (f"Ticket {claim_no()} — extrait du fichier d'import en erreur (ligne {R.randint(2, 900)}+) :\n"
                f"id;nom;prenom;date_naissance;nir;tel;statut\n" + "\n".join(rows) +
                f"\n\nErreur parseur : {ch(['separator mismatch', 'encoding cp1252', 'unexpected EOF'])} at byte {R.randint(1000, 99999)}")
    if t == 2:
        return (f"<!-- flux {uuid()} reçu {ts()} -->\n<beneficiaire>\n  <nom>{a.P('S_UP')}</nom>\n  <prenom>{a.P('G')}</prenom>\n"
                f"  <dateNaissance>{a.DOB('ymd' if p(0.5) else 'iso')}</dateNaissance>\n  <nir>{a.NIR('plain')}</nir>\n"
                f"  <adresse>\n    <ligne1>{a.ADDR('street')}</ligne1>\n    <cp>{a.cp}</cp>\n    <ville>{a.city.upper()}</ville>\n  </adresse>\n"
                f"  <rib>{IBAN('plain')}</rib>\n  <codeRegime>{ch(['01', '02', '03'])}</codeRegime>\n</beneficiaire>\n"
                f"SAXParseException line {R.randint(2, 40)}: element 'dateNaissance' invalid")
    if t == 3:
        return (f"[{ts()}] POST /api/v2/prestations 422 {R.randint(20, 900)}ms trace={uuid()}\n"
                f"request.body.beneficiaire.nomComplet={a.P(ch(['GS', 'SG_UP']))}\n"
                f"request.body.beneficiaire.telephone={M('PHONE', fmt_phone(a.fixe, ch(['intl', 'plain', 'dot'])))}\n"
                f"request.body.beneficiaire.adresse={a.ADDR('inline')}\n"
                f"request.body.ps.rpps={RPPS()} request.body.ps.finess={trap_finess()}\n"
                f"response.errors[0]=\"Le bénéficiaire n'est pas rattaché au contrat {contract_no()}\"")
    emp = ch(COMPANIES)
    return (f"Ticket {claim_no()} — copie d'écran {ch(SOFTWARE)} (texte extrait)\n"
            f"ENTREPRISE | SIRET | CONTACT | TEL\n{emp} | {SIRET(fmt='plain')} | {a.P('SG_UP')} | {a.PHONE('fixe', 'sp')}\n"
            f"job_id={uuid()} started={ts()} rows_in={R.randint(100, 9999)} rows_rejected={R.randint(0, 50)}\n"
            f"WARN siret_luhn_valid=false pour la ligne {R.randint(2, 99)} (valeur {trap14()})")


def log_neg():
    lines = []
    for _ in range(R.randint(4, 8)):
        lines.append(ch([
            f"{ts()} INFO [batch-noemie] lot={trap14()} traités={R.randint(10, 9999)} rejets={R.randint(0, 30)}",
            f"{ts()} ERROR [tp-gateway] {uuid()} HTTP 503 upstream=finess-ref finess={trap_finess()}",
            f"{ts()} WARN [nir-check] nir_key_valid=false value=*************** (masqué)",
            f"{ts()} DEBUG [pricing] acte={ch(CCAM)} dent={ch(TEETH)} base={R.randint(10, 500)}.{R.randint(0, 99):02d}",
            f'{{"event":"claim.closed","claimId":"{claim_no()}","ts":"{ts()}","amount":{R.randint(1, 900)}.{R.randint(0, 99)}}}',
            f"{ts()} INFO [lpp] code={ch(LPP)} tarif={R.randint(1, 900)},00 statut=ACTIF",
            f"{ts()} WARN [import] ref={trap_nir15()} ignorée (type=FACTURE)",
            f"{ts()} INFO [auth] session={uuid()} role=GESTIONNAIRE agence=Saint-Étienne",
        ]))
    return "\n".join(lines)


# ============================================================================= style 7: reclamation

RELS_F = ["ma fille", "ma mère", "ma femme", "ma sœur", "ma belle-mère", "ma grand-mère", "ma petite-fille"]
RELS_M = ["mon fils", "mon père", "mon mari", "mon frère", "mon beau-père", "mon compagnon", "mon petit-fils"]


def relative():
    sex = ch("MF")
    rel = ch(RELS_F if sex == "F" else RELS_M)
    if any(w in rel for w in ("mère", "père", "grand")) and "petit" not in rel:
        yrs = (1928, 1962)
    elif any(w in rel for w in ("fille", "fils")):
        yrs = (1985, 2020)
    else:
        yrs = (1950, 2002)
    return Person(sex=sex, min_year=yrs[0], max_year=yrs[1]), rel


def reclamation_pos():
    a = Person()
    r, rel = relative()
    r.sur = a.sur if p(0.5) else r.sur
    cd, _ = care_date()
    t = R.randint(0, 3)
    if t == 0:
        return (f"Objet : RÉCLAMATION — TROISIÈME RELANCE !!!\n\nMadame, Monsieur,\n\nCela fait maintenant {R.randint(2, 9)} mois que "
                f"j'attends le remboursement des lunettes de {rel} {r.P('G')} ({'née' if r.sex == 'F' else 'né'} le {r.DOB()}) et "
                f"PERSONNE NE ME RÉPOND, ni au téléphone ni par courrier, c'est INADMISSIBLE quand on paie {amount()} de cotisation "
                f"par mois depuis des années !!! J'ai envoyé la facture le {cd}, puis encore le {care_date()[0]}, et à chaque "
                f"fois on me dit qu'il manque une pièce.\n\nJe vous rappelle mon numéro de sécurité sociale : {a.NIR()}.\n"
                f"Attention j'ai déménagé, mon ancienne adresse était le {M('ADDRESS', str(R.randint(1, 90)) + ' ' + ch(STREETS) + ' à ' + ch(CITIES)[1])} "
                f"mais maintenant c'est {a.ADDR('comma')}.\n\nÀ rappeler au {a.PHONE('mobile')} (après 18 h SVP) !\n\n"
                f"{a.P(ch(['GS', 'GS_UP', 'SG_UP']))}")
    if t == 1:
        return (f"Saisine du médiateur de la mutualité — dossier {claim_no()}\n\n"
                f"Je soussigné{'e' if a.sex == 'F' else ''} {a.P(ch(['GS', 'SG_UP']))}, né{'e' if a.sex == 'F' else ''} le {a.DOB('long')}, "
                f"demeurant {a.ADDR('comma')}, conteste le refus de prise en charge de l'hospitalisation de {rel} "
                f"{at_hosp()} du {cd}. La mutuelle invoque un délai de carence alors que mon contrat {contract_no()} "
                f"a pris effet bien avant. Mon conseiller, {ch(['M.', 'Mme'])} {Person().P('S')}, m'avait pourtant assuré le contraire au téléphone.\n"
                f"Je demande le remboursement de {amount()} et des excuses.\nTél. : {a.PHONE(ch(['fixe', 'mobile']))} — courriel : {a.EMAIL()}")
    if t == 2:
        return (f"Message laissé via le formulaire de contact :\n\"bonjour je suis {a.P(ch(['low', 'GS', 'S_G_UP']))} "
                f"et je suis à bout. {rel} {r.P(ch(['G', 'GS']))} est handicapé{'e' if r.sex == 'F' else ''} à 80 % et vous avez "
                f"SUSPENDU ses remboursements sans prévenir !!! on a besoin de son {ch(DRUGS)} tous les mois et la pharmacie "
                f"ne veut plus faire le tiers payant. son numéro de sécu c'est {r.NIR(ch(['plain', 'grp']))} et sa date de "
                f"naissance le {r.DOB(ch(['dmy', 'dmy2']))}. rappelez moi au {a.PHONE('mobile', ch(['plain', 'sp', 'dot']))} "
                f"ou au {a.PHONE('fixe', ch(['sp', 'dash']))} c'est urgent\"")
    vic = Person()
    return (f"RÉCLAMATION ÉCRITE — reçue par courrier le {cd}\nAdhérent : {a.P('SG_UP')} — contrat {contract_no()}\n\n"
            f"Résumé : l'adhérent{'e' if a.sex == 'F' else ''} conteste le prélèvement de {amount()} effectué sur son compte "
            f"{IBAN()} alors que sa résiliation (loi Chatel) a été envoyée le {care_date()[0]}. "
            f"{'Elle' if a.sex == 'F' else 'Il'} indique que {rel} {r.P('GS')} a été radié{'e' if r.sex == 'F' else ''} par erreur. "
            f"Précédent traitement par {vic.P(ch(['GS', 'I_S']))} (pôle Réclamations).\n"
            f"Action : rappeler l'adhérent{'e' if a.sex == 'F' else ''} au {a.PHONE()} avant le {care_date()[0]}.")


def reclamation_neg():
    return (f"Objet : RÉCLAMATION — dossier {claim_no()}\n\nMadame, Monsieur,\n\nC'EST LA TROISIÈME FOIS QUE J'ÉCRIS ! "
            f"{negs(2)} Je ne comprends pas pourquoi on me réclame encore {amount()} alors que la prise en "
            f"charge a été envoyée le {care_date()[0]}. Suite à votre courrier, j'ai renvoyé tous les justificatifs. "
            f"Merci de traiter enfin ce dossier !!!\n\nUn adhérent excédé")


# ============================================================================= style 8: teleconsultation

HANDLES = ["jean.dupont75", "sophie_l", "karim.b93", "lea2008", "mimi.rose", "bzh_erwan", "nath.petit", "coachpaul",
           "fatou.d", "marcblanc64", "pierre_stone", "julie.m", "tom_martin", "amina.k", "gwen29"]


def tele_pos():
    hhmm = Clock()
    a = Person(min_year=1950, max_year=2005)
    coach = Person()
    t = R.randint(0, 3)
    handle = ch(HANDLES)
    if t == 0:
        return (f"[Messagerie sécurisée — programme « Dos en forme »]\nCoach : {coach.P('G')}\n\n"
                f"{hhmm()} {coach.P('G')} : Bonjour {a.P('G')} ! Comment s'est passée la séance d'étirements d'hier ?\n"
                f"{hhmm()} {a.P('G')} : Pas terrible, j'ai encore mal en bas du dos. Je suis né{'e' if a.sex == 'F' else ''} en "
                f"{a.DOB('y')}, c'est peut-être l'âge 😅\n{hhmm()} {coach.P('G')} : On va adapter. Pouvez-vous me confirmer "
                f"votre numéro pour l'appel de jeudi ? J'ai {a.PHONE('mobile', ch(['intl', 'intlplain', '0033']))}.\n"
                f"{hhmm()} {a.P('G')} : Oui c'est bien ça. Merci {coach.P('G')} !")
    if t == 1:
        dr = Person()
        return (f"Téléconsultation du {care_date('long')[0]} — plateforme MédiConnect\nPatient : {a.P(ch(['GS', 'SG_UP']))} "
                f"({'née' if a.sex == 'F' else 'né'} le {a.DOB()}) — pseudo : {handle}\nMédecin : Dr {dr.P(ch(['GS', 'S']))} — RPPS {RPPS()}\n"
                f"Motif : {ch(['renouvellement ordonnance', 'angine', 'douleurs lombaires', 'anxiété', 'éruption cutanée'])}\n"
                f"Prescription : {ch(DRUGS)}, {ch(DRUGS)}\nRappel en cas de coupure : {a.PHONE('mobile', ch(['intl', 'intl0', 'intlplain']))}\n"
                f"Facturation : TCG {amount()} — tiers payant {mutuelle()}")
    if t == 2:
        return (f"Forum d'entraide — fil « Reprise du sport après un cancer »\n\n@{handle} a écrit :\n"
                f"Bonjour à toutes, moi c'est {a.P('G')}, {ch(['50', '42', '63', '37'])} ans, opéré(e) l'an dernier. "
                f"{ch(['Ma coach', 'Mon coach'])} {coach.P('G')} m'a conseillé la marche nordique. Des retours ?\n\n"
                f"Réponse de la modération :\nMerci {a.P('G')} ! Pour rappel, ne publiez pas vos coordonnées. "
                f"(message de @{ch(HANDLES)} masqué : contenait un numéro de téléphone)")
    kid = Person(min_year=2010, max_year=2022)
    return (f"Chat — pédiatrie à distance\n{hhmm()} Parent ({a.P('G')}) : bonjour, mon fils {kid.P('G')} a de la fièvre depuis hier, "
            f"il est né le {kid.DOB('dmy')}\n{hhmm()} Infirmière {coach.P('G')} : Bonjour, quelle température ?\n"
            f"{hhmm()} Parent : 39,2. on est en vacances à l'étranger, vous pouvez me rappeler sur {a.PHONE('mobile', ch(['intl', '0033', 'intldot']))} ?\n"
            f"{hhmm()} Infirmière {coach.P('G')} : Je transmets au Dr {Person().P('S')}, il vous rappelle dans 10 minutes.")


def tele_neg():
    return (f"[Programme « Sommeil serein » — semaine {R.randint(1, 8)}]\n\nBonjour ! Merci pour votre participation. "
            f"Cette semaine : routine du coucher, pas d'écran après 21 h. {negs(1)}\n"
            f"Défi du jour : 6 000 pas. Rendez-vous jeudi à 18 h 30 pour la séance collective animée depuis {ch(PLACES)}.\n"
            f"Rappel : la téléconsultation (TCG) est remboursée à 70 % par l'Assurance Maladie. @{ch(HANDLES)} a réagi 👍")


# ============================================================================= style 9: mixte

def spoken_phone(num: str, complete=True):
    pairs = [num[i:i + 2] for i in range(0, 10, 2)]
    words = [("zéro " + NUM_WORDS[int(pairs[0][1])])]
    for pr in pairs[1:]:
        n = int(pr)
        words.append(("zéro " + NUM_WORDS[n]) if pr[0] == "0" else fr_number(n))
    sep = ch([", ", " ", "... "])
    if complete:
        return sep.join(words)
    return sep.join(words[:R.randint(2, 4)])


def spelled(name: str):
    letters = [c for c in ascii_fold(name).upper() if c.isalpha()]
    return ch(["-", " ", ", ", "-", " "]).join(letters)


def mixte_pos():
    a = Person()
    t = R.randint(0, 4)
    if t == 0:
        complete = p(0.75)
        sp = spoken_phone(a.mobile, complete)
        phone_part = M("PHONE", sp) if complete else sp + " euh... je n'ai plus la fin, je vous la redonne plus tard"
        return (f"Transcription automatique — appel entrant {care_date('dmy')[0]} {hhmm()}\n"
                f"Conseiller : {mutuelle()} bonjour, {Person().P('G')} à votre écoute.\n"
                f"Appelant : Oui bonjour, c'est {(a.civ + ' ') if p(0.3) else ''}{a.P(ch(['S', 'GS']))}, "
                + f"je vous appelle pour le remboursement de mon kiné.\nConseiller : Pouvez-vous m'épeler votre nom ?\n"
                f"Appelant : {M('PERSON', spelled(a.sur))}.\nConseiller : Et un numéro où vous joindre ?\n"
                f"Appelant : {phone_part}.\nConseiller : Très bien, et votre date de naissance ?\n"
                f"Appelant : le {a.DOB('long')}.")
    if t == 1:
        n13 = a.nir[:13]
        key = int(a.nir[13:])
        g = f"{n13[0]} {n13[1:3]} {n13[3:5]} {n13[5:7]} {n13[7:10]} {n13[10:13]}"
        form = ch(["nokey", "words"])
        nir_txt = M("NIR", g) + " (je n'ai pas la clé sous les yeux)" if form == "nokey" else M("NIR", f"{g} clé {fr_number(key)}")
        emp = ch(COMPANIES)
        s = new_siret()
        return (f"Note d'entretien — adhésion individuelle\n{a.civname()} se présente à l'agence de {ch(PLACES)}. "
                f"Numéro de sécurité sociale donné à l'oral : {nir_txt}.\nEmployeur déclaré : {emp}, SIRET {M('SIRET', s[:9] + chr(10) + s[9:]) if p(0.5) else M('SIRET', fmt_siret(s, 'grp')[:11] + chr(10) + fmt_siret(s, 'grp')[12:])}\n"
                f"Date de naissance : {a.DOB()} ; domicile : {a.ADDR('nl')}\nSouhaite la formule Confort, effet au 1er {ch(MONTHS)}.")
    if t == 2:
        b = Person()
        return (f"Extrait du registre des appels — {care_date('dmy')[0]}\n"
                f"{hhmm()} | {a.P('SG_UP')} | {a.PHONE()} | demande d'attestation\n"
                f"{hhmm()} | {b.P('SG_UP')} | {b.PHONE('fixe', ch(['plain', 'dot']))} | devis dentaire, dent {ch(TEETH)}\n"
                f"{hhmm()} | (numéro masqué) | — | question générale sur le 100 % Santé\n"
                f"{hhmm()} | {Person().P('S_UP')} | {PH()} | réclamation, voir dossier {claim_no()}\n"
                f"Total : {R.randint(40, 200)} appels, durée moyenne {R.randint(2, 9)} min {R.randint(0, 59)} s.")
    if t == 3:
        dr = Person()
        return (f"Pièces reçues pour le dossier {claim_no()} :\n1. Note d'honoraires de {dr.P(ch(['GS', 'S_UP', 'SG_UP']))}, {ch(['infirmier(e) libéral(e)', 'orthophoniste', 'psychomotricien(ne)', 'pédicure-podologue'])} (ADELI {ADELI()}) du {care_date()[0]}\n"
                f"2. Facture de la {ch(PHARMA).title()} — SIRET {SIRET()}\n3. RIB de {a.civname()} : {IBAN()}\n"
                f"4. Courriel de l'adhérent{'e' if a.sex == 'F' else ''} ({a.EMAIL()}) précisant sa nouvelle adresse : {a.ADDR('inline')}\n"
                f"Remarque : la facture mentionne « boulanger » comme profession ; l'homonyme {M('PERSON', ch(GIVEN_M + GIVEN_F) + ' Boulanger')} "
                f"n'est pas concerné. Date de naissance de l'adhérent{'e' if a.sex == 'F' else ''} : "
                f"{a.DOB('dmy')}.")
    b = Person()
    c = Person(min_year=1950, max_year=2000)
    return (f"Résumé de visio — comité de suivi grand compte {ch(COMPANIES)} ({care_date('long')[0]})\n"
            f"Participants : {a.P('GS')} (DRH), {b.P('GS')} ({ch(TITLES)}).\n"
            f"- SIREN du groupe : {SIREN()} ; {R.randint(100, 900)} salariés, sinistralité {R.randint(70, 130)} %.\n"
            f"- {b.P('G')} enverra le bilan à {a.EMAIL()} ; ligne directe de {a.P('G')} : {a.PHONE('fixe', ch(['sp', 'intl0']))}.\n"
            f"- Point sur le dossier de {c.civname()} ({'née' if c.sex == 'F' else 'né'} en {c.DOB('y')}), arrêt depuis le {care_date()[0]}.")


def mixte_neg():
    t = R.randint(0, 1)
    if t == 0:
        num = new_phone("6")
        return (f"Transcription automatique — appel entrant {care_date('dmy')[0]} {hhmm()}\n"
                f"Conseiller : {mutuelle()} bonjour.\nAppelant : Oui bonjour, je voulais savoir si {le_drug()} est remboursé.\n"
                f"Conseiller : {neg_sentence()}\nAppelant : Et pour les lunettes ?\nConseiller : {neg_sentence()}\n"
                f"Appelant : D'accord. Mon numéro commence par {spoken_phone(num, False)}... non, laissez, je rappellerai.\n"
                f"Conseiller : Merci de votre appel, bonne journée.")
    return (f"Mémo interne — {care_date('long')[0]}\n{negs(3)}\nÀ noter : Saint-Pierre-et-Miquelon et Monaco ne relèvent pas "
            f"du régime général. Le code CCAM {ch(CCAM)} remplace l'ancien code. Numéro d'identification de la demande : "
            f"{trap_nir15()}.\nRose, Blanc et Petit sont les noms des trois niveaux de la nouvelle gamme « Jardin » (interne).")


# ============================================================================= extra templates (more variety)

def ocr_x1():
    a = Person(min_year=1940, max_year=1975)
    b = Person()
    return (f"CERTIFICAT DE VIE ET DE NON-REMARIAGE\n\nJe soussigné, maire de la commune de {ch(PLACES)}, certifie que\n"
            f"{a.civname('SG_UP')}\n{'née' if a.sex == 'F' else 'né'} le {M('DATE_OF_BIRTH', stray(fmt_date(a.dob, ch(['dmy', 'long'])), 0.3))}\n"
            f"domicilié{'e' if a.sex == 'F' else ''} {a.ADDR('nl', up=True)}\nest en vie à la date du {care_date('dmy')[0]}.\n\n"
            f"Pour le Maire, l'adjoint délégué\n{b.P(ch(['GS', 'I_S', 'S_G_UP']))}\n\nCACHET DE LA MAIRIE")


def ocr_x2():
    a = Person()
    pr = Person()
    return (f"ORDONNANCE\n\nDr {pr.P(ch(['GS', 'S_G_UP']))}\nMédecin généraliste — conventionné secteur 1\n{corp_addr('nl')}\n"
            f"Tél. {M('PHONE', stray(fmt_phone(new_phone(ch('12345')), 'sp'), 0.5))}   RPPS {M('RPPS', stray(new_rpps(), 0.4))}\n"
            f"N° AM {trap9()}\n\n{care_date('long')[0]}\n\n{a.civname()}, {R.randint(2, 95)} ans\n\n"
            f"- {ch(DRUGS)} : 1 cp matin et soir pendant {R.randint(3, 30)} jours\n- {ch(DRUGS)} : si douleur, max 3/jour\n"
            f"- Séances de kinésithérapie x{R.randint(5, 20)} (AMK 7,5)\n\nQSP {R.randint(1, 3)} mois")


def courriel_x1():
    a, g1 = Person(), Person()
    return (f"De : {a.P('GS')} [mailto:{a.email()}]".replace(f"mailto:{a.email()}", "mailto:" + M("EMAIL", a.email()))
            + f"\nEnvoyé : {mail_date()}\nÀ : Service adhérents\nObjet : devis dentaire\n\n"
            f"Bonjour,\nvoici le devis pour l'implant (dent {ch(TEETH)}, CCAM {ch(CCAM)}). Pouvez-vous me dire ce qui reste à ma charge ?\n"
            f"Envoyé de mon iPhone\n\n---- Réponse ----\n{a.P('G')}, merci pour votre envoi. Après étude, le reste à charge serait de "
            f"{amount()}.\n{signature(g1)}\n\n{DISCLAIMER}")


def courriel_x2():
    a, g1, g2 = Person(), Person(), Person()
    return (header(g1, g2, f"Dossier {a.sur.upper()} — décès de l'adhérent", True) +
            f"\n{g2.P('G')}, pour info : appel de la fille de {a.civname()} ce matin. {a.P('S')} est décédé{'e' if a.sex == 'F' else ''} "
            f"le {care_date()[0]} ; la famille demande la résiliation et le remboursement du trop-perçu sur le compte {IBAN()}.\n"
            f"Coordonnées de la fille : {Person(sex='F').P('GS')}, {PH(new_phone(ch('67')))}.\n\n{g1.P(ch(['G', 'I_S']))}\n")


def pharmacie_x1():
    a, dr, inf = Person(), Person(), Person()
    return (f"Feuille de soins — infirmier libéral\nInfirmier(e) : {inf.P(ch(['GS', 'SG_UP']))}  ADELI {ADELI()}  RPPS {RPPS()}\n"
            f"{corp_addr('comma')}\nPatient : {a.P(ch(['SG_UP', 'GS']))}  DDN : {a.DOB(ch(['dmy', 'dmy2']))}  NIR {a.NIR()}\n"
            f"Prescripteur : Dr {dr.P('S')}\n\n" + "\n".join(f"{care_date('dmy')[0]}  {ch(['AMI 4', 'AMI 1', 'AMI 2 + IFD', 'AIS 3'])}  {amount()}" for _ in range(R.randint(2, 5)))
            + f"\n\nTiers payant AMC : {mutuelle()}")


def pharmacie_x2():
    a = Person()
    return (f"RÉPONSE TIERS PAYANT OPTIQUE — ACCORD N° {claim_no()}\nOpticien : {ch(OPTIC)}  FINESS {trap_finess()}\n"
            f"Bénéficiaire : {a.P(ch(['S_G_UP', 'SG_UP']))}  Né(e) le {a.DOB('dmy')}\nContrat : {contract_no()}\n"
            f"Équipement : monture LPP {ch(LPP)} + 2 verres LPP {ch(LPP)}\nPrise en charge accordée : {amount()}\n"
            f"Validité : 3 mois. Ne pas facturer avant la délivrance.\n{neg_sentence()}")


def prevoyance_x1():
    a = Person(min_year=1960, max_year=2000)
    emp = ch(COMPANIES)
    return (f"Fiche de liaison — portabilité des droits\nEx-salarié{'e' if a.sex == 'F' else ''} : {a.P('SG_UP')}, {'née' if a.sex == 'F' else 'né'} le {a.DOB()}\n"
            f"Employeur : {emp}\nSIRET : {SIRET()}\nDate de rupture du contrat : {care_date('dmy')[0]}\n"
            f"Motif : {ch(['rupture conventionnelle', 'licenciement économique', 'fin de CDD'])}\n"
            f"Adresse personnelle : {a.ADDR('comma')}\nTéléphone : {a.PHONE()}\nCourriel : {a.EMAIL()}\n"
            f"Durée de portabilité : {R.randint(3, 12)} mois (justificatifs France Travail à fournir)")


def cse_x1():
    ppl = [Person() for _ in range(R.randint(3, 6))]
    rows = "\n".join(f"| {x.P(ch(['SG_UP', 'S_G_UP', 'GS', 'low']))} | {ch(['Atelier', 'Logistique', 'Compta', 'Commercial', 'IT'])} | {ch(['oui', 'non'])} | poste {R.randint(1000, 9999)} |" for x in ppl)
    return (f"Sondage CSE — adhésion à l'option surcomplémentaire\n| Nom | Service | Option | Contact |\n|---|---|---|---|\n{rows}\n\n"
            f"Taux de réponse : {R.randint(20, 90)} %. {ppl[0].P('G')} relancera les absents. Pour le CSE : {ppl[-1].P('GS')}, {ppl[-1].PHONE('mobile')}.")


def log_x1():
    a = Person()
    return (f"curl -X PUT https://api.interne/{ch(['adherents', 'beneficiaires'])}/{R.randint(100000, 999999)} \\\n"
            f"  -H 'X-Request-Id: {uuid()}' \\\n  -d '{{\"nomNaissance\":\"{M('PERSON', a.sur.upper())}\",\"prenoms\":\"{M('PERSON', a.given)}\","
            f"\"ddn\":\"{M('DATE_OF_BIRTH', fmt_date(a.dob, ch(['iso', 'ymd', 'compact'])))}\",\"telPortable\":\"{M('PHONE', fmt_phone(a.mobile, ch(['plain', 'intlplain'])))}\","
            f"\"iban\":\"{M('IBAN', new_iban())}\"}}'\n"
            f"HTTP/1.1 409 Conflict\n{{\"code\":\"MEMBER_ALREADY_EXISTS\",\"at\":\"{ts()}\"}}")


def log_x2():
    a = Person()
    return (f"SELECT * FROM adherent WHERE nir = '{M('NIR', a.nir)}';\n"
            f" id    | nom       | prenom | ddn        | cp    | statut\n"
            f" {R.randint(1000, 99999)} | {M('PERSON', a.sur.upper())} | {M('PERSON', a.given)} | {M('DATE_OF_BIRTH', a.dob.isoformat())} | {a.cp} | RADIE\n"
            f"(1 row)\nTime: {R.randint(1, 900)}.{R.randint(0, 999):03d} ms")


def reclamation_x1():
    a = Person()
    r, rel = relative()
    return (f"avis laissé sur la page de la mutuelle ({R.randint(1, 2)}/5) :\n"
            f"HONTEUX. {rel.upper()} {M('PERSON', r.given.upper())} A ATTENDU {R.randint(3, 9)} MOIS POUR SES LUNETTES. "
            f"je m'appelle {a.P(ch(['GS', 'low']))}, adhérent{'e' if a.sex == 'F' else ''} depuis {R.randint(1995, 2020)}, "
            f"et je vais résilier. vous avez mon numéro : {a.PHONE(fmt=ch(['plain', 'dot', 'sp']))}, appelez-moi au lieu de "
            f"m'envoyer des courriers types !!!")


def tele_x1():
    a = Person(min_year=1950, max_year=2004)
    dr = Person()
    intl, pre = ch([("+262 ", "692"), ("+262 ", "693"), ("+590 ", "690"), ("+590 ", "691"), ("+596 ", "696"),
                    ("+596 ", "697"), ("+594 ", "694")])
    num = "0" + pre + rnd_digits(6, str(R.randint(0, 9)))
    return (f"SMS de rappel — MédiConnect\nBonjour {a.P('G')}, votre téléconsultation avec le Dr {dr.P(ch(['S', 'GS']))} est confirmée "
            f"demain à {hhmm()}. En cas d'empêchement, répondez ANNULER ou appelez le {PH(new_phone('9'), 'sp')}.\n"
            f"Numéro enregistré pour le rappel : {M('PHONE', intl + num[1:4] + ' ' + num[4:6] + ' ' + num[6:8] + ' ' + num[8:])}\n"
            f"Profil : {a.P(ch(['GS', 'I_S']))}, {'née' if a.sex == 'F' else 'né'} en {a.DOB('y')} — pseudo {ascii_fold(a.given).lower()}.{ascii_fold(a.sur).lower()[:1]}{a.dob.year % 100:02d}")


def tele_x2():
    a = Person(min_year=1955, max_year=2004)
    coach = Person()
    return (f"Programme nutrition — bilan de la semaine {R.randint(1, 12)}\nCoach : {coach.P(ch(['G', 'GS']))}\n"
            f"Participant : {a.P('G')} ({'née' if a.sex == 'F' else 'né'} en {a.DOB('y')})\n"
            f"Objectif : -{R.randint(1, 6)} kg ; activité : {R.randint(2, 12)} 000 pas/jour.\n"
            f"Commentaire du coach : Bravo {a.P('G')} ! Pensez au Dr {Person().P('S')} pour le renouvellement de votre traitement ({ch(DRUGS)}). "
            f"Je vous appelle jeudi au {a.PHONE('mobile', ch(['intl', 'intlplain', '0033', 'sp']))}.")


def mixte_x1():
    a = Person()
    s = new_siret()
    par = Person(min_year=1930, max_year=1955)
    return (f"Compte rendu de rendez-vous agence ({care_date('long')[0]})\n{a.P(ch(['G', 'GS']))} {ch(['a appelé', 'est passé(e) à l’agence'])} "
            f"pour {'sa mère' if par.sex == 'F' else 'son père'}, hospitalisé{'e' if par.sex == 'F' else ''} à {ch(PLACES)}.\n"
            f"Numéro de sécu du parent (sans clé) : {M('NIR', par.nir[:13])}\n"
            f"Nom du parent, épelé : {M('PERSON', spelled(ch(SURNAMES)))}\n"
            f"Entreprise de l'adhérent : SIRET {M('SIRET', fmt_siret(s, 'grp'))} — RIB remis : {IBAN()}\n"
            f"Rappel prévu au {a.PHONE()} ; adresse inchangée.")


def mixte_x2():
    a = Person()
    n13 = a.nir[:13]
    g = f"{n13[0]} {n13[1:3]} {n13[3:5]} {n13[5:7]} {n13[7:10]} {n13[10:13]}"
    return (f"Transcription — rappel sortant ({care_date('dmy')[0]})\nConseillère : Bonjour, je cherche à joindre {a.civname(ch(['S', 'GS']))}.\n"
            f"Adhérent{'e' if a.sex == 'F' else ''} : C'est moi.\nConseillère : Pour vérifier votre identité, votre numéro de sécurité sociale ?\n"
            f"Adhérent{'e' if a.sex == 'F' else ''} : {M('NIR', g + ' clé ' + fr_number(int(a.nir[13:])))}.\n"
            f"Conseillère : Merci. Et le meilleur numéro pour vous rappeler ?\n"
            f"Adhérent{'e' if a.sex == 'F' else ''} : {M('PHONE', spoken_phone(ch([a.mobile, a.fixe]), True))}.\n"
            f"Conseillère : C'est noté. {neg_sentence()}")


EXTRA = {
    "ocr": [ocr_x1, ocr_x2], "courriel_transfere": [courriel_x1, courriel_x2], "pharmacie": [pharmacie_x1, pharmacie_x2],
    "prevoyance": [prevoyance_x1], "cse": [cse_x1], "log_technique": [log_x1, log_x2], "reclamation": [reclamation_x1],
    "teleconsultation": [tele_x1, tele_x2], "mixte": [mixte_x1, mixte_x2, mixte_x2],
}


def cse_neg2():
    return (f"PROCÈS-VERBAL DE LA RÉUNION DU CSE DU {care_date('long')[0].upper()}\n\nPrésents : le président, la secrétaire, "
            f"le trésorier, {R.randint(4, 9)} élus titulaires, {R.randint(1, 4)} suppléants. Excusés : {R.randint(0, 3)}.\n"
            f"1. Contrat santé : hausse de {R.randint(1, 9)},{R.randint(0, 9)} % au 1er janvier. Vote : pour {R.randint(5, 12)}, "
            f"contre {R.randint(0, 3)}, abstention {R.randint(0, 2)}.\n2. Prévoyance : {negs(1)}\n"
            f"3. Questions diverses : la secrétaire rappelle le poste {R.randint(1000, 9999)} pour les permanences. "
            f"Suite à la demande de l'atelier de {ch(PLACES)}, une réunion d'information aura lieu en {ch(MONTHS)}.")


def tele_neg2():
    return (f"Bravo à toutes et à tous pour cette semaine {R.randint(1, 10)} !\nMerci de remplir le questionnaire (5 min). "
            f"Pouvez-vous aussi noter votre tension chaque matin ? Suite à vos retours, la séance de yoga passe au mardi.\n"
            f"Conseil du jour : {ch(['hydratez-vous', 'marchez 30 minutes', 'évitez le sel'])}. {neg_sentence()}\n"
            f"L'équipe MédiConnect (messagerie non surveillée le week-end — en cas d'urgence, composez le 15 ou le 112).")


def prevoyance_neg2():
    return (f"STATISTIQUES PRÉVOYANCE — {ch(DEPT_NAMES).upper()}\n\nArrêts déclarés au {care_date('dmy')[0]} : {R.randint(50, 900)}\n"
            f"Durée moyenne : {R.randint(10, 90)} jours ; invalidité 2e catégorie : {R.randint(1, 30)} dossiers.\n"
            f"Capitaux décès versés : {R.randint(100, 999)} {R.randint(100, 999)} €.\n{negs(2)}\n"
            f"Contrôle : SIRET {trap14()} rejeté (clé de Luhn invalide).")


def reclamation_neg2():
    return (f"Synthèse mensuelle des réclamations — {ch(MONTHS)} {R.randint(2024, 2026)}\n"
            f"Réclamations reçues : {R.randint(40, 400)} ; délai moyen de réponse : {R.randint(3, 30)} jours ; "
            f"saisines du médiateur : {R.randint(0, 12)}.\nMotifs principaux : délais de remboursement ({R.randint(20, 60)} %), "
            f"tiers payant refusé, erreurs de cotisation.\n{negs(2)}\nVerbatim anonymisé : « VOUS NE RÉPONDEZ JAMAIS !!! »")


def courriel_neg2():
    return (f"Objet : RE: RE: TR: {ch(['Astreinte', 'Mise en production', 'Incident portail'])}\n\n"
            f"> Suite à l'incident du {care_date()[0]}, le portail Adhérent est de nouveau accessible.\n> {neg_sentence()}\n\n"
            f"Merci pour le retour. {negs(1)}\n\n-- \nDirection des Systèmes d'Information\n{mutuelle()}\n\n{DISCLAIMER}")


NEG_EXTRA = {"cse": [cse_neg2], "teleconsultation": [tele_neg2], "prevoyance": [prevoyance_neg2],
             "reclamation": [reclamation_neg2], "courriel_transfere": [courriel_neg2]}


# ============================================================================= main

STYLES = [
    ("ocr", ocr_pos, ocr_neg),
    ("courriel_transfere", courriel_pos, courriel_neg),
    ("pharmacie", pharmacie_pos, pharmacie_neg),
    ("prevoyance", prevoyance_pos, prevoyance_neg),
    ("cse", cse_pos, cse_neg),
    ("log_technique", log_pos, log_neg),
    ("reclamation", reclamation_pos, reclamation_neg),
    ("teleconsultation", tele_pos, tele_neg),
    ("mixte", mixte_pos, mixte_neg),
]
N_PER_STYLE = 111
N_NEG_PER_STYLE = 20


def main():
    out = []
    for style, pos, neg in STYLES:
        neg_idx = set(R.sample(range(N_PER_STYLE), N_NEG_PER_STYLE))
        for i in range(N_PER_STYLE):
            if i in neg_idx:
                marked = ch(NEG_EXTRA[style])() if (style in NEG_EXTRA and p(0.5)) else neg()
            elif p(0.3):
                marked = ch(EXTRA[style])()
            else:
                marked = pos()
            text, spans = render(marked, ocr_noise if style == "ocr" else None)
            if i in neg_idx:
                assert not spans, (style, i)
            else:
                assert spans, (style, i)
            out.append({"id": f"{style}-{i:03d}", "style": style, "text": text, "spans": spans})
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} texts")


if __name__ == "__main__":
    main()
