"""Issue 10: texts without personal data are left untouched, and the cheap gates never hide a match.

False-positive classes (each with texts that must stay untouched and texts where the person must still
be found): diseases, tests and methods named after someone; hospitals, houses of health, rooms and streets
named after someone (no street number); functions after a title ("Monsieur le Président"); drug names
followed by a dose; chat abbreviations and letter slips in informal e-mails.

The gates (``FrenchRegexRecognizer.may_match``) are checked against the recognizers themselves: whenever a
gate says a text cannot match, the recognizer's patterns must indeed find nothing in it.
"""

from __future__ import annotations

import pytest

from confiance.identifiers import make_nir, make_siren, make_siret
from vault.pii.analyzer import get_analyzer
from vault.pii.recognizers import FrenchRegexRecognizer, longest_digit_run


def persons(detect, text: str) -> list[str]:
    return [value for kind, value in detect(text) if kind == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Suivi pour une maladie de Crohn, ALD accordée, soins du 12/09/2025 pris en charge.",
        "Le test de Guthrie n'est pas facturé à l'assuré.",
        "Syndrome de Gougerot-Sjögren : documentation transmise, dossier 2025-004512.",
        "Séances de kiné selon la méthode Mézières, 8 séances sur prescription.",
        "Facture de l'Hôpital Georges-Pompidou reçue, séjour en ambulatoire.",
        "Atelier prévention à la Maison de santé Simone Veil le 14/10 à 10h.",
        "Extraction au CHU Pellegrin sous anesthésie générale, hors devis.",
        "Réunion salle Charcot, Centre Hospitalier Sainte-Anne, le 3 mars.",
        "L'agence de la rue Victor Hugo ferme à 17h le samedi.",
        "bonjour, mon dentiste est avenue jean jaurès, il est conventionné ?",
        "Monsieur le Président du CSE demande le bilan annuel des cotisations.",
        "Madame la Directrice de l'EHPAD a signé la convention de tiers payant.",
        "Délivrance de Doliprane 1000 et de Levothyrox 75 sur ordonnance du 02/06/2025.",
        "Traitement par Levothyrox depuis 2019, pharmacie remboursée à 65 %.",
        "Sevrage tabagique : gommes Nicorette remboursées sur prescription.",
        "Accord de Branche Syntec : maintien des garanties en portabilité.",
        "c'est remboursé ? merci bcp",
        "le délai est de 6 semaines, c'est logn !",
        "j'ai recu la facture, elle fati 120 euros, c'est normal ?",
    ],
)
def test_clean_texts_stay_untouched(detect, text):
    assert detect(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Appel de Mme Guthrie au sujet du test de son fils.", "Guthrie"),
        ("Rendez-vous avec Victor Hugo, adhérent, pour son devis.", "Victor Hugo"),
        ("Vu avec Simone Veil pour la facture de l'hôpital.", "Simone Veil"),
        ("Monsieur Le Gall, président du CSE, demande le bilan.", "Le Gall"),
        ("Appel de Hélène Mézières ce matin.", "Hélène Mézières"),
        ("salut c'est julien, je voulais savoir pour mon remboursement", "julien"),
        ("merci beaucoup\nmarine", "marine"),
        ("Patient Kowalczyk 2e séance, kiné le 12/03.", "Kowalczyk"),
        ("Suivi de Madame du Pont : marche quotidienne conseillée.", "du Pont"),
        ("Monsieur le Gall demande un rappel.", "Gall"),
        ("bonjour, mon mari anael a perdu sa carte", "anael"),
    ],
)
def test_people_next_to_the_same_words_are_still_found(detect, text, name):
    assert any(name in value for value in persons(detect, text))


def test_longest_digit_run():
    assert longest_digit_run("aucun chiffre") == 0
    assert longest_digit_run("dent 36, 12 €") == 2
    assert longest_digit_run("NIR 2 75 08 75 123 701 - 87") == 15
    assert longest_digit_run("né le 10/03/1960") == 8
    assert longest_digit_run("tél +33 (0)6 12 34 56 78") == 12
    assert longest_digit_run("Corse 1 85 2A 123 456") == 11


def _texts() -> list[str]:
    from vault.pii.corpora import tuning_corpus
    from vault.pii.corpus import generate_corpus

    nir = make_nir("M", 1982, 4, "2A", 45, 123)
    siret = make_siret(make_siren(12345678), 21)
    crafted = [
        f"NIR {nir[:13]} clé {nir[13:]}", f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
        "Tél. +44 20 7946 0958 ou 00 32 2 555 12 12", "IBAN NL91 ABNA 0417 1643 00", "né le 1/3/60",
        "12 bis, rue des Lilas 69 003 Lyon", "mail : a.b@exemple.fr", "RPPS 10003456789", "ADELI 751234567",
    ]  # fmt: skip
    return crafted + [t.text for t in tuning_corpus()] + [t.text for t in generate_corpus(600, 7)]


def test_a_closed_gate_never_hides_a_match():
    """Whatever a gate rules out, the recognizer's own patterns would not have found (on 2,000+ texts)."""
    recognizers = [r for r in get_analyzer().registry.recognizers if isinstance(r, FrenchRegexRecognizer)]
    assert any(r.min_run or r.gate is not None for r in recognizers)
    closed = 0
    for text in _texts():
        lowered, run = text.lower(), longest_digit_run(text)
        for rec in recognizers:
            if not rec.may_match(lowered, run):
                closed += 1
                assert rec.find(text) == [], f"{rec.name} gate closed on a text it matches"
    assert closed > 1000  # the gates do close
