"""Hand-written name, street and town lists for the blind9 corpus (no names package, no Faker)."""

_SURNAMES = """
Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefebvre|Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier
Morel|Girard|André|Lefèvre|Mercier|Dupont|Lambert|Bonnet|François|Martinez|Legrand|Garnier|Faure|Rousseau|Blanc|Guérin|Muller|Henry|Roussel|Nicolas
Perrin|Morin|Mathieu|Clément|Gauthier|Dumont|Lopez|Fontaine|Chevalier|Robin|Masson|Sanchez|Gérard|Boyer|Denis|Lemaire|Duval|Joly|Roger|Roche
Noël|Meyer|Lucas|Meunier|Perez|Marchand|Dufour|Blanchard|Barbier|Brun|Dumas|Brunet|Schmitt|Leroux|Colin|Fernandez|Renard|Arnaud|Rolland|Caron
Aubert|Giraud|Leclerc|Vidal|Bourgeois|Renaud|Lemoine|Picard|Gaillard|Leclercq|Lacroix|Fabre|Dupuis|Olivier|Hubert|Guillot|Rivière|Moulin|Berger|Lecomte
Ménard|Fleury|Deschamps|Carpentier|Benoît|Maillard|Aubry|Vasseur|Jacquet|Collet|Prévost|Poirier|Charpentier|Royer|Huet|Baron|Dupuy|Pons|Carré|Boulanger
Le Goff|Le Bihan|Kerbrat|Quéméner|Le Floch|Tanguy|Guivarc'h|Le Corre|Morvan|Prigent|Le Gall|Le Roux|Kervella|Le Meur|Cadiou
Etcheverry|Irigoyen|Harispe|Darrigrand|Lafargue|Bousquet|Cazenave|Laborde|Pujol|Castagné
Schaeffer|Kieffer|Wurtz|Zimmermann|Hoffmann|Ehrhart|Schwartz|Klein|Weber|Koenig
Santoni|Pietri|Colonna|Casanova|Filippi|Luciani|Orsini|Albertini|Mattei|Paoli
Vandenbroucke|Delannoy|Dewaele|Vanhove|Deleersnyder|Lemaître|Dhondt|Verbeke
Hoarau|Payet|Grondin|Técher|Nativel|Lebon|Maillot|Virapoullé|Cadet|Nabajoth|Jean-Louis|Saint-Cyr|Sainte-Rose|Bellance|Théophile|Jean-Baptiste|Zébo|Calixte|Marie-Sainte|Ramassamy
Benali|Belkacem|Bouzid|Haddad|Mansouri|Cherif|Amrani|El Idrissi|Benjelloun|Ouali|Hamidi|Zerrouki|Khelifi|Boudjema|Saïdi|Aït Ahmed|Ben Salah|Bensaïd|Lahlou|Tahiri|Meziane|Chaouch|Bouaziz|Brahimi|El Amrani
Diallo|Traoré|Koné|Diop|Ndiaye|Sow|Camara|Coulibaly|Keita|Ba|Mbaye|Sissoko|Touré|Ouédraogo|Kaboré|Mensah|Adjovi|Nzeza|Kabongo|Mukendi|Okafor|Fofana|Doumbia|Sylla|Bamba|N'Diaye|Gueye|Faye|Tchoumba|Essomba
Nguyen|Tran|Le|Pham|Hoang|Vu|Dang|Chen|Wang|Li|Zhang|Liu|Huang|Lin|Kim|Park|Sok|Chhay|Vongsa|Phommachanh|Patel|Rahman|Srinivasan|Singh|Truong|Ly|Ngo|Tanaka|Wong|Yang
Kowalski|Nowak|Wiśniewski|Kaminski|Lewandowska|Ivanov|Petrov|Popescu|Ionescu|Dumitru|Horváth|Novák|Dvořák|Kovač|Jankowski|Shevchenko|Kovalenko|Bondarenko|Marković|Petrović|Smirnova|Zielinski
Da Costa|Ferreira|Pereira|Oliveira|Rodrigues|Fernandes|Gonçalves|Santos|Carvalho|Sousa|Almeida|Ribeiro|Moreira|Lopes|Teixeira|Martins|Navarro|Ruiz|Jiménez|Muñoz|Romero|Álvarez|Torres|Domínguez|Gutiérrez|Da Silva|Dos Santos
Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca
Yilmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Petrossian|Hovsepian|Manoukian|Karapetyan
de Villeneuve|de La Roche|du Plessis|d'Aubigny|de Montfort|d'Arcy|des Essarts|Van den Bossche|de Kerguelen|du Chesnay|de Saint-Aubin|Le Brun de Sainte-Croix
Martin-Lavigne|Bernard-Dufresne|Roussel-Galle|Garcia-Moreau|Petit-Jean|Saint-Martin|Lefort-Bazin|Ben Youssef-Nicolas|Tran-Dupuis|Diallo-Fabre|Grand-Pierre|Michaud-Léger
"""

