"""The glossary site: a static data dictionary for the CDO office.

One page per dataset of every zone (source feeds in the vault, pseudonymised
warehouse tables, dbt models and published marts), with each column's business
name, meaning, type, classification, glossary term, owner, retention, lineage
and the dataset's latest quality status; plus the business glossary.

Everything comes from metadata: the ODCS contracts (``confiance.contracts``),
``contracts/glossary.yaml``, the dbt manifest and the quality status. The site
never reads a data row, so it can never show a value; the outbound PII gate
checks that anyway before the build is declared done.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

from confiance.contracts import Column, Contract, feed_contracts, mart_contracts
from confiance.settings import CONTRACTS_DIR, DBT_PROJECT_DIR, Settings, get_settings
from governance.dbt_sources import warehouse_columns

log = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
GLOSSARY_FILE = CONTRACTS_DIR / "glossary.yaml"

#: Classification given to token columns in the warehouse (pseudonymised data are still personal data).
PSEUDONYM = "pseudonym"

#: How each crossing rule of the contracts is explained on a warehouse column.
CROSSING_HOW = {
    "token": "keyed pseudonym (HMAC-SHA256, domain {domain}) of",
    "keep": "copied as is from",
    "birth_year_age_band": "generalised (birth year, 5-year age band) from",
    "departement": "generalised to the département of",
    "month": "generalised to the month of",
    "scrub": "free text scrubbed of personal data (PII detection) from",
    "consent": "current consent flag from the vault's consent register, sourced from",
}

ZONES = ("feed", "warehouse", "model", "mart")
ZONE_TITLES = {
    "feed": "Source feeds (vault, trusted third party)",
    "warehouse": "Warehouse tables (pseudonymised)",
    "model": "dbt models (staging, intermediate)",
    "mart": "Published marts",
}

# "(e.g. A000001234)"-style examples in free descriptions: the site shows no value, not even a made-up one.
_EXAMPLE = re.compile(r"\s*\((?:e\.g\.|eg\.|for example|for instance|ex\.)[^)]*\)", re.IGNORECASE)


# --------------------------------------------------------------------------- model


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


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "x"


def clean_description(text: str | None) -> str:
    """A contract or dbt description without the illustrative values some carry."""
    return " ".join(_EXAMPLE.sub("", text or "").split())


# --------------------------------------------------------------------------- glossary


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, dict[str, Any]]:
    """The business glossary by term key (``contracts/glossary.yaml``)."""
    with open(GLOSSARY_FILE, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    terms = raw.get("terms") or {}
    for key, term in terms.items():
        for required in ("term", "english", "definition", "owner"):
            if not term.get(required):
                raise ValueError(f"glossary.yaml: term {key!r} has no {required!r}")
    return terms


# --------------------------------------------------------------------------- contracts


def contract_owner(contract: Contract) -> str:
    """The owning team of a contract (its team member with role ``owner``)."""
    for member in contract.odcs.team or []:
        if (member.role or "").lower() == "owner":
            return member.username or member.name or "unassigned"
    return "unassigned"


def contract_retention(contract: Contract) -> str:
    """The contract's retention SLA in words, or an empty string."""
    sla = contract.sla.get("retention")
    if sla is None:
        return ""
    units = {"d": "days", "m": "months", "y": "years"}
    text = f"{sla.value} {units.get(str(sla.unit), sla.unit or '')}".strip()
    if sla.description:
        text += f": {sla.description}"
    return text


def _column_format(col: Column) -> str:
    opts = col.options
    parts = []
    if "enum" in opts:
        parts.append("one of " + ", ".join(str(v) for v in opts["enum"]))
    if "pattern" in opts:
        parts.append(f"pattern {opts['pattern']}")
    if "format" in opts:
        parts.append(f"format {opts['format']}")
    if "minimum" in opts:
        parts.append(f"min {opts['minimum']}")
    if "maximum" in opts:
        parts.append(f"max {opts['maximum']}")
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


