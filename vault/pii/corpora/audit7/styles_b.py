"""Styles 6-9: courrier_juridique, multilingue, decompte_releve, mixte_piege."""
import datetime as dt
from common import *  # noqa
from styles_a import P, D, A, T, E, N, S, B, R, AD, addr, MUT, CMS, hexs, stars


MUT_SIREN = "442 851 382"  # checked Luhn-valid by validate.py
MUT_ADDR = "14 boulevard de la Tour d'Auvergne, 35000 Rennes"
LAWS = ["article L.113-2 du Code des assurances", "article L.221-1 du Code de la mutualité",
        "article 1240 du Code civil", "article L.612-1 du Code de la consommation",
        "article 9 du Code de procédure civile", "article R.211-10 du Code de la mutualité",
        "loi n° 89-1009 du 31 décembre 1989 (loi Évin)", "article L.871-1 du Code de la sécurité sociale",
        "article 700 du Code de procédure civile", "règlement (UE) 2016/679"]
COURTS = ["tribunal judiciaire de Rennes", "tribunal judiciaire de Nantes", "cour d'appel de Lyon",
          "tribunal de proximité de Quimper", "tribunal judiciaire de Saint-Étienne", "cour de cassation"]
COMPANIES = ["SARL Optique du Port", "SAS Audition Conseil", "Clinique Saint-Vincent SAS", "SELARL Dentaire des Lices",
             "SCI Les Mimosas", "SA Horizon Santé Gestion", "EURL Boulanger Matériel Médical", "SAS Pharmacie Rose",
             "SELAS Laboratoire Martin-Biologie"]


def rg(r):
    return r.choice([f"RG n° {r.randint(19, 26)}/{r.randint(1, 9999):05d}", f"N° RG {r.randint(19, 26)}/{r.randint(1000, 9999)}",
                     f"Portalis DBVL-V-B7H-{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}{r.randint(100, 999)}"])


