"""The glossary site: a static data dictionary for the CDO office.

One page per dataset of every zone (source feeds in the vault, pseudonymised
warehouse tables, dbt models and published marts) and one per column, with
business names in French and English, meaning, type, classification, glossary
term, roles (owner, data steward, data relay), retention, quality (Great
Expectations and dbt tests), compiled SQL and column-level lineage both ways
drawn as a graph; the business glossary; quality pages; and a full-text search
(a MiniSearch index built here and shipped with the site).

Everything comes from metadata: the ODCS contracts (``confiance.contracts``),
``contracts/glossary.yaml``, the dbt manifest and run results, the warehouse's
catalogue and the quality status. The site never reads a data row, so it can
never show a value; the outbound PII gate checks that anyway before the build
is declared done. Nothing it shows is fetched from outside the machine.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from confiance.contracts import Column, Contract, feed_contracts, mart_contracts, warehouse_tables
from confiance.crossing_rules import CROSSING_STAMP, Token
from confiance.dataset_status import (
    NOT_VALIDATED,
    STATUS_LABELS,
    ZONE_LABELS,
    DatasetState,
    canonical_dataset,
    decide_status,
    display_name,
    state_of,
    states_of,
    status_label,
)
from confiance.settings import CONTRACTS_DIR, Settings
from governance.dbt_sources import warehouse_columns, warehouse_lineage
from governance.pii_gate import GENERATED_DOCUMENT_ALLOW, Detector
from governance.publish import PublicationError, manifest_path

log = logging.getLogger(__name__)

#: Each dataset's latest quality record by the dataset's key as its stage wrote it (``raw.members``, a mart's
#: name): what ``quality.status.dataset_status`` returns (keys in its docstring).
QualityRecords = Mapping[str, dict[str, Any]]

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
GLOSSARY_FILE = CONTRACTS_DIR / "glossary.yaml"

#: Classification given to token columns in the warehouse (pseudonymised data are still personal data).
PSEUDONYM = "pseudonym"
#: Classification of a model column computed from no source column (counts, constants, flags).
COMPUTED = "internal"

#: From the most to the least protective: a derived column takes the first of its sources'.
CLASSIFICATION_ORDER = (
    "direct_identifier",
    "free_text",
    PSEUDONYM,
    "sensitive",
    "quasi_identifier",
    "internal",
    "public",
)

#: Each classification in French first, English alongside.
CLASSIFICATION_LABELS = {
    "direct_identifier": "identifiant direct / direct identifier",
    "free_text": "texte libre / free text",
    PSEUDONYM: "pseudonyme / pseudonym",
    "sensitive": "donnée de santé / sensitive (health)",
    "quasi_identifier": "quasi-identifiant / quasi-identifier",
    "internal": "interne / internal",
    "public": "publique / public",
    "unclassified": "non classée / unclassified",
}

#: Roles of the ODCS ``team`` shown on every dataset page, French first.
ROLE_LABELS = {
    "owner": "propriétaire / owner",
    "data_steward": "intendant des données / data steward",
    "data_relay": "relais data / data relay",
    "data protection officer": "délégué à la protection des données / DPO",
}

ZONES = ("feed", "warehouse", "model", "mart")
ZONE_TITLES = {
    "feed": "Flux sources (coffre, tiers de confiance) / Source feeds (vault, trusted third party)",
    "warehouse": "Tables de l'entrepôt (pseudonymisées) / Warehouse tables (pseudonymised)",
    "model": "Modèles dbt (préparation, intermédiaires) / dbt models (staging, intermediate)",
    "mart": "Magasins publiés / Published marts",
}

# "(e.g. A000001234)"-style examples in free descriptions: the site shows no value, not even a made-up one.
_EXAMPLE = re.compile(r"\s*\((?:e\.g\.|eg\.|for example|for instance|ex\.)[^)]*\)", re.IGNORECASE)


# --------------------------------------------------------------------------- model


@dataclass
class Role:
    """One member of a dataset's team (ODCS v3 ``team``): who to ask, and how."""

    role: str
    name: str
    contact: str = ""
    description: str = ""

    @property
    def label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role.replace("_", " "))


@dataclass
class ColumnDoc:
    """What the site says about one column (metadata only, never a value)."""

    name: str
    business_name: str
    description: str
    type: str
    classification: str
    glossary_term: str | None = None
    required: bool = False
    lineage: list[str] = field(default_factory=list)
    format: str = ""
    inherited: list[str] = field(default_factory=list)  # what came from upstream columns, in words
    page: str = ""
    upstream: list[Any] = field(default_factory=list)  # ColumnEdge of the whole way up
    downstream: list[Any] = field(default_factory=list)  # ColumnEdge of the whole way down


@dataclass
class DatasetDoc:
    """What the site says about one dataset."""

    zone: str
    name: str
    business_name: str
    description: str
    owner: str
    retention: str
    consumer: str | None = None
    purpose: str = ""
    legal_basis: str = ""
    columns: list[ColumnDoc] = field(default_factory=list)
    upstream: list[str] = field(default_factory=list)  # keys of other DatasetDocs
    upstream_other: list[str] = field(default_factory=list)  # upstream nodes without a page
    downstream: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quality: dict[str, Any] | None = None
    source: str = "contract"
    location: str = ""  # where it physically lives (database and relation), never its content
    business_name_en: str = ""
    roles: list[Role] = field(default_factory=list)
    compiled_sql: str = ""
    dbt_tests: list[Any] = field(default_factory=list)  # governance.site.dbt_results.DbtTestResult
    state: DatasetState | None = None
    inherited_from: list[str] = field(default_factory=list)  # contracts owner/roles/retention came from

    @property
    def quality_view(self) -> dict[str, Any]:
        """The quality status normalised for display: status, when, scalar details."""
        return quality_view(self.quality)

    @property
    def key(self) -> str:
        return f"{self.zone}.{self.name}"

    @property
    def page(self) -> str:
        return f"{self.zone}-{_slug(self.name)}.html"

    @property
    def display_name(self) -> str:
        return display_name(self.zone, self.name)

    @property
    def classification(self) -> str:
        """The most protective classification among its columns (a dataset carrying a quasi-identifier is one)."""
        return most_protective([c.classification for c in self.columns]) if self.columns else "unclassified"

    @property
    def title(self) -> str:
        """French business name first, English alongside."""
        if self.business_name_en and self.business_name_en != self.business_name:
            return f"{self.business_name} / {self.business_name_en}"
        return self.business_name


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


