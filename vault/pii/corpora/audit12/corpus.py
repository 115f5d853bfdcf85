"""Deterministic generator of the blind12 French PII evaluation corpus -> corpus.jsonl.

Run: /work/main/.venv/bin/python corpus.py
"""
import json
import random

from gen_core import Gen, T, J, Doc, MONTHS, fold

SEED = 20261128
R = random.Random(SEED)
G = Gen(R)
c = R.choice


def maybe(p, doc, alt=""):
    return doc if R.random() < p else (alt if isinstance(alt, Doc) else Doc(alt, []))


def ppl(sex=None, age=None):
    return G.person(sex, age)


def nm(p, mode=None):
    return G.pname(p, mode)


def sig(p, with_contact=0.6):
    """A member's signature block."""
    d = T(c(["\n{n}", "\n\n{n}", "\nCordialement,\n{n}", "\nBien à vous,\n{n}", "\nMerci d'avance\n{n}", "\n-- \n{n}"]),
          n=nm(p, c(["fl", "fL", "f_only", "Lf", "fl", "fold"])))
    if R.random() < with_contact:
        d = d + T(c(["\n{ph}", "\nTél : {ph}", "\n{ph} / {em}", "\nPortable {ph}", "\n{em}"]), ph=G.phone(), em=G.email(p))
    return d


def staff_sig(service):
    s = ppl()
    return T(c(["\n{n}\n{srv}", "\n{n} – {srv}", "\n\n{n}\n{srv}\nLigne directe : {ph}", "\nVotre conseiller(e), {f}"]),
             n=nm(s, c(["fl", "fL", "if"])), f=nm(s, "f_only"), srv=service, ph=G.phone(kind=c(["01", "02", "03", "04", "05", "09"])))


def ucf(x):
    return x[0].upper() + x[1:]


def rel_title(p):
    return G.title(p)


# =====================================================================================================
# 1. EHPAD / senior-care admission exchanges
# =====================================================================================================
EHPADS = ["EHPAD Les Jardins de Marie", "EHPAD Saint-Joseph", "Résidence Korian Les Lilas", "EHPAD Ker Maria",
          "Résidence Sainte-Anne", "EHPAD Jean Rostand", "Maison de retraite Notre-Dame", "EHPAD Les Flamboyants"]


def ehpad_pos(k):
    res = ppl(age=R.randint(76, 98))
    fam = ppl(age=R.randint(45, 65))
    doc = ppl()
    ehpad = c(EHPADS)
    if k in (0, 2, 4):
        res = ppl("F", R.randint(76, 98))
    rel = c(["sa fille", "sa nièce", "sa belle-fille"]) if fam["sex"] == "F" else c(["son fils", "son neveu", "son gendre"])
    if k == 0:
        d = T("Objet : Admission de {t} {res} – {eh}\n\nBonjour,\n\nNous accueillons depuis le {cd} {t} {res2} ({bornlbl} {dob}), "
              "adhérente de votre mutuelle (contrat {ref}). NIR : {nir}.\n{Rel}, {fam}, joignable au {ph} ou par mail {em}, "
              "est {des} personne de confiance. Médecin traitant : Dr {doc} (RPPS {rpps}).\nAncienne adresse : {addr}.\n"
              "Merci de nous adresser la prise en charge du forfait hébergement (tarif journalier {amt}, GIR 2).\n\nCordialement,",
              t=G.title(res), res=nm(res, c(["fl", "fL", "if"])), eh=ehpad, cd=G.care_date(), res2=nm(res, "l_only"),
              bornlbl=c(["née le", "née le", "DN", "date de naissance"]), dob=G.dob(res, c(["num", "long", "dots"])),
              ref=G.ref(), nir=G.nir(res), Rel=rel.capitalize(), des="désignée" if fam["sex"] == "F" else "désigné", fam=nm(fam), ph=G.phone(), em=G.email(fam),
              doc=nm(doc, c(["l_only", "fl", "L_only"])), rpps=G.rpps(), addr=G.address(), amt=G.amount(60, 130))
        d = d + staff_sig(f"Chargée d'admission – {ehpad}") + f"\nFINESS {G.finess()}"
    elif k == 1:
        asw = ppl("F")
        d = T("FICHE DE LIAISON – DEMANDE D'ADMISSION EN EHPAD\nRésident(e) : {resLf}\nNé(e) le : {dob}\nN° SS : {nir}\n"
              "Domicile : {addr}\nFamille : {fam} ({rel}) – {ph}\nMédecin référent : Dr {doc}\nGIR : {gir} ; APA {apa}\n"
              "Assistante sociale : {asw}, CCAS de {town} – {asph}\nObservations : {obs}",
              resLf=nm(res, c(["Lf", "LF", "fL"])), dob=G.dob(res, c(["num", "iso", "short", "long"])), nir=G.nir(res),
              addr=G.address(c(["full", "twoline", "res", "ld"])), fam=nm(fam), rel=rel, ph=G.phone(),
              doc=nm(doc, c(["l_only", "fl", "if"])), gir=str(R.randint(1, 4)), apa=c(["en cours", "accordée", "demandée le " + G.care_date()]),
              asw=nm(asw, c(["fl", "fL"])), town=G.town()[1], asph=G.phone(kind=c(["02", "03", "04", "05"])),
              obs=c(["chute à domicile en mars, hospitalisée " + G.a_h() + ".", "troubles cognitifs modérés, traitement " + G.drug() + ".",
                     "souhaite une chambre seule, budget mensuel env. " + G.amount() + ".", "retour à domicile impossible, aidant épuisé."]))
    elif k == 2:
        maid = ppl()
        mm = T(c([" épouse {m}", " née {m}"]), m=nm(maid, c(["l_only", "L_only"]))) if R.random() < 0.5 else Doc("", [])
        d = T("Bonjour,\nje suis {famf}, {relof} {res}{mm}, hébergée à l'{eh} depuis {mon}. Maman est née le {dob} "
              "et son numéro de sécu est le {nir}.\nJe règle moi-même les frais de séjour ({amt} ce mois-ci) : pouvez-vous "
              "verser la participation hébergement sur mon compte {iban} ?\nMon adresse : {addr}.",
              famf=nm(fam, c(["fl", "f_only", "low"])), relof=c(["la fille de", "la belle-fille de"]) if fam["sex"] == "F" else c(["le fils de", "le gendre de"]),
              res=nm(res, c(["fl", "fL"])), mm=mm, eh=ehpad, mon=c(MONTHS),
              dob=G.dob(res, c(["long", "num", "words", "abbr"])), nir=G.nir(res), amt=G.amount(), iban=G.iban(),
              addr=G.address(c(["full", "twoline", "street"])))
        d = d + sig(fam)
    elif k == 3:
        payer = fam
        d = T("MANDAT DE PRÉLÈVEMENT SEPA – FRAIS DE SÉJOUR\nCréancier : {eh} – SIRET {siret}\nDébiteur : {payer}\n"
              "Adresse du débiteur : {addr}\nIBAN : {iban}\nRésident concerné : {res} (chambre {ch}), né(e) en {by}\n"
              "Référence unique de mandat : {rum}\nFait à {town}, le {cd}\nContact famille : {em}",
              eh=ehpad, siret=G.siret(), payer=nm(payer, c(["Lf", "fL", "LF"])), addr=G.address(c(["full", "twoline", "cedex", "bp"])),
              iban=G.iban(), res=nm(res, c(["fL", "Lf", "if"])), ch=str(R.randint(100, 320)), by=G.dob(res, c(["y", "my"])),
              rum=f"RUM-{G.bad_luhn(11)}", town=G.town()[1], cd=G.care_date(), em=G.email(payer))
    else:
        d = T("Compte rendu de la visite de pré-admission du {cd}\nPrésents : {t} {res}, {rel} {fam}, l'infirmière coordinatrice "
              "{ide} et le médecin coordonnateur Dr {doc}.\n{res2} ({age} ans, née le {dob}) vit seule au {addr}. "
              "Entrée prévue le {cd2}. La famille sera le contact principal : {ph1} (fixe) / {ph2}.\nRéférence dossier : {ref}.",
              cd=G.care_date(), t=G.title(res), res=nm(res, c(["fl", "l_only"])), rel=rel, fam=nm(fam, c(["fl", "fL"])),
              ide=nm(ppl("F"), c(["fl", "f_only"])), doc=nm(doc, c(["l_only", "fl"])), res2=nm(res, "f_only"),
              age=str(2026 - res["y"]), dob=G.dob(res, c(["long", "num", "abbr"])), addr=G.address(c(["street", "full", "res"])),
              cd2=G.care_date(), ph1=G.phone(kind=c(["02", "03", "04", "05"])), ph2=G.phone(), ref=G.ref())
    return d


