"""Help: the rules in short, the keys, and a paragraph on each computer opponent's style (never which one plays)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tabletop.engine.opponents import STRATEGIES, describe
from tabletop.tui.screens.table_keys import MOVES
from tabletop.tui.text import lines, plain

HEAD = "bold $accent"

RULES = [
    "Washington and Moscow negotiate over irritants. Each irritant is a ladder of rungs, from most "
    "restrictive (rung 0) to normal (the top). Its mover (one capital, or both together) moves it: "
    "up is a concession, down a retaliation.",
    "Each side has a confidential brief: what each irritant is worth to it, what its concessions cost "
    "at home, its red lines and its walk-away value (what no agreement pays it: its best alternative, "
    "which news and audiences may improve or worsen during play). The values differ between the sides on "
    "purpose: trading what you care little about for what you care a lot about makes both better off.",
    "A round: news may break (a forced choice shows its two answers, never the expected one); both "
    "sides choose a public posture in secret (conciliatory, neutral, hardline), revealed together; then "
    "the side holding the initiative proposes a package (or two or three of equal value to it, a MESO, for "
    "the other side to pick from), makes a gesture, retaliates, or passes; it may also ask the other side "
    "what matters most to it, say what matters most to itself (true or not), or address Europe or Beijing. "
    "The other side accepts, counters or rejects, up to the exchange limit. Linked "
    "concessions stand or fall together if someone reneges.",
    "Meters: trust (shared, 0–100), each side's standing at home (0–100; at 0 the delegation is "
    "recalled; a package that would leave it below the ratification bar is not ratified at home) and "
    "tension (1 calm – 5 crisis; at 4 retaliation costs double, at 5 the talks collapse). Each capital's "
    "tone moves with statements, retaliations, deals and news.",
    "The end: both agree to conclude, the clock runs out, the talks fade after rounds without progress, "
    "or they collapse (trust 0, tension 5, a recall or a walk-out). With an agreement standing your "
    "score is your private value of the final board (0–100); with none, exactly your walk-away value; "
    "after a collapse, your walk-away value minus a penalty (a smaller one after a walk-out). So a "
    "score above your walk-away value means the talks served you better than no deal.",
]

OTHER_KEYS = [
    ("b", "read your confidential brief again"),
    ("↑ ↓", "on the board: choose an irritant to see its whole ladder"),
    ("tab", "move between the panels (scroll on a small terminal)"),
    ("1 · 2", "answer a forced choice (its two answers; Enter never answers it)"),
    ("ctrl+p", "command palette: every move legal right now (and a screenshot, into the saves folder)"),
    ("space · . · + -", "demonstration (computer against computer): pause, step, faster, slower"),
    ("1 … 8", "in the debrief: switch between its tabs · esc: back to the title screen"),
    ("F1 or ?", "this help"),
    ("ctrl+q", "quit (the game is saved as you play: it says where, and how to resume it)"),
]

OPPONENTS_HIDDEN = ("A computer opponent plays one of the styles below. Which one sits across the table is not "
                    "shown unless your trainer chooses to show it: read it from how it plays. The debrief "
                    "reveals it, with what it did.")

OPPONENTS_CONDUCT = (
    "Whatever its style, every computer opponent: never accepts a package, or agrees to conclude, on a board below "
    "its walk-away value; at the deadline treats a lowball offer as a gamble (the smaller the share of the gain it "
    "leaves it, the likelier it says no); concedes as the rounds pass, but in its own offers keeps part of its "
    "room back to the end from a side that has put no package forward (waiting for its last offer does not get you "
    "all of it); does not count on your gestures that no deal covers (you may take them back), so write a gesture "
    "into a package if you want it to count; and cools (harder words, a higher price, no more gestures) toward a side "
    "that pockets its gestures without returning them.")

BUILDER_KEYS = [
    ("↑ ↓", "choose an irritant"),
    ("← → (or ◀ ▶)", "choose the rung it moves to"),
    ("space", "mark the concession as linked (linked concessions stand or fall together)"),
    ("enter", "send the package · esc: cancel"),
]


def _keys(rows: list[tuple[str, str]]) -> list[Content]:
    return [Content.assemble((f"  {key:<18}", "bold"), text) for key, text in rows]


def help_content() -> Content:
    parts: list[Content | str] = [plain("The rules in short", HEAD)]
    for paragraph in RULES:
        parts += [plain(paragraph), ""]
    parts.append(plain("Keys at the table (the move bar above the footer shows the moves you may make now)", HEAD))
    parts += _keys([(m.key_label, m.help) for m in MOVES])
    parts += _keys(OTHER_KEYS)
    parts += ["", plain("Building a package", HEAD), *_keys(BUILDER_KEYS), ""]
    parts.append(plain("The computer opponents", HEAD))
    parts += [plain(OPPONENTS_HIDDEN), "", plain(OPPONENTS_CONDUCT), ""]
    for name in STRATEGIES:
        parts += [plain(name, "bold"), plain(describe(name)), ""]
    return lines(parts)


class HelpScreen(Screen[None]):
    """Reachable from anywhere with F1 or ?."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "Close help")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Static(help_content(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