# ============================================================ 6. courrier_juridique
def courrier_juridique(r, nopii):
    law = r.sample(LAWS, 2)
    court = r.choice(COURTS)
    if nopii:
        k = r.randint(0, 4)
        return [[f"MÉDIATION DE LA CONSOMMATION — AVIS\nDossier {r.randint(2024, 2026)}-{r.randint(1000, 9999)}\n\n",
                 f"Vu l'{law[0]} et l'{law[1]}, le médiateur estime que le refus de prise en charge de la cure thermale ",
                 "n'est pas fondé, les conditions générales (version 2023) ne prévoyant aucune exclusion. ",
                 "Il recommande le versement du forfait de 150 €. Les parties disposent d'un délai de 30 jours."],
                [f"{court.upper()}\n{rg(r)}\nAUDIENCE DU {fmt_date(r, care_date(r), 1).upper()}\n\n",
                 "Par ces motifs, le tribunal, statuant publiquement, par jugement contradictoire et en premier ressort, ",
                 f"condamne la mutuelle à payer la somme de {amount(r, 500, 5000)} € au titre de l'{law[0]}. Dit n'y avoir lieu à exécution provisoire."],
                [f"Note interne juridique : jurisprudence constante (Cass. 2e civ., 8 févr. 2024, n° 22-{r.randint(10000, 23000)}). ",
                 f"La clause d'exclusion doit être formelle et limitée ({law[0]}). Pas de contentieux ouvert à ce jour. Provision : 0 €."],
                [f"Délai de prescription biennale : Suite à la réclamation du {fmt_date(r, care_date(r), 0)}, ",
                 f"le délai de deux ans prévu à l'{law[0]} est interrompu. Référence {claim_ref(r)}. Aucun élément nouveau."],
                [f"STATISTIQUES MÉDIATION {r.randint(2024, 2025)}\nSaisines : {r.randint(100, 400)} | Recevables : {r.randint(50, 99)} | ",
                 f"Favorables à l'adhérent : {r.randint(10, 45)} %\nMotifs principaux : optique, dentaire, résiliation (loi Châtel, ",
                 "article L.113-15-2). Délai moyen : 67 jours."]][k]
    p = Person(r, min_year=1945, max_year=1995)
    law_p = Person(r, min_year=1955, max_year=1990)
    k = r.randint(0, 5)
    if k == 0:
        return ["Maître ", P(law_p.name(r, r.choice(["fl", "l"]))), f"\nAvocat au barreau de {r.choice(['Rennes', 'Nantes', 'Lyon', 'Paris'])}\n",
                A(addr(r, law_p, 2)), "\nTél. ", T(fmt_phone(r, law_p.fixe)), " — ", E(f"cabinet.{strip_accents(law_p.last).lower().replace(' ', '')}@avocat-{r.choice(['rennes', 'lyon', 'conseil'])}.fr"),
                f"\n\nObjet : {MUT} / ", P(p.name(r, "Lf")), f" — {rg(r)}\n\nMonsieur le Directeur,\n",
                f"J'interviens dans l'intérêt de {p.civ()} ", P(p.name(r, "fl")), ", née le ", D(fmt_date(r, p.dob, 1)),
                f", demeurant ", A(addr(r, p, r.choice([0, 3]))), f", qui conteste le refus de garantie opposé sur le fondement de l'{law[0]}."]
    if k == 1:
        co = r.choice(COMPANIES)
        return [f"ENTRE LES SOUSSIGNÉS :\n1) {p.civ()} ", P(p.name(r, "LF")), ", né(e) le ", D(fmt_date(r, p.dob, r.choice([0, 1]))),
                f" à {r.choice(PLACES)}, demeurant ", A(addr(r, p, 0)), ",\nci-après « le demandeur »,\n",
                f"2) {co}, immatriculée au RCS sous le n° ", S(fmt_siret(r, make_siren(r))), ", dont le siège est ",
                A(f"{r.randint(1, 90)} {r.choice(STREETS)}, {r.choice(CITIES)[0]} {r.choice(CITIES)[1]}"),
                ",\nreprésentée par Maître ", P(law_p.name(r, "fl")), f",\nci-après « le défendeur ».\n{rg(r)} — {court}"]
    if k == 2:
        h = Person(r)
        return [f"SCP {h.last.upper()} & ASSOCIÉS — Commissaires de justice\n", A(addr(r, h, 2)), "\n\n",
                "SIGNIFICATION D'UN JUGEMENT\nL'an deux mille vingt-six et le ", f"{fmt_date(r, care_date(r, 2026), 1)}, ",
                "à la requête de la mutuelle, nous, Maître ", P(h.name(r, "fl")), ", avons signifié à ",
                f"{p.civ()} ", P(p.name(r, "fl")), ", demeurant ", A(addr(r, p, 0)),
                f", le jugement rendu par le {court} ({rg(r)}). Coût de l'acte : {amount(r, 40, 120)} €."]
    if k == 3:
        return [f"Le Médiateur de la consommation\n\nDossier n° MED-{r.randint(1000, 9999)}\nRéclamant : ", P(p.name(r, r.choice(["fl", "Lf"]))),
                ", adhérent n° ", f"{r.randint(10000000, 99999999)}", ", NIR ", N(fmt_nir(r, p.nir)),
                f"\n\nMadame, Monsieur,\nJ'ai été saisi le {fmt_date(r, care_date(r), 1)} par votre adhérent. ",
                f"Au regard de l'{law[0]}, je vous invite à me transmettre vos observations. ",
                "Le réclamant peut être joint au ", T(fmt_phone(r, p.mobile)), ".\n\n", P(Person(r).name(r, "fl")), "\nMédiateur"]
    if k == 4:
        heir = Person(r)
        return [f"Maître ", P(law_p.name(r, "l")), ", notaire à ", f"{r.choice(PLACES)}\n\n",
                f"Succession de feu {p.civ()} ", P(p.name(r, "fl")), ", né(e) le ", D(fmt_date(r, p.dob, 1)),
                f", décédé(e) le {fmt_date(r, care_date(r), 1)}.\nJe vous remercie de verser le capital décès ",
                "à l'ayant droit, ", P(heir.name(r, "fl")), ", sur le compte ", B(fmt_iban(r, make_iban(r))),
                f", conformément à l'{law[1]}."]
    return [f"Lettre recommandée avec AR\n\n", P(p.name(r, "fl")), "\n", A(addr(r, p, 2)), "\n\n",
            f"À l'attention du service juridique\n\nObjet : mise en demeure — {claim_ref(r)}\n\n",
            f"Madame, Monsieur,\nMalgré mes relances, vous refusez le remboursement de mon implant (HBLD724). ",
            f"En application de l'{law[0]}, je vous mets en demeure de régler sous 15 jours. À défaut, mon avocate, Maître ",
            P(law_p.name(r, "fl")), f", saisira le {court}.\n\nMon IBAN : ", B(fmt_iban(r, make_iban(r))), "\n", P(p.name(r, "fl"))]


