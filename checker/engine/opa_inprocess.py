"""`--engine opa-inprocess`: the real OPA (its Go `rego` package, v1.20.2), in this process.

Backed by `opa-golib-python-bindings` (a ctypes bridge to a Go c-shared library; see
../shared/DESIGN-NOTES.md: its wheel declares Python >= 3.14 but is pure ctypes and runs on
3.11, so it is installed with `pip install --ignore-requires-python`). It is the reference
implementation of Rego: the test suite checks that the embedded regorus engine gives the same
result as this one on every package (tests/test_opa_parity.py).

Same shape as the other engines: policies and `data.params` loaded once, one generated
collector query, and, when that query fails at run time (OPA raises builtin errors), each
package alone to say which one failed. The bindings compile every module anew for each new
query string and after every add_policy or add_data (measured: 0.5-0.8 s CPU each on the
contract's policies), so the collector covers every loaded package, is added with them, and
is compiled once at load; each run names its packages in the input (SELECTION_KEY) instead
of adding a collector of its own. Measured on the scale-1 year, the check made three
compiles before (load, first pass, ledger pass) and makes one now. Rego tests run the same
way: one generated query
over every `test_*` rule of a package, one by one only when it errors.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from checker.engine.collector import (
    SELECTING_PACKAGE,
    SELECTION_KEY,
    clause_packages,
    collector_source,
    excluded_items,
    outcome_from,
    with_selection,
)
from checker.engine.interface import (
    Engine,
    InputJson,
    PackageOutcome,
    PolicyInput,
    TestOutcome,
    input_bytes,
    input_document,
)
from checker.errors import EngineError
from checker.policies import PolicyFile

_TESTS_PACKAGE = "cloudpact_tests"


# The Go runtime inside the bindings reads GOGC once, when the library is loaded. OPA turns
# the whole input into its AST for every evaluation, so a contract year is mostly garbage
# collection at Go's default (100). Measured on the scale-1 year, CPU of the whole check:
# GOGC=100 5.60 s / 383 MB peak RSS, 200 4.98 s / 433 MB, 400 4.24 s / 547 MB. 200 is taken
# unless the user set GOGC themselves.
GOGC_DEFAULT = "200"


def _load_bindings() -> Any:
    os.environ.setdefault("GOGC", GOGC_DEFAULT)
    try:
        import opa_bindings
    except ImportError:
        raise EngineError(
            "--engine opa-inprocess needs the real OPA bindings, which are not installed",
            hint="pip install --ignore-requires-python opa-golib-python-bindings==0.4.4 "
            "(or use --engine embedded, or --engine opa with an OPA server)",
        ) from None
    return opa_bindings


def _message(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "message", exc)).split())


def _tests_source(tests: Sequence[tuple[str, str]]) -> str:
    """One package whose `result` maps each "package.rule" test to true/false
    (undefined = failed), so a whole test suite is one compile and one query."""
    lines = [f"package {_TESTS_PACKAGE}", ""]
    for i, (package, rule) in enumerate(tests):
        lines += [
            f"_t{i} := true if data.{package}.{rule} == true",
            "",
            f"default _t{i} := false",
            "",
        ]
    entries = [f'\t"{package}.{rule}": _t{i},' for i, (package, rule) in enumerate(tests)]
    return "\n".join([*lines, "result := {", *entries, "}"]) + "\n"


class InProcessOpaEngine(Engine):
    def __init__(self) -> None:
        bindings = _load_bindings()
        self._errors: tuple[type[BaseException], ...] = (bindings.OpaError,)
        self._undefined = bindings.OpaUndefinedError
        self._opa = bindings.OpaEngine()
        self._raw_input = all(hasattr(self._opa, a) for a in self._RAW_API)
        self._opa.print_handler = self._on_print
        self._prints: list[str] = []
        self.name = "opa 1.20.2 (in-process, opa-golib-python-bindings 0.4.4)"

    def _on_print(self, message: str, location: str) -> None:
        self._prints.append(f"{location}: {message}")

    def load(self, policies: Sequence[PolicyFile], data: Mapping[str, Any]) -> None:
        for policy in policies:
            try:
                self._opa.add_policy(policy.path, policy.source)
            except self._errors as exc:
                raise EngineError(
                    f"policy {policy.path} does not compile: {_message(exc)}"
                ) from None
        try:
            self._opa.add_data(dict(data))
        except self._errors as exc:
            raise EngineError(f"contract parameters rejected by OPA: {_message(exc)}") from None
        packages = clause_packages(policies)
        try:
            self._opa.add_policy("_collect_all.rego",
                                 collector_source(packages, SELECTING_PACKAGE, selected=True))
        except self._errors as exc:
            raise EngineError(f"OPA rejected the collector policy: {_message(exc)}") from None
        try:  # OPA type-checks every module when a query is first prepared: do it now, once
            self._document(f"{SELECTING_PACKAGE}.result", b"{}" if self._raw_input else {})
        except self._errors as exc:
            raise EngineError(f"policies do not compile under OPA: {_message(exc)}") from None

    def _document(self, path: str, input_doc: Any) -> Any:
        if isinstance(input_doc, bytes) and self._raw_input:
            return self._document_json(path, input_doc)
        try:
            return self._opa.eval_document(path, input_doc)
        except self._undefined:
            return None

    # The bindings' public eval_document takes Python data and serialises it with the
    # standard json module; check.py already holds the input as JSON bytes (orjson, no NUL:
    # it is escaped), so those bytes go to the same native call as they are (the pinned
    # 0.4.4's own call sequence; other versions take the public path).
    _RAW_API = ("_call", "_lib", "_eval_lock", "_eval_reset", "_eval_result", "_check_open")

    def _document_json(self, path: str, raw: bytes) -> Any:
        opa = self._opa
        opa._check_open()
        with opa._eval_lock:
            opa._eval_reset()
            rs = opa._eval_result(opa._call(opa._lib.OpaEvalDocument, path.encode(), raw, 0, 0))
        if not rs or not rs[0].get("expressions"):
            return None
        return rs[0]["expressions"][0]["value"]

    def evaluate(
        self,
        input_doc: PolicyInput,
        packages: Sequence[str],
        costs: Mapping[str, float] | None = None,
    ) -> dict[str, PackageOutcome]:
        if isinstance(input_doc, InputJson | bytearray) and self._raw_input:
            input_doc = input_bytes(input_doc)
        if not (isinstance(input_doc, bytes) and self._raw_input):
            input_doc = input_document(input_doc)  # the bindings serialise Python data themselves
        # the collector compiled at load, told the packages in the input: no recompile (a
        # package it lacks is missing from the result and goes one by one below)
        selected = (with_selection(input_doc, packages) if isinstance(input_doc, bytes)
                    else {**input_doc, SELECTION_KEY: dict.fromkeys(packages, True)})
        try:
            result = self._document(f"{SELECTING_PACKAGE}.result", selected)
            if isinstance(result, dict) and all(pkg in result for pkg in packages):
                return {pkg: outcome_from(result[pkg]) for pkg in packages}
        except self._errors:
            pass  # a runtime error in some package: find which, one by one
        return {pkg: self._evaluate_one(pkg, input_doc) for pkg in packages}

    def _evaluate_one(self, pkg: str, input_doc: Mapping[str, Any]) -> PackageOutcome:
        try:
            deny = self._document(f"{pkg}.deny", input_doc)
            measure = self._document(f"{pkg}.measure", input_doc)
            na = self._document(f"{pkg}.not_applicable", input_doc)
            excluded = self._document(f"{pkg}.excluded", input_doc)
        except self._errors as exc:
            return PackageOutcome(error=_message(exc))
        if deny is not None and not isinstance(deny, list):
            return PackageOutcome(error=f"data.{pkg}.deny is not a set")
        return PackageOutcome(deny=tuple(deny or ()), measure=measure, not_applicable=na is True,
                              excluded=excluded_items(excluded))

    def run_tests(self, package: str, rules: Sequence[str]) -> list[TestOutcome]:
        return self.run_suite([(package, rule) for rule in rules])

    def run_suite(self, tests: Sequence[tuple[str, str]]) -> list[TestOutcome]:
        """Every (package, test rule) in one query; one by one only when that query errors."""
        if not tests:
            return []
        self._prints = []
        try:
            self._opa.add_policy("_tests.rego", _tests_source(tests))
            result = self._document(f"{_TESTS_PACKAGE}.result", {})
            if isinstance(result, dict):
                return [
                    TestOutcome(p, r, result.get(f"{p}.{r}") is True, None, ()) for p, r in tests
                ]
        except self._errors:
            pass
        out = []
        for package, rule in tests:
            self._prints = []
            try:
                value = self._document(f"{package}.{rule}", {})
                out.append(TestOutcome(package, rule, value is True, None, tuple(self._prints)))
            except self._errors as exc:
                out.append(TestOutcome(package, rule, False, _message(exc), tuple(self._prints)))
        return out
