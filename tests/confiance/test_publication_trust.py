"""Verification a consumer can trust, and publications that survive a kill.

- the publisher's key is pinned: a folder re-signed with another key (and its public_key.pem replaced)
  does not verify, by the library, by `confiance publish --verify` and by plain openssl;
- published Parquet has a canonical row order: identical content gives identical bytes;
- a publication killed between folder swaps leaves no staging folder, no missing folder, and an audit
  record of what was swapped in, once the next publication starts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from confiance.cli import main
from confiance.pipeline_inputs import publication_services
from confiance.settings import Settings
from governance import publish
from vault import audit


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "var"))
    for var in ("CONFIANCE_PUBLISHER_KEY", "CONFIANCE_PUBLISHER_FINGERPRINT"):
        monkeypatch.delenv(var, raising=False)
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    return s


def _table(seed: int = 1, n: int = 200) -> pa.Table:
    import random

    rnd = random.Random(seed)
    rows = [
        {
            "region": rnd.choice(["11", "24", "84", None]),
            "age_band": rnd.choice(["30-34", "35-39"]),
            "members": rnd.randrange(11, 500),
            "amount": rnd.choice([None, round(rnd.uniform(0, 1e4), 2)]),
        }
        for _ in range(n)
    ]
    return pa.Table.from_pylist(rows)


def _folder(settings: Settings, consumer: str = "insurer", run_id: str = "r1") -> Path:
    """A folder signed by the real publisher key, as the gate stages one."""
    folder = settings.published / f".publishing-test/{consumer}"
    folder.mkdir(parents=True)
    path = folder / "mart_insurer__consumption.parquet"
    rows = publish._write_parquet(_table(), path)
    files = [publish._file_entry(path, "mart_insurer__consumption", rows, {"k": {"passed": True}})]
    publish._sign_folder(settings, publication_services(), folder, consumer, run_id, files, {})
    final = settings.published / consumer
    publish._replace_folder(folder, final)
    shutil.rmtree(settings.published / ".publishing-test")
    return final


def _forge(folder: Path) -> None:
    """Change a file, re-hash it, re-sign the manifest with a new key and ship that key in the folder."""
    path = folder / "mart_insurer__consumption.parquet"
    table = pq.read_table(path)
    table = table.set_column(2, "members", pa.array([5] * table.num_rows, pa.int64()))
    pq.write_table(table, path)
    manifest = json.loads((folder / publish.MANIFEST).read_text())
    manifest["files"][0]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    body = json.dumps(manifest, indent=2, sort_keys=True).encode()
    other = Ed25519PrivateKey.generate()
    (folder / publish.MANIFEST).write_bytes(body)
    (folder / publish.SIGNATURE).write_bytes(base64.b64encode(other.sign(body)))
    (folder / publish.PUBLIC_KEY).write_bytes(publish.public_key_pem(other))


def test_parquet_row_order_is_canonical(tmp_path):
    table = _table()
    shuffled = table.take(pa.array(list(reversed(range(table.num_rows)))))
    publish._write_parquet(table, tmp_path / "a.parquet")
    publish._write_parquet(shuffled, tmp_path / "b.parquet")
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert pq.read_table(tmp_path / "a.parquet").num_rows == table.num_rows


def test_a_folder_resigned_with_another_key_is_refused_when_the_key_is_pinned(settings: Settings, tmp_path):
    folder = _folder(settings)
    pem = publish.public_key_pem(publish.signing_key(settings, publication_services()))
    fingerprint = publish.key_fingerprint(pem)
    assert publish.verify_folder(folder, fingerprint=fingerprint)[0]
    assert publish.verify_folder(folder, public_key=pem)[0]
    _forge(folder)
    # the attack the issue describes: trusting the key shipped in the folder verifies the forgery
    assert publish.verify_manifest(folder)
    ok, why = publish.verify_folder(folder, fingerprint=fingerprint)
    assert not ok and "another key" in why
    ok, why = publish.verify_folder(folder, public_key=pem)
    assert not ok and "signature" in why
    assert not publish.verify_folder(folder)[0]  # no pin, no trust


def test_cli_verify_pins_the_key(settings: Settings, tmp_path, monkeypatch):
    folder = _folder(settings)
    runner = CliRunner()
    exported = tmp_path / "publisher.pem"
    result = runner.invoke(main, ["publish", "--export-key", str(exported)])
    assert result.exit_code == 0, result.output
    fingerprint = publish.key_fingerprint(exported.read_bytes())
    assert fingerprint in result.output
    # a consumer: no master key, the fingerprint received out of band
    monkeypatch.delenv("CONFIANCE_MASTER_KEY")
    monkeypatch.setenv("CONFIANCE_KEY_FILE", str(tmp_path / "none.key"))
    result = runner.invoke(main, ["publish", "--verify", str(folder), "--fingerprint", f"SHA256:{fingerprint}"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["publish", "--verify", str(folder)])
    assert result.exit_code == 1 and "no pinned publisher key" in result.output
    monkeypatch.setenv("CONFIANCE_PUBLISHER_KEY", str(exported))
    assert runner.invoke(main, ["publish", "--verify", str(folder)]).exit_code == 0
    _forge(folder)
    result = runner.invoke(main, ["publish", "--verify", str(folder)])
    assert result.exit_code == 1 and "does NOT verify" in result.output
    result = runner.invoke(main, ["publish", "--verify", str(folder), "--fingerprint", fingerprint])
    assert result.exit_code == 1 and "another key" in result.output


@pytest.mark.skipif(
    shutil.which("openssl") is None or shutil.which("sha256sum") is None,
    reason="openssl and sha256sum are what a consumer without Confiance uses",
)
def test_a_consumer_without_confiance_verifies_with_openssl(settings: Settings, tmp_path):
    """The commands documented in the README's security section."""
    folder = _folder(settings)
    pinned = tmp_path / "publisher.pem"
    pinned.write_bytes(publish.public_key_pem(publish.signing_key(settings, publication_services())))
    script = textwrap.dedent("""
        set -e
        cd "$FOLDER"
        openssl pkey -pubin -in "$PINNED" -outform DER | sha256sum | cut -d' ' -f1
        base64 -d manifest.sig > "$TMP/manifest.sig.bin"
        openssl pkeyutl -verify -pubin -inkey "$PINNED" -rawin -in manifest.json -sigfile "$TMP/manifest.sig.bin"
        python3 -c 'import json,hashlib,sys
        m = json.load(open("manifest.json"))
        bad = [f["name"] for f in m["files"] if hashlib.sha256(open(f["name"], "rb").read()).hexdigest() != f["sha256"]]
        sys.exit(1 if bad else 0)' && echo "files OK"
    """)
    env = {**os.environ, "FOLDER": str(folder), "PINNED": str(pinned), "TMP": str(tmp_path)}
    proc = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.split("\n")
    assert lines[0] == publish.key_fingerprint(pinned.read_bytes())
    assert "Signature Verified Successfully" in proc.stdout and "files OK" in proc.stdout
    _forge(folder)
    proc = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert proc.returncode != 0 and "Signature Verified Successfully" not in proc.stdout


