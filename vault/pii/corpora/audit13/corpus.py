"""Deterministic generator of the blind13 corpus: nine styles, ~1,000 texts. Run: python corpus.py"""
import json
import os
import random

from gen_lib import Builder, Filler, Gen, strip_accents_same_len, MONTHS

SEED = 20261129
PER_STYLE = 112
NEG_SHARE = 0.18

STYLES = {}

# 1 ---------------------------------------------------------------- fixed-width audit/complaint exports
def fw_table(f, cols, nrows, b):
    """cols: list of (header, width, token or callable)"""
    r = f.r
    b.t("".join(h.ljust(w) for h, w, _ in cols).rstrip() + "\n")
    b.t("".join(("-" * (w - 1)).ljust(w) for h, w, _ in cols).rstrip() + "\n")
    for _ in range(nrows):
        for j, (h, w, tok) in enumerate(cols):
            sub = Builder()
            f.render(tok, sub)
            txt = sub.text().replace("\n", " ")
            start = b.pos
            for s, e, lab in sub.spans:
                b.spans.append([start + s, start + e, lab])
            last = j == len(cols) - 1
            b.t(txt if last else txt.ljust(w) if len(txt) < w else txt + " ")
        b.t("\n")


def fw_pos(f):
    r = f.r
    b = Builder()
    kind = r.randrange(5)
    b.t(f.pick_alts("<<Collé depuis l'export|Extrait export|copie écran export|Export>> ") +
        r.choice(["RECLA_Q3.TXT", "audit_echantillon_2026.prn", "controle_qualite_tiers.txt", "EXTRACT_PAIEMENTS.DAT",
                  "litiges_agence_sud.lst"]) + f.pick_alts(" <<(largeur fixe)|- format 132 col.|:|— demandé par l'audit interne>>\n\n"))
    n = r.randint(2, 5)
    if kind == 0:
        cols = [("NUM_RECL", 18, "{REF}"), ("DT_RECEP", 12, "{DATE}"), ("ADHERENT", 30, "{P}"), ("NIR", 24, "{NIR}"),
                ("MOTIF", 26, "<<retard rbt|refus dépassement|erreur RIB|doublon facture|délai devis>>"), ("MONTANT", 12, "{AMT}")]
    elif kind == 1:
        cols = [("ID", 10, "{REF}"), ("NOM_PRENOM", 30, "{P}"), ("DATE_NAISS", 14, "{DOB}"), ("TEL", 22, "{TEL}"),
                ("CANAL", 10, "<<TEL|MAIL|COURRIER|AGENCE>>"), ("STATUT", 10, "<<OUVERT|CLOS|RELANCE>>")]
    elif kind == 2:
        cols = [("BENEFICIAIRE", 30, "{P}"), ("IBAN", 38, "{IBAN}"), ("MT_REGLE", 12, "{AMT}"), ("DATE_VIR", 12, "{DATE}"),
                ("ANOMALIE", 20, "<<IBAN modifié|RIB tiers|titulaire ≠|OK>>")]
    elif kind == 3:
        cols = [("PS", 28, "{DR}"), ("RPPS/ADELI", 16, "<<{RPPS}|{ADELI}>>"), ("SIRET_CAB", 20, "{SIRET}"),
                ("ACTE", 12, "{ACT}"), ("FINESS", 12, "{FINESS}"), ("ECART", 12, "{AMT}")]
    else:
        cols = [("DOSSIER", 14, "{REF}"), ("ASSURE", 28, "{P}"), ("ADRESSE", 60, "{ADR1}"), ("EMAIL", 36, "{MAIL}")]
    fw_table(f, cols, n, b)
    f.render(f.pick_alts("\n<<Remarque auditeur|NB|Commentaire|Obs.>> : <<ligne 2 à recontrôler, appeler {PT} au {TEL}|écart de {AMT} non justifié, voir {PT}|dossier transmis à {PF} (gestion), contrôle {DATE}|RAS sauf la ligne {N2}, assuré né le {DOB}|tiers payant refusé, ref {BADNIR} (n° interne)>>\n"), b)
    return b


