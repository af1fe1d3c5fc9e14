"""Text from scenarios and saves is inert on the command line: escape sequences are shown escaped, never sent
to the terminal; Markdown and HTML outputs escape HTML special characters and table pipes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.scenarios.library import shipped_dir
from tabletop.text import excerpt, inert, inert_json, inert_line, message

OSC = "\x1b]0;owned\x07"  # sets the terminal's title
CSI = "\x1b[2J"  # clears the screen
HOSTILE_TITLE = f"Visas {OSC}for <script>alert(1)</script> | banking{CSI}\u202e"


def test_the_helpers():
    assert inert(f"a{OSC}b\nc\td") == "a\\x1b]0;owned\\x07b\nc\td"
    assert inert_line("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert inert("\u202eevil\u2028\x9b") == "\\u202eevil\\u2028\\x9b"
    assert inert("Moscow — Washington, café") == "Moscow — Washington, café"
    assert excerpt("x" * 1000).endswith("...") and len(excerpt("x" * 1000)) == 40
    assert excerpt("a\nb") == "'a\\nb'"
    assert message("some/path\n", "is " + "very " * 200 + "long").startswith("some/path\\n: is very")
    assert len(message("p", "x" * 1000)) == 300
    assert json.loads(inert_json(json.dumps({"t": "a\x9bb\u2028"}, ensure_ascii=False))) == {"t": "a\x9bb\u2028"}
    assert "\x9b" not in inert_json(json.dumps({"t": "a\x9bb"}, ensure_ascii=False))


@pytest.fixture
def hostile_save(tmp_path, capsys) -> Path:
    text = (shipped_dir() / "tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('title = "First Steps: Visas for Banking"', f"title = {json.dumps(HOSTILE_TITLE)}", 1)
    for old, new in (("Breakdown", f"Break{CSI}down | <b>x</b>"), ("Missions restored", f"Missions{OSC} | <b>y</b>"),
                     ("A working arrangement", f"A working{OSC} arrangement | <i>z</i>")):
        text = text.replace(f'name = "{old}"', f"name = {json.dumps(new)}", 1)  # TOML escapes, like JSON's
    scenario = tmp_path / f"hostile{CSI}.toml"
    scenario.write_text(text, encoding="utf-8")
    save = tmp_path / "hostile.jsonl"
    assert main(["simulate", str(scenario), "--save", str(save)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b]0;owned\\x07" in out  # simulate's summary is inert too
    assert main(["simulate", str(scenario), "--json"]) == 0
    doc = capsys.readouterr().out
    assert "\x1b" not in doc and HOSTILE_TITLE not in doc
    return save


def raw_escapes(text: str) -> bool:
    return any(char in text for char in ("\x1b", "\x07", "\x9b", "\u202e"))


@pytest.mark.parametrize("argv", [["replay", "{}", "--verify"], ["report", "{}"], ["compare", "{}"],
                                  ["compare", "{}", "{}"]])
def test_command_line_output_is_inert(hostile_save, capsys, argv):
    assert main([part.format(hostile_save) for part in argv]) == 0
    captured = capsys.readouterr()
    assert not raw_escapes(captured.out) and not raw_escapes(captured.err)
    if argv[0] != "replay":
        assert "\\x1b" in captured.out  # shown, escaped


def test_markdown_outputs_escape_html_and_pipes(hostile_save, tmp_path, capsys):
    out = tmp_path / "class.md"
    assert main(["compare", str(hostile_save), str(hostile_save), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert not raw_escapes(text)
    assert "<script>" not in text and "&lt;script&gt;" in text
    table = [line for line in text.splitlines() if line.startswith("| 1 |")]
    assert table and len(re.findall(r"(?<!\\)\|", table[0])) == 11  # 10 columns: the name's pipe is escaped
    report = tmp_path / "report.md"
    assert main(["report", str(hostile_save), "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert not raw_escapes(text) and "<script>" not in text and "&lt;script&gt;" in text
    capsys.readouterr()
