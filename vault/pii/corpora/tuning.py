"""The TUNING corpus: labelled French texts a PII detector may be tuned against.

Deterministic (seeded). Six styles in equal shares, one text in five clean (no personal
data, full of decoys). Names come half from Faker (fr_FR, fr_BE, fr_CH, fr_CA) and half from
the hand-written lists below (diverse origins, particles, apostrophes, diacritics,
hyphenated first names). The held-out corpus (``heldout.py``) has its own lists and templates.
"""

from __future__ import annotations

from vault.pii.corpora import LabelledText, NameSource, Renderer, build, standard_gens

FEMALE = (
    "Hélène",
    "Élodie",
    "Zoé",
    "Marie-Claire",
    "Anne-Sophie",
    "Maëlle",
    "Inès",
    "Fatima",
    "Aïcha",
    "Khadija",
    "Yasmine",
    "Nour",
    "Leïla",
    "Samira",
    "Aminata",
    "Fatoumata",
    "Awa",
    "Mariama",
    "Thi Lan",
    "Ngọc Anh",
    "Linh",
    "Mai",
    "Maria",
    "Ana",
    "Conceição",
    "Inês",
    "Joana",
    "Agnieszka",
    "Małgorzata",
    "Katarzyna",
    "Ewa",
    "Chloé",
    "Léa",
    "Manon",
    "Camille",
    "Océane",
    "Noémie",
    "Gaëlle",
    "Solène",
    "Bérénice",
    "Marie-Thérèse",
    "Anne-Laure",
    "Céline",
    "Sandrine",
    "Nathalie",
    "Isabelle",
    "Josiane",
    "Ginette",
    "Yvette",
    "Françoise",
    "Lucie",
    "Clémence",
    "Aurélie",
    "Émilie",
    "Sofia",
    "Giulia",
    "Elif",
    "Ayşe",
    "Meryem",
    "Ornella",
    "Rokia",
    "Djeneba",
)

MALE = (
    "Jean-Baptiste",
    "Jean-Pierre",
    "Pierre-Yves",
    "Jean-Marc",
    "Loïc",
    "Gaël",
    "Noël",
    "Anaël",
    "Mohamed",
    "Karim",
    "Youssef",
    "Rachid",
    "Mehdi",
    "Bilal",
    "Abdelkader",
    "Hicham",
    "Mamadou",
    "Moussa",
    "Ousmane",
    "Seydou",
    "Ibrahima",
    "Cheikh",
    "Minh",
    "Tuấn",
    "Quang",
    "Duc",
    "João",
    "Rui",
    "Tiago",
    "Gonçalo",
    "Paweł",
    "Krzysztof",
    "Wojciech",
    "Tomasz",
    "Hervé",
    "Stéphane",
    "Jérôme",
    "Benoît",
    "Frédéric",
    "Thibault",
    "Maxime",
    "Théo",
    "Mathéo",
    "Lucas",
    "Enzo",
    "René",
    "André",
    "Gérard",
    "Marcel",
    "François",
    "Grégoire",
    "Rémi",
    "Yannick",
    "Erwan",
    "Mehmet",
    "Emre",
    "Giovanni",
    "Salvatore",
    "Dimitri",
    "Ivan",
    "Kévin",
    "Dylan",
)

SURNAMES = (
    "du Pont",
    "de La Fontaine",
    "Le Goff",
    "Le Bihan",
    "N'Diaye",
    "Lefèvre-Nguyen",
    "da Silva",
    "dos Santos",
    "de Oliveira",
    "Ferreira",
    "Gonçalves",
    "Rodrigues",
    "Pereira",
    "Nguyen",
    "Trần",
    "Phạm",
    "Lê",
    "Hoang",
    "Vo",
    "Benali",
    "Belkacem",
    "Haddad",
    "Ben Salah",
    "El Amrani",
    "Bouzid",
    "Cherif",
    "Mansouri",
    "Ouedraogo",
    "Traoré",
    "Diallo",
    "Coulibaly",
    "Keïta",
    "Sissoko",
    "Diop",
    "Ndiaye",
    "Kowalski",
    "Nowak",
    "Wiśniewska",
    "Lewandowski",
    "Zieliński",
    "Kamińska",
    "Yılmaz",
    "Öztürk",
    "Russo",
    "Esposito",
    "Bouvier",
    "Lecomte",
    "Rousseau",
    "Lefèvre",
    "Fournier",
    "Girard",
    "Bonnet",
    "Chevalier",
    "Gauthier",
    "Perrin",
    "Morin",
    "Mercier",
    "Blanchard",
    "Guérin",
    "Boyer",
    "Roche",
    "Roux",
    "Brun",
    "Faure",
    "Lemaire",
    "Vasseur",
    "Marchand",
    "Boulanger",
    "Lebrun",
    "Petit",
    "Leblanc",
    "Gaillard",
    "Barbier",
    "Aubert",
    "Carré",
    "Caron",
    "Collet",
    "Le Roux",
    "Le Gall",
    "Saint-Martin",
    "de Villiers",
    "d'Almeida",
    "D'Souza",
    "O'Neill",
    "Van den Berg",
    "Abitbol",
    "Cohen",
    "Lévy",
    "Azoulay",
)

STREETS = (
    "rue des Lilas",
    "avenue Jean Jaurès",
    "boulevard Victor Hugo",
    "allée des Pins",
    "impasse du Moulin",
    "chemin des Vignes",
    "place de la République",
    "rue du Général de Gaulle",
    "rue Pasteur",
    "route de Lyon",
    "quai des Chartrons",
    "rue Émile Zola",
    "avenue de la Gare",
    "rue des Écoles",
    "lotissement Les Coquelicots",
    "rue Saint-Exupéry",
    "cours Mirabeau",
    "rue de Verdun",
    "square des Tilleuls",
    "rue du 8 Mai 1945",
    "avenue des Mimosas",
    "rue Paul Bert",
    "boulevard de la Liberté",
    "rue de l'Église",
    "chemin de la Croix",
    "rue Nationale",
)

