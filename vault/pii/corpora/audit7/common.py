"""Shared helpers for the blind7 corpus: hand-written name lists, identifier
makers (via /work/main/confiance/identifiers.py, loaded as a single file) and
formatters. Everything is driven by one random.Random passed in."""

import importlib.util
import datetime as dt

_spec = importlib.util.spec_from_file_location("identifiers", "/work/main/confiance/identifiers.py")
I = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(I)

LABELS = ("NIR", "PHONE", "SIRET", "DATE_OF_BIRTH", "PERSON", "ADDRESS", "EMAIL", "IBAN", "RPPS", "ADELI")

# ---------------------------------------------------------------- names (hand-written)
SURNAMES = list(dict.fromkeys("""
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez
Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier
Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger
Roche Roy Noël Meyer Lucas Meunier Perez Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Leroux
Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard
Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Hubert Charles Guillot Rivière Guillaume Adam
Rey Moulin Gonzalez Berger Lecomte Ménard Fleury Deschamps Carpentier Julien Benoît Maillard Marchal Aubry Vasseur
Renault Jacquet Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Lainé Carré Breton Rémy Schneider
Perrot Guyot Barré Marty Cousin Boulanger Rose Kerbrat Tanguy Morvan Jaouen Etcheverry Irigoyen Harriet
Oyharçabal Casanova Santoni Paoli Leca Pietri Bianchi Ferrari Rossi Esposito Haddad Benali Mansouri Bouziane
Cherif Belkacem Zerrouki Amrani Benjelloun Tazi Ouali Traoré Diallo Koné Diop Ndiaye Sow Camara Keita Nkoulou
Tshibanda Mukendi Tran Pham Hoang Dang Yilmaz Kaya Demir Çelik Şahin Öztürk Kowalski Nowak Wiśniewski
Lewandowska Zieliński Kamiński Ferreira Pereira Rodrigues Gonçalves Carvalho Oliveira Santos Costa Alves Sousa
Fernandes Martins Jiménez Ruiz Hernández Moreno Muñoz Álvarez Romero Navarro Torres Ramírez Serrano Molina
Ortega Delgado Castro Rubio Iglesias Medina Weber Wagner Becker Hoffmann Schulz Koch Klein Wolf Schröder Neumann
Zimmermann Krüger Hartmann Murphy Kelly Chen Wang Zhang Liu Huang Kim Park Ivanov Popescu Ionescu Dumitru
Horvath Papadopoulos Abadie Lasserre Cazenave Labat Dupouy Lafargue Bordes Sarrazin Vergnes Castagné Mazeau
Chauvin Bouvier Peltier Hamel Lebrun Lejeune Tessier Chauvet Guillou Bailly Hervé Salaün Cadiou Ollivier
Poulain Delattre Dewaele Vandamme Lemaître Wattel Desmet Vanhove Schaeffer Kieffer Hirtz Wurtz Ehrhart Hamon
Jégou Courtois Lavigne Boucher Vallée Leblanc Maréchal Barthélemy Besson Millet Charrier Pasquier Texier
Gilbert Langlois Lebon Coulon Germain Brunel Maurin Cordier Verdier Tournier Pottier Dubreuil Loiseau Lelièvre
Bouchard Grondin Payet Hoarau Técher Fontaine Boyer Nativel Jean-Baptiste Louisy Zami Alexis Marie-Sainte
Bellance Adélaïde Pinel Rabemananjara Randriamampionona Okafor Mensah Kouassi Yao Bamba Cissé Touré
""".split()))
SURNAMES += ["Le Gall", "Le Roux", "Le Goff", "Le Bihan", "Le Floch", "Le Corre", "Da Silva", "Dos Santos",
             "De Oliveira", "Ait Ahmed", "El Idrissi", "Ben Youssef", "Nguyen Van Thanh", "Van den Berghe",
             "García López", "Fernández de la Cruz", "Pereira da Costa", "Sousa Machado", "Abou Khalil",
             "Diallo Bah", "Le Meur", "De Lattre", "Saint-Pierre", "Lorraine", "Paris", "Nancy"]

