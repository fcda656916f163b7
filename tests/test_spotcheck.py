"""Spot checks of the supervision provider (issue 6; 第一条, 第十五条 7).

The sampling rule is checked against brute-force enumeration, the plan against the
procedure written in docs/spot-checks.md, each re-verification against items a user would
recognise as sound or defective, and `verify` against edited records and changed bundles.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import shutil
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker import paths
from checker.bundle import MANIFEST, Bundle, EvidenceFile, dump_json, load_bundle, sha256_bytes
from checker.catalogue import load_params
from checker.errors import StoreError
from checker.spotcheck import stats
from checker.spotcheck.plan import ItemType, Rule, Stream, canonical, draw, make_plan
from checker.spotcheck.record import RECORD_SCHEMA, build_record, verify_record
from checker.spotcheck.verify import Context, verify_item
from checker.store.interface import Store, StoreNotFound
from checker.store.local import LocalStore
from tests.conftest import CliResult

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLOUDPACT_SHARED") or REPO.parent / "shared")
BREACHES = paths.EXAMPLES / "breaches"
COMPLIANT = paths.EXAMPLES / "compliant"
C95, P05 = Fraction("0.95"), Fraction("0.05")
RULE = Rule(C95, P05)
AT = "2026-09-10T10:00:00+08:00"


def params() -> dict[str, Any]:
    return load_params()


# ---- the sampling rule, against enumeration ----------------------------------------


def brute_p_zero(N: int, n: int, D: int) -> Fraction:
    """Every sample of n from N, defects at positions 0..D-1: the share with none."""
    samples = list(itertools.combinations(range(N), n))
    return Fraction(sum(1 for s in samples if all(i >= D for i in s)), len(samples))


def brute_p_at_most(N: int, n: int, D: int, k: int) -> Fraction:
    samples = list(itertools.combinations(range(N), n))
    return Fraction(sum(1 for s in samples if sum(i < D for i in s) <= k), len(samples))


@pytest.mark.parametrize("N", range(1, 9))
def test_zero_defect_probability_is_the_enumerated_one(N: int) -> None:
    for n in range(N + 1):
        for D in range(N + 1):
            assert stats.p_zero(N, n, D) == brute_p_zero(N, n, D)


@pytest.mark.parametrize("N", [5, 8, 10])
@pytest.mark.parametrize("confidence,rate", [("0.95", "0.05"), ("0.9", "0.2"), ("0.8", "0.3")])
def test_sample_size_is_the_smallest_n_that_enumeration_accepts(
    N: int, confidence: str, rate: str
) -> None:
    c, p = Fraction(confidence), Fraction(rate)
    d0 = max(1, math.ceil(p * N))
    accepted = [n for n in range(N + 1) if brute_p_zero(N, n, d0) <= 1 - c]
    assert stats.sample_size(N, c, p) == min(accepted)


def test_sample_size_tends_to_the_binomial_rule_59() -> None:
    assert stats.binomial_size(C95, P05) == 59
    assert stats.sample_size(1_000_000, C95, P05) == 59
    # small lots need fewer than the binomial rule, a lot of 12 months needs a census
    assert stats.sample_size(260, C95, P05) == 53
    assert stats.sample_size(12, C95, P05) == 12


@pytest.mark.parametrize("N,n", [(6, 2), (8, 3), (9, 5), (7, 7)])
def test_upper_bound_on_defects_matches_enumeration(N: int, n: int) -> None:
    for found in range(min(n, 3) + 1):
        expected = (
            max(
                D
                for D in range(found, N - (n - found) + 1)
                if brute_p_at_most(N, n, D, found) > 1 - C95
            )
            if any(brute_p_at_most(N, n, D, found) > 1 - C95 for D in range(found, N + 1))
            else found
        )
        assert stats.max_defects(N, n, C95, found) == expected


def brute_worst_stratified(sizes: list[int], drawn: list[int], D: int) -> Fraction:
    """Max over every set of D defective items of P(no defect in the stratified sample),
    each stratum's sample enumerated."""
    items = [(h, i) for h, s in enumerate(sizes) for i in range(s)]
    best = Fraction(0)
    for defects in itertools.combinations(items, D):
        p = Fraction(1)
        for h, (s, n) in enumerate(zip(sizes, drawn, strict=True)):
            bad = {i for g, i in defects if g == h}
            samples = list(itertools.combinations(range(s), n))
            p *= Fraction(sum(1 for smp in samples if not bad & set(smp)), len(samples))
        best = max(best, p)
    return best


