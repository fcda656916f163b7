"""Parity with the reference implementation: the real OPA (v1.20.2, its Go `rego` package
in-process through opa-golib-python-bindings) gives the embedded regorus engine's result on
every package, and every Rego test of the policy tree passes under it too.

These tests run in the suite, never skip: the bindings are a test dependency
(pyproject `[test]`, installed with `--ignore-requires-python`, README).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from checker import cli as cli_module
from checker import paths, policies
from checker.check import run_check
from checker.engine import EngineName
from checker.engine.embedded import EmbeddedEngine
from checker.engine.opa_inprocess import InProcessOpaEngine
from checker.errors import EngineError
from checker.model import Report
from checker.policies import PolicyFile
from checker.store.local import LocalStore
from tests.conftest import CliResult


def verdicts(report: Report) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (
            r.clause.id,
            r.status,
            r.violations,
            r.expected,
            r.actual,
            r.unit,
            dict(r.measures),
            r.reason,
        )
        for r in report.results
    ]


def test_parity_real_opa_in_process_on_the_breaches_example() -> None:
    """Every clause, every violation, measure and reason of the planted-breaches year."""
    store = LocalStore(paths.EXAMPLES / "breaches")
    opa = run_check(store, engine=InProcessOpaEngine())
    embedded = run_check(store, engine=EmbeddedEngine())
    assert verdicts(opa) == verdicts(embedded)
    assert opa.engine.startswith("opa 1.20.2")
    assert sum(1 for r in opa.results if r.status == "fail") >= 50, (
        "the planted breaches fail under OPA"
    )


def test_real_opa_runs_every_rego_test_of_the_policy_tree() -> None:
    infos = policies.discover()
    tests = [(p.package, rule) for p in infos if p.is_test for rule in p.test_rules]
    engine = InProcessOpaEngine()
    engine.load([p.file for p in infos], {})
    outcomes = engine.run_suite(tests)
    assert len(outcomes) == len(tests) > 200
    failed = [f"{o.package}.{o.rule}: {o.error or 'not true'}" for o in outcomes if not o.passed]
    assert failed == []


def test_real_opa_test_runner_reports_a_failing_test() -> None:
    engine = InProcessOpaEngine()
    engine.load(
        [PolicyFile("t_test.rego", "package t_test\ntest_ok if 1 == 1\ntest_bad if 1 == 2\n")], {}
    )
    by_rule = {o.rule: o.passed for o in engine.run_tests("t_test", ["test_ok", "test_bad"])}
    assert by_rule == {"test_ok": True, "test_bad": False}


def test_real_opa_runtime_error_is_that_package_error_only() -> None:
    engine = InProcessOpaEngine()
    engine.load(
        [
            PolicyFile("a.rego", "package contract.a\ndeny contains 1 if 1 / input.zero\n"),
            PolicyFile("b.rego", 'package contract.b\ndeny contains "x" if input.zero == 0\n'),
        ],
        {},
    )
    out = engine.evaluate({"zero": 0}, ["contract.a", "contract.b"])
    assert out["contract.a"].error and "divide by zero" in out["contract.a"].error
    assert out["contract.b"].error is None and out["contract.b"].deny == ("x",)


def test_real_opa_refuses_a_type_error_at_load_naming_it() -> None:
    engine = InProcessOpaEngine()
    with pytest.raises(EngineError, match=r"do not compile under OPA: .*undefined function"):
        engine.load(
            [PolicyFile("b.rego", "package contract.b\nimport data.nolib\nx := nolib.f(1)\n")], {}
        )


def test_cli_engine_choices_are_the_engine_names() -> None:
    assert [e.value for e in EngineName] == cli_module.ENGINES


def test_cli_opa_inprocess_gives_the_embedded_table(cli: Callable[..., CliResult]) -> None:
    a = cli("check", paths.EXAMPLES / "compliant", "--format", "json")
    b = cli("check", paths.EXAMPLES / "compliant", "--format", "json", "--engine", "opa-inprocess")
    assert a.code == b.code == 0
    import json

    ja, jb = json.loads(a.out), json.loads(b.out)
    assert ja["results"] == jb["results"]


def test_missing_bindings_is_one_line_with_the_install_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "opa_bindings", None)  # import fails as if not installed
    with pytest.raises(EngineError) as info:
        InProcessOpaEngine()
    assert "not installed" in str(info.value) and "--ignore-requires-python" in info.value.hint


def test_real_opa_compiles_once_and_each_run_gets_only_its_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check runs two passes (the clauses, then those reading the ledger): the bindings
    recompile every module after each add_policy (0.5-0.8 s on the contract's policies), so
    no pass may add a collector of its own (issue 17)."""
    engine = InProcessOpaEngine()
    engine.load(
        [
            PolicyFile("a.rego", 'package contract.a\ndeny contains "a" if input.n > 1\nmeasure := input.n\n'),
            PolicyFile("b.rego", 'package contract.b\ndeny contains "b" if input.n > 2\n'),
        ],
        {},
    )
    added: list[str] = []
    monkeypatch.setattr(engine._opa, "add_policy", lambda path, source: added.append(path))
    first = engine.evaluate(b'{"n": 2}', ["contract.a"])
    second = engine.evaluate(b'{"n":3}', ["contract.a", "contract.b"])
    none = engine.evaluate(b"{}", [])
    assert added == []
    assert set(first) == {"contract.a"} and first["contract.a"].deny == ("a",)
    assert first["contract.a"].measure == 2
    assert second["contract.b"].deny == ("b",) and second["contract.a"].measure == 3
    assert none == {}


def test_selection_is_added_to_the_input_object_as_its_last_key() -> None:
    import orjson

    from checker.engine.collector import SELECTION_KEY, with_selection

    assert orjson.loads(with_selection(b"{}", ["p"])) == {SELECTION_KEY: {"p": True}}
    assert orjson.loads(with_selection(b'{"tickets":[1]}\n', ["p", "q"])) == {
        "tickets": [1], SELECTION_KEY: {"p": True, "q": True}}
    with pytest.raises(ValueError, match="not a JSON object"):
        with_selection(b"[1]", ["p"])