GIVEN_F = list(dict.fromkeys("""
Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie Sandrine Stéphanie Sophie Céline Julie
Aurélie Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina Zoé Lucie Clara Anaïs Élodie Émilie Laetitia
Virginie Karine Véronique Patricia Brigitte Martine Nicole Danielle Chantal Josiane Jacqueline Odile Gisèle Yvette
Colette Paulette Simone Madeleine Thérèse Jeanne Geneviève Bernadette Agnès Claire Hélène Anne Marion Pauline
Margaux Océane Morgane Maëlle Gwenaëlle Nolwenn Soizic Rozenn Maïwenn Mireille Fabienne Corinne Muriel Pascale
Delphine Audrey Élise Charlotte Mathilde Juliette Rose Violette Capucine Marie-Claire Marie-Thérèse Anne-Sophie
Marie-Laure Nadia Fatima Amina Leïla Yasmina Aminata Fatoumata Awa Aïssatou Kadiatou Lan Linh Huong Mai Ayşe Elif
Fatma Zeynep Agnieszka Katarzyna Małgorzata Maria Ana Conceição Fernanda Lucía Carmen Pilar Sofía Giulia Francesca
Chiara Sabine Ursula Olga Natalia Andreea Ioana Siobhan Sarah Rebecca Esther Noémie Yaël Lorraine Florence France
Dominique Nancy Rachida Samira Khadija Malika Sonia Priscilla Ketty Line Gaëlle Solène Perrine Blandine
""".split()))
GIVEN_M = list(dict.fromkeys("""
Jean Pierre Michel Philippe Alain Bernard Christian Daniel Gérard Patrick Jacques André René Claude Robert Roger
Marcel Louis Henri Georges Lucien Maurice Raymond Guy Yves Gilles Thierry Éric Frédéric Laurent Olivier Christophe
Sébastien Nicolas Julien Guillaume Mathieu Romain Maxime Thomas Alexandre Antoine Hugo Lucas Gabriel Raphaël Arthur
Jules Léo Adam Nathan Théo Enzo Mathis Clément Baptiste Quentin Kevin Anthony Jérémy Florian Benoît Vincent Franck
Pascal Didier Dominique Régis Hervé Loïc Yann Erwan Gwenaël Tanguy Ronan Killian Mikel Iñaki Ange Dumè
Jean-Pierre Jean-Claude Jean-Luc Jean-Marc Jean-François Pierre-Yves Paul-Antoine Mohamed Ahmed Karim Rachid Samir
Sofiane Bilal Mehdi Youssef Ibrahim Moussa Mamadou Oumar Seydou Minh Duc Quang Mehmet Emre Murat Tomasz Piotr
João José António Manuel Joaquim Carlos Javier Alejandro Marco Luca Alessandro Hans Jürgen Klaus Wei Jun Dmitri
Mihai Gheorghe Kwame Samuel David Martin Paris Noël Firmin Gaston Fabrice Steeve Johan Teddy Ludovic
""".split()))
GIVEN_F += ["Thi Lan", "Li Na", "Marie-José", "Anne-Marie"]
GIVEN_M += ["Van Minh", "Jean-Baptiste", "Abdel Kader"]

# words that are also surnames/given names, for negatives
COMMON_WORD_NAMES = ["Boulanger", "Petit", "Blanc", "Marchand", "Rose", "Pierre", "Martin", "Roux", "Brun", "Berger",
                     "Meunier", "Boucher", "Charpentier", "Noël", "Paris", "Lorraine", "France", "Florence"]

