"""Personal data that the structure of a record reveals (round 10).

- ``dsn_fields``: the DSN (déclaration sociale nominative, norm NEODeS) writes each value after its rubric's code:
  block S21.G00.30 "Individu" holds the NIR (001, the key left out), the surname (002), the usage name (003), the
  given names (004) and the date of birth (006, DDMMYYYY). The code says what the value is.
- ``delimited_records``: a line of fields apart by ``|`` or ``;`` holding a NIR (key valid, or 13 characters with
  INSEE's structure): its alphabetic fields right after the NIR are the holder's names, and a date field whose year
  and month are the NIR's own (characters 2-5) is the holder's birth date (NOEMIE-like exchanges, exports).
- ``file_name_people``: a file name holding an identifier (nine digits or more) and a word of the name lexicons
  joined by ``_`` or ``-`` ("scan_NIR_<nir>_<name>.pdf", "export_<nir>_<name>.csv"): the word is the person's.
- ``initials``: initials after the word "initiales" ("(initiales L.D.)").
- ``restated_births``: the same calendar date written again in another form after a detected date of birth
  ("Date de naissance ISO : 2009-10-18 / en toutes lettres : 18 octobre 2009", "né le 19390420 (format US :
  04/20/1939)") is the date of birth too.
- ``structural_names``: names announced by where they stand: an alias in quotes after "alias" or "dit"; a surname
  in capitals after its particle in capitals ("VAN RIVIERE", "IBN MEYER", "D'VASSEUR"); a query string's name
  parameter ("?nom=maillard"); the owner of an account or the person an identifier is shared with ("ouvert au nom
  de FONTAINE", "même IBAN que AUBERT"); a health professional's name right before their RPPS or ADELI number; a
  line that opens with a name and says when that person was born ("- Honoré, né(e) le 07/09/2022").
- ``assistant_names``: the name a chatbot or a virtual assistant gives itself ("je suis Mila, l'assistante de la
  mutuelle") is no person's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from confiance.identifiers import luhn_valid, nir_key_valid
from vault.pii.lexicon import fold, name_lexicon, place_names
from vault.pii.names import all_ordinary
from vault.pii.recognizers import DATE_DAY, DATE_MONTH, DATE_YEAR, nir13_plausible
from vault.pii.slots import TERRITORIES

# --- DSN rubrics ------------------------------------------------------------------------------------------------

_DSN_FIELD = re.compile(r"S21\.G00\.30\.00([2346])[ \t]*,[ \t]*'([^'\n]{1,80})'")
_DSN_LABEL = {"2": "PERSON", "3": "PERSON", "4": "PERSON", "6": "DATE_OF_BIRTH"}
_DDMMYYYY = re.compile(r"(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}")


def dsn_fields(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names and the date of birth of a DSN's S21.G00.30 block."""
    if "S21.G00.30." not in text:
        return []
    out = []
    for m in _DSN_FIELD.finditer(text):
        label = _DSN_LABEL[m.group(1)]
        value = m.group(2).strip()
        if not value:
            continue
        if label == "DATE_OF_BIRTH" and not _DDMMYYYY.fullmatch(value):
            continue
        if label == "PERSON" and not re.fullmatch(r"[^\W\d_][^\W\d_'’\- ]*(?:['’\- ][^\W\d_]+)*", value):
            continue
        start = m.start(2) + (len(m.group(2)) - len(m.group(2).lstrip()))
        out.append((start, start + len(value), label))
    return out


# --- delimited records -------------------------------------------------------------------------------------------

