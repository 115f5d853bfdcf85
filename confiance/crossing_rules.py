"""The crossing rules: what each feed column becomes in the warehouse, decoded once from its contract.

A feed contract says, for every column, how it crosses from the vault to the warehouse
(``crossing`` and its companion custom properties, see contracts/README.md). This module
is the ONE place that reads those properties: :func:`decode` turns them into a frozen
record (one class per rule) that names the warehouse columns it produces and explains
itself in plain language. The crossing (``vault.crossing``), the dbt sources
(``governance.dbt_sources``), the quality suites (``quality.suites``) and the glossary
site all read these records instead of the raw properties.

The properties themselves are checked against ``contracts/schema/custom-properties.schema.json``
when a contract loads (``confiance.contracts.load_contract``), so a token column always has its
``token_entity`` and ``token_column`` here: there is no default to guess.

Core module: it imports nothing else of the project.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

#: The rule names a feed column's ``crossing`` property may take.
RULES = ("token", "drop", "keep", "birth_year_age_band", "departement", "month", "scrub", "consent")
#: The rule of a column whose contract says nothing: nothing crosses.
DEFAULT_RULE = "drop"
#: The member register feed: its ``member`` token is read from the identity map by ``member_id``.
MEMBER_FEED = "members"
MEMBER_ENTITY = "member"
#: The column every warehouse row carries besides its contract's columns: the crossing that wrote it (one BIGINT per
#: crossing, the crossing's start in microseconds; nothing about a person). An appended crossing stamps the records
#: it re-crossed and the member row of anyone a re-crossed record no longer belongs to (a line corrected to another
#: member), a whole crossing every row; warehouse quality checks per-row rules on the crossings it has not covered
#: yet (``quality.batches``), dbt rebuilds the member atoms of the members stamped since (``member_atoms_*``).
CROSSING_STAMP = "_crossing"


class CrossingRuleError(ValueError):
    """A column's crossing properties cannot be decoded (names the feed, the column and the property)."""


@dataclass(frozen=True)
class WarehouseColumn:
    """One column of a ``pseudo.<feed>`` warehouse table."""

    name: str
    physical_type: str


@dataclass(frozen=True)
class Crossing:
    """What one feed column becomes in the warehouse (base of the rule classes)."""

    feed: str
    column: str
    physical_type: str

    rule: ClassVar[str] = ""
    #: The rule in plain words (English, French), with ``{col}`` (the feed column, ``<feed>.<column>``) and
    #: ``{domain}`` (the pseudonymisation domain) filled in: the one explanation the site, the lineage
    #: graph and the DPO documents show.
    how: ClassVar[str] = ""
    how_fr: ClassVar[str] = ""

    @property
    def warehouse_columns(self) -> tuple[WarehouseColumn, ...]:
        """The warehouse columns this feed column becomes (empty when nothing crosses)."""
        return ()

    @property
    def crosses(self) -> bool:
        return bool(self.warehouse_columns)

    def explain(self, domain: str, french: bool = False) -> str:
        """This column's rule in plain words, in English (or French)."""
        return (self.how_fr if french else self.how).format(col=f"{self.feed}.{self.column}", domain=domain)

    def explain_both(self, domain: str) -> str:
        """This column's rule in plain words, French first then English."""
        return f"{self.explain(domain, french=True)} / {self.explain(domain)}"


@dataclass(frozen=True)
class Drop(Crossing):
    """Nothing crosses: the column stays in the vault."""

    rule: ClassVar[str] = "drop"
    how: ClassVar[str] = "{col} stays in the vault (never crosses)"
    how_fr: ClassVar[str] = "{col} reste dans le coffre (ne traverse jamais)"


