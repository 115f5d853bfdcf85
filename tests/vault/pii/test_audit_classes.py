"""Classes of miss and false positive seen on an outside auditor's blind corpus (issue 10, round 2).

Each class has a case that must be found and a decoy that must be left alone; the sentences are written
here, not copied from any corpus.
"""

from __future__ import annotations

import pytest

from vault.pii.scrubber import analyze_texts


def found(text: str) -> list[tuple[str, str]]:
    return [(s.entity_type, text[s.start : s.end]) for s in analyze_texts([text])[0]]


def labels_of(text: str, value: str) -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {s.entity_type for s in analyze_texts([text])[0] if s.start < end and start < s.end}


# --- NIR key after "clef" ------------------------------------------------------------


def test_nir_key_after_clef():
    text = "Assuré né en 1935, NIR 1 35 02 63 404 941 clef 92. Rattachement fait."
    assert ("NIR", "1 35 02 63 404 941 clef 92") in found(text)


def test_nir_after_clef_with_a_wrong_key_is_left_alone():
    text = "Numéro dicté 1 35 02 63 404 941 clef 93, à revérifier."
    assert "NIR" not in {label for label, _ in found(text)}


# --- dates of birth ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Nouvelle salariée : Léa Bonnard, DDN 25/11/2013, mail lea.bonnard@orange.fr", "25/11/2013"),
        ("Nouvelle salariée : Léa Bonnard, DDN 1970-11-11, mail lea.bonnard@orange.fr", "1970-11-11"),
        ("- date de naissance : 04 févr. 1968\n- tel : 0439720056", "04 févr. 1968"),
        ("Née le 12 déc. 1957 à Brest.", "12 déc. 1957"),
    ],
)
def test_date_of_birth_forms(text, date):
    assert ("DATE_OF_BIRTH", date) in found(text)


def test_a_date_before_mail_is_no_address():
    text = "Léa Bonnard, DDN 25/11/2013, mail lea.bonnard@orange.fr"
    assert "ADDRESS" not in {label for label, _ in found(text)}


def test_abbreviated_month_of_care_is_no_birth():
    text = "Soins du 04 févr. 2025, remboursés le 10 févr. 2025."
    assert "DATE_OF_BIRTH" not in {label for label, _ in found(text)}


# --- SIREN after an arrow ------------------------------------------------------------


def test_second_siren_after_an_arrow():
    text = "Mise à jour du SIREN suite à la fusion (639 679 778 -> 322 659 129). Merci."
    assert labels_of(text, "322 659 129") == {"SIREN"}
    assert labels_of(text, "639 679 778") == {"SIREN"}


def test_number_after_an_arrow_with_a_wrong_checksum_is_left_alone():
    text = "Mise à jour du SIREN suite à la fusion (639 679 778 -> 322 659 128). Merci."
    assert labels_of(text, "322 659 128") == set()


# --- upper-case texts: ordinary words are not names ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "REMBOURSEMENT EFFECTUE LE 12/03/2024 - MONTANT 258,32 € - REF 20261",
        "NIR SAISI 1 62 12 2B 836 485 15 NON RECONNU (CLE FAUSSE) ; DOSSIER RENVOYE A L'ADHERENT.",
        "QUESTION SUR LE REMBOURSEMENT BILAN ORTHOPTIQUE. RENVOYE VERS LE SERVICE.",
        "Suivi.\nCOACHING TABAC - SEMAINE 12 - 3 CIGARETTES/JOUR - TRES MOTIVE",
        "COACHING TABAC - SEMAINE 6 - 3 CIGARETTES/JOUR - TRES MOTIVE Très fatigué ce jour.",
        "Soins du 03.12.23.  REMBOURSEMENT EFFECTUE LE 2024-09-06 - MONTANT 167,98 EUR - REF 7119745",
        "APPELANT N'A PAS VOULU DONNER SON IDENTITE, INFO GENERALE DONNEE SUR LE CSS.",
        "L'ASSURÉ DEMANDE L'ENVOI DE SA CARTE, PRISE EN CHARGE À 60 %.",
    ],
)
def test_upper_case_text_without_names_is_untouched(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("APPEL DE CHRISTOPHE GUILLOU, 06 80 52 47 59, VEUT SAVOIR OÙ EN EST LE REMBOURSEMENT.", "CHRISTOPHE GUILLOU"),
        ("STRESS AU TRAVAIL, MANAGER CHARLES COSTE. CONSEILLE DE VOIR LA MEDECINE DU TRAVAIL.", "CHARLES COSTE"),
        ("ADH COSTE APPELLE, A CHANGE D'ADRESSE.", "COSTE"),
        ("MOTIF JOINT. MERCI PAR AVANCE.\nDANIEL SAUVAGE\nRESPONSABLE RH", "DANIEL SAUVAGE"),
    ],
)
def test_upper_case_names_still_found(text, name):
    assert "PERSON" in labels_of(text, name)


