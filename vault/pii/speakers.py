"""Names in chat threads and call transcripts (round 11).

A chat export or a speech-to-text transcript names its speakers at the start of each line, after a time stamp
(``[19:19] oleksandr: attends``, ``08:27 - xiaoling: la mutuelle…``, ``13:20 mai > fr76…``), in lower case as
people type their handle; transcripts address people by a title in lower case (``merci madame weber``,
``c'est le dr boulanger``). Capitalised-name rules cannot see either.

- ``speaker_names``: the label of a stamped line is a person when it is a given name or no French word at all,
  never a role (agent, client, conseiller, intervenant, speaker, parent…); a label made of letters only, one or two
  words (``SPEAKER_02``, ``Intervenant 1`` are roles or numbered).
- ``titled_lower_names``: after a title in lower case, a lower-case word (or particle + word) that the INSEE name
  lexicons know, no function word, and, when it is also a French word, at the end of the phrase ("merci madame
  blanc, bonne journée"; not "madame nouveau rib"); never in a street's name ("rue du docteur roux").

Both are gated: a line opening on a time stamp; a lower-case title followed by a lower-case letter.
"""

from __future__ import annotations

import re

from vault.pii.lexicon import fold, name_lexicon, vocabulary
from vault.pii.names import _lookup
from vault.pii.spoken import nir_asked

_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*"
#: A line opening on a time stamp, then the speaker's label and ":" or ">".
_STAMPED_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:\[[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\]|[0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?)"
    rf"(?:[ \t]*[-–—])?[ \t]*({_LETTERS}(?:[ \t]{_LETTERS})?)[ \t]*(?::|>)"
)
#: Who speaks in a transcript or a chat without being a person's name.
ROLES = frozenset(
    "agent agente client cliente conseiller conseillere appelant appelante intervenant intervenante speaker locuteur"
    " operateur operatrice teleconseiller teleconseillere moi vous mutuelle service support bot assistant assistante"
    " systeme admin administrateur gestionnaire adherent adherente assure assuree patient patiente interlocuteur"
    " interlocutrice inconnu inconnue utilisateur utilisatrice standard accueil secretariat medecin docteur"
    " maman papa mamie mami papi papy tata tonton chef patron parent parents mere pere enfant famille infirmier"
    " infirmiere pharmacien pharmacienne courtier appel note svi ivr robot repondeur messagerie serveur".split()
)


def speaker_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label of a stamped line that reads as a person's name."""
    if ":" not in text:
        return []
    out = []
    for m in _STAMPED_SPEAKER.finditer(text):
        words = fold(m.group(1)).split()
        if any(w in ROLES for w in words):
            continue
        if all(_given_or_unknown(w) for w in words):
            out.append((m.start(1), m.end(1)))
    return out


def _given_or_unknown(folded: str) -> bool:
    """True for a given name of the INSEE lexicons, or a word that is no French word ("oleksandr"); a surname
    that is also a French word ("parent", "appel") is not enough for a speaker's label."""
    _is_name, given, common = _lookup(folded, name_lexicon(), vocabulary())
    return given or not common


def _name_not_word(folded: str) -> bool:
    """True for a name of the INSEE lexicons that is no French word ("essarts" after "des"; not "maire")."""
    is_name, _given, common = _lookup(folded, name_lexicon(), vocabulary())
    return is_name and not common


#: A title in lower case, then a lower-case word, a particle before it at most ("madame weber", "dr des essarts").
_LOWER_TITLED = re.compile(
    r"(?<![\w'’])(?:madame|monsieur|mademoiselle|mme|mr|dr|docteur|maitre|maître)[ \u00a0]+"
    r"((?:(?:de|des|du|le|la)[ \u00a0]+|d['’])?[a-zà-ÿ](?:[a-zà-ÿ]|['’\-](?=[a-zà-ÿ]))+)"
)
_GATE = re.compile(r"(?:madame|monsieur|mademoiselle|mme|mr|dr|docteur|ma[iî]tre) [a-zà-ÿ]")
#: What ends a name after a title: the end of the line or the text, punctuation, a closing or a pronoun.
_CLOSING_AFTER = re.compile(
    r"[ \u00a0]*(?:$|[\n,.;:!?)]|(?:bonne|bon|merci|au revoir|et|il|elle|qui|est|a)(?![\w'’]))", re.MULTILINE
)


