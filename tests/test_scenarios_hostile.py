"""Hostile scenarios in CI: a few hundred mutations of the shipped files, each refused with clean one-line
messages or validated, played and reported (``benchmarks/hostile_scenarios.py`` runs more and prints the
figures for the README); and the declared size limits, at and past the edge."""

from __future__ import annotations

import re
from pathlib import Path

from hostile import MUTATIONS, message_problem, run

from tabletop.cli.main import main
from tabletop.engine.limits import MAX_INJECTS, MAX_IRRITANTS, MAX_RUNGS
from tabletop.scenarios.library import shipped, shipped_dir

TUTORIAL = (shipped_dir() / "tutorial.toml").read_text(encoding="utf-8")
TUTORIAL_IRRITANTS = TUTORIAL.count("[[irritants]]")


def test_every_hostile_scenario_is_refused_in_clean_lines_or_plays_and_reports(tmp_path):
    figures = run(cases_per_kind=6, folder=tmp_path, seed=5)
    print("\n".join(figures.lines()))
    assert figures.cases == 6 * len(MUTATIONS) * len(shipped())
    assert figures.failures == []
    assert (figures.tracebacks, figures.hangs, figures.bad_messages) == (0, 0, 0)
    assert figures.refused > figures.cases / 2  # the mutations do damage: most are refused
    assert figures.played == figures.valid > 0


def with_extra_irritants(count: int, rungs: int) -> str:
    """The tutorial with ``count`` more irritants of ``rungs`` rungs, valued by both sides."""
    blocks, washington, moscow = [], [], []
    for n in range(count):
        names = ", ".join(f'"step {k}"' for k in range(rungs))
        blocks.append(f'[[irritants]]\nid = "extra-{n}"\nname = "Extra {n}"\ndescription = "An extra irritant."\n'
                      f'mover = "{"washington" if n % 2 else "moscow"}"\nrungs = [{names}]\nstart = 0\n\n')
        washington.append(f"extra-{n} = {{ gain = {1 + n % 7}, cost = {1 + 3 * n % 5} }}")
        moscow.append(f"extra-{n} = {{ gain = {1 + 5 * n % 7}, cost = {1 + 2 * n % 5} }}")
    text = TUTORIAL.replace("[sides.washington.valuations]\n", "[sides.washington.valuations]\n" + "\n".join(washington) + "\n")
    text = text.replace("[sides.moscow.valuations]\n", "[sides.moscow.valuations]\n" + "\n".join(moscow) + "\n")
    return text.replace("[[audiences]]\n", "".join(blocks) + "[[audiences]]\n", 1)


def validate(path: Path, capsys) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    out = capsys.readouterr()
    return code, [line for line in (out.out + out.err).splitlines() if "warning:" not in line]


def test_a_scenario_at_every_size_limit_validates_plays_and_reports(tmp_path, capsys):
    path = tmp_path / "largest.toml"
    path.write_text(with_extra_irritants(MAX_IRRITANTS - TUTORIAL_IRRITANTS, MAX_RUNGS), encoding="utf-8")
    assert validate(path, capsys) == (0, [f"{path}: ok"])
    save = tmp_path / "largest.jsonl"
    assert main(["simulate", str(path), "--washington", "learner", "--moscow", "grit", "--save", str(save)]) == 0
    capsys.readouterr()
    assert main(["report", str(save)]) == 0
    report = capsys.readouterr().out
    assert "frontier" in report.lower()


def test_one_irritant_or_rung_past_the_limits_is_one_line_naming_the_limit(tmp_path, capsys):
    path = tmp_path / "too-many.toml"
    path.write_text(with_extra_irritants(MAX_IRRITANTS - TUTORIAL_IRRITANTS + 1, 4), encoding="utf-8")
    code, lines = validate(path, capsys)
    assert code == 1
    assert f"{path}: irritants: has {MAX_IRRITANTS + 1} irritants, expected at most {MAX_IRRITANTS}" in lines
    path.write_text(with_extra_irritants(1, MAX_RUNGS + 1), encoding="utf-8")
    code, lines = validate(path, capsys)
    assert code == 1
    assert lines == [f"{path}: irritants[{TUTORIAL_IRRITANTS}].rungs: has {MAX_RUNGS + 1} rungs, expected at most {MAX_RUNGS}"]


def test_thousands_of_forced_choices_in_one_round_are_refused_not_a_game_that_never_ends(tmp_path, capsys):
    inject = re.search(r"(?ms)^\[\[injects\]\].*?(?=^\[\[outcomes)", TUTORIAL).group(0)
    copies = "".join(inject.replace('id = "press-leak"', f'id = "leak-{n}"').replace("round = 3", "round = 1")
                     for n in range(2100))
    path = tmp_path / "flood.toml"
    path.write_text(TUTORIAL.replace(inject, copies), encoding="utf-8")
    code, lines = validate(path, capsys)
    assert code == 1
    assert lines == [f"{path}: injects: has 2100 injects, expected at most {MAX_INJECTS}"]
    assert main(["simulate", str(path)]) == 1
    assert capsys.readouterr().err.strip() == lines[0]


def test_a_long_list_of_known_ids_in_a_message_is_cut_to_one_line(tmp_path, capsys):
    text = (shipped_dir() / "autumn-2025.toml").read_text(encoding="utf-8")
    first = re.search(r'(?m)^id = "([^"]+)"\s*$', text[text.index("[[sources]]"):]).group(1)
    path = tmp_path / "renamed.toml"
    path.write_text(text.replace(f'id = "{first}"', 'id = "renamed-source"'), encoding="utf-8")
    code, lines = validate(path, capsys)
    assert code == 1 and lines
    assert message_problem("\n".join(lines), path) is None
