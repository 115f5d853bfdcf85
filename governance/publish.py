"""The publication gate: the ONLY writer of ``published/<consumer>/``.

For each consumer (insurer, employer/<SIRET>, dataviz, prevention) the gate
takes the dbt marts whose ODCS contract names that consumer and, before writing
a byte, checks independently of dbt:

* k: every unmasked cell counts at least k distinct members, masked cells show
  no value (re-checked on the very rows to be published);
* dominance and secondary suppression: recorded by dbt per cell (``masking``),
  re-checked here on the group totals a consumer can derive;
* l-diversity of the member-level dataviz table (k and l recounted here);
* lineage: no published column derives from a direct identifier or a token
  (sqlglot over dbt's compiled SQL, see governance/lineage.py);
* quality: no blocking failure upstream of the mart (quality.gate);
* PII scan of the files about to be published (governance.pii_gate).

What the gate uses of the vault (audit log, signing key, file locks, PII detector) and of quality (blocking
failures) comes in a :class:`PublicationServices` record built by the pipeline layer
(``confiance.pipeline_inputs.publication_services``): governance imports only the core.

A consumer with any failed check gets nothing (its previous publication is
left untouched) and the reason is returned and audited. What is published is
Parquet plus ``manifest.json`` (files, sha256, rows, checks, run id, the signing key's fingerprint),
``manifest.sig`` (Ed25519 over the manifest bytes) and ``public_key.pem`` (a convenience copy: consumers pin
the key they received out of band); :func:`verify_manifest` lets a consumer check all of it. Each employer's
folder also holds its report (HTML and PDF, French and English), CSV/XLSX copies, LISEZMOI.txt and
SHA256SUMS (governance/employer_report), listed in the manifest as ``documents``; every folder is staged
complete, then renamed into place; a delivery index for the mutuelle's staff goes to ``reports/``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from confiance.contracts import QUASI_IDENTIFIER, mart_contracts
from confiance.files import sha256_file
from confiance.settings import DBT_PROJECT_DIR, Settings
from governance import disclosure, release_log
from governance.employer_report import CHECKSUMS
from governance.lineage import (
    LineageError,
    LineageGraph,
    load_manifest,
    mart_lineage,
    upstream_datasets,
    warehouse_schema,
)
from governance.pii_gate import Detector
from governance.protection import (
    ConsumerProtection,
    ProtectionError,
    apply_masks,
    cell_table,
    clean_history,
    disclosure_parameter,
    disclosure_parameters,
    history_dir,
    protect_consumer,
    save_history,
    table_spec,
)

log = logging.getLogger(__name__)

CONSUMERS = ("insurer", "employer", "dataviz", "prevention")
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "public_key.pem"
SIGNING_PURPOSE = "publication-signing"
ACTOR = "publication-gate"
MART_SCHEMA = "marts"
_SIRET = re.compile(r"^[0-9]{14}$")
EMPLOYER_NAMES = "intermediate.int_employers__coverage"  # dbt model: employer_siret, employer_name (public)


class PublicationError(RuntimeError):
    """A mart may not be published; the message says which check failed (never a value)."""


@dataclass
class MartResult:
    mart: str
    consumer: str
    rows: int = 0
    checks: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    masked_cell_share: float | None = None
    masked_amount_share: float | None = None


@dataclass(frozen=True)
class PublicationServices:
    """What the publication uses of the vault and of quality, handed in by the pipeline layer
    (``confiance.pipeline_inputs.publication_services``): governance imports only the core (DESIGN.md, "Layers")."""

    #: ``vault.audit.append(settings, actor, action, details)``: an entry of the hash-chained audit log.
    audit_append: Callable[[Settings, str, str, dict[str, Any]], None]
    #: ``vault.keys.derived_key(settings, purpose)``: a 32-byte key derived from the master key.
    derived_key: Callable[[Settings, str], bytes]
    #: ``vault.locking.file_lock(path, exclusive, what, operation)``: an inter-process lock.
    file_lock: Callable[[Path, bool, str, str], AbstractContextManager[Any]]
    #: ``quality.gate.blocking_failures(settings)``: ``{dataset: [reason]}`` of the datasets whose latest quality
    #: run failed an error-severity check (asked once per publication, under its lock).
    blocking_failures: Callable[[Settings], dict[str, list[str]] | None]
    #: ``vault.pii.scrubber.analyze_texts``: the detector of the outbound PII gate.
    detect_pii: Detector
    #: What ``derived_key`` raises when no master key is available (``vault.keys.MasterKeyError``).
    key_errors: tuple[type[Exception], ...]


# --- locating dbt's artifacts ------------------------------------------------


def manifest_path(settings: Settings) -> Path:
    """dbt's manifest.json: $DBT_TARGET_PATH, then the data dir's dbt target, then dbt_project/target (the one
    place that says where it is; the glossary site and the DPO reports read it through here)."""
    candidates = []
    if os.environ.get("DBT_TARGET_PATH"):
        target = Path(os.environ["DBT_TARGET_PATH"]).expanduser()
        candidates.append(target if target.is_absolute() else DBT_PROJECT_DIR / target)
    if settings.extra.get("dbt_target_path"):
        candidates.insert(0, Path(settings.extra["dbt_target_path"]))
    candidates += [settings.dbt_target_dir, DBT_PROJECT_DIR / "target"]
    for candidate in candidates:
        if (candidate / "manifest.json").exists():
            return candidate / "manifest.json"
    raise PublicationError("no dbt manifest.json found (looked in " + ", ".join(str(c) for c in candidates) + ")")


def marts_by_consumer() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {c: [] for c in CONSUMERS}
    for name, contract in mart_contracts().items():
        consumer = contract.table_custom.get("consumer")
        if consumer not in out:
            raise PublicationError(f"{contract.path.name}: unknown consumer {consumer!r}")
        if contract.table_custom.get("held_back"):
            continue  # built and tested, but not released: its contract's held_back property says why
        out[consumer].append(name)
    return out


# --- signing -------------------------------------------------------------------


def signing_key(settings: Settings, services: PublicationServices) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(services.derived_key(settings, SIGNING_PURPOSE))


def public_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def key_fingerprint(pem: bytes) -> str:
    """SHA-256 of the public key's DER SubjectPublicKeyInfo, hex (what
    ``openssl pkey -pubin -in public_key.pem -outform DER | sha256sum`` prints)."""
    key = serialization.load_pem_public_key(pem)
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def _normalise_fingerprint(text: str) -> str:
    text = text.strip().lower()
    if text.startswith("sha256:"):
        text = text[len("sha256:") :]
    return text.replace(":", "").replace(" ", "")


def verify_folder(
    folder: Path | str, public_key: bytes | None = None, fingerprint: str | None = None
) -> tuple[bool, str]:
    """Verify a published folder as a consumer: (True, summary) or (False, why).

    The publisher's key must be pinned: ``public_key`` (PEM received out of band) or ``fingerprint`` (its
    SHA-256, see :func:`key_fingerprint`). The ``public_key.pem`` inside the folder is only a convenience
    copy: whoever can change the folder can replace it, so it is used only if it matches the pin.
    """
    folder = Path(folder)
    if public_key is None and not fingerprint:
        return False, "no pinned publisher key: give the publisher's public key or its fingerprint"
    try:
        body = (folder / MANIFEST).read_bytes()
        signature = base64.b64decode((folder / SIGNATURE).read_bytes())
        pem = public_key if public_key is not None else (folder / PUBLIC_KEY).read_bytes()
        if fingerprint and key_fingerprint(pem) != _normalise_fingerprint(fingerprint):
            return False, "signed by another key than the pinned publisher key (fingerprint differs)"
        key = serialization.load_pem_public_key(pem)
        if not isinstance(key, Ed25519PublicKey):
            return False, "the publisher key is not an Ed25519 key"
        key.verify(signature, body)
        manifest = json.loads(body)
        listed = set()
        tables = [(entry, True) for entry in manifest["files"]]
        for entry, is_table in tables + [(entry, False) for entry in manifest.get("documents", [])]:
            path = folder / entry["name"]
            listed.add(entry["name"])
            if not path.is_file():
                return False, f"{entry['name']}: listed in the manifest but missing"
            if sha256_file(path) != entry["sha256"]:
                return False, f"{entry['name']}: checksum differs from the manifest (file changed)"
            if is_table and pq.ParquetFile(path).metadata.num_rows != entry["rows"]:
                return False, f"{entry['name']}: row count differs from the manifest"
        present = {p.name for p in folder.iterdir() if p.is_file()} - {MANIFEST, SIGNATURE, PUBLIC_KEY}
        if present != listed:
            return False, f"{len(present - listed)} file(s) in the folder are not in the manifest"
        return True, f"manifest signature (pinned key) and {len(listed)} file(s) verified"
    except InvalidSignature:
        return False, "manifest signature does not verify with the pinned publisher key"
    except FileNotFoundError as exc:
        return False, f"{Path(exc.filename or '').name or 'a file'}: missing"
    except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
        return False, f"unreadable manifest, signature or file ({type(exc).__name__})"


def verify_manifest(folder: Path | str, public_key: bytes | None = None, fingerprint: str | None = None) -> bool:
    """True when the manifest's signature is valid and every listed file matches its checksum and row count.

    ``public_key`` (PEM) or ``fingerprint`` pins the expected key (see :func:`verify_folder`). Without either,
    the ``public_key.pem`` beside the manifest is used: this checks integrity against accidents only, not
    against someone able to re-sign the folder; consumers pin the key (``confiance publish --verify``).
    """
    folder = Path(folder)
    if public_key is None and not fingerprint:
        try:
            public_key = (folder / PUBLIC_KEY).read_bytes()
        except OSError:
            return False
    return verify_folder(folder, public_key, fingerprint)[0]


# --- external gates (quality, PII) ----------------------------------------------


def _controlled_vocabulary() -> dict[str, set[str]]:
    """Columns whose values come from a reference list (act families, régions, sexes, bands...): a word of the
    list is not a person's name. They are still scanned for every other kind of personal data."""
    # a raison sociale names a legal person (public company data), which may read like a person's name
    allow: dict[str, set[str]] = {"employer_siret": {"SIRET"}, "employer_name": {"PERSON", "LOCATION"}}
    for contract in mart_contracts().values():
        dims = set((contract.table_custom.get("disclosure") or {}).get("dimensions") or {})
        if contract.table_custom.get("member_level"):
            # generalised quasi-identifiers and the act family a record is classed by
            dims |= {c.name for c in contract.columns if c.classification == QUASI_IDENTIFIER}
            dims.add(contract.table_custom.get("sensitive_attribute"))
        for column in contract.columns:
            if column.name in dims or column.options.get("enum"):
                allow.setdefault(column.name, set()).add("PERSON")
    return allow


