"""confiance scrub: JSON Lines in, scrubbed JSON Lines out; errors name the line, not the content."""

from __future__ import annotations

import json

from click.testing import CliRunner

from vault.pii.cli import scrub

PHONE = "06 12 34 56 78"


def test_scrub_from_stdin(analyzer):
    lines = [{"id": 1, "text": f"rappeler au {PHONE}"}, {"id": "b", "text": None}, {"id": 3, "text": "RAS"}]
    result = CliRunner().invoke(scrub, input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0] == {"id": 1, "text": "rappeler au <PHONE>",
                      "spans": [{"start": 12, "end": 26, "entity_type": "PHONE", "score": 0.95}]}  # fmt: skip
    assert out[1] == {"id": "b", "text": None, "spans": []}
    assert out[2]["text"] == "RAS"
    assert PHONE not in result.output


def test_scrub_file_to_file(analyzer, tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": 7, "text": "mail: a.b@free.fr"}) + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(scrub, [str(src), "-o", str(dst)])
    assert result.exit_code == 0, result.output
    assert json.loads(dst.read_text())["text"] == "mail: <EMAIL>"


def test_bad_input_names_the_line_not_the_content(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": 1, "text": "ok"}\n{"id": 2, "text": "NIR 284057505608330"\n', encoding="utf-8")
    result = CliRunner().invoke(scrub, [str(src)])
    assert result.exit_code != 0
    assert f"{src} line 2: not valid JSON" in result.output
    assert "284057505608330" not in result.output
    result = CliRunner().invoke(scrub, input='{"id": 1, "body": "x"}\n')
    assert "<stdin> line 1: expected an object with a 'text' field" in result.output
    result = CliRunner().invoke(scrub, [str(tmp_path / "missing.jsonl")])
    assert "no such file" in result.output