STREETS = """rue de la République|avenue Jean Jaurès|boulevard Victor Hugo|rue des Lilas|impasse des Tilleuls|chemin du Moulin
allée des Acacias|place de l'Église|rue Pasteur|rue du Général de Gaulle|rue Gambetta|rue Nationale|route de Lyon
quai de la Fosse|rue Saint-Michel|rue Sainte-Catherine|cours Mirabeau|rue de Siam|rue Paul Bert|avenue Foch
rue des Écoles|rue du Château|rue Émile Zola|rue de la Paix|avenue de la Libération|rue Jules Ferry|rue Voltaire
rue de Brest|rue du Stade|rue des Peupliers|allée des Mésanges|rue du Commandant Charcot|avenue Maréchal Leclerc
boulevard de la Liberté|rue Anatole France|rue Jean Moulin|rue Marcel Pagnol|chemin des Vignes|route de Quimper
rue de Verdun|rue Nationale|rue des Forges|rue du Puits|impasse du Lavoir|rue Sainte-Anne|rue Saint-Martin
avenue des Pins|rue Pierre et Marie Curie|rue Louise Michel|rue Aristide Briand|boulevard Gambetta|rue de Kerjean
rue Ar Menez|chemin de Halsou|rue Fesch|cours Napoléon|boulevard Paoli|rue Frébault|rue Schœlcher|rue de Paris
rue Lamartine|rue du Maréchal Foch|rue des Martyrs|avenue du Président Wilson|rue Montesquieu|rue Condorcet
allée Rose Valland|rue Simone Veil|rue Olympe de Gouges|quai des Chartrons|rue Boulanger|rue du Docteur Roux""".replace("\n", "|").split("|")