def column_page(dataset_key: str, column: str) -> str:
    zone, _, name = dataset_key.partition(".")
    return f"col-{zone}-{_slug(name)}--{_slug(column)}.html"


def clean_description(text: str | None) -> str:
    """A contract or dbt description without the illustrative values some carry."""
    return " ".join(_EXAMPLE.sub("", text or "").split())


def most_protective(classifications: list[str]) -> str:
    """The classification a column derived from these inherits: the most protective one."""
    known = [c for c in classifications if c in CLASSIFICATION_ORDER]
    if not known:
        return "unclassified" if classifications else COMPUTED
    return min(known, key=CLASSIFICATION_ORDER.index)


def sort_key(label: str) -> str:
    """Sort by what is displayed, as a French reader expects: case and accents ignored."""
    folded = unicodedata.normalize("NFD", str(label).casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


# --------------------------------------------------------------------------- French formats

_NBSP = "\u202f"  # narrow no-break space, the French thousands separator


def fr_number(value: Any, decimals: int | None = None) -> str:
    """``12 345,6``: numbers as French readers write them."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return fr_bool(value)
    if not isinstance(value, int | float):
        return str(value)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    return text.replace(",", _NBSP).replace(".", ",")


def fr_bool(value: Any) -> str:
    return "oui / yes" if value else "non / no"


def fr_datetime(value: Any) -> str:
    """``27/11/2026 05:43 UTC``: day first, minutes, no microseconds."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
        return moment.strftime("%d/%m/%Y %H:%M UTC")
    return moment.strftime("%d/%m/%Y %H:%M")


def fr_value(value: Any) -> str:
    """Any scalar for display: booleans in words, numbers and dates in French formats."""
    if isinstance(value, bool):
        return fr_bool(value)
    if isinstance(value, int | float):
        return fr_number(value)
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value):
        return fr_datetime(value)
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- glossary


@lru_cache(maxsize=1)
def _glossary_file() -> dict[str, Any]:
    with open(GLOSSARY_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, dict[str, Any]]:
    """The business glossary by term key (``contracts/glossary.yaml``)."""
    terms = _glossary_file().get("terms") or {}
    for key, term in terms.items():
        for required in ("term", "english", "definition", "owner"):
            if not term.get(required):
                raise ValueError(f"glossary.yaml: term {key!r} has no {required!r}")
    return terms


@lru_cache(maxsize=1)
def dataset_names() -> dict[str, dict[str, str]]:
    """French and English business names of every dataset (``datasets`` of ``contracts/glossary.yaml``)."""
    names = _glossary_file().get("datasets") or {}
    for key, entry in names.items():
        if not isinstance(entry, dict) or not entry.get("fr") or not entry.get("en"):
            raise ValueError(f"glossary.yaml: dataset {key!r} needs a French (fr) and an English (en) name")
    return names


def term_label(term: dict[str, Any]) -> str:
    """``Reste à charge / out-of-pocket``."""
    return f"{term['term']} / {term['english']}"


# --------------------------------------------------------------------------- contracts


def contract_owner(contract: Contract) -> str:
    """The owning team of a contract (its team member with role ``owner``)."""
    for member in contract.odcs.team or []:
        if (member.role or "").lower() == "owner":
            return member.username or member.name or "unassigned"
    return "unassigned"


def contract_roles(contract: Contract) -> list[Role]:
    """Owner, data steward, data relay (and any other role) of a contract, with their contact."""
    roles = []
    for member in contract.odcs.team or []:
        custom = {c.property: c.value for c in member.customProperties or []}
        name = member.name or member.username or ""
        if member.name and member.username:
            name = f"{member.name} ({member.username})"
        roles.append(
            Role(
                role=(member.role or "").lower(),
                name=name,
                contact=str(custom.get("contact") or ""),
                description=member.description or "",
            )
        )
    order = list(ROLE_LABELS)
    return sorted(roles, key=lambda r: order.index(r.role) if r.role in order else len(order))


def contract_retention(contract: Contract) -> str:
    """The contract's retention SLA in words, or an empty string."""
    sla = contract.sla.get("retention")
    if sla is None:
        return ""
    units = {"d": "jours / days", "m": "mois / months", "y": "ans / years"}
    text = f"{sla.value} {units.get(str(sla.unit), sla.unit or '')}".strip()
    if sla.description:
        text += f": {sla.description}"
    return text


def column_business_name(name: str, business_name: str | None, term_key: str | None) -> str:
    """A column's business name, French first and English alongside (one rule for every zone).

    French: the contract's business name, else the glossary term's; English: the
    glossary term's English name, else the column name in words.
    """
    glossary = load_glossary()
    term = glossary.get(term_key or "")
    english = re.sub(r"\s*\([^)]*\)\s*$", "", term["english"]) if term else ""
    fr = business_name if business_name and business_name != name else (term["term"] if term else "")
    en = english or name.replace("_", " ")
    if not fr:
        return en
    return fr if sort_key(fr) == sort_key(en) else f"{fr} / {en}"


