"""Open a page in a real headless Chromium and record what went wrong, through the
DevTools protocol (websocket-client): uncaught exceptions, console errors, log errors
(CSP violations, failed loads) and every network request the page made.

The browser: CLOUDPACT_CHROMIUM, else `chromium` (or `chromium-browser`) on PATH, else, on a
Debian-like machine where the tests run as root (CI, the project's machines), the tests install
Debian's `chromium` and `fonts-noto-cjk` (Chinese glyphs for the zh pages) themselves with
apt-get, once: so the README's one test command needs nothing installed beforehand. Elsewhere
install a Chromium and name it in CLOUDPACT_CHROMIUM.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import websocket

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]


def _found() -> str | None:
    return (
        os.environ.get("CLOUDPACT_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


_INSTALL_TRIED = False


def _install_with_apt() -> None:
    """Debian's chromium (and CJK fonts) through apt-get, when root on a Debian-like machine."""
    global _INSTALL_TRIED
    if _INSTALL_TRIED or shutil.which("apt-get") is None or not hasattr(os, "geteuid"):
        return
    _INSTALL_TRIED = True
    if os.geteuid() != 0:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False, capture_output=True,
                   timeout=900)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"], env=env,
                   check=False, capture_output=True, timeout=1800)


def chromium_binary() -> str | None:
    found = _found()
    if found is None:
        _install_with_apt()
        found = _found()
    return found


@dataclass
class PageRun:
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


class Browser:
    def __init__(self, binary: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="cloudpact-chromium-")
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        url = self._devtools_url()
        self.ws = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self.ids = itertools.count(1)

    def _devtools_url(self) -> str:
        assert self.proc.stderr is not None
        deadline = time.monotonic() + self.timeout
        seen = []
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if "DevTools listening on " in line:
                # keep draining stderr so a chatty browser never blocks on a full pipe
                threading.Thread(target=self._drain, daemon=True).start()
                return line.split("DevTools listening on ", 1)[1].strip()
        self.close()
        raise RuntimeError("chromium did not start: " + "".join(seen[-5:]))

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for _line in self.proc.stderr:
            pass

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        events: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        msg_id = next(self.ids)
        msg: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            if events is not None:
                events.append(reply)

    def open(self, url: str, expressions: dict[str, str], settle: float = 0.5) -> PageRun:
        """Load url in a fresh tab; evaluate expressions (name -> JS) once it has loaded."""
        events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.call(f"{domain}.enable", session=session, events=events)
        self.call("Page.navigate", {"url": url}, session=session, events=events)
        deadline = time.monotonic() + self.timeout
        loaded_at: float | None = None
        self.ws.settimeout(0.1)
        try:
            while time.monotonic() < deadline:
                if loaded_at is not None and time.monotonic() - loaded_at > settle:
                    break
                try:
                    event = json.loads(self.ws.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                events.append(event)
                if (
                    event.get("method") == "Page.loadEventFired"
                    and event.get("sessionId") == session
                ):
                    loaded_at = time.monotonic()
        finally:
            self.ws.settimeout(self.timeout)
        if loaded_at is None:
            raise RuntimeError(f"{url} did not finish loading in {self.timeout} s")
        run = PageRun()
        for name, js in expressions.items():
            result = self.call(
                "Runtime.evaluate",
                {"expression": js, "returnByValue": True},
                session=session,
                events=events,
            )
            if "exceptionDetails" in result:
                run.errors.append(f"evaluating {name}: {result['exceptionDetails'].get('text')}")
            run.values[name] = result.get("result", {}).get("value")
        for event in events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                run.errors.append(
                    "exception: "
                    + str(details.get("exception", {}).get("description") or details.get("text"))
                )
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                run.errors.append(
                    "console."
                    + params["type"]
                    + ": "
                    + " ".join(
                        str(a.get("value", a.get("description", ""))) for a in params["args"]
                    )
                )
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                run.errors.append("log: " + params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                run.requests.append(params["request"]["url"])
        self.call("Target.closeTarget", {"targetId": target})
        return run

    def close(self) -> None:
        try:
            if getattr(self, "ws", None) is not None:
                with contextlib.suppress(Exception):  # the browser may already be gone
                    self.call("Browser.close")
                self.ws.close()
        finally:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


def open_page(path: Path, expressions: dict[str, str]) -> PageRun:
    binary = chromium_binary()
    if binary is None:
        raise RuntimeError(
            "no chromium binary and none could be installed (install a Chromium and set "
            "CLOUDPACT_CHROMIUM, or run the tests as root on Debian: they apt-get install it)"
        )
    browser = Browser(binary)
    try:
        return browser.open(path.resolve().as_uri(), expressions)
    finally:
        browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module (shared through tests/conftest.py)."""
    binary = chromium_binary()
    if binary is None:
        pytest.fail("no chromium: apt-get install -y chromium (or set CLOUDPACT_CHROMIUM)")
    b = Browser(binary)
    yield b
    b.close()
