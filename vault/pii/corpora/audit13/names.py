"""Hand-written name, street and town lists for the blind13 corpus (no names package, no Faker)."""

SURNAMES = """
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel David
Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Legrand
Garnier Faure Rousseau Blanc Guérin Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont
Fontaine Chevalier Robin Masson Gérard Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Lucas
Meunier Marchand Dufour Blanchard Barbier Brun Dumas Brunet Leroux Colin Renard Arnaud Rolland Caron
Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Leclercq Lacroix Fabre Dupuis Olivier
Hubert Guillot Rivière Guillaume Moulin Berger Lecomte Ménard Fleury Deschamps Carpentier Maillard Marchal
Aubry Vasseur Renault Jacquet Collet Prévost Poirier Charpentier Royer Huet Dupuy Pons Lainé Carré Breton
Rémy Perrot Guyot Barre Marty Cousin Boulanger Lebrun Chauvin Hamon Delaunay Besnard Tessier Gilbert
Le_Goff Le_Bihan Kerbrat Le_Floch Quéméner Tanguy Le_Guennec Cadiou Le_Corre Guivarc'h Le_Meur Kervella
Schmitt Hoffmann Wagner Klein Weber Fischer Bauer Koenig Stoeckel Zimmermann Muller Meyer Schneider
Etcheverry Harriague Iribarne Bidegain Santoni Paoli Casanova Luciani Orsini Mattei Peretti Giacomoni
Albertini Cazenave Lasserre Baylac Puyo Capdevielle Ramassamy Payet Hoarau Grondin Técher Nativel
Sinimalé Lebon Zéphir Pierre-Louis Desravines Alexis Louisy Bellance Condé Mérine Théodose Calixte
Anselme Madi Abdallah Soilihi Attoumani Benali Haddad Mansouri Bouzid Belkacem Cherif Brahimi Amrani
El_Idrissi Aït_Ouarab Benyahia Saïdi Khelifi Boudjemaa Zeroual Ben_Salah Trabelsi Hamdi Bennani Tazi
El_Fassi Ouali Meziane Hadj-Ahmed Lahlou Berrada Chaouch Djebbar Kaci Bensaïd Diallo N'Diaye Traoré
Diop Koné Camara Cissé Sow Keita Touré Coulibaly Sylla Fofana Ngoma Mukendi Kabongo Okafor Adjovi
Houngbédji Mensah Kouassi Tshibanda Mabiala Bamba Ouédraogo Sawadogo Kamara Gueye Faye Ndour Sarr
Nguyen Tran Pham Hoang Dang Bui Truong Chen Wang Zhang Liu Huang Lin Kim Park Sok Chhun Vongsavath
Phommachanh Patel Sharma Singh Sivakumar Rajaratnam Tanaka Yamamoto Kowalski Nowak Wiśniewski
Lewandowski Zielinski Popescu Ionescu Dumitru Popa Petrov Ivanov Smirnova Horvat Novak Dvořák Kovács
Nagy Szabó Papadopoulos Georgiou Yilmaz Demir Kaya Şahin Öztürk Hakobyan Grigoryan Fernandes Pereira
Ferreira Rodrigues Gonçalves Santos Oliveira Sousa Carvalho Almeida Teixeira Moreira Da_Costa
Dos_Santos Martins Jimenez Ruiz Hernandez Moreno Muñoz Alvarez Romero Navarro Torres Dominguez Serrano
Garcia Martinez Lopez Sanchez Perez Fernandez Rodriguez Gonzalez Rossi Russo Ferrari Esposito Bianchi
Romano Colombo Ricci Marino Greco Gallo Conti De_Luca Da_Silva Van_der_Berghe De_Smet
Vandenbroucke Delattre Dewaele Verhaeghe Martin-Delaunay Lemaire-Bonnet Le_Goff-Kerbrat
de_Villeneuve de_La_Roche-Aymon du_Plessis d'Aubigny de_Kergariou de_Montferrand
Saint-Cyr Lagarde Castagné Rigal Bousquet Vialatte Chabert Roumegoux Pujol Sabatier
"""
SURNAMES = [s.replace("_", " ") for s in SURNAMES.split()]

