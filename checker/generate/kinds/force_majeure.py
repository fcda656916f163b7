"""force_majeure: force-majeure claims with their written notice and proof (第十四条 3).

Each claim follows an outage the outages kind recorded as force majeure (world.shared
"fm_claims"). Compliant year: one network operator's core-router failure (第十四条 2),
notified in writing by email 40 minutes after it began and proved by a notary's
certificate delivered 6 days later (well inside 15 天, whatever the holidays). Breaches: a
flood whose government proof came 20 days after the event (> 15 天, not excused).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "force_majeure"
PATH = "sla/force_majeure.json"
ORDER = 32

_EVENTS = {
    "FM-0001": (
        "network_operator_core_failure",
        "核心路由设备故障导致政务外网链路中断 (network operator core router failure)",
        "notary",
        "municipal notary office",
    ),
    "FM-P1": (
        "flood",
        "暴雨内涝导致接入网机房断电 (rainstorm flooding cut power to the access network)",
        "government",
        "district emergency management bureau",
    ),
}


def _claim(fact: dict[str, Any]) -> dict[str, Any]:
    kind, text, issuer_kind, issuer_role = _EVENTS[fact["claim_id"]]
    at = fact["at"]
    proof_at = (at + timedelta(days=fact["proof_after_days"])).replace(hour=10, minute=30)
    return {
        "claim_id": fact["claim_id"],
        "claimed_by_role": "party_b",
        "event": {
            "type": kind,
            "occurred_at": iso(at),
            "ended_at": iso(at + timedelta(hours=2)),
            "description": text,
        },
        "notice": {
            "delivered_at": iso(at + timedelta(minutes=40)),
            "to_role": "party_a",
            "form": "email",
            "reference": f"NOTICE-{fact['claim_id']}",
        },
        "proof": {
            "issuer_kind": issuer_kind,
            "issuer_role": issuer_role,
            "issued_on": (proof_at - timedelta(days=1)).date().isoformat(),
            "delivered_at": iso(proof_at),
            "reference": f"PROOF-{fact['claim_id']}",
        },
        "outage_ids": fact["outage_ids"],
        "incident_ids": [],
    }


def generate(world: World) -> dict[str, Any]:
    claims = [_claim(f) for f in world.shared.get("fm_claims", [])]
    return {"kind": KIND, "as_of": iso(world.end + timedelta(days=7)), "claims": claims}


def plant(world: World, doc: dict[str, Any]) -> None:
    known = {c["claim_id"] for c in doc["claims"]}
    for fact in world.shared.get("fm_claims", []):
        if fact["claim_id"] not in known:
            doc["claims"].append(_claim(fact))
            world.breach(
                "14.3",
                f"force-majeure claim {fact['claim_id']}: proof delivered "
                f"{fact['proof_after_days']} days after the event (> 15 天)",
                f"{PATH}#/claims/{len(doc['claims']) - 1}",
            )
