"""Issue 10: the forms the independent corpus found missed, each with true and false positives.

NIR grouped by hyphens, odd groupings and a key set apart (the key decides); phones without a context
word, "(0)1", dots, hyphens, international; SIRET/SIREN in groups of three; dates of birth in prose and
ISO; names as initial + surname, upper case, lower case, a first name alone as a signature, particles,
apostrophes and diacritics; and capitalised sentence starts that are not people.
"""

from __future__ import annotations

import pytest

from confiance.identifiers import make_nir, make_siren, make_siret, nir_key
from vault.pii.gazetteer import NameGazetteer
from vault.pii.lexicon import fold, name_lexicon
from vault.pii.scrubber import analyze_texts, scrub_texts

NIR = make_nir("F", 1975, 8, "75", 123, 701)
A, B, C, D, E, F, K = NIR[0], NIR[1:3], NIR[3:5], NIR[5:7], NIR[7:10], NIR[10:13], NIR[13:]
WRONG_KEY = f"{(nir_key(NIR[:13]) + 1) % 100:02d}"
SIREN = make_siren(73282932)
SIRET = make_siret(SIREN, 18)


def found(detect, text: str, entity: str) -> list[str]:
    return [value for kind, value in detect(text) if kind == entity]


@pytest.mark.parametrize(
    "value",
    [f"{A}-{B}-{C}-{D}-{E}-{F}-{K}", f"{A}{B} {C} {D}{E} {F}{K}", f"{NIR[:5]} {NIR[5:10]} {NIR[10:]}",
     f"{A} {B} {C} {D} {E} {F} - {K}", f"{NIR[:13]} / {K}", f"{A} {B} {C} {D} {E} {F} clé {K}",
     f"{A}.{B}.{C}.{D}.{E}.{F}.{K}", f"{A}-{B}-{C}-{D}-{E}-{F} {K}"],
)  # fmt: skip
def test_nir_groupings_true_positives(detect, value):
    assert found(detect, f"Numéro donné : {value}.", "NIR") == [value]


@pytest.mark.parametrize(
    "value",
    [f"{A}-{B}-{C}-{D}-{E}-{F}-{WRONG_KEY}", f"{NIR[:13]} / {WRONG_KEY}", f"{A} {B} {C} {D} {E} {F} clé {WRONG_KEY}"],
)
def test_nir_wrong_key_is_not_a_nir(detect, value):
    assert found(detect, f"Référence {value}.", "NIR") == []


@pytest.mark.parametrize(
    "text, value",
    [("Sophie\n06 12 34 56 78", "06 12 34 56 78"), ("Durand Sophie 06.12.34.56.78", "06.12.34.56.78"),
     ("(0)1 44 55 66 77 le matin", "(0)1 44 55 66 77"), ("06-12-34-56-78", "06-12-34-56-78"),
     ("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"), ("+33.6.12.34.56.78", "+33.6.12.34.56.78"),
     ("0033 6 12 34 56 78", "0033 6 12 34 56 78"), ("06 123 456 78", "06 123 456 78"),
     ("+41 22 345 67 89", "+41 22 345 67 89")],
)  # fmt: skip
def test_phone_forms_without_context(detect, text, value):
    assert found(detect, text, "PHONE") == [value]


@pytest.mark.parametrize(
    "text",
    ["montant 1 234 567,89 €", "dossier 2024-000123", f"réf {A} {B} {C} {D} {E} {F} {WRONG_KEY}", "le 12/03/2024",
     "facture 00612345678", "acte 0612345678901"],
)  # fmt: skip
def test_phone_look_alikes(detect, text):
    assert found(detect, text, "PHONE") == []


@pytest.mark.parametrize(
    "value",
    [f"{SIRET[:3]} {SIRET[3:6]} {SIRET[6:9]} {SIRET[9:12]} {SIRET[12:]}", f"{SIRET[:9]} {SIRET[9:]}",
     f"{SIRET[:3]}.{SIRET[3:6]}.{SIRET[6:9]}.{SIRET[9:]}", f"{SIRET[:3]}{SIRET[3:6]} {SIRET[6:9]}{SIRET[9:]}"],
)  # fmt: skip
def test_siret_groupings(detect, value):
    assert found(detect, f"Employeur {value}, merci.", "SIRET") == [value]


