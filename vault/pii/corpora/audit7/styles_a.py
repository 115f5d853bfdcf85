"""Styles 1-5: reseaux_sociaux, compte_rendu_medical, avis_satisfaction, ticket_support, devis_optique_audio."""
import datetime as dt
from common import *  # noqa


def P(s): return (s, "PERSON")
def D(s): return (s, "DATE_OF_BIRTH")
def A(s): return (s, "ADDRESS")
def T(s): return (s, "PHONE")
def E(s): return (s, "EMAIL")
def N(s): return (s, "NIR")
def S(s): return (s, "SIRET")
def B(s): return (s, "IBAN")
def R(s): return (s, "RPPS")
def AD(s): return (s, "ADELI")


def addr(r, p, mode=None):
    mode = mode if mode is not None else r.randint(0, 5)
    city = p.city.upper() if r.random() < 0.3 else p.city
    if mode in (0, 1):
        return f"{p.street_line()}, {p.cp} {city}"
    if mode == 2:
        return f"{p.street_line()}\n{p.cp} {city}"
    if mode == 3:
        return f"{p.street_line()} {p.cp} {city}"
    if mode == 4:
        return f"{r.choice(['Bât. C', 'Résidence Les Mimosas', 'Apt 12', 'Esc. B, 3e étage'])}, {p.street_line()}\n{p.cp} {city}"
    return p.street_line()


MUT = "Horizon Santé"
MUT_H = "@HorizonSante"
CMS = ["Camille", "Julien", "Sarah", "Maxime", "Inès", "Thomas", "Léa", "Yann"]
EMO = ["😡", "🙏", "😤", "😂", "👍", "🤬", "😢", "❤️", "🙄", "👏", ""]


def pseudo(r):
    return "@" + r.choice(["lachatte56", "bzh_forever", "maman2choc", "ptitloup_29", "cyclo_du_dimanche", "Zebulon44",
                            "la_fourmi", "vieux_grognon", "rosedessables", "Lorient4ever", "petitbrun_", "marchand2sable",
                            "Papy_Boom", "nounours_75", "kiki_la_cata", "Sud_Ouest_Rugby", "BlancNeige22",
                            "Pierre_qui_roule", "ZenAttitude", "hopital_watch"])


def handle_named(r, p):
    f = strip_accents(p.first).lower().replace(" ", "")
    l = strip_accents(p.last).lower().replace(" ", "")
    return r.choice([f"{f}.{l}", f"{f}_{l}", f"{strip_accents(p.first).replace(' ', '')}{strip_accents(p.last).replace(' ', '')}"])


