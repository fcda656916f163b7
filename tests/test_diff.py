"""cloudpact diff: new failures, resolved, regressed, unchanged; --fail-on-regression."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from checker import paths
from checker.diff import diff_reports
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
PLANTED = {"2.2.1.1", "2.2.1.2", "2.2.1.3", "2.2.1.4", "2.2.1.7"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from checker.check import run_check
    from checker.report.json import report_dict
    from checker.store.local import LocalStore

    root = tmp_path_factory.mktemp("reports")
    out = {}
    for case in ("compliant", "breaches"):
        out[case] = root / f"{case}.json"
        out[case].write_text(json.dumps(report_dict(run_check(LocalStore(paths.EXAMPLES / case)))))
    return out


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())


def by_category(doc: dict[str, Any], category: str) -> set[str]:
    return {c["clause"] for c in doc["changes"] if c["category"] == category}


def test_new_failures_then_resolved(cli: Cli, reports: dict[str, Path]) -> None:
    r = cli("diff", reports["compliant"], reports["breaches"], "--format", "json")
    assert r.code == 0  # without --fail-on-regression a diff only reports
    doc = r.json()
    assert by_category(doc, "new_failure") >= PLANTED
    assert doc["counts"]["resolved"] == 0
    assert sum(doc["counts"].values()) == len(load(reports["breaches"])["results"])
    back = cli(
        "diff",
        reports["breaches"],
        reports["compliant"],
        "--format",
        "json",
        "--fail-on-regression",
    )
    assert back.code == 0
    assert (
        by_category(back.json(), "resolved") >= PLANTED
        and back.json()["counts"]["new_failure"] == 0
    )


def test_fail_on_regression_exits_1(cli: Cli, reports: dict[str, Path]) -> None:
    r = cli("diff", reports["compliant"], reports["breaches"], "--fail-on-regression")
    assert r.code == 1
    assert "new_failure  2.2.1.7    pass -> fail" in r.out


def test_same_report_is_unchanged(cli: Cli, reports: dict[str, Path]) -> None:
    r = cli(
        "diff", reports["breaches"], reports["breaches"], "--format", "json", "--fail-on-regression"
    )
    assert r.code == 0
    counts = r.json()["counts"]
    assert counts["unchanged"] == len(load(reports["breaches"])["results"])


def _edit(doc: dict[str, Any], clause: str, **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    for result in out["results"]:
        if result["clause"] == clause:
            result.update(changes)
    return out


def test_failing_clause_that_delivers_less_has_regressed(
    cli: Cli, reports: dict[str, Path], tmp_path: Path
) -> None:
    old = load(reports["breaches"])
    scan = next(x for x in old["results"] if x["clause"] == "2.2.1.7")
    worse = _edit(old, "2.2.1.7", actual=scan["actual"] - 10)
    path = tmp_path / "worse.json"
    path.write_text(json.dumps(worse))
    r = cli("diff", reports["breaches"], path, "--format", "json", "--fail-on-regression")
    assert r.code == 1
    change = next(c for c in r.json()["changes"] if c["clause"] == "2.2.1.7")
    assert change["category"] == "regressed" and str(scan["actual"] - 10) in change["note"]
    better = cli("diff", path, reports["breaches"], "--format", "json", "--fail-on-regression")
    assert better.code == 0
    assert (
        next(c for c in better.json()["changes"] if c["clause"] == "2.2.1.7")["category"]
        == "improved"
    )


def test_new_violations_regress_and_waived_ones_do_not() -> None:
    base = {
        "report_version": 1,
        "contract_id": "C",
        "results": [
            {
                "clause": "3.8.a",
                "status": "fail",
                "violations": [{"message": "T-1 late", "evidence": "t#/0"}],
            },
            {"clause": "3.8.b", "status": "pass", "violations": []},
            {"clause": "9.9", "status": "pass", "violations": []},
        ],
    }
    new = _edit(
        base,
        "3.8.a",
        violations=[
            {"message": "T-1 late", "evidence": "t#/0"},
            {"message": "T-2 late", "evidence": "t#/1"},
        ],
    )
    new = _edit(new, "3.8.b", status="waived")
    new["results"] = [r for r in new["results"] if r["clause"] != "9.9"] + [
        {"clause": "9.10", "status": "manual", "violations": []}
    ]
    d = diff_reports(base, new)
    cats = {c.clause: c.category for c in d.changes}
    assert cats == {"3.8.a": "regressed", "3.8.b": "changed", "9.10": "added", "9.9": "removed"}
    assert [c.clause for c in d.regressions] == ["3.8.a"]
    waived = _edit(
        new,
        "3.8.a",
        violations=[
            {"message": "T-1 late", "evidence": "t#/0"},
            {"message": "T-2 late", "evidence": "t#/1", "waiver": "W-1"},
        ],
    )
    assert {c.clause: c.category for c in diff_reports(base, waived).changes}[
        "3.8.a"
    ] == "unchanged"


def test_bundles_can_be_diffed_directly(cli: Cli, reports: dict[str, Path]) -> None:
    r = cli("diff", paths.EXAMPLES / "compliant", reports["breaches"], "--format", "json")
    assert r.code == 0 and by_category(r.json(), "new_failure") >= PLANTED


@pytest.mark.parametrize("content", ["not json", '{"a": 1}'])
def test_not_a_report_is_an_error(
    cli: Cli, reports: dict[str, Path], tmp_path: Path, content: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    r = cli("diff", path, reports["breaches"])
    assert r.code == 2 and "Traceback" not in r.err and str(path) in r.err


def test_reports_of_different_contracts_are_refused(
    cli: Cli, reports: dict[str, Path], tmp_path: Path
) -> None:
    other = load(reports["breaches"])
    other["contract_id"] = "FW0000"
    path = tmp_path / "other.json"
    path.write_text(json.dumps(other))
    r = cli("diff", reports["breaches"], path)
    assert r.code == 2 and "different contracts" in r.err
