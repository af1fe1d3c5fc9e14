"""A save's header does not name a computer's hidden style in words, yet the game resumes and replays as it was.

Issue 10 point 2: the players are not told the computer opponent's style until the debrief, unless a
trainer shows it. The style is part of the game (resuming plays it on), so the save holds it, masked
in ``hidden_seats``; the header's ``seats`` says ``computer``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import STRATEGIES, make_opponent
from tabletop.saves.chain import rechain
from tabletop.saves.folder import list_saves
from tabletop.saves.writer import SaveError, SaveWriter, fork, load_save, write_game

W, M = Side.WASHINGTON, Side.MOSCOW
STYLE = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in STRATEGIES), re.IGNORECASE)
V2 = Path(__file__).parent / "data" / "saves-v2"


def header(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8").splitlines()[0])


def readable(record: dict) -> str:
    """A header as a person reads it in a text editor, without the embedded scenario (which may use the
    words of the field: the tutorial's text speaks of GRIT, the way of making gestures)."""
    return json.dumps({k: v for k, v in record.items() if k != "scenario"})


def play(game: Game, count: int, writer: SaveWriter) -> None:
    """``count`` moves, the human seat's made by a stand-in computer, each saved as it is applied."""
    players = {side: make_opponent("conceder" if game.seats[side] == "human" else game.seats[side], side, game.seed)
               for side in (W, M)}
    for _ in range(count):
        if game.is_over:
            break
        waiting = game.awaiting()
        if not waiting:
            break
        game.apply(players[waiting[0]].decide(game))
        writer.append(game)


def rewrite(path: Path, edit) -> Path:
    """The save with its header edited on purpose and its hash chain made again (as a student could)."""
    lines = path.read_bytes().splitlines(keepends=True)
    record = json.loads(lines[0])
    edit(record)
    record.pop("chain", None)
    lines[0] = json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode("utf-8") + b"\n"
    bad = path.with_name("edited.jsonl")
    bad.write_bytes(b"".join(rechain(lines)))
    return bad


@pytest.mark.parametrize("style", sorted(STRATEGIES))
def test_the_header_says_computer_and_the_game_still_replays_and_resumes(tmp_path, tutorial, style):
    game = Game(tutorial, 21, {W: "human", M: style})
    with SaveWriter.create(game, tmp_path) as writer:
        play(game, 6, writer)
    record = header(writer.path)
    assert record["seats"] == {"washington": "human", "moscow": "computer"}
    assert not STYLE.search(readable(record)), STYLE.search(readable(record))
    loaded = load_save(writer.path)
    assert loaded.seats == {W: "human", M: style}
    assert loaded.replay(verify=True).fingerprint() == game.fingerprint()
    with SaveWriter.resume(loaded) as again:  # resuming keeps the header as it is and plays on
        resumed = loaded.replay()
        play(resumed, 4, again)
    assert header(writer.path) == record
    assert load_save(writer.path).replay(verify=True).seats[M] == style


def test_verify_passes_and_names_no_style(tmp_path, tutorial, capsys):
    game = Game(tutorial, 4, {W: "hardliner", M: "human"})
    with SaveWriter.create(game, tmp_path) as writer:
        play(game, 5, writer)
    assert main(["replay", "--verify", str(writer.path)]) == 0
    out = capsys.readouterr().out
    assert "ok, 5 actions verified" in out and not STYLE.search(out.replace(str(writer.path), ""))


def test_two_saves_against_one_style_do_not_share_their_hidden_text(tmp_path, tutorial):
    """Else a player who saw one debrief could read every later header; nor does the length tell the style."""
    hidden = []
    for seed, style in ((1, "grit"), (2, "grit"), (1, "opportunist")):
        with SaveWriter.create(Game(tutorial, seed, {W: "human", M: style}), tmp_path / str(seed) / style) as w:
            hidden.append(header(w.path)["hidden_seats"])
    assert len(set(hidden)) == 3 and len({len(text) for text in hidden}) == 1


def test_shown_styles_two_computers_and_two_people_are_written_in_words(tmp_path, tutorial):
    cases = [({W: "human", M: "grit"}, True), ({W: "learner", M: "grit"}, False), ({W: "human", M: "human"}, False)]
    for n, (seats, show) in enumerate(cases):
        with SaveWriter.create(Game(tutorial, 3, seats), tmp_path / str(n), show_opponent=show) as writer:
            pass
        record = header(writer.path)
        assert record["seats"] == {side.value: seat for side, seat in seats.items()}
        assert "hidden_seats" not in record


def test_a_what_if_and_a_save_moved_elsewhere_keep_the_style_hidden(tmp_path, tutorial):
    game = Game(tutorial, 8, {W: "human", M: "aspiration"})
    writer = SaveWriter.create(game, tmp_path / "a")
    play(game, 3, writer)
    moved = writer.relocate(game, tmp_path / "b")
    moved.close()
    _, forked = fork(load_save(moved.path), 2, {W: "human", M: "learner"}, tmp_path / "c")
    forked.close()
    for path, style in ((moved.path, "aspiration"), (forked.path, "learner")):
        assert not STYLE.search(readable(header(path)))
        assert load_save(path).seats[M] == style


def test_a_headless_save_of_a_person_against_a_computer_hides_it_too(tmp_path, tutorial):
    game = Game(tutorial, 8, {W: "human", M: "tit-for-tat"})
    write_game(game, tmp_path / "g.jsonl")
    assert not STYLE.search(readable(header(tmp_path / "g.jsonl")))
    assert load_save(tmp_path / "g.jsonl").seats[M] == "tit-for-tat"


def test_the_list_of_saves_names_the_style_only_once_the_game_is_over(tmp_path, tutorial):
    game = Game(tutorial, 5, {W: "human", M: "hardliner"})
    with SaveWriter.create(game, tmp_path) as writer:
        play(game, 3, writer)
    summary = list_saves(tmp_path)[0]
    assert summary.seats_shown == "human vs computer" and summary.seats_text == "human vs hardliner"
    with SaveWriter.resume(load_save(writer.path)) as again:
        play(game, 500, again)
    assert game.is_over
    assert list_saves(tmp_path)[0].seats_shown == "human vs hardliner"


@pytest.mark.parametrize(("what", "edit", "expected"), [
    ("the hidden text", lambda r: r.update(hidden_seats="0" * 128), "hidden_seats cannot be read"),
    ("not hexadecimal", lambda r: r.update(hidden_seats="zz"), "hidden_seats must be 128 hexadecimal digits"),
    ("the seats in words", lambda r: r["seats"].update(washington="computer"),
     "hidden_seats does not agree with the seats"),
    ("the hidden text removed", lambda r: r.pop("hidden_seats"), "seat 'moscow' is 'computer'"),
])
def test_an_edited_header_is_one_line_naming_line_1(tmp_path, tutorial, what, edit, expected):
    with SaveWriter.create(Game(tutorial, 3, {W: "human", M: "grit"}), tmp_path) as writer:
        pass
    bad = rewrite(writer.path, edit)
    with pytest.raises(SaveError) as error:
        load_save(bad)
    text = str(error.value)
    assert f"{bad.name}: line 1: " in text and expected in text and "\n" not in text, (what, text)


def test_a_version_2_save_of_a_person_against_a_computer_still_loads(tmp_path, tutorial):
    """Saves written before this change name the style in words: they load, replay and verify as before."""
    game = Game(tutorial, 6, {W: "human", M: "grit"})
    with SaveWriter.create(game, tmp_path, show_opponent=True) as writer:
        play(game, 4, writer)
    old = rewrite(writer.path, lambda r: (r.update(version=2), r.pop("show_opponent")))
    assert header(old)["seats"] == {"washington": "human", "moscow": "grit"}
    loaded = load_save(old)
    assert loaded.version == 2 and loaded.seats[M] == "grit"
    assert loaded.replay(verify=True).fingerprint() == game.fingerprint()
    assert main(["replay", "--verify", str(old)]) == 0


@pytest.mark.parametrize("name", ["tutorial.jsonl", "freeze.jsonl", "istanbul-2025-04.jsonl"])
def test_the_shipped_version_2_saves_verify(name, capsys):
    expected = json.loads((V2 / "expected.json").read_text(encoding="utf-8"))[name]
    loaded = load_save(V2 / name)
    assert loaded.version == 2
    game = loaded.replay(verify=True)
    assert len(game.actions) == expected["actions"] and game.fingerprint() == expected["fingerprint"]
    assert main(["replay", "--verify", str(V2 / name)]) == 0
