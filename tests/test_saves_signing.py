"""Signed saves: a facilitated game's lines are signed with a key from the class passphrase (or key file);
verify, report and compare say whether a save is signed by this class, unsigned, or does not match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.cli.main import main
from tabletop.engine.autoplay import simulate
from tabletop.engine.game import Game
from tabletop.engine.model import Side
from tabletop.engine.opponents import make_opponent
from tabletop.saves.chain import GENESIS, seal
from tabletop.saves.signing import ClassSecret, SaveKey, create_key_file, facilitator_key
from tabletop.saves.writer import (
    PassphraseNeeded,
    SaveError,
    SaveWriter,
    WrongPassphrase,
    append_note,
    fork_key,
    load_save,
    write_game,
)

PASSPHRASE = "the class of 2025"
W, M = Side.WASHINGTON, Side.MOSCOW


@pytest.fixture(scope="module")
def key() -> SaveKey:
    return SaveKey.from_passphrase(PASSPHRASE)


@pytest.fixture
def signed(tmp_path, tutorial, key) -> Path:
    game = simulate(tutorial, "grit", "tit-for-tat", 3)
    path = tmp_path / "signed.jsonl"
    write_game(game, path, key=key)
    return path


@pytest.fixture(autouse=True)
def no_secret_in_the_environment(monkeypatch):
    monkeypatch.delenv("TABLETOP_PASSPHRASE", raising=False)
    monkeypatch.delenv("TABLETOP_KEY_FILE", raising=False)


def edit_and_rechain(path: Path, number: int, change) -> None:
    """Change line ``number`` and recompute the whole chain, keeping the old signatures: what a student who
    edits their save can do without the class's key."""
    lines = path.read_bytes().splitlines(keepends=True)
    out, previous = [], GENESIS
    for n, raw in enumerate(lines, 1):
        record = json.loads(raw)
        sig = record.pop("sig", None)
        record.pop("chain")
        if n == number:
            change(record)
        line, previous = seal(record, previous)
        out.append(line[:-2] + f',"sig":"{sig}"}}\n'.encode() if sig else line)
    path.write_bytes(b"".join(out))


def moscow_walks_away_at_5(text: str) -> str:
    """The issue's example: Moscow's walk-away value lowered to 5 inside the embedded scenario."""
    head, moscow = text.split("[sides.moscow]", 1)
    before, after = moscow.split("walk_away = ", 1)
    return head + "[sides.moscow]" + before + "walk_away = 5" + after[after.index("\n"):]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_passphrase_is_never_stored_and_the_kdf_is_real(signed, key):
    text = signed.read_text(encoding="utf-8")
    assert PASSPHRASE not in text
    header = json.loads(text.splitlines()[0])
    signing = header["signing"]
    assert signing["method"] == "scrypt" and signing["n"] >= 2**14 and len(signing["salt"]) == 32
    assert SaveKey.from_passphrase(PASSPHRASE).signing["salt"] != signing["salt"]  # a fresh salt each time
    assert all("sig" in json.loads(line) for line in text.splitlines())