RESIDENCES = (
    "Les Tilleuls",
    "Le Clos Fleuri",
    "Les Jardins d'Arcadie",
    "Beau Soleil",
    "Les Hauts de Seine",
    "Le Parc",
    "Les Granges",
    "La Pinède",
    "Le Vieux Moulin",
    "Les Chênes",
)

DOMAINS = (
    "gmail.com",
    "orange.fr",
    "free.fr",
    "sfr.fr",
    "laposte.net",
    "hotmail.fr",
    "yahoo.fr",
    "wanadoo.fr",
    "outlook.fr",
    "icloud.com",
    "bbox.fr",
    "neuf.fr",
)

COMPANIES = (
    "Transports Rhodaniens",
    "Boulangerie des Halles",
    "Atelier Bleu",
    "Menuiserie Alpine",
    "Clinique du Parc",
    "Groupe Horizon",
    "Logistique Val de Loire",
    "BTP Océan",
    "Imprimerie Moderne",
    "Cabinet Vauban Conseil",
    "Garage de la Gare",
    "Ambulances Saint-Roch",
)

BRANDS = (
    "Essilor",
    "Varilux",
    "Afflelou",
    "Krys",
    "Optic 2000",
    "Invisalign",
    "Doctolib",
    "Ameli",
    "Amplifon",
    "Audika",
    "Straumann",
    "Zeiss",
    "Alan",
    "Carte Vitale",
    "Biogaran",
    "Oral-B",
)

ACTS = (
    "HBLD038",
    "HBLD490",
    "HBMD049",
    "HBJD001",
    "HBBD005",
    "HBQK002",
    "HBGD035",
    "YYYY010",
    "HBLD036",
    "HBKD213",
    "LBLD012",
    "HBLD634",
    "HBED009",
    "TO90",
)

T = {}
C = {}

T["claims_comment"] = [
    "Adhérent{e@a} {person:upperrev@a}, NIR {nir}. PEC optique refusée : devis {brand} du {date} hors panier. "
    "Reste à charge {amount}.",
    "Bénéficiaire : {person:full@a} (né{e@a} le {dob:slash}). Remboursement de {amount} viré le {date} "
    "sur IBAN {iban:group}.",
    "Suite à l'appel de {civ@a} {person:last@a}, RIB modifié : {iban:any}. Ancien RIB clôturé. Dossier {dossier}.",
    "Changement d'adresse : {address:line}. Courrier de relance du {date} revenu NPAI.",
    "Doublon détecté sur la facture {invoice} ; soins du {date} déjà réglés. Assuré{e@a} : {person:init@a}, "
    "n° SS {nir:hyph}.",
    "Ayant droit ajouté : {person:full@a}, né{e@a} le {dob:iso}. Rattachement au contrat {contract} à compter du "
    "1er {month}.",
    "Kiné : {n} séances du {date} au {date}. Prescripteur Dr {person:last}, RPPS {rpps}. Tiers payant OK.",
    "NIR saisi {nir:keyapart} corrigé (ancienne saisie erronée {badnir:std}). Assuré{e@a} {person:rev@a}.",
    "Mail reçu de {email}, demande de décompte pour les soins de {month}. Envoyé le {date}.",
    "{person:upper@a} — date de naissance : {dob:dot}. Carte tiers payant réémise, envoi au {address:line}.",
    "Rejet Noémie : NIR {nir:raw} inconnu de la CPAM de {town}. Vérifier avec l'adhérent au {phone:sp}.",
    "Facture clinique (FINESS {finess}) : forfait journalier {amount}. Patient : {person:upperrev}, DDN {dob:short}.",
    "Remboursement orthodontie enfant {person:full}, né(e) en {dob:mm}. Semestre {n}, acte {act}.",
    "Contact : {person:init}, {phone:dots}. Souhaite un rappel concernant le reste à charge de {amount}.",
    "Pour info : l'employeur (SIRET {siret}) a résilié le contrat collectif au {date}. Salarié concerné : "
    "{person:full}, NIR {nir:odd}.",
    "Opticien {brand} de {town} : monture {amount}, verres {amount}. Bénéficiaire {person:full@a}, né{e@a} "
    "en {dob:month}.",
    "Appel sortant vers {person:full} au {phone}: messagerie. Relance prévue le {day}.",
    "Décès de l'assuré signalé par sa fille, {person:full}, domiciliée {address:any}. Capital obsèques à étudier.",
    "IBAN fourni par mail ({email}) : {iban:raw}. Contrôle de clé OK, RIB enregistré le {date}.",
    "Pharmacie FINESS {finess} : pansements prescrits, soins infirmiers par {person:full}, ADELI {adeli}.",
    "Rattachement conjoint : {person:rev@a}, NIR {nir:corse}, né{e@a} le {dob:long}.",
    "Dossier {dossier} transmis au médecin-conseil. Assuré{e@a} : {person:upperrev@a} ({dob:slash}).",
    "Remboursement auditif : {brand}, 2 appareils à {amount}. Audioprothésiste {person:full}, n° ADELI {adeli}. "
    "Adhérente {person:init}.",
    "vu avec mme {person:lower}, ok pour remb. du devis {invoice} ({amount}). iban {iban:lower}",
    "Vérif NIR : {nir:odd} (clé contrôlée). Bénéficiaire {person:full@a}, né{e@a} en {dob:mm}.",
    "Réclamation écrite de {civ@a} {person:full@a}, {address:res}. Elle conteste le refus du {date}.",
    "Courrier retour : {civ@a} {person:upperrev@a}, nouvelle adresse {address:nocomma}, tél {phone}.",
    "Prise en charge hospitalisation accordée pour {person:full}, NIR {nir:keyapart}, clinique FINESS {finess}.",
]

