"""Waivers: schema, unknown clause/scope refused, scoped application, expiry in every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from trestle.oscal.assessment_results import AssessmentResults

from checker import paths
from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.model import ClauseResult, ExitCode, Status, Violation, Waiver
from checker.report import Format
from checker.store.local import LocalStore
from checker.generate.signing import sign_file
from checker.waivers import Scopes, WaiverError, apply, load_waivers
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
BREACHES = paths.EXAMPLES / "breaches"


def _failing() -> tuple[str, ...]:
    """Clauses failing in the breaches example (planted breaches), 2.2.1.7 last."""
    known = {c.id for c in load_catalogue()}  # (liability rows such as 12.1 are planted too)
    planted = {b["clause"] for b in json.loads((BREACHES / "PLANTED.json").read_text())} & known
    assert "2.2.1.7" in planted
    return tuple(sorted(planted - {"2.2.1.7"})) + ("2.2.1.7",)


FAILING = _failing()


def waiver(
    wid: str,
    clause: str,
    scope: dict[str, Any] | None = None,
    expires: str = "2026-12-31",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": wid,
        "clause": clause,
        "scope": scope or {"all": True},
        "reason": "approved exception for the test",
        "approver_role": "party_a",
        "approval_ref": "A-2026-001",
        "expires": expires,
        **extra,
    }


@pytest.fixture
def waivers_file(tmp_path: Path) -> Callable[..., Path]:
    def write(*items: dict[str, Any], contract_id: str = "FW2025082202") -> Path:
        path = tmp_path / "waivers.yaml"
        path.write_text(
            yaml.safe_dump(
                {"waivers_version": 1, "contract_id": contract_id, "waivers": list(items)},
                allow_unicode=True,
            )
        )
        sign_file(path, "party_a", "2026-01-05T10:00:00+08:00")  # issue 14: Party A signs
        return path

    return write


def check(cli: Cli, waivers: Path, *more: str, as_of: str = "2026-01-10") -> CliResult:
    return cli("check", BREACHES, "--waivers", waivers, "--as-of", as_of, *more)


# ---- refused waivers files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (waiver("W-1", "99.9"), "clause 99.9, which is not in the catalogue"),
        (
            waiver("W-1", "2.2.1.7", {"host_id": "h9999"}),
            "host h9999 is not in the bundle's host_inventory",
        ),
        (
            waiver("W-1", "2.2.1.7", {"month": "2027-01"}),
            "month 2027-01 is outside the service period",
        ),
        (
            waiver("W-1", "2.2.1.7", {"ticket_id": "T-1"}),
            "ticket T-1 is not in the bundle's tickets",
        ),
        (waiver("W-1", "2.2.1.7", approver_role="the boss"), "does not match waivers.schema.json"),
        (waiver("W-1", "2.2.1.7", {"host_id": "h0001", "month": "2025-10"}), "does not match"),
        (waiver("W-1", "2.2.1.7", expires="2026-02-30"), "not a calendar date"),
    ],
)
def test_bad_waivers_are_errors_exit_2(
    cli: Cli, waivers_file: Callable[..., Path], item: dict[str, Any], message: str
) -> None:
    r = check(cli, waivers_file(item), "--format", "json")
    assert r.code == 2 and message in r.err and "Traceback" not in r.err
    assert r.out == ""


def test_duplicate_ids_and_wrong_contract_are_refused(
    cli: Cli, waivers_file: Callable[..., Path]
) -> None:
    r = check(cli, waivers_file(waiver("W-1", "2.2.1.7"), waiver("W-1", "2.2.1.1")))
    assert r.code == 2 and "W-1 used twice" in r.err
    r = check(cli, waivers_file(waiver("W-1", "2.2.1.7"), contract_id="FW0000"))
    assert r.code == 2 and "waivers file is for contract FW0000" in r.err
    r = check(cli, Path("/nonexistent/waivers.yaml"))
    assert r.code == 2


def test_expired_waiver_with_unknown_scope_is_still_an_error(
    cli: Cli, waivers_file: Callable[..., Path]
) -> None:
    r = check(
        cli, waivers_file(waiver("W-1", "2.2.1.7", {"host_id": "h9999"}, expires="2025-01-01"))
    )
    assert r.code == 2


# ---- applied -----------------------------------------------------------------------------


def test_waived_clauses_are_counted_apart_and_a_fully_waived_run_exits_0(
    cli: Cli, waivers_file: Callable[..., Path]
) -> None:
    r = check(
        cli, waivers_file(*(waiver(f"W-{i}", c) for i, c in enumerate(FAILING))), "--format", "json"
    )
    assert r.code == 0, r.err
    doc = r.json()
    assert doc["summary"]["waived"] == len(FAILING) and doc["summary"]["fail"] == 0
    unwaived = cli("check", BREACHES, "--format", "json").json()
    assert doc["summary"]["pass"] == unwaived["summary"]["pass"]  # waived is never a pass
    scan = next(x for x in doc["results"] if x["clause"] == "2.2.1.7")
    last = f"W-{len(FAILING) - 1}"
    assert scan["status"] == "waived" and scan["waivers"] == [last]
    assert all(v["waiver"] == last for v in scan["violations"])
    assert doc["waivers"]["as_of"] == "2026-01-10" and doc["waivers"]["expired"] == []
    assert len(doc["inputs"]["waivers_sha256"]) == 64


def test_expired_waiver_is_ignored_reported_and_fails_the_run(
    cli: Cli, waivers_file: Callable[..., Path]
) -> None:
    items = [waiver(f"W-{i}", c) for i, c in enumerate(FAILING)]
    items[-1] = waiver("W-old", "2.2.1.7", expires="2026-01-09")  # the day before --as-of
    path = waivers_file(*items)
    r = check(cli, path, "--format", "json")
    assert r.code == ExitCode.CLAUSE_FAILED
    assert "waiver W-old (clause 2.2.1.7) expired on 2026-01-09" in r.err
    doc = r.json()
    scan = next(x for x in doc["results"] if x["clause"] == "2.2.1.7")
    assert scan["status"] == "fail" and "waivers" not in scan
    assert doc["waivers"]["expired"] == ["W-old"]
    assert {w["id"]: w["state"] for w in doc["waivers"]["items"]}["W-old"] == "expired"
    # on its last day it still applies
    assert check(cli, path, "--format", "json", as_of="2026-01-09").code == 0


def test_expired_waiver_alone_fails_the_run_even_when_its_clause_passes(
    cli: Cli, waivers_file: Callable[..., Path]
) -> None:
    r = cli(
        "check",
        paths.EXAMPLES / "compliant",
        "--waivers",
        waivers_file(waiver("W-old", "2.2.1.7", expires="2025-12-31")),
        "--as-of",
        "2026-01-10",
    )
    assert r.code == 1 and "expired" in r.err


def test_expired_waiver_shows_in_every_format(waivers_file: Callable[..., Path]) -> None:
    path = waivers_file(
        waiver("W-live", "2.2.1.1"), waiver("W-old", "2.2.1.7", expires="2025-12-31")
    )
    report = run_check(LocalStore(BREACHES), waivers=path, as_of=date(2026, 1, 10))
    assert report.exit_code == ExitCode.CLAUSE_FAILED
    assert [w.id for w in report.expired_waivers] == ["W-old"]
    for f in Format:
        for lang in ("en", "zh"):
            text = f.to_renderer(lang=lang).render(report)
            assert "W-old" in text and "W-live" in text, (f, lang)
    junit = ET.fromstring(Format.JUNIT.to_renderer().render(report))
    suite = next(s for s in junit.iter("testsuite") if s.get("name") == "waivers")
    assert suite.get("failures") == "1"
    waived_case = next(
        c for c in junit.iter("testcase") if (c.get("name") or "").startswith("2.2.1.1 ")
    )
    assert "W-live" in (waived_case.find("skipped").get("message") or "")  # type: ignore[union-attr]
    sarif = json.loads(Format.SARIF.to_renderer().render(report))["runs"][0]
    assert sarif["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith(
        "waiver W-old"
    )
    suppressed = [r for r in sarif["results"] if r["ruleId"] == "2.2.1.1"]
    assert suppressed[0]["suppressions"][0]["status"] == "accepted"
    oscal = json.loads(Format.OSCAL.to_renderer().render(report))["assessment-results"]
    AssessmentResults.model_validate(oscal)
    assert "W-old" in oscal["results"][0]["remarks"]


# ---- scopes on single violations (unit level: the examples' violations are per clause) ----


def _result(clause_id: str, *violations: Violation) -> ClauseResult:
    clause = next(c for c in load_catalogue() if c.id == clause_id)
    return ClauseResult(clause, Status.FAIL if violations else Status.PASS, violations)


def _waiver(wid: str, clause: str, scope: dict[str, str], expires: str = "2026-12-31") -> Waiver:
    return Waiver(wid, clause, scope, "reason of the test", "party_a", "A-1", expires)


SCOPES = Scopes(
    hosts=frozenset({"h0001", "h0002"}),
    tickets=frozenset({"T-1", "T-2"}),
    months=frozenset({"2025-09", "2025-10"}),
    documents={
        "tickets.json": {
            "tickets": [
                {"ticket_id": "T-1", "reported_at": "2025-09-30T23:30:00+08:00"},
                {"ticket_id": "T-2", "reported_at": "2025-10-01T00:10:00+08:00"},
            ]
        }
    },
)


def test_host_scope_waives_only_that_host_and_the_clause_stays_fail() -> None:
    r = _result(
        "2.2.1.7",
        Violation("h0001 not scanned", "scans.json#/scans/1", {"host_id": "h0001"}),
        Violation("h0002 not scanned", "scans.json#/scans/2", {"host_id": "h0002"}),
    )
    (out,), states = apply(
        [r], [_waiver("W-h1", "2.2.1.7", {"host_id": "h0001"})], SCOPES, date(2026, 1, 1)
    )
    assert out.status is Status.FAIL
    assert [v.waiver for v in out.violations] == ["W-h1", None]
    assert out.waivers == ("W-h1",) and states[0].state == "active"


def test_ticket_and_month_scopes_read_facts_from_the_pointed_evidence() -> None:
    r = _result(
        "3.8.a",
        Violation("T-1 late", "tickets.json#/tickets/0"),
        Violation("T-2 late", "tickets.json#/tickets/1"),
    )
    # T-1 was reported 2025-09-30 23:30 in Asia/Shanghai: September, although 15:30 UTC
    (by_month,), _ = apply(
        [r], [_waiver("W-sep", "3.8.a", {"month": "2025-09"})], SCOPES, date(2026, 1, 1)
    )
    assert [v.waiver for v in by_month.violations] == ["W-sep", None]
    both = [
        _waiver("W-t1", "3.8.a", {"ticket_id": "T-1"}),
        _waiver("W-t2", "3.8.a", {"ticket_id": "T-2"}),
    ]
    (all_waived,), states = apply([r], both, SCOPES, date(2026, 1, 1))
    assert all_waived.status is Status.WAIVED and all_waived.waivers == ("W-t1", "W-t2")


def test_waiver_states_unused_and_expired_and_other_clauses_untouched() -> None:
    r = _result(
        "2.2.1.7", Violation("h0001 not scanned", "scans.json#/scans/1", {"host_id": "h0001"})
    )
    other = _result("2.2.1.1", Violation("short", "hosts.json#/hosts"))
    waivers = [
        _waiver("W-exp", "2.2.1.7", {"host_id": "h0001"}, expires="2025-12-31"),
        _waiver("W-unused", "2.2.1.7", {"host_id": "h0002"}),
    ]
    results, states = apply([r, other], waivers, SCOPES, date(2026, 1, 1))
    assert [x.status for x in results] == [Status.FAIL, Status.FAIL]
    assert results[0].violations[0].waiver is None
    assert {w.id: w.state for w in states} == {"W-exp": "expired", "W-unused": "unused"}


def test_scope_check_refuses_unknown_names() -> None:
    with pytest.raises(WaiverError, match="ticket T-9"):
        apply([], [_waiver("W", "3.8.a", {"ticket_id": "T-9"})], SCOPES, date(2026, 1, 1))


def test_whole_clause_waiver_covers_missing_evidence_but_never_an_error() -> None:
    clause = next(c for c in load_catalogue() if c.id == "2.2.1.7")
    missing = ClauseResult(clause, Status.MISSING, reason="no vuln_scan")
    error = ClauseResult(clause, Status.ERROR, reason="engine failed")
    w = [_waiver("W-all", "2.2.1.7", {"all": True})]  # type: ignore[dict-item]
    assert apply([missing], w, SCOPES, date(2026, 1, 1))[0][0].status is Status.WAIVED
    assert apply([error], w, SCOPES, date(2026, 1, 1))[0][0].status is Status.ERROR


def test_schema_file_loads_and_cites_roles_not_people(tmp_path: Path) -> None:
    schema = json.loads((paths.SCHEMAS / "waivers.schema.json").read_text(encoding="utf-8"))
    roles = schema["$defs"]["waiver"]["properties"]["approver_role"]["enum"]
    assert roles == ["party_a", "supervision_provider", "cloud_management_unit"]
    path = tmp_path / "w.json"
    path.write_text(
        json.dumps(
            {
                "waivers_version": 1,
                "contract_id": "FW2025082202",
                "waivers": [waiver("W-1", "3.8.a", {"month": "2025-10"})],
            }
        )
    )
    loaded = load_waivers(path, load_catalogue())
    assert loaded.waivers[0].scope == {"month": "2025-10"} and len(loaded.sha256) == 64
