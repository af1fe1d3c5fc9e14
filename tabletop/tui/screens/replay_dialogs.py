"""The replay viewer's dialogs: "play on from here" (who plays each side, and the new save's name) and a note.

Both return what was chosen (or None when cancelled); the viewer acts on it. The what-if of a
signed (classroom) game is signed the same way when the class's secret is known: given to
``tabletop replay`` (``--passphrase``, ``--key-file``) or in ``$TABLETOP_PASSPHRASE`` or
``$TABLETOP_KEY_FILE``, else typed in the dialog; left empty, the what-if is played unsigned and
the request says why. A note on a signed game is signed with the same secret; when the viewer does
not know it, the note dialog asks for the passphrase (a note is not added unsigned to a signed save).
"""

from __future__ import annotations

import attrs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tabletop.engine.game import HUMAN
from tabletop.engine.model import SIDES, Side
from tabletop.engine.opponents import STRATEGIES
from tabletop.saves.signing import ENV_KEY_FILE, ClassSecret, SaveKey
from tabletop.saves.writer import LoadedSave, PassphraseNeeded, SaveError, WrongPassphrase, fork_key, safe_save_path
from tabletop.text import one_line
from tabletop.tui.text import plain


@attrs.frozen
class ForkRequest:
    """The seats and (optional) save name chosen for a what-if."""

    seats: dict[Side, str]
    name: str | None = None
    key: SaveKey | None = None
    """The key the what-if is signed with (its original's), or None."""
    passphrase: str = ""
    """The facilitator's passphrase when it was given: the what-if's console opens with it."""
    unsigned: str = ""
    """Why the what-if of a signed game is not signed ("" when it is, or when its original is not)."""


AS_PLAYED = "=as played"
"""The seat choice "the computer that played this side", its style unnamed (hidden from the players)."""


def seat_choices(hidden: bool = False) -> list[tuple[str, str]]:
    """A seat's choices; ``hidden``: first "the same computer", for a seat whose style is not to be named."""
    first = [("computer: as played (its style hidden)", AS_PLAYED)] if hidden else []
    return [*first, ("human", HUMAN), *((f"computer: {name}", name) for name in STRATEGIES)]