# ============================================================ 1. reseaux_sociaux
def reseaux_sociaux(r, nopii):
    em = r.choice(EMO)
    if nopii:
        k = r.randint(0, 5)
        if k == 0:
            return [f"{MUT_H} ça fait 3 semaines que j'attends mon remboursement pour les lunettes {em} #scandale #mutuelle\n",
                    f"↳ {MUT_H} Bonjour, nous sommes désolés pour ce délai. Pouvez-vous nous écrire en message privé ? ^L'équipe Service Adhérents"]
        if k == 1:
            return [f"Petit coup de gueule : Délai de traitement annoncé 48h, on en est à 12 jours. Merci {MUT} {em}\n",
                    "#Ameli #TiersPayant #RemboursementFantôme\nRéponse: ", pseudo(r)[0:0],
                    "Suite à votre message, votre dossier a bien été transmis au service prestations. Bonne journée ! ^SA"]
        if k == 2:
            return [f"Quelqu'un sait si {MUT} rembourse l'ostéo ? Mon kiné de Saint-Étienne dit que oui, le boulanger d'en bas dit que non 😂 ",
                    f"#questionbête\n{pseudo(r)} : chez moi c'est 4 séances à 35 € par an, forfait médecines douces niveau 3."]
        if k == 3:
            return [f"{pseudo(r)} Bonjour, votre demande concernant le forfait orthodontie (code HBMD049 ×2) est en cours. ",
                    f"Montant estimé : {amount(r, 100, 400)} €. Référence {claim_ref(r)}. N'hésitez pas si besoin ! ^Service Adhérents\n",
                    f"{pseudo(r)} merci mais c'est toujours pas payé au {care_date(r).strftime('%d/%m')} {em}"]
        if k == 4:
            return [f"SONDAGE 📊 Vous êtes plutôt Doctolib ou téléphone pour prendre RDV ? Répondez en commentaire ! ",
                    f"#Santé #Bretagne #Finistère\n{pseudo(r)}: Doctolib sans hésiter\n{pseudo(r)}: téléphone, à l'hôpital Sainte-Anne ils décrochent jamais",
                    f"\n{pseudo(r)}: Pierre qui roule n'amasse pas mousse... ni remboursements {em}"]
        return [f"Merci {MUT} pour la prise en charge de mes semelles orthopédiques (LPP {r.choice(LPP)}), remboursé en 5 jours 👏 ",
                f"Comme quoi tout arrive. Rue de Siam à Brest l'agence est super aussi. #satisfait\n",
                f"↳ {MUT_H} Merci pour ce retour ! Belle journée à vous. ^L'équipe"]
    p = Person(r)
    cm = r.choice(CMS)
    k = r.randint(0, 8)
    if k == 0:
        h = handle_named(r, p)
        return ["@", P(h), f" {MUT_H} toujours aucune nouvelle de mon dossier optique {em} #lenteur\n",
                f"↳ {MUT_H} Bonjour, pouvez-vous nous communiquer votre numéro d'adhérent en MP ? ^", P(cm), "\n",
                "@", P(h), " c'est fait en MP"]
    if k == 1:
        p = Person(r, sex="F")
        return [f"[Message privé] Bonjour, je suis ", P(p.name(r, "fl")), f", adhérente depuis 2011. Voici mon numéro : ",
                T(fmt_phone(r, p.mobile)), " et mon mail ", E(p.email(r)),
                ". Vous pouvez me rappeler après 17h. Née le ", D(fmt_date(r, p.dob)), " si ça aide pour retrouver mon dossier."]
    if k == 2:
        return [pseudo(r), f" {MUT_H} 3 mois pour un remboursement de kiné. 3 MOIS. {em}\n",
                f"↳ {MUT_H} Bonjour, nous comprenons votre agacement. Envoyez-nous vos coordonnées en MP, on regarde ça. ^", P(cm), "\n",
                "[MP] ", P(p.name(r, r.choice(["fl", "Lf"]))), ", n° sécu ", N(fmt_nir(r, p.nir)), ", tél ", T(fmt_phone(r, p.fixe)), " merci"]
    if k == 3:
        m = Person(r, sex="F", min_year=1940, max_year=1960)
        return [f"Moi aussi !! Ma mère (", P(m.name(r, "fl")), f") attend son remboursement d'audioprothèse depuis janvier {em} ",
                "Appelez-la au ", T(fmt_phone(r, m.fixe)), f" plutôt que de répondre avec des messages tout faits. #100PourCentSanté"]
    if k == 4:
        return [f"[MP Instagram] coucou c'est ", P(p.name(r, "f")), " 😊 j'ai changé de banque, voici mon nouveau RIB : ",
                B(fmt_iban(r, make_iban(r))), " . Mon adresse a changé aussi : ", A(addr(r, p, r.choice([0, 1, 3]))),
                f"\n↳ Bonjour ", P(p.first), ", merci, c'est mis à jour dans votre espace adhérent. ^", P(cm)]
    if k == 5:
        d = Person(r)
        return [f"Un grand merci au Dr ", P(d.name(r, r.choice(["l", "fl"]))),
                f" de la clinique Pasteur et à {MUT} pour la prise en charge rapide 👏 Petit bémol : le parking ! #reconnaissance\n",
                f"↳ {MUT_H} Merci ", P(p.first), " pour ce message, on transmet ! ^", P(cm)]
    if k == 6:
        h = handle_named(r, p)
        return ["Réponse à @", P(h), " : Bonjour Mme ", P(p.last), ", vous pouvez nous joindre au ",
                T(fmt_phone(r, "0" + r.choice("12345") + digits(r, 8, "0"), r.choice([0, 3, 6]))),
                " du lundi au vendredi. ^", P(cm), f" {em}"]
    if k == 7:
        return [f"{pseudo(r)} Mon conjoint ", P(p.name(r, "fl")), " (né en ", D(str(p.dob.year)),
                f") n'apparaît plus comme ayant droit sur l'appli !! Je vous mets son mail en MP : ",
                E(fmt_email_obf(r, p.email(r)) if r.random() < 0.4 else p.email(r)), f" {em} #bug"]
    return [f"{MUT_H} bonjour, petit souci : le rose c'est joli mais votre nouvelle appli plante. ",
            "Je suis ", P(p.name(r, r.choice(["fl", "low", "FL"]))), ", mon portable ", T(fmt_phone(r, p.mobile)),
            f". Rappelez-moi svp {em}\n↳ C'est noté, un conseiller vous rappelle demain matin. ^", P(cm)]