_GIVEN_F = """
Marie|Nathalie|Isabelle|Sylvie|Catherine|Françoise|Christine|Monique|Valérie|Sandrine|Sophie|Céline|Stéphanie|Véronique|Laurence|Julie|Aurélie|Camille|Émilie|Claire
Anne|Chantal|Martine|Brigitte|Nicole|Patricia|Élodie|Mélanie|Caroline|Audrey|Virginie|Laetitia|Pauline|Léa|Manon|Chloé|Emma|Inès|Jade|Louise
Zoé|Lina|Léna|Alice|Margaux|Océane|Clémence|Anaïs|Marion|Charlotte|Agathe|Gwenaëlle|Maëlle|Nolwenn|Soizic|Morgane|Enora|Katell|Maïwenn|Annaïg
Ghislaine|Josiane|Yvette|Huguette|Geneviève|Odile|Bernadette|Jacqueline|Madeleine|Thérèse|Marie-Claude|Anne-Sophie|Marie-Hélène|Marie-José|Anne-Laure
Fatima|Khadija|Yasmina|Samira|Leïla|Nadia|Malika|Sabrina|Amel|Nour|Meriem|Soraya|Zohra|Houria|Imane|Salma|Rania|Aïcha
Aminata|Fatoumata|Mariam|Awa|Kadiatou|Adama|Ndeye|Binta|Aya|Grâce|Précieuse|Ornella|Mireille|Rokia
Thi Lan|Mai|Linh|Hoa|Mei|Xiaoling|Yuna|Sovann|Kanya|Priya|Ayesha
Agnieszka|Katarzyna|Olga|Irina|Natalia|Elena|Ioana|Daria|Milena|Oksana|Svetlana
Maria|Ana|Inês|Carla|Lucía|Carmen|Pilar|Rosa|Giulia|Francesca|Chiara
Ayşe|Elif|Zeynep|Anahit|Lucette|Marie-Noëlle|Rose-Aimée|Fleur|Marie-Line|Héloïse|Solène|Apolline|Bérénice|Noémie|Capucine|Lou
"""

