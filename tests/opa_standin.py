"""A STAND-IN for an OPA server, for tests only: a loopback HTTP server speaking the part of
OPA's REST API that cloudpact's OPA engine uses (PUT /v1/policies/<id>, PUT /v1/data/<path>,
POST /v1/data/<path>, GET /v1/policies, GET /health), evaluating with the embedded regorus
engine. It is NOT OPA: it proves the client side (requests, error handling, collector
policy) — the parity test against a real `opa` runs when one is on PATH.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import regorus

from checker.engine.embedded import clean_error


class _State:
    def __init__(self) -> None:
        self.policies: dict[str, str] = {}
        self.data: dict[str, Any] = {}
        self.delay = 0.0
        self.requests: list[tuple[str, str]] = []

    def compile(self, policies: dict[str, str]) -> Any:
        """A fresh engine per request, created and dropped in the server thread
        (a regorus Engine must not cross threads)."""
        engine = regorus.Engine()
        for pid, src in sorted(policies.items()):
            engine.add_policy(pid, src)
        engine.add_data_json(json.dumps(self.data))
        return engine


class _Handler(BaseHTTPRequestHandler):
    server: StandinServer  # type: ignore[assignment]

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send(self, code: int, body: Any = None) -> None:
        raw = b"" if body is None else json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self) -> None:
        state = self.server.state
        state.requests.append(("GET", self.path))
        if self.path.startswith("/health"):
            self._send(200, {})
        elif self.path.startswith("/v1/policies"):
            self._send(200, {"result": [{"id": k, "raw": v} for k, v in state.policies.items()]})
        else:
            self._send(404, {"code": "resource_not_found", "message": self.path})

    def do_PUT(self) -> None:
        state = self.server.state
        state.requests.append(("PUT", self.path))
        body = self._body()
        if self.path.startswith("/v1/policies/"):
            pid = self.path.removeprefix("/v1/policies/")
            try:
                state.compile({**state.policies, pid: body.decode()})
            except RuntimeError as exc:
                self._send(400, {"code": "invalid_parameter",
                                 "message": "error(s) occurred while compiling module(s)",
                                 "errors": [{"code": "rego_parse_error", "message": clean_error(exc)}]})
                return
            state.policies[pid] = body.decode()
            self._send(200, {})
        elif self.path.startswith("/v1/data/"):
            key = self.path.removeprefix("/v1/data/")
            state.data[key] = json.loads(body)
            self._send(204)
        else:
            self._send(404, {"code": "resource_not_found", "message": self.path})

    def do_POST(self) -> None:
        state = self.server.state
        state.requests.append(("POST", self.path))
        time.sleep(state.delay)
        body = json.loads(self._body() or b"{}")
        if not self.path.startswith("/v1/data/"):
            self._send(404, {"code": "resource_not_found", "message": self.path})
            return
        query = "data." + self.path.removeprefix("/v1/data/").split("?")[0].replace("/", ".")
        try:
            engine = state.compile(state.policies)
            engine.set_input_json(json.dumps(body.get("input", {})))
            result = json.loads(engine.eval_query_as_json(query)).get("result", [])
        except RuntimeError as exc:
            self._send(500, {"code": "internal_error", "message": clean_error(exc)})
            return
        if not result:
            self._send(200, {})
        else:
            self._send(200, {"result": result[0]["expressions"][0]["value"]})


class StandinServer(HTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = _State()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> StandinServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
