"""Class files, join codes and the codes sheet: what a trainer writes and prints, and the one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.net import codes
from tabletop.net.classfile import ClassFileError, parse_class, read_class
from tabletop.net.classstate import ClassStateError, open_class

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "class-example.toml"


def test_the_example_class_file_reads_with_its_tables_seats_and_scenarios():
    plan = read_class(EXAMPLE)
    assert plan.name == "Negotiation 101, Tuesday"
    assert [t.id for t in plan.tables] == ["t1", "t2", "t3", "t4"]
    assert plan.tables[2].seats["moscow"].player == "grit"
    assert plan.tables[3].scenario.id == "tutorial" and plan.tables[0].scenario.id == "istanbul-2025-02"
    assert plan.timer == 180


@pytest.mark.parametrize(("text", "line"), [
    ('[class]\nname = "x"\nscenario = "tutorial"\n', "c.toml: tables: is missing, expected one [[tables]] entry"),
    ('[class]\nname = "x"\nscenario = "nope"\n[[tables]]\n',
     "c.toml: class.scenario: is 'nope', expected a shipped scenario id"),
    ('[class]\nname = "x"\nscenario = "tutorial"\n[[tables]]\nmoscow = { team = "B", player = "grity" }\n',
     "c.toml: tables[1].moscow.player: is 'grity', expected 'human' or one of: tit-for-tat"),
    ('[class]\nname = "x"\nscenario = "tutorial"\ntimer = 3\n[[tables]]\n',
     "c.toml: class.timer: is 3, expected 10 to 7200 seconds"),
    ('[class]\nname = "x"\nscenario = "tutorial"\n[[tables]]\nwashington = { team = "" }\n',
     "c.toml: tables[1].washington.team: is '', expected a name of 1 to 80"),
    ('[class]\nname = "x"\nscenario = "tutorial"\n[[tables]]\nseats = 2\n',
     "c.toml: tables[1].seats: unknown key, expected one of: name, scenario, seed, washington, moscow"),
    ('[class]\nscenario = "tutorial"\n[[tables]]\n', "c.toml: class.name: is missing"),
    ("[class\n", "c.toml: is not valid TOML"),
])
def test_a_bad_class_file_is_named_with_its_key_in_one_line(text, line):
    with pytest.raises(ClassFileError) as error:
        parse_class(text, "c.toml")
    assert str(error.value).startswith(line), str(error.value)
    assert "\n" not in str(error.value)


def test_codes_carry_fifty_bits_read_aloud_and_forgive_how_they_are_typed():
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000 and codes.BITS >= 40
    code = next(iter(made))
    printed = codes.shown(code)
    assert len(printed) == 11 and printed[5] == "-"
    assert codes.normalise(printed.lower()) == code
    assert codes.normalise(" ".join(printed)) == code
    assert codes.normalise("OIL01-ABCDE") == "01101ABCDE"
    assert codes.normalise("ABCDE") == "" and codes.normalise("ABCDE-FGHJU") == ""
    book = {"t1/washington": code, "t1/moscow": codes.new_code()}
    assert codes.find(printed.lower(), book) == "t1/washington"
    assert codes.find("00000-00000", book) is None


def test_the_class_state_keeps_the_codes_private_and_the_same_on_every_opening(tmp_path):
    plan = read_class(EXAMPLE)
    first = open_class(plan, tmp_path / "class")
    again = open_class(plan, tmp_path / "class")
    assert first.seat_codes() == again.seat_codes()
    assert len(set(first.seat_codes().values())) == 8
    assert (first.path.stat().st_mode & 0o777) == 0o600
    assert (first.folder.stat().st_mode & 0o777) == 0o700
    other = parse_class('[class]\nname = "y"\nscenario = "tutorial"\n[[tables]]\n', "other.toml")
    with pytest.raises(ClassStateError, match="holds the class .* 4 table"):
        open_class(other, tmp_path / "class")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tabletop", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**os.environ, "TABLETOP_SAVES": str(cwd / "saves")})


def test_tabletop_codes_prints_the_sheet_of_the_codes_the_host_will_use(tmp_path):
    done = run_cli("codes", str(EXAMPLE), "--saves-dir", "class", "-o", "codes.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sheet = (tmp_path / "codes.md").read_text()
    state = open_class(read_class(EXAMPLE), tmp_path / "class")
    for code in state.seat_codes().values():
        assert codes.shown(code) in sheet
    assert "| Table 3 (a team short) (t3) | Moscow | Computer | computer (grit) |" in sheet
    assert ((tmp_path / "codes.md").stat().st_mode & 0o777) == 0o600
    slips = run_cli("codes", str(EXAMPLE), "--saves-dir", "class", "--format", "slips", "--url", "ws://h:1/ws",
                    cwd=tmp_path)
    assert slips.returncode == 0 and "tabletop join ws://h:1/ws " in slips.stdout
    assert slips.stdout.count("Your code:") == 6  # the two computer seats get no slip


@pytest.mark.parametrize(("args", "code", "message"), [
    (["host"], 2, "name the class: CLASS.toml, or --tables N --scenario ID"),
    (["host", "--tables", "2"], 2, "name the class"),
    (["host", "--tables", "2", "--scenario", "atlantis"], 2, "unknown scenario 'atlantis'"),
    (["host", "--port", "99999", "--tables", "1", "--scenario", "tutorial"], 2, "is not a port number"),
    (["codes", "missing.toml"], 1, "missing.toml: no such file"),
])
def test_the_command_line_refuses_a_wrong_class_in_one_line(tmp_path, args, code, message):
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr


INVISIBLE = [("\u200b", "U+200B"), ("\u202e", "U+202E"), ("\ufeff", "U+FEFF"), ("\x85", "U+0085"),
             ("\u2066", "U+2066"), ("\x1b", "U+001B")]


@pytest.mark.parametrize(("char", "code"), INVISIBLE)
@pytest.mark.parametrize(("where", "key"), [("class", "class.name"), ("table", "tables[1].name"),
                                            ("team", "tables[1].moscow.team")])
def test_a_name_holding_an_invisible_character_is_refused_in_one_line(char, code, where, key):
    """Issue 10 review (H7): every seat refuses a frame holding such a character, so a class whose table or
    team name held one could not be joined; the class file is refused instead, naming the key and the
    character (the set the scenario validator uses, tabletop.engine.limits.UNSEEN)."""
    names = {"class": "Demo", "table": "Table 1", "team": "Bears"}
    names[where] = names[where][:3] + f"\\u{ord(char):04x}" + names[where][3:]  # a TOML escape: read as the character
    text = (f'[class]\nname = "{names["class"]}"\nscenario = "tutorial"\n[[tables]]\nname = "{names["table"]}"\n'
            f'moscow = {{ team = "{names["team"]}" }}\n')
    with pytest.raises(ClassFileError) as error:
        parse_class(text, "c.toml")
    message = str(error.value)
    assert message.startswith(f"c.toml: {key}: holds an invisible or control character ({code}) at character 4")
    assert "\n" not in message and char not in message


def test_tabletop_codes_refuses_a_team_name_holding_a_zero_width_space(tmp_path):
    (tmp_path / "c.toml").write_text('[class]\nname = "Demo"\nscenario = "tutorial"\n[[tables]]\n'
                                     'moscow = { team = "Bears\\u200b" }\n', encoding="utf-8")
    done = run_cli("codes", "c.toml", cwd=tmp_path)
    assert done.returncode != 0 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "c.toml: tables[1].moscow.team:" in done.stderr and "U+200B" in done.stderr


async def test_names_in_any_script_still_reach_the_seats_of_a_real_host(tmp_path):
    """What the check lets through, every seat accepts: accents, Cyrillic, an emoji, a joiner-free name."""
    from netkit import bounded, running_host

    from tabletop.engine.model import Side
    plan = parse_class('[class]\nname = "Négociation 101 🕊"\nscenario = "tutorial"\n[[tables]]\n'
                       'name = "Стол 1 — «Ouest»"\nwashington = { team = "Águilas" }\n'
                       'moscow = { team = "Медведи 🐻" }\n', "c.toml")

    async def body():
        async with running_host(tmp_path / "class", plan) as net, net.seat("t1", Side.WASHINGTON) as seat:
            assert seat.problem in (None, "")
            assert seat.view["seats"]["moscow"]["team"] == "Медведи 🐻"
    await bounded(body())