# ============================================================ 7. multilingue
FOREIGN_ADDR = [("Calle de Alcalá {n}, 28014 Madrid", "es"), ("Rua Augusta {n}, 1100-053 Lisboa", "pt"),
                ("Via Roma {n}, 10121 Torino", "it"), ("Hauptstraße {n}, 10115 Berlin", "de"),
                ("{n} Queen's Road, Brighton BN1 3XE", "en"), ("{n} rue Sainte-Catherine Ouest, Montréal QC H3G 1P1", "fr"),
                ("Avenue Mohammed V n° {n}, 10000 Rabat", "fr"), ("Rua das Flores {n}, 4050-262 Porto", "pt"),
                ("Carrer de Mallorca {n}, 08036 Barcelona", "es"), ("Via Garibaldi {n}, 16124 Genova", "it"),
                ("Ulica Floriańska {n}, 31-019 Kraków", "pl"), ("{n} Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh", "vi"),
                ("Bağdat Caddesi No: {n}, 34710 İstanbul", "tr"), ("Schillerstraße {n}, 80336 München", "de")]


def multilingue(r, nopii):
    if nopii:
        k = r.randint(0, 4)
        return [["Hello, I moved to Spain last March. Does my contract still cover consultations abroad? ",
                 "I paid 85 € at a clinic in Valencia. Merci de me dire quels documents envoyer (factura, informe médico ?). Thanks!"],
                ["Buenos días, soy adherente desde 2019. Quisiera saber si el tratamiento de ortodoncia de mi hijo está cubierto. ",
                 f"Le devis est de {amount(r, 1500, 3000)} € (code HBMD049). Muchas gracias y bonne journée."],
                ["Bom dia, fui ao dentista em Portugal durante as férias em agosto. Paguei 120 € por uma coroa (dent 16). ",
                 "Como faço para ser reembolsada? Obrigada. PS : la facture est en portugais, est-ce un problème ?"],
                ["Guten Tag, ich wohne seit Januar in Strasbourg und arbeite in Kehl (frontalier). ",
                 "Welche Unterlagen brauchen Sie für die Anmeldung? Formulaire S1 ? Vielen Dank. Délai de traitement ?"],
                ["Buongiorno, ho una domanda sul rimborso degli occhiali comprati a Milano (montatura Ray-Ban, lenti progressive). ",
                 f"Prix total {amount(r, 200, 600)} €. C'è un plafond ? Merci beaucoup, grazie mille."]][k]
    country = r.choice(list(COUNTRY_CODES))
    p = Person(r, born_abroad=country)
    k = r.randint(0, 6)
    fa, lang = r.choice(FOREIGN_ADDR)
    fa = fa.format(n=r.randint(1, 200))
    if k == 0:
        return ["Hello, my name is ", P(p.name(r, "fl")), f", I was born in {country} on ", D(fmt_date_en(r, p.dob)),
                ". My French social security number is ", N(fmt_nir(r, p.nir)), ". I now live at ", A(fa),
                ". You can call me on ", foreign_phone(r), " or on my French mobile ", T(fmt_phone(r, p.mobile, r.choice([6, 7, 0]))),
                ". Merci d'avance !"]
    if k == 1:
        return ["Buenos días, me llamo ", P(p.name(r, "fl")), (", nacida el " if p.sex == "F" else ", nacido el "), D(fmt_date(r, p.dob, 0)),
                ". Je vous écris car mi madre, ", P(Person(r, sex="F").name(r, "fl")),
                ", vit à Madrid : ", A(fa if lang == "es" else "Calle de Toledo 37, 28005 Madrid"),
                ". Su teléfono: ", foreign_phone(r), ". Mon numéro en France : ", T(fmt_phone(r, p.fixe)), ". Gracias."]
    if k == 2:
        return ["Olá, sou ", P(p.name(r, "fl")), (", nascida em " if p.sex == "F" else ", nascido em "), D(f"{p.dob.day} de {['janeiro','fevereiro','março','abril','maio','junho','julho','agosto','setembro','outubro','novembro','dezembro'][p.dob.month-1]} de {p.dob.year}"),
                ". Mon n° de sécu : ", N(fmt_nir(r, p.nir, r.choice([0, 2, 3]))), ". Endereço em Portugal: ", A(fa),
                ". Em França : ", A(addr(r, p, r.choice([0, 3]))), ". Email: ", E(p.email(r))]
    if k == 3:
        return ["Guten Tag,\nich bin ", P(p.name(r, "fl")), " (geb. ", D(f"{p.dob.day:02d}.{p.dob.month:02d}.{p.dob.year}"),
                "). Je travaille en Allemagne, Adresse: ", A(fa), ". Telefon ", foreign_phone(r),
                ", en France ", T(fmt_phone(r, p.mobile, r.choice([8, 9, 6]))), ". Mit freundlichen Grüßen"]
    if k == 4:
        return ["Buongiorno, sono ", P(p.name(r, "fl")), (", nata il " if p.sex == "F" else ", nato il "), D(f"{p.dob.day} {['gennaio','febbraio','marzo','aprile','maggio','giugno','luglio','agosto','settembre','ottobre','novembre','dicembre'][p.dob.month-1]} {p.dob.year}"),
                f" ({country}). NIR : ", N(fmt_nir(r, p.nir)), ". Ho cambiato banca: IBAN ", B(fmt_iban(r, make_iban(r))),
                ". Grazie, ", P(p.first)]
    if k == 5:
        dom = Person(r)
        return [f"Bonjour, je suis ", P(p.name(r, "Lf")), f", né{'e' if p.sex == 'F' else ''} {COUNTRY_PREP.get(country, 'en')} {country} le ", D(fmt_date(r, p.dob, 0)),
                ". I'm currently in Guadeloupe, joignable au ", T(overseas_phone(r)), ", and my daughter ",
                P(dom.first), " is at ", A(addr(r, p, 0)), ". Sorry for my French. My UK number ", foreign_phone(r), " is off."]
    return ["Dear Sir or Madam,\nPlease find attached the invoice for my wife ", P(p.name(r, "fl")), " (DOB ",
            D(fmt_date_en(r, p.dob)), ", NIR ", N(fmt_nir(r, p.nir, 2)), "). We live at ", A(fa),
            ". Best regards,\n", P(Person(r, sex="M").name(r, "fl")), "\n", foreign_phone(r), " / ", T(fmt_phone(r, p.mobile, 8))]


