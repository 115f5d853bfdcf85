"""Round 14 (AUDIT-12 released as tuning material): French phone numbers in slash-separated groups other than five
pairs, as forms and signatures write them. Cases written for this round, not copied from any corpus."""

from __future__ import annotations

import pytest

from vault.pii.scrubber import analyze_texts


def _phones(text: str) -> list[str]:
    (spans,) = analyze_texts([text])
    return [text[s.start : s.end] for s in spans if s.entity_type == "PHONE"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Coordonnées : 04/7215/3386 / claire.m@exemple.fr", "04/7215/3386"),
        ("Merci de me rappeler au 06/5521/0947 après 18h.", "06/5521/0947"),
        ("Bien à vous,\nYannick\n07/3318/2264", "07/3318/2264"),
        ("Personne à contacter : M. Oury – 02/41/883152", "02/41/883152"),
        ("Tél. : +33 6/7720/1593 (portable)", "+33 6/7720/1593"),
        ("Tél. domicile 05 / 5612 / 7048", "05 / 5612 / 7048"),
        # a year between two groups is a phone when a phone cue says so
        ("Portable : 06/2019/4471", "06/2019/4471"),
    ],
)
def test_a_phone_in_slashed_groups_is_found(text, phone):
    assert phone in _phones(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dossier 03/0048/2291 transmis au service médical.",  # a reference word before it
        "Réf. 01/2024/0007 : devis optique reçu.",  # reference shape: a year between two groups
        "Convention 02/2023/1187 signée avec le centre.",
        "Soins du 06/12/2025 au 12/06/2026, facture 04/123/456.",  # dates; nine digits
        "Lot 06/3947/19350 retiré du stock.",  # eleven digits
        "Pièce 1/06/3947/1935 jointe.",  # a longer slashed run
    ],
)
def test_a_reference_or_a_date_in_slashed_groups_is_no_phone(text):
    assert _phones(text) == []


def _persons(text: str) -> list[str]:
    (spans,) = analyze_texts([text])
    return [text[s.start : s.end] for s in spans if s.entity_type == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Séjour au CHU Antoine Béclère du 3 au 9 mars, facture contestée.",
        "Le centre aéré Louise Michel ouvre ses portes le 6 juillet.",
        "Match du Handball Club Marcel Cerdan samedi prochain.",
        "Tarif journalier de la maison de retraite Saint-Joseph : 72,40 €.",
        "Inscription au collège Victor Schoelcher pour la rentrée.",
        "Agence de Vannes : mar-sam 9h30-18h",
        "Accueil téléphonique Mar-Sam de 9h à 18h.",
        "Horaires de l'agence : lun-ven 9h-17h, sam. 9h-12h.",
    ],
)
def test_an_institution_named_after_a_person_or_a_range_of_weekdays_is_no_person(text):
    # (on the round-13 detector, "Louise Michel", "Marcel Cerdan", "mar-sam" and "Mar-Sam" were persons)
    assert _persons(text) == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Mme Coralie Vasseur, aide-soignante au centre aéré, a signé.", "Coralie Vasseur"),
        ("Le président du club, Thierry Lambert, confirme l'accident.", "Thierry Lambert"),
        ("Rendez-vous avec Marc Dubreuil mardi à 10h.", "Marc Dubreuil"),
    ],
)
def test_a_person_beside_an_institution_or_a_weekday_stays_a_person(text, person):
    assert any(person in p or p in person for p in _persons(text)), _persons(text)


def test_a_town_in_brackets_after_a_place_is_no_address_but_a_street_address_in_brackets_is():
    (spans,) = analyze_texts(["Nouvelle unité à la résidence Les Glycines (69003 Lyon) dès janvier."])
    assert [s for s in spans if s.entity_type == "ADDRESS"] == []
    text = "Courrier retourné (12 rue des Lilas, 69003 Lyon) : adresse à vérifier."
    (spans,) = analyze_texts([text])
    assert any("rue des Lilas" in text[s.start : s.end] for s in spans if s.entity_type == "ADDRESS")