def _contract_fields(contract: Contract) -> dict[str, Any]:
    """What every dataset page documented from an ODCS contract shows about it."""
    purpose = contract.odcs.description.purpose if contract.odcs.description else ""
    return {
        "name": contract.name,
        "business_name": contract.table.businessName or contract.name,
        "description": clean_description(" ".join(x for x in (purpose, contract.table.description) if x)),
        "owner": contract_owner(contract),
        "retention": contract_retention(contract),
        "purpose": str(contract.custom.get("processing_purpose", "")),
        "legal_basis": str(contract.custom.get("legal_basis", "")),
    }


def _column_doc(col: Any, **extra: Any) -> ColumnDoc:
    """A column's page entry, documented from its contract property."""
    return ColumnDoc(
        name=col.name,
        business_name=col.business_name,
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
        location=f"encrypted vault database, table raw.{contract.name} (landed rows; quarantine in meta.quarantine)",
    )
    for col in contract.columns:
        crossing = col.crossing
        targets = warehouse_targets(col)
        if targets:
            lineage = [f"crosses to warehouse {contract.name}.{', '.join(t for t, _ in targets)} ({crossing})"]
        else:
            lineage = ["stays in the vault (never crosses)"]
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


def _warehouse_doc(contract: Contract, settings: Settings) -> DatasetDoc:
    doc = DatasetDoc(
        zone="warehouse",
        name=contract.name,
        business_name=f"{contract.table.businessName or contract.name} (pseudonymised)",
        description=clean_description(
            (contract.odcs.description.usage if contract.odcs.description else "") or f"Pseudonymised {contract.name}."
        ),
        owner=contract_owner(contract),
        retention=contract_retention(contract),
        purpose=str(contract.custom.get("processing_purpose", "")),
        legal_basis=str(contract.custom.get("legal_basis", "")),
        upstream=[f"feed.{contract.name}"],
        source="crossing rules of the feed contract",
        location=f"warehouse database, table pseudo.{contract.name} (dbt source pseudo.{contract.name})",
    )
    seen: set[str] = set()
    for col in contract.columns:
        for target, classification in warehouse_targets(col):
            if target in seen:
                continue
            seen.add(target)
            how = CROSSING_HOW.get(col.crossing, f"{col.crossing} of").format(domain=settings.warehouse_domain)
            term = col.glossary_term
            if col.crossing == "token":
                term = "token"
            elif col.crossing == "scrub":
                term = term or "free_text"
            ctype = _warehouse_type(col, target)
            if col.crossing == "token":
                entity = col.custom.get("token_entity") or col.name
                description = (
                    f"Pseudonym of the {entity} in domain {settings.warehouse_domain}; "
                    f"the {col.business_name} itself stays in the vault."
                )
            else:
                description = clean_description(col.description)
            doc.columns.append(
                ColumnDoc(
                    name=target,
                    business_name=col.business_name if target == col.name else f"{col.business_name} → {target}",
                    description=description,
                    type=ctype,
                    classification=classification,
                    glossary_term=term,
                    required=col.required,
                    lineage=[f"{how} feed {contract.name}.{col.name}"],
                )
            )
    return doc


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


def manifest_path(settings: Settings) -> Path | None:
    """The dbt manifest, looked for where the pipeline writes it."""
    candidates = []
    if os.environ.get("DBT_TARGET_PATH"):
        target = Path(os.environ["DBT_TARGET_PATH"]).expanduser()
        candidates.append(target if target.is_absolute() else DBT_PROJECT_DIR / target)
    if settings.extra.get("dbt_target_path"):
        candidates.insert(0, Path(settings.extra["dbt_target_path"]))
    candidates += [settings.dbt_target_dir, DBT_PROJECT_DIR / "target"]
    for directory in candidates:
        path = directory / "manifest.json"
        if path.is_file():
            return path
    return None


def load_manifest(settings: Settings) -> dict[str, Any] | None:
    path = manifest_path(settings)
    if path is None:
        return None
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
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


