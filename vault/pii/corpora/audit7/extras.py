"""Extra templates (PII and no-PII) mixed into every style for variety."""
import datetime as dt
from common import *  # noqa
from styles_a import P, D, A, T, E, N, S, B, R, AD, addr, MUT, MUT_H, CMS, EMO, pseudo, handle_named, stars, hexs, ip, ts, UAS, lens_rx, FRAMES, practitioner_block
from styles_b import rg, LAWS, COURTS, COMPANIES, FOREIGN_ADDR, MUT_ADDR, MUT_SIREN, dob_phrase


# ------------------------------------------------------------------ reseaux_sociaux
def rs_pii(r):
    p = Person(r)
    cm = r.choice(CMS)
    em = r.choice(EMO)
    k = r.randint(0, 5)
    if k == 0:
        w = r.choice(COMMON_WORD_NAMES[:6])
        return [f"{MUT_H} c'est M. ", P(w), f", le pharmacien de la place, qui m'a dit que vous ne remboursiez plus le {r.choice(DRUGS).split()[0]}. C'est vrai ?? {em}\n",
                f"↳ Bonjour, non, le remboursement dépend de la Sécurité sociale. ^", P(cm)]
    if k == 1:
        g = Person(r, min_year=1925, max_year=1940)
        return [f"#JusticePourMamie ma grand-mère ", P(g.name(r, "fl")), " (née en ", D(str(g.dob.year)),
                f") attend son fauteuil roulant depuis 4 mois. Partagez !! {em} {MUT_H}"]
    if k == 2:
        return [pseudo(r), " ", MUT_H, " je vous ai envoyé mon mail en MP : ", E(fmt_email_obf(r, p.email(r))),
                f" (j'écris comme ça à cause des robots 😅)\n↳ Bien reçu, merci ! ^", P(cm)]
    if k == 3:
        return [P(p.name(r, "f")), f" ici 👋 je confirme, l'agence de {r.choice(['Quimper', 'Lorient', 'Rennes'])} m'a rappelée dans l'heure. ",
                "Si ça peut aider quelqu'un, la conseillère s'appelle ", P(Person(r, sex="F").first), f". #merci {em}"]
    if k == 4:
        return [f"[DM] Bonsoir, numéro de sécu de mon fils ", P(Person(r, sex="M").first), " : ", N(fmt_nir(r, Person(r, min_year=2005, max_year=2020).nir)),
                " il est à ma charge. Moi c'est ", P(p.name(r, "Lf")), ", 📞 ", T(fmt_phone(r, p.mobile, r.choice([2, 5, 7]))), f" {em}"]
    h = handle_named(r, p)
    return [f"Bravo à l'équipe de l'hôpital Sainte-Anne et au Dr ", P(Person(r).last), " 🙏 @", P(h), f" tu vois que ça marche ! #Parkinson #aidants"]


def rs_nopii(r):
    k = r.randint(0, 2)
    return [[f"Rose, blanc ou bleu ? 🎨 Votez pour la couleur de notre nouvelle carte de tiers payant ! ",
             f"#HorizonSanté #Bretagne\n{pseudo(r)}: rose évidemment\n{pseudo(r)}: blanc, plus sobre. Petit détail : la carte 2025 était déjà illisible {r.choice(EMO)}"],
            [f"THREAD 🧵 1/4 Vous partez en vacances ? Pensez à la carte européenne d'assurance maladie (CEAM), à demander sur Ameli 15 jours avant. ",
             "2/4 Gardez toutes vos factures. 3/4 Au retour, envoyez-les depuis l'appli. 4/4 Délai moyen de remboursement : 7 jours."],
            [f"{pseudo(r)} bonjour, le forfait sevrage tabagique (patchs Nicopatch) est de 150 €/an. Merci pour votre question ! ^Le Service Adhérents\n",
             f"{pseudo(r)} Martin-pêcheur sur ma fenêtre ce matin à Saint-Malo, rien à voir mais ça fait du bien 🐦"]][k]