@pytest.mark.parametrize(
    "sizes,drawn", [([3, 4, 2], [1, 2, 1]), ([5, 2], [2, 0]), ([4, 4, 1], [1, 3, 1])]
)
def test_stratified_worst_case_matches_enumeration_of_every_placement(
    sizes: list[int], drawn: list[int]
) -> None:
    strata = [stats.Stratum(s, n) for s, n in zip(sizes, drawn, strict=True)]
    for D in range(sum(sizes) + 1):
        assert stats.worst_p_zero(strata, D) == brute_worst_stratified(sizes, drawn, D)


def test_allocation_is_proportional_house_monotone_and_reaches_every_system() -> None:
    sizes = [40, 3, 37, 0, 36]
    previous = [0] * len(sizes)
    for n in range(sum(sizes) + 1):
        drawn = stats.allocate(sizes, n)
        assert sum(drawn) == n and all(d <= s for d, s in zip(drawn, sizes, strict=True))
        assert all(a >= b for a, b in zip(drawn, previous, strict=True))
        if n >= 4:
            assert all(d >= 1 for d, s in zip(drawn, sizes, strict=True) if s)
        previous = drawn


def exact_worst_p_zero(sizes: list[int], drawn: list[int], up_to: int) -> list[Fraction]:
    """Independent of the greedy: dynamic programme over strata of the max product,
    best[D] = max over placements of D defects of P(no defect drawn), D = 0..up_to."""
    best = [Fraction(1)] + [Fraction(0)] * up_to
    for s, n in zip(sizes, drawn, strict=True):
        factor = [Fraction(math.comb(s - d, n), math.comb(s, n)) for d in range(min(s, up_to) + 1)]
        best = [
            max(best[D - d] * factor[d] for d in range(min(s, D) + 1)) for D in range(up_to + 1)
        ]
    return best


def test_record_confidence_statement_is_the_exact_bound() -> None:
    record = build_record(
        load_bundle(LocalStore(COMPLIANT)), seed="7", rule=RULE, params=params(), inspected_at=AT
    )
    conf = record["confidence"]
    assert conf["confidence"] == "0.95"
    for s in conf["per_stratum"]:
        N, n, bound = s["population"], s["drawn"], s["max_defective"]
        assert s["defective_found"] == 0
        assert Fraction(math.comb(N - bound, n), math.comb(N, n)) > 1 - C95
        if bound < N:
            assert Fraction(math.comb(N - bound - 1, n), math.comb(N, n)) <= 1 - C95
    by_type: dict[str, list[dict[str, Any]]] = {}
    for s in conf["per_stratum"]:
        by_type.setdefault(s["item_type"], []).append(s)
    for pop in conf["per_population"]:
        strata = by_type[pop["item_type"]]
        exact = pop["max_defective"]
        # worst-case P(no defect drawn) falls as D grows: the bound is where it crosses 1 - c
        curve = exact_worst_p_zero(
            [s["population"] for s in strata], [s["drawn"] for s in strata], exact + 1
        )
        assert curve[exact] > 1 - C95 >= curve[exact + 1]
        assert Fraction(exact, pop["population"]) < P05  # the sizing rule met its target
        assert f"at most {exact} of {pop['population']}" in pop["statement"]
        assert "below the 5% target" in pop["statement"]


# ---- the plan ----------------------------------------------------------------------


def test_same_seed_and_bundle_give_a_byte_identical_plan_other_seed_another() -> None:
    one = make_plan(load_bundle(LocalStore(COMPLIANT)), "2026-Q1", RULE, params())
    two = make_plan(load_bundle(LocalStore(COMPLIANT)), "2026-Q1", RULE, params())
    other = make_plan(load_bundle(LocalStore(COMPLIANT)), "2026-Q2", RULE, params())
    assert canonical(one.as_dict()) == canonical(two.as_dict())
    assert [i.evidence for i in one.items()] != [i.evidence for i in other.items()]
    assert one.as_dict()["sha256"] != other.as_dict()["sha256"]