def test_verify_report_and_compare_say_signed_by_this_class(signed, capsys, monkeypatch):
    code, out, _ = run(capsys, "replay", str(signed), "--verify", "--passphrase", PASSPHRASE)
    assert code == 0 and out.rstrip().endswith("signed by this class")
    code, out, _ = run(capsys, "report", str(signed), "--passphrase", PASSPHRASE)
    assert code == 0 and "**Integrity:** signed by this class" in out
    monkeypatch.setenv("TABLETOP_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "compare", str(signed))
    assert code == 0 and "1  signed by this class" in out


def test_without_the_passphrase_a_signed_save_is_not_checked(signed, capsys):
    code, out, _ = run(capsys, "replay", str(signed), "--verify")
    assert code == 0 and "signed (not checked: give the class passphrase)" in out
    code, out, _ = run(capsys, "report", str(signed))
    assert "signed (not checked: give the class passphrase)" in out


def test_an_unsigned_save_says_so(tmp_path, tutorial, capsys):
    path = tmp_path / "u.jsonl"
    write_game(simulate(tutorial, "grit", "tit-for-tat", 3), path)
    code, out, _ = run(capsys, "replay", str(path), "--verify", "--passphrase", PASSPHRASE)
    assert code == 0 and out.rstrip().endswith("unsigned")
    code, out, _ = run(capsys, "compare", str(path), "-o", str(tmp_path / "c.md"), "--passphrase", PASSPHRASE)
    assert "| unsigned |" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_a_student_who_edits_and_rechains_is_caught_at_the_line(signed, capsys):
    # A better score for Washington: the last offer's rungs changed, the chain recomputed.
    edit_and_rechain(signed, 3, lambda record: record.update(round=record["round"]))  # a no-op edit
    code, _, _ = run(capsys, "replay", str(signed), "--verify", "--passphrase", PASSPHRASE)
    assert code == 0
    edit_and_rechain(signed, 1, lambda record: record.update(scenario=moscow_walks_away_at_5(record["scenario"])))
    code, out, err = run(capsys, "replay", str(signed), "--verify", "--passphrase", PASSPHRASE)
    assert code == 1 and out == ""
    assert err.strip() == f"{signed}: signature does not match (line 1): the save was changed after it was signed"
    # The edit changes the opening position, so compare cannot place the game: it names the tampering.
    code, out, err = run(capsys, "compare", str(signed), "--passphrase", PASSPHRASE)
    assert code == 1 and out == ""
    assert err.startswith(f"{signed}: signature does not match (line 1): the save was changed after it was signed")


def test_a_removed_signature_shows_as_unsigned_or_mismatch(signed, capsys):
    def strip(record):
        record.pop("signing")

    edit_and_rechain(signed, 1, strip)  # the other lines keep their signatures: the header was changed
    code, _, err = run(capsys, "replay", str(signed), "--verify", "--passphrase", PASSPHRASE)
    assert code == 1 and "signature does not match (line 1" in err


def test_a_wrong_passphrase_does_not_match(signed, capsys):
    code, out, err = run(capsys, "replay", str(signed), "--verify", "--passphrase", "not it")
    assert code == 1 and "signature does not match (line 1: not signed with this passphrase or key file)" in err


def test_key_files_sign_and_must_live_outside_the_saves_folder(tmp_path, tutorial, capsys):
    key_file = create_key_file(tmp_path / "class.key")
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(SaveError, match="already exists"):
        create_key_file(key_file)
    key = SaveKey.from_key_file(key_file)
    game = Game(tutorial, 4, {W: "grit", M: "hardliner"})
    with SaveWriter.create(game, tmp_path / "saves", key=key) as writer:
        path = writer.path
    code, out, _ = run(capsys, "replay", str(path), "--verify")
    assert "signed (not checked: give the class key file)" in out
    code, out, _ = run(capsys, "replay", str(path), "--verify", "--key-file", str(key_file))
    assert code == 0 and out.rstrip().endswith("signed by this class")
    inside = create_key_file(tmp_path / "saves" / "class.key")
    with pytest.raises(SaveError, match="outside the saves folder"):
        SaveWriter.create(game, tmp_path / "saves", key=SaveKey.from_key_file(inside))


def test_resuming_a_signed_game_needs_its_passphrase(signed, tutorial, tmp_path, key):
    game = Game(tutorial, 5, {W: "grit", M: "hardliner"})
    players = {side: make_opponent(name, side, 5) for side, name in game.seats.items()}
    with SaveWriter.create(game, tmp_path / "saves", key=key) as writer:
        for _ in range(4):
            game.apply(players[game.awaiting()[0]].decide(game))
            writer.append(game)
    loaded = load_save(writer.path)
    assert loaded.signed
    with pytest.raises(PassphraseNeeded, match="passphrase is needed"):
        SaveWriter.resume(loaded)
    with pytest.raises(PassphraseNeeded):
        loaded.unlock(None)
    with pytest.raises(WrongPassphrase, match="not the passphrase"):
        loaded.unlock("guess")
    with pytest.raises(PassphraseNeeded):
        append_note(loaded, 1, "a note without the passphrase")
    with SaveWriter.resume(loaded, loaded.unlock(PASSPHRASE)) as writer:
        game.apply(players[game.awaiting()[0]].decide(game))
        writer.append(game)
    again = load_save(writer.path)
    assert again.signature(ClassSecret(PASSPHRASE)).text == "signed by this class"
    assert len(again.actions) == 5


def test_the_command_line_resume_refuses_a_signed_game_without_its_passphrase(tmp_path, tutorial, key, capsys):
    game = Game(tutorial, 5, {W: "human", M: "grit"})
    with SaveWriter.create(game, tmp_path, key=key) as writer:
        path = writer.path
    code, _, err = run(capsys, "resume", str(path))  # stdin is not a terminal here: nothing to ask
    assert code == 1 and err.strip() == f"{path}: is a signed classroom game: its facilitator's passphrase is " \
                                        "needed to go on"
    code, _, err = run(capsys, "resume", str(path), "--passphrase", "guess")
    assert code == 1 and "not the passphrase this game was signed with" in err


def test_a_tampered_signed_save_cannot_be_resumed_and_signed_again(signed, key):
    edit_and_rechain(signed, 3, lambda record: record.update(fingerprint="0123456789abcdef"))
    loaded = load_save(signed)
    assert loaded.signature(ClassSecret(PASSPHRASE)).text == "signature does not match (line 3)"
    with pytest.raises(SaveError, match=r"signature does not match \(line 3\)"):
        SaveWriter.resume(loaded, loaded.unlock(PASSPHRASE))


def test_hostile_signing_parameters_are_refused_at_line_1(signed, capsys):
    edit_and_rechain(signed, 1, lambda record: record["signing"].update(n=2**30))
    code, _, err = run(capsys, "replay", str(signed), "--verify", "--passphrase", PASSPHRASE)
    assert code == 1 and "line 1: signing.n must be a whole number" in err


def test_the_key_of_a_new_facilitated_game(tmp_path, monkeypatch):
    assert facilitator_key(None) is None  # no passphrase and no class key file: the game is saved unsigned
    assert facilitator_key(PASSPHRASE).signing["method"] == "scrypt"
    key_file = create_key_file(tmp_path / "class.key")
    monkeypatch.setenv("TABLETOP_KEY_FILE", str(key_file))
    assert facilitator_key("").signing["method"] == "key-file"
    assert facilitator_key(PASSPHRASE).signing["method"] == "scrypt"  # the passphrase comes first


def test_a_what_if_is_signed_like_its_original_only_when_the_original_holds(signed, key):
    """"Play on from here" signs the new save with the original's key (saves.writer.fork_key), never one whose
    original was changed after it was signed: that would vouch for the change."""
    loaded = load_save(signed)
    assert fork_key(loaded, ClassSecret(PASSPHRASE)).key_id == key.key_id
    with pytest.raises(PassphraseNeeded):
        fork_key(loaded, ClassSecret())
    with pytest.raises(WrongPassphrase):
        fork_key(loaded, ClassSecret("another class"))
    edit_and_rechain(signed, 3, lambda record: record.update(note="edited"))  # a change the game does not read
    changed = load_save(signed)
    changed.replay(verify=True)  # the game itself still replays
    with pytest.raises(SaveError, match=r"signature does not match \(line 3\): the save was changed"):
        fork_key(changed, ClassSecret(PASSPHRASE))
