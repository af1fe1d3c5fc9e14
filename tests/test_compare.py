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
    # Each game's label is drawn where its scores (from the table) put it: x is Washington's score and y
    # Moscow's, 0-100 over a grid of 60 x 18 characters under the y axis' title, each grid line after a
    # 5-character axis ("100 ┤", " 50 ┤", "  0 ┤" at those scores, "    │" between).
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith(("| 1 |", "| 2 |", "| 3 |"))]
    expected: dict[tuple[int, int], str] = {}
    for row in rows:
        label, washington, moscow = row[0].strip("| "), float(row[5]), float(row[6])
        # a later game on the same cell hides an earlier one
        expected[(17 - round(moscow / 100 * 17), round(washington / 100 * 59))] = label
    plot = text.split("```")[1].strip("\n").splitlines()
    assert plot[0] == "Moscow's score ↑"
    grid = [line[5:] for line in plot[1:19]]
    axis = ["    │"] * 18
    axis[0], axis[17 - round(50 / 100 * 17)], axis[17] = "100 ┤", " 50 ┤", "  0 ┤"
    assert [line[:5] for line in plot[1:19]] == axis
    assert plot[19].startswith("    └")  # the x axis closes the grid
    for (y, x), label in expected.items():
        assert grid[y][x:x + 1] == label, (label, y, x, plot)
    assert sum(line.count(label) for line in grid for label in "123") == len(expected)  # nowhere else
    assert any("●" in line for line in grid)  # the efficient boards, on the grid itself
    assert "Washington's score" in plot[-1]

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
