"""The embedded engine: one query per bundle, and a failing package isolated as `error`."""

from __future__ import annotations

from checker.engine.embedded import EmbeddedEngine
from checker.policies import PolicyFile


def test_runtime_error_in_one_package_leaves_the_others_their_verdicts() -> None:
    engine = EmbeddedEngine()
    engine.load([PolicyFile("a.rego", "package contract.a\ndeny contains 1 if 1 / input.zero\n"),
                 PolicyFile("b.rego", 'package contract.b\ndeny contains "x" if input.zero == 0\n'
                                      'measure := {"expected": 1, "actual": 0}\n'),
                 PolicyFile("c.rego", "package contract.c\ndeny contains 1 if false\n"
                                      "not_applicable if true\n")], {})
    out = engine.evaluate({"zero": 0}, ["contract.a", "contract.b", "contract.c"])
    assert out["contract.a"].error and "divide by zero" in out["contract.a"].error
    assert out["contract.b"].error is None and out["contract.b"].deny == ("x",)
    assert out["contract.b"].measure == {"expected": 1, "actual": 0}
    assert out["contract.c"].not_applicable and out["contract.c"].deny == ()


def test_collector_reports_undefined_measure_as_none() -> None:
    engine = EmbeddedEngine()
    engine.load([PolicyFile("b.rego", 'package contract.b\ndeny contains "x" if input.n > 1\n')], {})
    out = engine.evaluate({"n": 2}, ["contract.b"])
    assert out["contract.b"].measure is None and not out["contract.b"].not_applicable
    assert out["contract.b"].deny == ("x",)


def test_parallel_workers_give_the_serial_verdicts() -> None:
    from checker import paths
    from checker.check import run_check
    from checker.store.local import LocalStore

    store = LocalStore(paths.EXAMPLES / "breaches")
    serial = run_check(store, engine=EmbeddedEngine(jobs=1))
    parallel = run_check(store, engine=EmbeddedEngine(jobs=2, parallel_min_bytes=0))
    key = [(r.clause.id, r.status, r.violations, r.expected, r.actual, dict(r.measures)) for r in serial.results]
    assert key == [(r.clause.id, r.status, r.violations, r.expected, r.actual, dict(r.measures))
                   for r in parallel.results]
    assert serial.extra["liability"] == parallel.extra["liability"]


def test_parallel_worker_isolates_a_failing_package() -> None:
    engine = EmbeddedEngine(jobs=2, parallel_min_bytes=0)
    engine.load([PolicyFile("a.rego", "package contract.a\ndeny contains 1 if 1 / input.zero\n"),
                 PolicyFile("b.rego", 'package contract.b\ndeny contains "x" if input.zero == 0\n')], {})
    out = engine.evaluate({"zero": 0}, ["contract.a", "contract.b"])
    assert out["contract.a"].error and out["contract.b"].deny == ("x",)
