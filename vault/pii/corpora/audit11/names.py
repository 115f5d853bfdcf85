"""Hand-written name, street and town lists for the blind11 corpus (no external package)."""

_SURNAMES = """
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
David Bertrand Roux Vincent Fournier Morel Girard Andre Lefevre Mercier Dupont Lambert Bonnet Francois Martinez
Legrand Garnier Faure Rousseau Blanc Guerin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clement Gauthier
Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gerard Nguyen Boyer Denis Lemaire Duval Joly Gautier
Roger Roche Roy Noel Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet
Schmitt Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud
Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Dacosta Riviere Lemaitre
Le&nbsp;Goff Le&nbsp;Gall Le&nbsp;Bihan Kerboriou Quéméner Le&nbsp;Floch Tanguy Guivarc'h Le&nbsp;Corre Le&nbsp;Bris Kervella Morvan Jaouen
Etcheverry Irigoyen Harambillet Ospital Elissalde Mendiburu Etchegaray Larralde
Casanova Santoni Luciani Filippi Paoli Mattei Colonna Peretti Agostini Ottaviani
Schneider Weber Klein Hoffmann Wagner Koenig Ehrhart Stoeckel Zimmermann Hummel Haegelé
Bourdieu Lacoste Peyrou Castagné Sabatier Cazenave Lafargue Barthe Delpech Teyssier Vayssière
Bérard Chabert Pellegrin Reynaud Arnaud Bouvier Favre Jacquier Perrier Tissot Vuillermoz Cattin
Dhainaut Vandenberghe Delannoy Vanhoutte Desmet Lemahieu Dewaele Verbeke Wattebled Dujardin
Benali Bouzid Haddad Mansouri Belkacem Cherif Amrani Saidi Hamdi Ziani Boukhris Benchekroun El&nbsp;Idrissi Ait&nbsp;Ouarab
Ben&nbsp;Youssef Lahlou Tahiri Bensaïd Messaoudi Kaci Djebbar Meziane Brahimi Toumi Chaouch Mekki Rahmani Guerfi
Diallo Traoré Coulibaly N'Diaye Diop Sow Keita Camara Cissé Konaté Touré Bamba Kouassi Mensah Ouédraogo
Ndong Mbappé Nkounkou Tshibangu Kabila Mukendi Mbemba Ekambi Fofana Sylla Sangaré Kanté Dembélé Gueye
Nguyen Tran Le Pham Hoang Vo Dang Bui Truong Chen Wang Zhang Li Liu Huang Lin Zhou Wu Kim Park Lee
Sato Tanaka Suzuki Yamamoto Phommachanh Sisouvong Chanthavong Keomany Srey Sok Chea
Kowalski Nowak Wiśniewski Lewandowski Kaminski Zielinski Popescu Ionescu Dumitrescu Petrov Ivanov Smirnov
Novak Horvat Kovač Sokolov Volkov Babic Jovanovic Petrovic Nagy Szabó Tóth Dvořák
Fernandes Pereira Rodrigues Gonçalves Ferreira Alves Ribeiro Carvalho Teixeira Sousa Oliveira Lopes Costa Pinto
Gómez Jiménez Ruiz Navarro Romero Torres Domínguez Vázquez Moreno Muñoz Álvarez Castillo
Rossi Russo Bianchi Romano Ricci Esposito Greco Conti Bruno Gallo Marino Lombardi
Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Arslan Doğan Kılıç
Hakobyan Petrossian Grigorian Sarkissian Karapetyan
Jean-Baptiste Saint-Louis Joseph Célestin Louis-Jeune Alexis Zamor Théodore Pierre-Louis Bellance
Hoarau Payet Grondin Fontaine Técher Rivière Boyer Nativel Lauret Maillot Dijoux Vitry
Marie-Sainte Lordinot Jean-Louis Désiré Sainte-Rose Ursulet Cadrot Mondésir Ravoteur Edouard
Dupont-Aignan Lemoine-Ravel Martin-Lavigne Leroy-Beaulieu Bernard-Giraud Roche-Dubreuil Couturier-Benoît
de&nbsp;La&nbsp;Fontaine de&nbsp;Villiers du&nbsp;Plessis de&nbsp;Saint-Exupéry d'Harcourt de&nbsp;Montalembert Le&nbsp;Pen&nbsp;de&nbsp;Kerhuel
de&nbsp;Lattre d'Aubigné de&nbsp;Broglie La&nbsp;Rochefoucauld des&nbsp;Roches du&nbsp;Pont de&nbsp;Castelnau d'Almeida dos&nbsp;Santos da&nbsp;Silva
van&nbsp;der&nbsp;Berg Van&nbsp;Damme O'Connor McAllister Lévy Cohen Benhamou Attali Azoulay Sebag Zerbib Abitbol
Boulanger Charpentier Lefort Lebrun Leblanc Carpentier Berger Renaud Baron Collet Poirier Charles Guillot
Prévost Hubert Royer Besson Lejeune Hamon Moulin Bailly Hervé Cordier Millet Pasquier Laine Rey Hardy
Vasseur Poulain Marty Huet Aubry Breton Gilles Tessier Humbert Gros Mallet Benoit Rémy Marechal Jacob
Pelletier Lebon Raymond Delmas Langlois Boucher Dupré Guyot Daniel Collin Carré Weiss Cousin Bouchet Chauvin
""".replace("&nbsp;", "\x00")