_DELIMITED_LINE = re.compile(r"[^\n]*[|;][^\n]*")
#: Round 11: a name field before a NIR: one to four capitalised words, particles between them ("LEGRAND Antoine",
#: "Le Brun de Sainte-Croix", "N'Diaye").
_NAME_BEFORE = re.compile(
    r"[A-ZÀ-Þ][^\W\d_]*(?:['’\-][A-ZÀ-Þa-zß-ÿ][^\W\d_]*)*"
    r"(?:[ \u00a0]+(?:(?:de|du|des|la|le|d['’])[ \u00a0]*)?[A-ZÀ-Þ][^\W\d_]*(?:['’\-][A-ZÀ-Þa-zß-ÿ][^\W\d_]*)*){0,3}"
)
_ALPHA_FIELD = re.compile(r"[^\W\d_][^\W\d_'’\- ]{0,40}")
_COMPACT_DATE = re.compile(
    rf"({DATE_YEAR})({DATE_MONTH}){DATE_DAY}"
    rf"|{DATE_DAY}({DATE_MONTH})({DATE_YEAR})"
    rf"|{DATE_DAY}[/.\-]({DATE_MONTH})[/.\-]({DATE_YEAR})"
)


def _nir_field(value: str) -> str | None:
    compact = re.sub(r"[ .]", "", value).upper()
    if len(compact) == 15 and nir_key_valid(compact):
        return compact
    if len(compact) == 13 and nir13_plausible(compact):
        return compact
    return None