def ehpad_neg(k):
    if k == 0:
        return T("DOSSIER UNIQUE D'ADMISSION EN EHPAD – PIÈCES À FOURNIR\n1. Formulaire Cerfa n° 14732*03 complété\n"
                 "2. Dernier avis d'imposition\n3. Attestation de droits (régime obligatoire et complémentaire)\n"
                 "Tarif hébergement {eh} : {a1} / jour ; tarif dépendance GIR 1-2 : {a2} / jour.\n"
                 "FINESS établissement : {fi}. Dossier à retourner au secrétariat de {town}.",
                 eh=c(EHPADS), a1=G.amount(55, 120), a2=G.amount(5, 25), fi=G.finess(), town=G.town_alone())
    if k == 1:
        return T("Facturation hébergement – période du {d1} au {d2}\nNb jours : {n} x {a} = {tot}\nForfait dépendance : {a2}\n"
                 "Référence facture : {ref} – réf. interne {fake}\nAPA déduite : {a3}\nReste à charge famille : {a4}\n"
                 "Règlement par prélèvement le 5 du mois suivant.",
                 d1=G.care_date(), d2=G.care_date(), n=str(R.randint(10, 31)), a=G.amount(), tot=G.amount(), a2=G.amount(),
                 ref=G.ref(), fake=G.fake_nir15(), a3=G.amount(), a4=G.amount())
    return T("Note interne : la résidence {eh} ({town}) ouvre une unité protégée de {n} lits en {mon}. Le médecin coordonnateur "
             "rappelle que le {drug} doit être préparé par la pharmacie {hosp}. Réunion des familles le {cd} à 15h, "
             "salle Blanc. Le boulanger du village livrera le goûter.",
             eh=c(EHPADS), town=G.town_alone(), n=str(R.randint(8, 30)), mon=c(MONTHS), drug=G.drug(), hosp=G.de_h(),
             cd=G.care_date())


# =====================================================================================================
# 2. Tele-consultation / psychologist-session platforms
# =====================================================================================================
PLAT = ["PsyEnLigne", "MonSoutienPsy", "Téléconsult+", "Qare-like", "VisioSanté", "ConsultDirect"]


def tele_pos(k):
    pat = ppl()
    psy = ppl()
    if k == 0:
        d = T("✔ Rendez-vous confirmé – {pl}\nPatient : {pat}\nPraticien : {psy} – psychologue (ADELI {adeli})\n"
              "Séance {ns}/12 : {cd} à {h} (vidéo)\nLien de connexion : https://visio.{pld}.fr/s/{tok}\n"
              "Vos rappels SMS seront envoyés au {ph}.\nDate de naissance déclarée : {dob}\nNIR transmis pour le dispositif : {nir}",
              pl=c(PLAT), pat=nm(pat, c(["fL", "fl", "Lf"])), psy=nm(psy, c(["fl", "fL"])), adeli=G.adeli(),
              ns=str(R.randint(1, 12)), cd=G.care_date(), h=c(["18h30", "09:15", "12h", "17h45"]), pld=c(["monpsy", "consult"]),
              tok=f"{R.randint(10**6, 10**7):x}", ph=G.phone(), dob=G.dob(pat), nir=G.nir(pat))
    elif k == 1:
        d = T("Bonjour {pf},\nPetit rappel : votre séance avec {tp}{psy} a lieu demain, {cd}, à {h}.\n"
              "En cas d'empêchement, annulez au moins 24 h avant depuis votre espace ou au {phpro}.\n"
              "Ce message a été envoyé à {em}.",
              pf=nm(pat, c(["f_only", "f_only", "fl"])), tp=c(["Mme ", "M. ", "Dr ", ""]), psy=nm(psy, c(["l_only", "fl"])),
              cd=G.care_date(), h=c(["10h", "14:30", "19h15"]), phpro=G.phone(kind=c(["01", "09", "04"])), em=G.email(pat))
        d = d + maybe(0.5, T("\nVotre numéro de dossier : {r} – né(e) le {dob}", r=G.ref(), dob=G.dob(pat)))
    elif k == 2:
        doc = psy
        d = T("TÉLÉCONSULTATION du {cd} – {pl}\nMédecin : Dr {doc}, médecine générale, RPPS {rpps}\n"
              "Patient : {pat}, {age} ans, né(e) le {dob}\nAdresse : {addr}\nTél. : {ph}\nMotif : {motif}\n"
              "Prescription : {drug}, 1 cp matin et soir pendant 7 jours.\nActe : TCG – {amt}",
              cd=G.care_date(), pl=c(PLAT), doc=nm(doc, c(["fL", "fl", "if"])), rpps=G.rpps(), pat=nm(pat, c(["Lf", "LF", "fL"])),
              age=str(2026 - pat["y"]), dob=G.dob(pat, c(["num", "iso", "dots"])), addr=G.address(c(["full", "twoline"])),
              ph=G.phone(), motif=c(["toux persistante", "renouvellement d'ordonnance", "lombalgie", "angine"]),
              drug=G.drug(), amt=G.amount())
    elif k == 3:
        d = T("Bonjour, j'ai fait {n} séances avec {psy} (n° ADELI {adeli}) via {pl} entre {m1} et {m2}. "
              "Les factures sont jointes ({amt} chacune). Merci de me rembourser sur le compte {iban}. "
              "Mon numéro de sécurité sociale : {nir}.",
              n=str(R.randint(2, 8)), psy=nm(psy, c(["fl", "fL", "l_only"])), adeli=G.adeli(), pl=c(PLAT), m1=c(MONTHS), m2=c(MONTHS),
              amt=G.amount(), iban=G.iban(), nir=G.nir(pat))
        d = d + sig(pat, 0.9)
    else:
        d = T("Profil praticien – {pl}\n{psy}\nPsychologue clinicien(ne) – thérapies brèves\nCabinet : {addr}\n"
              "SIRET : {siret}\nADELI : {adeli}\nContact pro : {em} – {ph}\nTarif séance : {amt}\nConventionnée MonSoutienPsy : oui",
              pl=c(PLAT), psy=nm(psy, c(["fl", "fL"])), addr=G.address(c(["full", "res", "twoline"])), siret=G.siret(),
              adeli=G.adeli(), em=G.email(psy), ph=G.phone(), amt=G.amount(40, 90))
    return d


def tele_neg(k):
    if k == 0:
        return T("Votre séance commence dans 15 minutes.\n[ Rejoindre la salle d'attente ]\nVérifiez votre micro et votre caméra. "
                 "Identifiant de session : {ref} – serveur eu-west-3.\nEn cas de problème, consultez l'aide en ligne.",
                 ref=G.ref())
    if k == 1:
        return T("Dispositif d'accompagnement psychologique : jusqu'à 12 séances par an, {a} la séance, remboursées à 60 % par "
                 "l'Assurance Maladie et 40 % par votre complémentaire. Les séances doivent être réalisées avec un psychologue "
                 "conventionné. Prochaine mise à jour des tarifs le {cd}.", a=G.amount(40, 60), cd=G.care_date())
    return T("RAPPORT D'ACTIVITÉ PLATEFORME – {mon}\nSéances réalisées : {n}\nAnnulations : {m}\nDurée moyenne : 42 min\n"
             "Codes actes : TCG, TC, APC\nIncidents : {ref} (latence), ticket n° {bad}\nTaux de satisfaction : 4,6/5",
             mon=c(MONTHS).upper(), n=str(R.randint(1000, 9000)), m=str(R.randint(10, 400)), ref=G.ref(), bad=G.bad_luhn(9))