# ============================================================ 8. decompte_releve
ACTES = [("Consultation généraliste", "G", 30.00, 0.70), ("Consultation spécialiste", "CS", 30.00, 0.70),
         ("Pharmacie vignette blanche", "PH7", 0, 0.65), ("Kinésithérapie", "AMK", 21.50, 0.60),
         ("Analyses biologie", "B", 0, 0.60), ("Radiologie", "ADI", 0, 0.70), ("Soins infirmiers", "AMI", 3.15, 0.60),
         ("Prothèse dentaire", "PDT", 120.00, 0.70), ("Optique verres", "OPT", 0.05, 0.60), ("Forfait journalier", "FJ", 20, 0)]


def decompte_rows(r, n, names):
    rows = []
    for _ in range(n):
        a = r.choice(ACTES)
        d = care_date(r)
        frais = round(r.uniform(10, 300), 2)
        ro = round(frais * a[3] * r.uniform(0.3, 1), 2)
        rc = round((frais - ro) * r.uniform(0.3, 1), 2)
        rows.append((names, d, a, frais, ro, rc, round(frais - ro - rc, 2)))
    return rows


def fmt_row(d, a, frais, ro, rc, rac):
    return f"{d.strftime('%d/%m/%Y')}  {a[0][:24]:<24} {a[1]:<4} {frais:>8.2f} {ro:>8.2f} {rc:>8.2f} {rac:>7.2f}\n"


