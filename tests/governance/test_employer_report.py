"""What an employer receives, checked as the employer (and an auditor) would, on the demo's published folders.

Written from issue 13's "Done when" and DESIGN.md's attacker model: every number shown (HTML, CSV, XLSX) is a
published Parquet value; nothing in a folder names another employer; an employer told "reported" has published
figures; the others get an honest statement, counted; the folder verifies without Confiance, against the key
received out of band; the delivery index is for the mutuelle only.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from confiance.pipeline_inputs import publication_services

PAGES = ("rapport_fr.html", "report_en.html")
PDFS = {"rapport_fr.html": "rapport_fr.pdf", "report_en.html": "report_en.pdf"}
STATUSES = {"reported", "nothing_publishable", "too_small_to_report", "no_closed_period"}
OWN = ("mart_employer__yearly.parquet", "mart_employer__totals.parquet", "mart_employer__consumption.parquet")


# --- helpers -------------------------------------------------------------------------------------------


class _Figures(HTMLParser):
    """Every element carrying data-column (a figure), with its text; and the page's text outside <svg>."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, str]] = []
        self._open: list[dict[str, str] | None] = []
        self._svg = 0
        self.text: list[str] = []
        self.unpublished: list[str] = []
        self._np = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self._svg += 1
        self._np = "np" in (a.get("class") or "").split()
        self._open.append({**a, "text": ""} if "data-column" in a else None)

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg -= 1
        if self._open:
            item = self._open.pop()
            if item is not None:
                self.figures.append(item)

    def handle_data(self, data):
        if self._svg:
            return
        self.text.append(data)
        if self._np:
            self.unpublished.append(data)
        for item in self._open:
            if item is not None:
                item["text"] += data


def parse_page(path: Path) -> _Figures:
    parser = _Figures()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def shown_number(text: str, lang: str) -> Decimal:
    """'1 234,56' (French: narrow no-break space, decimal comma) or '1,234.56' (English) -> Decimal."""
    t = text.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    return Decimal(t.replace(",", ".") if lang == "fr" else t.replace(",", ""))


def _as_text(v) -> str:
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def matching_rows(rows: list[dict], key: str) -> list[dict]:
    pairs = dict(p.split("=", 1) for p in key.split("|"))
    return [r for r in rows if all(_as_text(r.get(c)) == v for c, v in pairs.items())]


def employer_folders(settings) -> list[Path]:
    return sorted(p for p in (settings.published / "employer").iterdir() if p.is_dir())


def summary_row(folder: Path) -> dict:
    rows = pq.read_table(folder / "mart_employer__summary.parquet").to_pylist()
    assert len(rows) == 1
    return rows[0]


@pytest.fixture(scope="module")
def demo(demo_run):
    settings, _results = demo_run
    folders = employer_folders(settings)
    assert folders, "the demo publishes employer folders"
    return settings, folders


# --- every number shown is a published value --------------------------------------------------------------


def test_every_number_in_the_html_pages_is_the_published_parquet_value(demo):
    settings, folders = demo
    checked = 0
    for folder in folders:
        tables = {p.stem: pq.read_table(p).to_pylist() for p in folder.glob("*.parquet")}
        for page in PAGES:
            parsed = parse_page(folder / page)
            for fig in parsed.figures:
                rows = matching_rows(tables[fig["data-mart"]], fig["data-key"])
                assert len(rows) == 1, (folder.name, page, fig)
                row = rows[0]
                assert row["masking"] == "none", (folder.name, page, fig)  # a masked cell never shows a value
                assert row[fig["data-column"]] is not None
                lang = "fr" if page.endswith("_fr.html") else "en"
                expected = Decimal(str(row[fig["data-column"]]))
                assert shown_number(fig["text"], lang) == expected, (folder.name, page, fig)
                checked += 1
            # cells shown as not published carry no number at all
            assert not any(re.search(r"\d", t) for t in parsed.unpublished), (folder.name, page)
    assert checked > 100