C["claims_comment"] = [
    "Délai de traitement dépassé sur le dossier {dossier}. Relance CPAM de {town} le {date}. Montant en attente : "
    "{amount}.",
    "Tiers payant refusé par l'opticien : facture {invoice} de {amount}, prise en charge à {pct} de la BR.",
    "Orthodontie : acte {act}, 6e semestre, accord du {date}. Remboursement {amount} (base Sécurité sociale {amount}).",
    "Suite à la réforme 100 % Santé, panier A appliqué sur le devis {brand}. Référence virement {badnir:raw} du "
    "{date}.",
    "Prochaine échéance de cotisation le {day}. Mutuelle : pas d'impayé sur le contrat {contract}.",
    "Facture clinique FINESS {finess} : dépassement d'honoraires {amount}, soins du {date} au {date}.",
    "Kiné : séances AMK du {date}, {pct} pris en charge. Dossier {dossier} clos.",
    "Pouvez-vous vérifier le décompte n° {badnir} du {date} ? Écart de {amount} sur la dent {tooth}.",
    "Délai de carence levé. Optique : {brand}, verres progressifs, classe B. Remboursé {amount} le {date}.",
    "Merci de ne pas traiter les factures {invoice} et {invoice} : doublons Noémie du {date}.",
]

T["call_centre"] = [
    "Appel entrant de {civ@a} {person:full@a}. Vérif identité : DDN {dob:short}, NIR {nir:std}. Question sur "
    "le remboursement du {date}.",
    "{civ@a} {person:upperrev@a} appelle pour son devis optique. Rappeler au {phone} avant {hour}.",
    "Appelant : {person:init}. Souhaite changer son RIB : {iban:group}. Envoi du formulaire par mail à {email}.",
    "Mme au tel, se dit née le {dob:long}. NIR donné oralement : {nir:keyapart}. Dossier {dossier} retrouvé.",
    "Rappel demandé par {person:full} {phone}",
    "Appel de la fille de l'adhérent, {person:full}, qui signale un déménagement : {address:line}.",
    "Client mécontent (délai PEC hospitalisation). Nom : {person:upperrev}. Dossier {dossier}, escalade N2.",
    "Transfert N2. Adhérent{e@a} {person:full@a}, né{e@a} en {dob:month}, tel {phone:mobile}.",
    "Coordonnées mises à jour : {phone:intl} / {email}.",
    "Appel de {civ@a} {person:last@a} au sujet de la facture {invoice}. Rappel le {day} à {hour}. NIR {nir:hyph}.",
    "Interlocuteur : Dr {person:last}, cabinet dentaire, RPPS {rpps}. Demande le statut de l'entente préalable.",
    "appel pour sa mère {person:lower}, date de naissance {dob:slash}, en EHPAD à {town}.",
    "L'adhérente ne retrouve plus son numéro de sécu ; lu sur la carte Vitale : {nir:raw}.",
    "Demande d'attestation de droits. Envoi à {address:any}. Contact {phone}.",
    "Appel de {person:upper}, gérant (SIRET {siret}), pour l'adhésion de ses salariés au contrat collectif.",
    "Message vocal laissé au {phone} pour {civ@a} {person:last@a}.",
    "Usurpation suspectée : un tiers a appelé avec le NIR {nir:keyapart} et la DDN {dob:dot}. Alerte posée.",
    "{person:full} - {phone}\nObjet : contestation du refus orthodontie ({act}).",
    "Conseillère : {person:first}. Appelant : {person:init}, n° SS {nir:corse}.",
    "Mme {person:last} épouse {person:last}, appel pour un changement de nom suite à mariage. Justificatif demandé.",
    "Rappelé le {day} : {person:full} confirme son adresse ({address:line}) et son mail {email}.",
    "Demande de prise en charge pour le nouveau-né {person:full}, né le {dob:slash}. Ajout comme ayant droit.",
    "Appel via interprète pour {civ@a} {person:full@a}. Numéro de rappel : {phone:0033}.",
    "Réclamation : {person:upperrev}, {phone}, signale un prélèvement en double sur {iban:any}.",
    "Le Dr {person:full} (RPPS {rpps}) appelle pour une entente préalable en orthodontie.",
    "Appel de {person:rev}, infirmier libéral, n° ADELI {adeli}. Question sur le tiers payant.",
    "Résumé : adhérent{e@a} {person:init@a} ({dob:iso}) rappelle pour la 3e fois, joignable au {phone:paren}.",
]

C["call_centre"] = [
    "Appel pour connaître les délais de remboursement des lunettes. Information donnée : 48 h après réception Noémie.",
    "Appelant anonyme, question générale sur le 100 % Santé. Orienté vers l'espace adhérent.",
    "Merci de rappeler l'agence de {town} ({cp}) au sujet du dossier {dossier}.",
    "Question sur la Sécurité sociale : remboursement kiné à {pct}. Aucun dossier ouvert.",
    "Prochaine campagne d'appels le {day}. Script orthodontie mis à jour (acte {act}).",
    "Appel coupé avant identification. Durée {n} min. Motif : optique {brand}.",
    "Suite à incident téléphonie, {n} appels perdus entre {hour} et {hour}.",
    "Client demande le montant de la participation forfaitaire : {amount}. Réf. appel {badnir:std}.",
    "Délai annoncé : {n} jours ouvrés. Pouvez-vous relancer le service Prestations de {town} ?",
    "Appel du centre de santé (FINESS {finess}) pour un rejet de flux du {date}. Transmis au support.",
]