def _glued_word(text: str, start: int, end: int) -> bool:
    """True when the letters before the title, the title and the word make one French word ("A dr esse")."""
    before = re.search(r"(?<![\w'’])([^\W\d_]{1,4})[ \u00a0]+$", text[max(0, start - 10) : start])
    if before is None:
        return False
    glued = fold(before.group(1) + re.sub(r"[\W\d_]+", "", text[start:end]))
    vocab = vocabulary()
    return glued in vocab.nominal or glued in vocab.verbal


#: A street type right before the title: "rue du docteur roux" names a street.
_STREET_BEFORE = re.compile(
    r"(?i:rue|avenue|av\.?|bd|boulevard|place|all[ée]e|impasse|quai|chemin|square|cours|route)"
    r"[ \u00a0]+(?:du|de)?[ \u00a0]*$"
)
#: Words a lower-case title is followed by that are no name.
_FUNCTION_WORDS = frozenset(
    "le la les l un une des de du d votre vos son sa ses mon ma mes notre nos leur leurs ce cet cette ces et ou"
    " a au aux en est etait sera je tu il elle on nous vous ils elles qui que quoi dont bonjour bonsoir merci"
    " bonne bon oui non si pas plus tres bien alors donc euh ben voila aussi ici la-bas encore deja ne n y"
    " avec pour par sur sous chez dans vers comme mais car or ni soit tout toute tous toutes rien".split()
)


def titled_lower_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each lower-case name after a lower-case title ("merci madame weber bonne journée")."""
    if _GATE.search(text) is None:
        return []
    out = []
    for m in _LOWER_TITLED.finditer(text):
        name = fold(m.group(1))
        head = re.split(r"[ \u00a0]+|(?<=d')", name)[-1].strip("'’")
        if not head or head in _FUNCTION_WORDS or name in _FUNCTION_WORDS:
            continue
        particle = head != name
        vocab = vocabulary()
        common = head in vocab.nominal or head in vocab.verbal
        if not particle and common and _CLOSING_AFTER.match(text, m.end()) is None:
            continue  # a French word that is also a name needs the phrase to end there ("madame nouveau rib")
        if _glued_word(text, m.start(), m.end()):
            continue  # a word OCR cut in three ("A dr esse": "Adresse")
        if (particle and _name_not_word(head)) or (not particle and name_lexicon().is_name(head)):
            if _STREET_BEFORE.search(text, max(0, m.start() - 20), m.start()) is not None:
                continue  # "rue du docteur roux": a street's name
            out.append((m.start(1), m.end(1)))
    return out


# --- a NIR without its key sent alone as a message -------------------------------------------------------------------

#: A stamped line whose message is one number of 13 characters (a NIR's body, Corsica's 2A/2B included).
_STAMPED_NUMBER = re.compile(
    r"(?m)^[ \t]*(?:\[[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\]|[0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?)"
    rf"(?:[ \t]*[-–—])?[ \t]*{_LETTERS}(?:[ \t]{_LETTERS})?[ \t]*(?::|>)[ \t]*"
    r"([12](?:[ \u00a0]?[0-9AB]){12})[ \t]*$"
)
#: A NIR word in the lines before ("t'as le num de secu de ta mère ?").
_NIR_ASKED = re.compile(r"secu|securite sociale|(?<![a-z])nir(?![a-z])|n° ?ss|numero ss|immatriculation|vitale")


def keyless_nirs_sent_alone(text: str) -> list[tuple[int, int]]:
    """(start, end) of a NIR without its key sent alone as a chat message ("[19:45] karim: 1460667517087") when one
    of the three lines before it names a NIR; the number must have INSEE's structure (``nir13_plausible``)."""
    from vault.pii.recognizers import nir13_plausible

    if (":" not in text and ">" not in text) or not nir_asked(text):
        return []
    out = []
    for m in _STAMPED_NUMBER.finditer(text):
        compact = re.sub(r"[ \u00a0]", "", m.group(1))
        if not nir13_plausible(compact):
            continue
        before = text[: m.start()].rsplit("\n", 4)[-4:]
        if _NIR_ASKED.search(fold("\n".join(before))) is not None:
            out.append((m.start(1), m.end(1)))
    return out