CITIES = [("35000", "Rennes"), ("29000", "Quimper"), ("44000", "Nantes"), ("69003", "Lyon"), ("13008", "Marseille"),
          ("31000", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"), ("67000", "Strasbourg"), ("75015", "Paris"),
          ("75011", "Paris"), ("06000", "Nice"), ("34000", "Montpellier"), ("42000", "Saint-Étienne"),
          ("63000", "Clermont-Ferrand"), ("21000", "Dijon"), ("87000", "Limoges"), ("64100", "Bayonne"),
          ("20000", "Ajaccio"), ("20200", "Bastia"), ("97110", "Pointe-à-Pitre"), ("97200", "Fort-de-France"),
          ("97400", "Saint-Denis"), ("97300", "Cayenne"), ("54000", "Nancy"), ("57000", "Metz"), ("76000", "Rouen"),
          ("14000", "Caen"), ("49000", "Angers"), ("37000", "Tours"), ("45000", "Orléans"), ("86000", "Poitiers"),
          ("17000", "La Rochelle"), ("56100", "Lorient"), ("22000", "Saint-Brieuc"), ("80000", "Amiens"),
          ("51100", "Reims"), ("25000", "Besançon"), ("38000", "Grenoble"), ("73000", "Chambéry"),
          ("84000", "Avignon"), ("30000", "Nîmes"), ("66000", "Perpignan"), ("65000", "Tarbes"), ("12000", "Rodez"),
          ("15000", "Aurillac"), ("58000", "Nevers"), ("18000", "Bourges"), ("02100", "Saint-Quentin"),
          ("62300", "Lens"), ("59100", "Roubaix"), ("93200", "Saint-Denis"), ("94000", "Créteil"),
          ("92100", "Boulogne-Billancourt"), ("78000", "Versailles"), ("29200", "Brest"),
          ("50100", "Cherbourg-en-Cotentin"), ("72000", "Le Mans"), ("85000", "La Roche-sur-Yon"),
          ("64500", "Saint-Jean-de-Luz"), ("68100", "Mulhouse"), ("97600", "Mamoudzou"), ("29120", "Pont-l'Abbé")]
PLACES = ["Quimper", "Saint-Étienne", "Saint-Malo", "Sainte-Anne-d'Auray", "Saint-Nazaire", "Brest", "Lorient", "Vannes",
          "Nancy", "Lorraine", "Bretagne", "Finistère", "Morbihan", "Haute-Garonne", "Bouches-du-Rhône", "Val-de-Marne",
          "Pyrénées-Atlantiques", "Saint-Denis", "Montpellier", "Limoges", "Rodez", "Annecy", "Saint-Brieuc",
          "Sainte-Foy-lès-Lyon", "Saint-Laurent-du-Var", "Mont-de-Marsan", "Clermont-Ferrand", "Paris"]
HOSPITALS = ["CHU de Rennes", "hôpital Sainte-Anne", "clinique Saint-Vincent", "CHRU de Brest", "hôpital Bichat",
             "CHU Pellegrin", "hôpital de la Croix-Rousse", "clinique Pasteur", "hôpital Pitié-Salpêtrière",
             "centre hospitalier de Cornouaille", "clinique Saint-Jean", "hôpital Georges-Pompidou",
             "CHU Gabriel-Montpied", "hôpital Necker", "clinique Jules Verne", "institut Curie"]
DRUGS = ["Doliprane 1000 mg", "Lévothyrox 75 µg", "Kardégic 75 mg", "Amoxicilline 1 g", "Augmentin 1 g/125 mg",
         "Spasfon", "Inexium 40 mg", "Metformine 850 mg", "Ventoline", "Xarelto 20 mg", "Eliquis 5 mg",
         "Tahor 20 mg", "Dafalgan codéiné", "Ibuprofène 400 mg", "Seresta 10 mg", "Lyrica 75 mg", "Humira",
         "Lantus Solostar", "Forlax", "Smecta", "Piascledine", "Bisoprolol 2,5 mg", "Ramipril 5 mg",
         "Levothyrox", "Gaviscon", "Prednisolone 20 mg", "Zymad 50 000 UI", "Toplexil", "Celestene"]
EPONYMS = ["maladie de Parkinson", "maladie d'Alzheimer", "maladie de Crohn", "signe de Babinski",
           "signe de Lasègue", "syndrome de Gougerot-Sjögren", "maladie de Basedow", "thyroïdite de Hashimoto",
           "maladie de Hodgkin", "manœuvre de Valsalva", "syndrome de Raynaud", "maladie de Paget",
           "canal de Guyon", "classification de Garden", "score de Glasgow", "test de Schirmer",
           "maladie de Dupuytren", "signe de Murphy", "syndrome de Cushing", "maladie de Horton"]
BRANDS = ["Doctolib", "Ameli", "Optic 2000", "Krys", "Afflelou", "Atol", "Générale d'Optique", "Audika",
          "Amplifon", "Grand Audition", "Entendre", "Lissac", "Ray-Ban", "Oakley", "Essilor", "Varilux",
          "Phonak", "Oticon", "Signia", "Lacoste", "Chanel", "Jean Lafont", "Tom Ford", "Maison Lejeune"]
COUNTRY_PREP = {"Maroc": "au", "Portugal": "au", "Viêt Nam": "au", "Royaume-Uni": "au", "Sénégal": "au", "Mali": "au",
                "Brésil": "au"}
COUNTRY_CODES = {"Maroc": 350, "Algérie": 352, "Tunisie": 351, "Espagne": 134, "Portugal": 139, "Italie": 127,
                 "Allemagne": 109, "Viêt Nam": 243, "Turquie": 208, "Pologne": 122, "Royaume-Uni": 132,
                 "Sénégal": 341, "Mali": 335, "Roumanie": 114, "Chine": 216, "Brésil": 437}
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MAIL_DOMAINS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr",
                "sfr.fr", "outlook.fr", "icloud.com", "bbox.fr", "neuf.fr"]


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