_GIVEN_M = """
Jean|Pierre|Michel|Philippe|Alain|Nicolas|Christophe|Patrick|Daniel|Bernard|Éric|Laurent|Frédéric|Stéphane|David|Olivier|Thierry|Pascal|Julien|Sébastien
Jacques|Gérard|René|Claude|Serge|Didier|Dominique|Bruno|Franck|Thomas|Alexandre|Antoine|Maxime|Romain|Guillaume|Mathieu|Vincent|Fabrice|Hervé|Lionel
Lucas|Hugo|Louis|Gabriel|Arthur|Jules|Léo|Nathan|Raphaël|Adam|Ethan|Noah|Timéo|Enzo|Mathis|Baptiste|Théo|Valentin|Kévin|Jordan
Yann|Erwan|Gwendal|Loïc|Ronan|Tanguy|Goulven|Iñaki|Xabi|Jean-Baptiste|Jean-Marc|Jean-Luc|Pierre-Yves|Jean-Philippe|Marc-Antoine|François-Xavier|Paul-Henri
Mohamed|Ahmed|Karim|Rachid|Mehdi|Youssef|Samir|Sofiane|Nabil|Bilal|Hamza|Farid|Abdelkader|Mourad|Redouane|Ilyès|Ayoub|Walid|Djamel
Mamadou|Moussa|Ibrahima|Ousmane|Sekou|Abdoulaye|Boubacar|Cheikh|Issa|Kofi|Emmanuel|Désiré|Jean-Claude|Serge-Alain|Patrice
Minh|Duc|Quang|Wei|Jun|Hao|Sokha|Vanna|Raj|Arjun|Hiroshi
Piotr|Tomasz|Krzysztof|Dmitri|Sergueï|Andreï|Mihai|Bogdan|Vasile|Luka|Milan|Oleksandr
José|João|Manuel|António|Rui|Miguel|Javier|Carlos|Alejandro|Giovanni|Marco|Luca
Mehmet|Mustafa|Emre|Arman|Ludovic|Grégoire|Aurélien|Benoît|Cyril|Gaëtan|Jérôme|Joël|Marcel|Roland|Gilbert|Yves|Augustin|Anatole|Côme|Eliott
"""


def _split(block):
    out = []
    for line in block.strip().splitlines():
        out.extend(x.strip() for x in line.split("|") if x.strip())
    return out


SURNAMES = _split(_SURNAMES)
GIVEN_F = _split(_GIVEN_F)
GIVEN_M = _split(_GIVEN_M)
GIVEN = GIVEN_F + GIVEN_M

NICKNAMES = ["Jeannot", "Mimi", "Titi", "Dédé", "Jojo", "Fanfan", "Nono", "Kiki", "Doudou", "Lulu", "Pat", "Cathy", "Béa", "Momo", "Fred", "Seb", "Nico", "Steph", "Val", "Alex"]

STREET_TYPES = ["rue", "avenue", "boulevard", "impasse", "allée", "chemin", "place", "route", "quai", "cours", "square", "passage", "voie", "sentier"]

STREET_NAMES = [
    "Victor-Hugo", "de la République", "Jean-Jaurès", "des Lilas", "du Moulin", "de la Gare", "Pasteur", "des Écoles",
    "du Général-Leclerc", "Gambetta", "de Verdun", "des Acacias", "Émile-Zola", "de la Paix", "du Château", "des Tilleuls",
    "Anatole-France", "de l'Église", "des Peupliers", "Jules-Ferry", "du Stade", "de Bretagne", "Saint-Exupéry", "des Mimosas",
    "Aimé-Césaire", "du Maréchal-Foch", "de la Liberté", "des Roses", "du Four", "Paul-Vaillant-Couturier", "de Strasbourg",
    "des Vignes", "Louise-Michel", "du Port", "Toussaint-Louverture", "des Cerisiers", "de la Fontaine", "Saint-Denis",
    "du 8-Mai-1945", "des Hirondelles", "Frédéric-Mistral", "de la Mairie", "Simone-Veil", "des Bleuets", "du Lavoir",
    "de Lattre-de-Tassigny", "Camille-Claudel", "des Genêts", "de la Croix-Rouge", "des Flamboyants", "du Docteur-Roux",
    "Lamartine", "des Sables", "Marcel-Pagnol", "de la Chapelle", "du Bois-Joli",
]

LIEUX_DITS = ["lieu-dit Le Grand Pré", "lieu-dit Les Combes", "lieu-dit La Garenne", "hameau de Kerlouan", "lieu-dit Bellevue", "Mas des Oliviers", "lieu-dit Les Trois Chênes", "quartier Bois-d'Olive"]
RESIDENCES = ["Résidence Les Jardins", "Résidence Le Parc", "Résidence Beau Soleil", "Bâtiment C", "Bât. B2", "Résidence Les Alizés", "Tour Europe", "Résidence du Lac"]

