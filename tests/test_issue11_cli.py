"""Issue 11, snag 9: 'guide -o FILE' says what it wrote, as 'report -o' does; 'compare' cuts no save name."""

from __future__ import annotations

from tabletop.cli.main import main


def test_guide_to_a_file_says_what_it_wrote(tmp_path, capsys):
    out = tmp_path / "guide.md"
    assert main(["guide", "tutorial", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.strip() == f"{out}: facilitator's guide for First Steps: Visas for Banking written (Markdown)"
    assert out.read_text().strip()
    pack = tmp_path / "pack.html"
    assert main(["guide", "tutorial", "--class", "-o", str(pack)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"{pack}: class pack (guide and handouts) for ") and said.strip().endswith("(printable HTML)")


def test_guide_printed_says_nothing_more(capsys):
    assert main(["guide", "tutorial"]) == 0
    assert "written (" not in capsys.readouterr().out


def test_compare_shows_whole_save_names(tmp_path, capsys):
    names = [f"class-2026-12-01-table-{n}-washington-grit-moscow-tit-for-tat.jsonl" for n in (1, 2)]
    paths = []
    for name in names:
        path = tmp_path / name
        assert main(["simulate", "tutorial", "--washington", "grit", "--moscow", "tit-for-tat", "--save",
                     str(path)]) == 0
        paths.append(str(path))
    capsys.readouterr()
    assert main(["compare", *paths]) == 0
    terminal = capsys.readouterr().out
    for name in names:
        assert name in terminal