class Person:
    def __init__(self, r, sex=None, born_abroad=None, min_year=1935, max_year=2004):
        self.sex = sex or r.choice("MF")
        self.first = r.choice(GIVEN_M if self.sex == "M" else GIVEN_F)
        self.last = r.choice(SURNAMES)
        y = r.randint(min_year, max_year)
        self.dob = dt.date(y, r.randint(1, 12), r.randint(1, 28))
        if born_abroad:
            country = born_abroad if born_abroad in COUNTRY_CODES else r.choice(list(COUNTRY_CODES))
            self.country = country
            self.nir = I.make_nir(self.sex, y, self.dob.month, "99", COUNTRY_CODES[country], r.randint(1, 999))
        else:
            dep = r.choice(I.DEPARTEMENTS)
            commune = r.randint(1, 99) if len(dep) == 3 else r.randint(1, 600)
            self.nir = I.make_nir(self.sex, y, self.dob.month, dep, commune, r.randint(1, 999))
        self.mobile = "0" + r.choice("67") + "".join(str(r.randint(0, 9)) for _ in range(8))
        self.fixe = "0" + r.choice("123459") + "".join(str(r.randint(0, 9)) for _ in range(8))
        cp, city = r.choice(CITIES)
        self.cp, self.city = cp, city
        self.street = r.choice(STREETS)
        self.num = r.choice([str(r.randint(1, 180)), str(r.randint(1, 60)), f"{r.randint(1, 40)} bis",
                             f"{r.randint(1, 30)} ter", f"{r.randint(1, 99)}B"])

    # names
    def name(self, r, form=None):
        f, l = self.first, self.last
        form = form or r.choice(["fl", "fl", "fl", "Lf", "l", "f", "il", "LF"])
        return {"fl": f"{f} {l}", "Lf": f"{l.upper()} {f}", "lf": f"{l} {f}", "l": l, "f": f,
                "il": f"{f[0]}. {l}", "LF": f"{l.upper()} {f.upper()}", "FL": f"{f.upper()} {l.upper()}",
                "low": f"{f.lower()} {l.lower()}", "L": l.upper()}[form]

    def civ(self):
        return "M." if self.sex == "M" else "Mme"

    def email(self, r):
        f = strip_accents(self.first).lower().replace(" ", "").replace("-", "")
        l = strip_accents(self.last).lower().replace(" ", "").replace("'", "")
        user = r.choice([f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}", f"{f}{l}{r.randint(1, 99)}", f"{f}_{l}",
                         f"{l}{self.dob.year % 100:02d}", f"{f}.{l}{self.dob.year}"])
        return f"{user}@{r.choice(MAIL_DOMAINS)}"

    def street_line(self):
        return f"{self.num} {self.street}"


def fmt_email_obf(r, email):
    u, d = email.split("@")
    st = r.randint(0, 4)
    if st == 0:
        return f"{u} [at] {d}"
    if st == 1:
        return f"{u} arobase {d.replace('.', ' point ')}"
    if st == 2:
        return f"{u}(at){d}"
    if st == 3:
        return f"{u} @ {d}"
    return f"{u}[@]{d.replace('.', '[.]')}"


def fmt_date(r, d, style=None):
    st = style if style is not None else r.randint(0, 9)
    if st == 0:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if st == 1:
        return f"{d.day} {MOIS[d.month - 1]} {d.year}"
    if st == 2:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if st == 3:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if st == 4:
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    if st == 5:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if st == 6:
        return f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]} {d.year}"
    if st == 7:
        return f"{d.day}/{d.month}/{d.year}"
    if st == 8:
        return f"{d.day:02d} {MOIS[d.month - 1][:4].rstrip('.')}. {d.year}" if len(MOIS[d.month - 1]) > 4 else f"{d.day:02d} {MOIS[d.month - 1]} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_date_en(r, d):
    st = r.randint(0, 3)
    if st == 0:
        return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    if st == 1:
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    if st == 2:
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    return f"{MONTHS_EN[d.month - 1][:3]} {d.day} {d.year}"