# ============================================================ 2. compte_rendu_medical
SPECS = ["Médecin généraliste", "Rhumatologue", "Cardiologue", "Chirurgien orthopédiste", "Gastro-entérologue",
         "Neurologue", "Ophtalmologiste", "Pneumologue", "Dermatologue", "Psychiatre", "Masseur-kinésithérapeute",
         "Chirurgien-dentiste", "Endocrinologue"]


def practitioner_block(r, d, with_adeli=None, with_rpps=True):
    segs = ["Dr ", P(d.name(r, r.choice(["fl", "Lf", "il"]))), f"\n{r.choice(SPECS)}\n"]
    if with_rpps:
        segs += [r.choice(["RPPS : ", "N° RPPS ", "RPPS n° "]), R(fmt_rpps(r, make_rpps(r))), "\n"]
    if with_adeli or (with_adeli is None and r.random() < 0.5):
        segs += [r.choice(["ADELI : ", "N° ADELI ", "AM "]), AD(fmt_adeli(r, make_adeli(r))), "\n"]
    segs += [A(addr(r, d, r.choice([0, 2, 4]))), "\n", r.choice(["Tél. ", "Tél : ", "Secrétariat : "]),
             T(fmt_phone(r, d.fixe)), "\n"]
    if r.random() < 0.3:
        segs += ["Fax ", T(fmt_phone(r, d.fixe[:-2] + f"{r.randint(0, 99):02d}")), "\n"]
    return segs