def test_siren_groupings_need_context_and_luhn(detect):
    assert found(detect, f"SIREN {SIREN[:3]}.{SIREN[3:6]}.{SIREN[6:]}", "SIREN") == [
        f"{SIREN[:3]}.{SIREN[3:6]}.{SIREN[6:]}"
    ]
    bad = SIREN[:-1] + str((int(SIREN[-1]) + 1) % 10)
    assert found(detect, f"SIREN {bad}", "SIREN") == []
    assert found(detect, f"dossier {SIREN}", "SIREN") == []


@pytest.mark.parametrize(
    "text, value",
    [("née en mars 1979, suivie depuis", "mars 1979"), ("Enfant (né en 03/2003)", "03/2003"),
     ("né le 1984-03-12 à Lyon", "1984-03-12"), ("date de naissance : 1984-03-12", "1984-03-12"),
     ("née en 1979", "1979"), ("DURAND Anne (12/03/1984) a appelé", "12/03/1984"),
     ("la date de naissance saisie est fausse ; la bonne est le 20/10/00.", "20/10/00")],
)  # fmt: skip
def test_dates_of_birth_in_prose(detect, text, value):
    assert found(detect, text, "DATE_OF_BIRTH") == [value]


@pytest.mark.parametrize(
    "text",
    ["soins du 12/03/2024 au 15/03/2024", "née le 12/03/1984, facture du 03/05/2024 reçue",
     "Kiné : 6 séances du 2023-12-19", "devis de mars 2024", "paiement en 2024"],
)  # fmt: skip
def test_dates_that_are_not_births(detect, text):
    assert found(detect, text, "DATE_OF_BIRTH") in ([], ["12/03/1984"])
    assert "03/05/2024" not in found(detect, text, "DATE_OF_BIRTH")


@pytest.mark.parametrize(
    "text, name",
    [("vu avec C. Bouvier ce matin", "C. Bouvier"), ("transmis par s. lecomte hier", "s. lecomte"),
     ("Appel de NICOLAS ROUSSEAU au sujet du devis", "NICOLAS ROUSSEAU"),
     ("Participant : ROCHE RENÉ, séance 2", "ROCHE RENÉ"),
     ("bonjour, c'est nicolas rousseau, je voulais savoir", "nicolas"),
     ("Merci de votre retour.\nCordialement\nHélène", "Hélène"), ("Coach : Julie\nséance faite", "Julie"),
     ("Dossier de du Pont Hélène complet", "du Pont Hélène"), ("Élodie N'Diaye conteste le refus", "Élodie N'Diaye"),
     ("je vous envoie le devis\nmerci\nsandrine", "sandrine"), ("Adhérente hortense lemay, née en 1961", "hortense")],
)  # fmt: skip
def test_person_forms(detect, text, name):
    names = found(detect, text, "PERSON")
    assert any(name in n for n in names), names


@pytest.mark.parametrize(
    "text, name",
    [("Appel de Małgorzata Wiśniewska ce matin", "Małgorzata Wiśniewska"),
     ("Participant : ADEYEMI Oluwaseun", "ADEYEMI"),
     ("Bien à vous,\nWojciech", "Wojciech"), ("Pierre\nAssistante RH\nTél : 01 26 50 05 51", "Pierre"),
     ("bonjour c'est siddharth, je voulais savoir", "siddharth"), ("vu avec sven lindqvist, ok", "lindqvist"),
     ("ma fille oluwaseun a besoin de lunettes", "oluwaseun"), ("Réf. Okonkwo/Keziah : relance", "Okonkwo"),
     ("Okonkwo, Keziah : pas de réponse", "Okonkwo"), ("Assuré : T. Durant, n° SS à vérifier", "T. Durant"),
     ("Objet : dossier Raghunathan", "Raghunathan"),
     ("salut, ma fille a besoin de lunettes. merci, wojciech", "wojciech")],
)  # fmt: skip
def test_names_the_lexicons_lack(detect, text, name):
    names = found(detect, text, "PERSON")
    assert any(name in n for n in names), names