def fw_neg(f):
    r = f.r
    b = Builder()
    b.t(r.choice(["STATS_RECLA_MENSUEL.TXT", "Synthèse audit par agence", "export volumétrie actes", "TABLEAU DE BORD QUALITE"]) + "\n\n")
    kind = r.randrange(3)
    if kind == 0:
        cols = [("AGENCE", 22, "{VILLE}"), ("CP", 8, "{CP}"), ("NB_RECL", 10, "{N2}"), ("DELAI_MOY", 12, "<<{N2} j|{N2} jours>>"),
                ("TAUX_CLOS", 10, "{PCT}")]
    elif kind == 1:
        cols = [("CODE_ACTE", 14, "{ACT}"), ("LIBELLE", 32, "<<couronne céramo-métal|consultation|soins infirmiers|lit médicalisé|audioprothèse>>"),
                ("NB", 6, "{N2}"), ("MONTANT", 14, "{AMT}"), ("REF_LOT", 18, "{REF}")]
    else:
        cols = [("ETAB", 34, "{PLACE}"), ("FINESS", 12, "{FINESS}"), ("NUM_FACT", 18, "{BADNIR}"), ("DATE_SOINS", 12, "{DATE}"),
                ("TOTAL", 12, "{AMT}")]
    fw_table(f, cols, r.randint(3, 6), b)
    f.render(f.pick_alts("\n<<Total général : {AMT}.|Colonnes tronquées à l'export. Lot {REF}.|MARTIN = code campagne, pas un nom. Contrôle du {DATE}.|Les numéros de facture à 15 chiffres ne sont pas des NIR (clé invalide).>>\n"), b)
    return b


STYLES["fixedwidth_audit_export"] = (fw_pos, fw_neg, "")

# 2 ---------------------------------------------------------------- machine / MRZ / barcode lines pasted into notes
def mrz_name(f):
    g = f.g
    last = strip_accents_same_len(g.last()).upper().replace(" ", "<").replace("-", "<").replace("'", "")
    firsts = [strip_accents_same_len(g.first()).upper().replace(" ", "<").replace("-", "<") for _ in range(f.r.randint(1, 2))]
    return last + "<<" + "<".join(firsts)


def mach_pos(f):
    r, g = f.r, f.g
    b = Builder()
    kind = r.randrange(5)
    f.render("<<Note de gestion|Pièce reçue|Scan agence|Note>> {DATE} : <<lecture douchette|bande MRZ recopiée|code 2D-DOC décodé|ligne lecteur carte>> <<ci-dessous|:|, à vérifier>>\n", b)
    if kind == 0:
        name = mrz_name(f)
        pad = "<" * max(0, 30 - len(name))
        b.t("IDFRA")
        b.v(name, "PERSON")
        b.t(pad + f"{r.randint(100000, 999999)}\n")
        b.t(f"{r.randint(1000, 9999)}{r.randint(10, 99)}{r.randint(10000, 99999)}<")
        b.v(g.dob("machine")[-6:], "DATE_OF_BIRTH")
        b.t(f"{r.randint(0, 9)}{r.choice('MF')}{r.randint(0, 9)}\n")
        f.render("<<Identité confirmée par téléphone au {TEL}.|Adhérent rappelé, {PT}.|Pièce conforme ; nouvelle adresse : {ADR}.>>\n", b)
    elif kind == 1:
        b.t("DC04FR0000" + f"{r.randint(10, 99)}" + "0A1B2C3D")
        b.t("10")
        b.v(mrz_name(f).replace("<<", "/").replace("<", " "), "PERSON")
        b.t("\x1d24")
        b.v(g.address("upper", multiline_ok=False), "ADDRESS")
        b.t("\x1d" + "25")
        b.v(g.nir("machine"), "NIR")
        b.t("\x1f" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(24)) + "\n")
        f.render("<<Justificatif de domicile (2D-DOC) lu. |Facture énergie décodée. >><<RIB associé : {IBAN}|Montant facture {AMT}, sans objet.|Tél fixe déclaré {TEL}.>>\n", b)
    elif kind == 2:
        b.t("VITALE|")
        b.v(g.nir("machine"), "NIR")
        b.t("|")
        b.v(mrz_name(f).replace("<<", "|").replace("<", " "), "PERSON")
        b.t("|")
        b.v(g.dob("machine"), "DATE_OF_BIRTH")
        b.t(f"|RANG{r.randint(1, 3)}|CAISSE:{r.randint(100, 999)}|ORG:{r.randint(1000, 9999)}\n")
        f.render("<<Ayant droit ajouté : {P}, née le {DOB}.|Ancien NIR en base {BADNIR} = erreur de saisie, corrigé.|Portable dans la fiche : {TEL}.|Demande de {PT} par mail ({MAIL}).>>\n", b)
    elif kind == 3:
        b.t("RIB;")
        b.v(g.iban("machine"), "IBAN")
        b.t(";BIC:" + r.choice(["AGRIFRPP", "BNPAFRPP", "SOGEFRPP", "CCBPFRPP", "PSSTFRPP"]) + ";TIT:")
        b.v(strip_accents_same_len(g.person("upper")), "PERSON")
        b.t("\n")
        f.render("<<Ligne issue de l'OCR du relevé ; titulaire différent de l'adhérent {PT}.|Ancien RIB {BAD14} à ignorer (c'est un n° de lot).|Mandat SEPA {REF} créé le {DATE}.>> <<Rappel au {TEL}.|>>\n", b)
    else:
        b.t("PS;")
        b.v(g.rpps() if r.random() < .6 else g.adeli(), "RPPS" if False else "RPPS_OR_ADELI")
        b.t(";")
        b.v(strip_accents_same_len(g.last()).upper(), "PERSON")
        b.t(";SIRET=")
        b.v(g.siret("machine"), "SIRET")
        b.t(f";FINESS={g.finess()};ACTE={g.act().replace(' ', '')}\n")
        f.render("<<Feuille de soins papier : patient {P}, NIR {NIR}.|Prescripteur joint au {TEL}.|Patient {PT} ({DOB}).>>\n", b)
    return b


