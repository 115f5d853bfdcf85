# ruff: noqa: E501 - tables of reference data read best one row per line
"""Embedded reference data for the synthetic mutuelle.

Small, fixed lists so that generation is fast and byte-for-byte reproducible
whatever is installed: French names by sex and birth generation, communes with
their postal codes (every département, Corsica and the overseas départements
included), street names, banks, countries of birth, and a simplified catalogue
of acts of care with their Sécurité sociale bases and rates.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- names ---------------------------------------------------------------------

# Frequent French family names, most frequent first (weights follow the rank).
LAST_NAMES: tuple[str, ...] = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
    "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
    "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
    "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
    "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
    "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
    "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
    "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
    "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
    "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
    "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
    "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
    "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
    "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
    "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
    "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
    "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
    "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
    "Ferreira", "Pereira", "Dos Santos", "Nguyen", "Haddad", "Mansouri", "Benali", "Diallo", "Traoré", "Kouassi",
    "Hamidou", "Saïd", "Madi", "Pierre-Louis", "Jean-Baptiste", "Alexandre", "Marie-Sainte", "Joseph", "Bardin", "Tran",
)  # fmt: skip

# First names by sex and birth generation: born before 1955, 1955-1979, 1980-1999, from 2000.
GENERATION_STARTS: tuple[int, ...] = (0, 1955, 1980, 2000)
FIRST_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "F": (
        ("Marie", "Jeanne", "Monique", "Jacqueline", "Françoise", "Simone", "Denise", "Madeleine", "Suzanne",
         "Yvette", "Odette", "Paulette", "Colette", "Micheline", "Ginette", "Georgette", "Germaine", "Renée",
         "Andrée", "Josette", "Lucienne", "Marcelle", "Fatima", "Geneviève"),
        ("Nathalie", "Isabelle", "Sylvie", "Catherine", "Christine", "Martine", "Valérie", "Sandrine", "Véronique",
         "Patricia", "Nicole", "Brigitte", "Chantal", "Dominique", "Florence", "Corinne", "Pascale", "Laurence",
         "Stéphanie", "Karine", "Hélène", "Anne", "Virginie", "Nadia", "Marie-Claude", "Évelyne"),
        ("Julie", "Aurélie", "Émilie", "Élodie", "Audrey", "Laura", "Sarah", "Camille", "Marion", "Mélanie",
         "Caroline", "Claire", "Pauline", "Anaïs", "Manon", "Marine", "Charlotte", "Justine", "Amandine", "Céline",
         "Laetitia", "Jessica", "Vanessa", "Morgane", "Yasmine", "Sabrina"),
        ("Emma", "Léa", "Chloé", "Inès", "Jade", "Louise", "Alice", "Lina", "Mila", "Zoé", "Lola", "Juliette",
         "Manon", "Camille", "Clara", "Sarah", "Rose", "Anna", "Ambre", "Léna", "Romane", "Lucie", "Eva", "Agathe",
         "Sofia", "Maëlys"),
    ),
    "M": (
        ("Jean", "Pierre", "André", "Michel", "Jacques", "Roger", "René", "Marcel", "Louis", "Henri", "Georges",
         "Robert", "Claude", "Paul", "Maurice", "Raymond", "Lucien", "Bernard", "Gérard", "Fernand", "Mohamed",
         "Joseph", "Roland", "Guy"),
        ("Philippe", "Patrick", "Alain", "Christophe", "Thierry", "Éric", "Pascal", "Frédéric", "Laurent",
         "Stéphane", "Didier", "Olivier", "Bruno", "Daniel", "Dominique", "Jean-Pierre", "Jean-Luc", "Serge",
         "Denis", "Gilles", "Franck", "Jean-Marc", "Hervé", "Vincent", "Karim", "Francis"),
        ("Nicolas", "Julien", "Sébastien", "Guillaume", "Alexandre", "Maxime", "Thomas", "Kevin", "Anthony",
         "Jérémy", "Romain", "Mickaël", "Mathieu", "Benjamin", "Florian", "Jonathan", "Quentin", "Antoine",
         "Cédric", "Damien", "Yannick", "Clément", "Adrien", "Samir", "Mehdi", "Loïc"),
        ("Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Raphaël", "Léo", "Adam", "Nathan", "Enzo", "Tom",
         "Théo", "Noah", "Ethan", "Mathis", "Paul", "Sacha", "Maël", "Liam", "Nolan", "Timéo", "Aaron", "Mohamed",
         "Yanis", "Rayan"),
    ),
}  # fmt: skip

# --- communes --------------------------------------------------------------------

# (postal code, commune, population in thousands). The département follows from
# the postal code (confiance.identifiers.postal_code_departement).
COMMUNES: tuple[tuple[str, str, int], ...] = (
    ("01000", "Bourg-en-Bresse", 42), ("01100", "Oyonnax", 22),
    ("02000", "Laon", 24), ("02100", "Saint-Quentin", 53), ("02200", "Soissons", 28),
    ("03000", "Moulins", 19), ("03100", "Montluçon", 34), ("03200", "Vichy", 25),
    ("04000", "Digne-les-Bains", 16), ("04100", "Manosque", 22),
    ("05000", "Gap", 41), ("05100", "Briançon", 11),
    ("06000", "Nice", 342), ("06400", "Cannes", 74), ("06600", "Antibes", 73), ("06130", "Grasse", 50),
    ("07000", "Privas", 8), ("07100", "Annonay", 17), ("07200", "Aubenas", 12),
    ("08000", "Charleville-Mézières", 46), ("08200", "Sedan", 16),
    ("09000", "Foix", 9), ("09100", "Pamiers", 15),
    ("10000", "Troyes", 61),
    ("11000", "Carcassonne", 46), ("11100", "Narbonne", 55),
    ("12000", "Rodez", 24), ("12100", "Millau", 22),
    ("13001", "Marseille", 300), ("13008", "Marseille", 300), ("13013", "Marseille", 270),
    ("13100", "Aix-en-Provence", 145), ("13200", "Arles", 51), ("13500", "Martigues", 49),
    ("14000", "Caen", 106), ("14100", "Lisieux", 20), ("14400", "Bayeux", 13),
    ("15000", "Aurillac", 26),
    ("16000", "Angoulême", 42), ("16100", "Cognac", 19),
    ("17000", "La Rochelle", 77), ("17100", "Saintes", 25), ("17300", "Rochefort", 24),
    ("18000", "Bourges", 64), ("18100", "Vierzon", 26),
    ("19000", "Tulle", 15), ("19100", "Brive-la-Gaillarde", 46),
    ("20000", "Ajaccio", 73), ("20137", "Porto-Vecchio", 12), ("20100", "Sartène", 3), ("20110", "Propriano", 4),
    ("20200", "Bastia", 48), ("20260", "Calvi", 5), ("20250", "Corte", 7), ("20620", "Biguglia", 8),
    ("21000", "Dijon", 159), ("21200", "Beaune", 20),
    ("22000", "Saint-Brieuc", 44), ("22300", "Lannion", 20), ("22100", "Dinan", 14),
    ("23000", "Guéret", 13),
    ("24000", "Périgueux", 30), ("24100", "Bergerac", 27), ("24200", "Sarlat-la-Canéda", 9),
    ("25000", "Besançon", 119), ("25200", "Montbéliard", 25), ("25300", "Pontarlier", 17),
    ("26000", "Valence", 64), ("26200", "Montélimar", 40), ("26100", "Romans-sur-Isère", 33),
    ("27000", "Évreux", 47), ("27200", "Vernon", 24),
    ("28000", "Chartres", 39), ("28100", "Dreux", 30),
    ("29000", "Quimper", 63), ("29200", "Brest", 139), ("29600", "Morlaix", 15),
    ("30000", "Nîmes", 148), ("30100", "Alès", 42),
    ("31000", "Toulouse", 170), ("31200", "Toulouse", 170), ("31400", "Toulouse", 160),
    ("31770", "Colomiers", 39), ("31600", "Muret", 25),
    ("32000", "Auch", 22),
    ("33000", "Bordeaux", 180), ("33800", "Bordeaux", 80), ("33700", "Mérignac", 72), ("33600", "Pessac", 65),
    ("33120", "Arcachon", 11), ("33500", "Libourne", 25),
    ("34000", "Montpellier", 200), ("34070", "Montpellier", 95), ("34500", "Béziers", 78), ("34200", "Sète", 44),
    ("35000", "Rennes", 150), ("35200", "Rennes", 72), ("35400", "Saint-Malo", 46), ("35300", "Fougères", 20),
    ("36000", "Châteauroux", 43),
    ("37000", "Tours", 136), ("37300", "Joué-lès-Tours", 38), ("37400", "Amboise", 13),
    ("38000", "Grenoble", 158), ("38200", "Vienne", 30), ("38500", "Voiron", 20), ("38130", "Échirolles", 36),
    ("39000", "Lons-le-Saunier", 17), ("39100", "Dole", 24),
    ("40000", "Mont-de-Marsan", 30), ("40100", "Dax", 21),
    ("41000", "Blois", 46), ("41100", "Vendôme", 16),
    ("42000", "Saint-Étienne", 172), ("42300", "Roanne", 34),
    ("43000", "Le Puy-en-Velay", 19),
    ("44000", "Nantes", 200), ("44300", "Nantes", 120), ("44600", "Saint-Nazaire", 72), ("44400", "Rezé", 42),
    ("45000", "Orléans", 116), ("45200", "Montargis", 14),
    ("46000", "Cahors", 20), ("46100", "Figeac", 10),
    ("47000", "Agen", 33), ("47300", "Villeneuve-sur-Lot", 22),
    ("48000", "Mende", 12),
    ("49000", "Angers", 155), ("49300", "Cholet", 54), ("49400", "Saumur", 26),
    ("50000", "Saint-Lô", 19), ("50100", "Cherbourg-en-Cotentin", 78), ("50400", "Granville", 13),
    ("51100", "Reims", 180), ("51000", "Châlons-en-Champagne", 44), ("51200", "Épernay", 22),
    ("52000", "Chaumont", 22), ("52100", "Saint-Dizier", 24),
    ("53000", "Laval", 49),
    ("54000", "Nancy", 105), ("54500", "Vandœuvre-lès-Nancy", 29), ("54300", "Lunéville", 18),
    ("55000", "Bar-le-Duc", 15), ("55100", "Verdun", 17),
    ("56000", "Vannes", 54), ("56100", "Lorient", 57), ("56300", "Pontivy", 15),
    ("57000", "Metz", 118), ("57100", "Thionville", 41), ("57600", "Forbach", 21),
    ("58000", "Nevers", 33),
    ("59000", "Lille", 236), ("59100", "Roubaix", 98), ("59200", "Tourcoing", 98), ("59140", "Dunkerque", 87),
    ("59300", "Valenciennes", 43), ("59500", "Douai", 40), ("59650", "Villeneuve-d'Ascq", 62),
    ("60000", "Beauvais", 56), ("60200", "Compiègne", 40), ("60100", "Creil", 36),
    ("61000", "Alençon", 26), ("61100", "Flers", 15),
    ("62000", "Arras", 42), ("62100", "Calais", 67), ("62200", "Boulogne-sur-Mer", 40), ("62300", "Lens", 31),
    ("62400", "Béthune", 25),
    ("63000", "Clermont-Ferrand", 147), ("63200", "Riom", 19),
    ("64000", "Pau", 77), ("64100", "Bayonne", 51), ("64200", "Biarritz", 25), ("64600", "Anglet", 40),
    ("65000", "Tarbes", 42), ("65100", "Lourdes", 13),
    ("66000", "Perpignan", 120), ("66140", "Canet-en-Roussillon", 13),
    ("67000", "Strasbourg", 180), ("67100", "Strasbourg", 107), ("67500", "Haguenau", 35), ("67600", "Sélestat", 19),
    ("68000", "Colmar", 69), ("68100", "Mulhouse", 108),
    ("69003", "Lyon", 100), ("69007", "Lyon", 85), ("69008", "Lyon", 85), ("69100", "Villeurbanne", 152),
    ("69200", "Vénissieux", 67), ("69400", "Villefranche-sur-Saône", 37),
    ("70000", "Vesoul", 15),
    ("71000", "Mâcon", 34), ("71100", "Chalon-sur-Saône", 45), ("71200", "Le Creusot", 21),
    ("72000", "Le Mans", 145), ("72200", "La Flèche", 15),
    ("73000", "Chambéry", 60), ("73100", "Aix-les-Bains", 31), ("73200", "Albertville", 19),
    ("74000", "Annecy", 130), ("74200", "Thonon-les-Bains", 35), ("74100", "Annemasse", 37),
    ("75005", "Paris", 58), ("75010", "Paris", 86), ("75011", "Paris", 142), ("75012", "Paris", 140),
    ("75013", "Paris", 178), ("75014", "Paris", 135), ("75015", "Paris", 230), ("75016", "Paris", 165),
    ("75017", "Paris", 165), ("75018", "Paris", 190), ("75019", "Paris", 182), ("75020", "Paris", 192),
    ("76000", "Rouen", 112), ("76600", "Le Havre", 168), ("76200", "Dieppe", 29),
    ("77000", "Melun", 41), ("77100", "Meaux", 55), ("77500", "Chelles", 55), ("77300", "Fontainebleau", 15),
    ("78000", "Versailles", 85), ("78100", "Saint-Germain-en-Laye", 45), ("78200", "Mantes-la-Jolie", 44),
    ("78300", "Poissy", 38),
    ("79000", "Niort", 59), ("79300", "Bressuire", 19),
    ("80000", "Amiens", 134), ("80100", "Abbeville", 23),
    ("81000", "Albi", 49), ("81100", "Castres", 42),
    ("82000", "Montauban", 61),
    ("83000", "Toulon", 178), ("83600", "Fréjus", 54), ("83400", "Hyères", 56), ("83300", "Draguignan", 39),
    ("84000", "Avignon", 91), ("84200", "Carpentras", 29), ("84100", "Orange", 29),
    ("85000", "La Roche-sur-Yon", 55), ("85100", "Les Sables-d'Olonne", 45),
    ("86000", "Poitiers", 89), ("86100", "Châtellerault", 31),
    ("87000", "Limoges", 131),
    ("88000", "Épinal", 32), ("88100", "Saint-Dié-des-Vosges", 20),
    ("89000", "Auxerre", 35), ("89100", "Sens", 27),
    ("90000", "Belfort", 46),
    ("91000", "Évry-Courcouronnes", 67), ("91100", "Corbeil-Essonnes", 51), ("91300", "Massy", 50),
    ("91120", "Palaiseau", 36),
    ("92000", "Nanterre", 96), ("92100", "Boulogne-Billancourt", 121), ("92400", "Courbevoie", 82),
    ("92700", "Colombes", 86), ("92500", "Rueil-Malmaison", 78),
    ("93000", "Bobigny", 54), ("93200", "Saint-Denis", 113), ("93100", "Montreuil", 111),
    ("93300", "Aubervilliers", 88), ("93600", "Aulnay-sous-Bois", 86),
    ("94000", "Créteil", 92), ("94400", "Vitry-sur-Seine", 95), ("94500", "Champigny-sur-Marne", 77),
    ("94100", "Saint-Maur-des-Fossés", 75),
    ("95000", "Cergy", 66), ("95100", "Argenteuil", 111), ("95200", "Sarcelles", 58), ("95300", "Pontoise", 31),
    ("97110", "Pointe-à-Pitre", 15), ("97139", "Les Abymes", 53), ("97122", "Baie-Mahault", 31),
    ("97190", "Le Gosier", 26), ("97100", "Basse-Terre", 10),
    ("97200", "Fort-de-France", 76), ("97232", "Le Lamentin", 40), ("97231", "Le Robert", 22),
    ("97233", "Schœlcher", 20),
    ("97300", "Cayenne", 63), ("97310", "Kourou", 25), ("97351", "Matoury", 33), ("97320", "Saint-Laurent-du-Maroni", 47),
    ("97400", "Saint-Denis", 153), ("97460", "Saint-Paul", 105), ("97410", "Saint-Pierre", 84), ("97430", "Le Tampon", 80),
    ("97600", "Mamoudzou", 71), ("97690", "Koungou", 32), ("97660", "Dembéni", 15),
)  # fmt: skip

# --- addresses -------------------------------------------------------------------

STREET_TYPES: tuple[tuple[str, int], ...] = (
    ("rue", 55), ("avenue", 12), ("boulevard", 5), ("impasse", 6), ("allée", 6), ("chemin", 6), ("place", 3),
    ("route", 5), ("résidence", 2),
)  # fmt: skip

STREET_NAMES: tuple[str, ...] = (
    "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Pasteur", "de la Gare", "des Écoles",
    "du Moulin", "de l'Église", "des Lilas", "des Roses", "Jean Moulin", "Gambetta", "Voltaire", "de la Paix",
    "du Stade", "des Acacias", "de Verdun", "Émile Zola", "Jules Ferry", "Anatole France", "de la Mairie",
    "du Château", "des Tilleuls", "Carnot", "Foch", "Aristide Briand", "Georges Clemenceau", "de la Liberté",
    "du Maréchal Leclerc", "des Peupliers", "du Commerce", "de Paris", "de Bretagne", "des Vignes", "Saint-Martin",
    "du 8 Mai 1945", "du 11 Novembre", "Louis Pasteur", "Paul Bert", "de la Fontaine", "du Port", "des Pins",
    "des Chênes", "Marcel Pagnol", "Charles de Gaulle", "Albert Camus", "Pierre Curie", "Simone Veil", "de la Forêt",
    "des Jardins", "du Lavoir", "de la Source", "des Cerisiers", "du Marché", "Alsace-Lorraine", "de Strasbourg",
    "de la Croix", "des Mimosas", "des Flamboyants",
)  # fmt: skip

EMAIL_DOMAINS: tuple[tuple[str, int], ...] = (
    ("gmail.com", 40), ("orange.fr", 14), ("hotmail.fr", 10), ("yahoo.fr", 7), ("free.fr", 7), ("laposte.net", 5),
    ("outlook.fr", 5), ("sfr.fr", 4), ("wanadoo.fr", 4), ("icloud.com", 3), ("bbox.fr", 1),
)  # fmt: skip

# French bank codes (code banque) commonly seen on RIBs.
BANK_CODES: tuple[int, ...] = (30004, 30003, 30002, 10278, 30066, 20041, 11315, 13335, 18206, 16006, 14505, 17515,
                               10907, 12506, 13825, 15589, 30076, 40618, 12548, 16275)  # fmt: skip

# INSEE codes of countries of birth (the NIR's "commune" for people born abroad).
BIRTH_COUNTRIES: tuple[tuple[int, int], ...] = (
    (350, 20), (352, 22), (351, 10), (139, 12), (127, 6), (134, 6), (109, 3), (131, 3), (114, 4), (122, 3),
    (208, 5), (341, 4), (326, 4), (322, 3), (243, 3), (436, 2),
)  # fmt: skip

# --- acts of care ------------------------------------------------------------------

ACT_FAMILIES: tuple[str, ...] = (
    "consultation", "pharmacy", "optics", "dental", "hospital", "audiology", "paramedical", "laboratory", "radiology",
)  # fmt: skip

# Age bands driving consumption: [0, 10), [10, 16), [16, 40), [40, 60), [60, 75), 75+.
AGE_BAND_STARTS: tuple[int, ...] = (0, 10, 16, 40, 60, 75)

# Share of each act family in the lines of a member, by age band and sex (F, M), in ACT_FAMILIES order.
FAMILY_WEIGHTS: dict[str, tuple[tuple[float, ...], ...]] = {
    "F": (
        (30, 28, 8, 12, 2, 0.1, 7, 5, 8),
        (25, 22, 14, 20, 2, 0.1, 7, 5, 5),
        (38, 25, 6, 8, 4, 0.2, 5, 7, 7),
        (28, 34, 8, 9, 4, 0.6, 7, 7, 7),
        (20, 45, 6, 7, 5, 2.5, 7, 7, 4),
        (16, 52, 4, 4, 8, 4.0, 8, 6, 3),
    ),
    "M": (
        (30, 28, 8, 12, 2, 0.1, 7, 5, 8),
        (25, 22, 14, 20, 3, 0.1, 7, 4, 5),
        (30, 30, 6, 10, 3, 0.2, 8, 7, 6),
        (26, 36, 8, 10, 4, 0.8, 6, 6, 5),
        (20, 46, 6, 7, 7, 2.5, 5, 7, 4),
        (16, 52, 4, 4, 10, 4.0, 6, 6, 3),
    ),
}

# Consumption intensity (lines per year relative to the average member), by age band and sex.
CONSUMPTION: dict[str, tuple[float, ...]] = {
    "F": (0.9, 0.55, 0.85, 0.95, 1.5, 2.2),
    "M": (0.9, 0.55, 0.45, 0.75, 1.5, 2.2),
}

# Days between care and payment, by family: (min, max); most payments come early.
PAYMENT_LAG: dict[str, tuple[int, int]] = {
    "consultation": (2, 12), "pharmacy": (1, 4), "optics": (4, 30), "dental": (4, 30), "hospital": (10, 30),
    "audiology": (5, 30), "paramedical": (2, 15), "laboratory": (2, 10), "radiology": (2, 12),
}  # fmt: skip


@dataclass(frozen=True)
class Act:
    """One act code: who performs it, how it is priced and how the mutuelle reimburses it.

    The Sécurité sociale base is log-normal around ``base`` (``base_sigma`` 0: a
    fixed tariff); the actual cost is the base plus, with probability
    ``1 - p_at_base``, a log-normal excess (dépassement, free price) rounded to
    ``excess_unit`` euros when given. The Sécurité sociale pays ``rate`` % of the
    base. The complementary reimbursement, by guarantee level 1-4, is:
    ``pct``: up to ``levels[l]`` % of the base in total with the Sécurité sociale;
    ``forfait``: the ticket modérateur plus ``levels[l]`` euros;
    ``full``: everything above the Sécurité sociale (100 % Santé).
    It never exceeds the actual cost minus the Sécurité sociale share.
    """

    code: str
    family: str
    practitioner: str
    label: str
    base: float
    base_sigma: float
    p_at_base: float
    excess: float
    excess_sigma: float
    rate: int
    rule: str
    levels: tuple[float, float, float, float]
    band_weights: tuple[float, float, float, float, float, float]
    excess_unit: float = 0.0


ACTS: tuple[Act, ...] = (
    # consultation
    Act("G", "consultation", "generalist", "Consultation de médecine générale", 30, 0, .85, 15, .4, 70, "pct", (100, 130, 200, 300), (60, 55, 55, 50, 45, 45)),
    Act("TCG", "consultation", "generalist", "Téléconsultation de médecine générale", 30, 0, .95, 10, .3, 70, "pct", (100, 130, 200, 300), (5, 8, 12, 8, 4, 2)),
    Act("VG", "consultation", "generalist", "Visite à domicile", 40, 0, .9, 15, .4, 70, "pct", (100, 130, 200, 300), (5, 2, 1, 2, 6, 15)),
    Act("CS", "consultation", "specialist", "Consultation de spécialiste", 30, 0, .5, 35, .5, 70, "pct", (100, 150, 200, 300), (25, 25, 20, 28, 35, 33)),
    Act("APC", "consultation", "specialist", "Avis ponctuel de consultant", 60, 0, .6, 40, .5, 70, "pct", (100, 150, 200, 300), (3, 4, 6, 8, 8, 5)),
    Act("CNPSY", "consultation", "specialist", "Consultation de psychiatrie", 55, 0, .5, 30, .5, 70, "pct", (100, 150, 200, 300), (2, 6, 6, 4, 2, 1)),
    # pharmacy: the base is the regulated price
    Act("PH7", "pharmacy", "pharmacist", "Médicament à service médical rendu majeur", 18, .9, 1, 0, 0, 65, "pct", (100, 100, 100, 100), (70, 70, 65, 62, 58, 55)),
    Act("PH4", "pharmacy", "pharmacist", "Médicament à service médical rendu modéré", 10, .7, 1, 0, 0, 30, "pct", (100, 100, 100, 100), (20, 20, 22, 22, 22, 22)),
    Act("PH2", "pharmacy", "pharmacist", "Médicament à service médical rendu faible", 8, .6, 1, 0, 0, 15, "pct", (15, 100, 100, 100), (8, 8, 8, 8, 9, 9)),
    Act("PH1", "pharmacy", "pharmacist", "Médicament irremplaçable et coûteux", 120, 1.0, 1, 0, 0, 100, "pct", (100, 100, 100, 100), (2, 2, 5, 8, 11, 14)),
    # optics: tiny bases outside 100 % Santé
    Act("OPT-MON-A", "optics", "optician", "Monture 100 % Santé", 30, 0, 1, 0, 0, 60, "full", (0, 0, 0, 0), (12, 12, 10, 10, 12, 15)),
    Act("OPT-VER-A", "optics", "optician", "Verres 100 % Santé", 90, .3, 1, 0, 0, 60, "full", (0, 0, 0, 0), (12, 12, 10, 10, 12, 15)),
    Act("OPT-MON-B", "optics", "optician", "Monture à tarif libre", .05, 0, 0, 140, .5, 60, "forfait", (30, 60, 100, 100), (30, 30, 30, 30, 30, 28)),
    Act("OPT-VER-B", "optics", "optician", "Verres à tarif libre", .10, 0, 0, 280, .5, 60, "forfait", (100, 200, 300, 420), (40, 36, 35, 40, 43, 40)),
    Act("OPT-LEN", "optics", "optician", "Lentilles de contact", 39.48, 0, 0, 140, .4, 60, "forfait", (0, 60, 100, 150), (6, 10, 15, 10, 3, 2)),
    # dental
    Act("DEN-SOIN", "dental", "dentist", "Soins conservateurs", 30, .3, 1, 0, 0, 60, "pct", (100, 100, 100, 100), (55, 35, 45, 38, 35, 35)),
    Act("DEN-DET", "dental", "dentist", "Détartrage", 28.92, 0, 1, 0, 0, 60, "pct", (100, 100, 100, 100), (20, 20, 30, 25, 22, 20)),
    Act("DEN-COU-A", "dental", "dentist", "Couronne 100 % Santé", 120, 0, 0, 360, .05, 60, "full", (0, 0, 0, 0), (0, 0, 6, 10, 13, 15)),
    Act("DEN-COU-B", "dental", "dentist", "Couronne à tarif libre", 120, 0, 0, 580, .3, 60, "pct", (125, 200, 300, 450), (0, 0, 10, 15, 17, 18)),
    Act("DEN-ORT", "dental", "dentist", "Orthodontie (semestre de traitement)", 193.5, 0, 0, 500, .15, 100, "forfait", (0, 150, 300, 450), (25, 45, 0, 0, 0, 0)),
    Act("DEN-IMP", "dental", "dentist", "Implant dentaire", 0, 0, 0, 1200, .25, 0, "forfait", (0, 250, 500, 800), (0, 0, 2, 7, 8, 5)),
    # hospital
    Act("HOS-SEJ", "hospital", "hospital", "Séjour hospitalier", 2500, .9, .7, 400, .7, 80, "pct", (100, 150, 200, 300), (30, 30, 30, 35, 40, 45)),
    Act("HOS-FJ", "hospital", "hospital", "Forfait journalier hospitalier", 0, 0, 0, 60, .7, 0, "full", (0, 0, 0, 0), (25, 25, 25, 25, 25, 25), 20),
    Act("HOS-CHP", "hospital", "hospital", "Chambre particulière", 0, 0, 0, 150, .6, 0, "forfait", (0, 90, 150, 250), (10, 10, 15, 15, 15, 15)),
    Act("HOS-AMB", "hospital", "hospital", "Chirurgie ambulatoire", 600, .6, .6, 250, .6, 80, "pct", (100, 150, 200, 300), (35, 35, 30, 25, 20, 15)),
    # audiology
    Act("AUD-A", "audiology", "audiologist", "Aide auditive 100 % Santé", 400, 0, 0, 550, .02, 60, "full", (0, 0, 0, 0), (50, 50, 50, 45, 40, 40)),
    Act("AUD-B", "audiology", "audiologist", "Aide auditive à tarif libre", 400, 0, 0, 1100, .25, 60, "forfait", (200, 500, 800, 1100), (50, 50, 50, 55, 60, 60)),
    # paramedical
    Act("AMK", "paramedical", "physiotherapist", "Séance de kinésithérapie", 18, .15, .95, 5, .3, 60, "pct", (100, 100, 150, 200), (80, 80, 70, 70, 80, 85)),
    Act("OST", "paramedical", "physiotherapist", "Séance d'ostéopathie", 0, 0, 0, 60, .2, 0, "forfait", (0, 30, 60, 90), (20, 20, 30, 30, 20, 15)),
    # laboratory
    Act("B", "laboratory", "laboratory", "Analyses de biologie médicale", 25, .7, 1, 0, 0, 60, "pct", (100, 100, 100, 100), (90, 90, 85, 85, 88, 90)),
    Act("BHN", "laboratory", "laboratory", "Analyses hors nomenclature", 0, 0, 0, 40, .5, 0, "forfait", (0, 0, 20, 40), (10, 10, 15, 15, 12, 10)),
    # radiology
    Act("RX", "radiology", "radiologist", "Radiographie", 25, .2, .8, 15, .4, 70, "pct", (100, 150, 200, 250), (50, 55, 40, 35, 35, 40)),
    Act("ECHO", "radiology", "radiologist", "Échographie", 56, .2, .8, 20, .4, 70, "pct", (100, 150, 200, 250), (30, 20, 35, 30, 25, 20)),
    Act("SCAN", "radiology", "radiologist", "Scanographie", 90, .2, .85, 30, .4, 70, "pct", (100, 150, 200, 250), (12, 15, 15, 20, 25, 25)),
    Act("IRM", "radiology", "radiologist", "IRM", 70, .2, .7, 40, .4, 70, "pct", (100, 150, 200, 250), (8, 10, 10, 15, 15, 15)),
)  # fmt: skip

# --- contracts -------------------------------------------------------------------------

# Products and the guarantee levels each may carry.
INDIVIDUAL_PRODUCTS: dict[str, tuple[int, ...]] = {
    "SANTE_ESSENTIEL": (1, 2),
    "SANTE_CONFORT": (2, 3),
    "SANTE_PREMIUM": (3, 4),
}
COLLECTIVE_PRODUCTS: dict[str, tuple[int, ...]] = {
    "COLLECTIF_BASE": (1, 2),
    "COLLECTIF_RENFORCE": (3, 4),
}

# Monthly premium (euros) of an individual contract at age 40, by guarantee level; collective contracts
# cost COLLECTIVE_PREMIUM_FACTOR of it whatever the age.
PREMIUM_BY_LEVEL: tuple[float, float, float, float] = (35.0, 55.0, 80.0, 110.0)
COLLECTIVE_PREMIUM_FACTOR = 0.85
# Age factor of individual premiums: (age from, factor).
PREMIUM_AGE_FACTORS: tuple[tuple[int, float], ...] = (
    (0, 0.5), (20, 0.8), (30, 0.9), (40, 1.0), (50, 1.25), (60, 1.55), (70, 1.85), (80, 2.1),
)  # fmt: skip

# Share of the population by 5-year age band, 0-4 to 95-99.
AGE_PYRAMID: tuple[float, ...] = (
    5.2, 5.8, 6.1, 6.1, 5.6, 5.5, 6.0, 6.2, 6.3, 6.3, 6.6, 6.5, 6.3, 6.0, 5.7, 5.0, 3.3, 2.3, 1.3, 0.5,
)  # fmt: skip

# --- comments typed by claims staff -------------------------------------------------------
# Placeholders: civ (Mme/M.), first, last, phone, nir, email, iban, address, doctor, date, amount.
COMMENTS_WITH_PERSONAL_DATA: tuple[str, ...] = (
    "rappeler {civ} {last} au {phone}",
    "{civ} {last} a appelé, souhaite un remboursement plus rapide. Tél {phone}",
    "adhérent injoignable au {phone}, message laissé",
    "RIB mis à jour : {iban}",
    "changement de RIB demandé par {civ} {first} {last}, nouvel IBAN {iban}",
    "NIR corrigé : {nir}",
    "vérifier le NIR {nir} avec la CPAM",
    "courrier retourné, nouvelle adresse {address}",
    "envoyer le décompte par mail à {email}",
    "{first} {last} conteste le reste à charge de {amount} €, voir service réclamations",
    "mail de {email} reçu le {date}, facture jointe",
    "appel de {civ} {last} ({phone}) concernant le devis",
    "{civ} {first} {last} demande un duplicata du décompte du {date}",
    "facture au nom de {first} {last}, adresse {address}",
)
COMMENTS_WITHOUT_PERSONAL_DATA: tuple[str, ...] = (
    "devis dentaire transmis par le Dr {doctor}",
    "facture originale reçue",
    "prise en charge hospitalière accordée",
    "dépassement d'honoraires hors OPTAM",
    "régularisation suite à erreur de taux",
    "télétransmission NOEMIE en échec, saisie manuelle",
    "doublon de facture vérifié, pas de double paiement",
    "ordonnance illisible, copie demandée au Dr {doctor}",
    "remboursement 100 % Santé, panier A",
    "prise en charge optique validée après contrôle",
    "reste à charge de {amount} € signalé à l'adhérent",
)