# ------------------------------------------------------------------ compte_rendu_medical
def crm_pii(r):
    d = Person(r, min_year=1955, max_year=1990)
    p = Person(r)
    k = r.randint(0, 3)
    if k == 0:
        return [f"Centre de radiologie des Lices\n", A(f"{r.randint(1, 60)} {r.choice(STREETS)}, {d.cp} {d.city}"),
                "\n\nIRM DU RACHIS LOMBAIRE\nPatient : ", P(p.name(r, "LF")), " — ", D(fmt_date(r, p.dob, 0)),
                "\nIndication : lombosciatique, Lasègue positif.\nRésultat : hernie discale L4-L5 ; pas de signe de Modic.\n",
                "Dr ", P(d.name(r, "il")), ", radiologue"]
    if k == 1:
        return [f"Chère consœur,\n", P(p.name(r, "f")), f", {r.randint(20, 80)} ans, suivi(e) pour une maladie de Crohn, ",
                f"est hospitalisé(e) dans le service depuis le {fmt_date(r, care_date(r), 1)}. Sa sœur, ",
                P(Person(r, sex="F").name(r, "fl")), ", personne de confiance, est joignable au ", T(fmt_phone(r, p.mobile)),
                ".\nBien à vous,\nDr ", P(d.name(r, "fl")), " (RPPS ", R(make_rpps(r)), ")"]
    if k == 2:
        return ["ORDONNANCE BIZONE\n"] + practitioner_block(r, d, with_adeli=False) + [
            "\n", P(p.name(r, "FL")), "\n", D(fmt_date(r, p.dob, 0)), " — ", f"{r.randint(40, 95)} kg\n\n",
            "Affection exonérante (ALD) :\n", f"{r.choice(DRUGS)} 1/j\n", "Sans rapport avec l'ALD :\n", f"{r.choice(DRUGS)} si besoin\n"]
    return [f"Infirmier(e) libéral(e) : ", P(d.name(r, "fl")), " — ADELI ", AD(fmt_adeli(r, make_adeli(r))), "\n",
            "Cabinet : ", A(addr(r, d, 0)), " — ", T(fmt_phone(r, d.mobile)), "\n",
            f"Soins à domicile chez ", P(p.name(r, r.choice(["Lf", "fl"]))), " (", D(fmt_date(r, p.dob, 1)), "), ",
            A(addr(r, p, 3)), f" : pansement complexe (AMI 4) 1 jour sur 2 pendant 1 mois."]


def crm_nopii(r):
    k = r.randint(0, 2)
    return [[f"PROTOCOLE DE SOINS — ALD 30\nPathologie : maladie de Parkinson (G20)\nTraitement : Modopar 125, Azilect 1 mg\n",
             "Actes et prestations : kinésithérapie (AMK 8), orthophonie (AMO 13,5), consultation neurologique semestrielle.\n",
             "Signature du médecin traitant et du médecin conseil : voir original."],
            [f"ÉCHOGRAPHIE ABDOMINALE ({r.choice(CCAM)})\nFoie de taille normale, pas de dilatation des voies biliaires. ",
             "Signe de Murphy échographique négatif. Vésicule alithiasique. Rate homogène. Reins sans particularité.\n",
             f"Conclusion : examen normal. Réalisé au {r.choice(HOSPITALS)} le {fmt_date(r, care_date(r), 0)}."],
            [f"Prescription : {r.choice(DRUGS)}, {r.choice(DRUGS)}.\nRenouvellement : 3 mois. Non substituable (NS) pour le Lévothyrox.\n",
             "Ne pas conduire après la prise. Délai avant nouveau bilan : 6 semaines. Pierre angulaire du traitement : l'activité physique."]][k]


# ------------------------------------------------------------------ avis_satisfaction
def av_pii(r):
    adv = Person(r)
    p = Person(r)
    k = r.randint(0, 4)
    if k == 0:
        return [P(adv.first), f" est la meilleure !!! {stars(r)} Elle a tout expliqué pour le remboursement de mes semelles, ",
                "et elle a même rappelé ma mère. Ne changez rien."]
    if k == 1:
        return [f"{stars(r)} Je ne recommande pas. Mon dossier dentaire (dent 36 et 37) est bloqué. ",
                f"J'ai eu 4 interlocuteurs différents dont un certain ", P(adv.name(r, "f")), " qui ne m'a jamais rappelée. ",
                f"Je laisse mon numéro : ", T(fmt_phone(r, p.mobile)), " — ", P(p.name(r, "fl"))]
    if k == 2:
        return [f"Verbatim enquête (adhérent ", P(p.name(r, "LF")), f", contrat famille) : « Accueil parfait de M. ",
                P(adv.last), " à l'agence. Par contre Optic 2000 a dû refaire le devis 3 fois. »"]
    if k == 3:
        return [f"{stars(r)} trop bien l'appli, remboursement de l'ostéo en 48h. Merci ", P(adv.name(r, "low")),
                " pour l'aide au téléphone !! et bisous à ", P(Person(r).first), " de Krys Lorient 😉"]
    return [f"Avis Trustpilot — {stars(r)}\n« Très satisfaite de la mutuelle. Seul bémol : le courrier envoyé à mon ancienne adresse (",
            A(f"{p.street_line()}, {p.cp} {p.city}"), ") alors que j'avais signalé mon déménagement. » — ", P(p.name(r, "il"))]