def fmt_phone(r, digits, style=None):
    st = style if style is not None else r.randint(0, 11)
    p = [digits[i:i + 2] for i in range(0, 10, 2)]
    n9 = digits[1:]
    if st in (0, 1, 2):
        return " ".join(p)
    if st == 3:
        return ".".join(p)
    if st == 4:
        return "-".join(p)
    if st == 5:
        return digits
    if st == 6:
        return "+33 " + n9[0] + " " + " ".join(n9[i:i + 2] for i in range(1, 9, 2))
    if st == 7:
        return "+33" + n9
    if st == 8:
        return "0033 " + n9[0] + " " + " ".join(n9[i:i + 2] for i in range(1, 9, 2))
    if st == 9:
        return "+33 (0)" + n9[0] + " " + " ".join(n9[i:i + 2] for i in range(1, 9, 2))
    if st == 10:
        return f"{digits[:2]} {digits[2:4]} {digits[4:7]} {digits[7:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def overseas_phone(r):
    pre = r.choice([("590", "690"), ("596", "696"), ("594", "694"), ("262", "692"), ("262", "693"), ("262", "639")])
    rest = "".join(str(r.randint(0, 9)) for _ in range(6))
    st = r.randint(0, 3)
    if st == 0:
        return f"0{pre[1]} {rest[:2]} {rest[2:4]} {rest[4:]}"
    if st == 1:
        return f"+{pre[0]} {pre[1]} {rest[:2]} {rest[2:4]} {rest[4:]}"
    if st == 2:
        return f"0{pre[0]} {rest[:2]} {rest[2:4]} {rest[4:]}"
    return f"00{pre[0]}{pre[1]}{rest}"


def foreign_phone(r):
    d = lambda n: "".join(str(r.randint(0, 9)) for _ in range(n))
    return r.choice([f"+44 20 {d(4)} {d(4)}", f"+34 6{d(2)} {d(3)} {d(3)}", f"+49 30 {d(8)}",
                     f"+1 (514) 555-{d(4)}", f"+351 91{d(1)} {d(3)} {d(3)}", f"+39 333 {d(3)} {d(4)}",
                     f"+41 22 {d(3)} {d(2)} {d(2)}", f"+212 6{d(2)} {d(2)} {d(2)} {d(2)}",
                     f"+213 5{d(2)} {d(2)} {d(2)} {d(2)}", f"+90 532 {d(3)} {d(2)} {d(2)}",
                     f"+48 {d(3)} {d(3)} {d(3)}", f"+84 90 {d(3)} {d(4)}", f"+32 4{d(2)} {d(2)} {d(2)} {d(2)}"])


def fmt_nir(r, nir, style=None, key=True):
    s = nir if key else nir[:13]
    st = style if style is not None else r.randint(0, 8)
    g = [s[0], s[1:3], s[3:5], s[5:7], s[7:10], s[10:13]]
    k = s[13:] if key else ""
    if st in (0, 1):
        out = " ".join(g)
        return out + (f" {k}" if k else "")
    if st == 2:
        return s
    if st == 3:
        return s[:13] + (f" {k}" if k else "")
    if st == 4:
        return ".".join(g) + (f".{k}" if k else "")
    if st == 5:
        return " ".join(g) + (f" - {k}" if k else "")
    if st == 6:
        return s[:13] + (f"/{k}" if k else "")
    if st == 7:
        return "-".join(g) + (f"-{k}" if k else "")
    return " ".join(g) + (f" clé {k}" if False else (f" {k}" if k else ""))


def fmt_nir_odd(r, nir):
    st = r.randint(0, 4)
    if st == 0:
        return f"{nir[:3]} {nir[3:6]} {nir[6:9]} {nir[9:12]} {nir[12:]}"
    if st == 1:
        return f"{nir[:7]} {nir[7:13]}/{nir[13:]}"
    if st == 2:
        return f"{nir[:13]}\n{nir[13:]}"
    if st == 3:
        return f"{nir[0]}-{nir[1:5]}-{nir[5:10]}-{nir[10:13]} / {nir[13:]}"
    return f"{nir[:5]}.{nir[5:10]}.{nir[10:]}"


def make_rpps(r):
    body = "10" + "".join(str(r.randint(0, 9)) for _ in range(8))
    return body + I.luhn_check_digit(body)


def make_adeli(r):
    dep = r.choice(["75", "35", "29", "69", "13", "33", "59", "31", "44", "67", "06", "2A", "974"])
    dep = dep if dep.isdigit() and len(dep) == 2 else "97"
    prof = r.choice(["1", "1", "2", "4", "6", "8", "9"])
    return dep + prof + "".join(str(r.randint(0, 9)) for _ in range(6))


def fmt_adeli(r, a):
    return r.choice([a, a, f"{a[:2]} {a[2]} {a[3:8]} {a[8]}", f"{a[:3]} {a[3:6]} {a[6:]}"])


