"""Round 9 (issue 10): classes of miss seen on AUDIT-7, released as tuning material after its held-out measurement.

Every text here is written for these tests (none is copied from a corpus). Each class has cases the rule must
leave alone (no person there) and cases it must still catch (a real name beside the same words).
"""

from __future__ import annotations

import pytest

from vault.pii.scrubber import analyze_texts


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.entity_type) for s in analyze_texts([text])[0]]


def _persons(text: str) -> list[str]:
    return [value for value, kind in _found(text) if kind == "PERSON"]


# --- class 1: words of other languages (greetings, thanks, months, the language's name) are no names ----------


@pytest.mark.parametrize(
    "text",
    [
        "Merhaba, je vous écris depuis Izmir au sujet de ma carte.",
        "Dear Sir or Madam, je vis au Portugal depuis March, ma cotisation est-elle due ?",
        "Sorry for my French: the refund for my glasses never came.",
        "Obrigado pela ajuda, o reembolso chegou em Maio.",
        "Grazie mille, ho ricevuto il rimborso ad Aprile.",
        "Dziękuję bardzo, wszystko w porządku.",
        "Xin chào, tôi muốn hỏi về hợp đồng.",
        "Salam alaykoum, choukran pour le virement.",
        "Danke, je serai de retour en France en Oktober.",
    ],
)
def test_foreign_courtesy_and_month_words_are_no_person(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Merhaba, c'est Ayşe Kaplan, je rentre à Lyon en juin.", "Kaplan"),
        ("Dear Sir, please call Mr Jonathan Whitaker about my claim.", "Whitaker"),
        ("Obrigado, Mme Joana Ferreira (née le 12/04/1971).", "Ferreira"),
        ("Rappeler Mme Julio demain matin.", "Julio"),
        ("Je voudrais ajouter mon fils Jan Kowalski, né le 3 mai 2016.", "Jan"),
        ("Merci Jun pour votre réponse rapide.", "Jun"),
    ],
)
def test_a_real_name_beside_foreign_words_is_still_found(text, name):
    assert any(name in value for value in _persons(text))


# --- class 2: a clinical sign named after its author, with its result, is no person -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Examen neurologique : Babinski négatif, réflexes vifs.",
        "Lombalgie gauche, Lasègue positif à 30°.",
        "Murphy positive à la palpation, échographie demandée.",
        "Examen : Romberg négatif, marche normale.",
    ],
)
def test_a_clinical_sign_and_its_result_is_no_person(text):
    assert _persons(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient adressé par le Dr Babinski pour avis.", "Babinski"),
        ("Mme Lasègue positive au dépistage, rappeler au 06 71 22 43 18.", "Lasègue"),
        ("Compte rendu signé par Hélène Romberg, cardiologue.", "Romberg"),
    ],
)
def test_a_person_of_the_same_name_is_still_found(text, name):
    assert any(name in value for value in _persons(text))


# --- class 3: hearing-aid and optical brands are no persons ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deux aides auditives (Oticon More) : 1 100,00 € l'unité.",
        "Devis Phonak Audéo, classe II, reste à charge 300 €.",
        "Lunettes achetées chez Lissac, tiers payant accepté.",
        "Appareillage Signia, garantie quatre ans.",
    ],
)
def test_a_hearing_or_optical_brand_is_no_person(text):
    assert _persons(text) == []


def test_a_named_audioprosthetist_next_to_a_brand_is_still_found():
    assert any("Morel" in v for v in _persons("Audioprothésiste : Camille Morel, appareils Widex, tél 05 61 22 30 40."))


# --- class 4: dates of birth written in another language, after that language's birth word -----------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Hi, this is Graham Fletcher, born 9 October 1958 in Cardiff.", "9 October 1958"),
        ("Claim for my husband (DOB Aug 3, 1947), invoice attached.", "Aug 3, 1947"),
        ("I was born in Canada on September 21 1990, my NIR follows.", "September 21 1990"),
        ("Salve, sono Marco Bellini, nato il 14 giugno 1972 a Torino.", "14 giugno 1972"),
        ("Bom dia, sou Rita Sousa, nascida em 3 de setembro de 1984.", "3 de setembro de 1984"),
        ("Mi hija nacida el 11 julio 2009 necesita gafas.", "11 julio 2009"),
        ("Born 11/23/1961 in Chicago, I now live in Lille.", "11/23/1961"),
    ],
)
def test_a_foreign_date_of_birth_is_found(text, date):
    assert (date, "DATE_OF_BIRTH") in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Invoice dated 5 March 2025 for the glasses, paid in full.",
        "Fattura del 14 giugno 2024, occhiali da vista.",
        "Consulta em 3 de setembro de 2024, reembolso pendente.",
        "Appointment on 11/23/2025 at the hospital in Lyon.",
    ],
)
def test_a_foreign_date_without_a_birth_word_is_no_birth_date(text):
    assert [kind for _, kind in _found(text) if kind == "DATE_OF_BIRTH"] == []


# --- class 5: street addresses abroad (the type before or after the name, the number after it, a postal code) ----


@pytest.mark.parametrize(
    "text",
    [
        "Nouvelle adresse : Rua das Gaivotas 12, 2750-310 Cascais.",
        "Adres: Ulica Długa 8, 80-827 Gdańsk, merci.",
        "Ma mère habite Atatürk Bulvarı No: 44, 06420 Ankara.",
        "Ich wohne jetzt Lindenstraße 14, 10969 Berlin.",
        "We moved to 27 Baker Street, London NW1 6XE last year.",
        "Domicilio: Calle Mayor 5, 28013 Madrid.",
        "Indirizzo: Via Garibaldi 7, 20121 Milano.",
    ],
)
def test_a_street_address_abroad_is_found(text):
    kinds = [kind for _, kind in _found(text)]
    assert "ADDRESS" in kinds, _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je passe par Lyon via Milan 2 fois par an pour le travail.",
        "Remboursement reçu via virement, merci beaucoup.",
        "Consultation à la clinique de la rue, pas d'adresse à donner.",
    ],
)
def test_a_route_or_a_word_is_no_foreign_address(text):
    assert [kind for _, kind in _found(text) if kind == "ADDRESS"] == []


# --- class 6: e-mails hidden with "[@]" and "[.]"; an IBAN whose country stands apart from its check digits ------


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Mon mail : claire.dubois[@]orange[.]fr, merci de me répondre.", "claire.dubois[@]orange[.]fr"),
        ("écrivez à jp_martin(@)gmail(.)com pour le devis", "jp_martin(@)gmail(.)com"),
        ("contact : lea.r{@}free[.]fr", "lea.r{@}free[.]fr"),
    ],
)
def test_an_email_hidden_with_bracketed_signs_is_found(text, email):
    assert (email, "EMAIL") in _found(text)


def test_bracketed_signs_alone_are_no_email():
    assert [k for _, k in _found("Tapez [@] puis [.] dans le champ, rien d'autre.") if k == "EMAIL"] == []


def test_an_iban_with_its_country_apart_is_found_and_the_checksum_still_decides():
    assert ("FR 76 30006000011234567890189", "IBAN") in _found("Nouveau RIB : FR 76 30006000011234567890189 merci")
    # one digit changed: the checksum fails, no IBAN
    assert [k for _, k in _found("Nouveau RIB : FR 76 30006000011234567890188 merci") if k == "IBAN"] == []
    assert [k for _, k in _found("Le département FR 76 compte 1234 5678 habitants.") if k == "IBAN"] == []
