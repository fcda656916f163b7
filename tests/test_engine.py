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


def test_engine_needs_no_fork_and_starts_no_process() -> None:
    """Issue 15: no `fork` (absent on Windows, not macOS's default); issue 17: no pool."""
    import multiprocessing

    from checker import paths
    from checker.check import run_check
    from checker.store.local import LocalStore

    run_check(LocalStore(paths.EXAMPLES / "breaches"), engine=EmbeddedEngine())
    assert multiprocessing.active_children() == []
    source = (paths.ROOT / "checker" / "engine" / "embedded.py").read_text(encoding="utf-8")
    assert "multiprocessing" not in source and "get_context" not in source
