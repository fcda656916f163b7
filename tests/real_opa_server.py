"""A loopback OPA server for tests: an HTTP server speaking the part of OPA's REST API that
cloudpact's `--engine opa` client uses (PUT /v1/policies/<id>, PUT /v1/data/<path>,
POST /v1/data/<path>, GET /v1/policies, GET /health), evaluating with the REAL OPA — its
own Go `rego` package (v1.20.2) through opa-golib-python-bindings, in this process. The
`opa run --server` binary cannot be obtained on the project's machines (DESIGN-NOTES); the
Go evaluator behind it is the same, so verdicts through this server are OPA's verdicts.
What differs from `opa run --server`: a PUT policy is parsed at once but type-checked at the
next query (a type error is then a 500 on that query, not a 400 on the PUT), and builtin
errors are strict (a 500), where a default server gives undefined.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from opa_bindings import OpaEngine, OpaError, OpaUndefinedError


def _one_line(exc: OpaError) -> str:
    return " ".join(exc.message.split())


class _State:
    def __init__(self) -> None:
        self.policies: dict[str, str] = {}
        self.delay = 0.0
        self.requests: list[tuple[str, str]] = []
        self.opa = OpaEngine()  # one real OPA, shared by the server's threads (it locks)


class _Handler(BaseHTTPRequestHandler):
    server: RealOpaServer  # type: ignore[assignment]

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
                state.opa.add_policy(pid, body.decode())
            except OpaError as exc:
                self._send(400, {"code": "invalid_parameter",
                                 "message": "error(s) occurred while compiling module(s)",
                                 "errors": [{"code": "rego_parse_error", "message": _one_line(exc)}]})
                return
            state.policies[pid] = body.decode()
            self._send(200, {})
        elif self.path.startswith("/v1/data/"):
            key = self.path.removeprefix("/v1/data/").strip("/").replace("/", ".")
            state.opa.add_data(json.loads(body), key)
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
        path = self.path.removeprefix("/v1/data/").split("?")[0].strip("/").replace("/", ".")
        try:
            value = state.opa.eval_document(path, body.get("input", {}))
        except OpaUndefinedError:
            self._send(200, {})
            return
        except OpaError as exc:
            self._send(500, {"code": "internal_error", "message": _one_line(exc)})
            return
        self._send(200, {"result": value})


class RealOpaServer(HTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = _State()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> RealOpaServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