def _pii_scan(paths: list[Path], detect: Detector) -> tuple[str, list[str]]:
    """(status, reasons) of the PII scan of the files about to be published."""
    from governance.pii_gate import PiiGateError, PiiLeakError, assert_clean, release_allow

    try:  # tables column by column; every generated document (HTML, CSV, XLSX, text, JSON) cell by cell
        assert_clean(paths, allow=release_allow(_controlled_vocabulary()), detect=detect)
    except (PiiLeakError, PiiGateError) as exc:
        return "failed", [f"PII scan: {exc}"]
    return "passed", []


# --- the gate ---------------------------------------------------------------------


def _read_mart(con: duckdb.DuckDBPyConnection, mart: str) -> pa.Table:
    try:
        return con.execute(f'select * from "{MART_SCHEMA}"."{mart}"').fetch_arrow_table()
    except duckdb.Error as exc:
        raise PublicationError(f"{mart}: cannot read the mart from the warehouse ({type(exc).__name__})") from exc


def _check_mart(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    result: MartResult,
    table: pa.Table,
    lineage_ok: list[str],
    blocked: dict[str, list[str]] | None,
    upstream: set[str],
) -> None:
    """Checks on one mart as dbt built it (before the consumer's secondary suppression and audit)."""
    contract = mart_contracts()[result.mart]
    checks = result.checks
    if contract.table_custom.get("member_level"):
        k = settings.min_cell_size
        reasons = disclosure.check_k_l(table, contract, k, disclosure.L_DIVERSITY)
        reasons += disclosure.check_unique_on_one_value(table, contract, k)
        checks["l_diversity"] = {"k": k, "l": disclosure.L_DIVERSITY, "passed": not reasons}
        result.reasons += reasons
    else:
        checks["l_diversity"] = "not_applicable"
    checks["lineage"] = {"passed": not lineage_ok, "checked_columns": table.num_columns}
    result.reasons += lineage_ok
    if blocked is None:
        checks["quality"] = "not_checked"
    else:
        hits = sorted(d for d in blocked if d in upstream)
        checks["quality"] = {"passed": not hits, "blocking_upstream": hits}
        for dataset in hits:
            result.reasons.append(f"quality: blocking failures upstream in {dataset}: " + "; ".join(blocked[dataset]))