def mach_neg(f):
    r = f.r
    b = Builder()
    kind = r.randrange(4)
    f.render("<<Note|Scan|Lot>> {DATE} : ", b)
    if kind == 0:
        b.t(f"(01)0{r.randint(3400000000000, 3409999999999)}(17){r.randint(25, 29)}{r.randint(1, 12):02d}31(10)LOT{r.randint(100, 999)}(21){r.randint(10 ** 9, 10 ** 10)}\n")
        f.render("<<Code GS1 de la boîte de {DRUG}, aucune donnée patient.|Datamatrix pansement, {ACT}.>>\n", b)
    elif kind == 1:
        b.t("P<FRA" + "<" * 39 + "\n" + f"{r.randint(10 ** 8, 10 ** 9)}<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n")
        f.render("<<Bande MRZ vide (spécimen de formation).|Ligne test lecteur, ne pas traiter. Ticket {REF}.>>\n", b)
    elif kind == 2:
        b.t(f"LOT;{f.g.ref()};NB={r.randint(2, 90)};MT={f.g.amount()};EAN={r.randint(10 ** 12, 10 ** 13 - 1)};CTRL={f.g.bad_nir()}\n")
        f.render("<<Bordereau de télétransmission {REF} du {DATE}.|Le champ CTRL n'est pas un NIR (clé fausse).|Envoi centre de {VILLE}.>>\n", b)
    else:
        b.t(f"FINESS={f.g.finess()}|ETAB={r.choice(['HOPITAL SAINT-LOUIS', 'CLINIQUE PASTEUR', 'CH SAINT-PIERRE', 'EHPAD LES MIMOSAS'])}|CP={f.g.town()[0]}|NUM={f.g.bad_luhn(14)}\n")
        f.render("<<Code établissement seul, rien d'autre. {AMT} en attente.|Référentiel mis à jour le {DATE}.>>\n", b)
    return b


STYLES["machine_barcode_lines"] = (mach_pos, mach_neg, "")

# 3 ---------------------------------------------------------------- phone-typed messages (no accents, abbreviations, franglais, regional)
TYPED_POS = [
    "slt c {PF} <<|{PL}>>, jai change de num c le {TEL} <<stp|svp|merci>> <<maj|mettez a jour>> mon dossier, mon nss {NIR} <<bisous|merci bcp|thx>>\n<<Envoyé de mon iPhone|Sent from my Galaxy|>>",
    "bjr, ma fille {P} nee le {DOB} doit etre rajoutee sur mon contrat {CONTRAT} asap, on a demenage au {ADR}. Mon mail cest {MAIL}. <<Mersi|merci d'avance>> {PF}",
    "Hello, here is my new bank account pour les rbt : {IBAN} , titulaire {P}. Cordialement/best regards {PF}",
    "<<Bonjou|Bonjoure|Bjr>> c madame {PL}, mon mari {P} (ne en {DOBY}) a eu un accident, <<appelez moi|rappelez ns>> au {TEL} ou {TEL} <<svp|stp>>. Adresse {ADR1}",
    "ola, ki sa ka fèt, sé {PF} {PL} ki ka kriyé, mon numero {TEL}, secu {NIR}, j'habite {ADR1}. Mesi anpil",
    "Güete Tàg, ich bin d {P}. Mon nouveau telefon {TEL}, mail {MAIL}. Merci vielmols, bis bàll",
    "adieu-siatz, soi {PF}, mon papa {P} es al {PLACE}, nascut lo {DOB}. numero secu {NIR}. mercé plan",
    "jsp si c le bon endroit mais le dr {PL} (rpps {RPPS}) ma dit denvoyer la facture, c {AMT} pr la {DENT}. tkt pas pour le rib c tjs {IBAN}. {PFN}",
    "re, dsl jai oublie : mon ex {P} a garde la carte mutuelle, elle habite mtn {ADR1}, tel {TEL}. jveux la retirer du contrat. merci {PFN}",
    "coucou cest {PFN} (la fille de {PT}), maman est nee le {DOB}, son num secu {NIR} et son tel fixe {TEL}. elle est a la {PLACE} depuis le {DATE}",
]
TYPED_NEG = [
    "slt, le rbt de {AMT} pour le {DATE} est pas arrive, dossier {REF}. cv?",
    "Bjr, c pour savoir si le {DRUG} est rembourse a {PCT}, merci. Jsp si le code {ACT} passe",
    "re bonjour, la pharmacie de {VILLE} dit que la carte passe pas depuis le {DATE}, ref {BADNIR} sur le ticket. Martin Freres ambulance a ete paye {AMT} ??",
    "hello, do u cover lunettes enfant? devis {REF} de {AMT}, merci. Blanc ou noir la monture c pareil lol",
    "bjr, c normal que le {PLACE} me facture {AMT} de chambre particuliere? facture {BADNIR}. cdt",
    "Mersi pou ròt la ! lé bien arivé, {AMT} pou le {DENT}. Bonne journée a zot",
]