def _column_format(col: Column) -> str:
    opts = col.options
    parts = []
    if "enum" in opts:
        parts.append("valeurs / one of: " + ", ".join(str(v) for v in opts["enum"]))
    if "pattern" in opts:
        parts.append(f"motif / pattern {opts['pattern']}")
    if "format" in opts:
        parts.append(f"format {opts['format']}")
    if "minimum" in opts:
        parts.append(f"min {fr_value(opts['minimum'])}")
    if "maximum" in opts:
        parts.append(f"max {fr_value(opts['maximum'])}")
    return "; ".join(parts)


def _contract_consumer(contract: Contract) -> str | None:
    for source in (contract.custom, contract.table_custom):
        if source.get("consumer"):
            return str(source["consumer"])
    try:
        rel = contract.path.relative_to(CONTRACTS_DIR / "marts")
    except ValueError:
        return None
    return rel.parts[0] if len(rel.parts) > 1 else None


def _names(name: str, fallback: str) -> tuple[str, str]:
    entry = dataset_names().get(name)
    if entry:
        return entry["fr"], entry["en"]
    return fallback, ""


def _contract_fields(contract: Contract) -> dict[str, Any]:
    """What every dataset page documented from an ODCS contract shows about it."""
    purpose = contract.odcs.description.purpose if contract.odcs.description else ""
    fr, en = _names(contract.name, contract.table.businessName or contract.name)
    return {
        "name": contract.name,
        "business_name": fr,
        "business_name_en": en or (contract.table.businessName or ""),
        "description": clean_description(" ".join(x for x in (purpose, contract.table.description) if x)),
        "owner": contract_owner(contract),
        "roles": contract_roles(contract),
        "retention": contract_retention(contract),
        "purpose": str(contract.custom.get("processing_purpose", "")),
        "legal_basis": str(contract.custom.get("legal_basis", "")),
    }


def _column_doc(col: Any, **extra: Any) -> ColumnDoc:
    """A column's page entry, documented from its contract property."""
    return ColumnDoc(
        name=col.name,
        business_name=column_business_name(col.name, col.business_name, col.glossary_term),
        description=clean_description(col.description),
        type=col.physical_type,
        classification=col.classification,
        glossary_term=col.glossary_term,
        required=col.required,
        format=_column_format(col),
        **extra,
    )


def _feed_doc(contract: Contract) -> DatasetDoc:
    doc = DatasetDoc(
        zone="feed",
        **_contract_fields(contract),
        location=f"coffre chiffré / encrypted vault database, table raw.{contract.name} "
        "(landed rows; quarantine in meta.quarantine)",
    )
    for col in contract.columns:
        crossing = col.crossing
        targets = warehouse_targets(col)
        if targets:
            lineage = [f"crosses to warehouse {contract.name}.{', '.join(t for t, _ in targets)} ({crossing})"]
        else:
            lineage = ["reste dans le coffre / stays in the vault (never crosses)"]
        doc.columns.append(_column_doc(col, lineage=lineage))
    return doc


def warehouse_targets(col: Column) -> list[tuple[str, str]]:
    """The warehouse columns (name, classification) a feed column becomes (one crossing rule for all)."""
    return [
        (target, PSEUDONYM if col.crossing == "token" else col.classification)
        for target, _physical in warehouse_columns(col)
    ]


def _warehouse_type(col: Column, target: str) -> str:
    return next(physical for name, physical in warehouse_columns(col) if name == target)


def _warehouse_doc(contract: Contract, settings: Settings, table: str | None = None) -> DatasetDoc:
    """The page of ``pseudo.<table>``: the feed's own table, or (``table``) its versions table (the versioned
    columns only, ``contract.versions``)."""
    table = table or contract.name
    versions = contract.versions if table != contract.name else None
    fields = _contract_fields(contract)
    if versions is not None:
        fields["name"] = table
        fields["business_name"] += " : versions datées (pseudonymisées)"
        fields["business_name_en"] = f"{fields['business_name_en'] or contract.name}: dated versions (pseudonymised)"
        fields["description"] = (
            "Chaque version datée des attributs généralisés d'un adhérent, sous son jeton actuel ; les soins d'une "
            "année close sont classés sous la version en vigueur à sa date de clôture (docs/disclosure-control.md). "
            "/ Every dated version of a member's generalised attributes, under their current token; care of a closed "
            "year is filed under the version in force at its closing date. "
            f"{versions.explain_both()}. Identical consecutive versions are collapsed."
        )
    else:
        fields["business_name"] += " (pseudonymisés)"
        fields["business_name_en"] = f"{fields['business_name_en'] or contract.name} (pseudonymised)"
        fields["description"] = clean_description(
            (contract.odcs.description.usage if contract.odcs.description else "") or f"Pseudonymised {contract.name}."
        )
    doc = DatasetDoc(
        zone="warehouse",
        **fields,
        upstream=[f"feed.{contract.name}"],
        source="crossing rules of the feed contract",
        location=f"entrepôt / warehouse database, table pseudo.{table} (dbt source pseudo.{table})",
    )
    kept = {c.name for c in versions.columns} if versions is not None else None
    seen: set[str] = set()
    for col in contract.columns:
        for target, classification in warehouse_targets(col):
            if target in seen or (kept is not None and target not in kept):
                continue
            seen.add(target)
            term = col.glossary_term
            if col.crossing == "token":
                term = "token"
            elif col.crossing == "scrub":
                term = term or "free_text"
            ctype = _warehouse_type(col, target)
            if isinstance(col.rule, Token):
                entity = col.rule.entity
                description = (
                    f"Pseudonym of the {entity} in domain {settings.warehouse_domain}; "
                    f"the {col.business_name} itself stays in the vault."
                )
            else:
                description = clean_description(col.description)
            business = column_business_name(target, col.business_name if target == col.name else None, term)
            doc.columns.append(
                ColumnDoc(
                    name=target,
                    business_name=business,
                    description=description,
                    type=ctype,
                    classification=classification,
                    glossary_term=term,
                    required=col.required,
                    lineage=[col.rule.explain(settings.warehouse_domain)],
                )
            )
    doc.columns.append(_crossing_stamp_doc())
    return doc


