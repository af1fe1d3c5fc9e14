"""``tabletop serve``: the app in a web browser (textual-serve), locked down for a trainer's machine.

textual-serve runs one app process per browser connection. On top of it:

* the web socket opens only for pages of this server: its ``Origin`` must be
  this server's own (any other web page open in the trainer's browser could
  otherwise drive the app on localhost);
* each visitor gets a folder of its own for saves, named by an unguessable
  token in a cookie, so one visitor never lists or resumes another's games
  (unless the trainer asks for one shared folder);
* the scenario files a visitor may open are the shipped ones and those under a
  folder the trainer names;
* at most ``max_visitors`` play at once; the next one gets a polite page;
* a visitor's app process ends when its connection does.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import secrets
import shlex
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from tabletop.scenarios.library import SCENARIO_DIR_ENV, SERVE_ENV

COOKIE = "tabletop_visitor"
VISITORS = "visitors"
log = logging.getLogger("tabletop.serve")

FULL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tabletop: the exercise is full</title>
<style>body {{ font-family: sans-serif; max-width: 36em; margin: 4em auto; line-height: 1.5; }}</style></head>
<body><h1>The exercise is full</h1>
<p>{count} people are playing on this machine, which is as many as the trainer allowed.
Please try again in a few minutes, or ask the trainer.</p></body></html>
"""


def same_origin(origin: str | None, host: str | None) -> bool:
    """Whether a browser's ``Origin`` names the very server it asks (scheme http or https, same host and port)."""
    if not origin or not host:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


def visitor_folder(saves: Path, token: str) -> Path:
    """A visitor's own saves folder, named by a digest of its token (the token itself is never written)."""
    return saves / VISITORS / hashlib.sha256(token.encode()).hexdigest()[:24]


def valid_token(token: str | None) -> bool:
    return bool(token) and 20 <= len(token or "") <= 64 and all(c.isalnum() or c in "-_" for c in token or "")


class TabletopServer(Server):
    """textual-serve's server with the origin check, per-visitor folders and a visitor limit."""

    def __init__(self, command: list[str], saves: Path, *, host: str, port: int, max_visitors: int = 20,
                 shared_saves: bool = False, scenario_dir: Path | None = None) -> None:
        super().__init__(shlex.join(command), host=host, port=port, title="tabletop")
        self.argv = command
        self.saves = saves
        self.max_visitors = max_visitors
        self.shared_saves = shared_saves
        self.scenario_dir = scenario_dir
        self.visitors = 0

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; ``tabletop serve`` prints its own line instead."""

    def visitor_command(self, token: str) -> str:
        """The shell command one visitor's app runs: its own saves folder and the scenario rule in its environment."""
        folder = self.saves if self.shared_saves else visitor_folder(self.saves, token)
        folder.mkdir(parents=True, exist_ok=True)
        env = {"TABLETOP_SAVES": str(folder), SERVE_ENV: "1",
               SCENARIO_DIR_ENV: str(self.scenario_dir) if self.scenario_dir else ""}
        return " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items()) + " " + shlex.join(self.argv)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.visitors >= self.max_visitors:
            return web.Response(text=FULL_PAGE.format(count=html.escape(str(self.visitors))),
                                content_type="text/html", status=503)
        response = await super().handle_index(request)
        token = request.cookies.get(COOKIE)
        if not valid_token(token):
            response.set_cookie(COOKIE, secrets.token_urlsafe(24), httponly=True, samesite="Strict",
                                max_age=60 * 60 * 24 * 30)
        return response

    @staticmethod
    def _closer(websocket: web.WebSocketResponse) -> Callable[[], Awaitable[None]]:
        async def close() -> None:
            await websocket.close()
        return close

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own handler, with the checks above and this visitor's command."""
        if not same_origin(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden(text="this page may be opened only from the tabletop server itself")
        token = request.cookies.get(COOKIE)
        if token is None or not valid_token(token):
            raise web.HTTPForbidden(text="open the tabletop page first (it gives your browser its own folder)")
        if self.visitors >= self.max_visitors:
            raise web.HTTPServiceUnavailable(text="the exercise is full; try again in a few minutes")
        self.visitors += 1
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=64 * 1024)
        width = max(20, min(500, to_int(request.query.get("width", "80"), 80)))
        height = max(10, min(300, to_int(request.query.get("height", "24"), 24)))
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(self.visitor_command(token), write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str, close=self._closer(websocket),
                                 download_manager=self.download_manager, debug=False)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one visitor's failure must not stop the server
            log.warning("a visitor's session ended with an error: %s", " ".join(str(error).split())[:200])
        finally:
            if service is not None:
                await service.stop()  # the visitor's app process ends with its connection
            self.visitors -= 1
        return websocket
