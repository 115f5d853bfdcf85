"""Hand-written name, street and town lists for the blind12 corpus (no package used)."""

SURNAMES_RAW = """
Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel David Bertrand Roux
Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Legrand Garnier Faure Rousseau
Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Fontaine Chevalier Robin Masson
Gérard Boyer Denis Lemaire Duval Joly Roger Roche Roy Noël Meunier Marchand Dufour Blanchard Barbier Brun Dumas
Brunet Leroux Colin Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard
Gaillard Lacroix Fabre Dupuis Olivier Hubert Guillot Rivière Guillaume Adam Moulin Berger Lecomte Ménard Fleury
Deschamps Carpentier Benoît Maillard Marchal Aubry Vasseur Renault Jacquet Collet Prévost Poirier Charpentier
Royer Huet Baron Dupuy Pons Lainé Carré Breton Rémy Perrot Guyot Barré Marty Cousin Thébault Besnard Lebrun
Chauvin Cordier Tessier Vallée Bouvier Delmas Lagarde Peyrac Bousquet Couderc Cazenave Labbé Hamon Pichon
Le Goff Le Bihan Kerboul Le Floch Quéré Tanguy Le Meur Guéguen Le Du Kervella Morvan Le Corre Cadiou Le Hir Riou
Schaeffer Wagner Koehler Huber Kieffer Zimmermann Hirtz Ehrhart Schmitt Meyer Schneider Weiss Baumann
Santoni Paoli Casanova Leca Luciani Pietri Albertini Filippi Ottaviani Giacomoni Mattei
Etcheverry Irigoyen Harispe Bordenave Castagnet Daguerre Lacoste Puyo Mendiboure
Hoarau Payet Grondin Técher Nativel Lauret Maillot Turpin Clain Dijoux Sinimalé Ramassamy Virapoullé Calixte
Bellance Zamor Larcher Hamot Attoumani Soilihi Ahamada Anli Bacar Saindou Madi Abdallah Jean-Baptiste Jean-Louis
Jean-Gilles Ho-Fong Chane-Kune Ah-Moye Lam-Po-Tang Sainte-Rose Nérée Édouard-Bellance
Benali Haddad Bouzid Mansouri Belkacem Cherif Amrani Benyahia El Idrissi Ouali Saïdi Zeroual Boukhalfa Hamidi
Belhadj Ait Ahmed Aït Ouali Kaci Messaoudi Taleb Benchekroun Ben Youssef El Amrani Lahlou Bouaziz Chaouch
Mebarki Rahmani Ziani Djebbar Bensaïd Khelifi Boudjema Meziane
Diallo Traoré Koné Diop Ndiaye Sow Camara Cissé Touré Keïta Coulibaly Konaté Sy Fall Ba Mbaye Kouassi Yao
N'Guessan Mensah Okafor Mukendi Ilunga Nzeza Makosso Mabiala Ekambi Ngono Biyong Fofana Sissoko Doumbia Sangaré
Gueye Sarr Faye Seck Dieng Tshibangu Kamara Adjovi
Nguyen Tran Pham Hoang Vu Dang Bui Ngo Duong Truong Chen Wang Zhang Liu Huang Lin Zhou Kim Park Sato
Tanaka Suzuki Sharma Patel Singh Chaudhry Rahman Hossain Phan Lam Chau Sok Chhun Souvannavong Vongsa Le Van
Kowalski Nowak Wiśniewski Lewandowski Kaminski Zielinski Popescu Ionescu Dumitru Constantin Petrov Ivanov
Smirnova Kuznetsov Horváth Novák Dvořák Kovács Szabó Dimitrov Georgiev Yilmaz Kaya Demir Çelik Şahin Öztürk
Sargsyan Petrosyan Grigoryan Hakobyan Shevchenko Bondarenko Kovalenko Tkachenko Jankowski
Fernandes Pereira Rodrigues Ferreira Gonçalves Santos Oliveira Carvalho Almeida Martins Sousa Lopes Gomes Ribeiro
Moreira Teixeira Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Navarro Torres Domínguez Vázquez Ramos
Serrano Castro Ortega Rubio Garcia Martinez Lopez Sanchez Perez Fernandez Rodriguez Gonzalez Da Silva Da Costa
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti De Luca Giordano Mancini
de La Tour de Montclar du Pont d'Almeida de Sousa de Saint-Exupéry des Forges d'Arcy Van den Berghe Van Damme
Dell'Orso di Stefano O'Neill Mac Gregor de Villeneuve du Plessis Le Guen de Kerguelen
Martin-Lavigne Bernard-Rousseau Lefort-Dumas Giraud-Perrin Moreau-Chevalier Saint-Martin Delacroix Lacombe-Vidal
Benali-Moreau Nguyen-Duval Traoré-Lemaire Da Silva-Ferreira Le Bris-Kervella Lévêque Lemaître Deshayes
"""