def av_nopii(r):
    k = r.randint(0, 2)
    return [[f"{stars(r)} Service client injoignable le lundi matin. Pourquoi pas un rappel automatique ? ",
             "Délai de remboursement correct (5 jours). Site Ameli mieux fait que le vôtre, honnêtement."],
            [f"{stars(r)} Marchand de lunettes Krys très pro, prise en charge tiers payant immédiate. ",
             f"Le 100 % Santé c'est top pour les enfants. Merci à l'agence de Saint-Brieuc."],
            [f"Suite à ma réclamation du {fmt_date(r, care_date(r), 1)}, tout a été réglé. Petit plus : ",
             "le conseiller a pris le temps. Note 9/10. Amélioration suggérée : les courriers en Braille."]][k]


# ------------------------------------------------------------------ ticket_support
def ts_pii(r):
    p = Person(r)
    k = r.randint(0, 3)
    if k == 0:
        return [f"POST /api/v2/members/profile 422\n{{\"email\": \"", E(p.email(r)), "\", \"phone\": \"",
                T(fmt_phone(r, p.mobile, r.choice([5, 7]))), "\", \"birthDate\": \"", D(p.dob.isoformat()),
                f"\", \"error\": \"PHONE_ALREADY_USED\"}}\ntrace_id={hexs(r, 32)}"]
    if k == 1:
        return [f"Bonjour ", P(p.name(r, "f")), f",\nNous avons bien reçu votre demande ({r.choice(['INC', 'REQ'])}-{r.randint(100000, 999999)}). ",
                f"Le problème d'affichage des remboursements sous Firefox est connu et sera corrigé le {fmt_date(r, care_date(r, 2026), 0)}.\n",
                "Cordialement,\n", P(Person(r).name(r, "fl")), "\nSupport technique — niveau 2"]
    if k == 2:
        return [f"[{ts(r)}] user_login=", E(p.email(r)), f" status=LOCKED attempts=5 src={ip(r)}\n",
                f"[{ts(r)}] reset_password sent_to=", E(p.email(r)), " sms_to=", T("+33" + p.mobile[1:]), "\n"]
    return [f"Note de rappel : M./Mme ", P(p.name(r, "L")), " a rappelé ; identifiant adhérent ", f"{r.randint(10000000, 99999999)}",
            ", né(e) le ", D(fmt_date(r, p.dob, 0)), ". Problème : code SMS jamais reçu sur le ", T(fmt_phone(r, p.mobile)),
            ". Opérateur : Free. Contournement : envoi par e-mail."]


def ts_nopii(r):
    k = r.randint(0, 1)
    return [[f"Release notes 4.12.2\n- Correction : le champ IBAN acceptait des espaces en fin de saisie\n- Nouveau : export PDF des décomptes\n",
             f"- Sécurité : rotation des clés (kid={hexs(r, 8)})\nBuild {fake_14(r)} — déployé le {fmt_date(r, care_date(r, 2026), 0)}"],
            [f"Ticket INC-{r.randint(100000, 999999)} — Merci de vérifier pourquoi l'agence de Saint-Étienne ne voit plus les devis. ",
             f"Erreur : ORA-{r.randint(10000, 29999)}. Base : PROD_ADH. Numéro de lot {fake_15(r)}. Statut : à qualifier."]][k]