@pytest.mark.parametrize(
    "text",
    ["Verres Varilux Comfort commandés chez l'opticien.", "Laboratoire Cerballiance, prise de sang.",
     "Lentilles Acuvue Oasys, forfait annuel épuisé.", "Fondation Rothschild, chirurgie ophtalmique.",
     "Joyeux Noël et bonnes fêtes.", "Paiement Lydia refusé.", "Bonjuor, je n'ai pas reçu mon décompte.",
     "Mercii pour votre aide", "Optique : verres progressifs, classe B. Remboursé 60,87 € le 2023-02-02.",
     "Rappel le 7/1 à 17 h. NIR à vérifier.", "c'est urgnet merci", "Application de la loi Evin du 31/12/1989.",
     "Adhérent depuis le 01/01/2005, contrat responsable.", "Convention collective du 15/06/2006, avenant 3."],
)  # fmt: skip
def test_brands_institutions_typos_and_old_dates_are_not_personal_data(analyzer, text):
    assert scrub_texts([text]) == [text]


@pytest.mark.parametrize(
    "text, value",
    [("DN : 12/03/1984", "12/03/1984"), ("Durand Paul, ° 12/03/1984", "12/03/1984"),
     ("né(e) le 12 03 1984", "12 03 1984"),
     ("Mme Durand, 12/03/1984, demande", "12/03/1984"), ("Bénéficiaire Paul Durand 12/03/1984", "12/03/1984"),
     ("enfant de 4 ans (12/03/2020)", "12/03/2020")],
)  # fmt: skip
def test_more_birth_date_forms(detect, text, value):
    assert found(detect, text, "DATE_OF_BIRTH") == [value]


@pytest.mark.parametrize(
    "text",
    ["Pouvez-vous rappeler l'adhérente ? Délai dépassé.", "Prochaine séance le 12/06. Objectif sommeil.",
     "Montant en attente : 45,60 €.", "Relance CPAM de Mulhouse, agence de Annecy.", "Rejet Noémie : facture reprise.",
     "Suite à la réforme 100 % Santé, panier A appliqué.", "RAS", "Cordialement,\nService RH",
     "un petit souci sur le devis", "la pierre de taille, une rose, le blanc", "Le site Ameli indique 12 €.\nMerci",
     "acte HBLD036, IBAN à vérifier, DSN reçue"],
)  # fmt: skip
def test_clean_texts_stay_untouched(analyzer, text):
    assert scrub_texts([text]) == [text]


def test_each_distinct_text_is_analysed_once_and_answers_are_independent(analyzer):
    texts = ["Rappeler Mme Durand", None, "RAS", "Rappeler Mme Durand", ""]
    spans = analyze_texts(texts)
    assert spans[0] == spans[3] and spans[0] is not spans[3]
    assert spans[1] == spans[2] == spans[4] == []


def test_lexicon_is_insee_not_faker():
    lexicon = name_lexicon()
    assert lexicon.is_given("helene") and lexicon.is_given("nicolas") and lexicon.is_surname("lecomte")
    assert len(lexicon.surnames) > 100_000 and len(lexicon.given) > 10_000
    assert fold("Élodie N’Diaye") == "elodie n'diaye" and len(fold("Œuvre ŁÓDŹ")) == len("Œuvre ŁÓDŹ")


def test_gazetteer_finds_any_member_in_any_case(analyzer):
    gazetteer = NameGazetteer(["Kerzhaoulec", "Anne-Sophie", None, "Le Quéré", "Li"])
    text = "transmis par kerzhaoulec hier ; vu avec LE QUERE et anne sophie"
    assert [text[s:e] for s, e in gazetteer.find(text)] == ["kerzhaoulec", "LE QUERE", "anne sophie"]
    assert gazetteer.find("la famille Kerzhaoulecs") == []  # word boundaries
    [without] = scrub_texts([text])
    [with_members] = scrub_texts([text], gazetteer=gazetteer)
    assert "kerzhaoulec" in without
    assert "kerzhaoulec" not in with_members and "QUERE" not in with_members
    # a member called Petit does not make an ordinary word a name
    assert scrub_texts(["un petit souci"], gazetteer=NameGazetteer(["Petit"])) == ["un petit souci"]