def _crossing_stamp_doc() -> ColumnDoc:
    """The column the crossing adds to every warehouse row (``confiance.crossing_rules.CROSSING_STAMP``)."""
    return ColumnDoc(
        name=CROSSING_STAMP,
        business_name="Passage qui a écrit la ligne / Crossing stamp",
        description=(
            "Le passage (coffre vers entrepôt) qui a écrit la ligne : son heure de début en microsecondes, "
            "le même nombre pour toutes les lignes d'un passage ; rien sur la personne. Un ajout marque les "
            "enregistrements qu'il a repassés, un passage complet (le premier, une rotation de clé, un effacement, "
            "une purge, une opposition) toutes les lignes. / The crossing (vault to warehouse) that wrote the row: "
            "its start in microseconds, one number for every row of a crossing; nothing about the person. An "
            "append stamps the records it re-crossed, a whole crossing (the first, a key rotation, an erasure, a "
            "purge, an objection) every row. Warehouse quality checks per-row rules on the crossings it has not "
            "covered yet."
        ),
        type="BIGINT",
        classification=COMPUTED,
        required=True,
        lineage=["écrit par le passage / written by the crossing (vault.crossing)"],
    )


def _mart_contract_doc(contract: Contract) -> DatasetDoc:
    doc = DatasetDoc(
        zone="mart",
        **_contract_fields(contract),
        consumer=_contract_consumer(contract),
        source="mart contract",
    )
    for col in contract.columns:
        doc.columns.append(_column_doc(col))
    return doc


# --------------------------------------------------------------------------- dbt manifest


def load_manifest(settings: Settings) -> dict[str, Any] | None:
    """The dbt manifest where the publication gate looks for it (governance.publish.manifest_path), or None
    when there is none yet: the site then documents the marts from their contracts only."""
    from governance.lineage import LineageError
    from governance.lineage import load_manifest as read_manifest

    try:
        path = manifest_path(settings)
    except PublicationError:
        return None
    try:
        return read_manifest(path)
    except (LineageError, OSError, ValueError) as exc:
        log.warning(
            "dbt manifest %s unreadable (%s); marts documented from contracts only", path.name, type(exc).__name__
        )
        return None


def _model_layer(node: dict[str, Any]) -> tuple[str, str | None]:
    """(zone, consumer) of a dbt model from its folder: marts/<consumer>/... are marts."""
    fqn = node.get("fqn") or []
    parts = list(fqn[1:-1]) if len(fqn) > 2 else []
    if not parts:
        parts = list(Path(node.get("original_file_path") or node.get("path") or "").parts[:-1])
        if parts and parts[0] == "models":
            parts = parts[1:]
    if parts and parts[0] == "marts":
        return "mart", (parts[1] if len(parts) > 1 else None)
    return "model", None


def _node_meta(node: dict[str, Any]) -> dict[str, Any]:
    meta = dict((node.get("config") or {}).get("meta") or {})
    meta.update(node.get("meta") or {})
    return meta


def manifest_dataset_keys(manifest: dict[str, Any]) -> dict[str, str]:
    """Manifest unique id -> the site's dataset key, for models and the warehouse's ``pseudo`` sources."""
    feed_names = set(warehouse_tables())  # the feeds' tables and their versions tables
    out: dict[str, str] = {}
    for uid, node in (manifest.get("nodes") or {}).items():
        if node.get("resource_type") == "model":
            zone, _ = _model_layer(node)
            out[uid] = f"{zone}.{node['name']}"
    for uid, src in (manifest.get("sources") or {}).items():
        table = src.get("identifier") or src.get("name")
        if table in feed_names:
            out[uid] = f"warehouse.{table}"
    return out