def delimited_records(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names and birth date in a delimited line that holds a NIR field."""
    if "|" not in text and ";" not in text:
        return []
    out = []
    for line in _DELIMITED_LINE.finditer(text):
        sep = "|" if "|" in line.group(0) else ";"
        fields = []
        pos = line.start()
        for raw in line.group(0).split(sep):
            lead = len(raw) - len(raw.lstrip())
            fields.append((pos + lead, pos + lead + len(raw.strip()), raw.strip()))
            pos += len(raw) + 1
        if len(fields) < 4:
            continue
        for k, (a0, b0, value) in enumerate(fields):
            nir = _nir_field(value)
            if nir is None:
                continue
            if len(nir) == 13 and nir[0] in "12":
                # round 11: a whole field that has a NIR's structure without its key ("… ; BRUNET ; 2461167197519
                # ; 01 Droits non ouverts …"): the record's own number (sex 1/2 only: a barcode opens on 3)
                out.append((a0, b0, "NIR"))
            # round 11: the name may come before the number ("date ; NOM Prénom ; NIR ; motif"): the nearest
            # fields before it that read as a name, up to the first that does not
            for a, b, v in reversed(fields[max(0, k - 2) : k]):
                if not _NAME_BEFORE.fullmatch(v) or all_ordinary(v):
                    break
                out.append((a, b, "PERSON"))
            names = 0
            for a, b, v in fields[k + 1 : k + 6]:
                if names < 3 and _ALPHA_FIELD.fullmatch(v) and v[:1].isupper():
                    out.append((a, b, "PERSON"))
                    names += 1
                    continue
                m = _COMPACT_DATE.fullmatch(v)
                if m is not None:
                    year = m.group(1) or m.group(4) or m.group(6)
                    month = m.group(2) or m.group(3) or m.group(5)
                    if year[2:] == nir[1:3] and month == nir[3:5]:
                        out.append((a, b, "DATE_OF_BIRTH"))
                    break
                if names:
                    break
            break
    return out


# --- file names ---------------------------------------------------------------------------------------------------

_FILE_NAME = re.compile(
    r"(?<![\w/])[\w\-]*[0-9][\w\-]*\.(?:pdf|csv|txt|docx?|xlsx?|odt|ods|jpe?g|png|tiff?|zip|xml|json)(?![\w])",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(r"[0-9]{9}|[0-9]{7}2[ABab][0-9]{6}")
_NAME_PIECE = re.compile(r"(?<=[_\-])[^\W\d_][^\W\d_']{1,30}(?=[_\-.])")


def file_name_people(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "PERSON") of each lexicon name joined to an identifier in a file name."""
    if "." not in text or "_" not in text:
        return []
    out = []
    lexicon = name_lexicon()
    for m in _FILE_NAME.finditer(text):
        name = m.group(0)
        if _LONG_NUMBER.search(name) is None:
            continue
        for piece in _NAME_PIECE.finditer(name):
            word = piece.group(0)
            if word.lower() in ("nir", "scan", "export", "doc", "piece", "pièce", "releve", "relevé", "nom"):
                continue
            if lexicon.is_name(fold(word)):
                out.append((m.start() + piece.start(), m.start() + piece.end(), "PERSON"))
    return out


# --- initials -----------------------------------------------------------------------------------------------------

_INITIALS = re.compile(r"(?i:initiales?)[ \u00a0]*:?[ \u00a0]*((?:[A-Z]\.[ \u00a0]?){1,3}[A-Z]?\.?)(?![\w])")


def initials(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "PERSON") of the initials given after the word "initiales"."""
    if "nitiale" not in text:
        return []
    return [(m.start(1), m.start(1) + len(m.group(1).rstrip()), "PERSON") for m in _INITIALS.finditer(text)]


# --- the same birth date restated -----------------------------------------------------------------------------------

_MONTH_WORDS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
_ANY_DATE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<d1>[0-3]?[0-9])[/.\-](?P<m1>[0-3]?[0-9])[/.\-](?P<y1>(?:19|20)[0-9]{2})"
    r"|(?P<y2>(?:19|20)[0-9]{2})-(?P<m2>[01][0-9])-(?P<d2>[0-3][0-9])"
    r"|(?P<y3>(?:19|20)[0-9]{2})(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12][0-9]|3[01])"
    r"|(?P<d4>0[1-9]|[12][0-9]|3[01])(?P<m4>0[1-9]|1[0-2])(?P<y4>(?:19|20)[0-9]{2})"
    r"|(?P<d5>1er|[0-3]?[0-9])[ \u00a0]+(?P<m5>[A-Za-zéûÉÛ]{3,9})[ \u00a0]+(?P<y5>(?:19|20)[0-9]{2})"
    r")(?![0-9])"
)


_DIGITS = re.compile(r"[0-9]+")


def _dates(text: str) -> list[re.Match[str]]:
    """``list(_ANY_DATE.finditer(text))``, cheaper: every date opens a run of digits (a digit not after a digit), so
    the pattern is tried only where one opens (found in C) instead of at every position of the text."""
    out: list[re.Match[str]] = []
    end = 0
    for run in _DIGITS.finditer(text):
        start = run.start()
        if start < end:
            continue
        m = _ANY_DATE.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _readings(m: re.Match[str]) -> set[tuple[int, int, int]]:
    """The (year, month, day) a date can be read as (a slashed date both ways: day first, or month first)."""
    g = m.groupdict()
    out: set[tuple[int, int, int]] = set()
    if g["y1"]:
        d, mo, y = int(g["d1"]), int(g["m1"]), int(g["y1"])
        out.add((y, mo, d))
        out.add((y, d, mo))
    elif g["y2"]:
        out.add((int(g["y2"]), int(g["m2"]), int(g["d2"])))
    elif g["y3"]:
        out.add((int(g["y3"]), int(g["m3"]), int(g["d3"])))
    elif g["y4"]:
        out.add((int(g["y4"]), int(g["m4"]), int(g["d4"])))
    elif g["y5"]:
        month = _MONTH_WORDS.get(fold(g["m5"]))
        if month is not None:
            out.add((int(g["y5"]), month, 1 if g["d5"] == "1er" else int(g["d5"])))
    return {r for r in out if 1 <= r[1] <= 12 and 1 <= r[2] <= 31}


def restated_births(text: str, births: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, "DATE_OF_BIRTH") of each other date of ``text`` that is one of the ``births`` written again."""
    if not births:
        return []
    dates = _dates(text)
    if len(dates) < 2:
        return []
    known: set[tuple[int, int, int]] = set()
    for a, b in births:
        for m in dates:
            if m.start() < b and a < m.end():
                readings = _readings(m)
                if len(readings) == 1 or m.group("y1") is None:
                    known |= readings
                else:  # a slashed date of a known birth: read day first, as France writes it
                    known.add((int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))))
    if not known:
        return []
    out = []
    for m in dates:
        if any(m.start() < b and a < m.end() for a, b in births):
            continue
        if _readings(m) & known:
            out.append((m.start(), m.end(), "DATE_OF_BIRTH"))
    return out


# --- assistants' names --------------------------------------------------------------------------------------------

