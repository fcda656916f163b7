"""The readings of 第二条 (issue 11) on the committed examples: every new reading has a
planted case in the breaches example that is found for the reason planted, and the
compliant example passes under the stricter readings.

The Rego boundary tables (at, one unit below, one above) are beside each policy; here the
whole pipeline: generator -> bundle -> schemas -> policies -> report.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from checker import paths
from checker.check import run_check
from checker.model import ClauseResult, Status
from checker.store.local import LocalStore


def _results(name: str) -> dict[str, ClauseResult]:
    return {r.clause.id: r for r in run_check(LocalStore(paths.EXAMPLES / name)).results}


@pytest.fixture(scope="module")
def compliant() -> dict[str, ClauseResult]:
    return _results("compliant")


@pytest.fixture(scope="module")
def breaches() -> dict[str, ClauseResult]:
    return _results("breaches")


@pytest.fixture(scope="module")
def planted() -> list[dict[str, Any]]:
    return json.loads((paths.EXAMPLES / "breaches" / "PLANTED.json").read_text(encoding="utf-8"))


def _planted(planted: list[dict[str, Any]], clause: str, words: str) -> dict[str, Any]:
    (row,) = [p for p in planted if p["clause"] == clause and words in p["description"]]
    return row


def test_quantities_are_the_lowest_number_in_service(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    # reading rule 3: the compliant year delivers every unit from the first instant
    for clause in ("2.2.1.1", "2.2.1.2", "2.2.1.3", "2.2.1.4", "2.2.1.5", "2.2.1.6", "2.2.1.10"):
        r = compliant[clause]
        assert r.status is Status.PASS and r.actual == r.expected, (clause, r.reason, r.violations)
        assert r.measures["lowest_at"] == "2025-09-03T00:00:00+08:00"
    # a host in service for the last two days only is not one of the 17
    _planted(planted, "2.2.1.2", "last two days")
    assert breaches["2.2.1.2"].actual == breaches["2.2.1.2"].expected - 2
    # a set from the last month only: 2 of 4 (the other planted set has 2 kinds)
    _planted(planted, "2.2.1.3", "last service month")
    assert breaches["2.2.1.3"].actual == 2
    # a database set replaced a day late: the number drops at the retirement
    row = _planted(planted, "2.2.1.4", "a day later")
    r = breaches["2.2.1.4"]
    assert r.actual == r.expected - 2 and row["evidence"].endswith("#/databases")
    assert r.measures["lowest_at"] == "2025-12-03T00:00:00+08:00"
    assert r.violations[0].details["lowest_at"] == r.measures["lowest_at"]


def test_commercial_os_must_be_a_named_product(
    breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    _planted(planted, "2.2.1.1", "Red Hat Enterprise Linux")
    r = breaches["2.2.1.1"]
    assert r.status is Status.FAIL
    assert r.actual == r.expected - 3  # 2 unlicensed + 1 unnamed product
    assert r.measures["qualifying_hosts"] == r.expected - 3


def test_host_protection_must_be_alive_throughout(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    _planted(planted, "2.2.1.6", "first day only")
    assert compliant["2.2.1.6"].measures["heartbeat_max_gap_minutes"] == 10
    # 130 - the late host - inactive - level 2 - seen on the first day only
    assert breaches["2.2.1.6"].actual == 126


def test_scans_count_when_reported_once_per_scan_on_the_schedule(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    for words in ("never reported", "listed again", "beyond the schedule"):
        _planted(planted, "2.2.1.7", words)
    c, b = compliant["2.2.1.7"], breaches["2.2.1.7"]
    assert (c.actual, c.measures["beyond_schedule"], c.measures["excluded"]) == (260, 0, 0)
    assert c.measures["rounds_per_host"] == 2 and c.measures["report_within_days"] == 5
    # the relabelled copy adds nothing, the two extra scans of one host are beyond the schedule
    assert b.measures["beyond_schedule"] == 2
    # 260 - 4 skipped - 1 unreported - 2 of the host in service only at the end
    assert b.actual == 253


def test_hardening_on_an_unverifiable_evaluation_does_not_count(
    breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    _planted(planted, "2.2.1.8", "MLPS evaluation")
    assert breaches["2.2.1.8"].status is Status.FAIL
    assert breaches["2.2.1.8"].measures["rounds_per_host"] == 2


def test_log_analysis_delivered_in_time_with_its_content(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult], planted: list[dict[str, Any]]
) -> None:
    _planted(planted, "2.2.1.10", "after the month")
    _planted(planted, "2.2.1.10", "without resource use")
    c = compliant["2.2.1.10"]
    # the bundle is made at the end of the term: the last month's reports are not yet due
    assert (c.measures["months_not_yet_due"], c.measures["reports_not_counted"]) == (1, 0)
    b = breaches["2.2.1.10"]
    assert b.measures["reports_not_counted"] == 2
    # lowest at any instant: in service month 3 the late host and the two planted hosts
    assert b.actual == 130 - 1 - 2


def test_drills_of_party_a_assisted(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult]
) -> None:
    c, b = compliant["2.2.2.3"], breaches["2.2.2.3"]
    assert c.status is Status.PASS and c.measures["organised_by_party_a"] == 2
    msgs = sorted(v.message for v in b.violations)
    assert msgs == [
        "Party A's drill DR-2 has no written report of the assistance given [2.2.2.3]",
        "Party A's drill DR-3 was cancelled, and not by Party A (cancelled_by_role party_b) [2.2.2.3]",
    ]


def test_accounts_held_throughout_the_term(
    compliant: dict[str, ClauseResult], breaches: dict[str, ClauseResult]
) -> None:
    assert compliant["2.2.2.11"].status is Status.PASS
    assert compliant["2.2.2.13"].status is Status.PASS
    (v,) = breaches["2.2.2.11"].violations
    assert v.details["lowest_at"] == "2025-09-03T00:00:00+08:00"
    assert breaches["2.2.2.11"].actual == 0
    (w,) = breaches["2.2.2.13"].violations
    assert w.evidence.endswith("#/tenant_access_control/admin_accounts")
    assert "not held throughout the period" in w.message
