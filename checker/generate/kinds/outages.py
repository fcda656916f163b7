"""outages: every interruption of an information system (3.4.a availability).

Compliant year: per system at most one short cloud-service fault and one short outage of a
provider Party A designated (第九条 14, confirmed by Party A: shown apart, not counted), each
3-12 min, far under the 52.56 min 99.99% allows; a quarterly planned maintenance window of
the whole platform that Party A approved a week before (excluded); and one 95-minute outage
of S2 from a network operator's core-router failure (第十四条 2), excused because its
force-majeure claim FM-0001 (kind force_majeure) has a written notice and a notary's proof
in time. Breaches (readings of issue 11): a force-majeure outage whose proof came late
(counted), a cloud fault of exactly 2 h (A3.5 includes the boundary), three consecutive
short faults (A3.6 连续) and three months-apart faults (not 连续).
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
                extra: dict[str, Any] = {}
                if cause == "third_party":
                    extra["responsibility"] = {
                        "confirmed_by_role": "party_a",
                        "confirmed_at": iso(start + timedelta(days=2)),
                        "reference": f"RC-{start:%Y%m%d}-{sid}",
                        "designated_by_party_a": True,
                        "provider_role": "GIS map service provider designated by Party A",
                    }
                    extra["description"] = "map tiles of Party A's designated GIS provider failed"
                outages.append(_outage("", [sid], start, rng.randint(3, 12), cause, **extra))
    # 第十四条 2: a network operator's core equipment failure, claimed as force majeure
    fm_at = (world.start + timedelta(days=150)).replace(hour=14, minute=20, second=0)
    outages.append(
        _outage(
            "O-FM1",
            ["S2"],
            fm_at + timedelta(minutes=3),
            95,
            "force_majeure",
            force_majeure_id="FM-0001",
            description="network operator core router failure cut the government network link",
        )
    )
    world.shared["fm_claims"] = [
        {"claim_id": "FM-0001", "at": fm_at, "outage_ids": ["O-FM1"], "proof_after_days": 6}
    ]
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
    # S5: three cloud faults of 20 min each, 30 days apart: not 连续 (no A3.6), 60 min in all
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
    # S6: a flood claimed as force majeure, the government's proof delivered 20 days after
    # the event (> 15 天): not excused, its 80 minutes count (3.4.a, 14.3)
    fm_at = (at + timedelta(days=60)).replace(hour=6, minute=0, second=0)
    outages.append(
        _outage(
            "O-P4",
            ["S6"],
            fm_at + timedelta(minutes=30),
            80,
            "force_majeure",
            force_majeure_id="FM-P1",
            description="rainstorm flooding cut power to the access network",
        )
    )
    world.shared.setdefault("fm_claims", []).append(
        {"claim_id": "FM-P1", "at": fm_at, "outage_ids": ["O-P4"], "proof_after_days": 20}
    )
    world.breach(
        "3.4.a",
        "S6 down 80 min, claimed as force majeure but proved 20 days after the event: counted",
        f"{PATH}#/outages/{len(outages) - 1}",
    )
    # S2: one cloud fault of exactly 2 h, no incident: A3.5 (2小时以上 includes 120 min),
    # its own event
    outages.append(_outage("O-P5", ["S2"], at + timedelta(days=150), 120, "cloud_service"))
    world.breach(
        "A3.5", "S2 cloud fault of exactly 120 min (2小时以上 includes it)", f"{PATH}#/outages/{len(outages) - 1}"
    )
    # S4: three 15-minute cloud faults, each 6 h after the previous: 连续宕机3次 (A3.6)
    for n in range(3):
        outages.append(
            _outage(
                f"O-P6{n + 1}", ["S4"], at + timedelta(days=170, hours=6 * n), 15, "cloud_service"
            )
        )
    world.breach(
        "A3.6", "S4 down three times in a row, 6 h apart (连续宕机3次)", f"{PATH}#/outages/{len(outages) - 1}"
    )