def _split_surnames(raw):
    # particle and two-word names are written with a non-breaking marker below
    multi = ["Le Goff", "Le Bihan", "Le Floch", "Le Meur", "Le Du", "Le Corre", "Le Hir", "El Idrissi",
             "Ait Ahmed", "Aït Ouali", "Ben Youssef", "El Amrani", "Le Van", "Da Silva-Ferreira", "Da Silva",
             "Da Costa", "De Luca", "de La Tour", "de Montclar", "du Pont", "de Sousa", "de Saint-Exupéry",
             "des Forges", "Van den Berghe", "Van Damme", "di Stefano", "Mac Gregor", "de Villeneuve",
             "du Plessis", "Le Guen", "de Kerguelen", "Le Bris-Kervella"]
    text = " ".join(raw.split())
    for m in sorted(multi, key=len, reverse=True):
        text = text.replace(m, m.replace(" ", "_"))
    out = []
    for tok in text.split():
        name = tok.replace("_", " ")
        if name not in out:
            out.append(name)
    return out


SURNAMES = _split_surnames(SURNAMES_RAW)

# (given name, sex)
GIVEN_F = """
Marie Nathalie Isabelle Sylvie Catherine Christine Sandrine Valérie Véronique Céline Stéphanie Sophie Julie Aurélie
Émilie Camille Léa Manon Chloé Emma Jade Louise Alice Lina Rose Anna Mila Ambre Inès Zoé Louna Margaux Lucie Clara
Pauline Mathilde Élodie Laetitia Audrey Caroline Hélène Monique Françoise Jacqueline Josiane Odile Brigitte Danielle
Geneviève Yvette Simone Paulette Ginette Marie-Claire Anne-Sophie Marie-Thérèse Marie-Line Anne-Laure Marie-France
Gwenaëlle Maëlle Nolwenn Soizic Katell Enora Fatima Nadia Yasmine Khadija Leïla Samira Naïma Malika Amina Nour
Salma Kenza Houria Zohra Aminata Fatoumata Awa Kadiatou Mariam Akissi Adjoa Aïssatou Binta Ramatoulaye Thi Lan
Huong Mei Linh Thu Trang Mai Sokha Yuki Priya Katarzyna Agnieszka Andreea Oksana Natalia Irina Elena Ioana Ewa
Maria Carmen Pilar Inês Conceição Rosa Lucía Giulia Chiara Francesca Lucianne Rosemonde Félicité Marie-Josée
Ghjulia Maddalena Angèle Sabrina Océane Coralie Noémie Justine Morgane Lou Héloïse Bérénice Capucine Solène
Aïcha Hawa Sylviane Raymonde Ludivine Marjorie Gaëlle Annick Chantal Évelyne Colette Agathe Romane Lilou Maïssa
""".split()
GIVEN_M = """
Jean Pierre Michel André Philippe Alain Bernard Jacques Daniel Patrick Nicolas Christophe Stéphane Frédéric Laurent
Sébastien David Julien Thomas Olivier Éric Pascal Thierry Vincent François Gilles Didier Jérôme Hugo Lucas Louis
Gabriel Arthur Jules Raphaël Adam Léo Nathan Ethan Noah Tom Théo Maël Paul Sacha Mathis Clément Antoine Maxime
Jean-Pierre Jean-Marc Jean-Michel Jean-Luc Jean-Claude Paul-Antoine Ange-Marie Jean-Max Jean-Baptiste Pierre-Yves
Yann Erwan Loïc Tanguy Ronan Gwenaël Corentin Mohamed Karim Samir Rachid Mehdi Sofiane Amine Youssef Bilal Hamza
Nordine Abdelkader Ilyes Farid Mamadou Ousmane Moussa Ibrahima Seydou Adama Koffi Chinedu Souleymane Boubacar
Cheikh Modou Kwame Minh Thanh Wei Jun Hao Sokhom Dinh Huy Rahul Piotr Tomasz Ionut Vasile Mihai Dmitri Sergueï
Andriy Bogdan Mehmet Emre Arman João Manuel Rui António José Miguel Javier Alejandro Giuseppe Marco Luca
Dumenicu Toussaint Ghjuvan Aloyse Sully Ludovic Fabrice Cédric Grégory Yannick Hervé Régis Serge Guy Roger Marcel
Lucien René Gérard Henri Émile Baptiste Timothée Noé Eliott Kylian Enzo Rayan Wassim Ismaël Anis Lenny Marius
""".split()
GIVEN = [(g, "F") for g in GIVEN_F] + [(g, "M") for g in GIVEN_M]

NICKNAMES = {"Jean-Pierre": "JP", "Catherine": "Cathy", "Christophe": "Chris", "Nathalie": "Nath",
             "Alexandre": "Alex", "Frédéric": "Fred", "Stéphanie": "Steph", "Sébastien": "Seb",
             "Mohamed": "Momo", "Isabelle": "Isa", "Véronique": "Véro", "Jean-Claude": "JC",
             "Christine": "Titine", "Nicolas": "Nico", "Fatoumata": "Fatou", "Maximilien": "Max",
             "Maxime": "Max", "Guillaume": "Guigui", "Élodie": "Lodie", "Marie-Thérèse": "Maïté"}

