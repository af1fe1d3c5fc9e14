"""Actions: the only things that change a game, each a small frozen value.

Every action converts to plain data (``to_dict``) and back
(:func:`tabletop.engine.action_reader.action_from_dict`),
which is what a save file holds. A class names its kind (the ``"type"`` it is
saved under) and says whether it is one of the facilitator's controls; its
rule, the phases and conditions in which it is legal and who sees it in the
log are declared in the one table of kinds, :mod:`tabletop.engine.kinds`.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from tabletop.engine.model import Effects, Message, Posture, Response, Side
from tabletop.engine.state import Offer


@attrs.frozen(repr=False)
class Action:
    """Base of all actions; ``kind`` is the name it is saved under and its trigger in the phase machine."""

    kind: ClassVar[str] = ""
    by_facilitator: ClassVar[bool] = False

    def __repr__(self) -> str:
        # One shared repr instead of a generated one per class: the engine imports faster.
        fields = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items() if k != "type")
        return f"{type(self).__name__}({fields})"

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"type": self.kind}
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if field.metadata.get("omit_empty") and not value:
                continue  # a field added later stays out of the saved line while empty: old saves read the same
            data[field.name] = _plain(value)
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, Offer):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Effects):
        return {"trust": value.trust, "tension": value.tension,
                "standing": dict(sorted(value.standing.items())), "rungs": dict(sorted(value.rungs.items()))}
    if isinstance(value, (Side, Posture, Response, Message)):
        return value.value
    return value


@attrs.frozen(repr=False)
class Statement(Action):
    """Choose a public posture for this round (secret until both have chosen)."""

    kind: ClassVar[str] = "statement"
    side: Side
    posture: Posture


@attrs.frozen(repr=False)
class RespondInject(Action):
    """Answer an inject that forces a choice: respond, or absorb the blow."""

    kind: ClassVar[str] = "respond_inject"
    side: Side
    inject: str
    response: Response


@attrs.frozen(repr=False)
class Propose(Action):
    """Put a package on the table."""

    kind: ClassVar[str] = "propose"
    side: Side
    offer: Offer


@attrs.frozen(repr=False)
class Accept(Action):
    """Accept the package on the table; it is implemented at once."""

    kind: ClassVar[str] = "accept"
    side: Side


@attrs.frozen(repr=False)
class Counter(Action):
    """Answer the package on the table with another; the counter becomes the offer."""

    kind: ClassVar[str] = "counter"
    side: Side
    offer: Offer


@attrs.frozen(repr=False)
class Reject(Action):
    """Reject the package on the table; the negotiation closes for this round.

    ``reason`` is what the rejecting side says about why, in words (a computer opponent turning a
    package down by choice says it; "" when nothing is said).
    """

    kind: ClassVar[str] = "reject"
    side: Side
    reason: str = attrs.field(default="", kw_only=True, metadata={"omit_empty": True})


@attrs.frozen(repr=False)
class Gesture(Action):
    """A unilateral concession: move one of your own irritants up, asking nothing."""

    kind: ClassVar[str] = "gesture"
    side: Side
    irritant: str
    to: int


@attrs.frozen(repr=False)
class Retaliate(Action):
    """Move one of your own irritants down."""

    kind: ClassVar[str] = "retaliate"
    side: Side
    irritant: str
    to: int


@attrs.frozen(repr=False)
class Renege(Action):
    """Undo one of your concessions in an earlier deal, and everything linked to it."""

    kind: ClassVar[str] = "renege"
    side: Side
    deal: int
    irritant: str


@attrs.frozen(repr=False)
class Pass(Action):
    """Do nothing this turn."""

    kind: ClassVar[str] = "pass"
    side: Side


@attrs.frozen(repr=False)
class WalkOut(Action):
    """Leave the table: the talks collapse, and the side that left pays double."""

    kind: ClassVar[str] = "walk_out"
    side: Side


@attrs.frozen(repr=False)
class ProposeConclude(Action):
    """Propose to end the talks here and be graded on the board as it stands."""

    kind: ClassVar[str] = "propose_conclude"
    side: Side


@attrs.frozen(repr=False)
class AgreeConclude(Action):
    """Agree to the other side's proposal to conclude: the game ends."""

    kind: ClassVar[str] = "agree_conclude"
    side: Side