def compte_rendu_medical(r, nopii):
    drug = r.sample(DRUGS, 3)
    epo = r.choice(EPONYMS)
    hosp = r.choice(HOSPITALS)
    cd = care_date(r)
    if nopii:
        k = r.randint(0, 4)
        if k == 0:
            return ["ORDONNANCE\n\n", f"{drug[0]} : 1 comprimé matin et soir pendant 7 jours\n{drug[1]} : si douleurs, maximum 3 par jour\n",
                    f"{drug[2]} : 1 le matin à jeun\nQSP 3 mois, renouvelable 2 fois.\n\nFait le {fmt_date(r, cd, 1)}"]
        if k == 1:
            return [f"COMPTE RENDU OPÉRATOIRE — {hosp.upper()}\nIntervention : arthroscopie du genou droit (NFKA007)\n",
                    f"Anesthésie : rachianesthésie. Installation en décubitus dorsal, garrot à la racine de la cuisse.\n",
                    f"Constatations : lésion méniscale interne, {epo} non retrouvé(e). Suites simples.\n",
                    f"Sortie prévue le {fmt_date(r, cd, 0)}. Kinésithérapie : 15 séances (AMK 8)."]
        if k == 2:
            return [f"Motif : bilan de {epo}.\nExamen clinique : Babinski négatif, Lasègue positif à 40° à gauche, ",
                    f"réflexes ostéo-tendineux présents et symétriques. Pas de signe de Parkinson.\n",
                    f"Conclusion : lombosciatique L5 gauche. Traitement : {drug[0]}, {drug[1]}. ",
                    f"IRM lombaire à programmer avant le {fmt_date(r, care_date(r), 1)}. Arrêt de travail 10 jours."]
        if k == 3:
            return [f"LETTRE DE SORTIE\nService de cardiologie — {hosp}, Saint-Étienne\n",
                    f"Hospitalisation du {fmt_date(r, cd, 0)} au {fmt_date(r, cd + dt.timedelta(days=4), 0)} pour décompensation cardiaque.\n",
                    f"Traitement de sortie : {drug[0]}, {drug[1]}, {drug[2]}.\nSuivi : consultation à 1 mois, ",
                    f"ETT de contrôle (DZQM006). Régime pauvre en sel. Montant du forfait journalier : 20 € × 4."]
        return [f"SOINS DENTAIRES — plan de traitement\nDent 36 : couronne céramo-métallique (HBLD038)\n",
                f"Dent 46 : inlay-core (HBLD090)\nDents 11 et 21 : détartrage (HBJD001)\n",
                f"Honoraires : {amount(r, 400, 900)} € ; base de remboursement : 120,00 € ; dépassement : {amount(r, 100, 500)} €.\n",
                "Devis valable 3 mois. Merci de le transmettre à votre complémentaire."]
    d = Person(r, min_year=1955, max_year=1990)
    p = Person(r)
    k = r.randint(0, 5)
    pat_dob = fmt_date(r, p.dob, r.choice([0, 0, 1, 2, 4]))
    if k == 0:
        return practitioner_block(r, d) + [f"\n{r.choice(['Brest', 'Rennes', 'Lyon', 'Nantes'])}, le {fmt_date(r, cd, 1)}\n\n",
                                           f"{p.civ()} ", P(p.name(r, r.choice(["fl", "LF", "Lf"]))), *[(a, D(pat_dob), b) for a, b in [r.choice([(" — né(e) le ", "\n"), (", DDN : ", "\n"), (" (né(e) le ", ")\n"), (", née le ", "\n")])]][0],
                                           f"\nORDONNANCE\n{drug[0]} : 1 cp x 3/j pendant 5 jours\n{drug[1]} : 1 cp le soir\nQSP 1 mois\n"]
    if k == 1:
        segs = [f"COMPTE RENDU DE CONSULTATION — {r.choice(SPECS).upper()}\n", "Patient : ", P(p.name(r, "Lf")),
                "  Né(e) le : ", D(pat_dob), "\n"]
        if r.random() < 0.6:
            segs += ["N° SS : ", N(fmt_nir(r, p.nir)), "\n"]
        segs += [f"Adressé par le Dr ", P(Person(r).name(r, r.choice(["l", "fl"]))),
                 f" (motif : {epo}).\nExamen : Lasègue négatif, pas de signe de Babinski.\n",
                 f"Conclusion : {drug[0]} à poursuivre, contrôle dans 3 mois ({hosp}).\n\nDr ", P(d.name(r, "fl")), " — RPPS ",
                 R(make_rpps(r))]
        return segs
    if k == 2:
        return [f"{hosp.upper()}\nService de chirurgie orthopédique\n", A(f"{r.randint(1, 300)} {r.choice(STREETS)}, {p.cp} {p.city}"),
                "\nSecrétariat : ", T(fmt_phone(r, "02" + digits(r, 8, "9"))),
                f"\n\nCOMPTE RENDU OPÉRATOIRE du {fmt_date(r, cd, 0)}\nOpéré(e) : ", P(p.name(r, "LF")),
                ", ", r.choice(["DDN ", "né(e) le ", "date de naissance : "]), D(pat_dob),
                "\nOpérateur : Pr ", P(d.name(r, "fl")), "  Aide : Dr ", P(Person(r).name(r, "l")),
                f"\nIndication : fracture du col fémoral Garden III. Prothèse intermédiaire. Suites simples.\n",
                f"Traitement : {drug[0]}, anticoagulation par {r.choice(['Lovenox 4000 UI', 'Xarelto 10 mg'])} 35 jours."]
    if k == 3:
        ref = Person(r)
        return ["Cher confrère,\n\nJe vous remercie de m'avoir adressé ", f"{p.civ()} ", P(p.name(r, "fl")),
                ", ", r.choice(["âgé(e) de 54 ans, ", ""]), "né(e) le ", D(fmt_date(r, p.dob, 1)),
                f" (bilan : {epo}). Le patient présente un syndrome de Raynaud. Je propose {drug[0]}.\n",
                "Je le reverrai dans 6 mois.\n\nBien confraternellement,\n\nDr ", P(d.name(r, "fl")), "\n",
                A(addr(r, d, 2)), "\n", T(fmt_phone(r, d.fixe)), "\n\nCopie : Dr ", P(ref.name(r, "il")), ", médecin traitant"]
    if k == 4:
        return ["PRESCRIPTION DE KINÉSITHÉRAPIE\n"] + practitioner_block(r, d, with_adeli=True) + [
            "\nPatient(e) : ", P(p.name(r, "fl")), "\nDate de naissance : ", D(pat_dob), "\nN° immatriculation : ",
            N(fmt_nir(r, p.nir, key=r.random() < 0.8)),
            f"\n\n15 séances de rééducation du rachis lombaire (signe de Lasègue à 30°). À domicile : non.\n"]
    return [f"CERTIFICAT MÉDICAL\n\nJe soussigné(e), Dr ", P(d.name(r, "fl")), ", certifie avoir examiné ce jour ",
            P(p.name(r, r.choice(["fl", "Lf"]))), ", demeurant ", A(addr(r, p, r.choice([0, 3]))), ", né(e) le ",
            D(pat_dob), f", et constaté des lésions ({epo}) nécessitant un arrêt de travail de 15 jours.\n",
            f"Fait à {r.choice(CITIES)[1]} le {fmt_date(r, cd, 1)} pour servir et valoir ce que de droit.\nADELI ",
            AD(make_adeli(r))]


