"""project_leads: each party's project lead (第四条, 4.1), designated by that party before
the term; Party B's lead changes once, announced to Party A in writing beforehand.

Breach: Party B's change of lead was never notified (the notice is dropped).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "project_leads"
PATH = "governance/project_leads.json"
ORDER = 12
CHANGE_AFTER_DAYS = 150


def generate(world: World) -> dict[str, Any]:
    named = world.start - timedelta(days=14)
    change = world.start + timedelta(days=CHANGE_AFTER_DAYS)

    def lead(did: str, party: str, ref: str, frm: Any, to: Any, by: str) -> dict[str, Any]:
        return {
            "designation_id": did,
            "party": party,
            "role": "project lead (项目负责人)",
            "staff_ref": ref,
            "from": iso(frm),
            "to": iso(to) if to is not None else None,
            "designated_by": {"organisation_role": party, "role": by},
            "document_ref": f"LEAD-{did}",
        }

    designations = [
        lead("PL-A-1", "party_a", "A-PM-001", named, None, "centre director"),
        lead("PL-B-1", "party_b", "B-PM-001", named, change, "service delivery director"),
        lead("PL-B-2", "party_b", "B-PM-002", change, None, "service delivery director"),
    ]
    notices = [
        {
            "notice_id": "PLN-B-2",
            "designation_id": "PL-B-2",
            "written": True,
            "notified_to": "party_a",
            "notified_at": iso(change - timedelta(days=5, hours=-10)),
            "reference": "LETTER-PL-B-2",
        }
    ]
    return {
        "kind": KIND,
        "as_of": iso(world.end),
        "designations": designations,
        "change_notices": notices,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    doc["change_notices"] = []
    world.breach(
        "4.1",
        "Party B's project lead changed (PL-B-2) with no written notice to Party A",
        f"{PATH}#/designations/2",
    )