def test_publication_killed_between_swaps_is_recovered_and_audited(settings: Settings, tmp_path):
    """A real process publishing two employer folders is SIGKILLed mid-swap; the next publication finds
    every folder complete (the previous release put back where the new one never arrived), no staging left,
    and audits the interruption."""
    for siret in ("12345678900011", "12345678900029"):
        _folder(settings, consumer=f"employer/{siret}", run_id="run_1")
    publish._journal_path(settings).unlink()  # run_1 completed (publish_all removes the journal once audited)
    script = textwrap.dedent(f"""
        import os, signal, pathlib, shutil
        from confiance.pipeline_inputs import publication_services
        from confiance.settings import Settings
        from governance import publish
        import pyarrow as pa
        s = Settings(home=pathlib.Path({str(settings.home)!r}), key_file=pathlib.Path({str(settings.key_file)!r}))
        staging = pathlib.Path(s.published) / ".publishing-run2"
        folders = []
        for siret in ("12345678900011", "12345678900029"):
            folder = staging / "employer" / siret
            folder.mkdir(parents=True)
            path = folder / "mart_insurer__consumption.parquet"
            rows = publish._write_parquet(pa.table({{"x": [1, 2, 3]}}), path)
            publish._sign_folder(s, publication_services(), folder, "employer/" + siret, "run_2",
                                 [publish._file_entry(path, "m", rows, {{}})], {{}})
            folders.append((folder, pathlib.Path(s.published) / "employer" / siret))
        publish._replace_folder(*folders[0])
        real = pathlib.Path.rename
        def rename(self, target):
            result = real(self, target)
            if ".old-" in pathlib.Path(target).name:
                os.kill(os.getpid(), signal.SIGKILL)   # the second folder set aside, the new one not in yet
            return result
        pathlib.Path.rename = rename
        publish._replace_folder(*folders[1])
    """)
    proc = subprocess.run([sys.executable, "-c", script], env=os.environ.copy(), capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    employer = settings.published / "employer"
    assert not (employer / "12345678900029").exists() and (employer / ".12345678900029.old-run_2").exists()
    assert (settings.published / ".publishing-run2").exists()

    details = publish.recover_publication(settings, publication_services())
    assert details == {
        "staging_folders_removed": 1,
        "previous_releases_restored": 1,
        "set_aside_removed": 0,
        "interrupted_run_ids": ["run_2"],
        "folders_swapped_before_interruption": 2,
    }
    assert sorted(p.name for p in employer.iterdir()) == ["12345678900011", "12345678900029"]
    assert not list(settings.published.glob(".publishing-*"))
    runs = {
        json.loads((employer / s / publish.MANIFEST).read_text())["run_id"]
        for s in ("12345678900011", "12345678900029")
    }
    assert runs == {"run_1", "run_2"}  # what the audit entry says: one swapped in, one previous release restored
    pem = publish.public_key_pem(publish.signing_key(settings, publication_services()))
    for folder in employer.iterdir():
        assert publish.verify_folder(folder, public_key=pem)[0], folder
    entry = audit.entries(settings)[-1]
    assert entry["action"] == "recovery.publication_interrupted" and entry["actor"] == publish.ACTOR
    assert audit.verify(settings)[0]
    assert publish.recover_publication(settings, publication_services()) is None  # nothing left to recover
