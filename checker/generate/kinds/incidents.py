"""incidents: liability events (Annex 1 levels, Annexes 2-3, 15.11).

Compliant year: one tampering attempt blocked and handled per the emergency plan within
minutes (no Annex row). Breaches: the five incidents the liability tests work out by hand.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "incidents"
PATH = "liability/incidents.json"
ORDER = 40


def _incident(
    iid: str, category: str, at: Any, minutes: int | None, systems: list[str], **extra: Any
) -> dict[str, Any]:
    return {
        "incident_id": iid,
        "category": category,
        "occurred_at": iso(at),
        "ended_at": iso(at + timedelta(minutes=minutes)) if minutes is not None else None,
        "system_ids": systems,
        "provider_responsible": True,
        "force_majeure": False,
        "major_impact": False,
        "people_affected": 0,
        "economic_loss_cny": "0.00",
        "confirmed_by_role": "party_a",
        **extra,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    at = world.at(rng, world.start + timedelta(days=20), world.end - timedelta(days=20))
    blocked = _incident(
        "INC-0001",
        "tampering",
        at,
        6,
        [rng.choice([s["id"] for s in world.systems])],
        handled_per_plan=True,
        publicity="none",
        security_service_failure=False,
        description="defacement attempt blocked by the anti-tamper service",
    )
    return {"kind": KIND, "as_of": iso(world.end), "incidents": [blocked]}


def plant(world: World, doc: dict[str, Any]) -> None:
    base = world.start + timedelta(days=70, hours=14)  # the S3 outage of outages.plant
    rows = doc["incidents"]
    rows.append(
        _incident(
            "INC-P1",
            "tampering",
            base + timedelta(days=20),
            45,
            ["S6"],
            major_impact=True,
            security_service_failure=True,
            during_major_event=True,
            handled_per_plan=False,
            publicity="municipal",
            description="home page defaced during a major event",
        )
    )
    world.breach(
        "A2.3",
        "S6 tampered for 45 min through a security service failure, major impact (600%)",
        f"{PATH}#/incidents/{len(rows) - 1}",
    )
    notified = base + timedelta(days=40)
    rows.append(
        _incident(
            "INC-P2",
            "intrusion",
            notified,
            None,
            ["S7"],
            security_service_failure=True,
            intrusion={
                "notified_at": iso(notified),
                "handled_at": iso(notified + timedelta(hours=30)),
                "outcome": "leak",
            },
            description="weakness notified by a third party, handled after 30 h",
        )
    )
    rows[-1]["ended_at"] = iso(notified + timedelta(hours=30))
    world.breach(
        "A1.8",
        "S7 intrusion handled after 30 h (Annex 1 B)",
        f"{PATH}#/incidents/{len(rows) - 1}",
    )
    rows.append(
        _incident(
            "INC-P3",
            "service_interruption",
            base,
            150,
            ["S3"],
            people_affected=600000,
            outage_ids=["O-P1"],
            description="S3 interrupted 150 min, 600,000 people affected",
        )
    )
    world.breach(
        "12.1",
        "S3 interruption > 2 h affecting 600,000 people: Annex 1 A level",
        f"{PATH}#/incidents/{len(rows) - 1}",
    )
    rows.append(
        _incident(
            "INC-P4",
            "data_loss",
            base + timedelta(days=80) - timedelta(hours=5),
            None,
            ["S4"],
            data_loss={
                "systems_lost": 1,
                "months_lost": 2,
                "recoverable": False,
                "core_data": True,
            },
            description="two months of S4 core data lost",
        )
    )
    world.breach(
        "12.2",
        "third B-level event within a year (S4 core data loss)",
        f"{PATH}#/incidents/{len(rows) - 1}",
    )
    rows.append(
        _incident(
            "INC-P5",
            "confidentiality_breach",
            base + timedelta(days=200),
            0,
            [],
            description="project documents passed to an unauthorised third party",
        )
    )
    world.breach(
        "15.11",
        "confidentiality breach: 20% of the contract price",
        f"{PATH}#/incidents/{len(rows) - 1}",
    )
