"""Every word an employer reads, French first and English alongside: labels, statements, notes, glossary.

One home for the report's wording: the HTML page, the CSV/XLSX copies and their column dictionary all take
their text from here. Glossary headings come from the business glossary (contracts/glossary.yaml).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

import yaml

from confiance.settings import CONTRACTS_DIR, DBT_PROJECT_DIR

LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class Label:
    fr: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


ACT_FAMILIES: dict[str, Label] = {
    "consultation": Label("Consultations", "Consultations"),
    "pharmacy": Label("Pharmacie", "Pharmacy"),
    "optics": Label("Optique", "Optics"),
    "dental": Label("Dentaire", "Dental"),
    "hospital": Label("Hospitalisation", "Hospital"),
    "audiology": Label("Audiologie", "Audiology"),
    "paramedical": Label("Soins paramédicaux", "Paramedical care"),
    "laboratory": Label("Analyses de laboratoire", "Laboratory tests"),
    "radiology": Label("Radiologie", "Radiology"),
}

SEXES = {"F": Label("Femmes", "Women"), "M": Label("Hommes", "Men"), "all": Label("Les deux sexes", "Both sexes")}

AMOUNTS = ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket")


@dataclass(frozen=True)
class ColumnText:
    """One column of the machine-readable copies: its header, what it means, its unit."""

    column: str  # the Parquet column it comes from ("" for a column made from several, e.g. a label)
    header: Label
    meaning: Label
    unit: Label = Label("", "")


COLUMNS: dict[str, ColumnText] = {
    c.column: c
    for c in (
        ColumnText(
            "care_year",
            Label("annee_de_soins", "care_year"),
            Label("Année civile des soins (date des soins).", "Calendar year in which the care took place."),
        ),
        ColumnText(
            "period_start",
            Label("debut_de_periode", "period_start"),
            Label(
                "Premier jour de la période (année ou trimestre) ; seules les périodes closes sont publiées.",
                "First day of the period (year or quarter); only closed periods are published.",
            ),
            Label("date AAAA-MM-JJ", "date YYYY-MM-DD"),
        ),
        ColumnText(
            "period_grain",
            Label("periode", "period"),
            Label("Découpage du temps : année ou trimestre.", "Time breakdown: year or quarter."),
        ),
        ColumnText(
            "act_family",
            Label("famille_de_soins", "care_family"),
            Label(
                "Famille d'actes de soins (consultations, pharmacie, optique...).",
                "Family of care acts (consultations, pharmacy, optics...).",
            ),
        ),
        ColumnText(
            "broad_family",
            Label("grande_famille_de_soins", "broad_care_family"),
            Label(
                "Grande famille de soins : regroupement de familles d'actes (soins courants, pharmacie, "
                "hospitalisation ; dentaire, optique et audiologie) ; son total est la somme de ses familles.",
                "Broad care family: a grouping of act families (routine care, pharmacy, hospital; dental, optics and "
                "hearing aids); its total is the sum of its families.",
            ),
        ),
        ColumnText(
            "age_band",
            Label("tranche_d_age", "age_band"),
            Label(
                "Tranche d'âge des salariés à la date des soins ; « tous âges » quand l'âge n'est pas détaillé.",
                "Employees' age band at the date of care; 'all ages' when age is not broken down.",
            ),
        ),
        ColumnText(
            "sex",
            Label("sexe", "sex"),
            Label("Femmes, hommes, ou les deux sexes ensemble.", "Women, men, or both sexes together."),
        ),
        ColumnText(
            "member_count",
            Label("personnes_ayant_consomme", "people_with_care"),
            Label(
                "Nombre de salariés couverts ayant eu au moins un soin de ce type sur la période.",
                "Number of covered employees with at least one act of this kind in the period.",
            ),
            Label("personnes", "people"),
        ),
        ColumnText(
            "benefit_line_count",
            Label("actes_rembourses", "reimbursed_acts"),
            Label("Nombre de lignes de prestations (actes remboursés).", "Number of benefit lines (reimbursed acts)."),
            Label("actes", "acts"),
        ),
        ColumnText(
            "actual_cost",
            Label("depense_reelle_eur", "actual_cost_eur"),
            Label(
                "Dépense réelle : ce que les soins ont coûté, tous payeurs confondus.",
                "Actual cost: what the care cost, all payers together.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "ss_reimbursement",
            Label("rembourse_securite_sociale_eur", "social_security_eur"),
            Label("Part remboursée par la Sécurité sociale.", "Part reimbursed by the Sécurité sociale."),
            Label("euros", "euros"),
        ),
        ColumnText(
            "complementary_reimbursement",
            Label("rembourse_mutuelle_eur", "mutuelle_eur"),
            Label(
                "Part remboursée par la mutuelle au titre du contrat collectif.",
                "Part reimbursed by the mutuelle under the collective contract.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "out_of_pocket",
            Label("reste_a_charge_eur", "out_of_pocket_eur"),
            Label(
                "Reste à charge : ce que les salariés ont payé eux-mêmes.",
                "Out-of-pocket: what the employees paid themselves.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "actual_cost_per_member",
            Label("depense_par_personne_eur", "cost_per_person_eur"),
            Label(
                "Comparaison entre employeurs : dépense réelle moyenne par personne ayant consommé.",
                "Employer comparison: average actual cost per person with care.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "complementary_reimbursement_per_member",
            Label("mutuelle_par_personne_eur", "mutuelle_per_person_eur"),
            Label(
                "Comparaison entre employeurs : remboursement mutuelle moyen par personne ayant consommé.",
                "Employer comparison: average mutuelle reimbursement per person with care.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "out_of_pocket_per_member",
            Label("reste_a_charge_par_personne_eur", "out_of_pocket_per_person_eur"),
            Label(
                "Comparaison entre employeurs : reste à charge moyen par personne ayant consommé.",
                "Employer comparison: average out-of-pocket per person with care.",
            ),
            Label("euros", "euros"),
        ),
        ColumnText(
            "published",
            Label("publie", "published"),
            Label(
                "« oui » : les valeurs de la ligne sont publiées ; « non » : elles sont cachées pour protéger "
                "les personnes (les cellules vides de la ligne ne sont pas publiées).",
                "'yes': the row's values are published; 'no': they are hidden to protect individuals (its "
                "empty cells are not published).",
            ),
        ),
    )
}

# Column titles on the page (the copies use the snake_case headers above).
DISPLAY: dict[str, Label] = {
    "care_year": Label("Année", "Year"),
    "period_start": Label("Période", "Period"),
    "act_family": Label("Famille de soins", "Care family"),
    "broad_family": Label("Grande famille de soins", "Broad care family"),
    "age_band": Label("Âge", "Age"),
    "sex": Label("Sexe", "Sex"),
    "member_count": Label("Personnes ayant consommé", "People with care"),
    "benefit_line_count": Label("Actes remboursés", "Reimbursed acts"),
    "actual_cost": Label("Dépense réelle (€)", "Actual cost (€)"),
    "ss_reimbursement": Label("Sécurité sociale (€)", "Sécurité sociale (€)"),
    "complementary_reimbursement": Label("Mutuelle (€)", "Mutuelle (€)"),
    "out_of_pocket": Label("Reste à charge (€)", "Out-of-pocket (€)"),
    "actual_cost_per_member": Label("Dépense par personne (€)", "Cost per person (€)"),
    "complementary_reimbursement_per_member": Label("Mutuelle par personne (€)", "Mutuelle per person (€)"),
    "out_of_pocket_per_member": Label("Reste à charge par personne (€)", "Out-of-pocket per person (€)"),
}
QUARTER = Label("T{q} {y}", "Q{q} {y}")
YES_NO = {True: Label("oui", "yes"), False: Label("non", "no")}
ALL_AGES = Label("tous âges", "all ages")
NOT_PUBLISHED = Label("non publié", "not published")

TITLE = Label("Consommation de soins de vos salariés couverts", "Care consumption of your covered employees")
SECTIONS = {
    "status": Label("Ce que contient ce rapport", "What this report contains"),
    "yearly": Label("Total de l'année, toutes familles de soins", "Year's total, all care families"),
    "totals": Label("Dépenses par famille de soins", "Spending per care family"),
    "broad": Label("Dépenses par grande famille de soins", "Spending per broad care family"),
    "trend": Label("Évolution dans le temps", "Trend over time"),
    "benchmark": Label("Comparaison avec l'ensemble des employeurs", "Comparison with all employers"),
    "detail": Label("Détail publié", "Published breakdown"),
    "hidden": Label("Ce qui est caché, et pourquoi", "What is hidden, and why"),
    "files": Label("Fichiers de ce dossier", "Files in this folder"),
    "glossary": Label("Glossaire", "Glossary"),
}
FACTS = {
    "employer": Label("Employeur", "Employer"),
    "siret": Label("SIRET", "SIRET"),
    "period": Label("Période couverte", "Period covered"),
    "covered": Label("Salariés couverts", "Covered employees"),
    "covered_in": Label("Salariés couverts en {year}", "Covered employees in {year}"),
    "published_at": Label("Publié le", "Published on"),
    "breakdown": Label("Niveau de détail", "Level of detail"),
}
CHART_TITLES = {
    "yearly": Label(
        "Dépense réelle de l'année, toutes familles de soins, et qui l'a payée",
        "The year's actual cost, all care families, and who paid it",
    ),
    "totals": Label(
        "Dépense réelle par famille de soins et qui l'a payée", "Actual cost per care family and who paid it"
    ),
    "broad": Label(
        "Dépense réelle par grande famille de soins et qui l'a payée",
        "Actual cost per broad care family and who paid it",
    ),
    "year_over_year": Label("Dépense réelle d'une année sur l'autre", "Actual cost year over year"),
    "quarterly": Label(
        "Dépense réelle par trimestre, par famille de soins, tranche d'âge et sexe",
        "Actual cost per quarter, by care family, age band and sex",
    ),
    "benchmark": Label(
        "Dépense moyenne par personne ayant consommé : votre entreprise et l'ensemble des employeurs",
        "Average cost per person with care: your company and all employers",
    ),
}
SERIES = {
    "ss_reimbursement": Label("Sécurité sociale", "Sécurité sociale"),
    "complementary_reimbursement": Label("Mutuelle", "Mutuelle"),
    "out_of_pocket": Label("Reste à charge", "Out-of-pocket"),
    "company": Label("Votre entreprise", "Your company"),
    "peers": Label("Ensemble des employeurs (mutualisé)", "All employers (pooled)"),
}
GRAINS = {"year": Label("année", "year"), "quarter": Label("trimestre", "quarter"), "month": Label("mois", "month")}

STATUS = {
    "reported": Label(
        "Des chiffres sur la consommation de soins de vos salariés couverts sont publiés ci-dessous.",
        "Figures on your covered employees' care consumption are published below.",
    ),
    "nothing_publishable": Label(
        "Aucun chiffre ne peut être publié cette fois : chaque valeur calculable décrirait trop peu de personnes "
        "(moins de {k}) ou permettrait d'en retrouver une autre. Votre entreprise compte bien {covered} salariés "
        "couverts en {year}, mais leurs soins se répartissent en groupes trop petits.",
        "Nothing is published this time: every value computable here would describe too few people "
        "(fewer than {k}) or allow another one to be recomputed. Your company covers {covered} employees in "
        "{year}, but their care falls into groups that are too small.",
    ),
    "too_small_to_report": Label(
        "Trop petit pour un rapport : moins de {k} salariés couverts en {year}. Aucun détail ne peut être publié "
        "sans décrire des personnes ; ce dossier ne contient donc que ce constat et la comparaison mutualisée entre "
        "employeurs.",
        "Too small to report: fewer than {k} covered employees in {year}. No breakdown can be published without "
        "describing individuals, so this folder holds only this statement and the comparison pooled across "
        "employers.",
    ),
    "no_closed_period": Label(
        "Aucun chiffre ne peut être publié : aucune année de soins close ne compte encore de salarié couvert par "
        "votre contrat collectif. Les chiffres viendront quand une année close en comptera au moins {k}.",
        "Nothing is published: no closed year of care counts an employee covered by your collective contract yet. "
        "Figures follow when a closed year counts at least {k}.",
    ),
}
BREAKDOWN = Label("par {grain}, {ages}, {sexes} et famille de soins", "by {grain}, {ages}, {sexes} and care family")
AGES = {0: Label("tous âges confondus", "all ages together")}
AGE_WIDTH = Label("tranches d'âge de {w} ans", "{w}-year age bands")
SEX_LEVEL = {
    "sex": Label("femmes et hommes séparément", "women and men separately"),
    "all": Label("les deux sexes ensemble", "both sexes together"),
}

HIDDEN_NOTES = [
    Label(
        "« Non publié » signifie que la valeur existe mais qu'elle est cachée pour qu'on ne puisse reconnaître "
        "aucun salarié ; ce n'est ni un zéro ni une donnée manquante.",
        "'Not published' means the value exists but is hidden so that no employee can be recognised; it is "
        "neither a zero nor missing data.",
    ),
    Label(
        "Une valeur est cachée quand elle concerne moins de {k} salariés : « moins de {k} salariés concernés ».",
        "A value is hidden when it concerns fewer than {k} employees: 'fewer than {k} employees concerned'.",
    ),
    Label(
        "Un montant est caché quand une ou deux personnes en portent l'essentiel (par exemple une hospitalisation "
        "coûteuse) : le publier révélerait leurs dépenses.",
        "An amount is hidden when one or two people carry most of it (a costly hospital stay, for instance): "
        "publishing it would reveal their spending.",
    ),
    Label(
        "D'autres valeurs sont cachées parce que, par addition ou soustraction avec les chiffres publiés, elles "
        "permettraient de retrouver une valeur cachée.",
        "Other values are hidden because, added to or subtracted from the published figures, they would let a "
        "hidden value be recomputed.",
    ),
    Label(
        "Le rapport ne dit pas pour laquelle de ces raisons chaque valeur est cachée : la raison elle-même "
        "renseignerait sur les personnes concernées.",
        "The report does not say which of these reasons hid each value: the reason itself would tell something "
        "about the people concerned.",
    ),
    Label(
        "Le détail (âge, sexe, trimestre) n'est donné que si chaque groupe décrit compte au moins {k} salariés "
        "couverts ; sinon les groupes sont réunis (tous âges, les deux sexes, l'année entière).",
        "Detail (age, sex, quarter) is given only where every group described counts at least {k} covered "
        "employees; otherwise groups are merged (all ages, both sexes, the whole year).",
    ),
    Label(
        "La comparaison avec l'ensemble des employeurs est mutualisée : chaque valeur réunit au moins {k} "
        "personnes et {min_employers} employeurs, dont aucun ne pèse plus de {dominance}. Vos salariés y sont comptés "
        "avec les autres ; elle est la même pour tous les employeurs et ne dit rien d'une entreprise en "
        "particulier.",
        "The comparison with all employers is pooled: each value covers at least {k} people and {min_employers} "
        "employers, none above {dominance} of it. Your employees are counted with the others; it is the same for every "
        "employer and reveals nothing on a single company.",
    ),
]
HIDDEN_WHY = Label("Pourquoi une valeur est cachée :", "Why a value is hidden:")
BROAD_WHY = Label(
    "Pourquoi des grandes familles ? Quand trop peu de salariés ont eu un type de soins, le chiffre de cette famille "
    "est caché pour que personne ne puisse être reconnu. En regroupant les familles de soins en grandes familles, "
    "chacune concerne plus de personnes, et son total peut souvent être publié. Certaines cases restent "
    "cachées quand un calcul (un total moins ses parties) permettrait de retrouver un chiffre caché.",
    "Why broad families? When too few employees had a kind of care, that family's figure is hidden so that nobody "
    "can be recognised. Grouping the care families into broad families means each concerns more people, "
    "and its total can often be published. Some cells stay hidden where a calculation (a total minus its parts) "
    "would give back a hidden figure.",
)
BROAD_PARTS = Label("{broad} regroupe : {parts}.", "{broad} groups: {parts}.")
HIDDEN_INTRO = Label(
    "Lignes de vos tableaux dont les valeurs ne sont pas publiées :",
    "Rows of your tables whose values are not published:",
)
HIDDEN_TABLE = Label("{table} : {masked} ligne(s) sur {rows}", "{table}: {masked} of {rows} row(s)")
HIDDEN_NONE = Label("{table} : tout est publié ({rows} ligne(s))", "{table}: everything is published ({rows} row(s))")
DETAIL_HINT = Label(
    "Lignes dont au moins une valeur est publiée ; le tableau complet est dans les fichiers CSV et XLSX.",
    "Rows with at least one published value; the complete table is in the CSV and XLSX files.",
)
BENCHMARK_HINT = Label(
    "Dépense réelle moyenne par personne ayant consommé, pour l'ensemble des employeurs aux "
    "contrats collectifs de la mutuelle (mutualisé, votre entreprise comprise), par tranche d'âge "
    "et sexe ; « – » : non publié. Les autres montants moyens sont dans les fichiers CSV et XLSX.",
    "Average actual cost per person with care across all employers with collective contracts at "
    "the mutuelle (pooled, your company included), by age band and sex; '–': not published. The "
    "other average amounts are in the CSV and XLSX files.",
)
BENCHMARK_COARSER = Label(
    "Vos chiffres sont publiés à un niveau plus regroupé (âges, sexes) que la comparaison "
    "mutualisée : le graphique ne les met donc pas côte à côte ; les valeurs de référence sont "
    "dans le tableau.",
    "Your figures are published at a more grouped level (ages, sexes) than "
    "the pooled comparison, so the chart does not set them side by side; the reference values "
    "are in the table.",
)
NO_BENCHMARK = Label("Aucune comparaison mutualisée n'est publiée.", "No pooled comparison is published.")
ALL_FAMILIES = Label("Toutes familles de soins", "All care families")
TREND_GROUP = Label("Famille de soins — âge, sexe", "Care family — age, sex")
TREND_HINT = {
    "year_over_year": Label(
        "Chaque point est un chiffre publié de vos tableaux (total de l'année, ou total d'une famille de soins) ; "
        "une année dont le chiffre n'est pas publié est laissée vide. Les valeurs sont dans le tableau ci-dessous.",
        "Each point is a published figure of your tables (the year's total, or a care family's total); a year "
        "whose figure is not published is left empty. The values are in the table below.",
    ),
    "quarterly": Label(
        "Chaque point est un chiffre publié du détail par trimestre (une famille de soins, une tranche d'âge, un "
        "sexe) ; un trimestre dont le chiffre n'est pas publié est laissé vide. Seuls les groupes publiés pour au "
        "moins deux trimestres sont tracés ; les valeurs sont dans le tableau ci-dessous.",
        "Each point is a published figure of the quarterly breakdown (one care family, age band and sex); a "
        "quarter whose figure is not published is left empty. Only groups published for at least two quarters are "
        "drawn; the values are in the table below.",
    ),
}
NO_TREND = {
    "one_year": Label(
        "Pas encore d'évolution : une seule année de soins close est publiée ({years}). L'évolution d'une année sur "
        "l'autre apparaîtra ici quand une deuxième année sera close et publiée. Un suivi par trimestre n'est pas "
        "publié pour votre entreprise : découpés par trimestre, vos chiffres décriraient des groupes de moins de "
        "{k} salariés ou obligeraient à en cacher trop.",
        "No trend yet: a single closed year of care is published ({years}). The year-over-year trend will appear "
        "here once a second year is closed and published. A quarter-by-quarter view is not published for your "
        "company: split by quarter, your figures would describe groups of fewer than {k} employees or too many of "
        "them would have to be hidden.",
    ),
    "too_few_published": Label(
        "Pas d'évolution à montrer : sur les périodes publiées ({years}), aucun de vos chiffres n'est publié pour "
        "deux périodes au moins ; les autres sont cachés pour protéger les personnes.",
        "No trend to show: over the published periods ({years}), none of your figures is published for at least "
        "two periods; the others are hidden to protect individuals.",
    ),
}
TOO_FEW = Label("moins de {k}", "fewer than {k}")
OTHER_LANGUAGE = Label("English version", "Version française")
FILES_NOTE = Label(
    "Les mêmes chiffres existent en CSV (UTF-8, séparateur « ; ») et en classeur XLSX, avec un dictionnaire des "
    "colonnes. Le fichier manifest.json liste chaque fichier avec son empreinte SHA-256 ; il est signé par la "
    "mutuelle (manifest.sig). Vérifiez la signature avec la clé publique que la mutuelle vous a remise par un autre "
    "canal : voir LISEZMOI.txt.",
    "The same figures are available as CSV (UTF-8, ';' separator) and as an XLSX workbook, with a column "
    "dictionary. manifest.json lists every file with its SHA-256 checksum; it is signed by the mutuelle "
    "(manifest.sig). Check the signature with the public key the mutuelle gave you by other means (letter, "
    "customer area): see LISEZMOI.txt.",
)
FOOTER = Label(
    "Chiffres anonymisés publiés par la passerelle de publication Confiance ; aucune personne n'y figure.",
    "Anonymised figures published by the Confiance publication gate; no person appears in them.",
)


@dataclass(frozen=True)
class GlossaryEntry:
    """A term as the page prints it, the business glossary's term it stands for, and what it means."""

    shown: Label
    key: str | None  # contracts/glossary.yaml term, named alongside when the trade calls it otherwise
    meaning: Label