# --- companies, places named after people, drugs ------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Facture transport SAS Martin & Associés reçue.", "Martin"),
        ("Programme entreprise Cuisines Schmidt pour les salariés.", "Schmidt"),
        ("Facture Crèche Les P'tits Loups jointe.", "Loups"),
        ("Facture des Transports Lefebvre SAS à Limoges.", "Lefebvre"),
        ("Atelier à la piscine Jean Bouin le mardi.", "Jean Bouin"),
        ("Atelier au parc Georges Brassens.", "Georges Brassens"),
        ("Adressé au centre hospitalier Simone Veil pour une consultation.", "Simone Veil"),
        ("Atelier à la médiathèque Marguerite Duras le 1/8/2024.", "Marguerite Duras"),
        ("Nouvelle adresse : Lieu-dit Champ de la Pierre, 09000 Foix.", "Champ de la Pierre"),
        ("Bénéficiaire sous Seretide et Dexeryl. Conseillé de voir son médecin.", "Dexeryl"),
        ("Bonjour, ci-joint ordonnance pour Eliquis.", "Eliquis"),
        ("Appel pour un rejet tiers payant sur Lamaline. Droits ouverts.", "Lamaline"),
        ("Lunettes achetées chez Krys, devis joint.", "Krys"),
    ],
)
def test_companies_places_and_drugs_are_no_person(text, value):
    assert "PERSON" not in labels_of(text, value)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Adh Descamps appelle, a changé d'adresse.", "Descamps"),
        ("Nom de naissance BOULANGER, nom d'usage Laine. Corrigé dans la fiche.", "Laine"),
        ("Remboursement validé au 14/10/2025.\n\nVisa resp. : Boulanger", "Boulanger"),
        ("Stress au travail chez Patrick, manager exigeant.", "Patrick"),
        ("Dossier suivi par Mme Martin, à rappeler.", "Martin"),
        ("Rendez-vous avec Jean Bouin le 3 mars, il rappellera.", "Jean Bouin"),
    ],
)
def test_persons_next_to_those_words_still_found(text, name):
    assert "PERSON" in labels_of(text, name)


# --- birth years and dates right after a name; names after "nom marital" -----------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Entretien motivationnel avec Mme L. Leleu, 1982, retraitée de l'hôtellerie.", "1982"),
        ("Campagne prévention : Mr HUET (1990) OK pour un rdv.", "1990"),
        ("Ayants droit :\n- Karim Haddad, 06 avr. 1990\nBien à vous,", "06 avr. 1990"),
    ],
)
def test_birth_date_right_after_a_name(text, date):
    assert ("DATE_OF_BIRTH", date) in found(text)


def test_year_without_a_name_is_no_birth():
    text = "Campagne de prévention 2025, (2024) reconduite pour les salariés."
    assert "DATE_OF_BIRTH" not in {label for label, _ in found(text)}


def test_lower_case_names_after_maiden_and_married_name():
    text = "Bonjour, nom de jeune fille morin, nom marital dupont. Merci de corriger."
    assert ("PERSON", "morin") in found(text) and ("PERSON", "dupont") in found(text)
    assert found("Bonjour, le nom du fichier est faux. Merci de corriger.") == []


def test_visa_without_a_name_is_untouched():
    assert found("Remboursement validé au 14/10/2025.\n\nVisa resp. : OK") == []


def test_adh_alone_is_no_name():
    assert found("Adh. en attente de pièces, rappel prévu.") == []