_ASSISTANT = re.compile(
    r"(?i:je suis|moi c'est|ici)[ \u00a0]+([A-ZÀ-Þ][a-zà-ÿ]+)[ \u00a0]*,?[ \u00a0]*"
    r"(?i:l['’]|votre[ \u00a0]+|ton[ \u00a0]+)?"
    r"(?i:assistante?|agent[ \u00a0]+virtuel|conseill[eè]re?[ \u00a0]+virtuel(?:le)?|chatbot|robot|bot)(?![\w])"
)


#: A bot's turn in which it says who it is: "BOT: Bonjour ! Je suis Mila.", "[10:02] Chatbot > ici Max".
_BOT_TURN_NAME = re.compile(
    r"(?im)^[^\n]{0,40}?(?<![\w])(?:bot|chatbot|assistant|assistante|agent virtuel)[ \t]*[:>][^\n]*?"
    r"(?<![\w])(?:je suis|moi c'est|ici)[ \u00a0]+([A-ZÀ-Þ][a-zà-ÿ]+)(?![\w'’\-])"
)


def assistant_names(text: str) -> frozenset[str]:
    """The names a chatbot or virtual assistant gives itself in ``text``: introduced as an assistant, or in a bot's
    own turn of a conversation."""
    lowered = text.lower()
    if "ssistant" not in lowered and "bot" not in lowered and "virtuel" not in lowered:
        return frozenset()
    names = {m.group(1) for m in _ASSISTANT.finditer(text)}
    names.update(m.group(1) for m in _BOT_TURN_NAME.finditer(text))
    return frozenset(names)


# --- names their place in a sentence or a record announces --------------------------------------------------------