# The terms the report uses, in the words the page uses (a reader looks up what they see), for a reader
# outside the insurance trade; the trade's name (business glossary) follows when it differs.
GLOSSARY: tuple[GlossaryEntry, ...] = (
    GlossaryEntry(
        Label("Salariés couverts", "Covered employees"),
        None,
        Label(
            "Salariés couverts par le contrat collectif à un moment de l'année, qu'ils aient eu des soins ou non.",
            "Employees covered by the collective contract at some point in the year, whether they had care or not.",
        ),
    ),
    GlossaryEntry(
        Label("Contrat collectif", "Collective contract"),
        "collective_contract",
        Label(
            "Contrat santé souscrit par l'employeur pour ses salariés ; ce rapport en décrit les soins remboursés.",
            "Health contract taken out by the employer for its employees; this report describes the care it "
            "reimbursed.",
        ),
    ),
    GlossaryEntry(
        DISPLAY["act_family"],
        "act_family",
        Label(
            "Grande catégorie de soins : consultations, pharmacie, optique, dentaire, hospitalisation...",
            "Broad category of care: consultations, pharmacy, optics, dental, hospital...",
        ),
    ),
    GlossaryEntry(
        DISPLAY["broad_family"],
        "broad_family",
        Label(
            "Regroupement de familles de soins (soins courants, pharmacie, hospitalisation ; dentaire, optique et "
            "audiologie). Son total est la somme des familles qu'il regroupe.",
            "A grouping of care families (routine care, pharmacy, hospital; dental, optics and hearing aids). Its "
            "total is the sum of the families it groups.",
        ),
    ),
    GlossaryEntry(
        DISPLAY["member_count"],
        None,
        Label(
            "Nombre de salariés couverts ayant eu au moins un soin du type décrit sur la période. Une même personne "
            "compte dans chaque famille de soins où elle a eu des soins.",
            "Number of covered employees with at least one act of the kind described in the period. One person "
            "counts in every care family in which they had care.",
        ),
    ),
    GlossaryEntry(
        DISPLAY["benefit_line_count"],
        "benefit_line_count",
        Label(
            "Nombre de soins remboursés (une ligne par acte facturé : une consultation, une boîte de médicaments...).",
            "Number of reimbursed acts (one line per billed act: a consultation, a box of medicine...).",
        ),
    ),
    GlossaryEntry(
        Label("Dépense réelle", "Actual cost"),
        "actual_cost",
        Label(
            "Le prix total des soins, avant tout remboursement.", "The total price of care, before any reimbursement."
        ),
    ),
    GlossaryEntry(
        Label("Sécurité sociale", "Sécurité sociale"),
        "ss_reimbursement",
        Label(
            "Ce que l'Assurance maladie obligatoire a remboursé.",
            "What the mandatory national health insurance reimbursed.",
        ),
    ),
    GlossaryEntry(
        Label("Mutuelle", "Mutuelle"),
        "complementary_reimbursement",
        Label(
            "Ce que la mutuelle a remboursé en complément, au titre du contrat collectif.",
            "What the mutuelle reimbursed on top, under the collective contract.",
        ),
    ),
    GlossaryEntry(
        Label("Reste à charge", "Out-of-pocket"),
        "out_of_pocket",
        Label(
            "Ce qui reste à payer par le salarié après les deux remboursements.",
            "What the employee still pays after both reimbursements.",
        ),
    ),
    GlossaryEntry(
        Label("Période close", "Closed period"),
        "care_period",
        Label(
            "Année (ou trimestre) de soins terminée. Seules les périodes closes sont publiées, et leurs chiffres ne "
            "changent plus ensuite.",
            "A year (or quarter) of care that has ended. Only closed periods are "
            "published, and their figures do not change afterwards.",
        ),
    ),
    GlossaryEntry(
        Label("Mutualisé", "Pooled"),
        "mutualisation",
        Label(
            "Chiffres réunissant plusieurs employeurs, pour vous situer sans rien révéler d'aucun d'eux.",
            "Figures pooling several employers, to compare without revealing anything about any of them.",
        ),
    ),
    GlossaryEntry(
        Label("Non publié", "Not published"),
        "statistical_disclosure_control",
        Label(
            "Valeur cachée par les règles du secret statistique, qui cachent ou regroupent des chiffres pour qu'on ne "
            "puisse reconnaître personne (voir « Ce qui est caché, et pourquoi »).",
            "A value hidden by the rules of statistical disclosure control, which hide or merge figures so that nobody "
            "can be recognised (see 'What is hidden, and why').",
        ),
    ),
)