T["dental_quote"] = [
    "Devis du {date} : couronne céramo-métallique dent {tooth} ({act}), honoraires {amount}. Praticien : "
    "Dr {person:full}, RPPS {rpps}.",
    "Patient{e@a} : {person:upperrev@a}, né{e@a} le {dob:slash}. Implant dent {tooth}, {amount}.",
    "Dr {person:last} propose un bridge 3 éléments ({act}) ; reste à charge {amount} après mutuelle.",
    "Devis orthodontie pour {person:first} (enfant, né(e) en {dob:mm}) : {n} semestres à {amount}.",
    "Remarque : devis signé par {person:init} le {date}. NIR du patient {nir}.",
    "Chirurgien-dentiste {person:full} — RPPS {rpps} — devis {invoice} du {date}.",
    "Prothèse amovible {act}, base SS {amount}. Patient(e) {person:full} ({dob:slash}).",
    "Le devis mentionne le NIR {nir:hyph} ; il appartient à {person:rev}, conjoint de l'adhérente.",
    "Cabinet du Dr {person:upper} : merci de renvoyer le devis signé. Tél. cabinet {phone:fixe}.",
    "Inlay-core dents {tooth} et {tooth}. Prothésiste : {person:full}. Montant total {amount}.",
    "Devis reçu par mail de {email} pour {person:full}, DDN {dob:short}.",
    "Orthodontiste : Dr {person:init} (RPPS {rpps}). Traitement {brand}, {amount} par semestre.",
    "Implant refusé (devis {invoice}). Patient(e) {person:init}, date de naissance {dob:iso}.",
    "Devis incomplet : manque le numéro RPPS du Dr {person:last}. Le patient {person:upperrev} est joignable "
    "au {phone}.",
    "Couronne dent {tooth} : devis de {amount}, Dr {person:full}. Adhérent{e@a} {person:lower@a}, "
    "né{e@a} le {dob:long}.",
    "Patient{e@a} {person:full@a}, {address:line}. Devis parodontie ({act}) {amount}, hors nomenclature.",
    "Surcoût contesté par {person:full}. Devis du Dr {person:last} du {date}, dents {tooth}-{tooth}.",
    "Entente préalable : {person:upperrev}, NIR {nir:keyapart}, traitement débuté le {date}.",
    "Dr {person:full}\nChirurgien-dentiste\n{phone:sp}\nDevis n° {invoice}",
    "Devis établi pour {civ@a} {person:full@a} (née/né le {dob:dot}) : 2 couronnes, {amount}.",
    "Assistante dentaire {person:first} : le devis de {person:full} a été renvoyé le {date}.",
    "Remboursement sur devis : versement sur IBAN {iban:group} au nom de {person:upper}.",
    "Devis prothèse ({act}) : patient né en {dob:month}, {person:init}. Reste à charge {amount}.",
    "Contrôle RPPS {rpps} : praticien {person:upperrev}, conventionné secteur 2.",
    "Praticien hors réseau, Dr {person:full} ({cptown}). Patiente {person:full}, NIR {nir:corse}.",
    "Devis d'implant : Dr {person:last} / patient {person:rev} / {amount} / dent {tooth}. Joindre la radio du {date}.",
]

C["dental_quote"] = [
    "Devis du {date} : couronne dent {tooth} ({act}), honoraires {amount}, base Sécurité sociale {amount}.",
    "Orthodontie : {n} semestres, acte {act}, {amount} par semestre. Prise en charge {pct}.",
    "Bridge 3 éléments dents {tooth}-{tooth}, panier 100 % Santé. Reste à charge nul.",
    "Devis {invoice} incomplet : merci de préciser le code acte (ex. {act}) et la dent concernée.",
    "Implant : forfait {brand} {amount}, non remboursé par la Sécurité sociale. Plafond annuel {amount}.",
    "Prochaine révision des tarifs dentaires le 1er {month} {year}. Centre dentaire FINESS {finess}.",
    "Inlay-core {act} + couronne : total {amount}. Délai de validité du devis : 6 mois.",
    "Suite à l'entente préalable n° {dossier}, accord pour les dents {tooth}, {tooth} et {tooth}.",
    "Parodontie hors nomenclature : {amount}. Pouvez-vous joindre la facture acquittée ?",
    "Détartrage ({act}) le {day}, {amount}. Tiers payant appliqué.",
]

T["member_email"] = [
    "bonjour,\nje vous envoie mon rib pour le remboursement : {iban:any}\nmerci\n{person:firstlow}\n{phone}",
    "Bonjour,\nJe n'ai toujours pas été remboursée de mes lunettes ({amount}). Mon numéro de sécu : {nir}.\n"
    "Cordialement\n{person:full}",
    "bjr, c'est {person:lower} , j'ai changé d'adresse : {address:any}. merci de mettre a jour",
    "Madame, Monsieur,\nVeuillez trouver ci-joint le devis dentaire de mon enfant "
    "{person:first@k}, né{e@k} le {dob:slash}.\n"
    "Bien à vous,\n{person:upper}",
    "Bonjour\nmon mari {person:full} a été hospitalisé du {date} au {date}. son numero : {nir:hyph}\n"
    "{person:firstlow}\n{phone:mobile}",
    "bonjour je suis {person:lower} née en {dob:month}, je voudrais savoir si l'orthodontie adulte est "
    "remboursée\nmerci",
    "Bonjour,\nSuite à votre courrier du {date}, voici mon nouveau mail : {email}\n{person:init}",
    "Bonjour\nPouvez-vous me rappeler svp ? {phone}\n{person:full}",
    "Bonjour,\nj'ai bien reçu le décompte, mais il manque les soins du {date}.\nMerci d'avance.\n{person:first}\n"
    "{phone}",
    "salut,\ncest {person:firstlow} (la fille de {person:lower}), maman est née le {dob:short}, elle n'arrive pas "
    "a se connecter\nbisous",
    "Bonjour, je m'appelle {person:full} et je suis né le {dob:iso}. Mon numéro de sécurité sociale est "
    "{nir:keyapart}.",
    "Objet : RIB\n\nBonjour, voici mon IBAN {iban:lower} au nom de {person:lowerrev}.\nCdlt",
    "Bonjour,\n\nMerci pour votre réponse.\n\n{person:full}\n{address:two}\n{phone}",
    "bonjour\nje n'ai pas recu ma carte de tiers payant. adresse : {address:nocomma}\n{person:first}",
    "Bonsoir, mon numéro a changé : {phone:intl}. bonne soirée, {person:firstlow}",
    "Bonjour,\nMon dentiste le Dr {person:last} m'a fait un devis de {amount}. Combien serai-je remboursé ?\n"
    "{person:upperrev}",
    "Bonjour, je vous transmets la facture de l'ostéopathe. Ma date de naissance : {dob:dot}. Nom : {person:rev}",
    "--\n{person:full}\n{email}\n{phone:dots}",
    "Bonjour,\n\nje voudrais ajouter mon bébé {person:full}, né le {dob:long}, sur mon contrat.\n\n"
    "Cordialement,\n{person:full}\n{phone}",
    "Bonjour,\nle prélèvement a été fait deux fois sur mon compte {iban:group}.\nMerci de régulariser.\n{person:init}",
    "Bonjour, je suis la curatrice de {civ@a} {person:full@a} (né{e@a} en {dob:mm}). Merci d'écrire au {address:res}.",
    "Madame,\nJe conteste le refus de prise en charge de mes semelles.\nSalutations,\n{person:lower}\n{phone:raw}",
    "hello, je pars au portugal, joignable au {phone:0033} ou par mail {email}. {person:firstlow}",
    "bonjour mon numero de secu est le {nir:odd} et ma date de naissance {dob:short}, merci de verifier\n"
    "{person:lower}",
    "Bonjour,\nJe vous prie de trouver ma nouvelle adresse : {address:appt}.\nBien cordialement,\n"
    "{person:upperrev}\n{phone:paren}",
    "Bonjour, ma fille {person:first} ({dob:nopad}) a besoin d'un appareil dentaire. "
    "Est-ce que c'est pris en charge ?\n{person:first}",
    "Re: votre dossier\n\n> Bonjour {civ:long} {person:lastup},\n\nMerci mais je n'ai pas recu le virement.\n"
    "{person:full}",
]