# =====================================================================================================
# 3. Hospital invoices and private-room disputes
# =====================================================================================================
def hosp_pos(k):
    pat = ppl()
    if k == 0:
        sp = ppl()
        lab, sx, lo, hi = c([("mon épouse,", "F", 30, 85), ("ma mère,", "F", 60, 95), ("ma fille,", "F", 2, 30),
                             ("mon mari,", "M", 30, 85), ("mon père,", "M", 60, 95), ("mon fils,", "M", 2, 30)])
        pat = ppl(sx, R.randint(lo, hi))
        d = T("Madame, Monsieur,\nJe conteste la facture n° {ref} {hosp} pour le séjour de {relw} {pat} du {d1} au {d2}. "
              "La chambre particulière a été facturée {amt} par jour alors qu'aucune chambre double n'était disponible.\n"
              "{Pron} est né{e} le {dob} ; numéro de sécurité sociale {nir}.\nMerci de rembourser la part mutuelle sur notre "
              "compte {iban}.\nAdresse : {addr}",
              ref=G.ref(), hosp=G.de_h(), relw=lab,
              pat=nm(pat, c(["fl", "fL", "if"])), d1=G.care_date(), d2=G.care_date(), amt=G.amount(45, 160),
              Pron="Il" if pat["sex"] == "M" else "Elle", e="" if pat["sex"] == "M" else "e", dob=G.dob(pat),
              nir=G.nir(pat), iban=G.iban(), addr=G.address())
        d = d + sig(sp)
    elif k == 1:
        d = T("AVIS DES SOMMES À PAYER\n{hosp} – FINESS {fi} – SIRET {siret}\nPatient : {pat}   Date de naissance : {dob}\n"
              "N° IPP : {ipp}   N° séjour : {sej}\nAssuré : {ass}   NIR : {nir}\nAdresse de facturation :\n{addr}\n"
              "Forfait journalier {n} x 20,00 € = {tot}\nChambre particulière {n} x {cp}\nTiers payant complémentaire : REFUSÉ (motif 2 : "
              "garantie non souscrite)\nMontant à régler : {amt}",
              hosp=G.hospital().upper(), fi=G.finess(), siret=G.siret(), pat=nm(pat, c(["LF", "Lf"])),
              dob=G.dob(pat, c(["num", "dots"])), ipp=str(R.randint(10**7, 10**8)), sej=G.bad_luhn(9),
              ass=nm(pat, c(["LF", "Lf"])), nir=G.nir(pat, c(["compact", "sp", "nokey", "slash"])),
              addr=G.address(c(["twoline", "res", "full"])), n=str(R.randint(2, 14)), tot=G.amount(), cp=G.amount(), amt=G.amount())
    elif k == 2:
        ag = ppl()
        d = T("Appel entrant {cd} – {t} {pat} conteste le reste à charge de {amt} sur la facture {ref} ({hosp}). "
              "Séjour en ambulatoire facturé comme hospitalisation complète selon l'adhérent{e}. NIR vérifié : {nir}. "
              "Rappeler au {ph} après {h}. Copie de la facture demandée par mail à {em}.\nAgent : {ag}",
              cd=G.care_date(), t=G.title(pat), pat=nm(pat, c(["l_only", "fl", "L_only", "fL"])), amt=G.amount(), ref=G.ref(),
              hosp=G.hospital(), e="" if pat["sex"] == "M" else "e", nir=G.nir(pat), ph=G.phone(), h=c(["17h", "12h30", "18h"]),
              em=G.email(pat), ag=nm(ag, c(["if", "f_only", "fl"])))
    elif k == 3:
        sur = ppl()
        clerk = ppl()
        d = T("De : {cem}\nÀ : prestations@mutuelle.example\nObjet : dépassement d'honoraires – {pat}\n\nBonjour,\n"
              "Le patient {pat2} (né le {dob}) a été opéré le {cd} par le Dr {sur} (RPPS {rpps}), secteur 2. "
              "Dépassement facturé : {amt} (acte {ccam}). Le devis signé est joint. Le patient est joignable au {ph}.\n"
              "Bien cordialement,\n{clerk}\nService des frais de séjour",
              cem=G.pro_email(clerk, c(["chu-example.fr", "clinique-example.fr"])), pat=nm(pat, c(["fL", "LF"])),
              pat2=nm(pat, c(["fl", "Lf"])), dob=G.dob(pat, c(["num", "long"])), cd=G.care_date(), sur=nm(sur, c(["l_only", "fL"])),
              rpps=G.rpps(), amt=G.amount(), ccam=G.ccam(), ph=G.phone(), clerk=nm(clerk, c(["fl", "fL"])))
    else:
        d = T("Réclamation n° {ref}\nAdhérent : {pat} – {addr}\nMotif : double facturation du forfait journalier ({d1} et {d2}) "
              "{hosp}.\nPièces : facture, bulletin de situation, RIB ({iban}).\nDate de naissance de l'adhérent : {dob}\n"
              "Téléphone : {ph}\nDécision : remboursement de {amt} validé.",
              ref=G.ref(), pat=nm(pat), addr=G.address(c(["full", "street", "bp"])), d1=G.care_date(), d2=G.care_date(),
              hosp=c(["facturée par", "signalée par", "émise par"]) + " " + G.hospital(), iban=G.iban(), dob=G.dob(pat), ph=G.phone(), amt=G.amount())
    return d


def hosp_neg(k):
    if k == 0:
        return T("La chambre particulière n'est remboursée que si votre garantie la prévoit (ex. {a} par nuit, 30 nuits par an "
                 "en médecine, 10 en psychiatrie). Le forfait journalier hospitalier ({b}) est pris en charge sans limite de "
                 "durée. Les séjours {h} ou en ambulatoire suivent les mêmes règles.", a=G.amount(40, 120), b=G.amount(), h=G.a_h())
    if k == 1:
        return T("LIGNE  CODE   LIBELLÉ                       QTÉ   MONTANT\n01     FJ     Forfait journalier            {n}     {a}\n"
                 "02     CP     Chambre particulière          {n}     {b}\n03     {cc}  Acte chirurgical              1     {c2}\n"
                 "04     PH     Produits et prestations {lpp}  1     {d}\nTOTAL                                               {t}",
                 n=str(R.randint(1, 9)), a=G.amount(), b=G.amount(), cc=G.ccam(), c2=G.amount(), lpp=G.lpp(), d=G.amount(), t=G.amount())
    return T("Synthèse des litiges hospitaliers T{q} : {n} dossiers, dont {m} pour chambre particulière non justifiée. "
             "Établissements les plus cités : {h1}, {h2}. Montant moyen contesté : {a}. Réf. de suivi {ref}, lot {bad}.",
             q=str(R.randint(1, 4)), n=str(R.randint(40, 300)), m=str(R.randint(5, 40)), h1=G.hospital(), h2=G.hospital(),
             a=G.amount(), ref=G.ref(), bad=G.bad_luhn(14))


# =====================================================================================================
# 4. Sports-club licences and injury declarations
# =====================================================================================================
CLUBS = ["AS Saint-Pierre Football", "Judo Club de Bastia", "US Saint-Denis Rugby", "Tennis Club Sainte-Marie",
         "Entente Cycliste Martin-Église", "Basket Club Léo Lagrange", "Gym Volontaire Saint-Jean", "Cercle d'escrime Henri IV"]


