"""`tabletop compare` on saves made with `simulate --save`."""

from __future__ import annotations

from tabletop.cli.main import main

PAIRS = [("grit", "tit-for-tat"), ("hardliner", "conceder"), ("opportunist", "hardliner")]


def make_saves(tmp_path, capsys) -> list[str]:
    paths = []
    for w, m in PAIRS:
        path = tmp_path / f"{w}-{m}.jsonl"
        assert main(["simulate", "tutorial", "--washington", w, "--moscow", m, "--save", str(path)]) == 0
        paths.append(str(path))
    capsys.readouterr()
    return paths


def test_compare_tables_every_game_and_plots_the_deals(tmp_path, capsys):
    paths = make_saves(tmp_path, capsys)
    out_file = tmp_path / "class.md"
    assert main(["compare", *paths, "-o", str(out_file)]) == 0
    text = out_file.read_text()
    assert "| # | Save | Seats (Washington / Moscow) | Outcome |" in text
    for n, (w, m) in enumerate(PAIRS, 1):
        assert f"| {n} | {w}-{m}.jsonl | {w} / {m} |" in text
    plot = text.split("```")[1]
    for label in "123":
        assert label in plot
    assert "o" in plot and "Washington's score" in plot

    assert main(["compare", *paths]) == 0
    terminal = capsys.readouterr().out
    assert terminal.count(".jsonl") == 3 and "Washington's score" in terminal


def test_compare_refuses_games_of_different_scenarios(tmp_path, capsys):
    paths = make_saves(tmp_path, capsys)
    other = tmp_path / "other.jsonl"
    assert main(["simulate", "istanbul-2025-02", "--save", str(other)]) == 0
    capsys.readouterr()
    assert main(["compare", paths[0], str(other)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(other)) and "expected 'tutorial'" in err and len(err.splitlines()) == 1


def test_compare_reports_a_bad_save_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\x01garbage")
    assert main(["compare", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(str(bad)) and len(err.splitlines()) == 1