class ForkScreen(ModalScreen[ForkRequest | None]):
    """Choose who plays each side from this moment on, and optionally name the new save."""

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, seats: dict[Side, str], folder: str, loaded: LoadedSave | None = None,
                 hidden: bool = False, secret: ClassSecret | None = None) -> None:
        """``loaded``: the save played on from; a signed one is forked signed when its class's secret is known.
        ``hidden``: the computer's style is hidden from the players here; its seat is offered unnamed.
        ``secret``: the class's secret the viewer was given (None: the environment's)."""
        super().__init__(classes="dialog")
        self.secret = secret
        self.moment = moment
        self.seats = seats
        self.hidden = {side for side, seat in seats.items() if hidden and seat != HUMAN}
        self.folder = folder
        self.loaded = loaded
        self.key: SaveKey | None = None
        self.passphrase = ""
        self.unsigned = ""
        self.ask = False  # the dialog asks for the facilitator's passphrase
        self.signing = self.find_key() if loaded is not None and loaded.signed else ""

    def find_key(self) -> str:
        """Look for the original's key in the environment; say in one line how the what-if will be signed."""
        assert self.loaded is not None
        secret = self.secret if self.secret is not None else ClassSecret.from_environment()
        try:
            self.key = fork_key(self.loaded, secret)
        except (PassphraseNeeded, WrongPassphrase):
            if self.loaded.signed_with_passphrase:
                self.ask = True
                return ("The original is signed by its facilitator: type the passphrase to sign the what-if the "
                        "same way, or leave it empty to play on unsigned.")
            self.unsigned = (f"its original is signed with a class key file, and neither --key-file nor ${ENV_KEY_FILE} "
                             "gives it")
        except SaveError:
            self.unsigned = "its original's signature does not match: the save was changed after it was signed"
        else:
            self.passphrase = (secret.passphrase or "") if self.loaded.signed_with_passphrase else ""
            where = "the class passphrase" if self.loaded.signed_with_passphrase else "the class key file"
            return f"The what-if is signed like its original, with {where}."
        return f"The what-if will not be signed: {self.unsigned}."

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="fork-box"):
            yield Static(plain(f"Play on from moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("A new save (a what-if) starts here; the original save is not changed.", "dim"))
            for side in SIDES:
                with Horizontal(classes="fork-row"):
                    yield Label(side.title, classes="fork-label")
                    yield Select(seat_choices(side in self.hidden),
                                 value=AS_PLAYED if side in self.hidden else self.seats.get(side, HUMAN),
                                 allow_blank=False, id=f"fork-{side.value}")
            with Horizontal(classes="fork-row"):
                yield Label("Save as", classes="fork-label")
                yield Input(placeholder="optional name, kept in the saves folder", id="fork-name")
            if self.signing:
                yield Static(plain(self.signing, "" if self.ask or self.key else "$warning"), id="fork-signing")
            if self.ask:
                with Horizontal(classes="fork-row"):
                    yield Label("Passphrase", classes="fork-label")
                    yield Input(password=True, placeholder="the facilitator's, or empty: unsigned",
                                id="fork-passphrase")
            yield Static(id="fork-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Play on", variant="primary", id="fork-ok")
                yield Button("Cancel", id="fork-cancel")

    def on_mount(self) -> None:
        self.query_one("#fork-ok", Button).focus()

    @on(Button.Pressed, "#fork-ok")
    @on(Input.Submitted, "#fork-name")
    @on(Input.Submitted, "#fork-passphrase")
    def submit(self) -> None:
        error = self.query_one("#fork-error", Static)
        name = self.query_one("#fork-name", Input).value.strip() or None
        if name is not None:
            try:
                path = safe_save_path(name, self.folder)
                if path.exists():
                    raise SaveError(f"{path}: a save with this name already exists")
            except SaveError as problem:
                error.update(plain(str(problem), "$error"))
                return
        if self.ask and not self.typed_key():
            return
        chosen = {side: str(self.query_one(f"#fork-{side.value}", Select).value) for side in SIDES}
        seats = {side: self.seats[side] if seat == AS_PLAYED else seat for side, seat in chosen.items()}
        self.dismiss(ForkRequest(seats, name, self.key, self.passphrase, self.unsigned))

    def typed_key(self) -> bool:
        """Check the passphrase typed (empty: play on unsigned); False, saying why, when it is not the original's."""
        assert self.loaded is not None
        field = self.query_one("#fork-passphrase", Input)
        if not field.value:
            self.key, self.passphrase = None, ""
            self.unsigned = "its original is signed by its facilitator, and no passphrase was given"
            return True
        try:
            self.key = fork_key(self.loaded, ClassSecret(passphrase=field.value))
        except SaveError as problem:
            self.query_one("#fork-error", Static).update(
                plain(f"{one_line(problem)} · try again, or leave it empty to play on unsigned", "$error"))
            field.clear()
            field.focus()
            return False
        self.passphrase, self.unsigned = field.value, ""
        return True

    @on(Button.Pressed, "#fork-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


@attrs.frozen
class NoteRequest:
    """A note written in the replay viewer, on the moment shown, and the key the dialog was given for it."""

    text: str
    objective: str | None = None
    key: SaveKey | None = None
    """The signed save's key, from the passphrase typed in the dialog (None: none was asked)."""
    passphrase: str = attrs.field(default="", repr=False)
    """The passphrase typed ("" when none was asked): the viewer keeps it for the next note and a what-if."""


class NoteScreen(ModalScreen[NoteRequest | None]):
    """Write a facilitator's note on this moment of a replay, optionally tagged with a learning objective.

    ``asking``: why the passphrase of the signed save ``loaded`` is asked ("" asks nothing); the note is
    returned only with that save's key, a wrong passphrase is said in the dialog.
    """

    CSS_PATH = "saves_list.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, moment: int, objectives: list[tuple[str, str]], loaded: LoadedSave | None = None,
                 asking: str = "") -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.objectives = objectives
        self.loaded = loaded
        self.asking = asking if loaded is not None else ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="note-box"):
            yield Static(plain(f"A note on moment {self.moment}", "bold"), classes="dialog-text")
            yield Static(plain("Kept in the save with the game; the report lists it.", "dim"))
            with Horizontal(classes="fork-row"):
                yield Label("Note", classes="fork-label")
                yield Input(placeholder="what the class should look at here", id="note-text")
            with Horizontal(classes="fork-row"):
                yield Label("Objective", classes="fork-label")
                yield Select([(Content(text), oid) for oid, text in self.objectives], prompt="none", id="note-objective")
            if self.asking:
                yield Static(plain(self.asking), id="note-signing")
                with Horizontal(classes="fork-row"):
                    yield Label("Passphrase", classes="fork-label")
                    yield Input(password=True, placeholder="the facilitator's", id="note-passphrase")
                yield Static(id="note-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add note", variant="primary", id="note-ok")
                yield Button("Cancel", id="note-cancel")

    @on(Button.Pressed, "#note-ok")
    @on(Input.Submitted, "#note-text")
    @on(Input.Submitted, "#note-passphrase")
    def submit(self) -> None:
        text = self.query_one("#note-text", Input).value.strip()
        if not text:
            self.query_one("#note-text", Input).focus()
            return
        key, passphrase = None, ""
        if self.asking:
            key = self.typed_key()
            if key is None:
                return
            passphrase = self.query_one("#note-passphrase", Input).value
        objective = self.query_one("#note-objective", Select).value
        self.dismiss(NoteRequest(text, objective if isinstance(objective, str) else None, key, passphrase))

    def typed_key(self) -> SaveKey | None:
        """The signed save's key from the passphrase typed; None, saying why in the dialog, when it is not."""
        assert self.loaded is not None
        field = self.query_one("#note-passphrase", Input)
        try:
            return self.loaded.unlock(field.value)
        except WrongPassphrase:
            said = "That is not the passphrase this game was signed with · try again"
        except PassphraseNeeded:
            said = "The note is signed with the facilitator's passphrase: type it"
        except SaveError as problem:
            said = one_line(problem)
        self.query_one("#note-error", Static).update(
            plain(f"{said}, or Cancel: a signed game takes no unsigned note", "$error"))
        field.clear()
        field.focus()
        return None

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["AS_PLAYED", "ForkRequest", "ForkScreen", "NoteRequest", "NoteScreen", "seat_choices"]