# ============================================================ 3. avis_satisfaction
AGENCIES = ["Quimper", "Lorient", "Saint-Brieuc", "Vannes", "Brest Saint-Marc", "Rennes Sud", "Nantes centre",
            "Saint-Étienne", "Saint-Malo", "Lorraine Nord", "Nancy", "Rodez", "Pau"]


def stars(r):
    n = r.randint(1, 5)
    return r.choice([f"{'★' * n}{'☆' * (5 - n)}", f"{n}/5", f"Note : {n} étoiles", f"{n}★"])


def avis_satisfaction(r, nopii):
    ag = r.choice(AGENCIES)
    br = r.choice(BRANDS)
    cd = care_date(r)
    if nopii:
        k = r.randint(0, 5)
        return [[stars(r), f" — Très déçue. Délai de remboursement trop long pour mes lunettes achetées chez {br}. ",
                 "Pouvez-vous m'expliquer pourquoi le 100 % Santé ne s'applique pas ?? Merci de vous améliorer."],
                [stars(r), f" Agence de {ag} : accueil au top, conseillère patiente, explications claires sur le tiers payant. ",
                 f"Seul bémol le site internet qui bug. Je recommande."],
                [f"Verbatim Q7 : « Suite à mon hospitalisation à l'hôpital Sainte-Anne le {fmt_date(r, cd, 1)}, ",
                 f"tout a été pris en charge sans avance de frais. Parfait. » — Note : {r.randint(7, 10)}/10"],
                [stars(r), " franchement nul. Doctolib plus rapide que vous pour tout. Le petit conseiller au tel ne savait rien, ",
                 "ma demande de devis dentaire (couronne dent 26) est restée sans réponse 3 semaines. Résiliation en vue."],
                [f"Réponse de la mutuelle : Bonjour, merci pour votre avis. Nous sommes désolés de cette expérience à l'agence de {ag}. ",
                 "Pouvez-vous nous contacter via votre espace adhérent pour que nous étudiions votre dossier ? L'équipe Relation Adhérents"],
                [f"Enquête NPS T{r.randint(1, 4)} — {ag} — {r.randint(30, 400)} répondants — score {r.randint(-20, 60)}. ",
                 f"Verbatims fréquents : « délai », « Ameli », « remboursement optique », « Afflelou ». Pas d'amélioration depuis mars."]][k]
    adv = Person(r)
    p = Person(r)
    k = r.randint(0, 7)
    if k == 0:
        return [stars(r), f" Merci à ", P(adv.first), f" de l'agence de {ag} qui a débloqué mon dossier en 10 minutes après 2 mois d'attente !!"]
    if k == 1:
        return [stars(r), " Le conseiller ", P(adv.name(r, r.choice(["f", "fl"]))),
                " m'a raccroché au nez. Inadmissible. Je veux être rappelée au ", T(fmt_phone(r, p.mobile)), " par un responsable."]
    if k == 2:
        return [f"Avis Google — ", P(p.name(r, r.choice(["fl", "il"]))), f" — {stars(r)}\n",
                f"Super accueil de ", P(adv.first), f", mes lunettes {br} prises en charge en 100 % Santé. Rien à dire."]
    if k == 3:
        return [f"Verbatim : « Je m'appelle ", P(p.name(r, "fl")), f", adhérente à l'agence de {ag}. ",
                f"Mme ", P(adv.last), " a été formidable pour mon dossier d'audioprothèse (Amplifon). »"]
    if k == 4:
        return [stars(r), " merci a ", P(adv.name(r, "low")), f" tres pro et a l ecoute. par contre le site {br} et le votre cest pas ca.. ",
                "vous pouvez m ecrire : ", E(p.email(r))]
    if k == 5:
        return [f"Réponse de {MUT} : Bonjour ", P(p.name(r, "f")), ", merci pour votre retour. ",
                P(adv.first), f" transmettra vos remarques à l'agence de {ag}. Belle journée !"]
    if k == 6:
        return [stars(r), f" Délai de 3 jours pour les soins du {fmt_date(r, cd, 0)}, bien. Mais pour ma fille (",
                P(Person(r, sex="F").first), ", née le ", D(fmt_date(r, dt.date(r.randint(2008, 2020), r.randint(1, 12), r.randint(1, 28)))),
                ") l'orthodontie n'a jamais été remboursée. Je ne comprends pas."]
    return [f"{stars(r)} Agence {ag} — ", P(adv.name(r, "Lf")), " (conseiller) : ",
            "très bon accueil, m'a aidé à remplir le dossier CSS. Mon adresse était fausse dans vos fichiers : c'est ",
            A(addr(r, p, r.choice([0, 3]))), " et non l'ancienne. Merci !"]


