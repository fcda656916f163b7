"""governance_documents: the rule documents of 9.2, delivered in the first two months.

Breach: the supervision rules (运行监管办法) were never delivered.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "governance_documents"
PATH = "governance/documents.json"
ORDER = 53
TITLES = {
    "ops_rules": "运维管理制度 operations rules",
    "emergency_plan": "信息系统应急预案 emergency plan",
    "security_rules": "安全保障制度 security rules",
    "supervision_rules": "运行监管办法 operation supervision rules",
    "other": "其他制度 other rules",
}


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    docs = []
    for i, type_ in enumerate(world.params["duties"]["governance_document_types"]):
        at = world.at(
            rng, world.start + timedelta(days=7 + 10 * i), world.start + timedelta(days=17 + 10 * i)
        )
        docs.append(
            {
                "doc_id": f"GOV-{i + 1:02d}",
                "title": TITLES[type_],
                "type": type_,
                "version": "1.0",
                "delivered_at": iso(at.replace(hour=10, minute=0, second=0)),
                "received_by_role": "party_a",
            }
        )
    return {"kind": KIND, "as_of": iso(world.end), "documents": docs}


def plant(world: World, doc: dict[str, Any]) -> None:
    dropped = doc["documents"].pop()
    world.breach("9.2", f"no {dropped['type']} document was delivered", f"{PATH}#/documents")
