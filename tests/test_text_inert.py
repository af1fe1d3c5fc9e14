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


def hostile_scenario(tmp_path: Path, title: str) -> Path:
    text = (shipped_dir() / "tutorial.toml").read_text(encoding="utf-8")
    text = text.replace('title = "First Steps: Visas for Banking"', f"title = {json.dumps(title)}", 1)
    names = (("Breakdown", "Break down | <b>x</b>"), ("Missions restored", "Missions | <b>y</b>"),
             ("A working arrangement", "A working arrangement | <i>z</i>"))
    for old, new in names:
        text = text.replace(f'name = "{old}"', f"name = {json.dumps(new)}", 1)  # TOML escapes, like JSON's
    scenario = tmp_path / f"hostile{CSI}.toml"
    scenario.write_text(text, encoding="utf-8")
    return scenario


def test_a_scenario_holding_escape_sequences_is_refused_in_one_inert_line(tmp_path, capsys):
    scenario = hostile_scenario(tmp_path, HOSTILE_TITLE)
    assert main(["simulate", str(scenario)]) == 1
    captured = capsys.readouterr()
    assert not raw_escapes(captured.out) and not raw_escapes(captured.err)
    assert len(captured.err.strip().splitlines()) == 1
    assert "hostile\\x1b[2J.toml: scenario.title: holds an invisible or control character (U+001B)" in captured.err


@pytest.fixture
def hostile_save(tmp_path, capsys) -> Path:
    """A save whose scenario holds HTML and table pipes (a scenario may), and whose facilitator wrote escape
    sequences into a custom inject and a note (a save edited by hand may hold anything the reader takes)."""
    from tabletop.engine.actions import CustomInject, Note
    from tabletop.engine.game import Game
    from tabletop.engine.model import SIDES
    from tabletop.engine.opponents import make_opponent
    from tabletop.saves.writer import write_game
    from tabletop.scenarios.library import load_path

    scenario = load_path(hostile_scenario(tmp_path, "Visas for <script>alert(1)</script> | banking"))
    game = Game(scenario, 5, {side: "human" for side in SIDES})
    players = {side: make_opponent("tit-for-tat", side, 5) for side in SIDES}
    game.apply(Note(text=f"note {OSC}"))
    game.apply(CustomInject(title=f"Leak{CSI}", text=f"A memo {OSC}leaks.\u202e"))
    while not game.is_over:
        side = game.awaiting()[0]
        game.apply(players[side].decide(game))
    save = tmp_path / "hostile.jsonl"
    write_game(game, save)
    return save


def raw_escapes(text: str) -> bool:
    return any(char in text for char in ("\x1b", "\x07", "\x9b", "\u202e"))


@pytest.mark.parametrize("argv", [["replay", "{}", "--verify"], ["report", "{}"], ["compare", "{}"],
                                  ["compare", "{}", "{}"]])
def test_command_line_output_is_inert(hostile_save, capsys, argv):
    assert main([part.format(hostile_save) for part in argv]) == 0
    captured = capsys.readouterr()
    assert not raw_escapes(captured.out) and not raw_escapes(captured.err)
    if argv[0] == "report":
        assert "\\x1b" in captured.out  # the facilitator's words shown, escaped


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