# ============================================================ 4. ticket_support
UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
       "HorizonSanteApp/4.12.1 (Android 14; SM-A546B)"]


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def b64(r, n):
    return "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n)) + "=="


def ip(r):
    return f"{r.randint(2, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def ts(r):
    d = care_date(r, 2026)
    return f"{d.isoformat()}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"


def ticket_support(r, nopii):
    tid = f"INC-{r.randint(100000, 999999)}"
    if nopii:
        k = r.randint(0, 4)
        return [[f"Ticket {tid} | Priorité P3 | Catégorie : Connexion\nDescription : erreur 500 sur /api/v2/remboursements?page=2\n",
                 f"Stack: java.lang.NullPointerException at fr.horizon.portal.ClaimService.load(ClaimService.java:{r.randint(40, 400)})\n",
                 f"session={hexs(r, 32)} ip={ip(r)} ua=\"{r.choice(UAS)}\"\nStatut : résolu par redéploiement du {ts(r)}"],
                [f"[{ts(r)}] WARN auth.token expired sub=anon trace={hexs(r, 16)}\n[{ts(r)}] ERROR jwt={b64(r, 40)}\n",
                 f"Pouvez-vous vérifier le certificat du load-balancer ? Incident lié au {tid}. Merci."],
                [f"Ticket {tid}\nL'adhérent signale que le bouton « Télécharger mon attestation » ne fait rien sous Safari. ",
                 f"Reproduit sur iOS 17.5. Contournement : Chrome. Numéro de contrat {r.choice('ABCDM')}{fake_9(r)} (non transmis au dev). ",
                 f"Identifiant de commande {fake_14(r)}. Assigné à l'équipe Front."],
                [f"Merci de purger le cache CDN. Délai de propagation : 15 min. Hash du bundle {hexs(r, 40)}. ",
                 f"Pages concernées : /espace-adherent/garanties, /mes-devis. Ticket parent {tid}. Statut : EN COURS."],
                [f"Export supervision {care_date(r, 2026).strftime('%d/%m/%Y')} : 4 312 connexions, 27 échecs OTP, ",
                 f"12 tickets ouverts, délai moyen 3h12. Transaction de test {fake_15(r)} rejetée (clé invalide) comme attendu."]][k]
    p = Person(r)
    em = p.email(r)
    k = r.randint(0, 6)
    if k == 0:
        return [f"Ticket {tid} — Connexion impossible\nBonjour ", P(p.name(r, r.choice(["fl", "f"]))),
                ",\nVotre identifiant de connexion est ", E(em), f". Suite à 5 tentatives échouées le compte a été verrouillé ({ts(r)}). ",
                "Un lien de réinitialisation vous a été envoyé. Cordialement, Support Horizon Santé"]
    if k == 1:
        return [f"De : ", E(em), f"\nObjet : appli bloquée\n\nBonjour, je n'arrive plus à me connecter depuis la mise à jour, ",
                f"message « ERR_OTP_TIMEOUT ». Pouvez-vous me rappeler au ", T(fmt_phone(r, p.mobile)), " ?\n",
                P(p.name(r, r.choice(["fl", "FL", "Lf"]))), f"\n\n--\nip={ip(r)} ua=\"{r.choice(UAS)}\""]
    if k == 2:
        return [f"[{ts(r)}] INFO login ok user=", E(em), f" session={hexs(r, 24)}\n",
                f"[{ts(r)}] ERROR upload failed file=justificatif_{hexs(r, 6)}.pdf size=12.4MB (max 10MB)\n",
                f"Commentaire agent : rappel de l'adhérente ", P(p.name(r, "Lf")), " au ", T(fmt_phone(r, p.fixe)), " — OK."]
    if k == 3:
        return [f"Ticket {tid}\nDemande de changement d'e-mail : ancien ", E(em), " → nouveau ", E(Person(r).email(r) if False else p.email(r)),
                "\nVérification identité : NIR ", N(fmt_nir(r, p.nir, r.choice([2, 0]))), ", date de naissance ",
                D(fmt_date(r, p.dob, r.choice([0, 3]))), f" ✔\nToken={b64(r, 32)}"]
    if k == 4:
        return ["Bonjour, je suis ", P(p.name(r, "fl")), ", mon fils ", P(Person(r, sex="M").first),
                " n'apparaît pas dans l'appli alors qu'il est ayant droit. Il est né le ", D(fmt_date(r, dt.date(r.randint(2006, 2022), r.randint(1, 12), r.randint(1, 28)))),
                f". Capture jointe : erreur 403 Forbidden. Mon login : ", E(em), f"\n\n(session {hexs(r, 32)})"]
    if k == 5:
        return [f"Incident {tid}: le RIB ne s'enregistre pas. IBAN saisi : ", B(fmt_iban(r, make_iban(r), r.choice([0, 3]))),
                f"\nErreur : « IBAN_FORMAT_INVALID » alors que le format est correct. Adhérent : ", P(p.name(r, "LF")),
                f" / {ip(r)}\nRéponse N2 : bug regex corrigé en 4.12.2."]
    return [f"Chat support {ts(r)}\nAgent (", P(r.choice(CMS)), ") : Bonjour, à qui ai-je l'honneur ?\nVisiteur : ",
            P(p.name(r, "low")), "\nAgent : Pouvez-vous me confirmer votre adresse postale ?\nVisiteur : ",
            A(addr(r, p, r.choice([0, 3]))), "\nAgent : Merci, le courrier de réinitialisation part aujourd'hui."]


