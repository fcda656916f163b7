"""The liability ledger (第十二条, 第十五条 11, Annexes 1-3), 3.4.a and 3.4.b.

Amounts are worked out by hand below (fee / 12 service months x coefficient, 0.1% of
the price per day, 20% of the price), each rounded to the fen with ROUND_HALF_UP, and the
checker must match them to the fen.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from checker import paths
from checker.catalogue import load_params
from checker.check import run_check
from checker.liability import build_ledger
from checker.model import Report
from checker.report.json import report_dict
from checker.store.local import LocalStore

# fee of S1-S6 = 540,057.14; of S7 = 540,057.16; 12 service months; price 3,780,400.00
#   540,057.14 / 12 = 45,004.761666...
#     x  50% = 22,502.380833  -> 22,502.38
#     x  30% = 13,501.428500  -> 13,501.43
#     x  60% = 27,002.857000  -> 27,002.86
#     x 600% = 270,028.570000 -> 270,028.57
#   540,057.16 / 12 = 45,004.763333...  x 50% = 22,502.381666 -> 22,502.38
#   12.5: 3,780,400.00 x 0.1% = 3,780.40 a day:  x 3 = 11,341.20;  x 234 = 884,613.60
#   15.11: 3,780,400.00 x 20% = 756,080.00
EXPECTED_EVENTS = {
    # event: (chosen row, amount, every matched row)
    "INC-P1": (
        "A2.3",
        "270028.57",
        {"A2.3"},
    ),  # S6 tampered via a security service failure, major impact
    "INC-P5": ("15.11", "756080.00", {"15.11"}),  # confidentiality breach
    "data:S4": (
        "A3.1",
        "22502.38",
        {"A3.1"},
    ),  # unrecovered loss, linked to INC-P4 (no major impact)
    "downtime:S2": ("A3.1", "22502.38", {"A3.1"}),  # maintenance approved after it started: 247 min
    # 150-min fault of INC-P3 (one event): A3.1 50% beats A3.5 30%
    "downtime:S3 + outage:O-P1": ("A3.1", "22502.38", {"A3.1", "A3.5"}),
    # three faults 30 days apart: not 连续 (no A3.6), 67 min > 52.56
    "downtime:S5": ("A3.1", "22502.38", {"A3.1"}),
    # three faults 6 h apart: 连续宕机3次, A3.6 60% beats A3.1 50%
    "downtime:S4": ("A3.6", "27002.86", {"A3.1", "A3.6"}),
    # a flood claimed as force majeure, proved 20 days late: counted, 88 min
    "downtime:S6": ("A3.1", "22502.38", {"A3.1"}),
    # a cloud fault of exactly 120 min, no incident: its own event (2小时以上 includes it)
    "outage:O-P5": ("A3.5", "13501.43", {"A3.5"}),
    # planted by the sla generator (deliverables, tickets):
    "late:6.3.2:2026-01": (
        "12.5",
        "884613.60",
        {"12.5"},
    ),  # never delivered: due 2026-02-10, as_of 2026-10-03
    "late:6.3.2:2026-04": ("12.5", "11341.20", {"12.5"}),  # 3 days late
    "response:S5:2026-03": (
        "A3.9",
        "22502.38",
        {"A3.9"},
    ),  # mean response above 30 min (an unanswered ticket)
    "unattended:INC-20250918-00076": (
        "A3.12",
        "13501.43",
        {"A3.12"},
    ),  # on site 85 min after it was needed
    # the supervision provider's notice RN-P1 on S7 fixed 2 d 5 h late (3 days of 12.5 =
    # 11,341.20), then the INC-P2 intrusion followed: A3.7 22,502.38 is heavier (12.3)
    "rectification:RN-P1": ("A3.7", "22502.38", {"12.5", "A3.7"}),
    # three failed assessments on S5, Party A's deadline missed by 20 h: A3.3 20% = 9,000.95
    # beats 1 day of 12.5 (3,780.40)
    "rectification:RN-P2": ("A3.3", "9000.95", {"12.5", "A3.3"}),
    "rectification:RN-P3": ("12.5", "3780.40", {"12.5"}),  # 12.4(3) demand met 20 h late
    # 12.5 for the late obligations other modules plant:
    "late:6.3.1": ("12.5", "18902.00", {"12.5"}),  # implementation plan 5 days late
    # 逾期交付使用: the 130 contracted hosts first all in service on 2026-09-01 (a host in
    # service only at the end of the term, 2.2.1.1): 363 days x 3,780.40
    "late:provision": ("12.5", "1372285.20", {"12.5"}),
    "late:6.2:1": ("12.5", "7560.80", {"12.5"}),  # failed acceptance re-applied 2 days late
    "late:13.2:ORD-1": ("12.5", "11341.20", {"12.5"}),  # ordered-exit migration 3 days late
    "late:15.5:CR-1": ("12.5", "11341.20", {"12.5"}),  # confidential material 3 days late
    "scale_out:SO-20251220-901": ("12.5", "7560.80", {"12.5"}),  # 2 days late
    "scale_out:SO-20260429-902": ("12.5", "480110.80", {"12.5"}),  # open: 127 days to as_of
}
# 270,028.57 + 756,080.00 + 7 x 22,502.38 (157,516.66) + 27,002.86 + 2 x 13,501.43 (27,002.86)
#   + 884,613.60 + 3 x 11,341.20 (34,023.60) + 2 x 7,560.80 (15,121.60) + 18,902.00
#   + 9,000.95 + 3,780.40 + 480,110.80 + 1,372,285.20
EXPECTED_TOTAL = "4055469.10"


@pytest.fixture(scope="module")
def breaches() -> Report:
    return run_check(LocalStore(paths.EXAMPLES / "breaches"))


@pytest.fixture(scope="module")
def compliant() -> Report:
    return run_check(LocalStore(paths.EXAMPLES / "compliant"))


def _ledger(report: Report) -> dict[str, Any]:
    doc = json.loads(json.dumps(report_dict(report)))  # as a reader of the JSON report sees it
    ledger: dict[str, Any] = doc["liability"]
    return ledger


def test_breaches_example_is_priced_to_the_fen(breaches: Report) -> None:
    ledger = _ledger(breaches)
    got = {
        e["event"]: (e["chosen"], e["amount"], {r["row"] for r in e["rows"]})
        for e in ledger["events"]
    }
    assert got == EXPECTED_EVENTS
    assert sum(Decimal(a) for _, a, _ in EXPECTED_EVENTS.values()) == Decimal(EXPECTED_TOTAL)
    assert ledger["total"] == EXPECTED_TOTAL
    # 12.3: deducted from the final 40% (1,512,160.00) at most; the rest is claimed otherwise
    assert ledger["deductible"] == {
        "from": "7.2.2",
        "instalment": "1512160.00",
        "amount": "1512160.00",
        "not_deductible": "2543309.10",
    }  # 4,055,469.10 - 1,512,160.00
    # 12.6: the first instalment paid after its deadline (invoice compliant before it):
    # 3,780,400.00 x 0.01% = 378.04, once
    assert ledger["party_a"]["total"] == "378.04"
    assert [(e["event"], e["chosen"]) for e in ledger["party_a"]["events"]] == [
        ("late_payment:7.2.1", "12.6")
    ]


def test_incidents_linked_to_outages_and_losses_are_one_event(breaches: Report) -> None:
    events = {e["event"]: e for e in _ledger(breaches)["events"]}
    assert events["downtime:S3 + outage:O-P1"]["incident_ids"] == ["INC-P3"]
    # unrelated outages are separate events: the 120-min fault of S2 is not merged into S2's year
    assert events["outage:O-P5"]["incident_ids"] == [] and "downtime:S2" in events
    assert events["data:S4"]["incident_ids"] == ["INC-P4"]
    assert "INC-P3" not in events and "INC-P4" not in events  # no second fine for the same event


def test_annex1_levels_and_termination_rights(breaches: Report) -> None:
    ledger = _ledger(breaches)
    levels = {lv["incident_id"]: (lv["level"], lv["rows"]) for lv in ledger["incident_levels"]}
    assert levels == {
        "INC-P1": ("B", ["A1.6"]),  # tampered 45 min, not handled per plan, municipal publicity
        "INC-P2": ("B", ["A1.8"]),  # intrusion handled 30 h after the notice (> 24 h)
        "INC-P3": ("A", ["A1.1", "A1.5"]),  # > 2 h and 600,000 people (>= 500,000)
        "INC-P4": ("B", ["A1.7"]),  # core data of 1 system, 2 months, unrecoverable
    }
    rights = [(t["row"], t["incident_ids"]) for t in ledger["termination_rights"]]
    assert rights == [
        ("12.1", ["INC-P3"]),
        ("12.2", ["INC-P1", "INC-P2", "INC-P4"]),
        ("12.4.3", []),  # ops staff short in 2 months, Party A's demand met late
        ("15.11", ["INC-P5"]),
    ]


def test_compliant_example_owes_nothing(compliant: Report) -> None:
    ledger = _ledger(compliant)
    assert ledger["events"] == [] and ledger["total"] == "0.00"
    assert ledger["incident_levels"] == [] and ledger["termination_rights"] == []
    statuses = {r.clause.id: r.status.value for r in compliant.results}
    assert statuses["3.4.a"] == "pass" and statuses["3.4.b"] == "pass"


def test_availability_and_reliability_breaches_found(breaches: Report) -> None:
    by_id = {r.clause.id: r for r in breaches.results}
    a = by_id["3.4.a"]
    assert a.status.value == "fail"
    below = sorted(v.details["system_id"] for v in a.violations if "downtime_minutes" in v.details)
    unobserved = sorted(v.details["system_id"] for v in a.violations if "unobserved_minutes" in v.details)
    assert below == ["S2", "S3", "S4", "S5", "S6"]
    assert unobserved == ["S1", "S4"]  # S1's probe stops 3 days early; S4 loses 40 min
    assert a.measures["allowed_downtime_minutes"] == 52.56
    assert len(a.measures["months"]) == 12
    b = by_id["3.4.b"]
    assert sorted(v.details["system_id"] for v in b.violations) == ["S4", "S6"]


# ---- the arithmetic alone, on rows as the Rego package returns them ------------------
def _fee_row(
    event: str, row: str, coeff: str, systems: list[str], links: list[str] | None = None
) -> dict[str, Any]:
    return {
        "event": event,
        "links": links or [],
        "row": row,
        "basis": "system_fee",
        "system_ids": systems,
        "coefficient_percent": coeff,
        "why": "",
        "evidence": "x.json#/a",
    }


def _params(**over: Any) -> dict[str, Any]:
    params = dict(load_params())
    params.update(over)
    return params


def test_half_fen_rounds_up_not_to_even() -> None:
    # 2.52 / 12 = 0.21; x 50% = 0.105 -> 0.11 (ROUND_HALF_EVEN would give 0.10)
    params = _params(systems=[{"id": "S1", "annual_fee_cny": "2.52"}])
    ledger = build_ledger({"rows": [_fee_row("e", "A3.1", "50", ["S1"])]}, params)
    assert str(ledger.total) == "0.11"


def test_event_on_several_systems_takes_the_heaviest_fee() -> None:
    # S1 1,200.00 / 12 x 30% = 30.00; S2 2,400.00 / 12 x 30% = 60.00 -> 60.00, fined once
    params = _params(
        systems=[
            {"id": "S1", "annual_fee_cny": "1200.00"},
            {"id": "S2", "annual_fee_cny": "2400.00"},
        ]
    )
    ledger = build_ledger(
        {"rows": [_fee_row("INC-1", "A3.5", "30", ["S1", "S2"], ["INC-1"])]}, params
    )
    (event,) = ledger.events
    assert (event.chosen.system_id, str(event.amount)) == ("S2", "60.00")


def test_rows_linked_through_an_incident_are_fined_once_at_the_heaviest() -> None:
    # downtime:S1 (A3.1 50% = 50.00) linked to INC-1 (A2.3 600% = 600.00) -> one event, 600.00
    params = _params(systems=[{"id": "S1", "annual_fee_cny": "1200.00"}])
    rows = [
        _fee_row("downtime:S1", "A3.1", "50", ["S1"], ["INC-1"]),
        _fee_row("INC-1", "A2.3", "600", ["S1"], ["INC-1"]),
    ]
    ledger = build_ledger({"rows": rows}, params)
    (event,) = ledger.events
    assert (
        event.event == "INC-1 + downtime:S1"
        and event.chosen.row == "A2.3"
        and str(event.amount) == "600.00"
    )


def test_deduction_is_capped_by_the_final_instalment_and_party_a_is_apart() -> None:
    # 15.11: 3,780,400.00 x 20% = 756,080.00, twice = 1,512,160.00 + 756,080.00 = 2,268,240.00
    rows = [
        {
            "event": f"INC-{n}",
            "links": [],
            "row": "15.11",
            "basis": "price_share",
            "percent": "20",
            "why": "",
            "evidence": "",
        }
        for n in range(3)
    ]
    # 12.6 as written (万分之一, once per late payment): 3,780,400.00 x 0.01% = 378.04
    party_a = [
        {
            "event": "late_payment:7.2.1",
            "links": [],
            "row": "12.6",
            "basis": "price_share",
            "percent": "0.01",
            "per_day": False,
            "days": 9,
            "why": "",
            "evidence": "",
        }
    ]
    ledger = build_ledger({"rows": rows, "party_a_rows": party_a}, load_params())
    assert str(ledger.total) == "2268240.00"
    assert str(ledger.deductible) == "1512160.00"
    assert str(ledger.party_a_total) == "378.04"


def test_late_days_priced_per_day() -> None:
    # 12.5: 3,780,400.00 x 0.1% x 17 days = 64,266.80
    row = {
        "event": "late",
        "links": [],
        "row": "12.5",
        "basis": "price_per_day",
        "days": 17,
        "percent_per_day": "0.1",
        "why": "",
        "evidence": "",
    }
    assert str(build_ledger({"rows": [row]}, load_params()).total) == "64266.80"