def sport_pos(k):
    kid = ppl(age=R.randint(8, 17))
    par = ppl(age=R.randint(35, 55))
    club = c(CLUBS)
    if k == 0:
        doc = ppl()
        d = T("DÉCLARATION D'ACCIDENT – Licence n° {lic}\nClub : {club} (SIRET {siret})\nLicencié(e) : {kid}, né(e) le {dob}\n"
              "Adresse : {addr}\nResponsable légal : {par} – {ph} – {em}\nDate de l'accident : {cd} ({ctx})\n"
              "Lésion : {les}\nMédecin ayant constaté : Dr {doc}\nN° de sécurité sociale de l'assuré : {nir}",
              lic=str(R.randint(10**9, 10**10)), club=club, siret=G.siret(), kid=nm(kid, c(["LF", "Lf", "fL"])), dob=G.dob(kid),
              addr=G.address(), par=nm(par), ph=G.phone(), em=G.email(par), cd=G.care_date(),
              ctx=c(["entraînement", "match à domicile", "compétition régionale", "stage"]),
              les=c(["entorse cheville gauche", "fracture du poignet", "luxation épaule", "commotion"]),
              doc=nm(doc, c(["l_only", "fl"])), nir=G.nir(par))
    elif k == 1:
        d = T("Bonjour,\nmon {fils} {kf} ({club}) s'est {inj} au {ctx} du {cd}. Il a fallu une attelle (LPP {lpp}, {amt}) et "
              "{n} séances de kiné. Il est né le {dob} et est rattaché à mon contrat. Pouvez-vous compléter le remboursement "
              "sur mon compte {iban} ?\nMerci",
              fils=c(["fils", "garçon", "petit"]), kf=nm(kid, c(["f_only", "f_only", "fl"])), club=club,
              inj=c(["cassé le poignet", "tordu la cheville", "fait une entorse du genou"]), ctx=c(["match", "tournoi", "cours"]),
              cd=G.care_date(), lpp=G.lpp(), amt=G.amount(), n=str(R.randint(3, 15)), dob=G.dob(kid, c(["num", "long", "short"])),
              iban=G.iban())
        d = d + sig(par, 0.8)
    elif k == 2:
        kine = ppl()
        ad = ppl(age=R.randint(18, 45))
        d = T("Bilan kinésithérapique – {kine}, masseur-kinésithérapeute, RPPS {rpps}\nPatient : {pat}, {age} ans ({bl} {by}), "
              "{sport} en club ({club}).\nAntécédents : rupture LCA genou droit opérée en {yr}.\nSéances : {n} x {ngap} "
              "à compter du {cd}.\nContact patient : {ph}",
              kine=nm(kine, c(["fL", "fl", "if"])), rpps=G.rpps(), pat=nm(ad, c(["fl", "Lf", "fL"])), age=str(2026 - ad["y"]),
              bl="née en" if ad["sex"] == "F" else c(["né en", "né(e) en"]), by=G.dob(ad, "y"), sport=c(["handball", "rugby", "football", "basket"]),
              club=club, yr=str(R.randint(2015, 2024)), n=str(R.randint(8, 30)), ngap=G.ngap(), cd=G.care_date(), ph=G.phone())
    elif k == 3:
        rows = []
        kw = {}
        tpl = "Liste licenciés {cat} – certificats médicaux / questionnaires santé manquants :\n"
        kw["cat"] = c(["U11", "U13", "U15", "Seniors F", "Vétérans"])
        for i in range(R.randint(3, 5)):
            k2 = ppl(age=R.randint(9, 16))
            tpl += f"- {{n{i}}} ({{d{i}}}) – parent : {{p{i}}}\n"
            kw[f"n{i}"] = nm(k2, c(["Lf", "LF", "fL", "fl"]))
            kw[f"d{i}"] = G.dob(k2, c(["num", "short", "iso"]))
            kw[f"p{i}"] = G.phone() if R.random() < 0.6 else G.email(ppl())
        tpl += "Merci de régulariser avant le {cd}. Cotisation annuelle : {amt}."
        kw["cd"] = G.care_date()
        kw["amt"] = G.amount()
        d = T(tpl, **kw)
    else:
        sec = ppl()
        d = T("Attestation de licence – saison 2025/2026\nLe {club} certifie que {t} {ad}, né{e} le {dob}, demeurant {addr}, "
              "est licencié{e} sous le n° {lic}.\nCertificat médical du Dr {doc} en date du {cd}.\nLa secrétaire, {sec} "
              "({sem})",
              club=club, t=G.title(par), ad=nm(par, c(["fl", "fL", "if"])), e="" if par["sex"] == "M" else "e", dob=G.dob(par),
              addr=G.address(c(["full", "street", "res"])), lic=G.bad_luhn(c([7, 8, 9])), doc=nm(ppl(), c(["l_only", "fl"])),
              cd=G.care_date(), sec=nm(sec, c(["fl", "fL"])), sem=G.email(sec))
    return d


def sport_neg(k):
    if k == 0:
        return T("Résultats du week-end : victoire 3-1 de « {c1} » face à « {c2} ». Les U13 terminent 2es du tournoi de {town}. "
                 "Cotisation 2025/2026 : {a} (licence + assurance). Rendez-vous au gymnase Léo Lagrange samedi à 14h.",
                 c1=c(CLUBS), c2=c(CLUBS), town=G.town()[1], a=G.amount())
    if k == 1:
        return T("GARANTIES ACCIDENT – LICENCE FÉDÉRALE\nFrais médicaux : 300 % BR\nForfait kiné : {a}\nBris de lunettes : {b}\n"
                 "Capital invalidité : {c2}\nContrat groupe n° {ref} – FINESS du centre de rééducation : {fi}",
                 a=G.amount(), b=G.amount(), c2=G.amount(), ref=G.ref(), fi=G.finess())
    return T("Statistiques blessures saison : {n} entorses, {m} fractures, {p} commotions. La moitié survient en fin de match. "
             "Rappel : échauffement obligatoire, protège-dents en rugby (dent {t} la plus touchée). Réf. étude {bad}.",
             n=str(R.randint(10, 80)), m=str(R.randint(1, 20)), p=str(R.randint(0, 10)), t=G.tooth(), bad=G.bad_luhn(9))


# =====================================================================================================
# 5. School-trip and holiday-camp cover certificates
# =====================================================================================================
ORGS = ["Les Colos de l'Ouest", "Ligue de l'enseignement", "UCPA", "Vacances Sainte-Thérèse", "Centre aéré Jean Moulin",
        "Collège Victor Hugo", "Lycée Saint-Exupéry", "École Jules Ferry"]