# ------------------------------------------------------------------ devis_optique_audio
def dv_pii(r):
    opt = Person(r)
    p = Person(r)
    k = r.randint(0, 2)
    if k == 0:
        return [f"Demande de PEC envoyée par l'opticien ", P(opt.name(r, "fl")), " (", E(f"contact@optique-{strip_accents(opt.last).lower().replace(' ', '-')}.fr"),
                ")\nAssuré : ", N(fmt_nir(r, p.nir, r.choice([0, 2]))), " — bénéficiaire : ", P(p.name(r, "Lf")),
                "\n", lens_rx(r), f"\nÉquipement 100 % Santé, monture {r.choice(FRAMES)}."]
    if k == 1:
        return [f"DEVIS AUDIO — Grand Audition\nSIRET : ", S(fmt_siret(r, make_siret(r))), "\n", A(f"{r.randint(1, 80)} {r.choice(STREETS)}\n{opt.cp} {opt.city}"),
                "\nPatient(e) : ", P(p.name(r, "fl")), ", date de naiss. ", D(fmt_date(r, p.dob, 2)),
                "\nPrescription ORL : Dr ", P(Person(r).name(r, "fl")), " — RPPS ", R(fmt_rpps(r, make_rpps(r))),
                f"\nAppareils Signia classe I x2 : 1 900,00 € — RAC 0 €"]
    return [f"Objet : devis lunettes de ma fille ", P(Person(r, sex="F").first), " (", D(fmt_date(r, dt.date(r.randint(2010, 2020), r.randint(1, 12), r.randint(1, 28)), 1)),
            f")\nBonjour, voici le devis de Krys pour ma fille. {'La vendeuse' if opt.sex == 'F' else 'Le vendeur'} du magasin, ", P(opt.name(r, "fl")),
            ", m'a dit que vous le recevriez directement. Merci de me répondre à ", E(p.email(r)), ".\n", P(p.name(r, "fl"))]


def dv_nopii(r):
    return [f"BON DE COMMANDE VERRES\nFournisseur : Essilor — réf. {fake_9(r)}\nVerres Varilux Comfort Max, indice 1,6, traitement Crystal UV\n",
            lens_rx(r), f"\nLivraison prévue sous 8 jours. LPP {r.choice(LPP)}. Montant HT {amount(r, 100, 400)} €."]


# ------------------------------------------------------------------ courrier_juridique
def cj_pii(r):
    p = Person(r, min_year=1945, max_year=1995)
    law = r.choice(LAWS)
    k = r.randint(0, 2)
    if k == 0:
        return [f"COUR D'APPEL DE RENNES — {rg(r)}\nAPPELANT :\n", f"{p.civ()} ", P(p.name(r, "LF")), "\nné(e) le ", D(fmt_date(r, p.dob, 0)),
                f" à {r.choice(CITIES)[1]}\ndemeurant ", A(addr(r, p, 2)), "\nreprésenté(e) par Me ", P(Person(r).name(r, "fl")),
                f"\nINTIMÉE :\n{MUT}, SIREN ", S(MUT_SIREN), ", prise en la personne de son représentant légal"]
    if k == 1:
        return [f"Monsieur le Médiateur,\nJe soussigné ", P(p.name(r, "fl")), ", né le ", D(fmt_date(r, p.dob, 1)),
                f", conteste la résiliation de mon contrat. L'{law} n'a pas été respecté. Joignable au ",
                T(fmt_phone(r, p.mobile)), " ou par courriel (", E(p.email(r)), ").\nPièces : avis d'échéance, courrier du ",
                f"{fmt_date(r, care_date(r), 0)}."]
    emp = r.choice(COMPANIES)
    return [f"Requête en injonction de payer\nCréancier : {emp}, SIRET ", S(fmt_siret(r, make_siret(r))), ", ",
            A(f"{r.randint(1, 100)} {r.choice(STREETS)}, {r.choice(CITIES)[0]} {r.choice(CITIES)[1]}"),
            "\nDébiteur : ", P(p.name(r, "fl")), ", demeurant ", A(addr(r, p, 0)),
            f"\nSomme due : {amount(r, 300, 3000)} € (facture d'audioprothèse). Vu l'{law}."]


def cj_nopii(r):
    return [f"Avis de la commission de recours amiable\nSéance du {fmt_date(r, care_date(r), 1)}\n",
            f"La commission confirme la décision de refus (dossier {r.randint(1000, 9999)}/{r.randint(10, 99)}) : ",
            f"l'acte HBLD724 n'est pas inscrit à la nomenclature. Voies de recours : {r.choice(COURTS)}, délai de deux mois."]


