"""Keys of the vault: one master key (KEK) outside the data directory, everything else derived.

The master key is 32 random bytes, read from ``CONFIANCE_MASTER_KEY`` (hex or
base64) or from the key file ``settings.key_file`` (hex, mode 0600). It is never
created silently: ``init_master_key`` creates it explicitly and refuses to
overwrite one. Every other key is derived with HKDF-SHA256, the purpose and the
version in ``info``: the vault database key (``vault-db``), one HMAC key per
pseudonymisation domain (``pseudonym/<domain>``), the audit-chain key, the
publication signing key...

A *key check value* (a truncated HMAC of a constant under the master key, which
reveals nothing about the key) is kept next to the vault in a small unencrypted
sidecar, so that a wrong master key is reported as such instead of silently
creating a new vault.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ENV_VAR = "CONFIANCE_MASTER_KEY"
KEY_BYTES = 32
_HKDF_SALT = b"confiance/hkdf/v1"
_KCV_MESSAGE = b"confiance key check value"
_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


class MasterKeyError(RuntimeError):
    """The master key is missing, malformed, badly protected or not the vault's key."""


def _parse_key(text: str, source: str) -> bytes:
    text = text.strip()
    if _HEX.match(text):
        return bytes.fromhex(text)
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) == KEY_BYTES:
        return raw
    raise MasterKeyError(f"{source}: not a {KEY_BYTES}-byte key written in hex (64 characters) or base64")


def load_master_key(settings: Any) -> bytes:
    """The master key from ``CONFIANCE_MASTER_KEY`` or the 0600 key file; a clear error otherwise."""
    env = os.environ.get(ENV_VAR)
    if env:
        return _parse_key(env, f"environment variable {ENV_VAR}")
    path = Path(settings.key_file)
    if not path.exists():
        raise MasterKeyError(
            f"no master key: set {ENV_VAR} or create the key file {path} "
            f"(`confiance vault init-key`); a vault is never opened with a new key silently"
        )
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise MasterKeyError(
            f"master key file {path} has permissions {mode:04o}; it must be readable by its owner only "
            f"(chmod 600 {path})"
        )
    key = _parse_key(path.read_text(encoding="ascii", errors="replace"), f"master key file {path}")
    home = Path(getattr(settings, "home", "/nonexistent")).resolve()
    if home in path.resolve().parents:
        raise MasterKeyError(f"master key file {path} lies inside the data directory {home}; keys never live there")
    return key


def init_master_key(path: Path) -> Path:
    """Create a new random master key file (hex, mode 0600); refuses to overwrite an existing one."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise MasterKeyError(f"master key file {path} already exists; refusing to overwrite it") from None
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_bytes(KEY_BYTES).hex() + "\n")
    os.chmod(path, 0o600)
    return path


def hkdf(master: bytes, purpose: str, version: int = 1) -> bytes:
    """HKDF-SHA256 of ``master`` with the purpose and version in ``info``."""
    if version < 1:
        raise ValueError("key versions start at 1")
    info = f"confiance/{purpose}/v{version}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=_HKDF_SALT, info=info).derive(master)


def derived_key(settings: Any, purpose: str, version: int = 1) -> bytes:
    """A 32-byte key for ``purpose`` (e.g. ``vault-db``, ``pseudonym/insurer``, ``audit``) and ``version``."""
    return hkdf(load_master_key(settings), purpose, version)


def domain_key(settings: Any, domain: str, version: int) -> bytes:
    """The HMAC-SHA256 key of a pseudonymisation domain at a key version."""
    return derived_key(settings, f"pseudonym/{domain}", version)


def key_check_value(master: bytes) -> str:
    """A short public fingerprint of the master key (reveals nothing about it)."""
    return hmac.new(master, _KCV_MESSAGE, hashlib.sha256).hexdigest()[:16]


# --- the vault's unencrypted sidecar: key check value and database key version ---


def sidecar_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "vault.keycheck.json"


def read_sidecar(settings: Any) -> dict[str, Any] | None:
    path = sidecar_path(settings)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_sidecar(settings: Any, master: bytes, db_key_version: int) -> None:
    path = sidecar_path(settings)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"kcv": key_check_value(master), "db_key_version": db_key_version}, indent=1), encoding="utf-8"
    )
    os.replace(tmp, path)


def check_master_key(settings: Any, master: bytes) -> dict[str, Any] | None:
    """Compare the master key with the vault's key check value; raise MasterKeyError if it differs."""
    side = read_sidecar(settings)
    if side is not None and not hmac.compare_digest(side.get("kcv", ""), key_check_value(master)):
        raise MasterKeyError(
            f"the master key does not match the key of the vault in {settings.vault_dir} "
            "(key check value differs); use the vault's original key"
        )
    return side