C["member_email"] = [
    "Bonjour,\nPouvez-vous me dire quand je serai remboursé de ma facture {invoice} ?\nMerci",
    "bonjour je voudrais savoir si le {brand} est rembourse par la mutuelle. merci d'avance",
    "Bonjour,\nSuite à mon appel du {day}, je n'ai toujours rien reçu. Dossier {dossier}.\nCordialement",
    "Madame, Monsieur,\nJe souhaite résilier l'option Optique au 1er {month}.\nSalutations distinguées",
    "bonjour, combien est rembourse une couronne dent {tooth} ? le devis est de {amount}. merci",
    "Bonjour,\nLe site Ameli indique un remboursement de {amount}. Et vous ?\nMerci",
    "Merci pour le virement de {amount} reçu le {date}. Bonne journée",
    "Bonjour, l'opticien {brand} de {town} accepte-t-il le tiers payant ? merci",
    "Bonjour,\nJe n'arrive pas à me connecter à l'espace adhérent depuis le {date}.\nCdlt",
    "Prochaine fois je passerai à l'agence de {town}. Délai de {n} semaines, c'est long !",
]

T["coaching"] = [
    "Coach : {person:first}\nSéance n°{n} avec {person:full} ({age}). Objectif : arrêt du tabac. Prochain RDV le "
    "{day}.",
    "Bénéficiaire {person:init@a}, né{e@a} en {dob:month}. IMC 31. Programme nutrition 12 semaines.",
    "Appel de suivi : {person:first} ne répond pas au {phone}. Relance SMS prévue le {day}.",
    "Séance sommeil avec {person:full@a} : {il@a} dort 5 h par nuit. DDN {dob:short}. Orientation médecin traitant.",
    "Coach : {person:first}\nParticipant : {person:upperrev}\nThème : activité physique. {n} pas/jour en moyenne.",
    "{person:full} - {phone}\nInscription atelier mal de dos du {day}.",
    "Programme diabète : {person:init}, née le {dob:slash}. HbA1c stable. Contact : {email}.",
    "Retour questionnaire stress de {person:lower}. Score 28/40. Proposer la ligne d'écoute.",
    "Séance {n} — {person:first@a} a perdu 3 kg. {Il@a} souhaite continuer. Prochain point le {day} à {hour}.",
    "Nouvel inscrit : {person:full@a}, né{e@a} le {dob:iso}, {address:line}, {phone}.",
    "Atelier prévention cardio à {town} : {person:full} excusé(e). Reporter au {day}.",
    "Coach {person:first} → {person:init} : rappeler au {phone:raw}, préfère le matin.",
    "Bilan initial : {person:upperrev@a} ({age}), né{e@a} en {dob:mm}. Sédentaire, tabac 10 cig/j.",
    "Mail de {email} : ne souhaite plus être contacté(e) par le coach.",
    "Suivi post-hospitalisation de {civ@a} {person:last@a} : marche 20 min/jour. Kiné le {day}.",
    "Séance de groupe : {person:first}, {person:first} et {person:first} présents. Thème : alimentation.",
    "Coach : {person:firstlow}\nnote rapide - {person:lower} joignable au {phone}",
    "Accompagnement aidant : {person:full@a} s'occupe de sa mère {person:full}, née en {dob:month}.",
    "Programme arrêt tabac : {person:rev} (NIR {nir}) éligible au remboursement des substituts.",
    "Fin de programme pour {person:full}. Questionnaire de sortie envoyé à {email}.",
    "Rdv annulé par {person:init}. Nouveau créneau le {day}, visio. Tél. {phone:intl}.",
    "Coach : {person:first}\nParticipant né le {dob:dot} — {person:full}. Douleurs lombaires, orienté vers un kiné.",
    "{person:upper} ({dob:slash}) : tension 14/9 au dernier contrôle. Conseils sel et marche.",
    "Entretien motivationnel avec {person:full@a}, adresse {address:any}. {Il@a} demande la brochure papier.",
    "Relance : {person:full} {phone}\nPas de réponse aux 2 derniers appels.",
    "Coach : {person:first}\nSéance 1 avec {person:lower} ({dob:nopad}). Objectif sommeil.",
    "Orientation vers le kiné {person:full} (ADELI {adeli}) pour {person:init}, lombalgie chronique.",
]