def _manifest_docs(manifest: dict[str, Any], docs: dict[str, DatasetDoc], mart_owner: dict[str, Contract]) -> None:
    """Add or enrich model and mart pages from the dbt manifest (columns, meta, upstream models, SQL)."""
    nodes = manifest.get("nodes") or {}
    uid_to_key = manifest_dataset_keys(manifest)
    models = {uid: n for uid, n in nodes.items() if n.get("resource_type") == "model"}

    for node in models.values():
        zone, consumer = _model_layer(node)
        name = node["name"]
        meta = _node_meta(node)
        key = f"{zone}.{name}"
        contract = mart_owner.get(name)
        doc = docs.get(key)
        if doc is None:
            fr, en = _names(name, str(meta.get("business_name") or name))
            doc = DatasetDoc(
                zone=zone,
                name=name,
                business_name=fr,
                business_name_en=en,
                description=clean_description(node.get("description")),
                owner=str(
                    meta.get("owner") or node.get("group") or (contract_owner(contract) if contract else "unassigned")
                ),
                roles=contract_roles(contract) if contract else [],
                retention=str(meta.get("retention") or (contract_retention(contract) if contract else "")),
                consumer=consumer,
                source="dbt manifest",
                location="entrepôt / warehouse database, "
                + str(node.get("relation_name") or f"{node.get('schema', '')}.{name}"),
            )
            docs[key] = doc
        else:
            doc.source = f"{doc.source} and dbt manifest"
            doc.consumer = doc.consumer or consumer
            doc.description = doc.description or clean_description(node.get("description"))
        doc.compiled_sql = str(node.get("compiled_code") or "")
        existing = {c.name: c for c in doc.columns}
        for cname, col in (node.get("columns") or {}).items():
            cmeta = dict((col.get("config") or {}).get("meta") or {})
            cmeta.update(col.get("meta") or {})
            if cname in existing:
                c = existing[cname]
                c.glossary_term = c.glossary_term or cmeta.get("glossary_term")
                c.description = c.description or clean_description(col.get("description"))
                c.type = c.type or str(col.get("data_type") or "")
                continue
            term = cmeta.get("glossary_term")
            doc.columns.append(
                ColumnDoc(
                    name=cname,
                    business_name=column_business_name(cname, cmeta.get("business_name"), term)
                    if (cmeta.get("business_name") or term)
                    else "",
                    description=clean_description(col.get("description")),
                    type=str(col.get("data_type") or ""),
                    classification=str(cmeta.get("classification") or ""),
                    glossary_term=term,
                )
            )
            existing[cname] = doc.columns[-1]
        for dep in (node.get("depends_on") or {}).get("nodes") or []:
            if dep in uid_to_key:
                if uid_to_key[dep] not in doc.upstream:
                    doc.upstream.append(uid_to_key[dep])
            elif dep.startswith(("model.", "source.", "seed.", "snapshot.")):
                label = dep.split(".", 2)[-1]
                if label not in doc.upstream_other:
                    doc.upstream_other.append(label)


# --------------------------------------------------------------------------- column lineage and inheritance


def _warehouse_catalogue(settings: Settings) -> dict[str, Any] | None:
    """The warehouse's catalogue (schemas, tables, column types) or None when it cannot be read now."""
    if not settings.warehouse_db.is_file():
        return None
    import duckdb

    from governance.lineage import warehouse_schema

    try:
        con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    except duckdb.Error as exc:
        log.warning("column lineage: warehouse not readable now (%s)", type(exc).__name__)
        return None
    try:
        return warehouse_schema(con)
    finally:
        con.close()


def _column_lineage(settings: Settings, manifest: dict[str, Any] | None, docs: dict[str, DatasetDoc]) -> Any:
    """Column graph of the platform; every model gets its columns, types and the marts their checks."""
    from governance.lineage import ColumnGraph, LineageError, LineageGraph, column_graph, mart_lineage

    schema = _warehouse_catalogue(settings) if manifest is not None else None
    if manifest is None or schema is None:
        graph = ColumnGraph()
        from governance.lineage import ColumnEdge, ColumnRef

        for table, contract in warehouse_tables().items():
            for target, columns in warehouse_lineage(contract, table).items():
                for col in columns:
                    graph.add(
                        ColumnEdge(
                            ColumnRef(f"feed.{contract.name}", col.name),
                            ColumnRef(f"warehouse.{table}", target),
                            col.rule.explain_both(settings.warehouse_domain),
                        )
                    )
        for doc in docs.values():
            if doc.zone in ("model", "mart"):
                doc.notes.append(
                    "Lignage des colonnes : disponible après la construction de l'entrepôt / "
                    "column lineage: available once the warehouse is built."
                )
        return graph
    lineage = LineageGraph(manifest, schema, cache_dir=manifest_path(settings).parent)
    keys = manifest_dataset_keys(manifest)
    graph = column_graph(lineage, keys, settings.warehouse_domain)
    for error in graph.errors:
        log.warning("column lineage: %s", error)
    # Every model lists the columns its compiled SQL produces, typed from the warehouse's catalogue.
    types: dict[tuple[str, str], dict[str, str]] = {}
    for tables in schema.values():
        for sch, cols in tables.items():
            for table, columns in cols.items():
                types[(sch.lower(), table.lower())] = {c.lower(): t for c, t in columns.items()}
    for uid, key in keys.items():
        doc = docs.get(key)
        node = manifest["nodes"].get(uid)
        if doc is None or node is None:
            continue
        relation = types.get((str(node.get("schema", "")).lower(), str(node.get("alias") or node["name"]).lower()), {})
        try:
            produced = list(lineage._direct(uid))
        except LineageError:
            produced = list(relation)
        existing = {c.name.lower(): c for c in doc.columns}
        for name in produced:
            col = existing.get(name)
            if col is None:
                col = ColumnDoc(name=name, business_name="", description="", type="", classification="")
                doc.columns.append(col)
                existing[name] = col
            col.type = col.type or relation.get(name, "")
    for doc in docs.values():
        if doc.zone != "mart":
            continue
        try:
            found = mart_lineage(lineage, doc.name)
        except LineageError as exc:
            doc.notes.append(f"Lignage des colonnes non établi / column lineage not traced ({exc}).")
            continue
        if found.violations:
            doc.notes.append(f"Column lineage: {len(found.violations)} column(s) derive from an identifier or a token.")
    return graph