def fmt_rpps(r, x):
    return r.choice([x, x, x, f"{x[:1]} {x[1:3]} {x[3:6]} {x[6:9]} {x[9:]}", f"{x[:2]} {x[2:5]} {x[5:8]} {x[8:]}"])


def make_siren(r):
    while True:
        s = I.make_siren(r.randint(10000000, 99999999))
        if not s.startswith(I.LA_POSTE_SIREN):
            return s


def make_siret(r, siren=None):
    return I.make_siret(siren or make_siren(r), r.choice([10, 12, 17, 23, 25, 31, 39, 44, 52, 68, r.randint(1, 999)]))


def fmt_siret(r, s):
    if len(s) == 9:
        return r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}.{s[3:6]}.{s[6:]}"])
    return r.choice([f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", s, s, f"{s[:9]} {s[9:]}", f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}"])


def make_iban(r):
    return I.make_fr_iban(r.choice([30003, 30004, 30002, 20041, 10278, 16006, 13507, 17515, 11315, 18206, 30066, 14505]),
                          r.randint(1, 99999), r.randint(1, 99999999999))


def fmt_iban(r, iban, style=None):
    st = style if style is not None else r.randint(0, 6)
    if st in (0, 1, 2):
        return I.format_iban(iban)
    if st == 3:
        return iban
    if st == 4:
        return f"{iban[:4]} {iban[4:9]} {iban[9:14]} {iban[14:25]} {iban[25:]}"
    if st == 5:
        return "-".join(iban[i:i + 4] for i in range(0, 27, 4))
    return I.format_iban(iban).lower() if r.random() < 0.3 else f"{iban[:2]} {iban[2:4]} {iban[4:]}"


def digits(r, n, first=None):
    s = (first or str(r.randint(1, 9))) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))
    return s[:n]


def fake_9(r):
    while True:
        s = digits(r, 9)
        if not I.luhn_valid(s):
            return s


def fake_14(r):
    while True:
        s = digits(r, 14)
        if not I.siret_luhn_valid(s) and not I.luhn_valid(s[:9]):
            return s


def fake_15(r):
    while True:
        s = digits(r, 15, first=r.choice("123456789"))
        if not I.nir_key_valid(s):
            return s


def fake_11(r):
    while True:
        s = digits(r, 11)
        if not I.luhn_valid(s):
            return s


def care_date(r, year=None):
    """A date of care / letter / signature between 2025-01-01 and 2026-11-20."""
    y = year or r.choice([2025, 2026])
    m = r.randint(1, 12 if y < 2026 else 11)
    return dt.date(y, m, r.randint(1, 28 if (y, m) != (2026, 11) else 20))


def amount(r, lo=5, hi=900):
    return f"{r.uniform(lo, hi):.2f}".replace(".", ",")


CCAM = ["HBLD038", "HBQK002", "YYYY010", "QZFA004", "NFKA007", "LMMA006", "BFGA004", "JKQX001", "HBJD001",
        "DZQM006", "ZCQK002", "NZQM001", "HBMD049", "QEQK004", "HBGD036", "LBLD015"]
LPP = ["2265744", "2203240", "2206837", "2235776", "2227038", "2200393", "2235599", "7363060", "2209730",
       "2210546", "1341040", "2262150"]
NGAP = ["C 26,50", "G 30", "K 50", "AMI 3", "AMS 7,5", "APC 55", "TC", "CS", "AMK 8", "SF 12", "AMY 15,4"]


def claim_ref(r):
    return r.choice([f"SIN-{r.randint(2024, 2026)}-{r.randint(10000, 999999):06d}",
                     f"n° de contrat {r.choice('ABCDMPT')}{r.randint(100000, 999999)}",
                     f"dossier {r.randint(2024, 2026)}/{r.randint(1000, 99999)}",
                     f"réf. {r.choice(['DEV', 'FAC', 'REC', 'PEC'])}{r.randint(1000000, 9999999)}",
                     f"ticket #{r.randint(100000, 999999)}"])