C["coaching"] = [
    "Atelier nutrition du {day} à {town} : {n} participants. Thème : sucres cachés.",
    "Programme arrêt tabac : {pct} des participants sevrés à 6 mois. Prochaine session en {month}.",
    "Séance annulée (grève). Reporter le module Sommeil au {day} à {hour}.",
    "Prochaine campagne de prévention : dépistage diabète, pharmacies de {town} et {town}.",
    "Rappel : les séances de coaching sont prises en charge à {pct} par la Mutuelle.",
    "Merci de saisir les questionnaires avant le {day}. Objectif : {n} bilans par semaine.",
    "Webinaire activité physique ({brand}) : {n} inscrits, durée {n} min.",
    "Suite à la séance de groupe, fiche conseils Kiné et Optique envoyée à tous les participants.",
    "Délai moyen entre inscription et premier appel : {n} jours. Objectif : moins de 7.",
    "Nouveau module Santé mentale disponible en {month}. Formation des coachs le {day}.",
]

T["employer_hr"] = [
    "Bonjour,\nVeuillez trouver ci-joint l'affiliation de notre salarié{e@a} {person:upperrev@a}, né{e@a} le "
    "{dob:slash}, NIR {nir}, entré{e@a} le {date}.\nCordialement,\n{person:full}\nService RH – {company}\n"
    "SIRET {siret}",
    "Objet : sortie de personnel\n{person:upperrev} quitte l'entreprise le {date}. Portabilité à activer. "
    "SIREN {siren}.",
    "Bonjour, merci de radier {person:full} (NIR {nir:hyph}) du contrat collectif {contract} au {date}.",
    "Nouvelle embauche : {person:full@a}, né{e@a} le {dob:dot}, {address:line}.\nEntreprise {company}, SIRET {siret}.",
    "Bonjour,\nNotre SIRET a changé suite au déménagement : {siret}. Merci de mettre à jour le contrat "
    "{contract}.\n{person:first}, RH",
    "Liste des salariés à affilier :\n- {person:upperrev} ({dob:slash})\n- {person:upperrev} ({dob:slash})\n"
    "- {person:upperrev} ({dob:slash})",
    "Pour la DSN de {month}, le salarié {person:init} apparaît deux fois. NIR {nir:odd}. Pouvez-vous vérifier ?",
    "Bonjour, je suis {person:full}, gestionnaire paie chez {company} (SIREN {siren}). Joignable au {phone}.",
    "Dispense d'adhésion : {person:full@a} est couvert{e@a} par son conjoint. Justificatif reçu le {date}.",
    "Bonjour,\nMerci d'envoyer la carte de tiers payant de {person:rev} directement à son domicile : "
    "{address:any}.\nCdt",
    "Arrêt de travail de {person:upper} du {date} au {date}. NIR {nir:keyapart}. Prévoyance à déclencher.",
    "Cordialement,\n\n{person:full}\nResponsable ressources humaines\n{company}\n{phone:paren}",
    "Cotisations du trimestre réglées par virement ({amount}) depuis le compte {iban:group}. SIRET {siret}.",
    "Le salarié {person:full} ({dob:iso}) passe à temps partiel au {date}, sans changement de garantie.",
    "Bonjour, notre établissement secondaire SIRET {siret} rejoint le contrat {contract}. Contact : {email}.",
    "Affiliation de l'ayant droit de {person:upperrev} : son épouse {person:full}, née en {dob:month}.",
    "Ci-joint le bulletin d'adhésion de {person:full@a}, né{e@a} à {town} le {dob:long}, NIR {nir:corse}.",
    "{person:first}\nAssistante RH\nTél : {phone}\n{email}",
    "Rupture conventionnelle : {person:init}, fin de contrat le {date}. Portabilité 12 mois. NIR {nir:raw}.",
    "Bonjour,\npouvez-vous confirmer l'affiliation de {person:lower} ? entrée le {date}.\nMerci\n{person:firstlow}",
    "Décès d'un salarié, {person:full}. Contact de la famille : {person:full}, {phone}, {address:line}.",
    "Merci de noter le nouveau numéro de notre interlocutrice paie, {person:full} : {phone:dots}.",
    "SIREN {siren} / SIRET {siret} : fusion des deux établissements au {date}. Effectif {n} salariés.",
    "Mise à jour du RIB de l'entreprise pour les prélèvements : {iban:any}. Signé : {person:upper}, gérant.",
    "Salarié détaché à l'étranger : {person:full@a}, né{e@a} le {dob:slash}, NIR {nir:keyapart}. Maintien des "
    "garanties ?",
    "Bonjour, pour {person:rev} (entrée {date}), la date de naissance saisie est fausse ; la bonne est le {dob:short}.",
]

C["employer_hr"] = [
    "Bonjour,\nVeuillez trouver ci-joint l'avenant au contrat collectif {contract}, effectif au 1er {month}.\n"
    "Cordialement,\nService RH",
    "Suite à l'accord de branche, la part employeur passe à {pct}. Cotisation mensuelle {amount} par salarié.",
    "Merci de nous transmettre l'attestation de garanties pour la DSN de {month} {year}.",
    "Délai de préavis : {n} mois. Résiliation du contrat {contract} au {date}.",
    "Prochaine réunion CSE le {day} : présentation de la Mutuelle et de l'option Optique.",
    "Effectif au {date} : {n} salariés sur le site de {town} ({cp}). Aucune entrée ce mois-ci.",
    "Pouvez-vous nous indiquer le montant total des cotisations {year} ? Référence comptable {badnir:raw}.",
    "La portabilité est-elle automatique en cas de licenciement ? Merci de votre retour.",
    "Facture de cotisations {invoice} de {amount} réglée le {date}.",
    "Suite à la fusion, le contrat {contract} est transféré au groupe {company}.",
]