def typed_post(b, r):
    txt = b.text()
    if r.random() < .7:
        new = strip_accents_same_len(txt)
        if r.random() < .5:
            low = new.lower()
            if len(low) == len(new):
                new = low
        assert len(new) == len(txt)
        b.parts, b.pos = [new], len(new)
    if r.random() < .06:
        fw = str.maketrans("0123456789", "０１２３４５６７８９")
        t = b.text()
        # full-width digits in the first phone span only (same length)
        for s, e, lab in b.spans:
            if lab == "PHONE":
                t = t[:s] + t[s:e].translate(fw) + t[e:]
                break
        b.parts, b.pos = [t], len(t)
    return b


STYLES["phone_typed_regional_messages"] = ([("t", t) for t in TYPED_POS], [("t", t) for t in TYPED_NEG], "typed")

# 4 ---------------------------------------------------------------- funeral-assistance calls
FUN_POS = [
    "APPEL ASSISTANCE OBSÈQUES – {DATE} {HOUR}\nAppelant : {PT}, <<fils|fille|neveu|voisine|belle-fille>> du défunt, joignable au {TEL}.\nDéfunt : {PT} {NEE}, né<<|e>> le {DOB}, NIR {NIR}.\nDécès survenu le {DATE} au {PLACE}. Domicile du défunt : {ADR}.\nPrestataire proposé : {COF} (SIRET {SIRET}). Avance de frais plafonnée à {AMT}.",
    "Ligne obsèques, appel entrant. <<Mme|M.>> a du mal à parler, je reprends : sa mère {P}, née en {DOBP}, décédée cette nuit à domicile ({ADR1}). Médecin constatant : {DR} (RPPS {RPPS}). Rappeler la famille au {TEL}<<| ou par mail {MAIL}>>. Contrat obsèques {CONTRAT}, capital {AMT}.",
    "Compte rendu d'appel — assistance rapatriement de corps\nDéfunt {P}, <<né|née>> le {DOB} à {VILLE}, sécu {NIR}.\nContact famille sur place : {PF} ({TEL}).\nPompes funèbres choisies : {COF}, SIREN {SIREN}. Devis {REF} : {AMT}.\nRemboursement au {IBAN} (titulaire : {P}).",
    "transcription appel : « oui bonjour, je suis {P}, j'appelle pour mon père, {P}, il est décédé le {DATE}… son numéro de sécu c'est {NIR}… vous pouvez me rappeler au {TEL} » — conseiller : dossier ouvert, transfert cellule psychologique.",
    "OBSÈQUES / suivi J+{N2}\nFacture {COF} reçue ({AMT}). Bénéficiaire du remboursement : {PT}, {ADR}.\nIBAN communiqué : {IBAN}\nDate de naissance du défunt ({PL}) : {DOB}. Pas de NIR transmis, seulement le n° de facture {BADNIR}.",
]
FUN_NEG = [
    "ASSISTANCE OBSÈQUES – note de service : rappel des plafonds {YEAR} ; avance maximale {AMT}, délai de rappel {N2} h. Prestataires agréés dans le secteur de {VILLE}.",
    "Appel d'information sans dossier : la personne demande ce que couvre la garantie obsèques (transport de corps, {AMT} maxi). Aucun décès déclaré. Orientée vers l'agence de la {RUE}.",
    "Facture {REF} de {COF} : {AMT} TTC, cercueil chêne, soins de conservation, transport vers le cimetière Saint-Pierre. Payée le {DATE}. N° interne {BADNIR}.",
    "Rappel procédure : en cas de décès au {PLACE}, demander l'acte de décès et le n° de contrat ; ne jamais promettre le capital au téléphone. Mise à jour {DATE}.",
]
STYLES["funeral_assistance_calls"] = ([("t", t) for t in FUN_POS], [("t", t) for t in FUN_NEG], "spoken_some")

