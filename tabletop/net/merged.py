"""What a client knows from the host's messages, merged: a seat's view, or the facilitator's rows and tables.

The host sends a whole view when a connection joins (``welcome``) and then only
what changed (``update``: the table's changed fields and the new log lines;
``seats``, ``row``, ``overview``, ``table_view``, ``debrief``, ``summary``).
:class:`MergedView` keeps the latest of each; :class:`~tabletop.net.client.HostClient`
is one.
"""

from __future__ import annotations

from typing import Any


class MergedView:
    """The latest view of the class as this connection may see it."""

    join_message: dict[str, Any]

    def __init__(self) -> None:
        self.welcome: dict[str, Any] = {}
        self.view: dict[str, Any] = {}
        """A seat's view: scenario, brief, seats, table, log, options, time_left, debrief."""
        self.rows: dict[str, dict[str, Any]] = {}
        """The facilitator's dashboard: one row per table id."""
        self.opened: dict[str, dict[str, Any]] = {}
        """Full views of the tables the facilitator opened."""
        self.summary: dict[str, Any] | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.join_message.get("facilitator") is True

    @property
    def side(self) -> str:
        return str(self.view.get("side", ""))

    def take_welcome(self, message: dict[str, Any]) -> None:
        """A whole view: a seat's table, or the facilitator's rows (and summary, once the class has ended)."""
        self.welcome = message
        if message.get("role") == "facilitator":
            self.rows = {row["id"]: row for row in message.get("tables", [])}
            self.summary = message.get("summary")
            return
        self.view = {key: message[key] for key in ("scenario", "brief", "seats", "side", "team", "table_id",
                                                   "table_name", "class_ended") if key in message}
        self.merge_state(self.view, message["state"])

    @staticmethod
    def merge_state(view: dict[str, Any], state: dict[str, Any]) -> None:
        """A table's ``state`` into ``view``: new log lines appended by position, changed fields replaced."""
        log = view.setdefault("log", [])
        last = log[-1]["seq"] if log else -1
        log.extend(entry for entry in state.get("log", []) if entry["seq"] > last)
        for key, value in state.items():
            if key == "table" and isinstance(view.get("table"), dict):
                view["table"] = {**view["table"], **value}  # an update carries only the fields that changed
            elif key != "log":
                view[key] = value

    def take(self, message: dict[str, Any]) -> None:
        """Any other message from the host (raises ``KeyError`` or ``TypeError`` on one that is not as it should be)."""
        kind = message.get("type")
        if kind == "update":
            table = str(message.get("table"))
            target = self.opened.get(table) if self.is_facilitator else self.view
            if target is not None:
                self.merge_state(target, message["state"])
        elif kind == "seats" and not self.is_facilitator:
            self.view["seats"] = message["seats"]
        elif kind == "debrief" and not self.is_facilitator:
            self.view["debrief"] = message["debrief"]
        elif kind == "row":
            self.rows[message["row"]["id"]] = message["row"]
        elif kind == "overview":
            self.rows = {row["id"]: row for row in message["tables"]}
        elif kind == "table_view":
            view = {key: value for key, value in message.items() if key != "state"}
            self.merge_state(view, message["state"])
            self.opened[message["table"]] = view
        elif kind == "summary":
            self.summary = {key: value for key, value in message.items() if key != "type"}


__all__ = ["MergedView"]