def _manifest_docs(manifest: dict[str, Any], docs: dict[str, DatasetDoc], mart_owner: dict[str, Contract]) -> None:
    """Add or enrich model and mart pages from the dbt manifest (columns, meta, upstream models)."""
    nodes = manifest.get("nodes") or {}
    sources = manifest.get("sources") or {}
    feed_names = set(feed_contracts())
    uid_to_key: dict[str, str] = {}
    models = {uid: n for uid, n in nodes.items() if n.get("resource_type") == "model"}
    for uid, node in models.items():
        zone, _ = _model_layer(node)
        uid_to_key[uid] = f"{zone}.{node['name']}"
    for uid, src in sources.items():
        table = src.get("identifier") or src.get("name")
        if table in feed_names:
            uid_to_key[uid] = f"warehouse.{table}"

    for node in models.values():
        zone, consumer = _model_layer(node)
        name = node["name"]
        meta = _node_meta(node)
        key = f"{zone}.{name}"
        contract = mart_owner.get(name)
        doc = docs.get(key)
        if doc is None:
            doc = DatasetDoc(
                zone=zone,
                name=name,
                business_name=str(meta.get("business_name") or name),
                description=clean_description(node.get("description")),
                owner=str(
                    meta.get("owner") or node.get("group") or (contract_owner(contract) if contract else "unassigned")
                ),
                retention=str(meta.get("retention") or (contract_retention(contract) if contract else "")),
                consumer=consumer,
                source="dbt manifest",
                location=f"warehouse database, {node.get('relation_name') or node.get('schema', '') + '.' + name}",
            )
            docs[key] = doc
        else:
            doc.source = f"{doc.source} and dbt manifest"
            doc.consumer = doc.consumer or consumer
            doc.description = doc.description or clean_description(node.get("description"))
        existing = {c.name: c for c in doc.columns}
        for cname, col in (node.get("columns") or {}).items():
            cmeta = dict((col.get("config") or {}).get("meta") or {})
            cmeta.update(col.get("meta") or {})
            if cname in existing:
                c = existing[cname]
                c.glossary_term = c.glossary_term or cmeta.get("glossary_term")
                c.description = c.description or clean_description(col.get("description"))
                continue
            doc.columns.append(
                ColumnDoc(
                    name=cname,
                    business_name=str(cmeta.get("business_name") or cname),
                    description=clean_description(col.get("description")),
                    type=str(col.get("data_type") or ""),
                    classification=str(cmeta.get("classification") or "unclassified"),
                    glossary_term=cmeta.get("glossary_term"),
                )
            )
        for dep in (node.get("depends_on") or {}).get("nodes") or []:
            if dep in uid_to_key:
                if uid_to_key[dep] not in doc.upstream:
                    doc.upstream.append(uid_to_key[dep])
            elif dep.startswith(("model.", "source.", "seed.", "snapshot.")):
                label = dep.split(".", 2)[-1]
                if label not in doc.upstream_other:
                    doc.upstream_other.append(label)


def _mart_column_lineage(settings: Settings, manifest: dict[str, Any], docs: dict[str, DatasetDoc]) -> None:
    """Column-level lineage of the marts (sqlglot over dbt's compiled SQL, ``governance.lineage``)."""
    marts = [d for d in docs.values() if d.zone == "mart"]
    if not marts:
        return
    import duckdb

    from governance.lineage import LineageError, LineageGraph, mart_lineage, warehouse_schema

    if not settings.warehouse_db.is_file():
        for doc in marts:
            doc.notes.append("Column lineage: not available until the warehouse is built.")
        return
    try:
        con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    except duckdb.Error as exc:
        log.warning("column lineage skipped: warehouse not readable now (%s)", type(exc).__name__)
        for doc in marts:
            doc.notes.append("Column lineage: the warehouse could not be read when the site was built.")
        return
    try:
        graph = LineageGraph(manifest, warehouse_schema(con))
    finally:
        con.close()
    for doc in marts:
        try:
            lineage = mart_lineage(graph, doc.name)
        except LineageError as exc:
            doc.notes.append(f"Column lineage: not traced ({exc}).")
            continue
        for col in doc.columns:
            feeds = sorted(lineage.feed_columns.get(col.name.lower(), set()))
            sources = sorted(lineage.columns.get(col.name.lower(), set()))
            if sources:
                col.lineage.append("from warehouse " + ", ".join(f"pseudo.{t}.{c}" for t, c in sources))
            if feeds:
                col.lineage.append("from feed " + ", ".join(feeds))
            elif col.name.lower() in lineage.columns and not sources:
                col.lineage.append("computed (no source column: counts, constants, disclosure flags)")
        if lineage.violations:
            doc.notes.append(
                f"Column lineage: {len(lineage.violations)} column(s) derive from an identifier or a token."
            )