PERSON_FORMS = {
    "full": 4,
    "rev": 1,
    "upper": 1,
    "upperrev": 1.5,
    "init": 1.5,
    "initlow": 0.5,
    "lower": 1,
    "noaccent": 0.5,
}
NIR_FORMS = {"std": 2, "raw": 2, "hyph": 2, "hyphkey": 0.5, "dots": 0.5, "odd": 2, "keyapart": 2, "corse": 1}
PHONE_FORMS = {
    "sp": 3,
    "dots": 1,
    "hyph": 1,
    "raw": 1,
    "intl": 1,
    "intlraw": 0.5,
    "intldots": 0.3,
    "paren": 1,
    "0033": 1,
    "odd": 0.5,
}
DOB_FORMS = {"slash": 3, "short": 1.5, "dot": 1, "iso": 1, "long": 1.5, "month": 1, "mm": 1, "dash": 0.5}


def generate(n: int, seed: int) -> list[LabelledText]:
    names = NameSource(FEMALE, MALE, SURNAMES, faker_share=0.5)
    gens = standard_gens(
        names,
        nir_forms=NIR_FORMS,
        phone_forms=PHONE_FORMS,
        person_forms=PERSON_FORMS,
        dob_forms=DOB_FORMS,
        streets=STREETS,
        residences=RESIDENCES,
        domains=DOMAINS,
        companies=COMPANIES,
        brands=BRANDS,
        acts=ACTS,
    )
    return build(n, seed, "tun", Renderer(gens, names), T, C, is_clean=lambda i: i % 5 == 2)


