"""Read the ODCS v3 contracts in ``contracts/``: the single source of truth.

Every other part of Confiance (landing checks, the vault -> warehouse crossing,
Great Expectations suites, dbt sources, the glossary site, the processing
register) asks this module about columns, classifications and rules instead of
writing them a second time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from open_data_contract_standard.model import OpenDataContractStandard

from confiance.crossing_rules import Crossing, Versions, decode, decode_versions
from confiance.settings import CONTRACTS_DIR, disclosure_min_cell_size

FEEDS_DIR = CONTRACTS_DIR / "feeds"
MARTS_DIR = CONTRACTS_DIR / "marts"
#: JSON Schema of the custom properties Confiance reads (contracts/README.md explains each one).
CUSTOM_PROPERTIES_SCHEMA = CONTRACTS_DIR / "schema" / "custom-properties.schema.json"

# Classifications used in the contracts, from most to least sensitive.
DIRECT_IDENTIFIER = "direct_identifier"
QUASI_IDENTIFIER = "quasi_identifier"
SENSITIVE = "sensitive"
FREE_TEXT = "free_text"
INTERNAL = "internal"
PUBLIC = "public"
CLASSIFICATIONS = (DIRECT_IDENTIFIER, QUASI_IDENTIFIER, SENSITIVE, FREE_TEXT, INTERNAL, PUBLIC)


class ContractError(ValueError):
    """A contract cannot be used: the message names the file (and line), the column and the property."""


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
    rule: Crossing  # decoded crossing rule (confiance.crossing_rules); a mart column's is Drop

    @property
    def crossing(self) -> str:
        """What reaches the warehouse: token, drop, keep, birth_year_age_band, departement, month, scrub, consent."""
        return self.rule.rule

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
            custom = _custom(p.customProperties)
            physical = p.physicalType or "VARCHAR"
            out.append(
                Column(
                    name=p.name,
                    logical_type=p.logicalType or "string",
                    physical_type=physical,
                    required=bool(p.required),
                    unique=bool(p.unique),
                    primary_key=bool(p.primaryKey),
                    classification=p.classification or INTERNAL,
                    description=(p.description or "").strip(),
                    business_name=p.businessName or p.name,
                    options=dict(p.logicalTypeOptions or {}),
                    custom=custom,
                    quality=tuple(p.quality or ()),
                    rule=decode(self.name, p.name, physical, custom),
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
    def versions(self) -> Versions | None:
        """The version history this feed keeps in the warehouse (schema-level ``versions``), None without one."""
        return decode_versions(self.name, self.table_custom, [c.rule for c in self.columns])

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


@cache
def _custom_validators() -> dict[str, jsonschema.protocols.Validator]:
    """One validator per level (contract, table, column) of the custom-properties schema."""
    schema = json.loads(CUSTOM_PROPERTIES_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return {level: cls({**schema, "$ref": f"#/$defs/{level}"}) for level in ("contract", "table", "column")}


def _schema_error(error: jsonschema.ValidationError, values: dict[str, Any]) -> str:
    """One line naming the offending custom property and the reason, from a JSON Schema error."""
    crossing = values.get("crossing", "drop")
    if error.validator == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = ", ".join(sorted(set(values) - known))
        return f"custom property {unknown}: not a Confiance property (see contracts/README.md)"
    if error.validator == "required":
        missing = [p for p in error.validator_value if p not in values]
        return f"custom property {', '.join(missing)}: required when crossing is {crossing}"
    if error.validator == "not":
        forbidden = {p for v in _required_in(error.validator_value) for p in v}
        return f"custom property {', '.join(sorted(forbidden & set(values)))}: not allowed when crossing is {crossing}"
    prop = error.absolute_path[0] if error.absolute_path else "?"
    return f"custom property {prop}: {error.message}"


def _required_in(schema: Any) -> list[list[str]]:
    if isinstance(schema, dict):
        return ([schema["required"]] if "required" in schema else []) + [
            r for v in schema.values() for r in _required_in(v)
        ]
    if isinstance(schema, list):
        return [r for v in schema for r in _required_in(v)]
    return []


def _mapping_get(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def custom_property_lines(text: str) -> dict[str, int]:
    """Line (1-based) where each level's custom properties start in a contract's YAML: ``contract``,
    ``schema <name>``, ``column <name>`` (the column's own line when it has none), for error messages."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines: dict[str, int] = {}
    if (node := _mapping_get(root, "customProperties")) is not None:
        lines["contract"] = node.start_mark.line + 1
    schema = _mapping_get(root, "schema")
    for table in schema.value if isinstance(schema, yaml.SequenceNode) else []:
        name = _mapping_get(table, "name")
        if (node := _mapping_get(table, "customProperties")) is not None and name is not None:
            lines[f"schema {name.value}"] = node.start_mark.line + 1
        props = _mapping_get(table, "properties")
        for prop in props.value if isinstance(props, yaml.SequenceNode) else []:
            if (name := _mapping_get(prop, "name")) is not None:
                node = _mapping_get(prop, "customProperties")
                lines[f"column {name.value}"] = (node if node is not None else prop).start_mark.line + 1
    return lines


def custom_property_problems(path: Path, odcs: OpenDataContractStandard) -> list[str]:
    """Every custom property of a contract the schema refuses (or given twice), one line each, naming
    the contract file and line, the column (or level) and the property."""
    validators = _custom_validators()
    table = odcs.schema_[0]
    levels: list[tuple[str, str, list | None]] = [
        ("contract", "contract", odcs.customProperties),
        ("table", f"schema {table.name}", table.customProperties),
    ]
    levels += [("column", f"column {p.name}", p.customProperties) for p in table.properties or []]
    found: list[tuple[str, str]] = []  # (where, what)
    for level, where, items in levels:
        names = [item.property for item in items or []]
        twice = sorted({n for n in names if names.count(n) > 1})
        found += [(where, f"custom property {n}: given twice") for n in twice]
        values = _custom(items)
        for error in sorted(validators[level].iter_errors(values), key=lambda e: list(e.absolute_path)):
            found.append((where, _schema_error(error, values)))
    if not found:
        return []
    try:  # lines are looked up only for a refused contract (a second, node-level parse)
        lines = custom_property_lines(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        lines = {}
    problems = [
        f"{path.name}:{lines[where]}: {where}: {what}" if where in lines else f"{path.name}: {where}: {what}"
        for where, what in found
    ]
    return list(dict.fromkeys(problems))  # one line per problem, even when two schema branches report it


#: "k = 11" or "k: 11" written in a contract: k has one home (dbt_project.yml ``vars.disclosure``).
_STATED_K = re.compile(r"(?<![\w.-])k\s*[=:]\s*(\d+)")


def stated_k_problems(path: Path, text: str) -> list[str]:
    """Every line of a contract that states a k other than the project's, naming the file and line."""
    stated = [(n, int(m.group(1))) for n, line in enumerate(text.splitlines(), 1) for m in _STATED_K.finditer(line)]
    if not stated:
        return []
    k = disclosure_min_cell_size()
    return [
        f"{path.name}:{line}: states k = {value}, but the project's k is {k} (set once in dbt_project.yml "
        "vars.disclosure): write that k, or refer to it without a number"
        for line, value in stated
        if value != k
    ]


def load_contract(path: Path) -> Contract:
    """Parse and check one contract: ODCS v3, one schema object, Confiance's custom properties (schema), and
    any k it states (the project's, :func:`stated_k_problems`)."""
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    try:
        odcs = OpenDataContractStandard.model_validate(raw)
    except Exception as exc:  # pydantic's message names the offending field
        raise ContractError(f"{path.name}: not a valid ODCS contract: {exc}") from exc
    if not odcs.schema_ or len(odcs.schema_) != 1:
        raise ContractError(f"{path.name}: a Confiance contract describes exactly one schema object")
    problems = custom_property_problems(path, odcs) + stated_k_problems(path, text)
    if problems:
        raise ContractError("; ".join(problems))
    return Contract(path=path, odcs=odcs)


@cache
def feed_contracts() -> dict[str, Contract]:
    """The source-feed contracts by feed name (members, contracts, benefits), in landing order."""
    contracts = {c.name: c for c in (load_contract(p) for p in sorted(FEEDS_DIR.glob("*.odcs.yaml")))}
    order = ["members", "contracts", "benefits"]
    return {
        name: contracts[name] for name in sorted(contracts, key=lambda n: (order.index(n) if n in order else 99, n))
    }


def warehouse_tables() -> dict[str, Contract]:
    """Every ``pseudo.<table>`` the crossing writes -> the feed contract it comes from: each feed's own table, then
    each feed's versions table (``Contract.versions``: ``member_versions`` -> members)."""
    feeds = feed_contracts()
    out = dict(feeds)
    for contract in feeds.values():
        if contract.versions is not None:
            out[contract.versions.table] = contract
    return out


@cache
def mart_contracts() -> dict[str, Contract]:
    """The published-mart contracts by mart name."""
    return {c.name: c for c in (load_contract(p) for p in sorted(MARTS_DIR.glob("**/*.odcs.yaml")))}


def feed_contract(name: str) -> Contract:
    try:
        return feed_contracts()[name]
    except KeyError:
        raise KeyError(f"no contract for feed {name!r}; known feeds: {', '.join(feed_contracts())}") from None