SURNAMES = sorted({s.replace("\x00", " ") for s in _SURNAMES.split()})

_MALE = """
Jean Pierre Michel André Philippe Alain Bernard Jacques Daniel Christian Patrick Nicolas Christophe Laurent
Frédéric Stéphane Julien Sébastien David Thomas Olivier Éric Pascal Thierry Vincent François Gilles Didier
Lucas Hugo Louis Gabriel Arthur Jules Adam Raphaël Léo Nathan Théo Maël Noah Ethan Tom Enzo Mathis Timéo
Yann Gwenaël Erwan Loïc Ronan Tanguy Corentin Brieuc Mikel Iñaki Ange-Marie Dumè Santu Xavier Jean-Luc
Jean-Marc Jean-Claude Jean-François Paul-Henri Marc-Antoine Pierre-Yves Anne-Sophie-excl
Mohamed Ahmed Karim Rachid Youssef Mehdi Samir Nabil Bilal Ayoub Hamza Sofiane Abdelkader Mourad Farid Walid
Mamadou Moussa Ibrahima Ousmane Abdoulaye Seydou Boubacar Cheikh Amadou Kofi Kwame Didier-Emmanuel Blaise Serge
Minh Duc Tuan Quang Wei Jun Hao Jian Kenji Hiroshi Sokha Vannak Somchai
Piotr Krzysztof Andrzej Tomasz Ivan Dmitri Sergueï Alexandru Mihai Bogdan Milan Dragan Luka Zoltán
João Miguel Rui Tiago Diego Javier Alejandro Pablo Giovanni Marco Luca Matteo Mehmet Mustafa Emre Arman Tigran
Jocelyn Wilfried Rudy Teddy Dimitri Ludovic Cédric Grégory Jérémy Kévin Anthony Mickaël Yannick Fabrice
""".split()

