"""outages: every interruption of an information system (3.4.a availability).

Compliant year: per system at most one short cloud-service fault and one short third-party
outage (3-12 min each, far under the 52.56 min 99.99% allows), plus a quarterly planned
maintenance window of the whole platform that Party A approved a week before (excluded).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "outages"
PATH = "sla/outages.json"
ORDER = 30


def _outage(
    oid: str, systems: list[str], start: Any, minutes: int, cause: str, **extra: Any
) -> dict[str, Any]:
    return {
        "outage_id": oid,
        "system_ids": systems,
        "started_at": iso(start),
        "ended_at": iso(start + timedelta(minutes=minutes)),
        "cause": cause,
        "planned": cause == "maintenance",
        "maintenance_approval": None,
        "user_complaints": 0,
        "incident_id": None,
        **extra,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    outages: list[dict[str, Any]] = []
    systems = [s["id"] for s in world.systems]
    for k, (m_start, _m_end) in enumerate(world.months()[1::3]):
        start = (m_start + timedelta(days=10)).replace(hour=1, minute=0, second=0)
        approved = start - timedelta(days=7)
        outages.append(
            _outage(
                f"M-{k + 1:02d}",
                systems,
                start,
                240,
                "maintenance",
                maintenance_approval={
                    "approved_by_role": "party_a",
                    "approved_at": iso(approved),
                    "reference": f"CHG-{approved:%Y%m%d}-{k + 1}",
                },
                description="quarterly platform maintenance",
            )
        )
    for sid in systems:
        for cause in ("cloud_service", "third_party"):
            if rng.random() < 0.7:
                start = world.at(
                    rng, world.start + timedelta(days=5), world.end - timedelta(days=5)
                )
                outages.append(_outage("", [sid], start, rng.randint(3, 12), cause))
    outages.sort(key=lambda o: (o["started_at"], o["outage_id"]))
    for i, o in enumerate(outages):
        o["outage_id"] = o["outage_id"] or f"O-{i + 1:04d}"
    doc = {"kind": KIND, "as_of": iso(world.end), "outages": outages}
    world.shared["outages"] = doc  # availability_samples follows it (planted outages included)
    return doc


def plant(world: World, doc: dict[str, Any]) -> None:
    at = world.start + timedelta(days=70, hours=14)
    outages = doc["outages"]
    # S3: one cloud fault of 150 min (incident INC-P3, Annex 1 A level by people affected)
    outages.append(
        _outage(
            "O-P1",
            ["S3"],
            at,
            150,
            "cloud_service",
            incident_id="INC-P3",
            ticket_id=None,
            description="storage controller failure",
        )
    )
    world.breach(
        "3.4.a",
        "S3 down 150 min in one cloud fault (> 52.56 min allowed)",
        f"{PATH}#/outages/{len(outages) - 1}",
    )
    # S5: three cloud faults of 20 min each (Annex 3 row 6: 3 outages)
    for n in range(3):
        outages.append(
            _outage(f"O-P2{n + 1}", ["S5"], at + timedelta(days=30 * (n + 1)), 20, "cloud_service")
        )
    world.breach(
        "3.4.a", "S5 down 3 x 20 min in cloud faults", f"{PATH}#/outages/{len(outages) - 1}"
    )
    # S2: planned maintenance Party A agreed to only after it started: counts as downtime
    start = at + timedelta(days=120)
    outages.append(
        _outage(
            "O-P3",
            ["S2"],
            start,
            240,
            "maintenance",
            maintenance_approval={
                "approved_by_role": "party_a",
                "approved_at": iso(start + timedelta(hours=2)),
                "reference": "CHG-LATE-1",
            },
        )
    )
    world.breach(
        "3.4.a",
        "S2 maintenance of 240 min approved only after it started",
        f"{PATH}#/outages/{len(outages) - 1}",
    )