def _inherit(docs: dict[str, DatasetDoc], graph: Any, contracts: dict[str, Contract]) -> None:
    """What a dbt model's column does not say, it inherits from the columns it derives from.

    Classification: the most protective of its sources' (computed columns: internal);
    glossary term, business name and description: from the nearest source that has
    them. A model's owner, roles and retention: from the mart contracts it alone
    feeds, else from the feed contracts it derives from.
    """
    from governance.lineage import ColumnRef

    done: set[ColumnRef] = set()
    by_ref: dict[ColumnRef, ColumnDoc] = {ColumnRef(d.key, c.name): c for d in docs.values() for c in d.columns}

    def resolve(ref: ColumnRef, stack: frozenset[ColumnRef] = frozenset()) -> None:
        if ref in done or ref in stack:
            return
        col = by_ref.get(ref)
        if col is None:
            return
        parents = [e.source for e in graph._up.get(ref, [])]
        for parent in parents:
            resolve(parent, stack | {ref})
        sources = [by_ref[p] for p in parents if p in by_ref]
        if not col.classification or col.classification == "unclassified":
            col.classification = most_protective([s.classification for s in sources])
            col.inherited.append(
                "classification héritée des colonnes sources / classification inherited from its sources"
                if sources
                else "calculée, sans colonne source / computed, no source column"
            )
        same = [s for s in sources if s.name == col.name] + sources
        if not col.glossary_term:
            col.glossary_term = next((s.glossary_term for s in same if s.glossary_term), None)
            if col.glossary_term:
                col.inherited.append("terme du glossaire hérité / glossary term inherited")
        if not col.description:
            col.description = next((s.description for s in same if s.name == col.name and s.description), "")
        if not col.business_name:
            same_name = next((s for s in same if s.name == col.name and s.business_name), None)
            col.business_name = (
                same_name.business_name if same_name else column_business_name(col.name, None, col.glossary_term)
            )
        done.add(ref)

    for ref in list(by_ref):
        resolve(ref)

    for doc in docs.values():
        if doc.zone not in ("model", "mart") or doc.roles:
            continue
        downstream = _closure(docs, doc.key, "downstream")
        upstream = _closure(docs, doc.key, "upstream")
        marts = sorted(
            k.partition(".")[2] for k in downstream if k.startswith("mart.") and k.partition(".")[2] in contracts
        )
        feeds = sorted(k.partition(".")[2] for k in upstream if k.startswith("feed."))
        sources = [contracts[m] for m in marts] if len(marts) == 1 else [feed_contracts()[f] for f in feeds]
        if not sources:
            continue
        doc.inherited_from = [c.name for c in sources]
        roles: list[Role] = []
        for contract in sources:
            for role in contract_roles(contract):
                if role not in roles:
                    roles.append(role)
        doc.roles = roles
        if doc.owner in ("", "unassigned"):
            doc.owner = ", ".join(dict.fromkeys(contract_owner(c) for c in sources))
        if not doc.retention:
            doc.retention = "; ".join(
                f"{c.name}: {contract_retention(c).split(':')[0]}" for c in sources if contract_retention(c)
            )


def _glossary_links(docs: dict[str, DatasetDoc], glossary: dict[str, dict[str, Any]]) -> None:
    """Columns the glossary links to a term (``related_columns``: ``dataset.column`` or ``*.column``)
    take that term when their contract or dbt meta gives none."""
    for key, term in glossary.items():
        for ref in term.get("related_columns") or []:
            dataset, _, column = str(ref).partition(".")
            for doc in docs.values():
                if dataset not in ("*", doc.name):
                    continue
                for col in doc.columns:
                    if col.name == column and not col.glossary_term:
                        col.glossary_term = key
                        if not col.business_name or col.business_name == col.name:
                            col.business_name = column_business_name(col.name, None, key)


def _closure(docs: dict[str, DatasetDoc], key: str, direction: str) -> set[str]:
    seen: set[str] = set()
    stack = [key]
    while stack:
        current = docs.get(stack.pop())
        if current is None:
            continue
        for nxt in getattr(current, direction):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


# --------------------------------------------------------------------------- quality


def quality_view(quality: dict[str, Any] | None) -> dict[str, Any]:
    """A dataset's quality record as {status, label, when, details, trend, issues} for the site and the reports.

    The status is :func:`confiance.dataset_status.decide_status`'s, so every page says the same.
    """
    status = decide_status(quality)
    if not quality:
        return {"status": status, "label": status_label(status), "when": "", "details": [], "trend": [], "issues": []}
    details = [
        (k, quality[k])
        for k in ("rows", "evaluated", "passed", "failed", "run_id", "stage")
        if isinstance(quality.get(k), str | int | float) and not isinstance(quality.get(k), bool)
    ]
    trend = [
        (str(t.get("run_time") or ""), decide_status(t)) for t in quality.get("trend") or [] if isinstance(t, dict)
    ]
    issues = []
    for key, label in (("blocking_failures", "bloquant / blocking"), ("warnings", "avertissement / warning")):
        items = quality.get(key)
        if isinstance(items, list):
            issues += [(label, str(i)) for i in items if isinstance(i, str | int | float)]
    return {
        "status": status,
        "label": status_label(status),
        "when": str(quality.get("run_time") or ""),
        "details": details,
        "trend": trend[-10:],
        "issues": issues,
    }


def data_docs_index(settings: Settings) -> Path:
    return settings.quality_dir / "data_docs" / "index.html"


# --------------------------------------------------------------------------- build


def collect_datasets(settings: Settings, quality: QualityRecords) -> dict[str, DatasetDoc]:
    """Every documented dataset by key (``zone.name``), with lineage both ways, roles and quality."""
    docs, _graph = collect(settings, quality)
    return docs


