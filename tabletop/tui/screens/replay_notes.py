"""The replay viewer's notes: a facilitator's note on the moment shown, appended to the save.

:class:`ReplayNotes` is the part of the viewer (:class:`~tabletop.tui.screens.replay.ReplayScreen`
extends it) that writes a note. A signed (classroom) save takes a note only signed like the rest of
it: with the class's secret given to ``tabletop replay`` (``--passphrase``, ``--key-file``) or in the
environment, else with the passphrase the note dialog asks for (once: the viewer keeps it for the
next note and for "play on from here"). A save signed with a class key file that was not given
takes no note, and the viewer says so in one line.
"""

from __future__ import annotations

from tabletop.saves.folder import PassphraseNeeded, WrongPassphrase
from tabletop.saves.signing import ClassSecret, SaveKey
from tabletop.saves.writer import SaveError, append_note
from tabletop.text import one_line
from tabletop.tui.screens.replay_dialogs import NoteRequest, NoteScreen
from tabletop.tui.screens.replay_fork import ReplayFork


class ReplayNotes(ReplayFork):
    """Notes on the moment shown; the viewer redraws them in :meth:`notes_changed`."""

    note_key: SaveKey | None = None
    """The signed save's key once known (from the secret given, or the passphrase typed)."""

    def action_note(self) -> None:
        asking = ""
        if self.loaded.signed and self.note_key is None:
            try:
                self.note_key = self.loaded.unlock(self.secret.passphrase, self.secret.key_file)
            except (PassphraseNeeded, WrongPassphrase) as problem:
                if not self.loaded.signed_with_passphrase:  # a key file cannot be typed in
                    self.notify(one_line(problem), title="No note on this save", severity="error", markup=False)
                    return
                asking = ("The game is signed by its facilitator: type the passphrase to sign the note with it."
                          if not self.secret.passphrase else
                          "The passphrase given is not the one this game was signed with: type the facilitator's "
                          "passphrase to sign the note with it.")
            except SaveError as problem:
                self.notify(one_line(problem), title="No note on this save", severity="error", markup=False)
                return
        objectives = [(o.id, o.text) for o in self.game.scenario.objectives]

        def written(request: NoteRequest | None) -> None:
            if request is None:
                return
            if request.key is not None:  # kept for the next note, and a what-if signed like the save
                self.note_key = request.key
                self.secret = ClassSecret(request.passphrase, self.secret.key_file)
            self.add_note(request.text, request.objective)

        self.app.push_screen(NoteScreen(self.moment, objectives, self.loaded, asking), written)

    def add_note(self, text: str, objective: str | None = None) -> None:
        """Append a note on the current moment to the save (signed like it), and show it."""
        try:
            append_note(self.loaded, self.moment, text, objective, self.note_key)
        except SaveError as error:
            self.notify(str(error), title="Note not saved", severity="error", markup=False)
            return
        self.notes_changed()

    def notes_changed(self) -> None:
        """Show the save's notes as they are now (the viewer redraws the timeline and the notes tab)."""


__all__ = ["ReplayNotes"]
