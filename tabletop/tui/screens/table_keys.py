"""The keys of the table: each move's key, label, button and the action kind it needs, and the other keys.

The table's footer, its buttons, the command palette and the help screen are
all built from :data:`MOVES`.
"""

from __future__ import annotations

from typing import Any

import attrs
from textual.binding import Binding, BindingType
from textual.widgets.button import ButtonVariant

from tabletop.engine import actions as act


@attrs.frozen
class Move:
    """A move at the table: its key, its action on the screen, and the action kind it needs."""

    name: str
    key: str
    label: str
    kind: str
    """The engine's name for the action kind (an action class's ``kind``)."""
    action: str
    variant: ButtonVariant = "default"
    help: str = ""
    talk: bool = False
    """A process move (about how the talks are run, not the board): the move bar's second row, "Talk" (not the footer)."""

    @property
    def key_label(self) -> str:
        return self.key.split(",")[0]

    @property
    def action_name(self) -> str:
        return self.action.split("(")[0]

    @property
    def params(self) -> tuple[Any, ...]:
        if "(" not in self.action:
            return ()
        inner = self.action.split("(", 1)[1].rstrip(")")
        return (inner.strip("'\""),)


MOVES = [
    Move("conciliatory", "c", "Conciliatory", act.Statement.kind, "posture('conciliatory')", "success",
         "Public statement: conciliatory (builds trust, costs a little standing)"),
    Move("neutral", "n", "Neutral", act.Statement.kind, "posture('neutral')", "default", "Public statement: neutral"),
    Move("hardline", "h", "Hardline", act.Statement.kind, "posture('hardline')", "error",
         "Public statement: hardline (costs trust, pleases hawks at home)"),
    Move("propose", "p", "Propose", act.Propose.kind, "propose", "primary", "Build a package and put it on the table"),
    Move("gesture", "g", "Gesture", act.Gesture.kind, "gesture", "success", "Move one of your own irritants up, asking nothing"),
    Move("retaliate", "r", "Retaliate", act.Retaliate.kind, "retaliate", "error", "Move one of your irritants down"),
    Move("renege", "e", "Renege", act.Renege.kind, "renege", "error", "Undo one of your concessions in an earlier deal"),
    Move("pass", "s", "Pass", act.Pass.kind, "pass_turn", "default", "Do nothing this turn"),
    Move("conclude", "f", "Conclude", act.ProposeConclude.kind, "conclude", "warning", "Propose to end the talks here"),
    Move("accept", "a", "Accept", act.Accept.kind, "accept", "success", "Accept the package on the table"),
    Move("counter", "o", "Counter", act.Counter.kind, "counter", "primary", "Answer with a package of your own"),
    Move("reject", "x", "Reject", act.Reject.kind, "reject", "error", "Reject the package: talks close for this round"),
    Move("agree", "y", "Agree to conclude", act.AgreeConclude.kind, "agree", "success", "End the talks now"),
    Move("decline", "n", "Keep talking", act.DeclineConclude.kind, "decline", "primary", "Decline to conclude"),
    Move("walk_out", "w", "Walk out", act.WalkOut.kind, "walk_out", "error", "Leave the table: the talks collapse"),
    Move("ask", "q", "Ask", act.AskPriorities.kind, "ask_priorities", "default",
         "Ask the other side which irritants matter most to it (it answers first)", talk=True),
    Move("disclose", "i", "Priorities", act.DisclosePriorities.kind, "disclose", "default",
         "Say which irritants matter most to you (true or not), or answer their question", talk=True),
    Move("meso", "m", "MESO", act.ProposeMeso.kind, "meso", "primary",
         "Put 2-3 packages of equal value to you on the table at once; the other side picks one", talk=True),
    Move("pick", "k", "Pick one", act.AcceptOption.kind, "pick", "success",
         "Pick one of the packages on the table: it is accepted at once"),
    Move("address", "d", "Address", act.Address.kind, "address", "default",
         "Speak to Europe or Beijing over the table's head: reassure them, or signal other options", talk=True),
]
BY_ACTION = {move.action_name: move for move in MOVES}
DEMO_ACTIONS = {"pause", "step", "speed"}

TABLE_BINDINGS: list[BindingType] = [
    # The talk moves' keys work, but are not in the footer: the move bar's "Talk" row shows them whole, and with
    # them all open the footer's tail was cut at 120 columns (issue 11 review).
    *[Binding(m.key, m.action, m.label, tooltip=m.help, show=not m.talk) for m in MOVES],
    Binding("b", "brief", "Brief", tooltip="Your confidential brief"),
    Binding("space", "pause", "Pause"),
    Binding("full_stop", "step", "Step"),
    Binding("plus,equals_sign", "speed(0.66)", "Faster"),
    Binding("minus", "speed(1.5)", "Slower"),
    Binding("l", "focus_log", "Log", show=False),
]


__all__ = ["BY_ACTION", "DEMO_ACTIONS", "MOVES", "Move", "TABLE_BINDINGS"]
