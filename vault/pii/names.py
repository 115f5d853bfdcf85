"""Person names in French free text, from lexicons, casing and context — before any statistical model.

Every word of a text is classified once:

- *lexicon name*: an INSEE given name or surname (``vault.pii.lexicon``), or a
  name of the member register (``vault.pii.gazetteer``, inside the vault);
- *common*: a French word with an ordinary reading (the spaCy lemmatizer's
  vocabulary and the words of the trade): "Délai", "Prochaine", "Pouvez-vous";
- *strong* name: a lexicon name that is not common ("Hélène", "Lecomte");
  *weak* name: both ("Pierre", "Rose", "Roche");
- *unknown capitalised*: neither, with a capital ("Kowalczyk"): the doubt the
  statistical model is asked about (``FindResult.doubt``).

Runs of name-like words (with particles "de", "du", "le", "van"... and initials
"C.") are then accepted as PERSON when the evidence is enough:

- a title (M., Mme, Dr...) or a person cue right before ("patient", "Coach :",
  "de la part de", a closing formula before a signature line);
- a line that holds only the name, at the end of a message (a signature);
- two or more words, one a given name, the others lexicon names, at least one
  strong or all capitalised ("NICOLAS ROUSSEAU", "ROCHE RENÉ", "du Pont Hélène",
  "nicolas rousseau");
- an initial and a surname ("C. Bouvier", "s. lecomte");
- one word: a strong name (capitalised, or a given name in lower case), or a weak
  given name capitalised inside a sentence.

A sentence's first word is never a name on its capital alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from vault.pii.lexicon import (
    GIVEN_NAME_WORDS,
    NameLexicon,
    Vocabulary,
    common_words,
    fold,
    name_lexicon,
    place_names,
    vocabulary,
)

_L = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſƀ-ɏḀ-ỿ"
_WORD = re.compile(rf"[{_L}](?:[{_L}]|['’\-](?=[{_L}]))*")
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'", re.IGNORECASE)

PARTICLES = frozenset("de du des le la les van von der den ben ibn el al da dos das di del della mac".split())
TITLES = frozenset("m mm mr mme mmes mlle madame monsieur mademoiselle dr docteur pr professeur me maitre".split())

#: Words right before a name that announce a person (folded, compared on the preceding words).
CUES = (
    "patient", "patiente", "enfant", "fils", "fille", "coach", "conseiller", "conseillere", "signe", "signee",
    "de la part de", "appel de", "appel du", "appele par", "appelee par", "interlocuteur", "interlocutrice",
    "referent", "referente", "gestionnaire", "salarie", "salariee", "collaborateur", "collaboratrice", "agent",
    "adherent", "adherente", "assure", "assuree", "beneficiaire", "conjoint", "conjointe", "epoux", "epouse",
    "mari", "femme", "ayant droit", "ayant-droit", "contact", "nom", "prenom", "nom de naissance", "aupres de",
    "transmis a", "transmise a", "vu avec", "parle avec", "echange avec", "rdv avec", "rendez-vous avec",
    "cordialement", "bien a vous", "salutations", "bonne journee", "merci", "de", "par", "avec", "pour",
    "c'est", "cest", "ceest", "je suis", "moi", "ici", "participant", "participante", "rappeler", "appeler",
    "contacter", "joindre", "relancer", "prevenir", "informer", "transmettre a", "envoye a", "envoyee a",
    "excuse", "excusee", "aidant", "aidante", "tuteur", "tutrice", "curateur", "curatrice", "responsable",
    "nee", "ne", "dossier", "bonjour", "salut", "hello", "coucou", "bonsoir", "merci", "ref",
    "signature", "naissance de", "prenoms",
    "adh", "nom d'usage", "nom marital", "nom de jeune fille", "nom d'epouse",
)  # fmt: skip
_STRONG_CUES = frozenset(c for c in CUES if c not in {"de", "par", "avec", "pour", "contact"})
_CLOSINGS = re.compile(
    r"(?:cordialement|bien a vous|salutations|bonne (?:journee|soiree)|merci(?: d'avance| beaucoup)?|a bientot"
    r"|bien cordialement|sportivement|amicalement|bises)[ !.,]*$"
)


class Token:
    """One word of a text and what the lexicons say about it."""

    __slots__ = (
        "start", "end", "text", "folded", "cased", "upper", "sentence_start", "lex", "given", "common", "member",
        "initial", "particle", "strong", "unknown_cap",
    )  # fmt: skip

    def __init__(
        self, start: int, end: int, text: str, folded: str, cased: bool, upper: bool, sentence_start: bool,
        lex: bool, given: bool, common: bool, member: bool, initial: bool, particle: bool,
    ) -> None:  # fmt: skip
        self.start, self.end, self.text, self.folded = start, end, text, folded
        self.cased, self.upper, self.sentence_start = cased, upper, sentence_start  # upper: 2+ letters, all caps
        self.lex, self.given, self.common, self.member = lex, given, common, member
        self.initial, self.particle = initial, particle  # initial: one letter followed by a dot
        self.strong = lex and not common
        self.unknown_cap = (cased or upper) and not lex and not common and len(text) >= 2

    def __repr__(self) -> str:  # never the word itself: tokens can end up in logs
        return f"Token({self.start}, {self.end}, lex={self.lex}, common={self.common})"


@dataclass
class FindResult:
    spans: list[tuple[int, int, float]]
    doubt: bool  # a capitalised word no lexicon explains: the statistical model should look


def _word_lookup(key: str, lexicon: NameLexicon, vocab: Vocabulary) -> tuple[bool, bool, bool]:
    """(lexicon name, given name, common word) for one folded word without hyphen."""
    if key in vocab.stop or len(key) < 2:
        return False, False, True
    given = key in lexicon.given
    surname = key in lexicon.surnames
    if given:
        return True, True, key in GIVEN_NAME_WORDS or key in vocab.verbal
    if surname:
        return True, False, key in vocab.verbal or key in vocab.nominal
    return False, False, key in vocab.verbal or key in vocab.nominal


def _lookup(folded: str, lexicon: NameLexicon, vocab: Vocabulary) -> tuple[bool, bool, bool]:
    """(lexicon name, given name, common word) for one folded word (elisions and hyphens handled)."""
    key = folded
    m = _ELISION.match(key)
    if m:
        rest = key[m.end() :]
        if rest in vocab.stop or rest in vocab.verbal or rest in vocab.nominal:
            return False, False, True
        if lexicon.is_name(key) or lexicon.is_name(key.replace("'", "")) or lexicon.is_name(rest):
            return True, False, False  # d'Hérouville, N'Diaye
        return False, False, False
    if "-" in key:
        if key.startswith(("saint-", "sainte-", "st-", "ste-")) or "-saint-" in key or "-sainte-" in key:
            return False, False, True  # a place: Saint-Brieuc, Sainte-Anne
        if lexicon.is_name(key):
            return True, key in lexicon.given, False
        parts = [_word_lookup(p, lexicon, vocab) for p in key.split("-") if p]
        if parts and all(lex for lex, _g, _c in parts):
            return True, any(g for _l, g, _c in parts), all(c for _l, _g, c in parts)
        return False, False, any(c and not lex for lex, _g, c in parts)
    return _word_lookup(key, lexicon, vocab)


#: The end of a sentence right before a word on the same line ("… du dentiste. Noël").
_AFTER_SENTENCE = re.compile(r"\w[.!?…][ \u00a0]+$")
#: Separators a clause is cut at, characters that are not part of a folded word, the last word before a place.
_SENTENCE_END = re.compile(r"[.!?;\n]")
_NON_WORD = re.compile(r"[^a-z0-9'\-]+")
_LAST_WORD = re.compile(r"(\S+)[ \u00a0]*$")


def _last_word(window: str) -> str | None:
    """``_LAST_WORD.search(window).group(1)`` (or None) without the regex's scan, which tries every position of the
    window: the last run of non-spaces, once spaces and no-break spaces are stripped from the end (``$`` also
    matches before a final line break, hence the one dropped first)."""
    if window.endswith("\n"):
        window = window[:-1]
    window = window.rstrip(" \u00a0")
    if not window or window[-1].isspace():
        return None
    return window.rsplit(None, 1)[-1]


_OPENERS = frozenset(' \t\u00a0"«(*-–—•>_#`[')


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return True
    if text[i] == "." and i >= 1 and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalnum()):
        return False  # after an initial: "K. Mercier"
    return text[i] in ".!?;\n\r|"


_WORD_CACHE: dict[str, tuple[bool, bool, bool]] = {}
_KEEP_LOWER = PARTICLES | TITLES | {"d'", "l'"}
_TYPO_CACHE: dict[str, bool] = {}
#: A compound whose later part is written in lower case ("Martin-pêcheur"): a noun, not a double-barrelled name.
_LOWER_COMPOUND = re.compile(r"-[a-zà-ÿ]")


def _compound_noun(folded: str, lexicon: NameLexicon) -> bool:
    """True when a later part of a hyphenated word is no given name, or an ordinary word rarely given as a name
    ("martin-pecheur", "rouge-gorge"; not "jean-pierre", "marie-claire")."""
    nominal = vocabulary().nominal
    return any(
        part
        and (
            part not in lexicon.given
            or (part in nominal and part not in GIVEN_NAME_WORDS and part not in lexicon.frequent_given)
        )
        for part in folded.split("-")[1:]
    )


#: What a word as written is, wherever it stands, when it is not inside a member's name: None for a word ``tokenize``
#: never keeps there (an ordinary lower-case word, which only separates names; a word of no name reading), else
#: (folded, lex, given, common, cased, upper, particle, kept whatever follows it). Most words of a text are told on
#: this one look-up.
_WORD_CLASS: dict[str, tuple[str, bool, bool, bool, bool, bool, bool, bool] | None] = {}
#: A capture group around ``_WORD``: ``split`` gives the gaps and the words in turn, offsets by their lengths.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


def _word_class(
    word: str, f: str, member: bool, lexicon: NameLexicon, vocab: Vocabulary
) -> tuple[str, bool, bool, bool, bool, bool, bool, bool] | None:
    """What ``word`` (folded ``f``) is as a token, from the word alone (``member``: inside a member's name): None
    when ``tokenize`` drops it wherever it stands, else (f, lex, given, common, cased, upper, particle, kept) where
    ``kept`` is false only for a one-letter word, which is kept as an initial (followed by a dot)."""
    cache = _WORD_CACHE
    found = cache.get(f)
    if found is None:
        found = cache[f] = _lookup(f, lexicon, vocab)
    lex, given, is_common = found
    cased = word[0].isupper()
    if not lex and not is_common and len(f) >= 5 and cased:
        typo = _TYPO_CACHE.get(f)
        if typo is None:
            typo = _TYPO_CACHE[f] = typo_of_common_word(f)
        is_common = typo  # "Monsiieur", "Cordialeemnt", "Meerci": a slip, not a name
    if given and is_common and f not in GIVEN_NAME_WORDS and f not in vocab.stop:
        # common only through a verb form that folding created ("peter" is not "péter", "elie" not "élie")
        is_common = word.lower() in vocab.verbal_raw
    size = len(word)
    if not member and not cased and not lex and is_common and f not in _KEEP_LOWER and size > 1:
        return None  # an ordinary lower-case word: it only separates names
    if not lex and not is_common and f[-1] in "sx" and len(f) > 3 and f[:-1] in vocab.nominal:
        is_common = True  # a plural: "Tilleuls", "Chênes"
    if "-" in word and cased and not member and _LOWER_COMPOUND.search(word) and _compound_noun(f, lexicon):
        lex, given, is_common = False, False, True  # "Martin-pêcheur": a compound noun, not a double name
    upper = cased and size >= 2 and word.isupper()
    if upper and size <= 3 and not member:
        # short upper-case words are acronyms (RAS, DSN, AMK) unless a lexicon name (RAO, THI): then weak
        given, is_common = False, True
    particle = f in PARTICLES or f in ("d'", "l'")
    kept = cased or lex or member or particle or f in TITLES or (not is_common and size >= 3)
    if not kept and size != 1:
        return None
    return f, lex, given, is_common, cased, upper, particle, kept


#: The rest of an e-mail address's local part, then its "@": a word followed by it is inside the address.
_EMAIL_REST = re.compile(r"[\w.%+\-]*@[\w\-]")
#: An e-mail address's start before a word of its domain ("…@laposte.net").
_EMAIL_BEFORE = re.compile(r"@[\w.\-]*$")


def _in_email(text: str, start: int, end: int) -> bool:
    """True when the word at ``start:end`` is part of an e-mail address."""
    if end < len(text) and text[end] in "._-+%@" and _EMAIL_REST.match(text, end):
        return True
    return start > 0 and text[start - 1] in "@.-_" and _EMAIL_BEFORE.search(text, max(0, start - 60), start) is not None


def tokenize(
    text: str,
    folded: str,
    member_spans: Sequence[tuple[int, int]] = (),
    lexicon: NameLexicon | None = None,
    vocab: Vocabulary | None = None,
) -> list[Token]:
    """The words of ``text`` (not those glued to digits: "HBLD036", "FR76"), classified."""
    lexicon = lexicon or name_lexicon()
    vocab = vocab or vocabulary()
    if len(_WORD_CACHE) > 200_000:  # bounded: the caches hold words of the texts, names included, in memory only
        _WORD_CACHE.clear()
    if len(_TYPO_CACHE) > 200_000:
        _TYPO_CACHE.clear()
    classes = _WORD_CLASS
    if len(classes) > 200_000:
        classes.clear()
    tokens: list[Token] = []
    n = len(text)
    has_at = "@" in text
    parts = iter(_WORD_SPLIT.split(text))  # gap, word, gap, word, ..., gap
    end = len(next(parts))
    for word in parts:
        start = end
        end = start + len(word)
        gap = len(next(parts))
        member = bool(member_spans) and any(s <= start and end <= e for s, e in member_spans)
        if member:
            found = _word_class(word, folded[start:end], True, lexicon, vocab)
        else:
            found = classes.get(word, classes)
            if found is classes:
                found = classes[word] = _word_class(word, folded[start:end], False, lexicon, vocab)
        if found is None:
            end += gap
            continue
        if (end < n and text[end].isdigit()) or (start > 0 and text[start - 1].isdigit()):
            end += gap
            continue
        if has_at and _in_email(text, start, end):
            end += gap
            continue  # "chantal" in "chantal.voisin@laposte.net": the e-mail's, whole
        f, lex, given, is_common, cased, upper, particle, kept = found
        initial = end - start == 1 and end < n and text[end] == "."
        if initial and start >= 2 and text[start - 1] in " /" and text[start - 2].isdigit():
            end += gap
            continue  # a unit or a reference's letter after a number: "21 h.", "60/91083/A."
        if not (kept or initial):
            end += gap
            continue
        tokens.append(
            Token(
                start,
                end + (1 if initial else 0),
                word,
                f,
                cased,
                upper,
                _sentence_start(text, start),
                lex or member,
                given,
                is_common,
                member,
                initial,
                particle,
            )  # fmt: skip
        )
        end += gap
    return tokens


def _joined(text: str, a: Token, b: Token) -> bool:
    """b follows a with a single space (or a hyphen / nbsp) between them, on the same line."""
    gap = text[a.end : b.start]
    if gap in (" ", "\u00a0", "-", " - ", "/", " / ") or (a.initial and gap in ("", " ")):
        return True
    # "Okonkwo, Keziah", "DURAND, Sophie": a surname, a comma, a given name
    return gap == ", " and (a.cased or a.upper) and b.given and b.cased and not a.common


def _preceding(folded: str, start: int, width: int = 40) -> str:
    window = folded[max(0, start - width) : start]
    return " ".join(_NON_WORD.sub(" ", window).split())


_CUE_END = re.compile(r"(?:^|[^a-z'])(?:" + "|".join(re.escape(c) for c in CUES) + r")$")
_STRONG_CUE_END = re.compile(r"(?:^|[^a-z'])(?:" + "|".join(re.escape(c) for c in sorted(_STRONG_CUES)) + r")$")


def _has_cue(before: str, strong_only: bool) -> bool:
    return (_STRONG_CUE_END if strong_only else _CUE_END).search(before) is not None


def _line_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(text of the line before the name on its line, after it, and the text of the lines after)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:start], text[end:line_end], text[line_end:]


def _previous_line(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start)
    if line_start <= 0:
        return ""
    prev_start = text.rfind("\n", 0, line_start) + 1
    return text[prev_start:line_start]


def _name_like(t: Token) -> bool:
    """A word that may be (part of) a name: capitalised, or a lower-case lexicon name with no ordinary reading."""
    if t.folded in TITLES and (t.cased or t.initial):
        return False
    if t.cased or t.upper:
        return t.lex or t.unknown_cap
    return t.lex and not t.common and len(t.text) >= 3


#: Upper-case words of the trade (never surnames on their own).
ACRONYM_WORDS = frozenset(
    "CPAM URSSAF EHPAD FINESS NOEMIE AMELI SIRET SIREN RPPS ADELI IBAN CMUC OPTAM URGENT RAPPEL IMPORTANT MUTUELLE"
    " DEVIS FACTURE OBJET ETAM OETAM CADRE CADRES IDCC NAF DSN CCN APE ESCALIER BIS TER".split()
)
#: Nouns after which a capitalised word is a product, a brand, a programme, an institution, a place, a disease, a
#: test or a method named after someone, not a person: "verres Varilux", "l'Hôpital Georges-Pompidou", "rue Victor
#: Hugo", "maladie de Crohn", "test de Guthrie", "méthode Mézières", "salle Charcot", "gommes Nicorette".
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?:^|[\s'])(?:verres?|montures?|lentilles?|implants?|couronnes?|appareils?(?: auditifs?)?|auditifs?|aligneurs?"
    r"|protheses?(?: auditives?)?|laboratoires?|labo|fondation|hopital|clinique|polyclinique|centre|institut"
    r"|pharmacie|groupe|groupement|societe|programme|dispositif|formule|offre|loi|decret|article|paiement"
    r"|application|appli|logiciel|plateforme|site|portail|marque|modele|gamme|msa|cpam|caisse|mutuelle|agence"
    r"|residence|ehpad|ecole|college|lycee|universite|association|banque|assurance|opticien|magasin|enseigne"
    # round 12: schools of apprentices and institutes ("CFA Jean-Lameille", "IUT Paul-Sabatier"), a drug's class
    # before its brand ("insuline Lantus")
    r"|cfa|iut|ifsi|ifas|insa|faculte|insulines?"
    r"|medicament|traitement|vaccin|reseau|filiale|cabinet|atelier|challenge|webinaire|formation|operation"
    r"|campagne|plan|contrat|garantie|option|pack|niveau|region|departement|ville|commune|pays|station|chez"
    r"|optique|devis|audio|audition|motif|produit|fournisseur|prestataire|opticiens?|opticienne|forfait"
    r"|chu|chru|chr|chi|ch|maison(?: de sante| medicale)?|pole|pavillon|batiment|unite|service|salle|gare|stade"
    # an institution with its adjective: "centre dentaire Victor-Hugo", "cabinet médical Pasteur"
    r"|(?:centre|cabinet|pole|institut|laboratoire|clinique|hopital)s? [a-z\-]+(?:aire|ale?|ique|ier)s?"
    r"|syndicat|federation|cure|thermes|tour|immeuble|teinte"
    # systems, files and data flows of the trade: "le flux IRIS", "l'outil NOEMIE", "le fichier ARGOS"
    r"|flux|outil|fichier|module|logiciel|interface|norme|systeme|projet|referentiel|extraction|batch"
    # companies (legal forms, trades) and places named after people: "SAS Martin", "Ets Chevalier", "Cuisines
    # Schmidt", "piscine Jean Bouin", "parc Georges Brassens", "centre hospitalier Simone Veil", "lieu-dit ..."
    r"|sas|sasu|sarl|eurl|sci|scop|ets|etablissements?|transports?|cuisines?|boulangerie|patisserie|ambulances?"
    r"|taxis?|garage|menuiserie|plomberie|creche(?: les| la| le| l'| des)?(?: [a-z'\-]+)?|piscine|parc|jardin"
    r"|mediatheque|bibliotheque|gymnase|hospitalier|maternite|lieu-dit|lieudit|espace|theatre|musee"
    r"|sous [a-z0-9\-]+(?: [0-9]+(?: mg)?)? et|ordonnance pour|tiers payant sur"
    r"|rue|avenue|av|boulevard|bd|place|allee|impasse|chemin|quai|square|route|passage|faubourg|parvis|cite"
    r"|comprimes?|gelules?|sirop|creme|pommade|gommes?|patchs?|spray|collyre|gouttes|sachets?|ampoules?"
    r"|le|la|les|un|une|des|du|au|aux|ce|cet|cette|ces|sous|traitement par|traite par"
    # nouns named after someone, with or without "de": "maladie de Crohn", "test de Guthrie", "méthode Mézières"
    r"|(?:maladie|syndrome|test|score|echelle|manoeuvre|manœuvre|methode|technique|regime|protocole"
    r"|classification|indice|criteres?|theoreme|principe|accord|convention|branche|signes?|thyroidite|fracture"
    r"|reflexe|phenomene|triade|tetralogie|paralysie|choree|ataxie|sclerose|hernie|kyste|anomalie|dystrophie"
    r"|myopathie|neuropathie|lymphome|sarcome|tumeur|purpura|procedure|incision|epreuve|operation|intervention"
    r"|cellules?|canal|ligament|membrane|nodules?|angine|anevrisme|diverticule|bloc|loi)(?: de| d')?)$"
)
_COMPANY_NEXT = re.compile(
    r"[ \u00a0]*(?:&|et)[ \u00a0]+(?i:associ[ée]s|fils|fr[èe]res|cie|co)\b|[ \u00a0]+(?:SAS|SARL|SA|EURL|SASU|SCI)\b"
    # a trade word after the founder's name: "Martin Logistique", "Boulanger Frères", "Perrin Conseil"
    r"|[ \u00a0]+(?i:logistique|conseils?|services|transports|distribution|informatique|immobilier|fr[èe]res"
    r"|consulting|industries?|nettoyage|r[ée]novation|holding|expertise|b[âa]timent|btp|partenaires|associ[ée]s)"
    r"(?![\w\-])"
)
#: A hyphen or an underscore then digits after a word: the word is a reference's prefix.
_CODE_NEXT = re.compile(r"[\-_/][0-9]")
#: A sign-off whose abbreviation's dot would end the clause: "Visa resp. : Renard", "Validé par : Martin".
_SIGNOFF_CUE = re.compile(
    r"(?i:visa(?:[ \u00a0]+resp\.?|[ \u00a0]+responsable)?|valid[ée]e? par|resp\.)[ \u00a0]*:?[ \u00a0]*$"
)
_CAPITALISED_NEXT = re.compile(r"[ \u00a0]+(?:de |d'|du |des )?[A-ZÀ-Þ]")
_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:a|de|d'|en|sur|vers|depuis|pres de|agence de|cpam de|cpam d')\s?$")
#: What follows a name on a contact line: a dash, a comma or a bracket, then a phone, an e-mail or a birth.
_CONTACT_NEXT = re.compile(r"[ \u00a0]*[-–—,(:|][ \u00a0]*(?:[+\d]|[\w.\-]+@|n[ée]e?\b|DDN|ddn)")
#: The line under a signature's name: a role.
_ROLE = re.compile(
    r"(?:assistante?|responsable|gestionnaire|directeur|directrice|drh|rh\b|service|chargee?|conseillere?|coach"
    r"|infirmiere?|technicien|comptable|juriste|office manager|president|gerante?|secretaire|tel|tél|mob)"
)
#: A list item's marker right before a name at the start of its line, and the fields after it: a date then
#: another field ("- MASSE ALEXANDRIA ; 14-04-1965 ; 2 65 04 ...", "| CARON Lucie | 17.02.1990 | CDD").
_LIST_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-–•*|]|\d{1,2}[.)])[ \t]*$")
_LIST_FIELDS_AFTER = re.compile(
    r"[ \t]*[;|][ \t]*(?:\d{1,2}[ /.\-]?(?:\d{1,2}|[A-Za-zéûÉÛ]{3,9}\.?)[ /.\-]?(?:19|20)?\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)[ \t]*[;|]"
)
#: A phone number or an e-mail address alone (what follows a name on a contact line).
_CONTACT = re.compile(r"[+(\d][\d \u00a0.()\-+]{7,}|[\w.+\-]+@[\w.\-]+")


#: The French negation frame "ne … pas": the word between "ne" (or "n'") and its adverb is a verb ("NE PASSE PAS",
#: "je ne retrouve plus", "ça n'Marche jamais"), never a name.
_NEGATION_BEFORE = re.compile(r"(?:^|[^a-z'])(?:ne[ \u00a0]+|n')$")
_NEGATION_AFTER = re.compile(r"[ \u00a0]+(?:pas|plus|jamais|rien|guere|point|nullement)(?![a-z])")
#: A noun with its complement, a set phrase of the trade ("PRISE D'EFFET", "PRISE EN CHARGE", "FIN DE DROITS"):
#: an ordinary word followed by de/d'/en and another ordinary word is that phrase, not a surname.
_NOUN_COMPLEMENT_AFTER = re.compile(r"[ \u00a0]+(?:de[ \u00a0]+|d'|en[ \u00a0]+)([a-z]+)(?![a-z'])")
#: Legal forms and trade words that open or close a company's name: "Ets Blanchard", "Perrin Conseil".
COMPANY_WORDS = frozenset(
    "ets etablissements sas sasu sarl eurl sci scop sa selarl selas scm conseil conseils consulting distribution"
    " services btp batiment immobilier industrie industries transports logistique nettoyage renovation"
    " associes partenaires group groupe holding expertise audit informatique freres fils".split()
)


#: A brand's inner capital ("SoloStar", "FreeStyle"): a lower-case letter then a capital inside one word, not
#: a name's prefix ("McBride", "DeLuca", "LeBlanc", "DiMaggio", "VanDyke", "MacLeod", "FitzGerald").
_INNER_CAPITAL = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Le|La|Di|Da|Du|Van|Von|Fitz|O)[A-ZÀ-Þ]")
#: What is said of a medicine on a prescription or a pharmacy line: "Seretide Diskus délivrés", "Lantus 30 %",
#: "Bisoprolol 2,5 mg", "1 cp matin et soir".
_MEDICINE_AFTER = re.compile(
    r"[ \u00a0]+(?:delivre|dispense|rembourse|[0-9]+(?:[,.][0-9]+)? ?(?:%|mg|µg|ml|ui|cp|comprimes?|gelules?"
    r"|sachets?|doses?|bouffees?|inhalations?|gouttes?|unites?)(?![a-z]))"
)
#: A closing formula that opens with a capital after "Merci" on the same line: "Merci Bonne journée".
_CLOSING_AHEAD = re.compile(
    r"(?:bonne (?:journee|soiree|fin de journee|continuation|semaine)|belle journee|bien a vous|bien cordialement"
    r"|bien amicalement|tres cordialement)(?![a-z])"
)
_OCR_DIGITS = str.maketrans("105", "ios")
#: Digits inside a word of a form's label, read as the letters OCR took them for (before the cue test).
_OCR_LABEL_DIGITS = str.maketrans({"0": "o", "1": "i", "5": "s"})
#: A piece of a line between spaces made of letters, digits, hyphens and apostrophes only.
_PIECE = re.compile(r"(?<![^\s])[\w'’\-]+(?![^\s])")


def _brand(names: list[Token]) -> bool:
    """A word with a brand's inner capital ("Lantus SoloStar"): a product, not a person."""
    return any(
        not t.upper and not t.text[1:].islower() and _INNER_CAPITAL.search(t.text) and not _NAME_PREFIX.match(t.text)
        for t in names
    )


def _ocr_split_word(text: str, folded_text: str, group: list[Token]) -> bool:
    """True when a word of ``group`` is a piece of an ordinary word that scanning split apart: joined with the
    piece right before or after it (one space between, OCR digits read as letters) it is a French word ("DEM
    ANDE" -> demande, "C aisse" -> caisse, "ATTEST AT 1ON" -> attestation). A scanner splits words in capitals
    or leaves a lower-case piece: a run of capitalised words ("Hélène Durand") is not looked at."""
    if not any(t.upper or not t.text[0].isupper() for t in group):
        return False
    lo = max(0, group[0].start - 20)
    hi = min(len(text), group[-1].end + 20)
    pieces = [(m.start() + lo, m.end() + lo) for m in _PIECE.finditer(text[lo:hi])]
    # only the pieces of the group and its two neighbours on each side, on the same line, one space apart
    inside = [i for i, (a, b) in enumerate(pieces) if a < group[-1].end and group[0].start < b]
    if not inside:
        return False
    first, last = max(0, inside[0] - 2), min(len(pieces), inside[-1] + 3)
    pieces = pieces[first:last]
    inside = {i - first for i in inside}
    if len(pieces) < 2:
        return False
    common, lexicon, stop = common_words(), name_lexicon(), vocabulary().stop
    folded = [folded_text[a:b].translate(_OCR_DIGITS) for a, b in pieces]
    # a piece no dictionary knows as a word nor as a given name: what a split leaves ("aisse", "ANDE", "ATTEST");
    # or a lone letter with no dot, which is no word of its own ("C aisse")
    fragment = [(w not in common and w not in lexicon.given) or (len(w) == 1 and w not in "ay") for w in folded]
    for i in range(len(pieces) - 1):
        for j in range(i + 1, min(i + 3, len(pieces))):
            if text[pieces[j - 1][1] : pieces[j][0]] != " ":
                break
            if not inside & set(range(i, j + 1)) or not any(fragment[i : j + 1]):
                continue
            if any(len(w) >= 2 and w in stop for w in folded[i : j + 1]):
                continue  # "COSTE AU TEL", "Anne Le Gall": a word of grammar is no piece of a split word
            word = "".join(folded[i : j + 1])
            if len(word) >= 6 and word in common and word not in lexicon.given:
                return True
    return False


def _ordinary_phrase(text: str, folded: str, names: list[Token]) -> bool:
    """True when the one word of a candidate is a verb in a negation or a noun with its complement."""
    if len(names) != 1:
        return False
    t = names[0]
    if t.strong or t.given or t.member:
        return False
    if _NEGATION_BEFORE.search(folded, max(0, t.start - 4), t.start) and _NEGATION_AFTER.match(folded, t.end):
        return True
    complement = _NOUN_COMPLEMENT_AFTER.match(folded, t.end)
    return bool(t.common and complement and complement.group(1) in common_words())


#: The value of a field written ``key=value`` or ``"key": "value"`` (logs, JSON), and its key.
_FIELD_VALUE = re.compile(
    r"(?:([A-Za-z_][\w.\-]{0,40})[ \u00a0]*=[ \u00a0]*[\"']?|\"([A-Za-z_][\w.\-]{0,40})\"[ \u00a0]*:[ \u00a0]*\""
    r"|<([A-Za-z_][\w.\-]{0,40})>)$"
)
#: Keys whose values are people: the only field values the name detector reads as names.
_NAME_KEY = re.compile(
    r"(?i)nom|name|pr[ée]nom|patient|b[ée]n[ée]f|assur|adh[ée]r|titulaire|conjoint|enfant|m[ée]decin|praticien"
    r"|prescri|gestionnaire|conseill|agent|contact|signataire|destinataire|exp[ée]diteur|auteur|author|person"
    r"|interlocut|referent|r[ée]f[ée]rent|responsable|salari|membre|member|owner|user|client|dr|docteur|ayant"
)
#: Words that label a field of a form, not a person: "Nom Prénom : ...".
_LABEL_WORDS = frozenset({"nom", "noms", "prenom", "prenoms", "name", "names"})
#: A path after a word (an HTTP method or a command in a log line): "POST /api/v2/prestations".
_PATH_NEXT = re.compile(r"[ \u00a0]+/[\w{]")
_TITLE_BEFORE = re.compile(r"(?:\b(?:M|Mme|Mlle|Dr|Pr|Me)\.?|[Mm]adame|[Mm]onsieur|[Dd]octeur)[ \u00a0]+$")
_SIGN_RESULT_NEXT = re.compile(r"[ \u00a0]+(?:positif|positive|n[ée]gatif|n[ée]gative|bilat[ée]ral)s?(?![\w])", re.I)
#: An organisation noun with its complement, right before the word(s): "Mutuelle des Trois Rivières", "Garage de
#: la Croix Blanche", "Résidence du Parc": the name of a body or a place, not a person.
_ORGANISATION_BEFORE = re.compile(
    r"(?:^|\s)(?:mutuelle|garage|clinique|residence|ehpad|ecole|college|lycee|association|boulangerie|pharmacie"
    r"|cabinet|centre|hopital|societe|groupe|caisse|agence|hotel|restaurant|domaine|chateau|ferme|cafe|auberge"
    r"|camping|creche|maison|foyer|institut|fondation|entreprise|club|syndicat|cooperative|laboratoire"
    r"|rue|avenue|boulevard|place|allee|impasse|chemin|quai|square|route|cite|parc|jardin|stade|gymnase)"
    r" (?:de la |de l'|du |des |d')(?:[a-z'\-]+ ){0,2}$"
)
#: A speaker's label opening a line of a transcript ("Conseiller : ", "Appelant : ").
_SPEAKER_LABEL = re.compile(r"^[ \t]*[A-ZÀ-Þ][a-zà-ÿ]+(?:[ \-][a-zà-ÿ]+)?[ \u00a0]*:[ \u00a0]*$")
_SPEAKER_LINES = re.compile(r"(?m)^[ \t]*[A-ZÀ-Þ][a-zà-ÿ]+(?:[ \-][a-zà-ÿ]+)?[ \u00a0]*:[ \u00a0]")
#: A lower-case word right after (a sentence going on).
_LOWER_WORD_NEXT = re.compile(r"[ \u00a0]+[a-zà-ÿ]")


def _not_a_name_slot(text: str, start: int, end: int, names: list[Token], prev: Token | None) -> bool:
    """True where a word cannot be a name by where it stands: the value of a field whose key is no person's
    ("statut=ACTIF", "\"etat\": \"VALIDE\""), a form's label ("Nom Prénom :"), a command before a path ("POST
    /api/..."), inside an organisation's name ("Mutuelle des Trois Rivières"), a lone ordinary word opening a
    turn of a transcript ("Conseiller : Carte tiers payant valable ..."), or a handle ("pseudo : amina.k")."""
    if all(t.folded in _LABEL_WORDS for t in names):
        return True
    if _split_at_line_end(text, start, end):
        return True
    titled = prev is not None and prev.folded in TITLES
    window = text[max(0, start - 45) : start]
    # each form of field needs an "=", a '"' or a ">": a window with none of them is searched no further
    field = _FIELD_VALUE.search(window) if "=" in window or '"' in window or ">" in window else None
    if field is not None and not titled and not _NAME_KEY.search(field.group(field.lastindex or 1)):
        return True
    if len(names) == 1 and _PATH_NEXT.match(text, end):
        return True
    if len(names) == 1 and not titled and _SIGN_RESULT_NEXT.match(text, end):
        return True  # a clinical sign named after its author and its result: "Lasègue positif", "Babinski négatif"
    if not titled:
        before = fold(text[max(0, start - 45) : names[0].start])
        if " d" in before and _ORGANISATION_BEFORE.search(before):  # " de la", " du", " d'": one is needed
            return True
    if end < len(text) - 1 and text[end] in "._" and text[end + 1].isalnum() and not names[-1].upper:
        return True  # a login or a handle: "amina.k", "francoise.f65"
    if start > 1 and text[start - 1] == "_" and text[start - 2].isalnum():
        return True  # "tom_martin"
    if len(names) == 1 and names[0].upper and not names[0].given and _shouted_clause(text, start, names[0]):
        return True
    if len(names) == 1 and names[0].common and not names[0].strong and _LOWER_WORD_NEXT.match(text, end):
        line_start = text.rfind("\n", 0, start) + 1
        if _SPEAKER_LABEL.match(text[line_start:start]) and len(_SPEAKER_LINES.findall(text)) >= 3:
            return True  # a transcript's turn opens with an ordinary word: a sentence, not a name
    return False


#: A word cut by a hyphen at the end of its line (scanned or justified text): "ORDONN-" / "ANCE", "Mons-" / "ieur".
_SPLIT_AFTER = re.compile(r"-[ \t]*\r?\n[ \t]*([^\W\d_]+)")
_SPLIT_BEFORE = re.compile(r"([^\W\d_]+)-[ \t]*\r?\n[ \t]*$")


def _split_at_line_end(text: str, start: int, end: int) -> bool:
    """True when the word is a piece of an ordinary word that a line break cut ("ORDONN-\nANCE")."""
    if "\n" not in text:
        return False  # both patterns need a line break
    after = _SPLIT_AFTER.match(text, end)
    if after is not None:
        return _ordinary_word(fold(text[start:end].split()[-1] + after.group(1)))
    before = _SPLIT_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and _ordinary_word(fold(before.group(1) + text[start:end].split()[0]))


def _ordinary_word(folded: str) -> bool:
    if folded in common_words():
        return not name_lexicon().is_name(folded) or folded in vocabulary().stop
    return len(folded) >= 5 and typo_of_common_word(folded, strict=False)


#: Words in capitals on the same line: a clause written in capitals.
_UPPER_WORDS_BEFORE = re.compile(r"([^\W\d_]{2,})[^\w\n]+([^\W\d_]{2,})[^\w\n]+$")


def _shouted_clause(text: str, start: int, t: Token) -> bool:
    """True for a verb or an adverb in capitals after two ordinary words in capitals on its line ("VOUS NE
    RÉPONDEZ JAMAIS", "PERSONNE NE ME RÉPOND"): a clause shouted, not a surname."""
    vocab = vocabulary()
    if t.folded not in vocab.verbal and t.folded not in vocab.stop:
        return False
    before = _UPPER_WORDS_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    words = before.group(1), before.group(2)
    return all(w.isupper() and fold(w) in common_words() for w in words)


def _first_and_last_name(names: list[Token], initials: list[Token]) -> bool:
    """A capitalised given name (or an initial) then a capitalised lexicon surname: a person, not a medicine."""
    if len(names) == 1 and initials and initials[0].start < names[0].start:
        return names[0].cased and names[0].lex and len(names[0].text) >= 3
    return len(names) == 2 and all(t.cased for t in names) and names[0].given and names[0].strong and names[1].lex


#: Titles written in full, which speech-to-text writes in lower case before a name.
_SPOKEN_TITLES = frozenset({"madame", "monsieur", "mademoiselle", "docteur", "maitre"})


def _plain_word_opening_sentence(text: str, t: Token, prev: Token | None) -> bool:
    """True for a capitalised word with an ordinary reading and no strong name reading ("Suite", "Rose") that opens
    a sentence (text start or after ``.!?;`` or a line break), has a word right after it on its line, and no
    title or sign-off cue before it: ``_decide`` returns None for it whatever follows (no signature alone on its
    line, no cue, a sentence start), so it is told at once."""
    if not t.sentence_start or t.strong or t.member or t.particle or t.initial or not (t.cased or t.upper):
        return False
    if prev is not None and prev.folded in TITLES:
        return False
    i = t.start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i >= 0 and text[i] not in ".!?;\n":
        return False  # "|" or "\r" open a sentence for tokenize but not a clause for the cues
    j, n = t.end, len(text)
    while j < n and text[j] in " \t":
        j += 1
    if j >= n or not text[j].isalnum():
        return False  # the word may stand alone on its line (a signature) or before a contact
    return _SIGNOFF_CUE.search(text, max(0, t.start - 30), t.start) is None


def _decide(text: str, folded: str, group: list[Token], prev: Token | None, loud: bool) -> float | None:
    """The score of a run of name-like words as a PERSON, or None (``loud``: ``shouting(text)``)."""
    if len(group) == 1 and _plain_word_opening_sentence(text, group[0], prev):
        return None  # the commonest run by far: every rule below leaves it out (a shortcut, not a rule)
    names = [t for t in group if not t.particle and not t.initial]
    initials = [t for t in group if t.initial]
    if not names or _COMPANY_NEXT.match(text, group[-1].end):
        return None
    if _ordinary_phrase(text, folded, names):
        return None
    if _brand(names) or _CLOSING_AHEAD.match(folded, group[0].start):
        return None  # "Lantus SoloStar"; "Merci Bonne journée"
    if len(names) >= 2 and (names[0].folded in COMPANY_WORDS or names[-1].folded in COMPANY_WORDS):
        return None  # a company named after its founder: "Ets Lemaire", "Boyer Conseil"
    if len(names) == 1 and names[0].folded in COMPANY_WORDS and not (prev is not None and prev.folded in TITLES):
        return None  # the last word of a company: "SOLUTIONS PAIE CONSEIL", "Menuiserie Boulanger Frères"
    if _CODE_NEXT.match(text, group[-1].end):
        return None  # the letters of a reference: "Dossier SIN-2025-315136", "LOT_24"
    first = group[0]
    if _not_a_name_slot(text, first.start, group[-1].end, names, prev):
        return None
    before_line, after_line, rest = _line_of(text, first.start, group[-1].end)
    sentence_before = _SENTENCE_END.split(folded[max(0, first.start - 40) : first.start])[-1]
    # a form's labels as OCR reads them count as theirs: "N0M :", "S1gnature :", "Prén0ms :"
    clause = " ".join(_NON_WORD.sub(" ", sentence_before.translate(_OCR_LABEL_DIGITS).replace("œ", "oe")).split())
    word_before = _last_word(text[max(0, first.start - 30) : first.start])
    capital_particle = (  # "Le Floc'h", "LE GOFF": a capitalised particle is part of the name
        word_before is not None and word_before[0].isupper() and fold(word_before) in PARTICLES
    )
    if (
        not capital_particle
        and text[max(0, first.start - 2) : first.start].strip(" \u00a0")[-1:].isalpha()
        and _NOT_A_PERSON_BEFORE.search(clause)
        and not (clause.endswith("chez") and names[0].strong and names[0].given)  # "chez Patrick, manager ..."
        and not (clause.endswith(" par") and _first_and_last_name(names, initials))  # "traitement par Anne Roy"
    ):
        return None  # a product, a brand or an institution: "verres Varilux", "Fondation Rothschild", "loi Evin"
    if first.particle and first.cased and len(names) == 1 and _PLACE_BEFORE.search(clause):
        return None  # "de La Rochelle", "CPAM de Le Mans"
    if names[0].common and not names[0].strong and _NOT_A_PERSON_BEFORE.search(names[0].folded):
        return None  # "Loi Evin", "Clinique Pasteur": the capitalised noun opens a proper name that is no person
    if _is_place(folded, group, names, prev):
        return None if not (prev is not None and prev.folded in TITLES) else 0.85
    titled = (
        prev is not None
        and prev.folded in TITLES
        and (
            prev.cased
            or prev.initial
            or prev.upper
            # dictation writes the title in lower case: "appel de madame Jacquier", "monsieur Da Silva"
            or (
                prev.folded in _SPOKEN_TITLES
                and all(t.cased or t.upper for t in names)
                and all(t.lex or (t.unknown_cap and not t.common) for t in names)
            )
        )
        and not text[prev.end : first.start].strip(" .\u00a0")
    )
    if (
        2 <= len(names) <= 3
        and all(t.cased or t.upper for t in names)
        and any(t.lex for t in names)
        and _LIST_ITEM_START.search(text, 0, first.start)
        and _LIST_FIELDS_AFTER.match(text, group[-1].end)
    ):
        return 0.7  # the first field of a list of people: "- MASSE ALEXANDRIA ; 14-04-1965 ; 2 65 04 ..."
    if (
        all(t.upper for t in names)  # first: cheap, and false for most runs (no line to rebuild then)
        and (
            loud
            or shouting(before_line + text[first.start : group[-1].end] + after_line)
            or _between_capitals(before_line, after_line)
        )
        and not titled
        and not _initial_opens_name(text, folded, initials, names)
    ):
        # a text written all in capitals: JOUR, DEMANDE, SAISI, CARTE are words, not surnames. A run of several
        # words is a name when one of them is a given name or a word no dictionary knows; a word alone when it
        # is a given name with no ordinary reading, or follows a cue ("NÉE MERCIER", "ADH COSTE")
        cue = _has_cue(clause, strong_only=True)
        if len(names) >= 2:
            if not any(t.given or t.unknown_cap for t in names) and not (cue and all(t.lex for t in names)):
                return None
        elif not (
            (names[0].given and not names[0].common)
            or (cue and names[0].lex and not (names[0].common and _WEAK_UPPER_CUE.search(clause)))
        ):
            return None
    if not titled and not any(t.given or t.member for t in names) and _MEDICINE_AFTER.match(folded, group[-1].end):
        return None  # "Seretide Diskus délivrés", "Xarelto 65 %": a medicine on a pharmacy line
    any_lex = any(t.lex for t in names)
    any_strong = any(t.strong for t in names)
    any_given = any(t.given or t.member for t in names)
    all_cased = all(t.cased or t.upper for t in names)
    all_upper = all(t.upper for t in names)
    if titled and first.folded in ("le", "la") and not first.cased and all(t.common and not t.strong for t in names):
        return None  # "Monsieur le Président", "Madame la Directrice": a function, not a name
    if titled and (any_lex or all_cased):
        return 0.85
    # names that are words of no dictionary (foreign names the lexicons lack) and no ordinary word
    unknown_only = all_cased and all(t.unknown_cap or t.strong for t in names) and not any(t.common for t in names)
    # a signature: the name alone on its line (or before a contact: "- 06 12...", ", RH"), at the end of the
    # message or after a closing formula
    after = after_line.strip(" \t")
    contact = after.strip(" -–—,|(").rstrip(" .)")
    contact_after = (
        bool(contact)
        and after[0] in "-–—,|("
        and (_CONTACT.fullmatch(contact) is not None or (len(contact) <= 25 and not any(c.isdigit() for c in contact)))
    )
    next_line = rest.lstrip("\n").split("\n", 1)[0].strip(" \t|-")
    contact_after = contact_after or (
        not after.strip(".,!")
        and bool(next_line)
        and (_CONTACT.search(next_line) is not None or _ROLE.match(fold(next_line)))
    )
    alone = not before_line.strip(" \t-–—>*") and (not after.strip(".,!") or contact_after) and len(names) <= 3
    if alone and (any_strong or any_given) and not all(t.folded in GIVEN_NAME_WORDS and t.common for t in names):
        return 0.8
    if alone and any_lex and not rest.strip():
        return 0.75  # the message's last line: a signature
    closing_before = _CLOSINGS.search(fold(_previous_line(text, first.start))) is not None
    if alone and len(names) == 1 and names[0].lex and closing_before:
        return 0.75
    if alone and any_given and (contact_after or closing_before or not rest.strip()):
        return 0.75  # a signature, even in a given name that is also a word ("Pierre", "Rose")
    if alone and unknown_only and text[: first.start].strip() and (not rest.strip() or closing_before or contact_after):
        return 0.7  # a signature in a name the lexicons lack
    if (
        len(group) == 1
        and names[0].given
        and names[0].cased
        and not names[0].upper
        and not after_line.strip(" .!\t")
        and not rest.strip()
        and _AFTER_SENTENCE.search(before_line)
        and names[0].folded not in vocabulary().stop
        and not _CLOSINGS.match(names[0].folded)
    ):
        return 0.7  # a first name signing the message after its last sentence, on the same line ("… svp ? Noël")
    strong_cue = (
        _has_cue(clause, strong_only=True)
        or _SIGNOFF_CUE.search(text, max(0, first.start - 30), first.start) is not None
    )
    if strong_cue and any_lex and (all_cased or any_strong):
        return 0.8
    if strong_cue and unknown_only:
        return 0.7
    if len(names) >= 2:
        all_lex = all(t.lex for t in names)
        internal_particle = any(t.particle for t in group[1:])
        if all_cased and any_given and (any_strong or (all_lex and not first.sentence_start)):
            return 0.8
        if all_cased and all_lex and not internal_particle and any_strong:
            return 0.75
        if all_upper and any_strong:
            return 0.75
        if all_upper and any_lex and not any(t.common and not t.lex for t in names):
            return 0.7
        if not all_cased and all_lex and any_given and any_strong:
            return 0.7
        if len(names) == 2 and _lower_pair(names[0], names[1]):
            return 0.6
        if unknown_only and not all(t.sentence_start for t in names[:1]) and len(names) <= 4:
            return 0.65  # two or more capitalised words no dictionary knows, inside a sentence
        if unknown_only and _CONTACT_NEXT.match(text, group[-1].end):
            return 0.65  # "Wojciech Nowak - 06 12 34 56 78", "Nowak Wojciech (né le ..."
    if initials and names:
        surname = names[-1]
        if initials[0].start < surname.start and (_surname_after_initial(surname) or surname.strong):
            return 0.75
    if len(names) == 1 and not (first.particle and not strong_cue):
        t = names[0]
        if len(t.text) < 3:
            return None
        place = _PLACE_BEFORE.search(clause) is not None and not t.member and not strong_cue
        if t.cased or t.upper:
            if place:
                return None
            if t.sentence_start:
                if t.strong and (t.given or t.member):
                    return 0.7
                if t.strong and t.upper and len(t.text) >= 4 and _CONTACT_NEXT.match(text, t.end):
                    return 0.7  # a surname in capitals opening a row, its phone next: "14:34 | LUCIANI | 06 ..."
                return None
            if t.strong and (t.given or t.member):
                return 0.75
            if t.strong and not _CAPITALISED_NEXT.match(text, t.end):
                return 0.7  # a surname alone; not the first of a run of capitalised words (a brand, a place)
            if t.lex and (t.member or (t.given and t.folded not in GIVEN_NAME_WORDS)):
                return 0.7
            if t.lex and t.upper and len(t.text) >= 4 and t.text not in ACRONYM_WORDS:
                return 0.65  # a surname in capitals: "transmis à MERCIER"
            return None
        # lower case: a given name with no ordinary reading, where people sign or introduce themselves
        at_end = not text[t.end :].strip(" \t.,!?\n")
        if t.strong and (t.given or t.member) and (alone or at_end or strong_cue):
            return 0.6
        if (
            t.strong
            and t.given
            and len(t.text) >= 4
            and t.folded not in GIVEN_NAME_WORDS
            and not _swapped_letters_of_common_word(t.folded)
        ):
            return 0.55  # informal messages write first names in lower case (not a slip: "fati" for "fait")
        if t.strong and t.member and len(t.text) >= 4:
            return 0.6  # a member's name with no ordinary reading, in any case
        if (
            t.strong
            and len(t.text) >= (3 if t.given else 4)
            and re.search(r"(?:^|\s)(?:de|d'|avec|pour|par|nom de)$", clause)
            and not (t.folded[-1] in "sx" and t.folded[:-1] in vocabulary().nominal)  # "dont 40 % de cadres"
        ):
            return 0.55
    return None


#: Cues after which an upper-case word with an ordinary reading stays a word ("DOSSIER RENVOYE").
_WEAK_UPPER_CUE = re.compile(r"(?:dossier|ref|merci|bonjour|bonsoir|salut|cordialement|rappeler|appeler|moi|ici)$")


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _between_capitals(before_line: str, after_line: str) -> bool:
    """True when the words right before and right after (on the same line) are in capitals too: a stretch of
    text written in capitals ("... LE 2024-09-06 - MONTANT 167,98 EUR")."""
    before = _LETTERS.findall(before_line[-30:])
    after = _LETTERS.search(after_line[:30])
    return bool(before) and after is not None and before[-1].isupper() and after.group(0).isupper()


def shouting(text: str) -> bool:
    """True for a text written (mostly) in capitals: there casing says nothing about names."""
    return _shouting(text) if len(text) < 4096 else _upper_share(text) >= 0.8


#: The latin-1 characters that are no letter (``str.isalpha``) / no upper-case letter (``str.isupper``): deleted
#: from a text's latin-1 bytes, what is left is counted in C by ``bytes.translate``.
_NOT_ALPHA_LATIN1 = bytes(c for c in range(256) if not chr(c).isalpha())
_NOT_UPPER_LATIN1 = bytes(c for c in range(256) if not chr(c).isupper())
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def _upper_share(text: str) -> float:
    # only letters are upper case; the latin-1 characters are counted on bytes (no call per character), the few
    # others ("’", "œ", emojis) one by one
    raw = text.encode("latin-1", "ignore")
    letters = len(raw.translate(None, _NOT_ALPHA_LATIN1))
    upper = len(raw.translate(None, _NOT_UPPER_LATIN1))
    if len(raw) != len(text):
        rest = _BEYOND_LATIN1.findall(text)
        letters += sum(map(str.isalpha, rest))
        upper += sum(map(str.isupper, rest))
    return upper / letters if letters >= 12 else 0.0


@functools.lru_cache(maxsize=4096)
def _shouting(text: str) -> bool:
    return _upper_share(text) >= 0.8


def _is_place(folded: str, group: list[Token], names: list[Token], prev: Token | None) -> bool:
    """The run names a French town ("Avignon", "La Rochelle", "Clermont-Ferrand") and holds no frequent given
    name (Nancy, Florence are people more often than towns: their context decides)."""
    places = place_names()
    end = group[-1].end
    candidates = {folded[group[0].start : end]}
    if names:
        candidates.add(folded[names[0].start : end])
    if prev is not None and prev.particle and prev.end + 1 == group[0].start:
        candidates.add(folded[prev.start : end])  # "La Rochelle" with "La" opening the sentence
    if not (candidates & places) and not (names and all(t.folded in places for t in names)):
        return False
    frequent = name_lexicon().frequent_given
    return len(names) <= 2 and not any(t.member or t.folded in frequent for t in names)


#: What may stand right before an initial that opens a name: the start of a line or a clause, or a word that
#: introduces a person ("APPEL DE Z.BRIAND", "CDT, V. GAY", "PROGRAMME : G. VALLÉE").
_BEFORE_INITIAL = re.compile(r"(?:^|[\n,;:(\-–—]|(?:^|[^a-z'])(?:de|par|avec|pour|a|chez|et))[ \u00a0]*$")


def _initial_opens_name(text: str, folded: str, initials: list[Token], names: list[Token]) -> bool:
    """An initial glued to a surname in capitals ("Z.BRIAND"), or one that opens a clause or follows a word
    introducing a person ("…, V. GAY"), followed by a lexicon surname: a name even in a text in capitals.
    After an ordinary word the letter ends a label instead ("CLASSE B. REMBOURSÉ", "VITAMINE D. PRISE")."""
    if not initials or initials[0].start > names[0].start or not all(t.lex for t in names):
        return False
    if not _surname_after_initial(names[-1]):
        return False
    glued = initials[-1].end == names[0].start
    return glued or _BEFORE_INITIAL.search(folded, max(0, initials[0].start - 20), initials[0].start) is not None


def _surname_after_initial(t: Token) -> bool:
    """After "T.", a capitalised word that is no ordinary word ("Durant" the preposition is also a surname),
    not an acronym ("8 h. NIR") nor a sentence start ("classe B. Remboursé")."""
    if not t.cased or len(t.text) < 3 or (t.upper and len(t.text) <= 3):
        return False
    return t.lex or t.unknown_cap or t.folded in vocabulary().stop


def _given_lower(t: Token) -> bool:
    """A lower-case given name that is no everyday word."""
    return t.given and t.lex and t.folded not in GIVEN_NAME_WORDS and not t.cased


def _unknown_lower(t: Token) -> bool:
    """A lower-case word of no dictionary and no lexicon, not one slip from a French word: a foreign surname."""
    return (
        not t.cased
        and not t.lex
        and not t.common
        and len(t.text) >= 3
        and t.text.isalpha()
        and not typo_of_common_word(t.folded)
    )


def _lower_pair(a: Token, b: Token) -> bool:
    """Lower-case first name and surname, either order: the surname may be an ordinary word ("solene brun")
    or a word no lexicon knows ("julien okonkwo")."""
    if a.cased or b.cased:
        return False
    if a.lex and b.lex:
        return (a.strong and a.given) or (b.strong and b.given) or (a.given and b.strong) or (a.strong and b.given)
    return (_given_lower(a) and _unknown_lower(b)) or (_unknown_lower(a) and _given_lower(b))


_DOSE_AFTER = re.compile(r"[ \u00a0]?[0-9]+(?:[,.][0-9]+)?[ \u00a0]?(?:mg|µg|g|ml|ui)?\b", re.IGNORECASE)
#: What is said of a medicine, not of a person: "Humalog déconseillé au long cours", "Seretide bien toléré".
_TREATMENT_AFTER = re.compile(
    r"[ \u00a0]+(?:deconseille|contre-indique|prescrit|bien tolere|mal tolere|tolere|a prendre|au long cours"
    r"|matin et soir|en comprime|en sirop|en spray|en inhalation|[0-9]+ ?fois par)"
)
#: What is said before a medicine: "arrêt Seretide", "traitée par Augmentin", "ordonnances de Ventoline".
_TREATMENT_BEFORE = re.compile(
    r"(?:^|\s)(?:arret|arrets|stop|reprise|relais|switch|sous|trai[a-z]* par|ordonnances? de|prescriptions? de"
    r"|posologie de|dose de|boite de|boites de|traitement de fond par|traitement par|prescrit|prescrite|prescrits"
    r"|propose|proposons|remboursement de|remboursement du|arret du|arret de)$"
    # a list of medicines after its heading: "Traitement habituel : Augmentin, Levemir FlexPen"
    r"|(?:^|\s)(?:traitement(?: habituel| de sortie| en cours| actuel)?|prescription|ordonnance)(?: [a-z0-9]+){0,8}$"
)


def model_span_plausible(text: str, start: int, end: int) -> bool:
    """False for a statistical model's "person" right after a product, brand or institution noun
    ("Laboratoire Cerballiance", "lentilles Acuvue Oasys"), opened by such a noun ("Salle Louise Michel",
    "Tour Montparnasse"), a word of one or two letters ("Qi"), a single word no lexicon knows followed by a
    dose ("Doliprane 1000"), or made only of ordinary words."""
    value = text[start:end]
    words = fold(value).split()
    if shouting(text):
        return False  # capitals everywhere: the model's persons there are ordinary words
    if not words or (len(words) > 1 and words[0] not in PARTICLES and _NOT_A_PERSON_BEFORE.search(words[0])):
        return False
    if len(words) == 1:
        if len(words[0]) < 3:
            return False
        if not name_lexicon().is_name(words[0]) and _DOSE_AFTER.match(text, end):
            return False
        if _SIGN_RESULT_NEXT.match(text, end) and not _TITLE_BEFORE.search(text, max(0, start - 12), start):
            return False  # a clinical sign and its result: "Babinski positif"
    folded = fold(text[max(0, start - 40) : start])
    clause = " ".join(_NON_WORD.sub(" ", _SENTENCE_END.split(folded)[-1].replace("œ", "oe")).split())
    if _NOT_A_PERSON_BEFORE.search(clause):
        return False
    if not any(name_lexicon().is_name(w) for w in words):
        # words no name list knows, spoken of as a medicine: a brand of drug, not a person
        if _TREATMENT_AFTER.match(fold(text[end : end + 30])) or _TREATMENT_BEFORE.search(clause):
            return False
        if _INNER_CAPITAL.search(text[start:end]) and not _NAME_PREFIX.search(text[start:end]):
            return False  # a brand's inner capital: "Levemir FlexPen"
    value = fold(text[start:end])
    if value in place_names() or re.sub(r"^(?:la|le|les) ", "", value) in place_names():
        return False
    return not all_ordinary(text[start:end])


def all_ordinary(text: str) -> bool:
    """True when every word of ``text`` has an ordinary reading and none is a strong name (a model's
    "person" that is a sentence start like "Montant" or "Prochaine")."""
    tokens = tokenize(text, fold(text))
    return not any(t.strong or t.unknown_cap for t in tokens)


_LOWER_CUE_HINT = re.compile(
    r"c'est|cest|ceest|je suis|ma |mon |au nom|de la part|coach|participant|avec |merci|cordialement|cdlt|bis|salut"
    r"|bientot|bonne |appel de|bonjour|hello|coucou|dossier|nee |nom "
)
_LOWER_CUE = re.compile(
    r"(?:^|[^a-z])(?:c'est|cest|ceest|c est|je suis|ma fille|mon fils|mon mari|ma femme|mon epouse|mon epoux"
    r"|ma mere|mon pere|au nom de|de la part de|coach ?:|participant ?:|participante ?:"
    r"|vu avec(?: mme| m\.| mr| madame| monsieur)?|seance \d+ avec|rdv avec|rendez-vous avec|appel de"
    r"|salut|bonjour|hello|coucou|dossier|nee|nom de jeune fille|nom marital|nom d'usage|nom d'epouse"
    # SMS shorthand: "c" for "c'est" ("ok c durand nee en 56"), "c ecrit" ("c ecrit x au lieu de y")
    r"|(?<![0-9])c|(?<![0-9])c ecrit|au lieu de)"
    r" ([a-z][a-z'\-]{2,})(?: ([a-z][a-z'\-]{2,}))?"
    r"|(?:merci|cordialement|cdlt|bises|bisous|salutations|a bientot|bonne journee|bonne soiree)[ ,.!]*[\n ]"
    r"([a-z][a-z'\-]{2,})(?: ([a-z][a-z'\-]{2,}))?[ .!]*$"
)
#: A kinship in brackets after a name: "le remb de lucas (mon fils, 8 ans)"; and the word(s) right before it.
_KINSHIP_AFTER = re.compile(
    r" \((?:ma|mon|notre) (?:fille|fils|mari|femme|epouse|epoux|mere|pere|soeur|frere|conjointe?|petite-fille"
    r"|petit-fils|enfant)[ ,)]"
)
_WORDS_BEFORE = re.compile(r"(?:^|[^a-z])([a-z][a-z'\-]{2,})(?: ([a-z][a-z'\-]{2,}))?$")


def _swapped_letters_of_common_word(word: str) -> bool:
    """True when two neighbouring letters swapped make a function word or a verb form ("fati" for "fait"; nouns
    and adjectives are left out: "anael" is no slip of "anale")."""
    vocab = vocabulary()
    for i in range(len(word) - 1):
        w = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if w != word and (w in vocab.stop or w in vocab.verbal):
            return True
    return False


def typo_of_common_word(word: str, strict: bool = True) -> bool:
    """True when one slip (two letters swapped, one letter dropped or doubled) away from a common word.

    ``strict``: a dropped letter is only restored towards function words and verbs (the noun list holds
    names too, so "Dolma" would read as a slip); lower-case words after a cue use every list."""
    vocab = vocabulary()
    common = vocab.stop, vocab.verbal, vocab.nominal

    def known(w: str) -> bool:
        return any(w in c for c in common)

    for i in range(len(word) - 1):
        if known(word[:i] + word[i + 1] + word[i] + word[i + 2 :]):
            return True
    for i in range(len(word)):
        if known(word[:i] + word[i + 1 :]):
            return True
        if word[i] == "c" and known(word[:i] + "e" + word[i + 1 :]):
            return True  # a scanner's "c" for an "e": "Madamc", "Cachct"
    # a dropped letter: only words of the function and verb lists count (the noun list holds names too)
    for i in range(len(word) + 1):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            candidate = word[:i] + ch + word[i:]
            if candidate in vocab.stop or candidate in vocab.verbal or (not strict and candidate in vocab.nominal):
                return True
    return False


def _ordinary_lower(word: str, folded: str, vocab: Vocabulary) -> bool:
    """A lower-case word after a cue that reads as an ordinary one: an elided article, pronoun or preposition
    before a word of the dictionary ("au nom de l'adhérent", "au lieu de m'envoyer"), or a past participle
    written with its accent ("c'est noté", "c'est réglé")."""
    elision = _ELISION.match(folded)
    if elision is not None and folded[:2] not in ("d'", "n'"):
        rest = folded[elision.end() :]
        return rest in vocab.stop or rest in vocab.verbal or rest in vocab.nominal
    participle = _PARTICIPLE.search(word)
    return participle is not None and folded[: participle.start()] + "er" in vocab.verbal


#: The ending of a past participle of the first group as written: "noté", "réglées".
_PARTICIPLE = re.compile(r"ée?s?$")


def _lower_case_after_cue(text: str, folded: str) -> list[tuple[int, int, float]]:
    """Lower-case names right after "c'est", "ma fille", "vu avec", "Coach :"... that are no French word (nor
    one slip from one): informal messages name people in lower case, foreign names included."""
    vocab = vocabulary()
    candidates: list[list[tuple[int, int, str]]] = []
    for m in _LOWER_CUE.finditer(folded):
        groups = (1, 2) if m.group(1) else (3, 4)
        start = m.start(groups[0])
        if start >= 2 and folded[start - 2 : start] == "c " and text[start - 2] != "c":
            continue  # SMS "c" is written in lower case; "C aisse" is a word a scanner split
        candidates.append([(m.start(g), m.end(g), m.group(g)) for g in groups if m.group(g)])
    if "(" in folded:
        for k in _KINSHIP_AFTER.finditer(folded):
            b = _WORDS_BEFORE.search(folded, max(0, k.start() - 60), k.start())
            if b is None:
                continue
            words = [(b.start(g), b.end(g), b.group(g)) for g in (1, 2) if b.group(g)]
            if len(words) == 2 and not _lookup(words[0][2], name_lexicon(), vocab)[0]:
                words = words[1:]  # "de lucas (mon fils": the name is the word before the bracket
            candidates.append(words)
    out = []
    for words in candidates:
        start = words[0][0]
        if not text[start].islower():
            continue
        end = None
        for w_start, w_end, w in words:
            if _ordinary_lower(text[w_start:w_end], w, vocab):
                if end is None and (w_start, w_end, w) == words[0] and len(words) > 1:
                    start = words[1][0]  # "bonjour c'est siddharth": the cue's own words, then the name
                    continue
                break
            lexicon_name = _lookup(w, name_lexicon(), vocab)[0]
            if (
                w in vocab.stop
                or w in vocab.verbal
                or w in GIVEN_NAME_WORDS
                or (w in vocab.nominal and not lexicon_name)
            ):
                break
            if len(w) >= 5 and not lexicon_name and typo_of_common_word(w, strict=False):
                break
            if not lexicon_name and (not any(v in w for v in "aeiouy") or _swapped_letters_of_common_word(w)):
                break  # "bcp", "stp", "cdlt": abbreviations; "logn" for "long": a slip
            end = w_end
        if end is not None:
            out.append((start, end, 0.6))
    return out


def find_names(
    text: str,
    member_spans: Sequence[tuple[int, int]] = (),
    folded: str | None = None,
) -> FindResult:
    """PERSON spans (start, end, score) found from lexicons, casing and context; and whether doubt remains."""
    folded = fold(text) if folded is None else folded
    tokens = tokenize(text, folded, member_spans)
    spans: list[tuple[int, int, float]] = []
    doubt = False
    loud = shouting(text)
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        starts_pair = i + 1 < n and _joined(text, t, tokens[i + 1]) and _lower_pair(t, tokens[i + 1])
        if not (_name_like(t) or t.initial or (t.particle and not t.sentence_start) or starts_pair):
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and _joined(text, tokens[j], tokens[j + 1])
            and (
                _name_like(tokens[j + 1])
                or tokens[j + 1].initial
                or tokens[j + 1].particle
                or _lower_pair(tokens[j], tokens[j + 1])
                or (tokens[j].initial and _surname_after_initial(tokens[j + 1]))
            )
        ):
            j += 1
        group = tokens[i : j + 1]
        if loud or not all(g.upper or g.particle or g.initial for g in group):
            # mixed case (or all capitals everywhere): short capitals are acronyms ("ADH COSTE")
            while group and group[0].upper and len(group[0].text) <= 3 and not group[0].particle:
                group.pop(0)
            while group and group[-1].upper and len(group[-1].text) <= 3 and not group[-1].particle:
                group.pop()
        # particles only inside or right before a capitalised name
        while group and group[-1].particle:
            group.pop()
        while group and (group[0].particle and not (len(group) > 1 and (group[1].cased or group[1].upper))):
            group.pop(0)
        while group and group[0].initial and group[0].folded in TITLES:
            group.pop(0)
        if group and any(_name_like(g) or g.initial for g in group):
            prev = tokens[i - 1] if i > 0 else None
            score = _decide(text, folded, group, prev, loud)
            if score is None and len(group) > 1:
                # a leading common word at a sentence start ("Merci Hélène Durand"): try without it
                k = 0
                while (
                    k < len(group) - 1
                    and group[k].common
                    and not group[k].strong
                    and not (group[k].particle and group[k].cased)
                ):
                    k += 1
                if k:
                    score = _decide(text, folded, group[k:], group[k - 1], loud)
                    group = group[k:]
            if score is not None and _ocr_split_word(text, folded, group):
                score = None  # "DEM ANDE DE REMBOURSEMENT": a word the scanner split, not a name
            if score is not None:
                spans.append((group[0].start, group[-1].end, score))
            elif any(g.unknown_cap and not g.sentence_start for g in group):
                doubt = True
        i = j + 1
    # SMS shorthand "c" for "c'est" and "au lieu de" are tested apart: plain substring tests keep the hint fast
    if _LOWER_CUE_HINT.search(folded) or " c " in folded or folded.startswith("c ") or "au lieu de" in folded:
        spans.extend(_lower_case_after_cue(text, folded))
    # in a text written in capitals every word looks like a name to the statistical model: lexicons only
    return FindResult(spans, doubt and not loud)


__all__ = ["CUES", "FindResult", "PARTICLES", "TITLES", "Token", "find_names", "tokenize"]