def collect(settings: Settings, quality: QualityRecords) -> tuple[dict[str, DatasetDoc], Any]:
    """Every documented dataset by key and the column graph of the platform; ``quality`` is each dataset's
    latest quality record (``quality.status.dataset_status``, read and passed by the pipeline)."""
    from governance.site.dbt_results import test_results

    docs: dict[str, DatasetDoc] = {}
    for contract in feed_contracts().values():
        feed = _feed_doc(contract)
        docs[feed.key] = feed
        wh = _warehouse_doc(contract, settings)
        docs[wh.key] = wh
        if contract.versions is not None:  # its versions table (pseudo.member_versions)
            versions = _warehouse_doc(contract, settings, contract.versions.table)
            docs[versions.key] = versions
    marts = mart_contracts()
    for contract in marts.values():
        doc = _mart_contract_doc(contract)
        docs[doc.key] = doc
    manifest = load_manifest(settings)
    if manifest is not None:
        _manifest_docs(manifest, docs, marts)
    for doc in docs.values():
        for up in doc.upstream:
            if up in docs and doc.key not in docs[up].downstream:
                docs[up].downstream.append(doc.key)
    graph = _column_lineage(settings, manifest, docs)
    _glossary_links(docs, load_glossary())
    _inherit(docs, graph, marts)
    from governance.lineage import ColumnRef

    for doc in docs.values():
        for col in doc.columns:
            ref = ColumnRef(doc.key, col.name)
            col.page = column_page(doc.key, col.name)
            col.upstream = graph.upstream(ref)
            col.downstream = graph.downstream(ref)
            if doc.zone in ("model", "mart") and col.upstream:
                feeds = sorted({e.source.label for e in col.upstream if e.source.dataset.startswith("feed.")})
                if feeds:
                    col.lineage.append("du flux / from feed " + ", ".join(feeds))
            elif doc.zone in ("model", "mart") and manifest is not None:
                col.lineage.append(
                    "calculée (comptages, constantes, indicateurs) / computed (counts, constants, flags)"
                )
    if manifest is not None:
        results = test_results(manifest_path(settings).parent, manifest)
        for doc in docs.values():
            doc.dbt_tests = sorted(results.get(doc.name, []), key=lambda t: (t.column, t.test))
    states = states_of(quality)
    records = {_state_key(k, r): r for k, r in quality.items()}
    for doc in docs.values():
        doc.state = states.get(doc.key) or state_of(doc.zone, doc.name, None)
        doc.quality = records.get(doc.key)
    return docs, graph


def _state_key(dataset: str, record: dict[str, Any]) -> str:
    zone, name = canonical_dataset(dataset, record.get("stage"))
    return f"{zone}.{name}"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = _slug
    env.filters["fr_number"] = fr_number
    env.filters["fr_datetime"] = fr_datetime
    env.filters["fr_value"] = fr_value
    env.filters["fr_bool"] = fr_bool
    env.filters["sort_key"] = sort_key
    env.filters["status_label"] = status_label
    env.filters["classification_label"] = lambda c: CLASSIFICATION_LABELS.get(c, str(c).replace("_", " "))
    env.globals["status_labels"] = STATUS_LABELS
    env.globals["zone_labels"] = ZONE_LABELS
    env.globals["not_validated"] = NOT_VALIDATED
    return env


def template_environment() -> Environment:
    """The Jinja2 environment of the site and the DPO reports (autoescaped, no external assets)."""
    return _environment()


#: Entity types the outbound gate may report in generated documentation without it being a leak: the one
#: rule for every generated document lives in ``governance.pii_gate.GENERATED_DOCUMENT_ALLOW``.
DOCUMENTATION_ALLOW = GENERATED_DOCUMENT_ALLOW


def assert_outbound_clean(paths: list[Path], detect: Detector) -> None:
    """Run the outbound PII gate (``governance.pii_gate``, with the PII detector ``detect``) over generated
    documentation folders."""
    from governance.pii_gate import assert_clean

    assert_clean(paths, allow=DOCUMENTATION_ALLOW, detect=detect)