# 5 ---------------------------------------------------------------- long-term care (APA / dépendance) assessments
APA_POS = [
    "ÉVALUATION DÉPENDANCE – GRILLE AGGIR\nBénéficiaire : {PT}, né<<|e>> le {DOB}\nN° SS : {NIR}\nAdresse : {ADR}\nAidant principal : {P} (<<fille|fils|époux|épouse|voisin>>), tél {TEL}\nGIR retenu : {N2}. Toilette : B ; habillage : C ; transferts : B.\nÉvaluatrice : {P}, infirmière (ADELI {ADELI}).",
    "Visite à domicile du {DATE}. {PT} vit seul<<|e>> au {ADR1}. Chutes répétées, {DRUG} au traitement. Médecin traitant : {DR}, RPPS {RPPS}. Plan d'aide proposé : {N2} h/mois, reste à charge {AMT}. Fille joignable au {TEL} / {MAIL}.",
    "Rente dépendance – demande de reconnaissance\nAssuré : {P} {NEE}\nDate de naissance : {DOB}\nNIR : {NIR}\nRente versée sur : {IBAN}\nCertificat du {DR} joint. GIR {N2} confirmé par le médecin-conseil.",
    "Synthèse APA (transmise au conseil départemental) : Mme {PL}, née en {DOBP}, veuve, hébergée chez sa belle-fille {P} au {ADR}. SAAD intervenant : {COS}, SIRET {SIRET}. Contact : {TEL}.",
    "Réévaluation GIR — notes manuscrites reprises : « {PF} refuse l'aide à la toilette ; son fils {PFN} passe le soir ». Tél fixe {TEL}. Kiné : {DR} (ADELI {ADELI}). Prochaine visite le {DATE}.",
]
APA_NEG = [
    "Grille AGGIR vierge – rappel des variables : cohérence, orientation, toilette, habillage, alimentation, élimination, transferts, déplacements. GIR 1 à 6. Barème {YEAR}.",
    "Statistiques dépendance agence de {VILLE} : {N2} évaluations, GIR moyen {N2}, montant moyen du plan d'aide {AMT}. Lot {REF}.",
    "Le SAAD {COS} facture {AMT} pour {N2} h d'aide en {YEAR}. Code prestation {ACT}. Aucun bénéficiaire nommé sur la facture {BADNIR}.",
    "Plan d'aide type GIR 4 : portage de repas, téléassistance, {N2} h d'aide ménagère. Reste à charge moyen {PCT}. Voir la fiche ({PLACE}).",
]
STYLES["apa_dependance_assessments"] = ([("t", t) for t in APA_POS], [("t", t) for t in APA_NEG], "")

# 6 ---------------------------------------------------------------- loan insurance medical questionnaires
LOAN_POS = [
    "QUESTIONNAIRE DE SANTÉ – ASSURANCE EMPRUNTEUR\nEmprunteur : {PT}\nDate de naissance : {DOB}\nCo-emprunteur : {PT}, né<<|e>> le {DOB}\nBien financé : {ADR}\nPrêt {COB} n° {REF}, montant {AMT}, durée {N2} ans.\nTaille <<1,62|1,75|1,81|1,58|1,69>> m – poids <<64|78|92|55|101>> kg.\nQ4 : arrêt de travail > 30 jours ? OUI – voir courrier du {DR} (RPPS {RPPS}).",
    "Convention AERAS – dossier {REF}. L'emprunteur {P} (né le {DOB}, NIR {NIR}) déclare un traitement par {DRUG}. Le médecin-conseil demande le compte rendu ({PLACE}). Contact : {TEL}, {MAIL}.",
    "Bonjour,\nJe vous transmets mon questionnaire pour le prêt immobilier ({COB}). Droit à l'oubli : mon cancer est terminé depuis {YEAR}. Mes coordonnées : {ADR}, {TEL}.\nLe prélèvement des cotisations se fera sur {IBAN}.\n{P}",
    "Note médecin-conseil (confidentiel) : {PT} ({DOBP}). Surprime proposée {PCT}, exclusion dos. Médecin traitant {DR}, cabinet SIRET {SIRET}. Courtier : {P} – {TEL}.",
    "Délégation d'assurance – ré-étude. Assuré<<|e>> : {P} {NEE}, né<<|e>> le {DOB} à {VILLE}. Adresse fiscale : {ADR}. Tel {TEL}. Quotité {PCT}. SIREN de l'employeur (SCI) : {SIREN}.",
]
LOAN_NEG = [
    "Questionnaire de santé simplifié : exigible si le prêt dépasse {AMT} ou si l'emprunteur a plus de 60 ans en fin de prêt. Loi Lemoine. Version du {DATE}.",
    "Tableau d'amortissement : capital {AMT}, taux {PCT}, mensualité {AMT}, durée {N2} ans. Offre {REF} émise par {COB}.",
    "Liste des pathologies concernées par la grille AERAS {YEAR} : hépatite C, cancer du sein, mélanome… Délai {N2} ans. Réf. {BADNIR}.",
    "Dossier transmis au service médical de {VILLE} le {DATE} ; pièces manquantes : bilan sanguin, examen {ACT}. Aucune donnée nominative dans ce mémo.",
]
STYLES["loan_insurance_questionnaires"] = ([("t", t) for t in LOAN_POS], [("t", t) for t in LOAN_NEG], "")