HEAD = f"{'Date soins':<10}  {'Acte':<24} {'Code':<4} {'Frais':>8} {'RO':>8} {'RC':>8} {'RAC':>7}\n"


def decompte_releve(r, nopii):
    if nopii:
        k = r.randint(0, 3)
        if k == 0:
            segs = [f"RELEVÉ DE PRESTATIONS — SYNTHÈSE AGRÉGÉE\nPériode : {MOIS[r.randint(0, 11)]} {r.randint(2025, 2026)}\n", HEAD]
            for row in decompte_rows(r, r.randint(4, 8), None):
                segs.append(fmt_row(*row[1:]))
            segs.append(f"TOTAL VERSÉ PAR LA MUTUELLE : {amount(r, 300, 4000)} €\nPage 1/1 — Horizon Santé, mutuelle régie par le livre II du Code de la mutualité")
            return segs
        if k == 1:
            return [f"AVIS DE PAIEMENT\nLot n° {r.randint(100000, 999999)} — {r.randint(20, 300)} décomptes — ",
                    f"montant total {amount(r, 10000, 90000)} €\nVirement émis le {fmt_date(r, care_date(r), 0)} ",
                    f"réf. {fake_14(r)}\nCode CCAM : {', '.join(r.sample(CCAM, 3))}\nAucun dépassement non remboursable."]
        if k == 2:
            return ["ÉTAT DES REMBOURSEMENTS PAR POSTE (anonymisé)\nPoste        Nb actes  Montant RC\n",
                    f"Hospitalisation   {r.randint(10, 99):>4}   {amount(r, 5000, 20000):>10}\nDentaire          {r.randint(10, 99):>4}   {amount(r, 1000, 9000):>10}\n",
                    f"Optique           {r.randint(10, 99):>4}   {amount(r, 1000, 9000):>10}\nAudiologie        {r.randint(1, 20):>4}   {amount(r, 500, 5000):>10}\n",
                    f"Contrat collectif n° {fake_9(r)} — Délai moyen de paiement : 2,4 jours."]
        return [f"DÉCOMPTE — information\nVos soins du {fmt_date(r, care_date(r), 1)} (Consultation spécialiste, CS, Dépassement ",
                f"{amount(r, 5, 40)} €) ont été transmis par NOEMIE. Montant RO : 21,00 €. Montant RC : 9,00 €. ",
                f"Participation forfaitaire : 2,00 €. Réf. télétransmission {fake_15(r)}."]
    p = Person(r, min_year=1950, max_year=1990)
    spouse = Person(r, sex="F" if p.sex == "M" else "M", min_year=1950, max_year=1990)
    spouse.last = p.last if r.random() < 0.6 else spouse.last
    kids = [Person(r, min_year=2005, max_year=2022) for _ in range(r.randint(0, 2))]
    for kd in kids:
        kd.last = p.last
    segs = [f"{MUT.upper()} — DÉCOMPTE DE PRESTATIONS n° {r.randint(1000000, 9999999)}\n",
            "Assuré principal : ", P(p.name(r, r.choice(["LF", "Lf", "fl"]))), "\n", "N° sécurité sociale : ",
            N(fmt_nir(r, p.nir, r.choice([0, 1, 2, 3, 5]))), "\n"]
    if r.random() < 0.6:
        segs += [A(addr(r, p, 2)), "\n"]
    segs += ["\nBÉNÉFICIAIRES\n"]
    people = [("Assuré", p)]
    if r.random() < 0.7:
        people.append(("Conjoint", spouse))
    people += [("Enfant", kd) for kd in kids]
    for role, q in people:
        segs += [f"  {role:<9} ", P(q.name(r, r.choice(["LF", "Lf"]))), "  né(e) le ", D(q.dob.strftime("%d/%m/%Y")), "\n"]
    segs += ["\n", HEAD]
    for role, q in people:
        for row in decompte_rows(r, r.randint(1, 3), None):
            segs.append(fmt_row(*row[1:]))
        if r.random() < 0.4:
            segs += ["   Prescripteur : Dr ", P(Person(r).name(r, r.choice(["L", "l", "il"]))), "\n"]
    if r.random() < 0.5:
        segs += [f"\nPaiement par virement sur le compte ", B(fmt_iban(r, make_iban(r), r.choice([0, 3]))), "\n"]
    segs += [f"\nPage 1/{r.randint(1, 3)} — {MUT}, ", A(MUT_ADDR), " — SIREN ", S(MUT_SIREN),
             " — Tél. ", T("02 99 45 12 00")]
    return segs