def _csv_rows(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: UTF-8 with BOM"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def _dictionary(folder: Path) -> dict[tuple[str, str], dict]:
    """(file, French header) -> dictionary row, from the folder's column dictionary."""
    return {(r["fichier"], r["colonne"]): r for r in _csv_rows(folder / "dictionnaire_des_colonnes.csv")}


def test_every_number_in_the_csv_and_xlsx_copies_is_the_published_parquet_value(demo):
    """Row by row, in the Parquet's row order after sorting on the dimensions, each number equals its source;
    the column dictionary names every column; masked rows are empty and say so."""
    settings, folders = demo
    copies = {
        "total_annuel.csv": ("mart_employer__yearly", "Total annuel"),
        "totaux_annuels.csv": ("mart_employer__totals", "Totaux annuels"),
        "consommation_detaillee.csv": ("mart_employer__consumption", "Consommation détaillée"),
        "comparaison_employeurs.csv": ("mart_employer__benchmark", "Comparaison employeurs"),
    }
    compared = 0
    for folder in folders[:: max(1, len(folders) // 40)]:  # forty folders across sizes keep this quick
        dictionary = _dictionary(folder)
        workbook = openpyxl.load_workbook(folder / "donnees.xlsx", read_only=True)
        for name, (mart, sheet) in copies.items():
            parquet = folder / f"{mart}.parquet"
            if not parquet.exists():
                assert not (folder / name).exists()
                continue
            source = pq.read_table(parquet).to_pylist()
            rows = _csv_rows(folder / name)
            xlsx = list(workbook[sheet].iter_rows(values_only=True))
            header = list(xlsx[0])
            assert header == list(rows[0].keys()) if rows else True
            assert len(rows) == len(source) == len(xlsx) - 1, (folder.name, name)
            numeric = {h for h in header if dictionary[(name, h)]["unit"] in ("euros", "people", "acts")}
            assert numeric, name
            published = header[-1]
            # each source row is matched to exactly one copy row through its numbers and publication flag
            by_numbers = sorted(
                tuple(_number(r[c]) for c in sorted(_source_columns(dictionary, name, numeric))) + (r["masking"],)
                for r in source
            )
            from_csv = sorted(
                tuple(_csv_value(row[h]) for h in _ordered(dictionary, name, numeric))
                + ("none" if row[published] == "oui" else "masked",)
                for row in rows
            )
            from_xlsx = sorted(
                tuple(_xlsx_value(dict(zip(header, r, strict=True))[h]) for h in _ordered(dictionary, name, numeric))
                + ("none" if dict(zip(header, r, strict=True))[published] == "oui" else "masked",)
                for r in xlsx[1:]
            )
            assert from_csv == by_numbers, (folder.name, name)
            assert from_xlsx == by_numbers, (folder.name, name)
            compared += len(source)
        workbook.close()
    assert compared > 1000


def _source(dictionary, name, header) -> str:
    """The Parquet column a copy's column comes from, as the column dictionary names it (file.parquet:column)."""
    return dictionary[(name, header)]["source_parquet"].split(":", 1)[1]


def _source_columns(dictionary, name, numeric) -> list[str]:
    return [_source(dictionary, name, h) for h in numeric]


def _ordered(dictionary, name, numeric) -> list[str]:
    """French headers in the order of their Parquet columns, sorted like _source_columns."""
    pairs = sorted((_source(dictionary, name, h), h) for h in numeric)
    return [h for _, h in pairs]


def _number(value) -> str:
    """A value as a number to the cent ('None' when empty): 12, 12.0 and Decimal('12.00') compare equal."""
    return "None" if value is None else str(Decimal(str(value)).quantize(Decimal("0.01")))


def _csv_value(text: str) -> str:
    """A French CSV number (decimal comma, no thousands separator)."""
    return _number(None if text == "" else text.replace(",", "."))


def _xlsx_value(value) -> str:
    return _number(None if value is None else (f"{value:.2f}" if isinstance(value, float) else value))


# --- isolation: nothing names another employer ---------------------------------------------------------------


def _folder_text(folder: Path) -> str:
    parts = []
    for path in folder.iterdir():
        if path.suffix == ".parquet":
            table = pq.read_table(path)
            parts += [str(v) for col in table.columns for v in col.to_pylist() if isinstance(v, str)]
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
        elif path.suffix == ".pdf":
            continue  # printed from the HTML page checked here
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(html.unescape(text) if path.suffix == ".html" else text)
    return "\n".join(parts)


def test_nothing_in_an_employer_folder_names_another_employer(demo):
    settings, folders = demo
    index = json.loads((settings.reports / "employer_deliveries.json").read_text(encoding="utf-8"))
    names = {d["siret"]: d["name"] for d in index["deliveries"]}
    assert set(names) == {f.name for f in folders}
    assert all(names[s] and names[s] != s for s in names), "every employer has its raison sociale"
    assert len(set(names.values())) == len(names)
    pattern = re.compile("|".join(re.escape(v) for v in sorted({*names, *names.values()}, key=len, reverse=True)))
    for folder in folders:
        text = _folder_text(folder)
        found = set(pattern.findall(text))
        assert found <= {folder.name, names[folder.name]}, (folder.name, found - {folder.name, names[folder.name]})
        assert names[folder.name] in html.unescape((folder / "rapport_fr.html").read_text(encoding="utf-8"))


# --- statuses: reported means published figures; the others are told why, and counted ------------------------


def test_reported_employers_have_published_figures_and_the_others_an_honest_statement(demo_run, demo):
    settings, results = demo_run
    _, folders = demo
    statuses: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for folder in folders:
        summary = summary_row(folder)
        status = summary["report_status"]
        assert status in STATUSES
        statuses[status] += 1
        own = [r for name in OWN if (folder / name).exists() for r in pq.read_table(folder / name).to_pylist()]
        published_care = [r for r in own if r["masking"] == "none" and (r["member_count"] or 0) > 0]
        meta = json.loads(
            (folder / "rapport_fr.html")
            .read_text(encoding="utf-8")
            .split('name="confiance-report-status" content="')[1]
            .split('"')[0]
            .join(['"', '"'])
        )
        assert meta == status, folder.name
        page = parse_page(folder / "rapport_fr.html")
        text = " ".join(page.text)
        if status == "reported":
            assert published_care, f"{folder.name} is told its figures are reported but none is published"
            # and the page itself shows at least one of the employer's own published figures (not only the
            # benchmark shared by everyone, nor the headcount)
            own_shown = [f for f in page.figures if f["data-mart"] + ".parquet" in OWN]
            assert own_shown, f"{folder.name} is told its figures are reported but its page shows none of them"
        else:
            assert not published_care
            assert "Trop petit" in summary["statement_fr"] or "Aucun" in summary["statement_fr"]
            assert summary["statement_fr"] in text
            assert "reported in the other files" not in summary["statement_en"]
    # both sides of the rule are exercised: reported employers (the browser test opens three) and others
    assert statuses["reported"] >= 3 and statuses["too_small_to_report"] > 0
    counted = results["publish"]["employers"]
    assert counted["folders"] == len(folders)
    for status, n in statuses.items():
        assert counted[status] == n, status
    from confiance.summary import render_summary

    assert "too small to report" in render_summary(settings)


def test_each_manifest_carries_its_own_figures_and_names_its_signing_key(demo):
    from governance.publish import key_fingerprint, public_key_pem, signing_key, verify_folder

    settings, folders = demo
    fingerprint = key_fingerprint(public_key_pem(signing_key(settings, publication_services())))
    shares = set()
    for folder in folders:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["signature"]["key_fingerprint"] == fingerprint
        # its own files: every Parquet file but the benchmark shared by all employers
        own = [r for p in folder.glob("*.parquet") if "benchmark" not in p.name for r in pq.read_table(p).to_pylist()]
        employer = manifest["employer"]
        assert employer["own_cells"] == len(own)
        assert employer["own_masked_cells"] == sum(r["masking"] == "masked" for r in own)
        if own:
            assert employer["own_masked_cell_share"] == pytest.approx(employer["own_masked_cells"] / len(own))
            shares.add(round(employer["own_masked_cell_share"], 6))
        listed = {e["name"] for e in manifest["files"] + manifest["documents"]}
        assert {p.name for p in folder.iterdir()} - listed == {"manifest.json", "manifest.sig", "public_key.pem"}
        assert {*PAGES, *PDFS.values(), "donnees.xlsx", "LISEZMOI.txt", "SHA256SUMS"} <= listed
        assert verify_folder(folder, fingerprint=fingerprint)[0], folder.name
    assert len(shares) > 5, "each employer's manifest has its own masked share, not the mart's"


# --- verification without Confiance -----------------------------------------------------------------------------


def _readme_block(folder: Path) -> tuple[list[str], str]:
    """The OpenSSL commands and the Python one-liner exactly as LISEZMOI.txt documents them."""
    text = (folder / "LISEZMOI.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("2. "))
    commands = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        commands.append(line.strip())
    python = next(line.strip() for line in lines if line.strip().startswith("python3 -c"))
    return commands, python


def test_a_folder_verifies_with_openssl_and_python_alone_and_tampering_is_caught(demo, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from governance.publish import public_key_pem, signing_key

    settings, folders = demo
    folder = tmp_path / "dossier"
    shutil.copytree(folders[len(folders) // 2], folder)
    pinned = tmp_path / "CLE_PUBLIQUE_MUTUELLE.pem"  # what the mutuelle gave out of band
    pinned.write_bytes(public_key_pem(signing_key(settings, publication_services())))
    commands, python = _readme_block(folder)
    script = "set -e\n" + "\n".join(commands).replace("CLE_PUBLIQUE_MUTUELLE.pem", str(pinned))
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}

    def openssl() -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True)

    def one_liner() -> subprocess.CompletedProcess:
        line = python.replace("DOSSIER", str(folder)).replace("CLE_PUBLIQUE_MUTUELLE.pem", str(pinned))
        # the venv's interpreter for the cryptography package, isolated (-I): nothing of Confiance is imported
        line = line.replace("python3 -c", f"{Path(__import__('sys').executable)} -I -c", 1)
        return subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True)

    ok = openssl()
    assert ok.returncode == 0 and "Signature Verified Successfully" in ok.stdout, ok.stdout + ok.stderr
    assert "SHA256SUMS: OK" in ok.stdout
    ok = one_liner()
    assert ok.returncode == 0 and ok.stdout.startswith("OK"), ok.stdout + ok.stderr
    fingerprint = subprocess.run(
        ["bash", "-c", f"openssl pkey -pubin -in {pinned} -outform DER | sha256sum"],
        env=env,
        capture_output=True,
        text=True,
    ).stdout.split()[0]
    assert fingerprint == json.loads((folder / "manifest.json").read_text())["signature"]["key_fingerprint"]

    # a changed figure in a copy: the checksums catch it
    csv_file = folder / "totaux_annuels.csv"
    original = csv_file.read_bytes()
    csv_file.write_bytes(original.replace(b";oui", b";non", 1) if b";oui" in original else original + b"x")
    assert openssl().returncode != 0
    bad = one_liner()
    assert bad.returncode != 0 and "totaux_annuels.csv" in bad.stderr
    csv_file.write_bytes(original)

    # someone re-signs the folder with their own key and ships their public_key.pem: the pinned key refuses it
    other = Ed25519PrivateKey.generate()
    body = (folder / "manifest.json").read_bytes()
    import base64

    (folder / "manifest.sig").write_bytes(base64.b64encode(other.sign(body)))
    (folder / "public_key.pem").write_bytes(
        other.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    )
    refused = openssl()
    assert refused.returncode != 0 and "Signature Verified Successfully" not in refused.stdout
    assert one_liner().returncode != 0


# --- delivery -------------------------------------------------------------------------------------------------


def test_the_delivery_index_lists_every_folder_for_the_mutuelle_and_is_in_no_employer_folder(demo):
    settings, folders = demo
    index_csv = settings.reports / "employer_deliveries.csv"
    index = json.loads((settings.reports / "employer_deliveries.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(index_csv.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [r["siret"] for r in rows] == [f.name for f in folders] == [d["siret"] for d in index["deliveries"]]
    for row, folder in zip(rows, folders, strict=True):
        assert row["status"] == summary_row(folder)["report_status"]
        assert set(row["files"].split()) == {p.name for p in folder.iterdir()}
        assert row["published_at"] and row["run_id"]
    assert index["counts"]["too_small_to_report"] == sum(r["status"] == "too_small_to_report" for r in rows) > 0
    for folder in folders:
        assert not any("deliver" in p.name for p in folder.iterdir())
    # staged folders were renamed into place: nothing half-written is left beside them
    assert not list(settings.published.glob(".publishing-*"))
    assert not list((settings.published / "employer").glob("*.old"))


# --- the English report has its PDF too ------------------------------------------------------------------------


def _pdf_title(path: Path) -> str:
    """The document title Chromium writes in a PDF's Info dictionary (UTF-16BE hex, or a literal string)."""
    raw = path.read_bytes()
    assert raw.startswith(b"%PDF-"), path.name
    match = re.search(rb"/Title\s*<FEFF([0-9A-Fa-f]*)>", raw)
    if match:
        return bytes.fromhex(match.group(1).decode()).decode("utf-16-be")
    match = re.search(rb"/Title\s*\(((?:[^()\\]|\\.)*)\)", raw)
    assert match, f"{path.name}: no document title"
    return match.group(1).decode("latin-1")


def test_each_page_has_its_pdf_printed_from_it_signed_with_the_folder(demo):
    from governance.publish import key_fingerprint, public_key_pem, signing_key, verify_folder

    settings, folders = demo
    fingerprint = key_fingerprint(public_key_pem(signing_key(settings, publication_services())))
    for folder in folders:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        documents = {d["name"]: d["sha256"] for d in manifest["documents"]}
        sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text().splitlines())
        for page, pdf in PDFS.items():
            title = re.search(r"<title>(.*?)</title>", (folder / page).read_text(encoding="utf-8")).group(1)
            assert _pdf_title(folder / pdf) == html.unescape(title), (folder.name, pdf)
            assert (folder / pdf).stat().st_size > 5000
            assert pdf in documents and sums[pdf] == documents[pdf], (folder.name, pdf)
        assert "report_en.pdf" in (folder / "LISEZMOI.txt").read_text(encoding="utf-8")
    # a changed English PDF is caught by the signed manifest
    assert verify_folder(folders[0], fingerprint=fingerprint)[0]


# --- trend over time: drawn from published cells when they allow it, otherwise said plainly ------------------


class _TrendLines(HTMLParser):
    """The trend chart's lines: the SVG id names the cells a line plots; its markers are <use x= y=>."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []
        self._depth: list[dict | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "g":
            gid = a.get("id") or ""
            if gid.startswith("trend@"):
                panel, mart, keys = gid.split("@", 3)[1:]
                line = {"panel": panel, "mart": mart, "keys": keys.split(";"), "xy": []}
                self.lines.append(line)
                self._depth.append(line)
            else:
                self._depth.append(None)
        if tag == "use":
            current = next((d for d in reversed(self._depth) if d is not None), None)
            if current is not None:
                current["xy"].append((float(a["x"]), float(a["y"])))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "g":
            self._depth.pop()

    def handle_endtag(self, tag):
        if tag == "g" and self._depth:
            self._depth.pop()


def _trend_section(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index('<section id="trend">')
    return text[start : text.index("</section>", start)]


def _period(row: dict) -> str:
    return str(row["care_year"]) if "period_start" not in row else row["period_start"].isoformat()


def check_trend_points(folder: Path, page: Path) -> int:
    """Every point of the trend chart is a published Parquet cell, plotted where its value says: all points of
    one panel lie on one straight value->height scale, and along the axis in period order, gaps included."""
    tables = {p.stem: pq.read_table(p).to_pylist() for p in folder.glob("*.parquet")}
    parser = _TrendLines()
    parser.feed(_trend_section(page))
    assert parser.lines, page
    points = 0
    panels: dict[str, list[tuple[float, float]]] = {}
    for line in parser.lines:
        rows = []
        for key in line["keys"]:
            match = matching_rows(tables[line["mart"]], key)
            assert len(match) == 1, (page, line["mart"], key)
            assert match[0]["masking"] == "none" and match[0]["actual_cost"] is not None, (page, key)
            rows.append(match[0])
        assert len(rows) >= 2 and len(line["xy"]) == len(rows), (page, line["keys"])
        # x: period positions on an axis of every period of the table, published or not
        axis = sorted({_period(r) for r in tables[line["mart"]]})
        index = [axis.index(_period(r)) for r in rows]
        assert index == sorted(index) and len(set(index)) == len(index)
        xs = [x for x, _ in line["xy"]]
        step = (xs[-1] - xs[0]) / (index[-1] - index[0])
        assert all(abs(x - (xs[0] + step * (i - index[0]))) < 0.5 for x, i in zip(xs, index, strict=True))
        panels.setdefault(line["panel"], []).extend(
            (float(r["actual_cost"]), y) for r, (_, y) in zip(rows, line["xy"], strict=True)
        )
        points += len(rows)
    for panel, pairs in panels.items():
        (v0, y0), (v1, y1) = min(pairs), max(pairs)
        if v1 == v0:
            assert all(abs(y - y0) < 0.5 for _, y in pairs)
            continue
        slope = (y1 - y0) / (v1 - v0)
        assert slope < 0, panel  # larger amounts are drawn higher
        assert all(abs(y - (y0 + slope * (v - v0))) < 0.6 for v, y in pairs), panel
    return points


def _published_periods(rows: list[dict], series_key) -> dict:
    out: dict = {}
    for r in rows:
        if r["masking"] == "none" and r["actual_cost"] is not None:
            out.setdefault(series_key(r), set()).add(_period(r))
    return out


def trend_possible(folder: Path) -> bool:
    """From the folder alone: does some published series (the yearly total, a care family's yearly total, or at
    quarterly grain one family x age band x sex) have at least two published periods?"""

    def rows(mart: str) -> list[dict]:
        path = folder / f"{mart}.parquet"
        return pq.read_table(path).to_pylist() if path.exists() else []

    series = [
        *_published_periods(rows("mart_employer__yearly"), lambda r: "all").values(),
        *_published_periods(rows("mart_employer__totals"), lambda r: r["act_family"]).values(),
    ]
    if summary_row(folder)["period_grain"] == "quarter":
        series += _published_periods(
            rows("mart_employer__consumption"), lambda r: (r["act_family"], r["age_band"], r["sex"])
        ).values()
    return any(len(periods) >= 2 for periods in series)


def test_every_reported_employer_gets_its_trend_or_is_told_why_not(demo):
    """On the demo (one closed year, 2025, at yearly grain for every employer), as the HR reader sees it."""
    _, folders = demo
    reported = [f for f in folders if summary_row(f)["report_status"] == "reported"]
    assert reported
    for folder in reported:
        years = sorted({r["care_year"] for r in pq.read_table(folder / "mart_employer__totals.parquet").to_pylist()})
        fr, en = (html.unescape(_trend_section(folder / p)) for p in PAGES)
        if trend_possible(folder):
            for page in PAGES:
                check_trend_points(folder, folder / page)
            continue
        assert "svg" not in fr and "svg" not in en
        listed = ", ".join(str(y) for y in years)
        if len(years) == 1 and summary_row(folder)["period_grain"] == "year":
            french = f"une seule année de soins close est publiée ({listed})"
            english = f"a single closed year of care is published ({listed})"
        else:
            french, english = f"sur les périodes publiées ({listed})", f"over the published periods ({listed})"
        assert french in fr and english in en, folder.name
        assert fr.index(french) < fr.index(english), "the French page says it in French, then in English"


def _demo_tables(folder: Path) -> dict:
    return {p.stem: pq.read_table(p) for p in folder.glob("*.parquet")}


def _rows_with(table: pa.Table, change) -> pa.Table:
    return pa.Table.from_pylist([change(dict(r)) for r in table.to_pylist()], schema=table.schema)


def _largest_reported(folders: list[Path], sex_level: str | None = None) -> Path:
    reported = [
        f
        for f in folders
        if summary_row(f)["report_status"] == "reported"
        and (sex_level is None or summary_row(f)["sex_level"] == sex_level)
    ]
    assert reported
    return max(reported, key=lambda f: summary_row(f)["member_count"])


def _build(tmp_path: Path, folder: Path, tables: dict) -> Path:
    from governance.employer_report import build_documents

    out = tmp_path / folder.name
    out.mkdir()
    build_documents(
        out,
        folder.name,
        tables,
        name="Entreprise test",
        run_id="trend-test",
        published_at="2027-01-05T00:00:00+00:00",
        k=11,
        min_employers=5,
        key_fingerprint="0" * 64,
    )
    for mart, table in tables.items():
        pq.write_table(table, out / f"{mart}.parquet")
    return out


def test_two_published_years_give_a_year_over_year_trend_whose_points_are_the_published_cells(demo, tmp_path):
    """A release with a second closed year (the demo's tables, relabelled 2024 with other amounts, beside 2025):
    the chart appears; a year whose total is masked is a gap, never a point."""
    import datetime as dt

    _, folders = demo
    source = _largest_reported(folders)
    tables = _demo_tables(source)

    def earlier(row: dict) -> dict:
        row["care_year"] = 2024
        if row.get("period_start") is not None:
            row["period_start"] = dt.date(2024, row["period_start"].month, 1)
        for column in ("actual_cost", "ss_reimbursement", "complementary_reimbursement", "out_of_pocket"):
            if row.get(column) is not None:
                row[column] = (row[column] * Decimal("0.8")).quantize(Decimal("0.01"))
        return row

    for mart in ("mart_employer__yearly", "mart_employer__totals", "mart_employer__consumption"):
        prior = _rows_with(tables[mart], earlier)
        tables[mart] = pa.concat_tables([prior, tables[mart]])
    # one care family's 2024 total masked: its line cannot be drawn (a single published year)
    family = next(r["act_family"] for r in tables["mart_employer__totals"].to_pylist() if r["masking"] == "none")

    def mask(row: dict) -> dict:
        if row["care_year"] == 2024 and row["act_family"] == family:
            row["masking"] = "masked"
            for column in (
                "member_count",
                "benefit_line_count",
                "actual_cost",
                "ss_reimbursement",
                "complementary_reimbursement",
                "out_of_pocket",
            ):
                row[column] = None
        return row

    tables["mart_employer__totals"] = _rows_with(tables["mart_employer__totals"], mask)
    out = _build(tmp_path, source, tables)
    assert trend_possible(out)
    for page in PAGES:
        assert check_trend_points(out, out / page) >= 4
        parser = _TrendLines()
        parser.feed(_trend_section(out / page))
        assert any(line["mart"] == "mart_employer__yearly" for line in parser.lines)
        assert not any(f"act_family={family}" in key for line in parser.lines for key in line["keys"])
        assert "svg" in _trend_section(out / page)
    # the same points are in the table under the chart, each naming the cell it comes from
    table = _trend_section(out / "rapport_fr.html").split("</figure>", 1)[1]
    assert 'data-key="care_year=2024"' in table and 'data-key="care_year=2025"' in table


def test_a_quarterly_breakdown_gives_a_quarter_by_quarter_trend_with_gaps_where_cells_are_masked(demo, tmp_path):
    """A release at quarterly grain (the demo's cells spread over four quarters, one quarter of one family
    masked): one panel per care family, a line per age band and sex, the masked quarter a gap."""
    import datetime as dt

    _, folders = demo
    source = _largest_reported(folders)
    tables = _demo_tables(source)
    summary = tables["mart_employer__summary"]
    tables["mart_employer__summary"] = _rows_with(summary, lambda r: {**r, "period_grain": "quarter"})
    consumption = tables["mart_employer__consumption"].to_pylist()
    family = next(r["act_family"] for r in consumption if r["masking"] == "none")
    quarters = []
    for quarter in range(4):
        for row in consumption:
            row = {**row, "period_grain": "quarter", "period_start": dt.date(2025, 1 + 3 * quarter, 1)}
            if row["actual_cost"] is not None:
                row["actual_cost"] = (row["actual_cost"] * (1 + quarter) / 4).quantize(Decimal("0.01"))
            if quarter == 2 and row["act_family"] == family:
                row = {**row, "masking": "masked", "actual_cost": None, "member_count": None}
            quarters.append(row)
    tables["mart_employer__consumption"] = pa.Table.from_pylist(
        quarters, schema=tables["mart_employer__consumption"].schema
    )
    out = _build(tmp_path, source, tables)
    for page in PAGES:
        assert check_trend_points(out, out / page) >= 6
        parser = _TrendLines()
        parser.feed(_trend_section(out / page))
        assert {line["mart"] for line in parser.lines} == {"mart_employer__consumption"}
        gapped = [line for line in parser.lines if line["panel"] == family]
        assert gapped and all(len(line["keys"]) == 3 for line in gapped)
        assert all("2025-07-01" not in key for line in gapped for key in line["keys"])
    assert "T3 2025" in html.unescape(_trend_section(out / "rapport_fr.html"))
    assert "Q3 2025" in html.unescape(_trend_section(out / "report_en.html"))


# --- what is hidden, and the glossary, as the HR reader checks them ---------------------------------------------


def test_the_hidden_statement_counts_each_tables_unpublished_rows_and_the_glossary_defines_each_heading(demo):
    _, folders = demo
    sections = {
        "mart_employer__yearly": "Total de l'année, toutes familles de soins",
        "mart_employer__totals": "Dépenses par famille de soins",
        "mart_employer__consumption": "Détail publié",
    }
    checked = 0
    for folder in folders:
        if summary_row(folder)["report_status"] != "reported":
            continue
        text = html.unescape((folder / "rapport_fr.html").read_text(encoding="utf-8"))
        hidden = text[text.index('<section id="hidden">') : text.index('<section id="files">')]
        for mart, title in sections.items():
            rows = pq.read_table(folder / f"{mart}.parquet").to_pylist()
            masked = sum(r["masking"] == "masked" for r in rows)
            expected = (
                f"{title} : {masked} ligne(s) sur {len(rows)}"
                if masked
                else f"{title} : tout est publié ({len(rows)} ligne(s))"
            )
            assert expected in hidden, (folder.name, expected)
        assert "ni un zéro" in hidden
        glossary = [
            re.sub(r"<[^>]+>", "", t)
            for t in re.findall(r"<dt>(.*?)</dt>", text[text.index('<section id="glossary">') :])
        ]
        tables = text[text.index('<section id="status">') : text.index('<section id="trend">')]
        headings = {
            re.sub(r"<[^>]+>", "", h).replace(" (€)", "").strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", tables)
        }
        assert "Dépense réelle" in headings
        for heading in headings - {"Année", "Période", "Âge", "Sexe"}:
            assert any(term.startswith(heading) for term in glossary), (folder.name, heading)
        for term in ("Salariés couverts", "Non publié", "Période close"):
            assert any(t.startswith(term) for t in glossary)
        checked += 1
    assert checked >= 3