def _term_columns(docs: dict[str, DatasetDoc], glossary: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """For each glossary term: (column label, column page) of every column linked to it, sorted as shown."""
    out: dict[str, list[tuple[str, str]]] = {key: [] for key in glossary}
    for doc in docs.values():
        for col in doc.columns:
            if col.glossary_term in out:
                label = f"{doc.zone} {doc.name}.{col.name}"
                out[col.glossary_term].append((label, col.page))
    for key, term in glossary.items():
        for ref in term.get("related_columns") or []:
            dataset, _, column = str(ref).partition(".")
            if dataset == "*":
                continue  # the columns themselves carry the term (see _glossary_links)
            for zone in ("feed", "warehouse", "mart", "model"):
                doc = docs.get(f"{zone}.{dataset}")
                if doc and any(c.name == column for c in doc.columns):
                    entry = (f"{zone} {dataset}.{column}", column_page(doc.key, column))
                    if entry not in out[key]:
                        out[key].append(entry)
    order = {z: i for i, z in enumerate(ZONES)}
    for key in out:
        out[key].sort(key=lambda e: (order.get(e[0].split(" ")[0], 9), sort_key(e[0])))
    return out


def search_documents(docs: dict[str, DatasetDoc], glossary: dict[str, dict[str, Any]]) -> list[Any]:
    """What the search finds: every dataset, column and glossary term (with its synonyms), FR and EN.

    Only text the pages themselves show (names, business names, descriptions, definitions,
    synonyms on the glossary page), so the outbound PII gate's scan of the pages covers the index.
    """
    from governance.site.search import SearchDoc

    out = []
    for key in sorted(glossary, key=lambda k: sort_key(glossary[k]["term"])):
        term = glossary[key]
        synonyms = " ".join(str(s) for s in term.get("synonyms") or [])
        out.append(
            SearchDoc(
                id=f"term:{key}",
                kind="terme du glossaire / glossary term",
                title=term_label(term),
                names=f"{term['term']} {term['english']} {key} {synonyms} {term.get('category', '')}",
                text=" ".join(str(term.get(k) or "") for k in ("definition_fr", "definition")),
                url=f"glossary.html#term-{_slug(key)}",
                summary=str(term.get("definition_fr") or term["definition"])[:160],
            )
        )
    for doc in sorted(docs.values(), key=lambda d: (ZONES.index(d.zone), d.name)):
        out.append(
            SearchDoc(
                id=f"dataset:{doc.key}",
                kind="jeu de données / dataset",
                title=f"{doc.title} — {doc.display_name}",
                names=f"{doc.name} {doc.key} {doc.business_name_en} {doc.consumer or ''} {doc.owner}",
                text=doc.description,
                url=doc.page,
                summary=doc.description[:160],
            )
        )
        for col in doc.columns:
            term = glossary.get(col.glossary_term or "")
            term_names = ""
            if term:
                term_names = f"{term['term']} {term['english']} " + " ".join(str(s) for s in term.get("synonyms") or [])
            out.append(
                SearchDoc(
                    id=f"column:{doc.key}.{col.name}",
                    kind="colonne / column",
                    title=f"{col.business_name} — {doc.zone} {doc.name}.{col.name}",
                    names=f"{col.name} {doc.name} {term_names}",
                    text=col.description,
                    url=col.page,
                    summary=col.description[:160],
                )
            )
    return out


def _lineage_svg(col: ColumnDoc, doc: DatasetDoc, docs: dict[str, DatasetDoc]) -> str:
    from governance.lineage import ColumnRef
    from governance.site.graph import render_svg

    pages = {ColumnRef(d.key, c.name): c.page for d in docs.values() for c in d.columns}
    return render_svg(
        ColumnRef(doc.key, col.name),
        [*col.upstream, *col.downstream],
        lambda ref: pages.get(ref),
        f"Lignage de / lineage of {doc.zone} {doc.name}.{col.name}",
    )


def build_site(settings: Settings, quality: QualityRecords, *, detect: Detector) -> Path:
    """Write the static glossary site under ``settings.site`` and return its folder.

    ``quality`` is each dataset's latest quality record (``quality.status.dataset_status``), read by the
    pipeline. The folder is rebuilt from scratch, so a dataset that disappeared does not
    linger. The outbound PII gate (with the PII detector ``detect``) checks the result before it is returned.
    """
    from governance.site.search import index_script

    site_dir = settings.site
    glossary = load_glossary()
    docs, _graph = collect(settings, quality)
    used = {c.glossary_term for d in docs.values() for c in d.columns if c.glossary_term}
    unknown = sorted(used - set(glossary))
    if unknown:
        log.warning("glossary terms used by columns but missing in glossary.yaml: %s", ", ".join(unknown))

    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    env = _environment()
    generated_at = fr_datetime(datetime.now(UTC).isoformat())
    docs_index = data_docs_index(settings)
    data_docs = os.path.relpath(docs_index, site_dir) if docs_index.is_file() else None
    # The pipeline builds the DPO reports right after the site: link them even before they exist.
    reports_link = os.path.relpath(settings.reports / "index.html", site_dir)
    common = {
        "generated_at": generated_at,
        "data_docs": data_docs,
        "reports_link": reports_link,
        "glossary": glossary,
        "docs": docs,
        "zone_titles": ZONE_TITLES,
        "term_label": term_label,
        "role_labels": ROLE_LABELS,
    }

    by_zone: dict[str, list[DatasetDoc]] = {z: [] for z in ZONES}
    for doc in docs.values():
        by_zone.setdefault(doc.zone, []).append(doc)
    for zone in by_zone:
        by_zone[zone].sort(key=lambda d: sort_key(d.title))
    marts_by_consumer: dict[str, list[DatasetDoc]] = {}
    for doc in by_zone["mart"]:
        marts_by_consumer.setdefault(doc.consumer or "unassigned consumer", []).append(doc)

    def write(name: str, template: str, **context: Any) -> None:
        (site_dir / name).write_text(env.get_template(template).render(**context, **common), encoding="utf-8")

    write("index.html", "site/index.html", by_zone=by_zone, marts_by_consumer=marts_by_consumer)
    for doc in docs.values():
        write(doc.page, "site/dataset.html", doc=doc)
        for col in doc.columns:
            write(col.page, "site/column.html", doc=doc, col=col, svg=_lineage_svg(col, doc, docs))
    terms_sorted = sorted(glossary, key=lambda k: sort_key(glossary[k]["term"]))
    write("glossary.html", "site/glossary.html", term_columns=_term_columns(docs, glossary), terms_sorted=terms_sorted)
    write("quality.html", "site/quality.html", by_zone=by_zone)
    write("search.html", "site/search.html")
    (site_dir / "search-index.js").write_text(index_script(search_documents(docs, glossary)), encoding="utf-8")
    shutil.copyfile(TEMPLATES_DIR / "style.css", site_dir / "style.css")
    shutil.copyfile(TEMPLATES_DIR / "site" / "search.js", site_dir / "search.js")
    vendor = site_dir / "vendor"
    vendor.mkdir()
    shutil.copyfile(STATIC_DIR / "minisearch" / "minisearch.umd.js", vendor / "minisearch.js")
    shutil.copyfile(STATIC_DIR / "minisearch" / "LICENSE.txt", vendor / "minisearch-LICENSE.txt")

    assert_outbound_clean([site_dir], detect)
    columns = sum(len(d.columns) for d in docs.values())
    log.info(
        "glossary site: %d dataset pages, %d column pages, %d glossary terms in %s",
        len(docs),
        columns,
        len(glossary),
        site_dir,
    )
    return site_dir
