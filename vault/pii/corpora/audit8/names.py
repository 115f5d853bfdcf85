# Hand-written name and street lists (not from Faker).
SURNAMES = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier
Morel Girard Andre Lefevre Mercier Dupont Lambert Bonnet Francois Martinez Legrand Garnier Faure Rousseau Blanc Guerin Muller Henry Roussel Nicolas
Perrin Morin Mathieu Clement Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gerard Nguyen Boyer Denis Lemaire Duval Joly Gautier
Roger Roche Roy Noel Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez
Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier
Rodriguez Da_Silva Hubert Louis Charles Guillot Riviere Le_Gall Guillaume Adam Rey Moulin Gonzalez Berger Lecomte Menard Fleury Deschamps Carpentier Julien
Benoit Paris Maillard Marchal Aubry Vasseur Le_Roux Renault Jacquet Collet Prevost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul Laine Carre
Breton Remy Schneider Perrot Guyot Barre Marty Cousin Boulanger Rose Lebrun Tessier Kervella Le_Bihan Quéméner Tanguy Le_Goff Jaouen Morvan Guivarc'h
Etcheverry Elissalde Harriet Iriart Arrieta Bidegain Laborde Casanova Santoni Luciani Pietri Mattei Albertini Paoli Ottaviani Orsini Filippi Colonna
Schaeffer Weiss Kieffer Schwartz Heitz Zimmermann Ehrhart Wagner Hoffmann Koenig Grosjean Bouvier Vuillemin Delmas Lacombe Bousquet Cazenave Soulié Vigouroux
Benali Haddad Mansouri Belkacem Cherif Bouzid Amrani Saidi Benhamou Khelifi Ait_Ouali Toure Diallo Traore Keita Ndiaye Diop Sow Kone Camara Mbappe Ouedraogo
Tran Pham Le Vo Huynh Chen Wang Zhang Lin Yilmaz Demir Kaya Ozturk Sahin Ferreira Rodrigues Pereira Oliveira Carvalho Gomes Costa Alves Teixeira
Kowalski Nowak Wisniewski Ivanov Popescu Rossi Russo Esposito Bianchi Romano Ricci Greco Ali Khan Rahman Hoarau Payet Grondin Fontaine Maillot Boyer
Técher Rivière Lauret Nativel Clain Sinimalé Govindin Ramassamy Vélin Jean-Baptiste Sainte-Rose Lollia Dorville Bellance Jean-Louis Cadrot Alexis
Ho-Sang Chong-Wa Madi Ahamada Soilihi Abdallah Mohamed Said Attoumani Chanfi Lebon Hoareau Gaspard Verdier Chauvin Marechal Besson Laporte
Delattre Vandenberghe Dewaele Lemaitre Coquelle Desmet Van_Damme Lefranc Boulet Pasquier Camus Rigaud Tardieu Jourdan Leblanc Cordier Millet""".replace("\_", " ").split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES]
SURNAMES = [s.replace("Da Silva", "Da Silva") for s in SURNAMES]
GIVEN_F = """Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Sylvie Martine Christine Sophie Sandrine Valérie Céline Stéphanie Aurélie
Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina Rose Anna Mila Julia Zoé Ambre Léna Juliette Margaux Clara Pauline Élodie Laetitia
Gisèle Germaine Odette Simone Yvette Paulette Ginette Huguette Raymonde Suzanne Denise Colette Marcelle Josiane Annick Maryvonne Gwenaëlle Nolwenn
Maïwenn Enora Amaia Maialen Maddalena Ghjulia Letizia Anaïs Fatima Khadija Amina Yasmina Nadia Samira Leïla Aïcha Fatoumata Aminata Mariam Awa
Mai Linh Thi Mei Ayşe Elif Ana Beatriz Joana Agnieszka Giulia Chiara Priya Nasrine Marie-Claude Marie-Thérèse Anne-Sophie Marie-Ange Sainte
Noémie Océane Lucie Charlotte Hélène Agnès Brigitte Dominique Claude Michèle Danielle Mireille Bernadette Éliane Lucienne Maëlys Fabienne
Murielle Corinne Véronique Patricia Karine Séverine Ludivine Marine Audrey Mélanie Justine Morgane Solène Capucine Apolline Héloïse Victoire""".split()
GIVEN_M = """Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Robert Paul Claude Christian Henri Georges Nicolas
François Patrick Gérard Christophe Joseph Thierry Éric Frédéric Laurent Olivier Pascal David Stéphane Julien Sébastien Thomas Maxime Antoine
Lucas Hugo Gabriel Léo Raphaël Arthur Louis Jules Adam Noah Ethan Nathan Théo Mathis Enzo Baptiste Clément Romain Quentin Kevin Dylan
Yannick Gwenaël Erwan Ronan Loïc Tanguy Iñaki Peio Xabi Ghjuvanni Petru Dumenicu Anghjulu Lucien Fernand Gaston Émile Albert Raymond Armand
Mohamed Karim Mehdi Rachid Youssef Samir Nabil Bilal Amine Ibrahim Moussa Mamadou Ousmane Seydou Abdoulaye Cheikh Minh Quang Wei Mehmet Emre
João Rui Tiago Piotr Marco Luca Giovanni Rajesh Arjun Jean-Marc Jean-Claude Jean-Pierre Pierre-Yves Marc-Antoine Jean-Baptiste Jean-Luc
Didier Dominique Gilles Serge Hervé Bruno Franck Cédric Ludovic Fabrice Grégory Jérôme Damien Aurélien Florian Valentin Bastien Corentin
Charles Victor Augustin Célestin Firmin Anatole Honoré Lilian Teddy Wilfried Dimitri Yohan Steeve Willy Ismaël Soilihi Anli Marius""".split()
STREETS = ["rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue Pasteur", "boulevard Gambetta", "rue des Lilas",
"impasse des Tilleuls", "chemin des Vignes", "allée des Peupliers", "rue du Moulin", "place de l'Église", "rue Sainte-Catherine",
"avenue du Général de Gaulle", "rue Jules Ferry", "rue de la Gare", "route de Lyon", "rue des Écoles", "rue du Four",
"quai de la Fosse", "rue Nationale", "rue Saint-Martin", "boulevard de la Liberté", "rue Émile Zola", "rue du Château",
"rue des Jardins", "chemin de la Croix", "rue Pierre Curie", "avenue Foch", "rue Anatole France", "rue du Stade",
"résidence les Mimosas, bât. B", "rue du Maréchal Leclerc", "cours Mirabeau", "rue Gabriel Péri", "rue des Boulangers",
"rue Lamartine", "rue de Verdun", "rue du Onze Novembre", "square Marcel Pagnol", "rue Saint-Exupéry", "montée des Roses",
"rue Kléber", "rue des Tanneurs", "rue Jean Moulin", "chemin du Petit Bois", "rue de Bretagne", "avenue de la Marne",
"rue Paul Bert", "rue des Charmes", "rue du Docteur Roux"]
CITIES = [("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("31000", "Toulouse"), ("33000", "Bordeaux"),
("44000", "Nantes"), ("59000", "Lille"), ("67000", "Strasbourg"), ("35000", "Rennes"), ("42000", "Saint-Étienne"),
("29200", "Brest"), ("64100", "Bayonne"), ("63000", "Clermont-Ferrand"), ("21000", "Dijon"), ("87000", "Limoges"),
("86000", "Poitiers"), ("80000", "Amiens"), ("57000", "Metz"), ("68100", "Mulhouse"), ("25000", "Besançon"),
("37000", "Tours"), ("49100", "Angers"), ("76000", "Rouen"), ("14000", "Caen"), ("34000", "Montpellier"),
("06000", "Nice"), ("84000", "Avignon"), ("12000", "Rodez"), ("15000", "Aurillac"), ("23000", "Guéret"),
("04000", "Digne-les-Bains"), ("50100", "Cherbourg-en-Cotentin"), ("62100", "Calais"), ("95100", "Argenteuil"),
("93200", "Saint-Denis"), ("92100", "Boulogne-Billancourt"), ("71100", "Chalon-sur-Saône"), ("56100", "Lorient")]