# 7 ---------------------------------------------------------------- RGPD data-subject requests and follow-ups
RGPD_POS = [
    "Objet : demande d'accès à mes données (article 15 RGPD)\n\nMadame, Monsieur,\nJe soussigné<<|e>> {P}, né<<|e>> le {DOB}, adhérent<<|e>> sous le n° {CONTRAT}, demande copie de l'ensemble des données me concernant, y compris les enregistrements d'appels.\nNIR : {NIR}\nAdresse : {ADR}\nCourriel : {MAIL}\n\n{P}",
    "DPO – suivi demande {REF}\nDemandeur : {PT} ({MAIL}), tél. {TEL}\nType : effacement (art. 17) + opposition prospection.\nPièce d'identité reçue le {DATE}. Délai légal : 1 mois. Traité par {P}.\nRemarque : la personne demande aussi la suppression des données de son fils {P}, né en {DOBP}.",
    "Réponse DPO : Bonjour {PT}, suite à votre demande de rectification, nous avons corrigé votre date de naissance ({DOB}) et votre adresse ({ADR1}). Votre ancien IBAN {IBAN} a été supprimé de nos fichiers. Cordialement, le Délégué à la protection des données.",
    "Plainte CNIL transmise ({REF}) : {P} reproche à la mutuelle d'avoir envoyé son relevé à son ex-conjoint {P} au {ADR}. Numéro de sécu cité dans la plainte : {NIR}. Tél du plaignant : {TEL}.",
    "Extraction droit d'accès – fichier remis à {PT} :\nnom_prenom={P}\ndate_naissance={DOB}\nnir={NIR}\ntel={TEL}\nmail={MAIL}\niban={IBAN}\nmedecin_traitant={DR}\nemployeur_siret={SIRET}",
]
RGPD_NEG = [
    "Registre des traitements – fiche n°{N2} : gestion des remboursements ; base légale : contrat ; durée de conservation {N2} ans ; destinataires : réseau de soins, {CO}.",
    "Indicateurs DPO {YEAR} : {N2} demandes d'accès, {N2} effacements, délai moyen {N2} jours. Aucune violation notifiée. Réf. CNIL {REF}.",
    "Modèle de réponse : « Madame, Monsieur, nous accusons réception de votre demande du {DATE}… » – à personnaliser. Ne jamais joindre le NIR en clair.",
    "Analyse d'impact (AIPD) du nouveau chatbot : risques d'accès illégitime, mesures {ACT}, hébergement à {VILLE}. Validé le {DATE}. Identifiant technique {BADNIR}.",
]
STYLES["rgpd_access_requests"] = ([("t", t) for t in RGPD_POS], [("t", t) for t in RGPD_NEG], "")

# 8 ---------------------------------------------------------------- pet-insurance confusion and cross-sell calls
PET_POS = [
    "Appel sortant cross-sell – {DATE}\nAdhérent : {PT}, {TEL}\nA cru que la mutuelle couvrait son chien {PET} (puce {PUCE}) ; facture vétérinaire {AMT} de la {COV}, SIRET {SIRET}.\nProposition offre animaux envoyée à {MAIL}.",
    "Réclamation : {P} a envoyé pour remboursement la facture de son chat {PET} (castration, {AMT}). Expliqué que c'est un contrat santé humaine. Il demande le rappel au {TEL}. Adresse : {ADR}.",
    "Script campagne « santé + animaux » : bonjour {PT}, je vous appelle au sujet de votre contrat n° {CONTRAT}… Notes : née le {DOB}, deux chats, intéressée. IBAN pour prélèvement : {IBAN}. Conjoint {PF} à rappeler après {HOUR}.",
    "Mail reçu de {MAIL} : « Bonjour, mon vétérinaire le {DR} (n° ordinal ≠ RPPS !) m'a dit que ma mutuelle rembourserait {PET}… Je suis {P}, {ADR1}. » Réponse type envoyée.",
    "Confusion de dossier : la facture de la {COV} concerne l'animal « {PET} » mais porte le NIR du propriétaire {NIR} et son nom {P}. Date de naissance de l'assurée {DOB}. Refus motivé envoyé.",
]
PET_NEG = [
    "Offre partenaire animaux {YEAR} : {PCT} remboursé, plafond {AMT}/an. Races exclues : aucune. Puce obligatoire (ex. {PUCE}).",
    "Facture vétérinaire reçue par erreur ({REF}) : vaccin de {PET}, {AMT}, clinique de {VILLE}. Retournée sans traitement.",
    "Argumentaire : « Saviez-vous que Rex, Filou ou Moka peuvent aussi être couverts ? » Ne pas insister si refus. Code campagne MARTIN{N2}.",
    "Bilan campagne cross-sell : {N2} appels, {N2} souscriptions animaux, CA {AMT}. Agences de {VILLE} et de {VILLE} en tête.",
]
STYLES["pet_insurance_crosssell_calls"] = ([("t", t) for t in PET_POS], [("t", t) for t in PET_NEG], "")