def _check_protected(
    settings: Settings, result: MartResult, table: pa.Table, outcome: ConsumerProtection | None
) -> None:
    """Checks on the rows about to be published, after suppression: k, masked values empty, no sensitive cell shown."""
    contract = mart_contracts()[result.mart]
    checks = result.checks
    k = settings.min_cell_size
    reasons = disclosure.check_k(table, k, contract)
    checks["k"] = {"min_cell_size": k, "passed": not reasons}
    result.reasons += reasons
    truth = outcome.truth.get(result.mart) if outcome is not None else None
    if truth is not None:
        shown = int((truth["primary"].astype(bool) & ~truth["masked"].astype(bool)).sum())
        checks["dominance_and_p_percent"] = {"passed": not shown}
        if shown:
            result.reasons.append(f"{shown} sensitive cell(s) (k, dominance or p %) would be shown")
        result.masked_amount_share = disclosure.masked_amount_share(truth)
    result.masked_cell_share = disclosure.masked_cell_share(table)


def _sorted_rows(table: pa.Table) -> pa.Table:
    """The rows in one canonical order (every column ascending, nulls last), whatever order they came in."""
    if table.num_rows < 2 or not table.column_names:
        return table
    try:
        return table.sort_by([(name, "ascending") for name in table.column_names])
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
        con = duckdb.connect()
        try:
            con.register("unsorted", table)
            return con.execute("SELECT * FROM unsorted ORDER BY ALL NULLS LAST").fetch_arrow_table()
        finally:
            con.close()


def _write_parquet(table: pa.Table, path: Path) -> int:
    """Write ``table`` in a canonical row order: identical content gives identical bytes (and checksums)."""
    pq.write_table(_sorted_rows(table), path, compression="zstd")
    return table.num_rows


def _sign_folder(
    settings: Settings,
    services: PublicationServices,
    folder: Path,
    consumer: str,
    run_id: str,
    files: list[dict[str, Any]],
    extra: dict[str, Any],
    documents: list[dict[str, Any]] | None = None,
    published_at: str | None = None,
) -> None:
    """Write manifest.json (files with sha256 and rows, documents with sha256, the signing key's fingerprint),
    manifest.sig (base64 Ed25519 over the manifest's bytes) and public_key.pem (a copy; consumers pin theirs)."""
    key = signing_key(settings, services)
    pem = public_key_pem(key)
    manifest = {
        "manifest_version": 1,
        "consumer": consumer,
        "run_id": run_id,
        "published_at": published_at or datetime.now(UTC).isoformat(timespec="seconds"),
        "min_cell_size": settings.min_cell_size,
        "signature": {
            "algorithm": "Ed25519",
            "file": SIGNATURE,
            "public_key": PUBLIC_KEY,
            "key_fingerprint": key_fingerprint(pem),
            "fingerprint_algorithm": "SHA-256 of the DER "
            "SubjectPublicKeyInfo (openssl pkey -pubin -in KEY.pem -outform DER | sha256sum)",
            "key_distribution": "the publisher's public key is given to each consumer out of band; "
            "the public_key.pem in this folder is a convenience copy and proves nothing by itself",
        },
        "files": files,
        **({"documents": documents} if documents is not None else {}),
        **extra,
    }
    body = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")
    (folder / MANIFEST).write_bytes(body)
    (folder / SIGNATURE).write_bytes(base64.b64encode(key.sign(body)))
    (folder / PUBLIC_KEY).write_bytes(pem)