@dataclass(frozen=True)
class Token(Crossing):
    """A keyed pseudonym ``<domain>.v<version>.<hex>`` of the ``entity`` the column identifies.

    ``identity_map_key``: the column whose ``member_id`` is looked up in the vault's identity map
    (member tokens are computed from the NIR, so a member has the same token in every feed);
    None when the token is computed from the column's own value.
    """

    entity: str = ""
    token_column: str = ""
    identity_map_key: str | None = None

    rule: ClassVar[str] = "token"
    how: ClassVar[str] = "keyed pseudonym of {col}, domain {domain} (HMAC-SHA256)"
    how_fr: ClassVar[str] = "pseudonyme à clé de {col}, domaine {domain} (HMAC-SHA256)"

    @property
    def warehouse_columns(self) -> tuple[WarehouseColumn, ...]:
        return (WarehouseColumn(self.token_column, "VARCHAR"),)

    @property
    def through_identity_map(self) -> bool:
        return self.identity_map_key is not None


@dataclass(frozen=True)
class _Renamed(Crossing):
    """A rule producing one warehouse column, named ``target`` (the feed column's name unless renamed)."""

    target: str = ""
    target_type: ClassVar[str | None] = None  # None: the feed column's physical type

    @property
    def warehouse_columns(self) -> tuple[WarehouseColumn, ...]:
        return (WarehouseColumn(self.target, self.target_type or self.physical_type),)


@dataclass(frozen=True)
class Keep(_Renamed):
    """The value as is (its contract must bound it: see ``vault.crossing.kept_column_problems``)."""

    rule: ClassVar[str] = "keep"
    how: ClassVar[str] = "copied as is from {col}"
    how_fr: ClassVar[str] = "copié tel quel de {col}"


@dataclass(frozen=True)
class Consent(_Renamed):
    """The member's current consent flag (the history stays in the vault)."""

    rule: ClassVar[str] = "consent"
    how: ClassVar[str] = "current consent flag from the vault's consent register, sourced from {col}"
    how_fr: ClassVar[str] = "consentement en vigueur, registre des consentements du coffre, issu de {col}"


@dataclass(frozen=True)
class Month(_Renamed):
    """The first day of the date's month."""

    rule: ClassVar[str] = "month"
    target_type: ClassVar[str | None] = "DATE"
    how: ClassVar[str] = "{col} generalised to the month"
    how_fr: ClassVar[str] = "{col} généralisé au mois"


@dataclass(frozen=True)
class Departement(_Renamed):
    """The département of a postal code (Corsica 2A/2B, overseas 971-976)."""

    rule: ClassVar[str] = "departement"
    target_type: ClassVar[str | None] = "VARCHAR"
    how: ClassVar[str] = "{col} generalised to the département"
    how_fr: ClassVar[str] = "{col} généralisé au département"


@dataclass(frozen=True)
class Scrub(_Renamed):
    """Free text after PII scrubbing."""

    rule: ClassVar[str] = "scrub"
    how: ClassVar[str] = "free text {col} scrubbed of personal data (PII detection)"
    how_fr: ClassVar[str] = "texte libre {col} débarrassé des données personnelles (détection PII)"


@dataclass(frozen=True)
class BirthYearAgeBand(Crossing):
    """A birth date becomes ``birth_year`` and ``age_band`` ('35-39', age at the run date)."""

    rule: ClassVar[str] = "birth_year_age_band"
    how: ClassVar[str] = "{col} generalised to birth year and 5-year age band"
    how_fr: ClassVar[str] = "{col} généralisé en année de naissance et tranche d'âge de 5 ans"

    @property
    def warehouse_columns(self) -> tuple[WarehouseColumn, ...]:
        return (WarehouseColumn("birth_year", "INTEGER"), WarehouseColumn("age_band", "VARCHAR"))


#: One class per rule name.
RULE_CLASSES: dict[str, type[Crossing]] = {
    cls.rule: cls for cls in (Token, Drop, Keep, BirthYearAgeBand, Departement, Month, Scrub, Consent)
}
#: The warehouse column a renaming rule writes when the contract gives no ``target_column``.
_DEFAULT_TARGET = {"departement": "departement"}