# ============================================================ 9. mixte_piege
def dob_phrase(r, p):
    forms = [("DDN : ", fmt_date(r, p.dob, 0)), ("né(e) le ", fmt_date(r, p.dob, 1)), ("date de naiss. ", fmt_date(r, p.dob, 2)),
             ("° ", fmt_date(r, p.dob, 0)), ("née en ", str(p.dob.year)), ("birth: ", fmt_date(r, p.dob, 3)),
             ("D.N. ", fmt_date(r, p.dob, 4)), ("naissance ", f"{MOIS[p.dob.month - 1]} {p.dob.year}"),
             ("né le ", fmt_date(r, p.dob, 6)), ("Date de naissance:", fmt_date(r, p.dob, 7))]
    return r.choice(forms)


def mixte_piege(r, nopii):
    cd = care_date(r)
    if nopii:
        k = r.randint(0, 5)
        return [[f"NOTE GESTIONNAIRE — DOSSIER {r.randint(100000, 999999)}\nSoins du {fmt_date(r, cd, 0)}, signature le {fmt_date(r, cd + dt.timedelta(days=3), 1)}.\n",
                 f"Actes : {', '.join(r.sample(CCAM, 2))} + {r.choice(NGAP)}. Montant : {amount(r)} €. Référence {fake_15(r)} (clé invalide, ressaisir).\n",
                 "Pas de tiers payant. Relance prévue en janvier."],
                [f"Rappel : la rue Victor Hugo et l'avenue Jean Jaurès de Nancy sont fermées pour travaux, l'agence Lorraine déménage à Metz. ",
                 f"Merci de prévenir les adhérents du Val-de-Marne et de Saint-Denis. Délai : mars à juin."],
                [f"TABLEAU DE GARANTIES 2026\nOPTIQUE : 100 % BR + 150 €\nDENTAIRE : 300 % BR\nHOSPITALISATION : frais réels\n",
                 f"MÉDECINES DOUCES : 4 × 40 €\nCode produit {fake_9(r)} — révision {fake_14(r)}"],
                [f"Pouvez-vous vérifier le n° {fake_15(r)} ? Le contrôle de clé échoue. Suite à la fusion, ",
                 f"les numéros commençant par {r.randint(100, 999)} sont des n° de lot, pas des NIR. Merci. Dent 47 : HBGD036."],
                [f"Compte rendu réunion du {fmt_date(r, cd, 1)} : le Petit Prince (projet) avance ; Martin-pêcheur (module) en recette ; ",
                 "le blanc de la maquette sera remplacé par du rose. Le boulanger de la cantine livre vendredi. Marchand de sable : reporté."],
                [f"PROCÉDURE — CHANGEMENT DE RIB\n1. Demander le RIB original.\n2. Vérifier que l'IBAN commence par FR76 et compte 27 caractères.\n",
                 f"3. Saisir dans l'outil (écran GP-{r.randint(10, 99)}).\n4. Délai : 48h. Ne jamais saisir un IBAN reçu par SMS."]][k]
    p = Person(r)
    k = r.randint(0, 8)
    lab, dob = dob_phrase(r, p)
    if k == 0:
        m = Person(r, sex="F")
        m.first, m.last = r.choice([("Lorraine", "Nancy"), ("Florence", "Paris"), ("France", "Boulanger"), ("Rose", "Marchand"),
                                    ("Nancy", "Lorraine"), ("Pierre", "Martin")])
        return [f"Mme ", P(f"{m.first} {m.last}"), f", de passage à Nancy (Lorraine), {lab}", D(dob),
                f", soins du {fmt_date(r, cd, 0)} à Paris, signé le {fmt_date(r, cd, 1)}. ",
                "Contact : tel:", T(p.mobile), " (poste 214 au bureau)."]
    if k == 1:
        return ["M. ", P(r.choice(["Paris", "Blanc", "Petit", "Marchand", "Boulanger", "Berger"])), f" a appelé pour son proche, {lab}", D(dob),
                ". NIR : ", N(fmt_nir_odd(r, p.nir)), f". Soins du {fmt_date(r, cd, 0)}. Petit rappel : dossier incomplet."]
    if k == 2:
        return [P(p.name(r, "LF")), f" {lab}", D(dob), "\ntel:", T(p.mobile),
                " / ", T(fmt_phone(r, p.fixe, 0)), " poste ", str(r.randint(100, 399)), "\nmail : ", E(fmt_email_obf(r, p.email(r))),
                "\nIBAN ", B(fmt_iban(r, make_iban(r), r.choice([4, 5, 6])))]
    if k == 3:
        return [f"Appel du {fmt_date(r, cd, 0)} : l'adhérente (", P(p.name(r, "fl")), f") signale un changement d'adresse : ",
                A(f"{p.street_line()}, {p.cp} {p.city}".upper()), f". Elle précise {lab}", D(dob),
                ". Numéro de sécu donné en deux fois : ", N(fmt_nir(r, p.nir, 6)), ". Rue Victor Hugo (ancienne adresse, sans numéro) à supprimer."]
    if k == 4:
        q = Person(r)
        return [f"Coach : ", P(q.name(r, "fl")), "\nParticipants atelier prévention (Saint-Étienne) :\n- ", P(p.name(r, "Lf")),
                f" ({lab}", D(dob), ")\n- ", P(Person(r).name(r, "Lf")), "\n- ", P(Person(r).name(r, "il")),
                f"\nSalle Jean Moulin, le {fmt_date(r, cd, 1)}. Renseignements : ", T(fmt_phone(r, q.mobile, 11))]
    if k == 5:
        return ["RÉCLAMATION N° ", f"{r.randint(10000, 99999)}\n", P(p.name(r, "LF")), "\n", A(addr(r, p, 2).upper()),
                f"\n{lab}", D(dob), "\nTÉL", T(p.fixe), f"\nMONTANT LITIGIEUX {amount(r)} € — ACTE {r.choice(CCAM)} — DENT {r.choice([11, 16, 26, 36, 46])}"]
    if k == 6:
        co = Person(r)
        lab2, dob2 = dob_phrase(r, co)
        return [f"{r.choice(['Pouvez-vous', 'Merci de', 'Suite à notre échange,'])} rappeler ", P(p.name(r, r.choice(["fl", "l"]))),
                " au ", T(fmt_phone(r, p.mobile, r.choice([7, 9, 10]))), " ext. ", str(r.randint(10, 99)),
                " ; conjoint : ", P(co.name(r, "fl")), f" {lab2}", D(dob2),
                f". Contrat {r.choice('ABCDM')}{fake_9(r)}. Délai : 8 jours. SIRET employeur ", S(make_siret(r)), "."]
    if k == 7:
        return ["Adh.:", P(p.name(r, "Lf")), ";", D(dob), ";nir=", N(fmt_nir(r, p.nir, 2)), ";email=", E(p.email(r)),
                ";tel=", T(fmt_phone(r, p.mobile, 5)), f";date_soins={cd.isoformat()};montant={amount(r)};rpps=", R(make_rpps(r)),
                ";adeli=", AD(make_adeli(r))]
    return [f"Mme ", P(p.name(r, "fl")), f" — {lab}", D(dob), " — est venue avec sa mère, ", P(Person(r, sex="F").name(r, "fl")),
            ", née en ", D(str(r.randint(1930, 1955))), f", pour un devis. Rendez-vous le {fmt_date(r, cd, 6)} à 14h. ",
            "Le Dr ", P(Person(r).name(r, "l")), " (maladie de Crohn, hôpital Sainte-Anne) transmettra. Email : ", E(p.email(r)),
            ".\nNIR (sans clé) : ", N(fmt_nir(r, p.nir, 1)[:-3])]


STYLES_B = [("courrier_juridique", courrier_juridique), ("multilingue", multilingue),
            ("decompte_releve", decompte_releve), ("mixte_piege", mixte_piege)]