# (postcode, town)
TOWNS = [
    ("75011", "Paris"), ("75018", "Paris"), ("13005", "Marseille"), ("69003", "Lyon"), ("31400", "Toulouse"), ("06000", "Nice"),
    ("44000", "Nantes"), ("67000", "Strasbourg"), ("34000", "Montpellier"), ("33800", "Bordeaux"), ("59000", "Lille"),
    ("35000", "Rennes"), ("51100", "Reims"), ("42000", "Saint-Étienne"), ("83000", "Toulon"), ("38000", "Grenoble"),
    ("21000", "Dijon"), ("49100", "Angers"), ("30000", "Nîmes"), ("63000", "Clermont-Ferrand"), ("29200", "Brest"),
    ("37000", "Tours"), ("87000", "Limoges"), ("80000", "Amiens"), ("66000", "Perpignan"), ("57000", "Metz"),
    ("25000", "Besançon"), ("45000", "Orléans"), ("68100", "Mulhouse"), ("14000", "Caen"), ("54000", "Nancy"),
    ("93200", "Saint-Denis"), ("92100", "Boulogne-Billancourt"), ("64100", "Bayonne"), ("20000", "Ajaccio"), ("20200", "Bastia"),
    ("97400", "Saint-Denis"), ("97410", "Saint-Pierre"), ("97110", "Pointe-à-Pitre"), ("97200", "Fort-de-France"), ("97300", "Cayenne"),
    ("97600", "Mamoudzou"), ("56100", "Lorient"), ("22300", "Lannion"), ("12000", "Rodez"), ("48000", "Mende"), ("23000", "Guéret"),
    ("59200", "Tourcoing"), ("95100", "Argenteuil"), ("94000", "Créteil"), ("01000", "Bourg-en-Bresse"), ("74000", "Annecy"),
]

EMAIL_DOMAINS = ["orange.fr", "gmail.com", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr", "wanadoo.fr", "yahoo.fr", "outlook.fr", "icloud.com", "bbox.fr", "live.fr"]

COMPANIES = ["Martin Optique SARL", "Pharmacie Blanc", "Boulangerie Petit", "Transports Legrand", "Garage Dupont & Fils", "Ambulances Moreau",
             "Laboratoire Rousseau", "Clinique Pasteur", "Fontaine Audition", "Cabinet Mercier Conseil", "SARL Roux Plomberie", "Pharmacie Lefèvre",
             "Taxi Bernard", "Optique Garnier", "Auto-école Simon", "Pompes funèbres Renard", "EHPAD Les Tilleuls", "Kiné Santé Vidal"]

PLACES = ["hôpital Saint-Louis", "hôpital Rothschild", "hôpital Georges-Pompidou", "hôpital Necker", "CHU de Saint-Pierre", "clinique Saint-Jean",
          "centre Léon-Bérard", "Institut Curie", "hôpital Bichat-Claude-Bernard", "CH Robert-Ballanger", "clinique Sainte-Anne", "hôpital Édouard-Herriot",
          "CHU Félix-Guyon", "polyclinique Marie-Galante", "hôpital Pierre-Zobda-Quitman", "centre hospitalier Simone-Veil", "clinique Jeanne-d'Arc", "hôpital Louis-Mourier"]

DRUGS = ["Doliprane 1000 mg", "Kardégic 75", "Levothyrox 50 µg", "amoxicilline 1 g", "Ventoline", "metformine 850", "Spasfon", "Inexium 20",
         "Dafalgan", "Xarelto 20 mg", "Lantus", "Ozempic", "méthotrexate", "Seresta 10"]

CCAM = ["HBLD036", "HBJD001", "HBMD049", "HBLD634", "BFGA004", "ZBQK002", "JQGD010", "QZFA031", "LFQK002", "YYYY600"]
NGAP = ["C", "G", "CS", "APC", "AMI 1", "AMK 7,5", "K 50", "TC", "SF 12", "AMO 8"]
LPP = ["2102432", "2203590", "2236240", "1161383", "2100059", "2257329"]