# ------------------------------------------------------------------ multilingue
def ml_pii(r):
    k = r.randint(0, 3)
    if k == 0:
        p = Person(r, born_abroad="Viêt Nam")
        p.first, p.last = r.choice([("Thi Lan", "Nguyen"), ("Van Minh", "Tran"), ("Linh", "Pham"), ("Quang", "Hoang"), ("Huong", "Dang")])
        return ["Xin chào, bonjour, tôi là ", P(f"{p.last.upper()} {p.first}"), ". Je suis née à Hanoï le ", D(fmt_date(r, p.dob, 0)),
                ". Numéro sécu : ", N(fmt_nir(r, p.nir)), ". Con trai tôi (mon fils) ", P("Minh"), " sống ở ", A(addr(r, p, 0)),
                ". Cảm ơn. Tél ", T(fmt_phone(r, p.mobile))]
    if k == 1:
        p = Person(r, born_abroad="Turquie")
        p.first, p.last = r.choice([("Mehmet", "Yılmaz"), ("Ayşe", "Kaya"), ("Emre", "Demir"), ("Zeynep", "Çelik"), ("Murat", "Öztürk")])
        return ["Merhaba, je m'appelle ", P(f"{p.first} {p.last}"), ", doğum tarihi ", D(fmt_date(r, p.dob, 2)),
                ". J'habite ", A(addr(r, p, 0)), ". Annem (ma mère) lives in Istanbul, ", A(f"Bağdat Caddesi No: {r.randint(1, 400)}, 34710 İstanbul"),
                ", tel ", foreign_phone(r), ". Teşekkürler."]
    if k == 2:
        p = Person(r, born_abroad=r.choice(["Maroc", "Algérie", "Tunisie"]))
        p.first = r.choice(["Mohamed", "Karim", "Youssef", "Rachid", "Samir"]) if p.sex == "M" else r.choice(["Fatima", "Nadia", "Leïla", "Khadija", "Amina"])
        p.last = r.choice(["Benali", "El Idrissi", "Ait Ahmed", "Mansouri", "Haddad", "Ben Youssef", "Bouziane"])
        return ["Salam alaykoum, bonjour, c'est ", P(p.name(r, "fl")), f", né{'e' if p.sex == 'F' else ''} {COUNTRY_PREP.get(p.country, 'en')} {p.country} le ",
                D(fmt_date(r, p.dob, 1)), " (NIR ", N(fmt_nir(r, p.nir, r.choice([0, 3]))), "). I'm in Marrakech until June, ",
                "mon numéro marocain ", foreign_phone(r), ", sinon mon fixe en France ", T(fmt_phone(r, p.fixe, 8)), ". Choukran."]
    p = Person(r, born_abroad="Pologne")
    p.first, p.last = r.choice([("Agnieszka", "Nowak"), ("Tomasz", "Kowalski"), ("Katarzyna", "Wiśniewski"), ("Piotr", "Zieliński"), ("Małgorzata", "Lewandowska")])
    return ["Dzień dobry, I am ", P(f"{p.first} {p.last}"), ", born ", D(fmt_date_en(r, p.dob)),
            " in Kraków. Adres: ", A(f"Ulica Floriańska {r.randint(1, 60)}, 31-019 Kraków"), ". In France I rent at ",
            A(addr(r, p, 3)), ". Mon NIR : ", N(fmt_nir(r, p.nir, 4)), ". Dziękuję."]


def ml_nopii(r):
    return [r.choice(["Hi, quick question: is Doliprane covered if bought in a pharmacy in Nice? ",
                      "Hola, ¿cuánto tarda el reembolso de una consulta en Saint-Étienne? ",
                      "Olá, o meu médico em Lyon pediu uma ressonância (IRM). "]),
            f"Merci, thanks. PS : le devis porte le code {r.choice(CCAM)} et le montant de {amount(r)} €."]


# ------------------------------------------------------------------ decompte_releve
def dr_pii(r):
    d = Person(r, min_year=1955, max_year=1990)
    k = r.randint(0, 1)
    if k == 0:
        segs = [f"AVIS DE PAIEMENT TIERS PAYANT — PROFESSIONNEL DE SANTÉ\nBénéficiaire du paiement : Dr ", P(d.name(r, "LF")),
                "\nRPPS : ", R(make_rpps(r)), "   AM : ", AD(make_adeli(r)), "\nCompte crédité : ", B(fmt_iban(r, make_iban(r), 0)),
                f"\n\n{'Patient':<28}{'Date':<12}{'Montant':>9}\n"]
        for _ in range(r.randint(2, 5)):
            q = Person(r)
            nm = q.name(r, "LF")
            segs += [P(nm), " " * (28 - len(nm)) if len(nm) < 28 else " ", f"{care_date(r).strftime('%d/%m/%Y'):<12}{amount(r, 5, 80):>9}\n"]
        segs += [f"Total : {amount(r, 50, 400)} €"]
        return segs
    p = Person(r, min_year=1950, max_year=1990)
    kid = Person(r, min_year=2004, max_year=2022)
    return [f"Décompte n° {r.randint(100000, 999999)} du {fmt_date(r, care_date(r), 0)}\n", P(p.name(r, "fl")), "\n", A(addr(r, p, 2)),
            f"\n\nBénéficiaire des soins : ", P(kid.first), " (né(e) le ", D(fmt_date(r, kid.dob, 0)), ")\n",
            f"Orthodontie (HBQK002) — semestre {r.randint(1, 6)} — frais 600,00 € — RO 96,75 € — RC {amount(r, 100, 400)} €\n",
            f"Virement sur IBAN ", B(fmt_iban(r, make_iban(r), 0)),
            "\nPraticien : Dr ", P(Person(r).name(r, "fl"))]