#: An alias in quotes after "alias", "dit", "surnommé": "alias « Etho »", "dit 'Le Grand'".
_ALIAS = re.compile(
    r"(?<![\w])(?i:alias|dite?|surnomm[ée]e?|a\.k\.a\.?|aka)[ \u00a0]*[«\"“'‘][ \u00a0]*"
    r"([A-ZÀ-Þ][^»\"”’'\n ]{0,20}(?: [A-ZÀ-Þ][^»\"”’'\n ]{0,20}){0,2})[ \u00a0]*[»\"”’']"
)
#: A surname in capitals after its particle in capitals: "VAN RIVIERE", "DE LABORDE", "IBN MEYER", "D'VASSEUR".
#: Particles that are no French word ("VAN", "IBN", "O'") are enough; after one that is ("DE", "LE", "D'") the
#: surname must have no ordinary reading ("DE SA CARTE", "LE DEVIS" are words).
_PARTICLE_UPPER = re.compile(
    r"(?<![\w'’])(?:(?P<strong>(?:VAN|VON|EL|AL|BEN|IBN|MAC|MC)(?:[ \u00a0]+(?:DER|DEN|DE))?[ \u00a0]+|O['’])"
    # a particle that is also a French word, never right after a word in capitals ("FORMULAIRE DE CHANG EMENT")
    r"|(?<![A-ZÀ-Þ]{2}[ \u00a0])(?<![A-ZÀ-Þ]{2}[ \u00a0]{2})(?:DE LA|DE|DU|DES|DEL|DA|DOS|DI|LE|LA)[ \u00a0]+"
    r"|(?<![A-ZÀ-Þ]{2}[ \u00a0])D['’])"
    r"([A-ZÀ-Þ][A-ZÀ-Þ'’\-]{1,30})(?![\w'’])"
)
#: What every match of ``_PARTICLE_UPPER`` holds: the particle's last capital, a blank or an apostrophe, the
#: surname's first two characters. A class opens it (the engine skips to it in C): a cheap proof of no match.
_PARTICLE_GATE = re.compile(r"[A-Z](?:[ \u00a0]+|['’])[A-ZÀ-Þ][A-ZÀ-Þ'’\-]")
#: A query string's name parameter: "?nom=maillard", "&prenom=anne".
_QUERY_NAME = re.compile(
    r"[?&](?i:nom|prenom|prénom|name|lastname|last_name|firstname|first_name|nom_usage|surname)=([^&\s)#\"'<>]{2,40})"
)
#: Round 12: a name in a program's key-value fields: JSON ("firstName":"Akissi"), a calendar's attendee
#: ("ATTENDEE;CN=Jean Roy:mailto:…"), a log line's person key ("member=ROY", "patient=Le Goff").
_JSON_NAME = re.compile(
    r'"(?i:first_?name|last_?name|given_?name|family_?name|full_?name|member_?name|surname|nom|prenom|prénom'
    r'|nom_usage|nom_naissance)"[ \u00a0]*:[ \u00a0]*"([^"\\\n0-9]{2,60})"'
)
_ICS_NAME = re.compile(r"(?m:^(?:ATTENDEE|ORGANIZER)[^:\n]*;CN=\"?([^;:\"\n0-9]{2,60}?)\"?[;:])")
_LOG_PERSON_KEY = re.compile(
    r"(?<![\w.])(?i:member|membre|adherent|adhérent|patient|beneficiaire|bénéficiaire|assure|assuré)="
    r"([A-ZÀ-Þ][\w'’\-]+(?:_[A-ZÀ-Þ][\w'’\-]+)*)(?![\w=])"
)
#: Who an account or an identifier belongs to, or is shared with: "ouvert au nom de FONTAINE", "même IBAN que
#: AUBERT", "même adresse que Mme Roy".
_OWNER = re.compile(
    r"(?i:au nom de|même (?:iban|rib|adresse|numéro|téléphone|tél|compte|email|e-mail|mail) que)[ \u00a0]+"
    r"((?:[A-ZÀ-Þ][\w'’\-]+)(?:[ \u00a0]+[A-ZÀ-Þ][\w'’\-]+)?)"
)
#: A health professional's name right before their RPPS or ADELI number: "Infirmier(e) Moreau (ADELI 69...)".
_BEFORE_PRACTITIONER_NUMBER = re.compile(
    r"(?i:infirmi[eè]re?(?:\(e\))?|kin[ée](?:sith[ée]rapeute)?|m[ée]decin|docteur|dr\.?|pharmacien(?:ne)?|sage-femme"
    r"|orthophoniste|orthoptiste|podologue|p[ée]dicure|psychologue|ost[ée]opathe|chirurgien(?:-dentiste)?|dentiste"
    r"|opticien(?:ne)?|audioproth[ée]siste|ergoth[ée]rapeute|psychomotricien(?:ne)?|di[ée]t[ée]ticien(?:ne)?"
    r"|praticien(?:ne)?|prescripteur|prescriptrice)[ \u00a0]+"
    r"(?:(?:M\.|Mme\.?|Mr\.?|Mlle\.?|Dr\.?|Madame|Monsieur|Docteur)[ \u00a0]+)?"
    r"((?:[A-ZÀ-Þ][\w'’\-]*)(?:[ \u00a0]+[A-ZÀ-Þ][\w'’\-]*)?)[ \u00a0]*\([ \u00a0]*(?:ADELI|RPPS|adeli|rpps)"
)
#: A list item or a line that opens with a name and then says when the person was born: "- Honoré, né(e) le ...".
_NAME_THEN_BIRTH = re.compile(
    r"(?m)^[ \t]*(?:[-•*–][ \t]*)?((?:[A-ZÀ-Þ][\w'’\-]+)(?:[ \t]+[A-ZÀ-Þ][\w'’\-]+){0,2}),?[ \t]+"
    r"n[ée]e?(?:\(e\))?[ \t]+(?:le|en)[ \t]"
)

#: What every match of ``_BEFORE_PRACTITIONER_NUMBER`` and of ``_NAME_THEN_BIRTH`` holds; a literal opens each (the
#: engine skips to it in C): cheap proofs of no match (cost, round 10).
_PRACTITIONER_GATE = re.compile(r"\([ \u00a0]*(?:ADELI|RPPS|adeli|rpps)")
_NAME_THEN_BIRTH_GATE = re.compile(r"n[ée]e?(?:\(e\))?[ \t]+(?:le|en)[ \t]")