@attrs.frozen(repr=False)
class DeclineConclude(Action):
    """Decline to conclude: the talks go on."""

    kind: ClassVar[str] = "decline_conclude"
    side: Side


@attrs.frozen(repr=False)
class AskPriorities(Action):
    """Ask the other side which irritants matter most to it; it answers before anything else is done."""

    kind: ClassVar[str] = "ask_priorities"
    side: Side


@attrs.frozen(repr=False)
class DisclosePriorities(Action):
    """State which irritants matter most to you, most first (true or not: the brief stays private).

    An empty ranking answers a question by declining to say.
    """

    kind: ClassVar[str] = "disclose_priorities"
    side: Side
    ranking: tuple[str, ...]


@attrs.frozen(repr=False)
class ProposeMeso(Action):
    """Put several packages of equal value to you on the table at once; the other side picks one."""

    kind: ClassVar[str] = "propose_meso"
    side: Side
    offers: tuple[Offer, ...]


@attrs.frozen(repr=False)
class AcceptOption(Action):
    """Accept one package (numbered from 0) of the several on the table; it is implemented at once."""

    kind: ClassVar[str] = "accept_option"
    side: Side
    option: int


@attrs.frozen(repr=False)
class Address(Action):
    """A public statement addressed to an audience of the scenario (Europe, Beijing) rather than the table."""

    kind: ClassVar[str] = "address"
    side: Side
    audience: str
    message: Message


@attrs.frozen(repr=False)
class FireInject(Action):
    """Facilitator: fire one of the scenario's injects now, by hand."""

    kind: ClassVar[str] = "fire_inject"
    by_facilitator: ClassVar[bool] = True
    inject: str


@attrs.frozen(repr=False)
class CustomInject(Action):
    """Facilitator: a free-text inject with chosen effects."""

    kind: ClassVar[str] = "custom_inject"
    by_facilitator: ClassVar[bool] = True
    title: str
    text: str
    effects: Effects = Effects()


@attrs.frozen(repr=False)
class HoldInject(Action):
    """Facilitator: hold an inject back; it will not fire until released."""

    kind: ClassVar[str] = "hold_inject"
    by_facilitator: ClassVar[bool] = True
    inject: str


@attrs.frozen(repr=False)
class ReleaseInject(Action):
    """Facilitator: release a held inject; it fires when its time or condition comes."""

    kind: ClassVar[str] = "release_inject"
    by_facilitator: ClassVar[bool] = True
    inject: str


@attrs.frozen(repr=False)
class SkipInject(Action):
    """Facilitator: drop an inject from this game."""

    kind: ClassVar[str] = "skip_inject"
    by_facilitator: ClassVar[bool] = True
    inject: str


@attrs.frozen(repr=False)
class Pause(Action):
    """Facilitator: pause the exercise; no side may move until it resumes."""

    kind: ClassVar[str] = "pause"
    by_facilitator: ClassVar[bool] = True


@attrs.frozen(repr=False)
class Resume(Action):
    """Facilitator: resume a paused exercise."""

    kind: ClassVar[str] = "resume"
    by_facilitator: ClassVar[bool] = True


@attrs.frozen(repr=False)
class SetTimer(Action):
    """Facilitator: set the round timer in seconds (0 turns it off)."""

    kind: ClassVar[str] = "set_timer"
    by_facilitator: ClassVar[bool] = True
    seconds: int


@attrs.frozen(repr=False)
class TimeUp(Action):
    """The round timer ran out: the side (or sides) whose move it is pass."""

    kind: ClassVar[str] = "time_up"
    by_facilitator: ClassVar[bool] = True


@attrs.frozen(repr=False)
class Note(Action):
    """Facilitator: an evaluator's note on this moment, optionally tagged with an objective."""

    kind: ClassVar[str] = "note"
    by_facilitator: ClassVar[bool] = True
    text: str
    objective: str = ""


ACTION_TYPES: dict[str, type[Action]] = {cls.kind: cls for cls in Action.__subclasses__()}
"""Every action class by the ``"type"`` it is saved under (what each kind does: :mod:`tabletop.engine.kinds`)."""