def _journal_path(settings: Settings) -> Path:
    return settings.published / ".swaps-in-progress.jsonl"


def _publication_lock(settings: Settings, services: PublicationServices) -> Any:
    """One publication at a time (a second waits, then gets a clear VaultBusyError naming the first)."""
    return services.file_lock(
        settings.published / ".publication.lock", True, f"the publication in {settings.published}", "publication"
    )


#: A previous release set aside during its swap: ``.<folder>.old-<run id>`` (hidden), removed once the new one is in.
SET_ASIDE = ".old-"


def _set_aside(root: Path) -> list[tuple[Path, Path]]:
    """Every previous release set aside under ``root``, with the folder it belongs to (older ``<folder>.old``
    names included)."""
    found = []
    for old in sorted(root.rglob("*.old*")):
        if not old.is_dir():
            continue
        if old.name.startswith(".") and SET_ASIDE in old.name:
            found.append((old, old.with_name(old.name[1:].rsplit(SET_ASIDE, 1)[0])))
        elif old.name.endswith(".old"):
            found.append((old, old.with_name(old.name[: -len(".old")])))
    return found


def _replace_folder(staging: Path, final: Path) -> None:
    """Swap a complete, signed folder in. The swap is journalled first: a run killed between swaps is recovered
    and audited by the next one (:func:`recover_publication`); a folder is complete or, briefly, absent."""
    final.parent.mkdir(parents=True, exist_ok=True)
    # the journal lives in the published root: the parent of the staging root (.publishing-*) holding ``staging``
    root = next((p.parent for p in (staging, *staging.parents) if p.name.startswith(".publishing-")), final.parent)
    try:
        run_id = json.loads((staging / MANIFEST).read_text(encoding="utf-8")).get("run_id")
    except (OSError, ValueError):
        run_id = None
    with open(root / ".swaps-in-progress.jsonl", "a", encoding="utf-8") as journal:
        journal.write(json.dumps({"folder": str(final.relative_to(root)), "run_id": run_id}) + "\n")
        journal.flush()
        os.fsync(journal.fileno())
    # set aside under a hidden name, so a half-deleted previous release is never taken for a delivery
    old = final.with_name(f".{final.name}{SET_ASIDE}{run_id or 'unknown'}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    if old.exists():
        shutil.rmtree(old)


def recover_publication(settings: Settings, services: PublicationServices) -> dict[str, Any] | None:
    """Clean what a killed publication left and audit it: staging folders (``.publishing-*``), previous releases
    set aside mid-swap (``.<folder>.old-<run>``: put back when the new one never arrived, removed otherwise), the
    swap journal (the folders swapped in before the kill) and history runs left half-written
    (:func:`governance.protection.clean_history`). A complete history run whose release no consumer folder holds
    (killed between the history and the swap) is kept: the consumer might have received it, and the audit must
    never ignore what a consumer may hold. Call with the publication lock held."""
    root = settings.published
    if not root.exists():
        return None
    staging = [p for p in root.glob(".publishing-*") if p.is_dir()]
    for path in staging:
        shutil.rmtree(path, ignore_errors=True)
    restored = removed = 0
    for old, final in _set_aside(root):
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
            removed += 1
        else:
            old.rename(final)
            restored += 1
    journal = _journal_path(settings)
    swapped: list[dict[str, Any]] = []
    if journal.exists():
        for line in journal.read_text(encoding="utf-8").splitlines():
            try:
                swapped.append(json.loads(line))
            except ValueError:
                continue  # the line being written when the process died
    history_removed = clean_history(settings)
    if not (staging or restored or removed or swapped or history_removed):
        return None
    details = {
        "staging_folders_removed": len(staging),
        "previous_releases_restored": restored,
        "set_aside_removed": removed,
        "interrupted_run_ids": sorted({str(s.get("run_id")) for s in swapped}),
        "folders_swapped_before_interruption": len(swapped),
    }
    if history_removed:
        details["partial_history_runs_removed"] = history_removed
    services.audit_append(settings, ACTOR, "recovery.publication_interrupted", details)
    journal.unlink(missing_ok=True)
    log.warning("an interrupted publication was cleaned up: %s", details)
    return details


def _file_entry(path: Path, mart: str, rows: int, checks: dict[str, Any]) -> dict[str, Any]:
    return {"name": path.name, "mart": mart, "sha256": sha256_file(path), "rows": rows, "checks": checks}


def publish_all(settings: Settings, run_id: str, services: PublicationServices) -> dict[str, Any]:
    """Check and publish every consumer's marts; return what was published, refused and why. ``services`` is what
    the gate uses of the vault and of quality (``confiance.pipeline_inputs.publication_services``).

    Returns ``{"run_id", "consumers": {consumer: {"status", "reasons", "files", "folders"}},
    "masked_cell_share": {mart: share}, "masked_amount_share": {mart: share}, "employers": {...}}``.
    """
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", run_id):
        raise PublicationError("run_id must be made of letters, digits, '_', '.', '-'")
    settings.published.mkdir(parents=True, exist_ok=True)
    with _publication_lock(settings, services):
        recover_publication(settings, services)
        summary = _publish_all(settings, run_id, services)
        _journal_path(settings).unlink(missing_ok=True)  # every swap of this run is audited
    return summary


def _publish_all(settings: Settings, run_id: str, services: PublicationServices) -> dict[str, Any]:
    manifest_file = manifest_path(settings)
    manifest = load_manifest(manifest_file)
    blocked = services.blocking_failures(settings)
    by_consumer = marts_by_consumer()
    summary: dict[str, Any] = {
        "run_id": run_id,
        "consumers": {},
        "masked_cell_share": {},
        "masked_amount_share": {},
        "employers": {},
    }
    staging_root = Path(tempfile.mkdtemp(prefix=".publishing-", dir=settings.published))
    try:
        con = duckdb.connect(str(settings.warehouse_db), read_only=True)
        try:
            graph = LineageGraph(manifest, warehouse_schema(con), cache_dir=manifest_file.parent)
            for consumer in CONSUMERS:
                marts = by_consumer[consumer]
                if not marts:
                    continue
                summary["consumers"][consumer] = _publish_consumer(
                    settings, services, con, graph, manifest, blocked, consumer, marts, run_id, staging_root, summary
                )
        finally:
            con.close()
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    _audit(settings, services, summary)
    return summary


def _publish_consumer(
    settings: Settings,
    services: PublicationServices,
    con: duckdb.DuckDBPyConnection,
    graph: LineageGraph,
    manifest: dict[str, Any],
    blocked: dict[str, list[str]] | None,
    consumer: str,
    marts: list[str],
    run_id: str,
    staging_root: Path,
    summary: dict[str, Any],
) -> dict[str, Any]:
    results: dict[str, MartResult] = {}
    tables: dict[str, pa.Table] = {}
    for mart in marts:
        result = MartResult(mart=mart, consumer=consumer)
        results[mart] = result
        try:
            table = _read_mart(con, mart)
            lineage = mart_lineage(graph, mart)
            upstream = upstream_datasets(manifest, mart)
            _check_mart(con, settings, result, table, lineage.violations, blocked, upstream)
            result.rows = table.num_rows
            tables[mart] = table
        except (PublicationError, LineageError) as exc:
            result.reasons.append(str(exc))
    # Inputs unchanged since the consumer's last published release: that release stands (governance/release_log).
    fingerprint = None
    if not any(result.reasons for result in results.values()):
        fingerprint = _release_fingerprint(con, settings, services, consumer, tables)
        standing = release_log.standing_release(
            settings,
            history_dir(settings, consumer),
            fingerprint,
            _folder_stands(settings, services),
            _consumer_folders(settings, consumer),
        )
        if standing is not None:
            return _unchanged(settings, consumer, run_id, standing, summary)
        changed = release_log.changed_inputs(release_log.last_published(history_dir(settings, consumer)), fingerprint)
        log.info("%s: recomputed; inputs changed since its last release: %s", consumer, ", ".join(changed) or "none")
    # Every table this consumer receives, protected together and audited with what it already holds.
    protection: ConsumerProtection | None = None
    consumer_reasons: list[str] = []
    try:
        protection = protect_consumer(con, settings, consumer, list(tables), run_id, records=tables)
        consumer_reasons += [f"disclosure: {r}" for r in protection.reasons]
        for mart in list(tables):
            tables[mart] = apply_masks(tables[mart], mart, protection)
    except ProtectionError as exc:
        consumer_reasons.append(f"disclosure: {exc}")
    summary.setdefault("disclosure_audit", {})[consumer] = (
        protection.summary() if protection is not None else {"passed": False}
    )
    for mart, table in tables.items():
        _check_protected(settings, results[mart], table, protection)
        audit_state = summary["disclosure_audit"][consumer]
        results[mart].checks["disclosure_audit"] = {"passed": bool(audit_state.get("passed")) and not consumer_reasons}
    for mart, result in results.items():
        summary["masked_cell_share"][mart] = result.masked_cell_share
        summary["masked_amount_share"][mart] = result.masked_amount_share
    reasons = consumer_reasons + [f"{m}: {r}" for m, res in results.items() for r in res.reasons]
    if not reasons:
        if consumer == "employer":
            folders, files, pii_reasons = _stage_employers(
                settings, services, consumer, tables, results, run_id, staging_root, summary, _employer_names(con)
            )
        else:
            folders, files, pii_reasons = _stage_single(
                settings, services, consumer, tables, results, run_id, staging_root
            )
        reasons += pii_reasons
    deliveries = summary.pop("employer_deliveries", None)  # typed records, written to the index once swapped in
    if reasons:
        log.warning("publication refused for %s: %d reason(s)", consumer, len(reasons))
        return {"status": "refused", "reasons": reasons, "files": 0, "folders": []}
    if protection is not None:  # the history first: it must hold every release a consumer may hold
        save_history(settings, consumer, run_id, protection)
    for staged, final in folders:
        _replace_folder(staged, final)
    if deliveries is not None:
        from governance.employer_report.delivery import write_index

        write_index(settings.reports, deliveries)
    if consumer == "employer":
        # Employers no longer reported (gone from the marts) lose their stale folder.
        keep = {final.name for _, final in folders}
        root = settings.published / consumer
        for old in root.iterdir() if root.exists() else []:
            if old.is_dir() and old.name not in keep and _SIRET.match(old.name):
                shutil.rmtree(old)
    if fingerprint is not None:
        _record_release(settings, consumer, run_id, fingerprint, folders, files, summary, list(tables))
    log.info("published %s: %d file(s) in %d folder(s)", consumer, files, len(folders))
    return {"status": "published", "reasons": [], "files": files, "folders": [str(final) for _, final in folders]}


def _release_fingerprint(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    services: PublicationServices,
    consumer: str,
    tables: dict[str, pa.Table],
) -> release_log.Fingerprint:
    """Everything the suppression, the audit and the consumer's folders depend on (governance/release_log)."""
    cells = {m: f'"intermediate"."{cell_table(m)}"' for m in tables if table_spec(m) is not None}
    extra = {"regions": "select departement, region from reference.region_of_departement"}
    if consumer == "employer":
        extra["employer_names"] = f"select employer_siret, employer_name from {EMPLOYER_NAMES}"
    parameters = {
        "min_cell_size": settings.min_cell_size,
        "l_diversity": disclosure.L_DIVERSITY,
        "disclosure": {c: disclosure_parameters(c) for c in CONSUMERS},
    }
    key = key_fingerprint(public_key_pem(signing_key(settings, services)))
    return release_log.fingerprint(con, consumer, tables, cells, parameters, key, extra)


def _consumer_folders(settings: Settings, consumer: str) -> list[str]:
    """The consumer's folders now in the published root, relative to it."""
    root = settings.published / consumer
    if consumer != "employer":
        return [consumer] if root.is_dir() else []
    return (
        sorted(f"{consumer}/{p.name}" for p in root.iterdir() if p.is_dir() and _SIRET.match(p.name))
        if root.is_dir()
        else []
    )


def _folder_stands(settings: Settings, services: PublicationServices) -> Any:
    """A check of one published folder: signed by the publisher's key, every file whole, from the given run."""
    pem = public_key_pem(signing_key(settings, services))

    def check(folder: Path, run_id: str) -> bool:
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return manifest.get("run_id") == run_id and verify_folder(folder, public_key=pem)[0]

    return check


def _unchanged(
    settings: Settings, consumer: str, run_id: str, standing: release_log.ReleaseEntry, summary: dict[str, Any]
) -> dict[str, Any]:
    """Nothing new for this consumer: log "unchanged, previous release stands" and carry that release's figures."""
    release_log.append(
        history_dir(settings, consumer),
        release_log.ReleaseEntry.of(
            consumer,
            run_id,
            release_log.UNCHANGED,
            standing.release_fingerprint,
            standing.release_run_id,
            standing.folders,
            standing.files,
        ),
    )
    summary.setdefault("disclosure_audit", {})[consumer] = standing.disclosure_audit
    summary["masked_cell_share"].update(standing.masked_cell_share)
    summary["masked_amount_share"].update(standing.masked_amount_share)
    if consumer == "employer":
        summary["employers"] = standing.employers
    log.info("%s: inputs unchanged, the release of run %s stands", consumer, standing.release_run_id)
    return {
        "status": release_log.UNCHANGED,
        "reasons": [],
        "files": standing.files,
        "folders": [str(settings.published / f) for f in standing.folders],
        "release_run_id": standing.release_run_id,
    }


def _record_release(
    settings: Settings,
    consumer: str,
    run_id: str,
    fingerprint: release_log.Fingerprint,
    folders: list[tuple[Path, Path]],
    files: int,
    summary: dict[str, Any],
    marts: list[str],
) -> None:
    """Log a release just swapped in, with its fingerprint and figures (read by the next runs)."""
    release_log.append(
        history_dir(settings, consumer),
        release_log.ReleaseEntry.of(
            consumer,
            run_id,
            release_log.PUBLISHED,
            fingerprint,
            run_id,
            sorted(str(final.relative_to(settings.published)) for _, final in folders),
            files,
            disclosure_audit=summary.get("disclosure_audit", {}).get(consumer, {}),
            masked_cell_share={m: summary["masked_cell_share"].get(m) for m in marts},
            masked_amount_share={m: summary["masked_amount_share"].get(m) for m in marts},
            employers=dict(summary.get("employers") or {}) if consumer == "employer" else {},
        ),
    )


def _stage_single(
    settings: Settings,
    services: PublicationServices,
    consumer: str,
    tables: dict[str, pa.Table],
    results: dict[str, MartResult],
    run_id: str,
    staging_root: Path,
) -> tuple[list[tuple[Path, Path]], int, list[str]]:
    staged = staging_root / consumer
    staged.mkdir(parents=True)
    entries = []
    for mart, table in tables.items():
        path = staged / f"{mart}.parquet"
        rows = _write_parquet(table, path)
        entries.append((path, mart, rows))
    status, pii_reasons = _pii_scan([p for p, _, _ in entries], services.detect_pii)
    if pii_reasons:
        return [], 0, pii_reasons
    files = []
    for path, mart, rows in entries:
        checks = dict(results[mart].checks, pii_scan=status)
        files.append(_file_entry(path, mart, rows, checks))
    _sign_folder(settings, services, staged, consumer, run_id, files, _loss(tables))
    _status, pii_reasons = _pii_scan([staged / MANIFEST], services.detect_pii)
    if pii_reasons:
        return [], 0, pii_reasons
    return [(staged, settings.published / consumer)], len(files), []


def _stage_employers(
    settings: Settings,
    services: PublicationServices,
    consumer: str,
    tables: dict[str, pa.Table],
    results: dict[str, MartResult],
    run_id: str,
    staging_root: Path,
    summary: dict[str, Any],
    names: dict[str, str],
) -> tuple[list[tuple[Path, Path]], int, list[str]]:
    """One complete folder per employer: its own rows of the per-employer marts, the marts identical for everyone,
    its report (HTML, PDF), CSV/XLSX copies, LISEZMOI.txt and SHA256SUMS, signed. Nothing is swapped in here."""
    from governance.employer_report import ReleaseError, build_documents, pdf_of, pdf_printer, write_checksums
    from governance.employer_report.model import EmployerDelivery

    sirets: set[str] = set()
    per_employer_marts = {m: t for m, t in tables.items() if "employer_siret" in t.column_names}
    shared_marts = {m: t for m, t in tables.items() if "employer_siret" not in t.column_names}
    if not per_employer_marts:
        return [], 0, ["no employer mart carries employer_siret: nothing to split per employer"]
    for mart, table in per_employer_marts.items():
        sirets |= {s for s in table.column("employer_siret").to_pylist() if s is not None}
        if None in table.column("employer_siret").to_pylist():
            return [], 0, [f"{mart}: rows without employer_siret cannot be published to an employer"]
    bad = [s for s in sirets if not _SIRET.match(s)]
    if bad:
        return [], 0, [f"{len(bad)} employer_siret value(s) are not 14 digits"]
    published_at = datetime.now(UTC).isoformat(timespec="seconds")
    fingerprint = key_fingerprint(public_key_pem(signing_key(settings, services)))
    k, min_employers = settings.min_cell_size, int(disclosure_parameter("employer", "benchmark_min_employers"))
    folders: list[tuple[Path, Path]] = []
    staged_employers: dict[str, tuple[list[tuple[Path, str, int, pa.Table]], Any]] = {}
    timings = {"documents": 0.0}
    with pdf_printer() as printer:
        by_employer = {mart: _split_by_employer(table) for mart, table in per_employer_marts.items()}
        for siret in sorted(sirets):
            started = time.perf_counter()
            staged = staging_root / consumer / siret
            staged.mkdir(parents=True)
            own: dict[str, pa.Table] = {}
            for mart in per_employer_marts:
                subset = by_employer[mart].get(siret)
                if subset is None or subset.num_rows == 0:
                    continue
                # Isolation re-check on the very rows written.
                if set(subset.column("employer_siret").to_pylist()) != {siret}:
                    return [], 0, [f"{mart}: employer isolation failed"]
                own[mart] = subset
            try:
                release, html = build_documents(
                    staged,
                    siret,
                    {**own, **shared_marts},
                    name=names.get(siret),
                    run_id=run_id,
                    published_at=published_at,
                    k=k,
                    min_employers=min_employers,
                    key_fingerprint=fingerprint,
                )
            except ReleaseError as exc:
                return [], 0, [f"employer report: {exc}"]
            for page in html:  # printed while the next employers' documents are built
                printer.submit(page, pdf_of(page))
            if "mart_employer__summary" in own:
                own["mart_employer__summary"] = _honest_summary(own["mart_employer__summary"], release)
            entries = []
            for mart, table in [*own.items(), *shared_marts.items()]:
                path = staged / f"{mart}.parquet"
                entries.append((path, mart, _write_parquet(table, path), table))
            staged_employers[siret] = (entries, release)
            folders.append((staged, settings.published / consumer / siret))
            timings["documents"] += time.perf_counter() - started
        started = time.perf_counter()
        # Chromium prints the last pages meanwhile (the scan reads the HTML pages the PDFs are printed from; it skips
        # PDFs). A refusal leaves the block: the printing stops and the staging folder is discarded by the caller.
        status, pii_reasons = _pii_scan([staged for staged, _ in folders], services.detect_pii)  # tables, documents
        timings["pii_scan"] = time.perf_counter() - started
        if pii_reasons:
            return [], 0, pii_reasons
        started = time.perf_counter()
        try:
            printer.finish()
        except Exception as exc:  # noqa: BLE001 - any browser failure refuses the employers' release, with its reason
            return [], 0, [f"employer report PDF: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"]
    timings["pdf_wait"] = time.perf_counter() - started
    started = time.perf_counter()
    n_files = 0
    deliveries: list[EmployerDelivery] = []
    for (staged, _), siret in zip(folders, sorted(sirets), strict=True):
        entries, release = staged_employers[siret]
        files = [_file_entry(p, m, r, dict(results[m].checks, pii_scan=status)) for p, m, r, _ in entries]
        parquet = {p.name for p, _, _, _ in entries}
        documents = sorted(p.name for p in staged.iterdir() if p.is_file() and p.name not in parquet)
        write_checksums(staged, [*parquet, *documents])
        documents.append(CHECKSUMS)
        doc_entries = [{"name": n, "sha256": sha256_file(staged / n)} for n in sorted(documents)]
        n_files += len(files) + len(doc_entries)
        # The employer's own figures: every row of its own files (the shared benchmark excepted).
        own_rows = [t for _, m, _, t in entries if m not in shared_marts]
        cells = sum(t.num_rows for t in own_rows)
        masked = sum(t.column("masking").to_pylist().count("masked") for t in own_rows if "masking" in t.column_names)
        own_loss = {
            "employer": {
                "report_status": release.status,
                "own_cells": cells,
                "own_masked_cells": masked,
                "own_masked_cell_share": masked / cells if cells else None,
            }
        }
        # Figures in a manifest come from the folder's own files only.
        _sign_folder(
            settings,
            services,
            staged,
            f"employer/{siret}",
            run_id,
            files,
            {**_loss({m: t for _, m, _, t in entries}), **own_loss},
            documents=doc_entries,
            published_at=published_at,
        )
        deliveries.append(
            EmployerDelivery(
                siret=siret,
                name=release.name,
                status=release.status,
                covered_members=release.covered_members,
                published_cells=release.own_cells - release.own_masked,
                masked_cells=release.own_masked,
                files=tuple(sorted([*parquet, *documents, MANIFEST, SIGNATURE, PUBLIC_KEY])),
                run_id=run_id,
                published_at=published_at,
            )
        )
    _status, pii_reasons = _pii_scan([staged / MANIFEST for staged, _ in folders], services.detect_pii)
    timings["sign"] = time.perf_counter() - started
    if pii_reasons:
        return [], 0, pii_reasons
    log.info(
        "employer folders: %d staged; documents %.1f s, PII scan %.1f s, then waited %.1f s for the PDFs, "
        "checksums and signatures %.1f s",
        len(folders),
        timings["documents"],
        timings["pii_scan"],
        timings["pdf_wait"],
        timings["sign"],
    )
    summary["employers"] = {"folders": len(folders), **_employer_status(deliveries)}
    summary["employer_deliveries"] = deliveries
    return folders, n_files, []


def _split_by_employer(table: pa.Table) -> dict[str, pa.Table]:
    """SIRET -> that employer's rows of ``table``, in the table's own order (one stable sort and a slice per
    employer: the same rows as filtering the table once per employer, without reading it once per employer)."""
    order = pa.compute.sort_indices(table, sort_keys=[("employer_siret", "ascending")])
    ordered = table.take(order)
    sirets = ordered.column("employer_siret").to_pylist()
    out: dict[str, pa.Table] = {}
    start = 0
    for end in range(1, len(sirets) + 1):
        if end == len(sirets) or sirets[end] != sirets[start]:
            if sirets[start] is not None:
                out[sirets[start]] = ordered.slice(start, end - start)
            start = end
    return out


def _employer_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """SIRET -> raison sociale (public company data carried by the contracts feed), for each employer's own report
    only. Empty when the warehouse has no names (the reports then name the employer by its SIRET)."""
    try:
        rows = con.execute(
            f"select employer_siret, employer_name from {EMPLOYER_NAMES} where employer_name is not null"
        ).fetchall()
    except duckdb.Error:
        return {}
    return {siret: name for siret, name in rows}


def _honest_summary(table: pa.Table, release: Any) -> pa.Table:
    """The summary row says what the folder really holds, in the report's words: an employer whose every own
    cell ended masked is ``nothing_publishable`` (or ``no_closed_period``), never ``reported``."""
    from governance.employer_report.model import REPORTED
    from governance.employer_report.render import statement

    if release.status == REPORTED:
        return table
    n = table.num_rows
    for column, value in (
        ("report_status", release.status),
        ("statement_fr", statement(release, "fr")),
        ("statement_en", statement(release, "en")),
    ):
        index = table.column_names.index(column)
        table = table.set_column(index, column, pa.array([value] * n, table.schema.field(column).type))
    return table


def _employer_status(deliveries: list[Any]) -> dict[str, int]:
    from governance.employer_report.delivery import status_counts

    return status_counts(deliveries)


def _loss(tables: dict[str, pa.Table]) -> dict[str, Any]:
    """Share of masked cells in each file of this folder, computed from the folder's own rows only."""
    return {"masked_cell_share": {m: disclosure.masked_cell_share(t) for m, t in tables.items()}}


def _audit(settings: Settings, services: PublicationServices, summary: dict[str, Any]) -> None:
    details = {
        "run_id": summary["run_id"],
        # Reasons name checks, datasets and counts, never a value: the DPO sees why a consumer was refused.
        "consumers": {
            c: {
                "status": v["status"],
                "files": v["files"],
                "reasons": list(v["reasons"]),
                **({"release_run_id": v["release_run_id"]} if "release_run_id" in v else {}),
            }
            for c, v in summary["consumers"].items()
        },
        "employer_folders": summary.get("employers", {}).get("folders", 0),
        # Per consumer: masked cells audited, smallest protection achieved (no values).
        "disclosure_audit": summary.get("disclosure_audit", {}),
        # Utility: share of cells and of the first amount masked, per mart (from the true values, no value).
        "masked_share": {
            m: {"cells": summary["masked_cell_share"].get(m), "amounts": summary["masked_amount_share"].get(m)}
            for m in sorted(summary.get("masked_cell_share", {}))
        },
    }
    services.audit_append(settings, ACTOR, "publish", details)


def masked_share_lines(summary: dict[str, Any]) -> Iterable[str]:
    for mart, share in sorted(summary["masked_cell_share"].items()):
        amount = summary["masked_amount_share"].get(mart)
        cells = "n/a" if share is None else f"{share:.1%}"
        amounts = "n/a" if amount is None else f"{amount:.1%}"
        yield f"{mart}: {cells} of cells masked, {amounts} of amounts"


def pinned_key(
    settings: Settings | None,
    public_key_file: Path | None,
    fingerprint: str | None,
    services: PublicationServices | None = None,
) -> tuple[bytes | None, str | None]:
    """The pin a consumer verifies against: a key file or fingerprint given, else CONFIANCE_PUBLISHER_KEY (a PEM
    file) or CONFIANCE_PUBLISHER_FINGERPRINT, else (on the publisher's side, ``settings`` and ``services`` given)
    the key derived from the master key."""
    if public_key_file is not None:
        return public_key_file.read_bytes(), fingerprint
    if fingerprint:
        return None, fingerprint
    if os.environ.get("CONFIANCE_PUBLISHER_KEY"):
        return Path(os.environ["CONFIANCE_PUBLISHER_KEY"]).expanduser().read_bytes(), None
    if os.environ.get("CONFIANCE_PUBLISHER_FINGERPRINT"):
        return None, os.environ["CONFIANCE_PUBLISHER_FINGERPRINT"]
    if settings is not None and services is not None:
        try:
            return public_key_pem(signing_key(settings, services)), None
        except services.key_errors:
            return None, None
    return None, None