_FEMALE = """
Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie Sandrine Céline Sophie Stéphanie
Véronique Nicole Chantal Martine Brigitte Patricia Aurélie Émilie Julie Camille Laura Manon Léa Chloé Emma
Jade Louise Alice Lina Rose Anna Ambre Inès Zoé Juliette Mila Lou Agathe Margaux Clémence Océane Maëlys
Nolwenn Gwenaëlle Maïwenn Soizic Enora Maialen Amaia Maria-Rosa Marie-Claude Anne-Sophie Marie-Hélène
Marie-Thérèse Anne-Laure Fatima Aïcha Khadija Samira Nadia Leïla Yasmina Sonia Malika Nour Imane Salma Rania
Aminata Fatoumata Mariam Awa Adama Kadiatou Aïssatou Ramatoulaye Grâce Prisca Ornella Esther Déborah
Thi Lan Mai Linh Hương Mei Xiu Ying Yuki Sakura Sreymom Chanthou
Agnieszka Katarzyna Magdalena Olga Natalia Svetlana Ioana Elena Irina Milena Jasmina Ildikó
Ana Inês Beatriz Lucía Carmen Pilar Giulia Chiara Francesca Elif Zeynep Ayşe Anahit Lilit
Josiane Ginette Paulette Huguette Raymonde Odette Mireille Yvette Lucienne Germaine Suzanne Colette
Murielle Rosemonde Marie-Josée Eliane Ghislaine Lydie Cindy Jessica Laetitia Audrey Elodie Mélanie Virginie
Karine Delphine Séverine Corinne Annick Maryvonne Rozenn Solenn
""".split()

MALE_GIVEN = sorted({g for g in _MALE if not g.endswith("-excl")})
FEMALE_GIVEN = sorted(set(_FEMALE))
GIVEN_NAMES = sorted(set(MALE_GIVEN) | set(FEMALE_GIVEN))

NICKNAMES = ["Jojo", "Titi", "Mimi", "Fanfan", "Doudou", "Nono", "Loulou", "Pépé", "Dédé", "Riri",
             "Zaza", "Bibi", "Kiki", "Momo", "Juju", "Cathy", "Isa", "Steph", "Seb", "Fred", "Nico", "Manu"]

# (type, name) — street type kept separate so that "rue" can be abbreviated
STREETS = [
    ("rue", "des Lilas"), ("rue", "Victor Hugo"), ("rue", "Jean Jaurès"), ("avenue", "de la République"),
    ("boulevard", "Gambetta"), ("rue", "du Moulin"), ("chemin", "des Vignes"), ("impasse", "des Tilleuls"),
    ("allée", "des Peupliers"), ("rue", "Pasteur"), ("place", "de l'Église"), ("route", "de Bordeaux"),
    ("rue", "Émile Zola"), ("rue", "de la Gare"), ("avenue", "Foch"), ("quai", "des Chartrons"),
    ("rue", "Saint-Pierre"), ("rue", "Sainte-Catherine"), ("cours", "Lafayette"), ("rue", "du Général de Gaulle"),
    ("rue", "Paul Bert"), ("chemin", "de la Croix Blanche"), ("rue", "des Écoles"), ("avenue", "Jean Moulin"),
    ("rue", "de Strasbourg"), ("rue", "Kléber"), ("rue", "des Martyrs"), ("rue", "Marcel Pagnol"),
    ("lotissement", "Les Hauts de Sèvre"), ("rue", "Lamartine"), ("rue", "du Docteur Schweitzer"),
    ("avenue", "Aristide Briand"), ("rue", "Louise Michel"), ("rue", "Simone Veil"), ("rue", "de Kerbrat"),
    ("rue", "Bir-Hakeim"), ("chemin", "du Lavoir"), ("ruelle", "du Four"), ("rue", "Nationale"),
    ("rue", "des Rosiers"), ("avenue", "des Flamboyants"), ("rue", "Schoelcher"), ("chemin", "Bœuf Mort"),
    ("rue", "du Maréchal Leclerc"), ("boulevard", "de la Liberté"), ("rue", "Anatole France"),
    ("rue", "Jules Ferry"), ("avenue", "du 8 Mai 1945"), ("rue", "Alsace-Lorraine"), ("route", "de Ste-Foy"),
    ("rue", "Camille Desmoulins"), ("sentier", "des Mûriers"), ("rue", "de l'Abbé Grégoire"), ("rue", "Voltaire"),
]

LIEUX_DITS = ["La Croix Blanche", "Les Granges", "Le Bourg", "Kerhuel", "La Maison Neuve", "Les Quatre Vents",
              "Le Moulin de Haut", "Bellevue", "Les Églantiers", "Pont-Neuf"]