@cache
def _glossary() -> dict[str, dict]:
    with open(CONTRACTS_DIR / "glossary.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh).get("terms") or {}


def glossary_heading(entry: GlossaryEntry) -> Label:
    """The term as the page prints it, then the business glossary's name for it when that differs."""
    term = (_glossary().get(entry.key) or {}) if entry.key else {}
    trade = Label(str(term.get("term") or ""), str(term.get("english") or "").split(" (")[0])

    def heading(lang: str) -> str:
        shown, other = entry.shown(lang).replace(" (€)", ""), trade(lang)
        if not other or other.casefold() == shown.casefold():
            return shown
        if other.casefold().startswith(shown.casefold()):
            return other
        return f"{shown} — {other[:1].upper() + other[1:]}"

    return Label(heading("fr"), heading("en"))


def family(code: str, lang: str) -> str:
    label = ACT_FAMILIES.get(code)
    return label(lang) if label else code


#: The grouping of the act families into broad care families: its one home is this dbt seed.
BROAD_FAMILY_SEED = DBT_PROJECT_DIR / "seeds" / "act_family_group.csv"


@cache
def broad_families() -> dict[str, tuple[Label, tuple[str, ...]]]:
    """Broad care family code -> (its name, the act families it groups), in the seed's order."""
    out: dict[str, tuple[Label, tuple[str, ...]]] = {}
    with open(BROAD_FAMILY_SEED, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["broad_family"]
            label = Label(row["broad_family_label_fr"], row["broad_family_label_en"])
            parts = out[code][1] if code in out else ()
            out[code] = (label, (*parts, row["act_family"]))
    return out


def broad_family(code: str, lang: str) -> str:
    found = broad_families().get(code)
    return found[0](lang) if found else code


def broad_family_parts(lang: str) -> list[str]:
    """One sentence per broad family naming the act families it groups (the page's key to the table)."""
    return [
        BROAD_PARTS(lang).format(broad=label(lang), parts=", ".join(family(f, lang).lower() for f in parts))
        for label, parts in broad_families().values()
    ]


def age_band(value: str | None, lang: str) -> str:
    if value in (None, "", "all"):
        return ALL_AGES(lang)
    return value.replace("-", "–") + (" ans" if lang == "fr" else " years")


def sex(value: str | None, lang: str) -> str:
    return SEXES.get(value or "all", SEXES["all"])(lang)