# 9 ---------------------------------------------------------------- home adaptation (MaPrimeAdapt') and equipment rental
HOME_POS = [
    "Demande d'aide adaptation du logement (MaPrimeAdapt')\nDemandeur : {PT}, né<<|e>> le {DOB}\nLogement : {ADR}\nTravaux : remplacement baignoire par douche extra-plate, devis {REF} de {COA} (SIRET {SIRET}) : {AMT}.\nErgothérapeute : {P}, ADELI {ADELI}.\nContact : {TEL}",
    "Location matériel médical – bon de commande\nPatient : {P} ({DOB}), NIR {NIR}\nLivraison : {ADR}\nMatériel : lit médicalisé {ACT}, matelas anti-escarres, fauteuil roulant.\nPrescripteur : {DR}, RPPS {RPPS}.\nPrestataire : {COA}, SIREN {SIREN}. Livreur à prévenir au {TEL}.",
    "Relance artisan : l'entreprise {COA} ({SIRET}) n'a pas posé le monte-escalier chez {PT} ({ADR1}). L'acompte de {AMT} a été viré le {DATE} depuis le compte {IBAN}. La fille de l'assurée, {PF}, rappelle au {TEL}.",
    "Visite ergothérapeute du {DATE} chez {PT} {NEE}, né<<|e>> en {DOBP}. Préconisations : barres d'appui, rehausseur WC, chemin lumineux. Envoi du rapport à {MAIL}. ADELI ergo {ADELI}.",
    "Retour matériel : le déambulateur loué pour {P} (NIR {NIR}) a été récupéré au {ADR}. Facturation arrêtée au {DATE}. Remboursement du dépôt de garantie ({AMT}) sur {IBAN}.",
]
HOME_NEG = [
    "Barème MaPrimeAdapt' {YEAR} : {PCT} pour les ménages très modestes, plafond de travaux {AMT}. Dossier à déposer sur la plateforme de l'Anah.",
    "Catalogue location : lit médicalisé ({ACT}), forfait hebdomadaire {AMT} ; fauteuil roulant manuel {ACT}. Livraison sous {N2} jours dans le secteur de {VILLE}.",
    "Devis {REF} de {COA} : barres d'appui inox ×{N2}, main courante, {AMT} TTC. Aucune identité client sur le devis transmis. N° devis long : {BAD14}.",
    "Réunion partenaires adaptation du logement, {PLACE}, le {DATE} : {N2} artisans labellisés, délai moyen {N2} semaines.",
]
STYLES["home_adaptation_equipment_rental"] = ([("t", t) for t in HOME_POS], [("t", t) for t in HOME_NEG], "")