def test_plan_follows_the_documented_draw(tmp_path: Path) -> None:
    """Redraw one stratum from docs/spot-checks.md alone: sha256 counter stream, rejection,
    partial Fisher-Yates over the items sorted by id."""
    bundle = load_bundle(LocalStore(COMPLIANT))
    plan = make_plan(bundle, "abc", Rule(C95, size=20), params())
    scans = next(p for p in plan.as_dict()["populations"] if p["item_type"] == "vuln_scan")
    s1 = next(s for s in scans["strata"] if s["stratum"] == "S1")
    inventory = json.loads((COMPLIANT / "inventory" / "hosts.json").read_text())
    system = {h["host_id"]: h["system_id"] for h in inventory["hosts"]}
    doc = json.loads((COMPLIANT / "security" / "vuln_scans.json").read_text())
    members = sorted(
        (s["scan_id"], i) for i, s in enumerate(doc["scans"]) if system[s["host_id"]] == "S1"
    )
    key = (
        "\0".join(
            ["cloudpact-spotcheck-v1", "abc", bundle.manifest_sha256, "vuln_scan/S1"]
        ).encode()
        + b"\0"
    )
    counter, order = 0, list(range(len(members)))
    for i in range(s1["drawn"]):
        m = len(members) - i
        while True:
            x = int.from_bytes(hashlib.sha256(key + counter.to_bytes(8, "big")).digest(), "big")
            counter += 1
            if x < (2**256 // m) * m:
                break
        j = i + x % m
        order[i], order[j] = order[j], order[i]
    expected = [members[p][0] for p in sorted(order[: s1["drawn"]])]
    assert [it["id"] for it in s1["items"]] == expected


def test_draw_is_uniform_enough_to_reach_every_item() -> None:
    seen = set()
    for seed in range(200):
        seen.update(draw(Stream(str(seed), "0" * 64, "x/S1"), 10, 2))
    assert seen == set(range(10))


def test_size_rule_caps_at_the_population_and_clauses_select_item_types() -> None:
    plan = make_plan(
        load_bundle(LocalStore(COMPLIANT)), "1", Rule(C95, size=1000), params(), ["2.2.1.4"]
    )
    assert [p.item_type for p in plan.populations] == [ItemType.DATABASE_SET]
    assert plan.populations[0].size == len(plan.items()) == 7


def test_kinds_absent_from_the_bundle_are_listed_as_not_sampled() -> None:
    plan = make_plan(_bundle({"host_inventory": ("hosts.json", HOSTS)}), "1", RULE, params())
    reasons = {n["item_type"]: n["reason"] for n in plan.as_dict()["not_sampled"]}
    assert reasons["ticket"] == "no evidence of kind tickets in the bundle"
    assert [p.item_type for p in plan.populations] == [ItemType.HOST]


# ---- re-verification, item by item -------------------------------------------------


def test_compliant_year_shows_no_defect_under_any_seed() -> None:
    bundle = load_bundle(LocalStore(COMPLIANT))
    ctx = Context.build(bundle, params())
    for seed in range(10):
        for item in make_plan(bundle, str(seed), RULE, params()).items():
            assert verify_item(ctx, item) == [], item.evidence


SEEDS = 400  # a ticket of ~300 in its system, ~9 drawn per seed: P(never drawn) ~ 1e-5


def test_every_planted_violation_is_caught_by_some_seed() -> None:
    """Each breach planted under a clause that spot checks re-verify is, for some seed in
    0..SEEDS, drawn and flagged under that clause with the planted evidence pointer."""
    bundle = load_bundle(LocalStore(BREACHES))
    ctx = Context.build(bundle, params())
    spot_clauses = {c for t in ItemType for c in t.spec.clauses}
    planted = [
        p
        for p in json.loads((BREACHES / "PLANTED.json").read_text())
        if p["clause"] in spot_clauses
    ]
    assert len(planted) >= 18  # hosts, sets, agents, scans, hardenings, tickets, monthly reports
    cache: dict[str, list[tuple[str, str]]] = {}
    for p in planted:
        caught = None
        for seed in range(SEEDS):
            plan = make_plan(bundle, str(seed), RULE, params(), [p["clause"]])
            for item in plan.items():
                key = f"{item.item_type}/{item.id}/{item.evidence}"
                if key not in cache:
                    cache[key] = [(f.clause, f.evidence) for f in verify_item(ctx, item)]
                # a planted pointer may name a whole list (e.g. #/monthly_reports): a
                # finding inside it catches it
                if any(c == p["clause"] and (e == p["evidence"] or e.startswith(p["evidence"] + "/"))
                       for c, e in cache[key]):
                    caught = seed
                    break
            if caught is not None:
                break
        assert caught is not None, (
            f"planted {p['clause']} at {p['evidence']} never drawn and flagged"
        )


def _bundle(docs: dict[str, tuple[str, dict[str, Any]]]) -> Bundle:
    """A loaded bundle made directly from documents (kinds from other branches included)."""
    files = [
        EvidenceFile(path, kind, sha256_bytes(dump_json(doc)), data=doc)
        for kind, (path, doc) in docs.items()
    ]
    return Bundle(
        LocalStore("/nonexistent"),
        {
            "bundle_id": "t",
            "contract_id": "FW2025082202",
            "period": {},
            "producer": {},
            "files": [],
        },
        "0" * 64,
        files,
    )


HOSTS = {
    "kind": "host_inventory",
    "hosts": [
        {
            "host_id": "h1",
            "hostname": "a",
            "ip": "10.0.0.1",
            "system_id": "S1",
            "in_service_from": "2025-09-03T00:00:00+08:00",
            "os": {
                "name": "Rocky Linux",
                "version": "9",
                "family": "open_source",
                "maintained": True,
            },
        },
        {
            "host_id": "h5",
            "hostname": "b",
            "ip": "10.0.0.5",
            "system_id": "S5",
            "in_service_from": "2025-09-03T00:00:00+08:00",
            "os": {
                "name": "Kylin",
                "version": "V10",
                "family": "commercial",
                "licensed": True,
                "maintained": True,
            },
        },
    ],
}
SCAN = {
    "scan_id": "R1-h1",
    "round": "R1",
    "host_id": "h1",
    "target": "10.0.0.1",
    "started_at": "2025-10-10T09:00:00+08:00",
    "finished_at": "2025-10-10T10:00:00+08:00",
    "tool": {"name": "Nessus"},
    "findings": [
        {"finding_id": "F1", "severity": "high", "title": "x"},
        {"finding_id": "F2", "severity": "critical", "title": "y"},
        {"finding_id": "F3", "severity": "medium", "title": "z"},
    ],
}


def findings_of(
    docs: dict[str, tuple[str, dict[str, Any]]], item_type: ItemType
) -> list[list[tuple[str, str]]]:
    bundle = _bundle(docs)
    ctx = Context.build(bundle, params())
    plan = make_plan(bundle, "1", Rule(C95, size=100), params())
    return [
        [(f.clause, f.message) for f in verify_item(ctx, i)]
        for i in plan.items()
        if i.item_type is item_type
    ]


def test_hardening_must_cite_a_scan_of_its_host_and_close_high_and_critical() -> None:
    def hard(hid: str, scan_id: str | None, items: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "hardening_id": hid,
            "host_id": "h1",
            "scan_id": scan_id,
            "performed_at": "2025-10-12T10:00:00+08:00",
            "items": items,
        }

    docs = {
        "host_inventory": ("hosts.json", HOSTS),
        "vuln_scan": ("scans.json", {"kind": "vuln_scan", "scans": [SCAN]}),
        "hardening": (
            "hard.json",
            {
                "kind": "hardening",
                "hardenings": [
                    hard(
                        "a-ok",
                        "R1-h1",
                        [
                            {"finding_id": "F1", "outcome": "fixed"},
                            {
                                "finding_id": "F2",
                                "outcome": "justified",
                                "justification": "vendor EOL",
                            },
                        ],
                    ),
                    hard(
                        "b-open",
                        "R1-h1",
                        [
                            {"finding_id": "F1", "outcome": "fixed"},
                            {"finding_id": "F2", "outcome": "open"},
                        ],
                    ),
                    hard("c-none", None, []),
                    hard("d-ghost", "R9-h1", []),
                ],
            },
        ),
    }
    got = findings_of(docs, ItemType.HARDENING)
    assert got[0] == []
    assert got[1] == [
        (
            "2.2.1.8",
            "critical/high findings of scan R1-h1 (scans.json#/scans/0) "
            "neither fixed nor justified: F2",
        )
    ]
    assert got[2] == [("2.2.1.8", "not tied to a vulnerability scan (scan_id is null)")]
    assert got[3] == [("2.2.1.8", "cites scan R9-h1, not in the scan evidence")]


def test_scan_target_and_host_are_crossed_with_the_inventory() -> None:
    wrong = {**SCAN, "scan_id": "R1-x", "target": "10.9.9.9"}
    ghost = {**SCAN, "scan_id": "R1-y", "host_id": "h9"}
    docs = {
        "host_inventory": ("hosts.json", HOSTS),
        "vuln_scan": ("scans.json", {"kind": "vuln_scan", "scans": [SCAN, wrong, ghost]}),
    }
    got = findings_of(docs, ItemType.VULN_SCAN)
    assert got == [
        [],
        [("2.2.1.7", "scanned target 10.9.9.9 is not an address or name of h1 in the inventory")],
        [("2.2.1.7", "host h9 is not in the host inventory")],
    ]
    hosts = findings_of(docs, ItemType.HOST)  # h5 was never scanned in round R1
    assert hosts == [[], [("2.2.1.7", "no vulnerability scan of h5 in round R1")]]


def test_antivirus_run_needs_a_centrally_managed_agent_and_a_clean_run() -> None:
    def run(rid: str, host: str, result: str) -> dict[str, Any]:
        return {
            "run_id": rid,
            "host_id": host,
            "started_at": "2025-11-01T01:00:00+08:00",
            "finished_at": "2025-11-01T02:00:00+08:00",
            "result": result,
        }

    docs = {
        "host_inventory": ("hosts.json", HOSTS),
        "antivirus": (
            "av.json",
            {
                "kind": "antivirus",
                "agents": [
                    {
                        "host_id": "h1",
                        "product": "x",
                        "centrally_managed": True,
                        "status": "active",
                    },
                    {
                        "host_id": "h5",
                        "product": "x",
                        "centrally_managed": False,
                        "status": "active",
                    },
                ],
                "runs": [
                    run("r1", "h1", "clean"),
                    run("r2", "h1", "error"),
                    run("r3", "h5", "cleaned"),
                ],
            },
        ),
    }
    got = findings_of(docs, ItemType.ANTIVIRUS_RUN)
    assert got == [
        [],
        [("2.2.1.5", "the scan run failed (result: error)")],
        [("2.2.1.5", "no centrally managed agent on h5 (杀毒软件集中控制)")],
    ]
    hosts = findings_of(docs, ItemType.HOST)
    assert hosts[1][0] == (
        "2.2.1.5",
        "antivirus agent of h5 not under active central control "
        "(status active, centrally managed: False)",
    )
    assert hosts[0][0][1].startswith(
        "no completed antivirus run in 51 of 52 scan intervals of 7 days"
    )


def _ticket(tid: str, system: str, **times: Any) -> dict[str, Any]:
    base = {
        "ticket_id": tid,
        "system_id": system,
        "reported_at": "2025-12-01T10:00:00+08:00",
        "responded_at": "2025-12-01T10:04:00+08:00",
        "handling_started_at": "2025-12-01T10:20:00+08:00",
        "resolved_at": "2025-12-01T10:29:00+08:00",
        "onsite_required": False,
        "closing_report": {"doc_id": "FR-1", "delivered_at": "2025-12-02T10:00:00+08:00"},
    }
    return {**base, **times}


def test_ticket_times_are_held_to_3_8_and_3_10_with_the_important_system_limit() -> None:
    tickets = [
        _ticket("t1", "S1"),
        _ticket("t2", "S1", responded_at="2025-12-01T10:06:00+08:00"),
        # S5 important: 10 min from the report (reading rule 7), 6 min after handling began
        _ticket(
            "t3",
            "S5",
            handling_started_at="2025-12-01T10:05:00+08:00",
            resolved_at="2025-12-01T10:11:00+08:00",
        ),
        _ticket("t4", "S1", onsite_required=True, onsite_arrived_at=None),
        _ticket("t5", "S1", closing_report=None),
        _ticket(
            "t6",
            "S1",
            reported_at="2026-01-31T23:50:00+08:00",
            responded_at=None,
            handling_started_at=None,
            resolved_at=None,
            closing_report=None,
        ),  # still within limits
    ]
    docs = {
        "tickets": (
            "tickets.json",
            {"kind": "tickets", "as_of": "2026-01-31T23:54:00+08:00", "tickets": tickets},
        )
    }
    got = findings_of(docs, ItemType.TICKET)
    assert got == [  # drawn in stratum order: S1 (t1, t2, t4, t5, t6), then S5 (t3)
        [],
        [("3.8.a", "response took 6 min, limit 5 min")],
        [
            (
                "3.8.c",
                "on-site arrival: no onsite_arrived_at although the 60-minute limit "
                "passed before the export "
                "(2026-01-31T23:54:00+08:00)",
            )
        ],
        [("9.13", "resolved without a written fault report (closing_report)")],
        [],
        [
            # cleared 11 min after the report: 3.10's 10-minute limit; open 11 min, within
            # 9.13's 30-minute progress interval (定时反馈)
            ("3.10", "locating and clearing (system S5) took 11 min, limit 10 min"),
        ],
    ]


def test_monthly_report_per_service_month_on_time_and_after_the_month() -> None:
    def report(month: str, at: str) -> dict[str, str]:
        return {
            "doc_id": f"MR-{month}",
            "title": f"月报 {month}",
            "delivered_at": at,
            "month": month,
        }

    doc = {
        "kind": "deliverables",
        "as_of": "2026-01-20T00:00:00+08:00",
        "implementation_plan": None,
        "special_events": [],
        "special_reports": [],
        "summary_report": None,
        "monthly_reports": [
            report("2025-09", "2025-10-08T10:00:00+08:00"),
            report("2025-10", "2025-11-12T10:00:00+08:00"),
            report("2025-12", "2025-12-20T10:00:00+08:00"),
        ],
    }
    got = findings_of({"deliverables": ("d.json", doc)}, ItemType.MONTHLY_REPORT)
    assert len(got) == 12  # a census of the 12 service months
    assert got[0] == []
    assert got[1] == [
        (
            "6.3.2",
            "monthly report for 2025-10 delivered 2025-11-12T10:00:00+08:00, "
            "2 day(s) after the due day 10",
        )
    ]
    missing = "no monthly report for service month 2025-11 (due 2025-12-10)"
    assert got[2] == [("6.3.2", missing), ("9.8", missing)]  # 9.8 cites 6.3.2
    assert got[3] == [
        (
            "6.3.2",
            "monthly report for 2025-12 delivered before the month ended "
            "(2026-01-01T00:00:00+08:00): it cannot cover the whole month",
        )
    ]
    assert all(g == [] for g in got[4:])  # not yet due at as_of


@pytest.mark.skipif(not (SHARED / "real-samples").is_dir(), reason="real samples not present")
def test_imported_record_is_compared_with_its_raw_tool_output(tmp_path: Path) -> None:
    from checker.importers.apply import import_files

    root = tmp_path / "b"
    shutil.copytree(COMPLIANT, root)
    import_files("nessus", [SHARED / "real-samples" / "nessus" / "nessus_with_cvssv3.nessus"], root)
    rel = next(p.relative_to(root).as_posix() for p in (root / "imported").rglob("*.json"))

    def raw_findings() -> list[str]:
        bundle = load_bundle(LocalStore(root))
        ctx = Context.build(bundle, params())
        plan = make_plan(bundle, "1", Rule(C95, size=1000), params(), ["2.2.1.7"])
        item = next(i for i in plan.items() if i.path == rel)
        return [f.message for f in verify_item(ctx, item) if "raw" in f.message]

    assert raw_findings() == []
    doc = json.loads((root / rel).read_text())
    critical = next(f for f in doc["scans"][0]["findings"] if f["severity"] == "critical")
    critical["severity"] = "low"  # play a critical finding down, keep the manifest consistent
    doc["scans"][0]["started_at"] = "2025-10-01T10:00:00+08:00"
    data = dump_json(doc)
    (root / rel).write_bytes(data)
    manifest = json.loads((root / MANIFEST).read_text())
    next(f for f in manifest["files"] if f["path"] == rel)["sha256"] = sha256_bytes(data)
    (root / MANIFEST).write_bytes(dump_json(manifest))
    got = raw_findings()
    assert len(got) == 1 and got[0].endswith("in: findings, started_at")


# ---- the record, write-once, and verify --------------------------------------------


@pytest.fixture
def bundle_dir(tmp_path: Path) -> Path:
    dest = tmp_path / "breaches"
    shutil.copytree(BREACHES, dest)
    return dest


def _record_path(result: CliResult) -> Path:
    return Path(result.out.strip().splitlines()[-1].split(" -> ")[1])


def test_record_matches_its_schema_and_states_what_the_issue_asks() -> None:
    record = build_record(
        load_bundle(LocalStore(BREACHES)), seed="5", rule=RULE, params=params(), inspected_at=AT
    )
    schema = json.loads(RECORD_SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert record["inspector"] == {
        "role": "supervision_provider",
        "organisation_role": "supervision_provider",
        "tool": record["inspector"]["tool"],
    }
    assert record["seed"] == "5" and record["plan"]["seed"] == "5"
    assert (
        record["manifest_sha256"] == hashlib.sha256((BREACHES / MANIFEST).read_bytes()).hexdigest()
    )
    body = {k: v for k, v in record.items() if k != "record_sha256"}
    assert (
        record["record_sha256"]
        == hashlib.sha256(
            json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        ).hexdigest()
    )
    failing = [f for i in record["items"] for f in i["findings"]]
    assert failing and {f["clause"] for f in failing} <= {
        c for t in ItemType for c in t.spec.clauses
    }
    assert all("#/" in f["evidence"] for f in failing)


def test_cli_writes_the_record_once_and_verify_recomputes_it(
    cli: Callable[..., CliResult], bundle_dir: Path
) -> None:
    first = cli("spot-check", bundle_dir, "--seed", "3", "--at", AT)
    assert first.code == 1  # the breaches year: defects found
    assert "FAIL 2.2.1.3" in first.out and "zero-defect bound does not hold" in first.out
    path = _record_path(first)
    assert path.parent.parent == bundle_dir / "spot-checks"
    stored = path.read_bytes()
    assert cli("spot-check", bundle_dir, "--seed", "3", "--at", AT).code == 1  # same bytes: no-op
    assert path.read_bytes() == stored
    ok = cli("spot-check", "verify", path, bundle_dir)
    assert ok.code == 0 and ok.out.startswith("OK ")
    compliant = cli(
        "spot-check", COMPLIANT, "--seed", "3", "--size", "5", "--output", bundle_dir / "c.json"
    )
    assert compliant.code == 0 and "below" not in compliant.out and "at most" in compliant.out


def test_output_is_never_overwritten(
    cli: Callable[..., CliResult], bundle_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "record.json"
    out.write_text("someone else's record")
    result = cli("spot-check", bundle_dir, "--seed", "1", "--output", out)
    assert result.code == 2 and "not overwritten" in result.err
    assert out.read_text() == "someone else's record"


def test_verify_detects_a_record_edited_after_the_fact(
    cli: Callable[..., CliResult], bundle_dir: Path
) -> None:
    path = _record_path(cli("spot-check", bundle_dir, "--seed", "3", "--at", AT))
    record = json.loads(path.read_text())
    failing = next(i for i in record["items"] if i["findings"])
    failing["findings"], failing["status"] = [], "pass"  # hide a finding
    edited = path.with_name("edited.json")
    edited.write_bytes(dump_json(record))
    result = cli("spot-check", "verify", edited, bundle_dir)
    assert result.code == 1 and "the record was edited" in result.out
    # even with a recomputed digest, recomputing the items shows the hidden finding
    record["record_sha256"] = hashlib.sha256(
        canonical({k: v for k, v in record.items() if k != "record_sha256"})
    ).hexdigest()
    edited.write_bytes(dump_json(record))
    result = cli("spot-check", "verify", edited, bundle_dir)
    assert result.code == 1 and "the record was edited" not in result.out
    assert f"/items/{record['items'].index(failing)}/findings" in result.out


def test_verify_detects_a_bundle_changed_after_the_record(
    cli: Callable[..., CliResult], bundle_dir: Path
) -> None:
    path = _record_path(cli("spot-check", bundle_dir, "--seed", "3", "--at", AT))
    hosts = bundle_dir / "inventory" / "hosts.json"
    doc = json.loads(hosts.read_text())
    doc["hosts"][0]["os"]["licensed"] = True  # repair a breach after the inspection
    hosts.write_bytes(dump_json(doc))
    manifest = json.loads((bundle_dir / MANIFEST).read_text())
    next(f for f in manifest["files"] if f["path"] == "inventory/hosts.json")["sha256"] = (
        sha256_bytes(hosts.read_bytes())
    )
    (bundle_dir / MANIFEST).write_bytes(dump_json(manifest))
    result = cli("spot-check", "verify", path, bundle_dir)
    assert result.code == 1
    assert "(the bundle changed)" in result.out
    assert "files_read/inventory/hosts.json: sha256" in result.out


def test_verify_in_process_reports_nothing_for_an_untouched_pair() -> None:
    bundle = load_bundle(LocalStore(BREACHES))
    record = build_record(
        bundle, seed="x", rule=Rule(C95, size=4), params=params(), inspected_at=AT
    )
    assert verify_record(record, bundle, params()).differences == []


def test_bad_arguments_exit_2_with_a_reason(
    cli: Callable[..., CliResult], bundle_dir: Path
) -> None:
    both = cli("spot-check", bundle_dir, "--seed", "1", "--size", "3", "--max-defect-rate", "0.05")
    assert both.code == 2 and "not both" in both.err
    unknown = cli("spot-check", bundle_dir, "--seed", "1", "--clauses", "9.99")
    assert unknown.code == 2 and "9.99" in unknown.err and "2.2.1.7" in unknown.err
    not_record = bundle_dir / "x.json"
    not_record.write_text("{}")
    assert cli("spot-check", "verify", not_record, bundle_dir).code == 2
    assert not (bundle_dir / "spot-checks").exists()


class MemoryStore(Store):
    """An object store in memory (a real Store subclass): keys -> bytes, write-once."""

    def __init__(self, objects: dict[str, bytes]) -> None:
        self.objects = dict(objects)

    @property
    def location(self) -> str:
        return "mem://bucket/bundle"

    def read(self, key: str) -> bytes:
        if key not in self.objects:
            raise StoreNotFound(f"{key}: no such object")
        return self.objects[key]

    def exists(self, key: str) -> bool:
        return key in self.objects

    def list(self, prefix: str = "") -> list[str]:
        return sorted(k for k in self.objects if k.startswith(prefix))

    def write_once(self, key: str, data: bytes) -> None:
        if key in self.objects and self.objects[key] != data:
            raise StoreError(f"{key}: exists with other content; not overwritten")
        self.objects[key] = data


def test_record_goes_write_once_under_spot_checks_of_the_object_store() -> None:
    from checker.spotcheck.cli import run

    objects = {
        p.relative_to(BREACHES).as_posix(): p.read_bytes()
        for p in BREACHES.rglob("*")
        if p.is_file()
    }
    store = MemoryStore(objects)
    code = run(
        store,
        seed="s3",
        size=3,
        confidence="0.95",
        max_defect_rate=None,
        clauses=None,
        output=None,
        inspector_role="supervision_provider",
        inspected_at=AT,
        endpoint_url=None,
    )
    written = [k for k in store.objects if k not in objects]
    assert code in (0, 1) and len(written) == 1
    assert written[0].startswith("spot-checks/FW2025082202-breaches-s2025/20260910T100000-seed-s3-")
    record = json.loads(store.objects[written[0]])
    assert verify_record(record, load_bundle(store), params()).differences == []
    store.objects[written[0]] = b"tampered"
    with pytest.raises(StoreError, match="not overwritten"):
        run(
            store,
            seed="s3",
            size=3,
            confidence="0.95",
            max_defect_rate=None,
            clauses=None,
            output=None,
            inspector_role="supervision_provider",
            inspected_at=AT,
            endpoint_url=None,
        )


def test_verify_names_a_file_changed_behind_an_unchanged_manifest(
    cli: Callable[..., CliResult], bundle_dir: Path
) -> None:
    path = _record_path(cli("spot-check", bundle_dir, "--seed", "3", "--at", AT))
    scans = bundle_dir / "security" / "vuln_scans.json"
    scans.write_bytes(scans.read_bytes().replace(b'"high"', b'"low"'))
    result = cli("spot-check", "verify", path, bundle_dir)
    assert result.code == 1
    assert "files_read/security/vuln_scans.json: now invalid in the bundle (sha256" in result.out
