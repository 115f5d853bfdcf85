"""Read the ODCS v3 contracts in ``contracts/``: the single source of truth.

Every other part of Confiance (landing checks, the vault -> warehouse crossing,
Great Expectations suites, dbt sources, the glossary site, the processing
register) asks this module about columns, classifications and rules instead of
writing them a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from open_data_contract_standard.model import OpenDataContractStandard

from confiance.settings import CONTRACTS_DIR

FEEDS_DIR = CONTRACTS_DIR / "feeds"
MARTS_DIR = CONTRACTS_DIR / "marts"

# Classifications used in the contracts, from most to least sensitive.
DIRECT_IDENTIFIER = "direct_identifier"
QUASI_IDENTIFIER = "quasi_identifier"
SENSITIVE = "sensitive"
FREE_TEXT = "free_text"
INTERNAL = "internal"
PUBLIC = "public"
CLASSIFICATIONS = (DIRECT_IDENTIFIER, QUASI_IDENTIFIER, SENSITIVE, FREE_TEXT, INTERNAL, PUBLIC)


def _custom(items: list | None) -> dict[str, Any]:
    return {item.property: item.value for item in (items or [])}


@dataclass(frozen=True)
class Column:
    """One property of a contract's schema, with Confiance's custom properties flattened."""

    name: str
    logical_type: str
    physical_type: str
    required: bool
    unique: bool
    primary_key: bool
    classification: str
    description: str
    business_name: str
    options: dict[str, Any]
    custom: dict[str, Any]
    quality: tuple[Any, ...]

    @property
    def crossing(self) -> str:
        """What reaches the warehouse: token, drop, keep, birth_year_age_band, departement, month, scrub, consent."""
        return self.custom.get("crossing", "drop")

    @property
    def glossary_term(self) -> str | None:
        return self.custom.get("glossary_term")


@dataclass(frozen=True)
class Contract:
    """A parsed ODCS contract with one schema object (a feed or a mart)."""

    path: Path
    odcs: OpenDataContractStandard

    @property
    def name(self) -> str:
        return self.odcs.name

    @property
    def table(self) -> Any:
        return self.odcs.schema_[0]

    @property
    def columns(self) -> list[Column]:
        out = []
        for p in self.table.properties or []:
            out.append(
                Column(
                    name=p.name,
                    logical_type=p.logicalType or "string",
                    physical_type=p.physicalType or "VARCHAR",
                    required=bool(p.required),
                    unique=bool(p.unique),
                    primary_key=bool(p.primaryKey),
                    classification=p.classification or INTERNAL,
                    description=(p.description or "").strip(),
                    business_name=p.businessName or p.name,
                    options=dict(p.logicalTypeOptions or {}),
                    custom=_custom(p.customProperties),
                    quality=tuple(p.quality or ()),
                )
            )
        return out

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name}: no column {name!r} in contract {self.path.name}")

    @property
    def table_custom(self) -> dict[str, Any]:
        return _custom(self.table.customProperties)

    @property
    def custom(self) -> dict[str, Any]:
        return _custom(self.odcs.customProperties)

    @property
    def table_quality(self) -> tuple[Any, ...]:
        return tuple(self.table.quality or ())

    @property
    def sla(self) -> dict[str, Any]:
        """SLA properties by name (latency, frequency, retention...)."""
        return {s.property: s for s in (self.odcs.slaProperties or [])}

    @property
    def file_pattern(self) -> str:
        return self.table_custom.get("file_pattern", f"{self.name}*")

    def columns_by_classification(self, classification: str) -> list[Column]:
        return [c for c in self.columns if c.classification == classification]


def load_contract(path: Path) -> Contract:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    try:
        odcs = OpenDataContractStandard.model_validate(raw)
    except Exception as exc:  # pydantic's message names the offending field
        raise ValueError(f"{path.name}: not a valid ODCS contract: {exc}") from exc
    if not odcs.schema_ or len(odcs.schema_) != 1:
        raise ValueError(f"{path.name}: a Confiance contract describes exactly one schema object")
    return Contract(path=path, odcs=odcs)


@cache
def feed_contracts() -> dict[str, Contract]:
    """The source-feed contracts by feed name (members, contracts, benefits), in landing order."""
    contracts = {c.name: c for c in (load_contract(p) for p in sorted(FEEDS_DIR.glob("*.odcs.yaml")))}
    order = ["members", "contracts", "benefits"]
    return {
        name: contracts[name] for name in sorted(contracts, key=lambda n: (order.index(n) if n in order else 99, n))
    }


@cache
def mart_contracts() -> dict[str, Contract]:
    """The published-mart contracts by mart name."""
    return {c.name: c for c in (load_contract(p) for p in sorted(MARTS_DIR.glob("**/*.odcs.yaml")))}


def feed_contract(name: str) -> Contract:
    try:
        return feed_contracts()[name]
    except KeyError:
        raise KeyError(f"no contract for feed {name!r}; known feeds: {', '.join(feed_contracts())}") from None