# ---------------------------------------------------------------- addenda appended to texts (mix of positives and traps)
ADD_POS = {
    "fixedwidth_audit_export": [
        "Vu avec {PF} (contrôle interne), à reprendre avec {PT} au {TEL}.",
        "Ligne {N2} : assuré né le {DOB}, la colonne NIR est vide à l'export.",
        "Pour info, le SIREN {SIREN} est celui de l'employeur, pas de l'adhérent.",
        "Copie à {MAIL} ; facture {REF} à {AMT} exclue de l'échantillon.",
        "Adresse corrigée manuellement : {ADR1}.",
    ],
    "machine_barcode_lines": [
        "Saisie contrôlée par {PF}. Mail de confirmation envoyé à {MAIL}.",
        "Tél. mobile relu sur la pièce : {TEL}.",
        "Ancienne adresse (avant scan) : {ADR}.",
        "NB : le code {FINESS} est un FINESS, pas un SIREN ; ligne lot {REF}.",
        "Date de naissance manuscrite sur le formulaire : {DOB}.",
    ],
    "phone_typed_regional_messages": [
        "\nps: mon fixe c {TEL}",
        " ah et mon mail {MAIL}",
        "\n{PFN}",
        " (ma femme cest {P}, nee le {DOB})",
        " jhabite tjs {ADR1} hein",
        " ps2 : le rbt de {AMT} du {DATE} toujours rien",
    ],
    "funeral_assistance_calls": [
        "\nRappel à faire à {P} au {TEL} avant {HOUR}.",
        "\nEmail de la famille : {MAIL}.",
        "\nNotaire saisi : Me {PL}, {ADR1}.",
        "\nFacture {REF} ({AMT}) transmise au service décès.",
        "\nSœur du défunt : {P}, domiciliée {ADR1}, tél. {TEL}.",
    ],
    "apa_dependance_assessments": [
        "\nVoisine référente : {P}, {TEL}.",
        "\nMail du fils : {MAIL}.",
        "\nInfirmier libéral {P}, ADELI {ADELI}, passage le {DATE}.",
        "\nAncienne adresse : {ADR}.",
        "\nTraitement : {DRUG}, {DRUG}.",
    ],
    "loan_insurance_questionnaires": [
        "\nCourtier : {P}, {MAIL}, {TEL}.",
        "\nPièce jointe : compte rendu ({PLACE}) du {DATE}.",
        "\nNIR de l'emprunteur : {NIR}.",
        "\nSIRET du courtier : {SIRET}.",
        "\nEmprunteur joignable aussi au {TEL}.",
    ],
    "rgpd_access_requests": [
        "\nCopie à mon avocat, Me {PL} ({MAIL}).",
        "\nTéléphone : {TEL}",
        "\nPièce jointe : CNI de {P}, née le {DOB}.",
        "\nRéf. interne {REF}, échéance le {DATE}.",
        "\nNouvelle adresse de correspondance : {ADR}",
    ],
    "pet_insurance_crosssell_calls": [
        "\nConjoint : {P}, {TEL}.",
        "\nÀ rappeler sur {MAIL}.",
        "\nAdresse de facturation : {ADR}.",
        "\nLe vétérinaire de {VILLE} a facturé {AMT} ; puce {PUCE} (pas un NIR).",
        "\nNée le {DOB} (vérifié).",
    ],
    "home_adaptation_equipment_rental": [
        "\nAidant : {P}, {TEL}, {MAIL}.",
        "\nNIR de l'assuré : {NIR}.",
        "\nArtisan joignable au {TEL} (SIRET {SIRET}).",
        "\nRéf. LPP {ACT}, devis {REF}, {AMT}.",
        "\nLivraison finalement au {ADR}.",
    ],
}
ADD_NEG = [
    "\nRéf. dossier {REF}.", "\nMontant : {AMT}.", "\nÀ traiter avant le {DATE}.", "\nAgence de {VILLE}.",
    "\nN° de lot {BADNIR}.", "\nCode {ACT}.", "\nSIRET illisible : {BAD14}.", "\nVoir {PLACE}.",
]


def render_style(name, f, positive):
    spec = STYLES[name]
    fn = spec[0] if positive else spec[1]
    if callable(fn):
        return fn(f)
    _, tpl = f.r.choice(fn)
    return f.render(tpl)


def add_more(name, f, b, positive):
    r = f.r
    if positive:
        for p in (.8, .55, .25):
            if r.random() < p:
                tpl = r.choice(ADD_POS[name])
                if name in ("fixedwidth_audit_export", "machine_barcode_lines") and not b.text().endswith("\n"):
                    b.t("\n")
                f.render(tpl if tpl.startswith(("\n", " ")) else tpl + "\n", b)
    elif r.random() < .4:
        f.render(r.choice(ADD_NEG), b)
    if STYLES[name][2] == "typed":
        typed_post(b, r)
    txt = b.text()
    if txt != txt.rstrip():
        b.parts, b.pos = [txt.rstrip()], len(txt.rstrip())
    return b


def main():
    r = random.Random(SEED)
    rows = []
    for name in STYLES:
        mode_flag = STYLES[name][2]
        n_neg = round(PER_STYLE * NEG_SHARE)
        flags = [False] * n_neg + [True] * (PER_STYLE - n_neg)
        r.shuffle(flags)
        for i, pos in enumerate(flags):
            mode = ""
            if mode_flag == "spoken_some" and r.random() < .5:
                mode = "spoken"
            f = Filler(r, mode)
            b = render_style(name, f, pos)
            add_more(name, f, b, pos)
            text = b.text()
            spans = []
            for s, e, lab in sorted(b.spans):
                if lab == "RPPS_OR_ADELI":
                    lab = "RPPS" if len(text[s:e].replace(" ", "")) == 11 else "ADELI"
                spans.append([s, e, lab])
            if pos:
                assert spans, (name, text)
            else:
                assert not spans, (name, text)
            rows.append({"id": f"b13-{name}-{i:03d}", "style": name, "text": text, "spans": spans})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "texts,", sum(len(x["spans"]) for x in rows), "spans ->", out)


if __name__ == "__main__":
    main()