RESIDENCES = ["Résidence Les Pins", "Résidence du Parc", "Résidence Le Clos Fleuri", "Les Jardins d'Émeraude",
              "Résidence Saint-Exupéry", "Cité des Fleurs", "Résidence Bel Air", "Les Terrasses du Lac"]

# (postcode, town)
TOWNS = [
    ("75011", "Paris"), ("75018", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"),
    ("33000", "Bordeaux"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("59000", "Lille"), ("35000", "Rennes"),
    ("34000", "Montpellier"), ("06000", "Nice"), ("21000", "Dijon"), ("49000", "Angers"), ("37000", "Tours"),
    ("29200", "Brest"), ("64100", "Bayonne"), ("20000", "Ajaccio"), ("20200", "Bastia"), ("97400", "Saint-Denis"),
    ("97110", "Pointe-à-Pitre"), ("97200", "Fort-de-France"), ("97300", "Cayenne"), ("97600", "Mamoudzou"),
    ("68100", "Mulhouse"), ("57000", "Metz"), ("87000", "Limoges"), ("63000", "Clermont-Ferrand"),
    ("86000", "Poitiers"), ("79000", "Niort"), ("17000", "La Rochelle"), ("24000", "Périgueux"),
    ("46100", "Figeac"), ("12000", "Rodez"), ("73000", "Chambéry"), ("74000", "Annecy"), ("38000", "Grenoble"),
    ("42000", "Saint-Étienne"), ("80000", "Amiens"), ("62100", "Calais"), ("76600", "Le Havre"),
    ("14000", "Caen"), ("56100", "Lorient"), ("22300", "Lannion"), ("93200", "Saint-Denis"),
    ("94400", "Vitry-sur-Seine"), ("92100", "Boulogne-Billancourt"), ("95100", "Argenteuil"),
    ("84000", "Avignon"), ("66000", "Perpignan"), ("65000", "Tarbes"), ("40100", "Dax"),
]

THERMAL_TOWNS = ["Dax", "Aix-les-Bains", "Vichy", "Châtel-Guyon", "La Roche-Posay", "Bagnoles-de-l'Orne",
                 "Luchon", "Barbotan-les-Thermes", "Rochefort", "Évian", "Cauterets", "Balaruc-les-Bains"]

EMAIL_DOMAINS = ["gmail.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr",
                 "sfr.fr", "outlook.fr", "icloud.com", "bbox.fr", "proton.me"]

COMPANIES = ["Transports Martin SARL", "Ambulances Blanc & Fils", "Taxi Rousseau", "Pharmacie de la Gare",
             "Pharmacie Centrale", "Boulangerie Petit", "Garage Renard Automobiles", "SAS Moreau Logistique",
             "Menuiserie Fontaine", "Thermes de Saint-Christau", "Clinique Pasteur", "Cabinet Lefèvre Avocats",
             "Assurances Mercier", "Carrosserie Lambert", "Laboratoires Roussel", "Ambulances Saint-Michel",
             "Maison Chevalier", "VSL Gautier", "Taxi Jean-Louis Services", "Optique Leroy"]

HOSPITALS = ["hôpital Saint-Louis", "CHU de Rennes", "hôpital Rothschild", "clinique Sainte-Anne",
             "maternité Port-Royal", "hôpital Necker", "CH de Saint-Pierre", "clinique Jeanne d'Arc",
             "hôpital Édouard Herriot", "polyclinique Saint-Jean", "maternité des Bluets", "CHU Pellegrin",
             "hôpital Bichat-Claude Bernard", "centre hospitalier Marie-José Treffot"]

DRUGS = ["Doliprane 1000 mg", "Amoxicilline 500 mg", "Levothyrox 75 µg", "Kardegic 75 mg", "Ventoline",
         "Metformine 850 mg", "Spasfon", "Inexium 20 mg", "Lovenox 4000 UI", "Seresta 10 mg", "Xarelto 20 mg",
         "Humalog KwikPen", "Dafalgan codéiné", "Augmentin", "Tramadol 50 mg", "Vitamine D3 100 000 UI"]