def structural_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "PERSON") of the names announced by where they stand (see the module's docstring)."""
    out: list[tuple[int, int, str]] = []
    lexicon = name_lexicon()
    if "alias" in text or "dit" in text or "surnomm" in text or "aka" in text.lower():
        out.extend((m.start(1), m.end(1), "PERSON") for m in _ALIAS.finditer(text) if m.group(1)[:1].isalpha())
    places = place_names()
    gate = _PARTICLE_GATE.search(text)
    # every match opens at most two characters before a gate's hit (the particle's first word has three letters at
    # most, and its last letter is followed by a blank or an apostrophe and two capitals): searched from there
    for m in _PARTICLE_UPPER.finditer(text, max(0, gate.start() - 2)) if gate is not None else ():
        word = fold(m.group(2))
        if not lexicon.is_surname(word) or word in places or word in TERRITORIES:
            continue
        if m.group("strong") or not all_ordinary(m.group(2)):
            out.append((m.start(), m.end(), "PERSON"))
    if "=" in text:
        for m in _QUERY_NAME.finditer(text):
            # round 12: a space encoded "%20" too ("lastName=LE%20COZ-MORVAN")
            if lexicon.is_name(fold(m.group(1).replace("+", " ").replace("%20", " ").split()[0])):
                out.append((m.start(1), m.end(1), "PERSON"))
        for m in _LOG_PERSON_KEY.finditer(text):
            if lexicon.is_name(fold(m.group(1).split("_")[0])):
                out.append((m.start(1), m.end(1), "PERSON"))
        if "CN=" in text:
            for m in _ICS_NAME.finditer(text):
                value = m.group(1).strip()
                if value and lexicon.is_name(fold(value.split()[0])) and not all_ordinary(value):
                    out.append((m.start(1), m.start(1) + len(m.group(1).rstrip()), "PERSON"))
    if '":' in text or '" :' in text:
        for m in _JSON_NAME.finditer(text):
            value = m.group(1)
            # the key says it is a name: any value but ordinary words ("inconnu", "null")
            if value.strip() and not all_ordinary(value):
                out.append((m.start(1), m.end(1), "PERSON"))
    if " que " in text or " nom de " in text:
        out.extend((m.start(1), m.end(1), "PERSON") for m in _OWNER.finditer(text))
    if ("ADELI" in text or "RPPS" in text or "adeli" in text or "rpps" in text) and _PRACTITIONER_GATE.search(text):
        out.extend((m.start(1), m.end(1), "PERSON") for m in _BEFORE_PRACTITIONER_NUMBER.finditer(text))
    if (" le " in text or " en " in text) and _NAME_THEN_BIRTH_GATE.search(text) is not None:
        for m in _NAME_THEN_BIRTH.finditer(text):
            words = m.group(1).split()
            if all(lexicon.is_name(fold(w)) or w.isupper() for w in words):
                out.append((m.start(1), m.end(1), "PERSON"))
    return out


# --- round 11: an RPPS by its structure alone --------------------------------------------------------------------

#: Eleven digits opening on "10" (the RPPS range in use), written whole or in groups, not inside a longer number nor
#: an amount (the pattern opens on its literal "1": the engine skips to it in C).
_BARE_RPPS = re.compile(r"1(?<![\d+,.\w]1)[ \u00a0]?0(?:[ \u00a0]?[0-9]){9}(?![ \u00a0]?[0-9])(?![,.][0-9])")


def bare_rpps(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "RPPS") of each RPPS written without a context word ("Intervenant 2 : 10958548199 et l'ancien
    numéro adeli…"): eleven digits opening on 10 whose Luhn key checks (one in ten numbers of that shape would
    pass by chance, and eleven-digit numbers opening on 10 are rare in this text: phones open on 0, amounts are
    short, NIRs have 13 or 15)."""
    if "10" not in text and "1 0" not in text:
        return []
    out = []
    for m in _BARE_RPPS.finditer(text):
        digits = re.sub(r"[ \u00a0]", "", m.group(0))
        if luhn_valid(digits):
            out.append((m.start(), m.end(), "RPPS"))
    return out
