"""`--engine opa --opa-url URL`: the same policies and parameters, evaluated by a running
OPA server through opa-python-client.

Policies are pushed one document per file (ids `cloudpact/<path>`), the parameters to
`data.params`, plus one generated collector package that gathers every clause package's
`deny`, `measure` and `not_applicable` into one object, so the bundle input is posted once.
The collector covers every package pushed and is pushed with them: OPA recompiles every
module after each policy update, so each run names its packages in the input
(SELECTION_KEY) instead of pushing a collector of its own.
When that one query fails (a runtime error in some package), each package is queried alone
to say which one failed; the others still get their verdicts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import requests
from opa_client import OpaClient
from opa_client.errors import ConnectionsError, RegoParseError

from checker.engine.collector import (
    SELECTING_PACKAGE,
    clause_packages,
    collector_source,
    excluded_items,
    outcome_from,
    with_selection,
)
from checker.engine.interface import Engine, PackageOutcome, PolicyInput, TestOutcome, input_bytes
from checker.errors import EngineError
from checker.policies import PolicyFile

SELECTING_ID = "cloudpact/_collect_all.rego"
# Evaluating a contract year is seconds, not the client's default 1.5 s.
DEFAULT_TIMEOUT = 300.0


def _input_body(input_doc: PolicyInput) -> bytes:
    """The request body {"input": ...}, the input's JSON bytes inserted as they are."""
    return b'{"input":' + input_bytes(input_doc) + b"}"


class OpaServerEngine(Engine):
    def __init__(self, url: str | None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        if not url:
            raise EngineError("--engine opa needs --opa-url (e.g. http://127.0.0.1:8181)", hint="")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EngineError(f"--opa-url {url!r} is not an http(s) URL", hint="e.g. http://127.0.0.1:8181")
        self.url = f"{parts.scheme}://{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
        self.name = f"opa server at {self.url}"
        self._client = OpaClient(
            host=parts.hostname, port=parts.port or (443 if parts.scheme == "https" else 80),
            ssl=parts.scheme == "https", timeout=timeout, retries=0,
        )

    # -- errors ------------------------------------------------------------------------
    def _unreachable(self) -> EngineError:
        return EngineError(f"OPA server at {self.url} is unreachable",
                           hint="start it (`opa run --server`) or check --opa-url")

    def _rejected(self, what: str, exc: RegoParseError) -> EngineError:
        details = "; ".join(e.get("message", "") for e in exc.errors if isinstance(e, dict)) or exc.message
        return EngineError(f"OPA server at {self.url} rejected {what}: {details}")

    # -- Engine ------------------------------------------------------------------------
    def load(self, policies: Sequence[PolicyFile], data: Mapping[str, Any]) -> None:
        try:
            self._client.check_connection()
        except ConnectionsError:
            raise self._unreachable() from None
        for policy in policies:
            try:
                self._client.update_policy_from_string(policy.source, f"cloudpact/{policy.path}",
                                                       rego_compat=False)
            except RegoParseError as exc:
                raise self._rejected(f"policy {policy.path}", exc) from None
            except requests.RequestException:
                raise self._unreachable() from None
        packages = clause_packages(policies)
        try:
            self._client.update_policy_from_string(
                collector_source(packages, SELECTING_PACKAGE, selected=True), SELECTING_ID,
                rego_compat=False)
        except RegoParseError as exc:
            raise self._rejected("the collector policy", exc) from None
        except requests.RequestException:
            raise self._unreachable() from None
        try:
            for key, value in data.items():
                self._client.update_or_create_data(value, key)
        except RegoParseError as exc:
            raise self._rejected("the contract parameters", exc) from None
        except requests.RequestException:
            raise self._unreachable() from None

    def _post(self, path: str, body: dict[str, Any] | bytes) -> Any:
        url = f"{self.url}/v1/{path}"
        data = body if isinstance(body, bytes) else json.dumps(body)
        try:
            response = self._client._session.post(url, data=data, timeout=self._client.timeout,
                                                  headers={"Content-Type": "application/json"})
        except requests.Timeout:
            raise EngineError(f"OPA server at {self.url} timed out after {self._client.timeout:g} s") from None
        except requests.RequestException:
            raise self._unreachable() from None
        if response.status_code != 200:
            try:
                payload = response.json()
                message = payload.get("message", "") + " " + "; ".join(
                    e.get("message", "") for e in payload.get("errors", []))
            except ValueError:
                message = response.text[:200]
            raise RuntimeError(message.strip() or f"HTTP {response.status_code}")
        return response.json().get("result")

    def evaluate(self, input_doc: PolicyInput, packages: Sequence[str],
                 costs: Mapping[str, float] | None = None) -> dict[str, PackageOutcome]:
        # the collector pushed at load, told the packages in the input: no recompile
        selected = _input_body(with_selection(input_bytes(input_doc), packages))
        try:
            result = self._post(f"data/{SELECTING_PACKAGE}/result", selected)
        except RuntimeError:
            del selected
            return self._one_by_one(_input_body(input_doc), packages)
        if not packages:
            return {}
        if not isinstance(result, dict) or not all(pkg in result for pkg in packages):
            raise EngineError(f"OPA server at {self.url} returned no result for the collector")
        return {pkg: outcome_from(result[pkg]) for pkg in packages}

    def _one_by_one(self, body: bytes, packages: Sequence[str]) -> dict[str, PackageOutcome]:
        out = {}
        for pkg in packages:
            try:
                deny = self._post(f"data/{pkg.replace('.', '/')}/deny", body)
                measure = self._post(f"data/{pkg.replace('.', '/')}/measure", body)
                na = self._post(f"data/{pkg.replace('.', '/')}/not_applicable", body)
                excluded = self._post(f"data/{pkg.replace('.', '/')}/excluded", body)
            except RuntimeError as exc:
                out[pkg] = PackageOutcome(error=str(exc))
                continue
            out[pkg] = PackageOutcome(deny=tuple(deny or []), measure=measure, not_applicable=na is True,
                                      excluded=excluded_items(excluded))
        return out

    def run_tests(self, package: str, rules: Sequence[str]) -> list[TestOutcome]:
        results = []
        for rule in rules:
            try:
                value = self._post(f"data/{package.replace('.', '/')}/{rule}", {})
                results.append(TestOutcome(package, rule, value is True))
            except RuntimeError as exc:
                results.append(TestOutcome(package, rule, False, str(exc)))
        return results