def camp_pos(k):
    kid = ppl(age=R.randint(6, 17))
    par = ppl(age=R.randint(30, 55))
    kid["last"] = par["last"] if R.random() < 0.7 else kid["last"]
    if k == 0:
        d = T("Bonjour,\nma {fille} {kid} part en {camp} du {d1} au {d2} avec {org}. Pourriez-vous m'envoyer une attestation "
              "de droits à son nom ? {Pr} est né{e} le {dob} et rattaché{e} à mon numéro {nir}.",
              fille=c(["fille", "fille", "petite"]) if kid["sex"] == "F" else c(["fils", "garçon"]), kid=nm(kid, c(["f_only", "fl", "fL"])),
              camp=c(["colonie", "séjour linguistique", "classe de neige", "camp scout"]), d1=G.care_date(), d2=G.care_date(),
              org=c(ORGS), Pr="Elle" if kid["sex"] == "F" else "Il", e="e" if kid["sex"] == "F" else "",
              dob=G.dob(kid, c(["num", "long", "words", "short"])), nir=G.nir(par))
        d = d + sig(par, 0.9)
    elif k == 1:
        d = T("ATTESTATION DE DROITS – SÉJOUR COLLECTIF DE MINEURS\nNous certifions que {kid}, né(e) le {dob}, ayant droit de "
              "{t} {par} (adhérent n° {ref}), bénéficie des garanties frais de santé du contrat {ctr} pour la période du "
              "{d1} au {d2}.\nAdresse de l'adhérent : {addr}\nOrganisateur : {org}\nFait à {town}, le {cd}.",
              kid=nm(kid, c(["fL", "Lf", "fl"])), dob=G.dob(kid, c(["num", "long"])), t=G.title(par), par=nm(par, c(["fL", "fl"])),
              ref=G.ref(), ctr=G.ref(), d1=G.care_date(), d2=G.care_date(), addr=G.address(c(["twoline", "full", "res", "ld"])),
              org=c(ORGS), town=G.town()[1], cd=G.care_date())
    elif k == 2:
        par2 = ppl(age=R.randint(30, 55))
        doc = ppl()
        d = T("Voyage scolaire {dest} – FICHE SANITAIRE DE LIAISON\nÉlève : {kid}   Classe : {cl}\nDate de naissance : {dob}\n"
              "Responsable 1 : {p1} – {ph1} – {em1}\nResponsable 2 : {p2} – {ph2}\nMédecin traitant : Dr {doc} ({phd})\n"
              "N° sécurité sociale (parent) : {nir}\nMutuelle : contrat {ref}\nAllergies : {al}\nTraitement : {drug}",
              dest=c(["Espagne", "Londres", "Berlin", "ski Vosges"]), kid=nm(kid, c(["LF", "Lf"])), cl=c(["4e B", "3e A", "CM2", "2nde 5"]),
              dob=G.dob(kid, c(["num", "iso", "short"])), p1=nm(par, c(["fL", "Lf", "fl"])), ph1=G.phone(), em1=G.email(par),
              p2=nm(par2, c(["fL", "Lf", "fl"])), ph2=G.phone(), doc=nm(doc, c(["l_only", "fl"])),
              phd=G.phone(kind=c(["01", "02", "03", "04", "05"])), nir=G.nir(par), ref=G.ref(),
              al=c(["arachide", "aucune", "pollen, acariens", "pénicilline"]), drug=G.drug())
    elif k == 3:
        dirc = ppl()
        doc = ppl()
        d = T("Madame, Monsieur {pl},\nVotre enfant {kf} a consulté le {cd} le Dr {doc}, médecin de {town}, pour une otite. "
              "Nous avons avancé les frais ({amt}) et la pharmacie ({amt2}). Merci de nous rembourser par virement sur le compte "
              "de l'association ({org}, SIRET {siret}) : {iban}.\nPour toute question : {ph}.\n{dirc}, {dtitle} du séjour",
              pl=nm(par, c(["l_only", "L_only"])), kf=nm(kid, "f_only"), cd=G.care_date(), doc=nm(doc, c(["l_only", "fL"])),
              town=G.town()[1], amt=G.amount(), amt2=G.amount(), org=c(ORGS), siret=G.siret(), iban=G.iban(), ph=G.phone(),
              dirc=nm(dirc, c(["fl", "f_only", "fL"])), dtitle="directeur" if dirc["sex"] == "M" else "directrice")
    else:
        d = T("Demande web – attestation séjour\nNom de l'enfant : {kl}\nPrénom : {kf}\nNé(e) le : {dob}\nNom du parent adhérent : {par}\n"
              "Adresse : {addr}\nTéléphone : {ph}\nCourriel : {em}\nMessage : {msg}",
              kl=nm(kid, c(["L_only", "l_only"])), kf=nm(kid, "f_only"), dob=G.dob(kid, c(["num", "iso", "compact", "dots"])),
              par=nm(par, c(["fl", "low", "Lf"])), addr=G.address(), ph=G.phone(), em=G.email(par),
              msg=c(["besoin avant vendredi svp", "pour le camp UCPA de juillet", "l'école demande aussi la carte européenne",
                     "merci d'envoyer par courrier"]))
    return d


def camp_neg(k):
    if k == 0:
        return T("SÉJOURS ÉTÉ 2026\n- Colo mer, Saint-Malo : 7-13 juillet, {a}\n- Montagne, Chamonix : 14-25 juillet, {b}\n"
                 "- Camp nature, Sainte-Marie-aux-Mines : 4-15 août, {c2}\nAide de la mutuelle : 50 % plafonnés à {d}. Dossier {ref}.",
                 a=G.amount(), b=G.amount(), c2=G.amount(), d=G.amount(), ref=G.ref())
    if k == 1:
        return T("Modèle d'attestation (à compléter) :\nNous certifions que [NOM Prénom de l'enfant], né(e) le [JJ/MM/AAAA], ayant "
                 "droit de {{adherent_nom}}, bénéficie des garanties du contrat {{contrat}}.\nFait à ________, le __/__/____.\n"
                 "Version du modèle : v{v} du {cd}", v=f"{R.randint(1, 9)}.{R.randint(0, 9)}", cd=G.care_date())
    return T("Circulaire aux familles – {org}\nLe voyage à {town} aura lieu du {d1} au {d2}. Participation : {a}. "
             "Chaque élève doit fournir la fiche sanitaire et une attestation de mutuelle. Départ à 6h devant le collège.",
             org=c(ORGS), town=G.town_alone(), d1=G.care_date(), d2=G.care_date(), a=G.amount())


# =====================================================================================================
# 6. Mobile-app screenshots OCR'd into tickets
# =====================================================================================================
def status():
    return c(["09:41 ▮▮▮ 4G 78%", "14:02 📶 Wi-Fi 23 %", "08:15 ●●●○ SFR 5G 91%", "22:47  LTE ▯ 12%", "11:30 Orange F 4G+ 64%"])


def app_pos(k):
    p = ppl()
    if k == 0:
        d = T("[Capture jointe par l'adhérent – texte OCR]\n{st}\n< Mon profil\nNom  {L}\nPrénom  {F}\nDate de naissance  {dob}\n"
              "N° de sécurité sociale  {nir}\nTéléphone  {ph}\nE-mail  {em}\nAdresse postale  {addr}\n[ Modifier ]   [ Enregistrer ]\n"
              "Agent : l'adhérent indique que le bouton Enregistrer ne répond pas (Android 14).",
              st=status(), L=nm(p, c(["L_only", "l_only"])), F=nm(p, "f_only"), dob=G.dob(p, c(["num", "iso", "long"])),
              nir=G.nir(p, c(["sp", "compact", "dots"])), ph=G.phone(), em=G.email(p), addr=G.address(c(["full", "twoline", "res"])))
    elif k == 1:
        d = T("OCR capture :\n{st}\nCoordonnées bancaires\nTitulaire du compte\n{nm}\nIBAN\n{iban}\nBIC {bic}\n⚠ IBAN invalide\n[ Valider ]\n"
              "---\nNote : message d'erreur alors que le RIB est correct, à remonter au support. Adhérent rappelé au {ph}.",
              st=status(), nm=nm(p, c(["LF", "fL", "Lf"])), iban=G.iban(c(["g", "compact", "split"])),
              bic=c(["CMCIFRPP", "BNPAFRPPXXX", "SOGEFRPP", "AGRIFRPP882", "CCBPFRPPMTG"]), ph=G.phone())
    elif k == 2:
        doc = ppl()
        ben = ppl(age=R.randint(2, 20))
        d = T("Texte extrait de la capture d'écran :\n{st}\nMes remboursements\n{cd1}  Consultation – Dr {doc}   {a1}\n"
              "{cd2}  Pharmacie   {a2}\nBénéficiaire : {ben}\nPayé à : {who}\nVirement sur {iban}\n[ Télécharger le décompte ]\n"
              "Commentaire adhérent : le montant de la consultation est faux.",
              st=status(), cd1=G.care_date(), doc=nm(doc, c(["L_only", "l_only", "fL"])), a1=G.amount(), cd2=G.care_date(),
              a2=G.amount(), ben=nm(ben, c(["fL", "f_only", "fl"])), who=nm(p, c(["fL", "LF"])), iban=G.iban(c(["g", "lower"])))
    elif k == 3:
        b1 = ppl(age=R.randint(30, 60))
        b2 = ppl(age=R.randint(1, 18))
        d = T("OCR – écran « Carte de tiers payant »\n{st}\nCARTE MUTUELLE 2026\n{nm}\nN° {nir}\nBénéficiaires :\n{n1}  {d1}\n"
              "{n2}  {d2}\nAMC 12345678 – Valable jusqu'au 31/12/2026\n[ Partager ]  [ Envoyer par e-mail ]\n"
              "Ticket : la carte affichée ne contient pas le nouveau-né.",
              st=status(), nm=nm(p, c(["LF", "Lf"])), nir=G.nir(p, c(["sp", "compact", "nokey"])), n1=nm(b1, c(["LF", "Lf"])),
              d1=G.dob(b1, c(["num", "dots"])), n2=nm(b2, c(["LF", "Lf"])), d2=G.dob(b2, c(["num", "dots"])))
    else:
        d = T("Capture « Nous contacter » (OCR approximatif) :\n{st}\nObjet  Changement d'adresse\nMessage  bonjour j'ai demenage au {addr} "
              "depuis le {cd}, mon nouveau numero est le {ph}. {f}\nPièce jointe  justificatif_domicile.pdf\n[ Envoyer ]\n"
              "Adhérent : {nm} – né le {dob}",
              st=status(), addr=G.address(c(["full", "street", "res"])), cd=G.care_date(), ph=G.phone(),
              f=nm(p, c(["f_only", "low", "fold"])), nm=nm(p, c(["fL", "Lf"])), dob=G.dob(p, c(["num", "short"])))
    return d