GIVEN_F = """
Marie Nathalie Isabelle Sylvie Catherine Martine Christine Françoise Valérie Sandrine Stéphanie Véronique
Sophie Céline Chantal Patricia Anne Brigitte Julie Monique Aurélie Nicole Laurence Camille Émilie
Caroline Hélène Élodie Virginie Claire Mélanie Lucie Léa Chloé Manon Emma Inès Jade Louise Zoé
Ginette Josiane Huguette Odette Paulette Yvette Simone Germaine Jeannine Colette Bernadette
Marie-Thérèse Anne-Sophie Marie-Claude Anne-Laure Marie-Hélène Fatima Khadija Amina Yasmina Nadia
Samira Leïla Malika Saïda Naïma Rachida Karima Aïcha Meriem Awa Aminata Fatoumata Mariam Kadiatou
Nafissatou Adama Bintou Grâce Chanelle Ornella Thi_Lan Mai Linh Hoa Mei Xiaoling Yuna Sun-Hee
Priya Lakshmi Agnieszka Katarzyna Ioana Elena Olga Svetlana Ana Zeynep Ayşe Lusine Conceição
Maria_José Inmaculada Pilar Rocío Giulia Francesca Chiara Maëlys Nolwenn Gwenaëlle Soazig
Maïwenn Ghjulia Maddalena Marie-Ange Josépha Ketty Lise-Marie Rosemonde Ylang Anaïs Océane Clémence
"""
GIVEN_M = """
Jean Pierre Michel Philippe Alain Patrick Nicolas Christophe Christian Daniel Bernard Éric Frédéric
Laurent Stéphane David Pascal Sébastien Julien Thierry Olivier Jacques Thomas Bruno Gérard Didier
Dominique Vincent François Franck Guillaume Jérôme Serge Marcel René Raymond Roger Lucien Gilbert
Maurice Hugo Lucas Louis Gabriel Arthur Jules Raphaël Nathan Léo Théo Noah Enzo Mathis
Jean-Pierre Jean-Claude Jean-Marc Jean-Luc Jean-Baptiste Pierre-Yves Marc-Antoine Paul-Henri
Mohamed Ahmed Karim Rachid Mehdi Youssef Abdelkader Nordine Farid Kamel Said Hamza Bilal Samir
Mamadou Moussa Ibrahima Ousmane Abdoulaye Seydou Cheikh Boubacar Kofi Désiré Prosper Fabrice
Thanh Minh Quang Tuan Wei Jun Hao Min-Jun Raj Arjun Kumar Piotr Krzysztof Andrei Mihai Dmitri Sergueï
Mehmet Mustafa Ararat Tigran João António Manuel José Rui Javier Alejandro Iñaki Giuseppe Luca Marco
Yann Erwan Gwendal Tanguy Loïc Ghjuvanni Dumenicu Anthony Ludovic Teddy Jimmy Wilfried Johan Cédric
Régis Hervé Gaëtan Aurélien Benoît Joël Noël Ange Xavier Baptiste Killian Romain Maxime Adrien Quentin
"""
GIVEN_F = [s.replace("_", " ") for s in GIVEN_F.split()]
GIVEN_M = [s.replace("_", " ") for s in GIVEN_M.split()]
GIVEN = GIVEN_F + GIVEN_M

NICKNAMES = ["Jojo", "Mimi", "Dédé", "Titi", "Fifi", "Nono", "Kiki", "Loulou", "Pat", "Fred", "Seb", "Manu",
             "Domi", "Cricri", "Babette", "Zaza", "Momo", "Jeannot", "Toto", "Gégé"]

STREETS = """
rue de la République|rue Victor Hugo|avenue Jean Jaurès|boulevard Gambetta|rue Pasteur|rue des Lilas
|allée des Érables|chemin des Vignes|impasse du Moulin|place de l'Église|rue du Général Leclerc
|avenue de la Gare|rue Jules Ferry|rue des Écoles|route de Bordeaux|rue Saint-Michel|quai des Chartrons
|rue de la Paix|rue Émile Zola|boulevard Voltaire|rue du Stade|chemin de la Croix Blanche|rue des Tanneurs
|avenue Aristide Briand|rue du Château d'Eau|rue des Martyrs de la Résistance|rue Abbé Pierre|rue Nationale
|rue de Strasbourg|rue Clemenceau|allée Simone Veil|rue Marcel Pagnol|square des Tilleuls|rue des Peupliers
|rue du 8 Mai 1945|avenue du 11 Novembre|rue Lamartine|cours Mirabeau|rue Paul Bert|rue des Glycines
|chemin du Bois Joli|rue Frédéric Mistral|route Nationale 7|rue des Flamboyants|rue Schœlcher
|chemin Grand Canal|rue Pascal Paoli|cours Napoléon|Hauptstraße|rue du Docteur Calmette|rue de Kerbriant
|allée Louise Michel|rue Jean Moulin|rue Georges Brassens|impasse des Hirondelles|rue Anatole France
|avenue Marie Curie|rue Aimé Césaire|rue de la Liberté|voie des Bâtisseurs|rue Saint-Exupéry
"""
STREETS = [s.strip() for s in STREETS.replace("\n", "").split("|") if s.strip()]

