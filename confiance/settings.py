"""Runtime settings: where the data directory, the master key and the consumers live.

Everything Confiance writes lives under one data directory (``CONFIANCE_HOME``,
default ``./var``), so a demo is wiped with one ``rm -rf``. The master key never
lives there: it is read from ``CONFIANCE_MASTER_KEY`` (hex or base64) or from the
file named by ``CONFIANCE_KEY_FILE`` (default ``~/.config/confiance/master.key``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTRACTS_DIR = REPO_ROOT / "contracts"
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

# The pseudonymisation domain of the insurer's warehouse.
WAREHOUSE_DOMAIN = "insurer"
#: The one home of the disclosure parameters (k, l, dominance...): ``vars.disclosure`` of the dbt project,
#: which dbt masks with and the publication gate reads.
DBT_PROJECT_FILE = DBT_PROJECT_DIR / "dbt_project.yml"


def disclosure_min_cell_size(project_file: Path = DBT_PROJECT_FILE) -> int:
    """k, the minimum population of a published cell, from ``vars.disclosure`` in dbt_project.yml.

    Every consumer's ``k`` must be set there and be the same (the gate checks one k for all).
    """
    import yaml

    with open(project_file, encoding="utf-8") as fh:
        disclosure = ((yaml.safe_load(fh) or {}).get("vars") or {}).get("disclosure") or {}
    ks = {consumer: (cfg or {}).get("k") for consumer, cfg in disclosure.items()}
    if not ks or any(not isinstance(k, int) or isinstance(k, bool) or k < 2 for k in ks.values()):
        raise ValueError(f"{project_file.name}: vars.disclosure must give every consumer an integer k >= 2 ({ks})")
    if len(set(ks.values())) != 1:
        raise ValueError(
            f"{project_file.name}: vars.disclosure gives consumers different k ({ks}); "
            "the publication gate checks one k for all"
        )
    return next(iter(ks.values()))


@dataclass(frozen=True)
class Settings:
    """Paths and parameters of one Confiance installation."""

    home: Path
    key_file: Path
    warehouse_domain: str = WAREHOUSE_DOMAIN
    min_cell_size: int = field(default_factory=disclosure_min_cell_size)  # k: dbt_project.yml, its one home
    extra: dict = field(default_factory=dict)

    # --- zones -----------------------------------------------------------
    @property
    def inbox(self) -> Path:
        return self.home / "inbox"

    @property
    def vault_dir(self) -> Path:
        return self.home / "vault"

    @property
    def vault_db(self) -> Path:
        return self.vault_dir / "vault.duckdb"

    @property
    def warehouse_db(self) -> Path:
        return self.home / "warehouse" / "warehouse.duckdb"

    @property
    def published(self) -> Path:
        return self.home / "published"

    @property
    def site(self) -> Path:
        return self.home / "site"

    @property
    def reports(self) -> Path:
        return self.home / "reports"

    @property
    def quality_dir(self) -> Path:
        return self.home / "quality"

    @property
    def dbt_target_dir(self) -> Path:
        return self.home / "dbt" / "target"

    def ensure_dirs(self) -> None:
        for path in (
            self.inbox,
            self.vault_dir,
            self.warehouse_db.parent,
            self.published,
            self.site,
            self.reports,
            self.quality_dir,
        ):
            path.mkdir(parents=True, exist_ok=True)
        # The vault folder is readable by its owner only.
        os.chmod(self.vault_dir, 0o700)


#: Who the DPO documents name (GDPR art. 13-14, 30): ``CONFIANCE_CONTROLLER``, ``CONFIANCE_DPO`` and
#: ``CONFIANCE_TRUSTED_THIRD_PARTY`` override the ``controller`` block of contracts/processing_register.yaml.
CONTROLLER_ENV = {
    "name": "CONFIANCE_CONTROLLER",
    "dpo": "CONFIANCE_DPO",
    "trusted_third_party": "CONFIANCE_TRUSTED_THIRD_PARTY",
}


def controller_identity() -> dict[str, str]:
    """The controller's name, its DPO and the trusted third party, from the environment or the register file."""
    import yaml

    register = CONTRACTS_DIR / "processing_register.yaml"
    block: dict = {}
    if register.is_file():
        with open(register, encoding="utf-8") as fh:
            block = (yaml.safe_load(fh) or {}).get("controller") or {}
    return {key: os.environ.get(env) or str(block.get(key) or "") for key, env in CONTROLLER_ENV.items()}


def default_key_file() -> Path:
    return Path(os.environ.get("CONFIANCE_KEY_FILE", "~/.config/confiance/master.key")).expanduser()


def get_settings(home: str | os.PathLike | None = None) -> Settings:
    """Settings from the environment, with ``home`` overriding ``CONFIANCE_HOME``."""
    root = Path(home or os.environ.get("CONFIANCE_HOME", "var")).expanduser().resolve()
    k = disclosure_min_cell_size()
    if os.environ.get("CONFIANCE_MIN_CELL_SIZE", str(k)).strip() != str(k):
        # dbt masks with the k of dbt_project.yml: a different k here would check cells dbt did not protect.
        raise ValueError(
            f"CONFIANCE_MIN_CELL_SIZE={os.environ['CONFIANCE_MIN_CELL_SIZE']} disagrees with k = {k} "
            f"in {DBT_PROJECT_FILE.name} (vars.disclosure), the one home of k: change it there"
        )
    return Settings(
        home=root,
        key_file=default_key_file(),
        warehouse_domain=os.environ.get("CONFIANCE_WAREHOUSE_DOMAIN", WAREHOUSE_DOMAIN),
        min_cell_size=k,
    )