def decode(feed: str, column: str, physical_type: str, custom: Mapping[str, Any]) -> Crossing:
    """The crossing rule of one feed column from its custom properties (the only decoder)."""
    rule = custom.get("crossing", DEFAULT_RULE)
    where = f"feed {feed}, column {column}"
    cls = RULE_CLASSES.get(rule)
    if cls is None:
        raise CrossingRuleError(f"{where}: custom property crossing: unknown rule {rule!r} (one of {', '.join(RULES)})")
    if cls is Token:
        for prop in ("token_entity", "token_column"):
            if not custom.get(prop):
                raise CrossingRuleError(f"{where}: custom property {prop} is required when crossing is token")
        entity = str(custom["token_entity"])
        if custom.get("token_source") == "identity_map":
            key: str | None = column
        elif entity == MEMBER_ENTITY and feed == MEMBER_FEED:
            key = "member_id"
        else:
            key = None
        return Token(
            feed, column, physical_type, entity=entity, token_column=str(custom["token_column"]), identity_map_key=key
        )
    if issubclass(cls, _Renamed):
        target = custom.get("target_column") or _DEFAULT_TARGET.get(rule) or column
        return cls(feed, column, physical_type, target=str(target))
    return cls(feed, column, physical_type)


@dataclass(frozen=True)
class Versions:
    """The version history of a feed's records kept in the warehouse (schema-level custom property ``versions``).

    ``table``: the warehouse table (``pseudo.<table>``); ``columns``: the warehouse columns it keeps, each written
    by the feed's own crossing rule (the record's token first, then the version column ``updated_at``, then the
    attributes). One row per record and version date: the versions of a record sharing one ``updated_at`` are
    ranked by the vault's version rule and the first kept; consecutive identical versions are collapsed into the
    first of them (the attributes as of any date are the same). The member versions let dbt file care under the
    member's attributes as of its care year's closing date (dbt macro ``member_attributes_by_care_year``)."""

    feed: str
    table: str
    columns: tuple[WarehouseColumn, ...]

    @property
    def key(self) -> str:
        """The record's token column (the first)."""
        return self.columns[0].name

    @property
    def attributes(self) -> tuple[str, ...]:
        """The versioned attributes (every column but the token and the version column)."""
        return tuple(c.name for c in self.columns[2:])

    how: ClassVar[str] = (
        "every version of {feed}'s {attributes} by its date ({version}), under the record's current token"
    )
    how_fr: ClassVar[str] = (
        "chaque version de {attributes} de {feed} à sa date ({version}), sous le jeton actuel de l'enregistrement"
    )

    def explain_both(self) -> str:
        values = {"feed": self.feed, "attributes": ", ".join(self.attributes), "version": self.columns[1].name}
        return f"{self.how_fr.format(**values)} / {self.how.format(**values)}"


#: The version column every versioned table carries second (the feed's ``updated_at``).
VERSION_COLUMN = "updated_at"


def decode_versions(feed: str, custom: Mapping[str, Any], crossings: list[Crossing]) -> Versions | None:
    """The feed's versions table from its schema-level ``versions`` property (None without one).

    Its columns must be warehouse columns the feed's crossing rules write (``updated_at`` second, the record's
    token first) and none may be a scrubbed text."""
    spec = custom.get("versions")
    if not spec:
        return None
    where = f"feed {feed}, custom property versions"
    written = {w.name: (w, c) for c in crossings for w in c.warehouse_columns}
    names = list(spec.get("columns") or ())
    columns = []
    for name in names:
        if name not in written:
            raise CrossingRuleError(f"{where}: {name!r} is not a warehouse column of {feed}")
        if isinstance(written[name][1], Scrub):
            raise CrossingRuleError(f"{where}: {name!r} is scrubbed free text, never versioned")
        columns.append(written[name][0])
    if len(columns) < 3 or not isinstance(written[names[0]][1], Token) or names[1] != VERSION_COLUMN:
        raise CrossingRuleError(
            f"{where}: columns must be the record's token, {VERSION_COLUMN}, then at least one attribute"
        )
    return Versions(feed, str(spec["table"]), tuple(columns))