def dr_nopii(r):
    segs = ["EXPORT CSV — remboursements agrégés par département\ndep;nb_actes;montant_rc\n"]
    for dep in r.sample(["29", "35", "56", "22", "44", "2A", "2B", "971", "974", "75"], 5):
        segs.append(f"{dep};{r.randint(100, 9999)};{amount(r, 1000, 99999)}\n")
    segs.append("Source : entrepôt décisionnel — Finistère et Morbihan en hausse (+12 %).")
    return segs


# ------------------------------------------------------------------ mixte_piege
def mp_pii(r):
    p = Person(r)
    k = r.randint(0, 3)
    lab, dob = dob_phrase(r, p)
    if k == 0:
        return ["IDENTITÉ VÉRIFIÉE\n", P(p.name(r, "LF")), f"\n{lab}", D(dob), "\nN° SÉCU ", N(fmt_nir_odd(r, p.nir)),
                "\nPORTABLE ", T(fmt_phone(r, p.mobile, 10)), "\nCOURRIEL ", E(p.email(r).upper())]
    if k == 1:
        return [f"Rappel client du {fmt_date(r, care_date(r), 0)} : \"c'est ", P(p.name(r, "low")), ", ",
                f"{lab}", D(dob), ", mon mail c'est ", E(fmt_email_obf(r, p.email(r))), " et mon RIB ",
                B(fmt_iban(r, make_iban(r), r.choice([4, 5, 6]))), "\" — soins du ", f"{fmt_date(r, care_date(r), 0)}, signé le {fmt_date(r, care_date(r), 1)}."]
    if k == 2:
        q = Person(r)
        return [P(p.name(r, "fl")), " et ", P(q.name(r, "fl")), f" (couple, {r.choice(['Paris 15e', 'Saint-Étienne', 'Nancy'])}) — elle ",
                f"{lab}", D(dob), ", lui né en ", D(str(q.dob.year)), f". Tél. fixe ", T(fmt_phone(r, p.fixe, 3)),
                " poste ", str(r.randint(10, 400)), f". Dossier {fake_9(r)}, montant {amount(r)} €."]
    return ["Fax de la clinique : ", T(fmt_phone(r, "02" + digits(r, 8), 4)), " — à l'attention de Mme ", P(p.last),
            f" (service admissions). Patient(e) : ", P(p.name(r, "Lf")), f", {lab}", D(dob), ", adresse ",
            A(addr(r, p, 0)), "."]


def mp_nopii(r):
    return [f"ATTENTION — Délai de carence : 3 mois pour le dentaire, 6 mois pour l'optique.\n",
            f"Numéro de carte {fake_14(r)} / code {fake_9(r)} / lot {fake_15(r)}\n",
            f"Soins du {fmt_date(r, care_date(r), 0)} ; date d'effet du contrat : 1er {r.choice(MOIS)} 2026 ; signature : {fmt_date(r, care_date(r), 1)}."]


EXTRAS = {
    "reseaux_sociaux": (rs_pii, rs_nopii, 0.4, 0.35),
    "compte_rendu_medical": (crm_pii, crm_nopii, 0.4, 0.4),
    "avis_satisfaction": (av_pii, av_nopii, 0.4, 0.35),
    "ticket_support": (ts_pii, ts_nopii, 0.35, 0.3),
    "devis_optique_audio": (dv_pii, dv_nopii, 0.4, 0.25),
    "courrier_juridique": (cj_pii, cj_nopii, 0.35, 0.2),
    "multilingue": (ml_pii, ml_nopii, 0.4, 0.3),
    "decompte_releve": (dr_pii, dr_nopii, 0.3, 0.25),
    "mixte_piege": (mp_pii, mp_nopii, 0.3, 0.2),
}