def app_neg(k):
    if k == 0:
        return T("OCR capture :\n{st}\nParamètres\nNotifications push      ON\nConnexion biométrique   OFF\nMode sombre             ON\n"
                 "Version 4.{a}.{b} (build {bld})\n[ Se déconnecter ]\nRemarque : l'utilisateur ne reçoit plus les notifications.",
                 st=status(), a=str(R.randint(1, 20)), b=str(R.randint(0, 9)), bld=str(R.randint(20250101, 20261231)))
    if k == 1:
        return T("Texte OCR :\n{st}\nErreur 503 — Service momentanément indisponible.\nRéférence incident : {ref}\nCode : {bad}\n"
                 "[ Réessayer ]   [ Retour à l'accueil ]", st=status(), ref=G.ref(), bad=G.bad_luhn(c([9, 14])))
    return T("Capture « Mes garanties » :\n{st}\nHospitalisation     300 % BR\nChambre particulière {a}/nuit\nOptique (adulte)    {b} / 2 ans\n"
             "Dentaire prothèses  250 % BR\nMédecines douces    {c2} / séance, 4/an\n[ Voir le détail ]",
             st=status(), a=G.amount(40, 120), b=G.amount(), c2=G.amount())


# =====================================================================================================
# 7. Agency appointment-booking confirmations
# =====================================================================================================
AGENCIES = ["agence de Colmar centre", "agence Lyon Part-Dieu", "agence de Brest Saint-Martin", "agence de Fort-de-France",
            "agence Marseille Castellane", "agence de Saint-Denis (Réunion)", "agence Bordeaux Mériadeck", "agence d'Ajaccio"]


def agency_pos(k):
    p = ppl()
    adv = ppl()
    if k == 0:
        d = T("Votre rendez-vous en agence est confirmé\n\nBonjour {t} {nm},\nVous avez rendez-vous le {cd} à {h} à notre {ag} avec "
              "{adv}, conseillère.\nMotif : {mot}\nPensez à apporter : pièce d'identité, RIB, attestation de droits.\n"
              "Un SMS de rappel sera envoyé au {ph}. Pour annuler : répondez à cet e-mail ({em}) ou appelez le 3xxx.",
              t=G.title(p), nm=nm(p, c(["l_only", "fl", "L_only"])), cd=G.care_date(), h=c(["10h15", "14:00", "9h30", "16h45"]),
              ag=c(AGENCIES), adv=nm(adv, c(["fl", "f_only", "if"])), mot=c(["adhésion famille", "changement de garanties",
                                                                                 "devis dentaire", "résiliation", "prévoyance"]),
              ph=G.phone(), em=G.email(p))
    elif k == 1:
        sp = ppl("F" if p["sex"] == "M" else "M")
        maiden = ppl()
        d = T("RDV pris par tél. pour {nm} (adh. {ref}), né{e} le {dob}. Motif : ajout du conjoint {sp}{mdn}, {sdob}. "
              "NIR conjoint : {nir}. Rappeler la veille au {ph}. RDV {ag} le {cd}.",
              nm=nm(p, c(["fL", "Lf", "fl"])), ref=G.ref(), e="" if p["sex"] == "M" else "e", dob=G.dob(p),
              sp=nm(sp, c(["fl", "fL"])),
              mdn=T(" née {m}", m=nm(maiden, c(["l_only", "L_only"]))) if sp["sex"] == "F" else Doc("", []),
              sdob=T("{pre} {d}", pre="né le" if sp["sex"] == "M" else "date de naissance", d=G.dob(sp)),
              nir=G.nir(sp), ph=G.phone(), ag=c(AGENCIES), cd=G.care_date())
    elif k == 2:
        d = T("Formulaire de prise de rendez-vous – champ « Précisez votre demande » :\n{msg1} mon numero de secu est {nir} "
              "et j'habite {addr}. {msg2} {ph}. merci\n{f}",
              msg1=c(["Bonjour je voudrais passer a l'agence pour mon dossier de remboursement lunettes,",
                      "bjr, c pour modifier mon rib et mon adresse,", "Bonjour, rdv pour ma mère qui ne sait pas utiliser internet,"]),
              nir=G.nir(p, c(["compact", "sp", "nokey"])), addr=G.address(c(["full", "street", "ld"])),
              msg2=c(["Vous pouvez m'appeler au", "dispo le matin au", "mon tel :"]), ph=G.phone(), f=nm(p, c(["f_only", "fl", "low"])))
    elif k == 3:
        d = T("Objet : Report de votre rendez-vous\nBonjour {f},\nVotre conseiller{e2} {adv} est absent{e2} le {cd}. Nous vous proposons "
              "le {cd2} à {h}. Merci de confirmer.\n\n> Le {cd3}, {nm} <{em}> a écrit :\n> Bonjour, je confirme le rdv. "
              "Je viendrai avec ma fille {kid}.\n> {f2}\n> {ph}",
              f=nm(p, c(["f_only", "fl"])), e2="" if adv["sex"] == "M" else "e", adv=nm(adv, c(["fl", "fL", "if"])),
              cd=G.care_date(), cd2=G.care_date(), h=c(["11h", "15h30"]), cd3=G.care_date(), nm=nm(p, c(["fl", "fL"])),
              em=G.email(p), kid=nm(ppl("F"), "f_only"), f2=nm(p, "f_only"), ph=G.phone())
    else:
        d = T("Récapitulatif rendez-vous n° {ref}\nClient : {nm}\nDate de naissance : {dob}\nAdresse : {addr}\nCoordonnées : {ph} / {em}\n"
              "Lieu : {ag}\nCréneau : {cd}, 30 min\nDocuments reçus : RIB {iban}\nConseiller : {adv}",
              ref=G.ref(), nm=nm(p, c(["LF", "Lf", "fL"])), dob=G.dob(p), addr=G.address(), ph=G.phone(), em=G.email(p),
              ag=c(AGENCIES), cd=G.care_date(), iban=G.iban(), adv=nm(adv, c(["if", "fl", "f_only"])))
    return d


def agency_neg(k):
    if k == 0:
        return T("HORAIRES DES AGENCES\n{a1} : lun-ven 9h-12h30 / 13h30-17h30\n{a2} : mar-sam 9h-18h\n{a3} : fermée le {cd} (inventaire)\n"
                 "Accueil sans rendez-vous le jeudi matin. Parking Saint-Martin à 200 m.",
                 a1=ucf(c(AGENCIES)), a2=ucf(c(AGENCIES)), a3=ucf(c(AGENCIES)), cd=G.care_date())
    if k == 1:
        return T("export_creneaux_{d}.txt\nAGENCE;DATE;HEURE;STATUT\n{a};{cd};09:00;LIBRE\n{a};{cd};09:30;RÉSERVÉ\n{a};{cd};10:00;LIBRE\n"
                 "Total créneaux libres : {n} – id export {ref}",
                 d=str(R.randint(20250101, 20261231)), a=c(AGENCIES).upper(), cd=G.care_date(), n=str(R.randint(3, 40)), ref=G.ref())
    return T("Bonjour {{prenom}},\nVotre rendez-vous du {{date_rdv}} à {{heure}} est confirmé à l'{ag}.\n"
             "[Ce message est un modèle – variables non remplacées, ticket {ref}]", ag=c(AGENCIES), ref=G.ref())


