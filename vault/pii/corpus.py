"""A labelled synthetic corpus of French mutuelle free text, for measuring PII detection.

Each item is a comment in one of the styles a mutuelle sees — claims staff
comments, call-centre notes, dental quote remarks, e-mails from members — built
from a template whose personal-data slots are filled with synthetic values
(valid NIR keys, IBAN checksums, SIRET Luhn digits, Faker names) and whose
character spans are recorded. About a third of the items hold no personal data
but the usual traps: amounts, act codes, invoice numbers, treatment dates,
15-digit numbers that are not NIRs, département numbers, city names.

The same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from faker import Faker

from confiance.identifiers import iban_check_digits, luhn_check_digit, make_fr_iban, make_nir, make_siren, make_siret
from vault.pii.recognizers import SEPA_IBAN_LENGTHS


@dataclass
class LabelledText:
    """One corpus item: the text and its gold spans ``(start, end, entity_type)``."""

    id: str
    style: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    names: tuple[str, str] = ("", "")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "style": self.style,
            "text": self.text,
            "spans": [{"start": s, "end": e, "entity_type": t} for s, e, t in self.spans],
        }


# --- templates ---------------------------------------------------------------------
# {SLOT} placeholders: upper-case slots are personal data (annotated), lower-case are filler.

CLAIMS = [
    "Rappeler Mme {LAST} au {PHONE} pour la facture manquante.",
    "Rappeler M. {FULL} au {PHONE}, NIR {NIR} à vérifier avec la CPAM.",
    "Facture optique reçue le {date}, montant {amount}. NIR {NIR} inconnu de la CPAM, rejet Noémie.",
    "Changement de RIB demandé par l'adhérent : nouvel IBAN {IBAN}. Virement du {date} à refaire.",
    "Remboursement {amount} viré sur le compte {IBAN} au lieu de l'ancien RIB.",
    "L'adhérente {FULL} a déménagé : {ADDRESS_FULL}. Mettre à jour le dossier.",
    "Courrier retour NPAI, nouvelle adresse : {ADDRESS_FULL}",
    "Décompte du {date} renvoyé par mail à {EMAIL} à la demande de l'assuré.",
    "Prescription du Dr {LAST} (RPPS {RPPS}) jointe au dossier, acte {act}.",
    "Kiné n° ADELI {ADELI}, séances du {date} prises en charge à {percent}.",
    "Ayant droit née le {DOB}, rattachée au contrat de sa mère {FULL}.",
    "Enfant {CHILD} né le {DOB} ajouté comme ayant droit.",
    "Attestation employeur reçue, SIRET {SIRET}, adhésion collective validée.",
    "Dossier {dossier} : facture hospitalisation {amount}, forfait journalier {amount2}.",
    "Paiement effectué le {date}, {amount} remboursés sur {amount2} de dépense.",
    "Code acte {act} non couvert par la garantie, reste à charge {amount}.",
    "Facture n° {invoice} reçue en double, second envoi classé sans suite.",
    "Dépassement d'honoraires {amount} pris en charge à {percent} du BR.",
    "Tiers payant refusé par la pharmacie, remboursement direct de {amount}.",
    "Prise en charge hospitalière accordée pour le séjour du {date} au {date2}.",
    "Département {dep} : clinique hors réseau, pas de tiers payant.",
    "Devis optique vérifié, verres classe A, {amount} pour la monture.",
    "Pièce manquante : attestation de droits CPAM. Relance envoyée le {date}.",
    "Référence interne {dossier15}, NIR absent du décompte, en attente.",
    "{FULL} conteste le remboursement du {date} ({amount}).",
    "Assuré joignable au {PHONE} après 18h, NIR {NIR}.",
    "Mme {UPPER_FIRST} a transmis son RIB ({IBAN}) par courrier.",
    "Adresse de correspondance {ADDRESS} conservée, e-mail {EMAIL} ajouté.",
    "Dossier transmis à {FULL} pour validation du forfait.",
    "{FULL} a appelé deux fois cette semaine au sujet du devis.",
    "Vu avec {FIRST} au téléphone, elle renverra la facture.",
    "Séjour à l'Hôpital Saint-Louis du {date} au {date2}, forfait journalier pris en charge.",
    "Facture de la Clinique des Lilas transmise par la CPAM de {city}.",
    "Transfert du dossier vers Harmonie Mutuelle, résiliation loi Chatel.",
    "Lunettes Ray-Ban, monture hors panier 100% Santé, reste à charge {amount}.",
    "Centre de santé Saint-Joseph à {city}, tiers payant accepté.",
    "Accord du médecin-conseil de la Caisse Primaire, dossier {dossier}.",
    "Taux Sécurité Sociale 60 %, complément Mutuelle Confiance {percent}.",
]

CALLS = [
    "Appel de {FULL} ({PHONE}) : demande de remboursement orthodontie. Rappel prévu le {date}.",
    "Appel entrant, M. {LAST} signale un changement d'adresse : {ADDRESS_FULL}.",
    "Appel entrant : l'adhérent demande l'attestation tiers payant, envoyée à {EMAIL}.",
    "Mme {FULL} appelle pour son fils {CHILD}, né le {DOB}, carte tiers payant non reçue.",
    "Appel sortant vers le {PHONE}, messagerie, rappeler demain.",
    "Appel : l'assurée souhaite résilier au {date}, préavis respecté.",
    "Appel de la pharmacie {city} pour un rejet tiers payant, dossier {dossier}.",
    "Réclamation téléphonique, délai de remboursement jugé trop long ({days} jours).",
    "Appel de {FULL}, n° de sécu {NIR}, question sur le 100% santé.",
    "Client mécontent, transfert au service réclamations. Joignable au {PHONE}.",
    "Appel entrant : changement de coordonnées bancaires, IBAN {IBAN}, tél. {PHONE}.",
    "Appel de l'employeur (SIRET {SIRET}) pour l'affiliation d'un nouveau salarié.",
    "Appel : question sur les garanties dentaires, aucun suivi nécessaire.",
    "Appel de {FULL} : date de naissance {DOB} erronée sur la carte, à corriger.",
    "L'adhérent {UPPER_FIRST} demande un duplicata de carte, à envoyer au {ADDRESS_FULL}.",
    "Appel du cabinet du Dr {FULL} au sujet d'un devis, rappel au {PHONE}.",
]

DENTAL = [
    "Devis prothèse dentaire du Dr {FULL} : couronne céramique dent {tooth}, reste à charge {amount}.",
    "Devis implant dent {tooth}, praticien RPPS {RPPS}, à valider par le dentiste conseil.",
    "Devis orthodontie {amount} sur {semesters} semestres, prise en charge plafonnée à {amount2}.",
    "Devis inlay-core + couronne dent {tooth} accepté, panier 100% santé.",
    "Devis reçu du cabinet dentaire {city}, actes {act} et {act2}, accord donné.",
    "Devis dentaire de Mme {LAST} : bridge 3 éléments, dépassement {amount}.",
    "Chirurgien-dentiste Dr {LAST}, RPPS {RPPS}, devis du {date} incomplet.",
    "Devis parodontologie non remboursable, information donnée à l'adhérent.",
    "Devis prothèse amovible, {amount} dont {amount2} remboursés par la Sécurité sociale.",
    "Devis transmis par {EMAIL}, patient {FULL}, dent {tooth} à extraire.",
]

EMAILS = [
    "Bonjour,\nVeuillez trouver ci-joint ma facture d'opticien. Mon numéro de sécurité sociale est {NIR}.\n"
    "Cordialement,\n{FULL}\n{PHONE}",
    "Bonjour, je souhaite modifier mon adresse : {ADDRESS_FULL}. Merci. {FULL}",
    "Madame, Monsieur,\nJe n'ai pas reçu le remboursement du {date}. Mon RIB : {IBAN}.\nBien à vous, {FULL}",
    "Bonjour,\nPouvez-vous me rappeler au {PHONE} ? Je suis née le {DOB}.\n{FULL}",
    "Bonjour, merci d'envoyer l'attestation à mon adresse mail {EMAIL}. Bonne journée.",
    "Bonjour,\nci-joint le devis de mon dentiste. Merci de me dire ce qui sera remboursé.\nCordialement",
    "Objet : remboursement lunettes\nBonjour, le remboursement de {amount} est-il bien parti ? Merci.",
    "Bonjour, je vous transmets la facture de l'hôpital de {city} pour mon séjour du {date}.\n{FULL}",
    "Bonjour,\nmon fils {CHILD} (NIR {NIR}) doit être ajouté à mon contrat. Je joins l'acte de naissance.\n"
    "{FULL}, {ADDRESS_FULL}",
    "Bonjour, voici mes nouvelles coordonnées : tél {PHONE}, e-mail {EMAIL}. Cordialement, {FULL}",
]

STYLES: dict[str, list[str]] = {"claims": CLAIMS, "call_centre": CALLS, "dental_quote": DENTAL, "email": EMAILS}

#: Which gold entity type each personal-data slot carries.
SLOT_TYPES = {
    "FULL": "PERSON",
    "LAST": "PERSON",
    "FIRST": "PERSON",
    "CHILD": "PERSON",
    "UPPER_FIRST": "PERSON",
    "NIR": "NIR",
    "PHONE": "PHONE",
    "IBAN": "IBAN",
    "EMAIL": "EMAIL",
    "ADDRESS": "ADDRESS",
    "ADDRESS_FULL": "ADDRESS",
    "SIRET": "SIRET",
    "RPPS": "RPPS",
    "ADELI": "ADELI",
    "DOB": "DATE_OF_BIRTH",
}

_STREET_TYPES = ["rue", "rue", "rue", "avenue", "boulevard", "allée", "impasse", "chemin", "place", "route", "quai",
                 "square", "résidence", "bd", "av."]  # fmt: skip
_STREET_NAMES = ["de la République", "Victor Hugo", "des Lilas", "Jean Jaurès", "du Général de Gaulle", "Pasteur",
                 "de la Gare", "des Tilleuls", "du Moulin", "de l'Église", "Gambetta", "des Écoles", "Saint-Michel",
                 "de Verdun", "Émile Zola", "des Acacias", "de la Paix", "du 8 Mai 1945", "Pierre et Marie Curie",
                 "des Peupliers", "de Bretagne", "Anatole France", "du Château", "des Vignes",
                 "Jules Ferry"]  # fmt: skip
_COMMUNES = [("75011", "Paris"), ("69003", "Lyon"), ("13008", "Marseille"), ("31000", "Toulouse"),
             ("44000", "Nantes"), ("42000", "Saint-Étienne"), ("13100", "Aix-en-Provence"),
             ("92100", "Boulogne-Billancourt"), ("72000", "Le Mans"), ("59650", "Villeneuve-d'Ascq"),
             ("94100", "Saint-Maur-des-Fossés"), ("20000", "Ajaccio"), ("20200", "Bastia"),
             ("97200", "Fort-de-France"), ("67000", "Strasbourg"), ("33000", "Bordeaux"), ("35000", "Rennes"),
             ("86000", "Poitiers"), ("64100", "Bayonne"), ("74000", "Annecy")]  # fmt: skip
_CITIES = ["Lyon", "Lille", "Nantes", "Rennes", "Toulouse", "Nice", "Dijon", "Tours", "Metz", "Brest"]
_ACTS = ["HBLD036", "HBMD049", "HBGD001", "YYYY010", "C", "CS", "G", "APC", "K20", "AMO", "PDT", "HBQK002"]
_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "yahoo.fr", "hotmail.fr", "sfr.fr", "outlook.fr"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]  # fmt: skip


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "")


class _Filler:
    """Renders each slot; personal data from a seeded Faker and the identifier rules."""

    def __init__(self, rng: random.Random, faker: Faker) -> None:
        self.rng = rng
        self.faker = faker
        self.first = ""
        self.last = ""

    def new_person(self) -> None:
        self.first = self.faker.first_name()
        self.last = self.faker.last_name()

    # personal data
    def FULL(self) -> str:  # noqa: N802
        r = self.rng.random()
        if r < 0.6:
            return f"{self.first} {self.last}"
        if r < 0.85:
            return f"{self.last.upper()} {self.first}"
        return f"{self.first} {self.last.upper()}"

    def LAST(self) -> str:  # noqa: N802
        return self.last.upper() if self.rng.random() < 0.25 else self.last

    def FIRST(self) -> str:  # noqa: N802
        return self.first

    def CHILD(self) -> str:  # noqa: N802
        return self.faker.first_name()

    def UPPER_FIRST(self) -> str:  # noqa: N802
        return f"{self.last.upper()} {self.first}"

    def NIR(self) -> str:  # noqa: N802
        rng = self.rng
        r = rng.random()
        dep = "2A" if r < 0.07 else "2B" if r < 0.12 else "974" if r < 0.16 else f"{rng.randint(1, 95):02d}"
        if dep == "20":
            dep = "21"
        commune = rng.randint(1, 99) if len(dep) == 3 else rng.randint(1, 999)
        nir = make_nir(rng.choice("MF"), rng.randint(1940, 2020), rng.randint(1, 12), dep, commune, rng.randint(1, 999))
        style = rng.random()
        if style < 0.4:
            return nir
        if style < 0.85:
            return f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        return f"{nir[:13]} {nir[13:]}"

    def PHONE(self) -> str:  # noqa: N802
        rng = self.rng
        first = rng.choice("1234567996")
        digits = first + "".join(str(rng.randint(0, 9)) for _ in range(8))
        pairs = [digits[1:3], digits[3:5], digits[5:7], digits[7:9]]
        style = rng.random()
        if style < 0.4:
            return f"0{first} " + " ".join(pairs)
        if style < 0.55:
            return f"0{first}." + ".".join(pairs)
        if style < 0.7:
            return f"0{first}" + "".join(pairs)
        if style < 0.8:
            return f"0{first}-" + "-".join(pairs)
        if style < 0.93:
            return f"+33 {first} " + " ".join(pairs)
        return f"+33{first}" + "".join(pairs)

    def IBAN(self) -> str:  # noqa: N802
        rng = self.rng
        if rng.random() < 0.8:
            iban = make_fr_iban(rng.randint(10000, 99999), rng.randint(0, 99999), rng.randint(0, 10**11 - 1))
        else:
            country = rng.choice(["DE", "BE", "ES", "IT", "LU", "NL", "PT", "CH"])
            n = SEPA_IBAN_LENGTHS[country] - 4
            if country == "NL":
                bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
                bban += "".join(str(rng.randint(0, 9)) for _ in range(n - 4))
            elif country == "IT":
                bban = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))
            else:
                bban = "".join(str(rng.randint(0, 9)) for _ in range(n))
            iban = country + iban_check_digits(country, bban) + bban
        if rng.random() < 0.7:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def EMAIL(self) -> str:  # noqa: N802
        rng = self.rng
        first, last = _ascii(self.first), _ascii(self.last)
        local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{last}{rng.randint(1, 99)}", f"{first}_{last}"])
        return f"{local}@{rng.choice(_DOMAINS)}"

    def _street(self) -> str:
        rng = self.rng
        number = str(rng.randint(1, 250))
        if rng.random() < 0.1:
            number += rng.choice([" bis", " ter", "B"])
        if rng.random() < 0.3:
            street = self.faker.street_name()
        else:
            street = f"{rng.choice(_STREET_TYPES)} {rng.choice(_STREET_NAMES)}"
        sep = ", " if rng.random() < 0.2 else " "
        return f"{number}{sep}{street}"

    def ADDRESS(self) -> str:  # noqa: N802
        return self._street()

    def ADDRESS_FULL(self) -> str:  # noqa: N802
        rng = self.rng
        cp, commune = rng.choice(_COMMUNES) if rng.random() < 0.7 else (self.faker.postcode(), self.faker.city())
        return f"{self._street()}{rng.choice([', ', ' ', ' - '])}{cp} {commune}"

    def SIRET(self) -> str:  # noqa: N802
        siret = make_siret(make_siren(self.rng.randint(10**7, 10**8 - 1)), self.rng.randint(1, 99))
        return siret if self.rng.random() < 0.6 else f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"

    def RPPS(self) -> str:  # noqa: N802
        partial = "10" + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        return partial + luhn_check_digit(partial)

    def ADELI(self) -> str:  # noqa: N802
        return f"{self.rng.randint(1, 95):02d}{self.rng.choice('0123456789')}" + "".join(
            str(self.rng.randint(0, 9)) for _ in range(6)
        )

    def DOB(self) -> str:  # noqa: N802
        rng = self.rng
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2022)
        style = rng.random()
        if style < 0.6:
            return f"{d:02d}/{m:02d}/{y}"
        if style < 0.75:
            return f"{d:02d}-{m:02d}-{y}"
        return f"{'1er' if d == 1 else d} {_MONTHS[m - 1]} {y}"

    # filler (never personal data)
    def date(self) -> str:
        return f"{self.rng.randint(1, 28):02d}/{self.rng.randint(1, 12):02d}/{self.rng.randint(2022, 2025)}"

    date2 = date

    def amount(self) -> str:
        return f"{self.rng.randint(5, 4000)},{self.rng.randint(0, 99):02d} €"

    amount2 = amount

    def percent(self) -> str:
        return self.rng.choice(["60 %", "70%", "100 %", "125% BR", "200 %"])

    def act(self) -> str:
        return self.rng.choice(_ACTS)

    act2 = act

    def dossier(self) -> str:
        return f"{self.rng.randint(2020, 2025)}-{self.rng.randint(0, 999999):06d}"

    def dossier15(self) -> str:
        # a 15-digit reference shaped like a NIR whose key is wrong
        nir = make_nir("M", self.rng.randint(1950, 2000), self.rng.randint(1, 12), "75", 1, self.rng.randint(1, 999))
        return nir[:13] + f"{(int(nir[13:]) % 97) + 1:02d}"

    def invoice(self) -> str:
        return str(self.rng.randint(10**9, 10**10 - 1))

    def city(self) -> str:
        return self.rng.choice(_CITIES)

    def dep(self) -> str:
        return self.rng.choice(["75", "13", "69", "2A", "974", "33"])

    def tooth(self) -> str:
        return str(self.rng.choice([11, 16, 21, 26, 36, 46, 47, 37]))

    def semesters(self) -> str:
        return str(self.rng.randint(2, 6))

    def days(self) -> str:
        return str(self.rng.randint(10, 60))


_SLOT = re.compile(r"\{(\w+)\}")


def render(template: str, filler: _Filler) -> tuple[str, list[tuple[int, int, str]]]:
    """Fill ``template``; return the text and the spans of its personal-data slots."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for match in _SLOT.finditer(template):
        literal = template[pos : match.start()]
        out.append(literal)
        length += len(literal)
        slot = match.group(1)
        value = getattr(filler, slot)()
        if slot in SLOT_TYPES:
            spans.append((length, length + len(value), SLOT_TYPES[slot]))
        out.append(value)
        length += len(value)
        pos = match.end()
    out.append(template[pos:])
    return "".join(out), spans


def generate_corpus(n: int = 1200, seed: int = 20240501) -> list[LabelledText]:
    """``n`` labelled comments, reproducible from ``seed`` (styles drawn with fixed weights)."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, reproducible on purpose
    faker = Faker("fr_FR")
    faker.seed_instance(seed)
    filler = _Filler(rng, faker)
    styles = list(STYLES)
    weights = [0.45, 0.25, 0.15, 0.15]
    items: list[LabelledText] = []
    for i in range(n):
        style = rng.choices(styles, weights)[0]
        template = rng.choice(STYLES[style])
        filler.new_person()
        text, spans = render(template, filler)
        items.append(LabelledText(f"c{i:05d}", style, text, spans, (filler.first, filler.last)))
    return items
