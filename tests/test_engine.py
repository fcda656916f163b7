"""The embedded engine: one query per bundle, and a failing package isolated as `error`."""

from __future__ import annotations

import pytest

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


_EXCLUDING = [PolicyFile("e.rego", 'package contract.e\ndeny contains "x" if input.n > 1\n'
                                   'excluded contains {"evidence": "f.json#/0", "reason": "late"} if input.n > 0\n'),
              PolicyFile("z.rego", "package contract.z\ndeny contains 1 if 1 / input.zero\n")]


def test_a_second_evaluation_in_one_engine_runs_as_one_query() -> None:
    """check.py evaluates twice per bundle (the ledger, then 7.2.x against it): regorus keeps
    a module re-added under the same path, so the second collector used to conflict with the
    first and every package fell back to three queries of its own."""
    engine = EmbeddedEngine()
    engine.load(_EXCLUDING, {})
    engine.evaluate({"n": 2}, ["contract.z"])  # the first collector (it errors: fallback)

    def no_fallback(pkg: str) -> None:
        raise AssertionError(f"{pkg} evaluated on its own")

    engine._evaluate_one = no_fallback  # type: ignore[method-assign]
    out = engine.evaluate({"n": 2}, ["contract.e"])  # a second, different collector
    again = engine.evaluate({"n": 3}, ["contract.e"])
    assert out["contract.e"].deny == ("x",) and again["contract.e"].deny == ("x",)


def test_one_by_one_fallback_keeps_the_items_a_clause_did_not_count() -> None:
    engine = EmbeddedEngine()
    engine.load(_EXCLUDING, {})
    out = engine.evaluate({"n": 2, "zero": 0}, ["contract.e", "contract.z"])
    assert out["contract.z"].error
    assert out["contract.e"].excluded == ({"evidence": "f.json#/0", "reason": "late"},)


_LARGE_POLICY = PolicyFile(
    "big.rego",
    'package contract.big\ndeny contains t.summary if { some t in input.tickets; t.n == 7 }\n'
    "measure := count(input.tickets)\n",
)


def _large_input() -> bytes:
    import orjson

    tickets = [{"n": i, "summary": f"故障 {i}：硬盘更换"} for i in range(40_000)]  # > 1 MB
    raw = orjson.dumps({"tickets": tickets})
    assert len(raw) >= EmbeddedEngine.FILE_INPUT_BYTES
    return raw


@pytest.mark.parametrize("pieces", [False, True], ids=["bytes", "pieces"])
def test_large_input_reaches_the_engine_whole_and_leaves_no_file(tmp_path, monkeypatch, pieces) -> None:  # type: ignore[no-untyped-def]
    """A contract year's input goes through a temporary file (issue 17: the str route costs
    twice the memory): Chinese text intact, every record there, the file gone afterwards;
    as pieces (what check.py hands over), cut mid-character, the same."""
    import tempfile

    from checker.engine.interface import InputJson

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    engine = EmbeddedEngine()
    engine.load([_LARGE_POLICY], {})
    raw = _large_input()
    cut = raw.index("故".encode()) + 1  # inside a UTF-8 sequence
    doc = InputJson([raw[:cut], raw[cut:]]) if pieces else raw
    out = engine.evaluate(doc, ["contract.big"])["contract.big"]
    assert out.error is None and out.measure == 40_000 and out.deny == ("故障 7：硬盘更换",)
    assert list(tmp_path.iterdir()) == []


def test_large_input_without_a_writable_temporary_folder_still_evaluates(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "absent"))
    engine = EmbeddedEngine()
    engine.load([_LARGE_POLICY], {})
    out = engine.evaluate(_large_input(), ["contract.big"])["contract.big"]
    assert out.error is None and out.measure == 40_000 and out.deny == ("故障 7：硬盘更换",)