# --------------------------------------------------------------------------- quality


def quality_status(settings: Settings) -> dict[str, dict[str, Any]]:
    """Latest quality status per dataset from ``quality.status`` ({} until a validation run exists)."""
    from quality.status import dataset_status

    return dataset_status(settings) or {}


def _match_quality(doc: DatasetDoc, status: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    candidates = [doc.key, f"{doc.zone}s.{doc.name}", f"{doc.zone}/{doc.name}", f"{doc.zone}:{doc.name}"]
    if doc.zone == "feed":
        candidates += [f"vault.{doc.name}", f"raw.{doc.name}", doc.name]
    elif doc.zone == "warehouse":
        candidates += [f"pseudo.{doc.name}", f"wh.{doc.name}"]
    else:
        candidates += [doc.name] + ([f"{doc.consumer}.{doc.name}"] if doc.consumer else [])
    for cand in candidates:
        if cand in status:
            return status[cand]
    return None


_STATUS_KEYS = ("status", "state", "result", "outcome", "success")
_WHEN_KEYS = ("run_at", "validated_at", "finished_at", "run_time", "timestamp", "time", "at", "date", "last_run")


def quality_view(quality: dict[str, Any] | None) -> dict[str, Any]:
    """A dataset's quality status as {status, when, details, trend} for the site and the reports."""
    if not quality:
        return {"status": "not yet validated", "when": "", "details": [], "trend": [], "issues": []}
    status: Any = None
    for key in _STATUS_KEYS:
        if key in quality:
            status = quality[key]
            if key == "success" and isinstance(status, bool):
                # a run whose only failures are warnings did not block anything
                status = "passed" if status else ("warning" if quality.get("blocking") is False else "failed")
            break
    when = next((str(quality[k]) for k in _WHEN_KEYS if quality.get(k)), "")
    details = [
        (str(k).replace("_", " "), v)
        for k, v in quality.items()
        if k not in _STATUS_KEYS
        and k not in _WHEN_KEYS
        and k not in ("data_docs", "dataset")
        and isinstance(v, str | int | float | bool)
    ]
    trend_raw = quality.get("trend") or quality.get("history") or []
    trend = []
    if isinstance(trend_raw, list):
        for item in trend_raw[-10:]:
            if isinstance(item, dict):
                sub = quality_view(item)
                trend.append((sub["when"], sub["status"]))
            else:
                trend.append(("", str(item)))
    issues = []
    for key in ("blocking_failures", "warnings", "failures", "errors"):
        items = quality.get(key)
        if isinstance(items, list):
            issues += [(key.replace("_", " "), str(i)) for i in items if isinstance(i, str | int | float)]
    return {
        "status": "unknown" if status is None else str(status),
        "when": when,
        "details": details,
        "trend": trend,
        "issues": issues,
    }


def data_docs_index(settings: Settings) -> Path:
    return settings.quality_dir / "data_docs" / "index.html"


# --------------------------------------------------------------------------- build


def collect_datasets(settings: Settings) -> dict[str, DatasetDoc]:
    """Every documented dataset by key (``zone.name``), with lineage both ways."""
    docs: dict[str, DatasetDoc] = {}
    for contract in feed_contracts().values():
        feed = _feed_doc(contract)
        docs[feed.key] = feed
        wh = _warehouse_doc(contract, settings)
        docs[wh.key] = wh
    marts = mart_contracts()
    for contract in marts.values():
        doc = _mart_contract_doc(contract)
        docs[doc.key] = doc
    manifest = load_manifest(settings)
    if manifest is not None:
        _manifest_docs(manifest, docs, marts)
        _mart_column_lineage(settings, manifest, docs)
    for doc in docs.values():
        for up in doc.upstream:
            if up in docs and doc.key not in docs[up].downstream:
                docs[up].downstream.append(doc.key)
    status = quality_status(settings)
    for doc in docs.values():
        doc.quality = _match_quality(doc, status)
    return docs


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = _slug
    return env


def template_environment() -> Environment:
    """The Jinja2 environment of the site and the DPO reports (autoescaped, no external assets)."""
    return _environment()


#: Entity types the outbound gate may report in generated documentation without it being a leak.
#: The site and the reports are rendered from metadata only (contracts, glossary, ledger counts, audit
#: facts); the French NER model reads their English prose as people's names ("Pseudonyme", "vault",
#: "guarantee level"...). Every pattern recognizer (NIR, e-mail, phone, IBAN, membership number...)
#: still applies, and the tests grep the generated files for every name of the inbox. Employers'
#: SIRET/SIREN are company identifiers, public by law: the publication log names employer folders by them.
DOCUMENTATION_ALLOW = frozenset({"PERSON", "SIRET", "SIREN"})


def assert_outbound_clean(paths: list[Path]) -> None:
    """Run the outbound PII gate (``governance.pii_gate``) over generated documentation folders."""
    from governance.pii_gate import assert_clean

    assert_clean(paths, allow=DOCUMENTATION_ALLOW)


def _term_columns(docs: dict[str, DatasetDoc], glossary: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """For each glossary term: (column label, page#anchor) of every column linked to it."""
    out: dict[str, list[tuple[str, str]]] = {key: [] for key in glossary}
    for doc in docs.values():
        for col in doc.columns:
            if col.glossary_term in out:
                label = f"{doc.zone} {doc.name}.{col.name}"
                out[col.glossary_term].append((label, f"{doc.page}#col-{_slug(col.name)}"))
    for key, term in glossary.items():
        for ref in term.get("related_columns") or []:
            dataset, _, column = str(ref).partition(".")
            for zone in ("feed", "warehouse", "mart", "model"):
                doc = docs.get(f"{zone}.{dataset}")
                if doc and any(c.name == column for c in doc.columns):
                    entry = (f"{zone} {dataset}.{column}", f"{doc.page}#col-{_slug(column)}")
                    if entry not in out[key]:
                        out[key].append(entry)
    return out


def build_site(settings: Settings) -> Path:
    """Write the static glossary site under ``settings.site`` and return its folder.

    The folder is rebuilt from scratch, so a dataset that disappeared does not
    linger. The outbound PII gate checks the result before it is returned.
    """
    site_dir = settings.site
    glossary = load_glossary()
    docs = collect_datasets(settings)
    used = {c.glossary_term for d in docs.values() for c in d.columns if c.glossary_term}
    unknown = sorted(used - set(glossary))
    if unknown:
        log.warning("glossary terms used by columns but missing in glossary.yaml: %s", ", ".join(unknown))

    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)
    env = _environment()
    generated_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
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
    }

    by_zone: dict[str, list[DatasetDoc]] = {z: [] for z in ZONES}
    for doc in docs.values():
        by_zone.setdefault(doc.zone, []).append(doc)
    marts_by_consumer: dict[str, list[DatasetDoc]] = {}
    for doc in sorted(by_zone["mart"], key=lambda d: d.name):
        marts_by_consumer.setdefault(doc.consumer or "unassigned consumer", []).append(doc)

    (site_dir / "index.html").write_text(
        env.get_template("site/index.html").render(by_zone=by_zone, marts_by_consumer=marts_by_consumer, **common),
        encoding="utf-8",
    )
    dataset_tpl = env.get_template("site/dataset.html")
    for doc in docs.values():
        (site_dir / doc.page).write_text(dataset_tpl.render(doc=doc, **common), encoding="utf-8")
    (site_dir / "glossary.html").write_text(
        env.get_template("site/glossary.html").render(term_columns=_term_columns(docs, glossary), **common),
        encoding="utf-8",
    )
    shutil.copyfile(TEMPLATES_DIR / "style.css", site_dir / "style.css")

    assert_outbound_clean([site_dir])
    log.info("glossary site: %d dataset pages, %d glossary terms in %s", len(docs), len(glossary), site_dir)
    return site_dir


@click.command("site")
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory (default: CONFIANCE_HOME or ./var).",
)
def site(home: Path | None) -> None:
    """Build the glossary site (data dictionary) under <home>/site: metadata only, no data value."""
    path = build_site(get_settings(home))
    click.echo(f"glossary site: {path / 'index.html'}")