TOWNS = [
    ("75011", "Paris"), ("75018", "Paris"), ("13003", "Marseille"), ("69007", "Lyon"), ("31000", "Toulouse"),
    ("06300", "Nice"), ("44000", "Nantes"), ("67000", "Strasbourg"), ("34070", "Montpellier"),
    ("33000", "Bordeaux"), ("59000", "Lille"), ("35000", "Rennes"), ("51100", "Reims"), ("76600", "Le Havre"),
    ("42000", "Saint-Étienne"), ("83000", "Toulon"), ("38000", "Grenoble"), ("21000", "Dijon"),
    ("49000", "Angers"), ("30000", "Nîmes"), ("63000", "Clermont-Ferrand"), ("72000", "Le Mans"),
    ("29200", "Brest"), ("37000", "Tours"), ("87000", "Limoges"), ("80000", "Amiens"), ("66000", "Perpignan"),
    ("57000", "Metz"), ("25000", "Besançon"), ("64100", "Bayonne"), ("20000", "Ajaccio"), ("20200", "Bastia"),
    ("97110", "Pointe-à-Pitre"), ("97200", "Fort-de-France"), ("97300", "Cayenne"),
    ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97600", "Mamoudzou"), ("24250", "Domme"),
    ("12000", "Rodez"), ("46100", "Figeac"), ("22300", "Lannion"), ("68100", "Mulhouse"),
    ("93200", "Saint-Denis"), ("94300", "Vincennes"), ("92130", "Issy-les-Moulineaux"),
    ("16000", "Angoulême"), ("71100", "Chalon-sur-Saône"), ("04100", "Manosque"), ("56000", "Vannes"),
]

RESIDENCES = ["Les Tilleuls", "Le Clos Fleuri", "Les Jardins d'Arcadie", "Bel Air", "Les Hauts de Saint-Jean",
              "Le Parc des Sources", "Les Mimosas", "Cité Lumière", "Les Terrasses du Lac", "Le Hameau Vert"]
LIEUXDITS = ["Le Moulin Neuf", "La Grange aux Moines", "Les Trois Chênes", "Kerlouan Vihan", "Le Pech de Bonnal",
             "La Borie Haute", "Habitation Clément", "Les Basses Terres", "Coste Rouge", "Mas de la Font"]

COMPANIES = ["Martin Frères SARL", "Boulangerie Petit et Fils", "Transports Girard", "Pompes Funèbres Roc-Éclerc",
             "Garage Renault Dubois", "Ambulances Moreau", "SAS Blanc Immobilier", "Menuiserie Lefèvre",
             "Cabinet Durand & Associés", "Pharmacie Saint-Michel", "Optique Richard", "Laboratoire Lambert",
             "Société Générale", "Crédit Agricole", "Harmonie Services", "Banque Populaire Rives de Paris",
             "Domicile Services Simon", "Taxi Fontaine", "Vétérinaires des Lilas", "Auto-École Mercier"]
PLACES = ["hôpital Saint-Louis", "hôpital Rothschild", "clinique Sainte-Anne", "CHU de Bordeaux",
          "hôpital Édouard-Herriot", "clinique Pasteur", "hôpital Georges-Pompidou", "EHPAD Les Mimosas",
          "centre hospitalier de Saint-Pierre", "hôpital Bichat", "clinique Jeanne d'Arc", "hôpital Necker",
          "CHU Félix-Guyon", "institut Gustave-Roussy", "polyclinique Saint-Jean", "maison de santé Marie-Curie"]
DRUGS = ["Doliprane 1000 mg", "Kardegic 75", "Levothyrox 50 µg", "Metformine 850", "Xarelto 20 mg",
         "Ventoline", "Inexium 20", "Lovenox 4000 UI", "Eliquis 5 mg", "Spasfon", "Augmentin 1 g",
         "Tahor 10 mg", "Forlax", "Smecta", "Previscan"]
PETS = ["Pistache", "Caramel", "Filou", "Oscar", "Nala", "Rex", "Moka", "Simba", "Praline", "Gribouille"]

COMPANY_KINDS = {
    "COF": ["Pompes Funèbres Roc-Éclerc", "PF Générales de France", "Pompes Funèbres Martin", "Funérarium Saint-Michel",
            "Marbrerie Lefèvre et Fils", "OGF Services Funéraires", "Pompes Funèbres Payet", "Maison funéraire Girard"],
    "COS": ["ADMR du canton", "Domicile Services Simon", "Aide à domicile Les Mimosas", "SAAD Présence Verte",
            "Âge d'Or Services", "Un Temps pour Soi SAS", "Auxilia Domicile"],
    "COB": ["Crédit Agricole", "Banque Populaire Rives de Paris", "Société Générale", "Caisse d'Épargne Bretagne",
            "Crédit Mutuel de Saint-Louis", "LCL", "Banque Martin Maurel", "BNP Paribas"],
    "COV": ["clinique vétérinaire des Lilas", "Vétérinaires des Lilas", "clinique vétérinaire Saint-Roch",
            "cabinet vétérinaire Moreau & associés", "clinique Vétalliance", "cabinet vétérinaire du Lac"],
    "COA": ["Menuiserie Lefèvre", "Martin Frères SARL", "Plomberie Dubois SAS", "Médical Home Santé",
            "Bastide le Confort Médical", "Accessibilité Habitat Garnier", "Monte-Escaliers Petit",
            "Ets Blanc Carrelage", "SARL Ergo-Confort"],
}
