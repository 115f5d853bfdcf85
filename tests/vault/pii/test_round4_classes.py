"""Classes of miss of issue 10's round 4 (audit-3 released as tuning material): NIR, IBAN, phone.

Each class is written here as people write it in French forms, mails and signatures (never copied from a
corpus), with values that must be found and decoys that must be left alone. The NIR key and the IBAN mod-97
checksum still decide: the same shapes with a wrong key or checksum are decoys.
"""

from __future__ import annotations

import pytest

from vault.pii.scrubber import analyze_texts


def found(text: str) -> list[tuple[str, str]]:
    return [(s.entity_type, text[s.start : s.end]) for s in analyze_texts([text])[0]]


def kinds(text: str) -> set[str]:
    return {label for label, _ in found(text)}


# --- NIR: the key on the next line (a form field wrapped, a copy-paste from a PDF) -----------------------------


@pytest.mark.parametrize(
    ("text", "nir"),
    [
        ("N° SS : 1 84 06 75 123 456\n41\n\nMadame, Monsieur,", "1 84 06 75 123 456\n41"),
        ("Numéro de sécurité sociale : 1840675123456\nclé 41. \nEmployeur : SARL Dupuis", "1840675123456\nclé 41"),
        ("mon numero de secu c'est 2 92 01 33 045 012\n42. merci", "2 92 01 33 045 012\n42"),
        ("NIR : 1760999001234\n29\nEntrée le 3 mars", "1760999001234\n29"),
        ("NIR 1 76 09 99 001 234\r\n  clé : 29", "1 76 09 99 001 234\r\n  clé : 29"),
    ],
)
def test_nir_with_its_key_on_the_next_line_is_found_whole(text: str, nir: str) -> None:
    assert ("NIR", nir) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "N° SS : 1 84 06 75 123 456\n40\n\nMadame, Monsieur,",  # key off by one
        "Réf. dossier 1840675123456\n12 pièces jointes",  # a reference, then a count on the next line
        "NIR : 1760999001234\nclé 30\nEntrée le 3 mars",  # wrong key after "clé"
    ],
)
def test_a_wrong_key_on_the_next_line_is_no_nir(text: str) -> None:
    assert "NIR" not in kinds(text)


# --- IBAN: groups apart by two spaces (copy-paste from a bank's PDF or web page) ---------------------------------


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("IBAN : FR76  3000  4008  1900  0101  2345  632\nBIC : BNPAFRPP", "FR76  3000  4008  1900  0101  2345  632"),
        ("mon nouveau rib : FR14  2004  1010  0505  0001  3M02  606 merci", "FR14  2004  1010  0505  0001  3M02  606"),
        ("Virement sur : DE89  3704  0044  0532  0130  00. SIRET du cabinet", "DE89  3704  0044  0532  0130  00"),
        ("nouveau RIB (IBAN BE68  5390  0754  7034) frais", "BE68  5390  0754  7034"),
        ("IBAN\nFR76  3000  4008  1900  0101  2345  632\nBIC", "FR76  3000  4008  1900  0101  2345  632"),
    ],
)
def test_iban_with_double_spaces_is_found_whole(text: str, iban: str) -> None:
    assert ("IBAN", iban) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "IBAN : FR76  3000  4008  1900  0101  2345  633\nBIC : BNPAFRPP",  # checksum broken
        "Virement sur : DE89  3704  0044  0532  0130  01.",  # checksum broken
        "Ticket FR76  3000 ouvert le 3 mars",  # too short for any IBAN
    ],
)
def test_double_spaced_run_that_fails_mod_97_is_no_iban(text: str) -> None:
    assert "IBAN" not in kinds(text)


# --- phones: pairs apart by slashes; a phone followed by ", mail …" ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Tél : 06/12/34/56/78", "06/12/34/56/78"),
        ("Jeanne Roux\nResponsable RH\nT : 01/45/22/90/13\njeanne.roux@exemple.fr", "01/45/22/90/13"),
        ("À recontacter : 07 / 81 / 20 / 44 / 18 après 17h.", "07 / 81 / 20 / 44 / 18"),
        ("Contact : +33 6/12/34/56/78", "+33 6/12/34/56/78"),
    ],
)
def test_phone_with_slashes_is_found_whole(text: str, phone: str) -> None:
    assert ("PHONE", phone) in found(text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Tél : 05 61 22 33 44, mail jean.dupont@free.fr. Relance", "05 61 22 33 44"),
        ("Tel. +33 6 71 20 44 18, mail a.martin@orange.fr", "+33 6 71 20 44 18"),
        ("Tel. 01 4522 9013, mail contact@exemple.fr", "01 4522 9013"),
    ],
)
def test_phone_before_a_mail_word_stays_a_phone(text: str, phone: str) -> None:
    """The word "mail" is also a street type: the end of a phone number is no street number."""
    assert ("PHONE", phone) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "RDV le 01/02/2020 12:30 au cabinet",  # a date and an hour
        "période 01/02/03/04 du contrat",  # four pairs only
        "référence 12/34/56/78/90 du dossier",  # no trunk zero
        "versions 06/12/34/56/78/90 comparées",  # six pairs
    ],
)
def test_slashed_runs_that_are_no_phone_are_left_alone(text: str) -> None:
    assert "PHONE" not in kinds(text)


def test_a_mail_street_address_is_still_an_address() -> None:
    text = "Nouvelle adresse : 12 mail François Mitterrand 35000 Rennes"
    assert ("ADDRESS", "12 mail François Mitterrand 35000 Rennes") in found(text)