# =====================================================================================================
# 8. Vaccination and screening campaign follow-ups
# =====================================================================================================
def screen_pos(k):
    p = ppl(age=R.randint(50, 80))
    if k == 0:
        d = T("Campagne de vaccination antigrippale 2025-2026\n\n{t} {nm}\n{addr}\n\nNé{e} le {dob} – N° d'assuré : {nir}\n\n"
              "{t2},\nNous n'avons pas trouvé trace de votre vaccination cette saison. Le vaccin ({drug}) est pris en charge à "
              "100 % sur présentation du bon joint (réf. {ref}).",
              t=G.title(p), nm=nm(p, c(["fL", "fl", "LF"])), addr=G.address(c(["twoline", "twoline", "res", "ld", "full"])),
              e="" if p["sex"] == "M" else "e", dob=G.dob(p, c(["num", "long"])), nir=G.nir(p), t2=G.title(p, False),
              drug=c(["Efluelda", "Vaxigrip Tetra", "Influvac Tetra"]), ref=G.ref())
    elif k == 1:
        ph_ = ppl()
        d = T("Retour vaccination – {ph_name}\nVaccination réalisée le {cd} par {pharm} (RPPS {rpps}).\nProduit : {drug}, lot {lot}\n"
              "Patient : {nm}, né{e} le {dob}, tél. {ph}\nNIR : {nir}\nFacturé : {amt} (code {ngap})",
              ph_name=c(["Pharmacie Bernard", "Pharmacie du Marché", "Pharmacie Saint-Jean", "Grande Pharmacie Moreau"]),
              cd=G.care_date(), pharm=nm(ph_, c(["fl", "fL", "if"])), rpps=G.rpps(), drug=G.drug(),
              lot=f"{c('ABXYZ')}{R.randint(1000, 9999)}", nm=nm(p, c(["Lf", "LF", "fl"])), e="" if p["sex"] == "M" else "e",
              dob=G.dob(p), ph=G.phone(), nir=G.nir(p), amt=G.amount(), ngap=G.ngap())
    elif k == 2:
        p = ppl("F", R.randint(50, 74))
        doc = ppl()
        d = T("Relance dépistage organisé du cancer du sein – {nm}, {age} ans (née en {by}).\nDernière mammographie : {yr} chez le "
              "Dr {doc}, radiologue à {town}.\nL'adhérente préfère être contactée {via}.\nProchain courrier d'invitation : {mon}.",
              nm=nm(p, c(["fL", "fl", "Lf"])), age=str(2026 - p["y"]), by=G.dob(p, c(["y", "my"])), yr=str(R.randint(2018, 2024)),
              doc=nm(doc, c(["l_only", "fL"])), town=G.town()[1],
              via=T(c(["au {ph}", "par mail ({em})", "au {ph} ou à {em}"]), ph=G.phone(), em=G.email(p)), mon=c(MONTHS))
    elif k == 3:
        mom = ppl("F", R.randint(70, 90))
        mdn = ppl()
        d = T("Bonjour,\nj'ai reçu l'invitation au dépistage du cancer colorectal au nom de ma mère, {mom} née {mdn}, décédée en {yr}. "
              "Merci de mettre à jour son dossier (elle était née le {dob}, n° {nir}).\nVous pouvez me joindre au {ph}.\n",
              mom=nm(mom, c(["fl", "fL"])), mdn=nm(mdn, c(["l_only", "L_only"])), yr=str(R.randint(2019, 2025)),
              dob=G.dob(mom, c(["long", "num", "words"])), nir=G.nir(mom), ph=G.phone())
        d = d + sig(p, 0.4)
    else:
        ide = ppl()
        kid = ppl(age=R.randint(11, 14))
        d = T("Suivi campagne HPV en collège – {school}\nÉlève : {kid}, né{e} le {dob}\nParent signataire : {par} – {ph}\n"
              "1re dose : {cd1} ({drug}) ; 2e dose prévue le {cd2}\nInfirmière scolaire : {ide} (ADELI {adeli})",
              school=c(ORGS[5:]), kid=nm(kid, c(["LF", "Lf", "fL"])), e="" if kid["sex"] == "M" else "e",
              dob=G.dob(kid, c(["num", "short", "iso"])), par=nm(p, c(["fl", "fL"])), ph=G.phone(), cd1=G.care_date(),
              drug=c(["Gardasil 9", "Cervarix"]), cd2=G.care_date(), ide=nm(ide, c(["fl", "fL", "if"])), adeli=G.adeli())
    return d


def screen_neg(k):
    if k == 0:
        return T("BILAN CAMPAGNE {yr}\nTaux de participation au dépistage du cancer du sein : {a} % dans le Finistère, {b} % en Corse-du-Sud, "
                 "{c2} % à La Réunion.\nVaccination antigrippale des plus de 65 ans : {d} %.\nObjectif national : 70 %.",
                 yr=str(R.randint(2023, 2026)), a=f"{R.uniform(30, 70):.1f}".replace(".", ","), b=f"{R.uniform(30, 70):.1f}".replace(".", ","),
                 c2=f"{R.uniform(30, 70):.1f}".replace(".", ","), d=f"{R.uniform(40, 70):.1f}".replace(".", ","))
    if k == 1:
        return T("Vaccins pris en charge dans la campagne : {d1} ; {d2} ; {d3}.\nCodes de facturation : {n1}, {n2}. "
                 "Référence du bon de prise en charge : {fake}. Les injections réalisées {h} ne sont pas concernées.",
                 d1=G.drug(), d2=G.drug(), d3=G.drug(), n1=G.ngap(), n2=G.ngap(), fake=G.fake_nir15(), h=G.a_h())
    return T("Rappel : le dépistage du cancer colorectal concerne les 50-74 ans, tous les 2 ans. Le kit est disponible chez votre "
             "médecin traitant, en pharmacie ou sur internet. Résultat sous 15 jours. Campagne {ref}, lot d'envoi du {cd}.",
             ref=G.ref(), cd=G.care_date())


# =====================================================================================================
# 9. Dental / optical / audiology network-partner exchanges
# =====================================================================================================
CENTRES = ["Centre dentaire Saint-Michel", "Centre de santé dentaire Pasteur", "Optique Lefebvre", "Optic Durand & Co",
           "Audition Mercier", "Cabinet Fontaine Audition", "Dentalia Sainte-Croix", "Les Opticiens du Marché"]