# Clean texts of further kinds (added while tuning the clean-text share, issue 10): care vocabulary, drug
# names, eponymous diseases, tests and institutions, streets and places named after people without a number,
# capitalised medical terms and headings, acronyms, amounts, dates of care, codes that fail their checksum.
C_MORE: dict[str, list[str]] = {
    "claims_comment": [
        "Traitement par Levothyrox et Kardégic : pharmacie du {date}, {amount} remboursés à {pct}.",
        "Maladie de Crohn reconnue en ALD 30. Infliximab en hôpital de jour, soins du {date} pris en charge à 100 %.",
        "Facture Hôpital Édouard Herriot (FINESS {finess}) : séjour du {date} au {date}, forfait {amount}.",
        "IRM lombaire et scanner au Centre Léon Bérard le {date}. Base de remboursement {amount}.",
        "Réf. SIRET erronée sur la facture : 123 456 789 00013 (clé fausse), demander la bonne au cabinet.",
        "Pansements Urgo, Bétadine et Doliprane 1000 : ordonnance du {date}, délivrance le {date}.",
        "Test de Guthrie et dépistage néonatal : aucune participation, acte {act} refusé par la CPAM.",
        "Kiné méthode Mézières, {n} séances ; ostéopathe hors nomenclature {amount}. Forfait Bien-être épuisé.",
        "Cure thermale à Aix-les-Bains du {date} au {date} : forfait {amount}, hébergement non pris en charge.",
        "Verres Crizal Sapphire, monture Ray-Ban : {amount}. Classe B, plafond {amount} atteint.",
    ],
    "call_centre": [
        "Appel pour l'agence de la rue Victor Hugo : horaires d'ouverture donnés. Pas de dossier ouvert.",
        "Question sur la prise en charge du Ventoline et du Symbicort. Renvoyé vers la notice, rappel le {day}.",
        "Appelant demande si l'Hôpital Georges-Pompidou pratique le tiers payant. Réponse : oui, via la CPAM.",
        "Syndrome de Gougerot-Sjögren : questions sur l'ALD. Documentation envoyée, dossier {dossier}.",
        "Le Docteur de garde a prescrit de l'Augmentin. Délivré par la Pharmacie de la Gare à {town}.",
        "Madame, Monsieur, voici le récapitulatif : {n} factures, {amount} en attente. Appel clos à {hour}.",
        "Clinique du Parc et Polyclinique Bordeaux Nord : conventionnées. Devis à transmettre avant le {day}.",
        "Dossier {dossier} : numéro de facture 2 84 12 75 115 042 48 signalé comme faux (clé incorrecte).",
        "Mme demande le remboursement de la Spasfon et du Smecta. Médicaments à {pct}, vignette orange.",
        "Information donnée sur la maladie d'Alzheimer : aides à domicile, forfait {amount}, prochaine étape le {day}.",
    ],
    "dental_quote": [
        "Devis implant Straumann Bone Level sur la {tooth} ; pilier Zircone, couronne Emax : {amount}.",
        "Traitement ODF par gouttières Invisalign, {n} semestres. Plafond orthodontie {amount}, acte {act}.",
        "Bridge Maryland {tooth}-{tooth} : base {amount}, dépassement {amount}. Panier maîtrisé.",
        "Inlay-core et Couronne Céramo-Métallique sur la {tooth}. Devis du {date}, validité {n} mois.",
        "Extraction dent de sagesse au CHU Pellegrin, anesthésie générale le {date}. Hors devis.",
        "Gingivite, détartrage et surfaçage ; bain de bouche Eludril prescrit. Aucun reste à charge.",
        "Prothèse amovible Stellite : {amount}, classe 100 % Santé refusée par le patient.",
        "Devis daté du {date}, réf. 1 91 05 69 387 044 12 (référence interne, pas un NIR).",
    ],
    "member_email": [
        "Bonjour, est-ce que la mutuelle rembourse le Levothyrox et la Ventoline ? merci d'avance",
        "bonjour, j'ai été opérée à la Clinique Saint-Jean le {date}, la facture fait {amount}, c'est remboursé ?",
        "Bonjour, mon dentiste est rue Jean Jaurès à {town}, il est conventionné secteur 2, ça change quoi ?",
        "Madame, Monsieur,\nje vous envoie la facture Optique 2000 ({amount}).\nBien à vous",
        "bjr, la carte Vitale ne passe plus chez le pharmacien, que faire ? merci",
        "Bonsoir, mon fils a la maladie d'Osgood-Schlatter, le kiné est-il pris en charge ? Bonne soirée",
        "Bonjour,\nJe pars en cure à Dax en {month}. Quels documents envoyer ?\nCordialement",
        "Bonjour, le remboursement de {amount} du {date} n'apparait pas sur mon espace Ameli. Merci",
    ],
    "coaching": [
        "Atelier gym douce méthode Pilates à la Maison de santé Simone Veil : {n} inscrits.",
        "Séance sur le régime Dash et le sel ; rappel Nutri-Score et Yuka. Prochaine séance le {day}.",
        "Objectif : marche 30 min/jour, podomètre Fitbit. HbA1c à recontrôler en {month}.",
        "Module BPCO : spirométrie, Ventoline, éducation thérapeutique avec l'infirmière Asalée.",
        "Échelle de Borg et test de Ruffier expliqués ; IMC et tour de taille notés au questionnaire.",
        "Programme Mois sans tabac : patchs Nicopatch et gommes Nicorette remboursés sur prescription.",
        "Relaxation, cohérence cardiaque (appli RespiRelax), sommeil. Suivi à {n} semaines.",
        "Atelier mémoire au Centre Hospitalier Sainte-Anne, salle Charcot, le {day} à {hour}.",
    ],
    "employer_hr": [
        "Bonjour,\nNotre site de l'avenue Pasteur ferme le {date}. Les salariés passent sur le site de {town}.\nCdt",
        "Objet : Renouvellement Contrat Collectif\nMerci de nous envoyer les Conditions Générales {year}.",
        "Le CSE demande une présentation des garanties Optique, Dentaire et Hospitalisation au {day}.",
        "Suite à la loi Évin, maintien des garanties pour les anciens salariés : tarif à {pct} de la cotisation.",
        "Facture {invoice} : 14 salariés, {amount} ; référence SIRET fournie 552 100 554 00025 à vérifier (clé).",
        "Bonjour,\nPouvez-vous nous adresser le Document Unique et l'Accord de Branche Syntec ?\nMerci",
        "Nouvelle convention collective (Métallurgie) au 1er {month} : cotisation {amount}, part patronale {pct}.",
        "La Médecine du Travail (service ASTI) passera le {day}. Aucun changement sur le contrat {contract}.",
    ],
}
C_MORE["claims_comment"] += [
    "Objet : Régularisation Décompte\n- Optique : {amount}\n- Dentaire : {amount}\n- Hospitalisation : néant",
    "Lundi {day} : relance de la Clinique Sainte-Marguerite pour la facture {invoice}. Mardi : paiement.",
    "Soins à Montbrison et Lons-le-Saunier ; transport en VSL, {n} allers-retours, bons de transport reçus.",
]
C_MORE["call_centre"] += [
    "Service Relation Adhérents\nPôle Prestations Santé\nAppel n° {dossier}, clos sans suite.",
    "Question sur la Complémentaire Santé Solidaire et l'Aide au Paiement. Renvoi vers la CAF du Rhône.",
    "Dépannage Espace Adhérent : mot de passe réinitialisé, application Android à jour. Durée {n} min.",
]
C_MORE["dental_quote"] += [
    "Couronne Zircone Monolithique, teinte A2 Vita ; laboratoire Protilab. Devis conforme.",
    "Parodontie : Perio-Aid, brossettes Inava, jet dentaire Waterpik conseillés, non remboursables.",
]
C_MORE["member_email"] += [
    "Bonjour,\nJe vous écris de Saint-Pierre-de-Chartreuse, la poste est fermée, peut-on tout envoyer par mail ?"
    "\nMerci",
    "Objet: Remboursement Ostéo\nBonjour, l'ostéo de la Maison Médicale Pasteur est-il pris en charge ? Merci bcp",
]
C_MORE["coaching"] += [
    "Thème du mois : Sommeil et Écrans. Support : livret Santé Publique France, fiche Manger Bouger.",
    "Séance Yoga Nidra et Qi Gong annulée ; reprise Mercredi {day}. Salle Louise Michel réservée.",
]
C_MORE["employer_hr"] += [
    "Bonjour,\nService Paie & Administration du Personnel\nGroupe {company}\nTour Montparnasse, Paris",
    "Suite au rachat par Vinci Énergies, nos établissements de Montbéliard et Belfort rejoignent le contrat.",
]
C_MORE["claims_comment"] += [
    "Motif : Changement de Garantie au 1er {month}. Voir avec la Direction Santé ; accord du Service Client.",
    "Soins pendant les congés de Noël et de la Toussaint : {n} factures, {amount} au total, réglées le {date}.",
]
C_MORE["call_centre"] += [
    "Appel de France Travail pour une attestation de portabilité. Renvoi vers l'espace employeur.",
    "Madame la Directrice de l'EHPAD demande le formulaire de prise en charge ; envoyé le {date}.",
]
C_MORE["member_email"] += [
    "coucou, j'ai bien recu le remboursement, merci beaucoup et joyeux noel a toute l'equipe !",
    "Bonjour,\nje serai en Côte d'Azur jusqu'à Pâques, merci d'envoyer les courriers après.\nBonne journée",
]
C_MORE["coaching"] += [
    "Best practices partagées en Team Building ; Responsable Prévention présent. Prochain point à la Pentecôte.",
    "Campagne Octobre Rose et Movember : {n} participants, partenariat Ligue contre le Cancer.",
]
C_MORE["employer_hr"] += [
    "Monsieur le Président du CSE souhaite une réunion ; Responsable Paie et Directeur Financier invités le {day}.",
    "Nos salariés d'Île-de-France et de Nouvelle-Aquitaine relèvent du même contrat {contract} depuis le {date}.",
]
for _style, _more in C_MORE.items():
    C[_style] = C[_style] + _more
