"""The class state file: join codes, seeds, save names and seats, kept beside the tables' saves.

``class-state.json`` lives in the class's saves folder and is what lets a host
killed and started again (or ``tabletop codes`` run before the host) find the
same codes and the same games. It holds every join code, and the facilitator's
passphrase when the host generated one, so it is created readable by its
owner only (mode 0600, in a folder of mode 0700) and replaced atomically.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

import attrs

from tabletop.engine.model import SIDES, Side
from tabletop.errors import UserError
from tabletop.net import codes
from tabletop.net.classfile import ClassPlan
from tabletop.net.journal import replace_private

FORMAT = "tabletop-class"
VERSION = 1
FILE_NAME = "class-state.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class ClassStateError(UserError):
    """A class state file that cannot be read, written or does not match the class asked for."""


@attrs.define
class SeatState:
    team: str
    player: str
    code: str


@attrs.define
class TableState:
    id: str
    name: str
    scenario_id: str
    seed: int
    seats: dict[Side, SeatState]
    save: str | None = None
    """The table's save file name in the class folder (None until the host first starts)."""


@attrs.define
class ClassState:
    """What must survive a host restart; the tables' games themselves are in their saves."""

    path: Path
    name: str
    tables: list[TableState]
    passphrase: str = ""
    """The facilitator's passphrase if the host generated one (a given one is never written)."""
    ended: bool = False

    @property
    def folder(self) -> Path:
        return self.path.parent

    def table(self, table_id: str) -> TableState:
        return next(t for t in self.tables if t.id == table_id)

    def seat_codes(self) -> dict[str, str]:
        """``"t1/washington"`` -> normalised code, for every seat of the class."""
        return {f"{t.id}/{side.value}": seat.code for t in self.tables for side, seat in t.seats.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "name": self.name, "passphrase": self.passphrase,
                "ended": self.ended,
                "tables": [{"id": t.id, "name": t.name, "scenario_id": t.scenario_id, "seed": t.seed, "save": t.save,
                            "seats": {s.value: attrs.asdict(seat) for s, seat in t.seats.items()}}
                           for t in self.tables]}

    def write(self) -> None:
        """Replace the file atomically; readable and writable by its owner only."""
        data = json.dumps(self.to_dict(), indent=1, ensure_ascii=False).encode("utf-8")
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            replace_private(self.path, data, temporary)
        except OSError as error:
            raise ClassStateError(f"{self.path}: cannot write the class state ({error.strerror or error})") from None


def slug(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.").lower() or "class"


def default_folder(plan: ClassPlan) -> Path:
    """Where a class keeps its saves and state without ``--saves-dir``: ``<saves>/class-<name>``."""
    from tabletop.saves.folder import saves_dir

    return saves_dir() / f"class-{slug(plan.name)}"


def _fresh(plan: ClassPlan, path: Path) -> ClassState:
    used: set[str] = set()

    def unique() -> str:
        while (code := codes.new_code()) in used:
            pass
        used.add(code)
        return code

    tables = [TableState(t.id, t.name, t.scenario.id, t.seed if t.seed is not None else secrets.randbits(62),
                         {side: SeatState(t.seats[side].team, t.seats[side].player, unique()) for side in SIDES})
              for t in plan.tables]
    return ClassState(path, plan.name, tables, codes.new_passphrase())


def _load(path: Path) -> ClassState:
    name = str(path)
    try:
        if path.stat().st_size > 4_000_000:
            raise ClassStateError(f"{name}: is too large to be a class state file")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ClassStateError(f"{name}: cannot be read ({error.strerror or error})") from None
    except ValueError as error:
        raise ClassStateError(f"{name}: is not a class state file ({' '.join(str(error).split())})") from None
    try:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"expected format {FORMAT!r} version {VERSION}")
        tables = []
        for row in data["tables"]:
            seats = {Side(s): SeatState(str(v["team"]), str(v["player"]), codes.normalise(str(v["code"])))
                     for s, v in row["seats"].items()}
            if set(seats) != set(SIDES) or not all(seat.code for seat in seats.values()):
                raise ValueError(f"table {row.get('id')!r} needs a valid code for both seats")
            save = row.get("save")
            if save is not None and (not isinstance(save, str) or Path(save).name != save):
                raise ValueError(f"table {row.get('id')!r}: the save must be a file name in the class folder")
            tables.append(TableState(str(row["id"]), str(row["name"]), str(row["scenario_id"]), int(row["seed"]),
                                     seats, save))
        return ClassState(path, str(data["name"]), tables, str(data.get("passphrase") or ""),
                          bool(data.get("ended", False)))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ClassStateError(f"{name}: is not a usable class state file ({error})") from None


def _check(state: ClassState, plan: ClassPlan) -> None:
    where = f"{state.path}: holds the class {state.name!r} with {len(state.tables)} table(s)"
    if len(state.tables) != len(plan.tables):
        raise ClassStateError(f"{where}, but {plan.source} has {len(plan.tables)}; "
                              "use another --saves-dir for another class")
    for saved, planned in zip(state.tables, plan.tables):
        if saved.scenario_id != planned.scenario.id or (planned.seed is not None and planned.seed != saved.seed):
            raise ClassStateError(f"{where}, and its table {saved.id} plays {saved.scenario_id!r} "
                                  f"(seed {saved.seed}), not what {plan.source} asks for; "
                                  "use another --saves-dir for another class")


def open_class(plan: ClassPlan, folder: Path | str | None = None) -> ClassState:
    """The class's state in ``folder`` (default: :func:`default_folder`), created with fresh codes if new.

    Names (the class's, the tables', the teams') follow the plan; codes, seeds,
    saves and who plays each seat are kept from the file once it exists.
    """
    place = Path(folder) if folder is not None else default_folder(plan)
    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ClassStateError(f"{place}: cannot create the class folder ({error.strerror or error})") from None
    if not place.is_dir():
        raise ClassStateError(f"{place}: is not a folder, expected the class's saves folder")
    path = place / FILE_NAME
    if not path.exists():
        state = _fresh(plan, path)
        state.write()
        return state
    state = _load(path)
    _check(state, plan)
    state.name = plan.name
    for saved, planned in zip(state.tables, plan.tables):
        saved.name = planned.name
        for side in SIDES:
            saved.seats[side].team = planned.seats[side].team
            if saved.save is None:
                saved.seats[side].player = planned.seats[side].player
    return state