def partner_pos(k):
    p = ppl()
    if k == 0:
        den = ppl()
        d = T("{cen} – SIRET {siret}\nDr {den}, chirurgien-dentiste, RPPS {rpps}\nObjet : demande d'accord sur devis n° {dev}\n"
              "Patient : {pat} (né{e} le {dob}) – NIR {nir}\nActes : {ccam} dent {t1} (couronne céramo-métallique, {a1}) ; "
              "{ccam2} dent {t2} ({a2})\nMerci de confirmer la prise en charge au {ph} ou à {em}.",
              cen=c(CENTRES[:2] + CENTRES[6:7]), siret=G.siret(), den=nm(den, c(["fL", "fl", "if", "L_only"])), rpps=G.rpps(),
              dev=G.ref(), pat=nm(p, c(["fL", "Lf", "LF"])), e="" if p["sex"] == "M" else "e", dob=G.dob(p), nir=G.nir(p),
              ccam=G.ccam(), t1=G.tooth(), a1=G.amount(), ccam2=G.ccam(), t2=G.tooth(), a2=G.amount(),
              ph=G.phone(kind=c(["01", "02", "03", "04", "05"])), em=G.pro_email(den, c(["centre-dentaire.example.fr", "dentalia.example.fr"])))
    elif k == 1:
        opt = ppl()
        doc = ppl()
        d = T("Opticien : {opt} (ADELI {adeli}) – {cen}, SIRET {siret}\nClient : {pat}, {dob}\nOrdonnance du Dr {doc} (RPPS {rpps}) du {cd}\n"
              "Équipement classe {cl} : monture {a1}, verres LPP {lpp} x2 ({a2})\nReste à charge annoncé : {a3}\nTél. client : {ph}",
              opt=nm(opt, c(["fl", "fL", "Lf"])), adeli=G.adeli(), cen=c(CENTRES[2:4] + CENTRES[7:]), siret=G.siret(),
              pat=nm(p, c(["LF", "Lf", "fl"])), dob=G.dob(p, c(["num", "dots", "iso"])), doc=nm(doc, c(["l_only", "fL"])),
              rpps=G.rpps(), cd=G.care_date(), cl=c(["A", "B"]), a1=G.amount(), lpp=G.lpp(), a2=G.amount(), a3=G.amount(),
              ph=G.phone())
    elif k == 2:
        aud = ppl()
        d = T("Bonjour,\nje suis {aud}, audioprothésiste ({cen}, ADELI {adeli}). Votre adhérent{e} {t} {pat}, {addr}, "
              "attend depuis {n} semaines l'accord pour deux appareils (100 % Santé classe I, {a}). Pouvez-vous le ({ph}) "
              "rappeler ? Sa date de naissance : {dob}.\nMerci,\n{audf}",
              aud=nm(aud, c(["fl", "fL"])), cen=c(CENTRES[4:6]), adeli=G.adeli(), e="" if p["sex"] == "M" else "e",
              t=G.title(p), pat=nm(p, c(["fl", "l_only", "fL"])), addr=G.address(c(["full", "street", "res"])),
              n=str(R.randint(2, 9)), a=G.amount(), ph=G.phone(), dob=G.dob(p), audf=nm(aud, c(["f_only", "fl"])))
    elif k == 3:
        den = ppl()
        gest = ppl()
        d = T("Bonjour Dr {den},\nConcernant le devis de {t} {pat} (contrat {ref}), notre accord porte sur {a1} pour l'acte {ccam} "
              "(dent {tt}). Le bridge n'est pas couvert. Le règlement sera fait au centre (SIRET {siret}) sous 10 jours.\n"
              "Pour la patiente, les coordonnées enregistrées sont : {ph} – {em}.\nCordialement,\n{gest}\nRéseau de soins partenaires",
              den=nm(den, c(["l_only", "L_only", "fl"])), t=G.title(p), pat=nm(p, c(["fl", "l_only", "if"])), ref=G.ref(),
              a1=G.amount(), ccam=G.ccam(), tt=G.tooth(), siret=G.siret(), ph=G.phone(), em=G.email(p),
              gest=nm(gest, c(["fl", "fL", "if"])))
    else:
        d = T("Demande d'entrée dans le réseau – formulaire partenaire\nRaison sociale : {cen}\nSIREN : {siren}\n"
              "Gérant(e) : {ger}, né(e) le {dob}\nProfessionnel(s) : {pr1} (RPPS {rpps}) ; {pr2} (ADELI {adeli})\n"
              "Adresse du gérant (courrier personnel) : {addr}\nIBAN pour les règlements de tiers payant : {iban}\nContact : {em}",
              cen=c(CENTRES), siren=G.siret(c(["sr_g", "sr_c", "sr_dot"])), ger=nm(p, c(["fL", "fl", "LF"])), dob=G.dob(p),
              pr1=nm(ppl(), c(["fl", "fL"])), rpps=G.rpps(), pr2=nm(ppl(), c(["fl", "fL"])), adeli=G.adeli(),
              addr=G.address(), iban=G.iban(), em=G.email(p))
    return d


def partner_neg(k):
    if k == 0:
        return T("CONVENTION RÉSEAU DENTAIRE – ANNEXE TARIFAIRE\nCouronne céramo-métallique ({c1}) : plafond {a1}\n"
                 "Inlay-core ({c2}) : plafond {a2}\nDétartrage ({c3}) : tarif opposable\nLes devis supérieurs à {a3} requièrent "
                 "un accord préalable. FINESS du centre de référence : {fi}.",
                 c1=G.ccam(), a1=G.amount(), c2=G.ccam(), a2=G.amount(), c3=G.ccam(), a3=G.amount(), fi=G.finess())
    if k == 1:
        return T("Partenaires optique et audio – {town}\n- {c1} (ouvert le samedi)\n- {c2}\n- {c3}\nRemise réseau : 15 % sur les "
                 "montures hors 100 % Santé. Code partenaire {bad}.",
                 town=G.town_alone(), c1=G.company(), c2=c(CENTRES), c3=c(CENTRES), bad=G.bad_luhn(c([9, 14])))
    return T("Devis n° {ref}\nDent {t1} – {c1} – {a1}\nDent {t2} – {c2} – {a2}\nTotal honoraires : {a3}\nBase de remboursement : {a4}\n"
             "Date du devis : {cd} – validité 6 mois.",
             ref=G.ref(), t1=G.tooth(), c1=G.ccam(), a1=G.amount(), t2=G.tooth(), c2=G.ccam(), a2=G.amount(), a3=G.amount(),
             a4=G.amount(), cd=G.care_date())


STYLES = [
    ("ehpad_admission", ehpad_pos, 5, ehpad_neg, 3),
    ("teleconsult_platform", tele_pos, 5, tele_neg, 3),
    ("hospital_invoice_dispute", hosp_pos, 5, hosp_neg, 3),
    ("sports_licence_injury", sport_pos, 5, sport_neg, 3),
    ("camp_trip_certificate", camp_pos, 5, camp_neg, 3),
    ("app_screenshot_ocr", app_pos, 5, app_neg, 3),
    ("agency_booking", agency_pos, 5, agency_neg, 3),
    ("screening_campaign", screen_pos, 5, screen_neg, 3),
    ("partner_network", partner_pos, 5, partner_neg, 3),
]

PER_STYLE = 112
NEG_PER_STYLE = 20


def noise_line():
    """A hard-negative line appended to some positive texts."""
    return c([f"\nRéf. dossier {G.ref()} – montant {G.amount()}.", f"\n(soins du {G.care_date()}, acte {G.ccam()})",
              f"\nN° de lot interne : {G.fake_nir15()}", f"\nFINESS {G.finess()} – {G.town_alone()}",
              f"\nTraitement en cours : {G.drug()}.", f"\nCode {G.ngap()}, LPP {G.lpp()}.",
              f"\nFacture {G.bad_luhn(14)} du {G.care_date()}.", f"\nPrestataire : {G.company()}.", ""])


def extra_block(k=None):
    """Optional trailing block with a few more personal values (varied wording)."""
    p = ppl()
    k = R.randrange(7) if k is None else k
    if k == 0:
        return T("\nCopie à : {n} ({em})", n=nm(p, c(["fl", "fL"])), em=G.email(p))
    if k == 1:
        return T("\nPS : {pr} nouveau numéro est le {ph}, l'ancien ({ph2}) n'est plus attribué.",
                 pr=c(["mon", "notre"]), ph=G.phone(), ph2=G.phone())
    if k == 2:
        return T("\nSaisi par {n} le {cd} – transmis à {n2}.", n=nm(p, c(["if", "fl", "f_only"])), cd=G.care_date(),
                 n2=nm(ppl(), c(["fl", "if"])))
    if k == 3:
        return T("\nPersonne à prévenir : {n}, {ph}", n=nm(p, c(["fl", "fL", "Lf"])), ph=G.phone())
    if k == 4:
        return T("\nAdresse de correspondance (à compter du {cd}) : {addr}", cd=G.care_date(), addr=G.address())
    if k == 5:
        p = ppl(age=R.randint(25, 80))
        return T("\nNB : {lc}, {t} {n} ({dob}), est également concerné{e}.", lc="le conjoint" if p["sex"] == "M" else "la conjointe",
                 t=G.title(p), n=nm(p, c(["fl", "l_only", "fL"])), dob=G.dob(p), e="" if p["sex"] == "M" else "e")
    return T("\nContact secondaire : {em} / {ph}", em=G.email(p), ph=G.phone())


def build():
    out = []
    for style, pos, npos, neg, nneg in STYLES:
        kinds = ["N"] * NEG_PER_STYLE + ["P"] * (PER_STYLE - NEG_PER_STYLE)
        R.shuffle(kinds)
        i_pos = i_neg = 0
        for j, kind in enumerate(kinds):
            if kind == "P":
                d = pos(i_pos % npos)
                i_pos += 1
                ks = R.sample(range(7), 2)
                if R.random() < 0.55:
                    d = d + extra_block(ks[0])
                if R.random() < 0.25:
                    d = d + extra_block(ks[1])
                if R.random() < 0.45:
                    d = d + noise_line()
            else:
                d = neg(i_neg % nneg)
                i_neg += 1
            spans = sorted(d.spans)
            out.append({"id": f"b12-{style}-{j:03d}", "style": style, "text": d.text, "spans": spans})
    return out


if __name__ == "__main__":
    rows = build()
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "texts,", sum(len(r["spans"]) for r in rows), "spans")