STREETS = [
    "rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue Victor Hugo", "impasse des Mésanges",
    "chemin de la Croix Blanche", "allée des Tilleuls", "place du Marché", "rue du Général Leclerc",
    "route de Saint-Malo", "quai des Chartrons", "cours Lafayette", "rue Pasteur", "rue de la République",
    "avenue des Acacias", "rue du Moulin", "rue des Écoles", "boulevard de la Liberté", "rue Gambetta",
    "rue Émile Zola", "chemin des Vignes", "rue du Château d'Eau", "avenue de Verdun", "rue Paul Bert",
    "rue des Trois Rois", "allée Marcel Pagnol", "rue de l'Église", "rue Saint-Exupéry", "impasse du Lavoir",
    "rue Aristide Briand", "avenue Foch", "rue des Capucins", "rue Nationale", "rue Jeanne d'Arc",
    "route de Kervalan", "rue du Faubourg Saint-Antoine", "rue des Tanneurs", "chemin de Bellevue",
    "rue Schweighaeuser", "rue du Vieux Marché aux Vins", "cours Napoléon", "boulevard Paoli",
    "rue Schœlcher", "chemin Lagrange", "rue Victor Schœlcher", "route des Plages", "allée des Flamboyants",
    "rue Mohamed V", "rue de la Paix", "avenue du Président Kennedy", "rue Montesquieu", "rue des Hortensias",
    "boulevard de Strasbourg", "rue Anatole France", "rue du 8 Mai 1945", "avenue de la Gare",
]
STREET_TYPES_ABBR = {"avenue": "av.", "boulevard": "bd", "rue": "r.", "place": "pl.", "chemin": "ch.",
                     "impasse": "imp.", "allée": "all.", "route": "rte"}

# (postcode, town)
TOWNS = [
    ("69003", "Lyon"), ("13005", "Marseille"), ("31400", "Toulouse"), ("33000", "Bordeaux"), ("59000", "Lille"),
    ("44000", "Nantes"), ("67000", "Strasbourg"), ("68000", "Colmar"), ("57000", "Metz"), ("35000", "Rennes"),
    ("29200", "Brest"), ("29270", "Carhaix-Plouguer"), ("22300", "Lannion"), ("34000", "Montpellier"),
    ("06000", "Nice"), ("42000", "Saint-Étienne"), ("44600", "Saint-Nazaire"), ("76600", "Le Havre"),
    ("14000", "Caen"), ("21000", "Dijon"), ("25000", "Besançon"), ("63000", "Clermont-Ferrand"),
    ("87000", "Limoges"), ("86000", "Poitiers"), ("37000", "Tours"), ("45000", "Orléans"), ("51100", "Reims"),
    ("80000", "Amiens"), ("64100", "Bayonne"), ("64500", "Saint-Jean-de-Luz"), ("65000", "Tarbes"),
    ("20000", "Ajaccio"), ("20200", "Bastia"), ("20250", "Corte"), ("97139", "Les Abymes"),
    ("97200", "Fort-de-France"), ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97300", "Cayenne"),
    ("97600", "Mamoudzou"), ("93200", "Saint-Denis"), ("92100", "Boulogne-Billancourt"), ("94000", "Créteil"),
    ("75011", "Paris"), ("75018", "Paris"), ("75015", "Paris"), ("91000", "Évry-Courcouronnes"),
    ("38000", "Grenoble"), ("73000", "Chambéry"), ("84000", "Avignon"), ("30000", "Nîmes"), ("12000", "Rodez"),
    ("46000", "Cahors"), ("23000", "Guéret"), ("58000", "Nevers"), ("02100", "Saint-Quentin"),
]

LIEUX_DITS = ["Kervellec", "La Croix-Blanche", "Les Granges", "Le Moulin Neuf", "Bel-Air", "La Métairie",
              "Les Hauts de Sainte-Marie", "Bois-Joli", "Trou-aux-Cerfs", "Pen ar Hoat", "Les Quatre Vents",
              "Habitation Clément", "Morne-Rouge"]
RESIDENCES = ["Résidence Les Tilleuls", "Résidence du Parc", "Résidence Les Jardins d'Arcadie", "Cité des Fleurs",
              "Résidence Beau Soleil", "Les Terrasses du Lac", "Résidence Le Clos Fleuri", "Immeuble Le Ponant",
              "Résidence Les Hibiscus", "Cité Bellevue"]
EMAIL_DOMAINS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr",
                 "sfr.fr", "outlook.fr", "icloud.com", "protonmail.com", "neuf.fr", "live.fr", "bbox.fr"]