# ============================================================ 5. devis_optique_audio
FRAMES = ["Ray-Ban RB5154", "Oakley OX8046", "Lacoste L2858", "Chanel 3392", "Tom Ford FT5401", "Jean Lafont Mirabeau",
          "Maison Lejeune ML-12", "Krys KX104", "Morel 40121M"]


def lens_rx(r):
    def v(lo, hi):
        return f"{r.choice([-1, 1]) * r.randint(lo, hi) * 0.25:+.2f}".replace(".", ",")
    return f"OD : sph {v(0, 24)} cyl {v(0, 8)} axe {r.randint(0, 180)}° add {v(4, 12)}\nOG : sph {v(0, 24)} cyl {v(0, 8)} axe {r.randint(0, 180)}°"


def shop_block(r, shop, opt):
    siret = make_siret(r)
    return [f"{shop}\n", A(f"{r.randint(1, 120)} {r.choice(STREETS)}, {opt.cp} {opt.city}"), "\nSIRET ",
            S(fmt_siret(r, siret)), " — Tél. ", T(fmt_phone(r, opt.fixe)), "\n"]


def devis_optique_audio(r, nopii):
    shop = r.choice(["Optic 2000", "Krys", "Atol Les Opticiens", "Audika", "Amplifon", "Lissac", "Optique du Port",
                     "Optique Martin & Fils", "L'Atelier de l'Opticien", "Grand Audition", "Afflelou"])
    if nopii:
        k = r.randint(0, 3)
        return [[f"DEVIS NORMALISÉ — OPTIQUE\nÉquipement classe A (100 % Santé)\nMonture {r.choice(FRAMES)} : 30,00 € (LPP {r.choice(LPP)})\n",
                 f"Verres unifocaux : {lens_rx(r)}\nBase de remboursement : 42,90 € — RAC 0\nRéf. produit {fake_14(r)}"],
                [f"PEC tiers payant — demande n° {fake_9(r)}\nAppareils auditifs classe I x2 (Phonak Audéo) : 950,00 € l'unité\n",
                 f"LPP 2355084 — base 400,00 € — part RO 240,00 € — part RC 710,00 € — RAC 0 €.\nDate de délivrance prévue : {fmt_date(r, care_date(r), 0)}."],
                [f"RÉCAPITULATIF DEVIS\nVerres progressifs Varilux X : {amount(r, 200, 500)} € x2\nMonture {r.choice(FRAMES)} : {amount(r, 80, 300)} €\n",
                 f"Classe B — dépassement {amount(r, 50, 300)} €. Garantie 2 ans. Code barre {fake_15(r)}."],
                [f"ACCORD DE PRISE EN CHARGE\nMontant accordé : {amount(r, 100, 900)} €\nValidité : 3 mois\nN° d'accord {fake_15(r)}\n",
                 "Verres : classe A. Monture : classe B (plafond 100 €). Merci de joindre la facture acquittée."]][k]
    opt = Person(r)
    p = Person(r)
    k = r.randint(0, 4)
    dob = fmt_date(r, p.dob, r.choice([0, 0, 2, 4]))
    if k == 0:
        return ["DEVIS NORMALISÉ OPTIQUE\n"] + shop_block(r, shop, opt) + [
            "Opticien : ", P(opt.name(r, r.choice(["fl", "Lf"]))), " — ADELI ", AD(make_adeli(r)), "\n",
            "Bénéficiaire : ", P(p.name(r, "LF")), "  né(e) le ", D(dob), "\n", lens_rx(r),
            f"\nMonture {r.choice(FRAMES)} : {amount(r, 60, 250)} €  — LPP {r.choice(LPP)}\nRAC : {amount(r, 0, 200)} €"]
    if k == 1:
        return ["DEMANDE DE PRISE EN CHARGE — AUDIOPROTHÈSE\n"] + shop_block(r, shop, opt) + [
            "Audioprothésiste : ", P(opt.name(r, "fl")), "\nPatient : ", f"{p.civ()} ", P(p.name(r, "fl")),
            ", DDN ", D(dob), "\nN° SS : ", N(fmt_nir(r, p.nir)),
            f"\nAppareil classe II Oticon More 1 ×2 — {amount(r, 1200, 1900)} € l'unité — base 400 € — 100 % Santé : non"]
    if k == 2:
        return [f"PEC optique — {shop}\n", "Assuré : ", P(p.name(r, "Lf")), " (", N(fmt_nir(r, p.nir, 2)), ")\n",
                "Bénéficiaire : ", P(Person(r).first), ", enfant, né(e) le ",
                D(fmt_date(r, dt.date(r.randint(2010, 2021), r.randint(1, 12), r.randint(1, 28)), 0)), "\n",
                lens_rx(r), "\nSIREN magasin : ", S(fmt_siret(r, make_siren(r))), f"\nTotal : {amount(r, 150, 700)} €"]
    if k == 3:
        return [f"Bonjour,\nJe vous transmets le devis de {shop} pour mes nouvelles lunettes. L'opticienne, Mme ",
                P(opt.last), ", m'a dit que c'était du 100 % Santé. Mon RIB pour le remboursement : ",
                B(fmt_iban(r, make_iban(r))), "\nCordialement,\n", P(p.name(r, "fl")), "\n", A(addr(r, p, 2)), "\n",
                T(fmt_phone(r, p.mobile))]
    return ["FACTURE ", f"n° {r.randint(1000, 9999)}-{r.randint(100, 999)}\n"] + shop_block(r, shop, opt) + [
        "Client : ", P(p.name(r, r.choice(["LF", "fl"]))), "\n", A(addr(r, p, 2)), "\nDate de naissance : ", D(dob),
        f"\nLentilles Acuvue Oasys x6 boîtes — {amount(r, 100, 300)} € — LPP 2203240\nPrescripteur : Dr ",
        P(Person(r).name(r, "l")), "  RPPS ", R(make_rpps(r))]


STYLES_A = [("reseaux_sociaux", reseaux_sociaux), ("compte_rendu_medical", compte_rendu_medical),
            ("avis_satisfaction", avis_satisfaction), ("ticket_support", ticket_support),
            ("devis_optique_audio", devis_optique_audio)]
