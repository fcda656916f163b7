"""data_reliability: monthly backup checks, two restore tests per system, loss events (3.4.b)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "data_reliability"
PATH = "sla/data_reliability.json"
ORDER = 30


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    checks, tests = [], []
    for sid in (s["id"] for s in world.systems):
        for k, (m_start, _) in enumerate(world.months()):
            at = (m_start + timedelta(days=rng.randint(1, 20))).replace(
                hour=2, minute=rng.randint(0, 59)
            )
            checks.append(
                {
                    "check_id": f"BC-{sid}-{k + 1:02d}",
                    "system_id": sid,
                    "checked_at": iso(at),
                    "method": rng.choice(
                        ["backup_checksum", "replica_consistency", "snapshot_verify"]
                    ),
                    "replicas": 3,
                    "result": "ok",
                }
            )
        for n, offset in enumerate((100, 280)):
            at = (world.start + timedelta(days=offset + rng.randint(0, 20))).replace(
                hour=3, minute=0
            )
            tests.append(
                {
                    "test_id": f"RT-{sid}-{n + 1}",
                    "system_id": sid,
                    "tested_at": iso(at),
                    "backup_taken_at": iso(at - timedelta(hours=3)),
                    "succeeded": True,
                    "witnessed_by_role": "party_a",
                }
            )
    sid = rng.choice([s["id"] for s in world.systems])
    lost = world.at(rng, world.start + timedelta(days=30), world.end - timedelta(days=30))
    losses = [
        {
            "event_id": "DL-0001",
            "system_id": sid,
            "occurred_at": iso(lost),
            "recovered": True,
            "recovered_at": iso(lost + timedelta(hours=2)),
            "data_span_days": 0.1,
            "incident_id": None,
            "description": "accidental table drop, restored from the nightly backup",
        }
    ]
    return {
        "kind": KIND,
        "as_of": iso(world.end),
        "backup_checks": checks,
        "restore_tests": tests,
        "loss_events": losses,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    at = world.start + timedelta(days=150, hours=9)
    doc["loss_events"].append(
        {
            "event_id": "DL-P1",
            "system_id": "S4",
            "occurred_at": iso(at),
            "recovered": False,
            "recovered_at": None,
            "data_span_days": 61,
            "incident_id": "INC-P4",
            "description": "two months of records lost with a corrupted volume",
        }
    )
    world.breach(
        "3.4.b",
        "S4 data lost beyond recovery",
        f"{PATH}#/loss_events/{len(doc['loss_events']) - 1}",
    )
    doc["restore_tests"].append(
        {
            "test_id": "RT-S6-P",
            "system_id": "S6",
            "tested_at": iso(at + timedelta(days=20)),
            "succeeded": False,
            "witnessed_by_role": "party_a",
        }
    )
    world.breach(
        "3.4.b", "S6 restore test failed", f"{PATH}#/restore_tests/{len(doc['restore_tests']) - 1}"
    )
