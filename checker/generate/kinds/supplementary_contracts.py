"""supplementary_contracts: service changes Party A asked for (17.1, 第三条 5) and the
supplementary contracts agreeing them: a long-term object-storage expansion under a
contract both parties signed a week before it took effect; a free short-term expansion
for the Spring Festival peak (no contract needed); a quantity change still being
negotiated (not in effect: the original quantities stay due).

Breach: extra compute for one system kept long-term without a supplementary contract.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "supplementary_contracts"
PATH = "contract/supplementary_contracts.json"
ORDER = 78


def generate(world: World) -> dict[str, Any]:
    storage = world.quantity("2.2.1.14")
    signed = world.start + timedelta(days=130, hours=10)
    effective = signed + timedelta(days=7)
    peak = world.start + timedelta(days=160)
    asked = world.start + timedelta(days=300, hours=11)
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "contracts": [
            {
                "contract_id": "SUPP-1",
                "subject": "对象存储长期扩容 long-term object storage expansion",
                "amount_cny": "18000.00",
                "party_a": written_approval("party_a", "legal representative", "SUPP-1", signed),
                "party_b": written_approval("party_b", "legal representative", "SUPP-1", signed + timedelta(hours=4)),
            }
        ],
        "changes": [
            {
                "change_id": "CHG-SVC-1",
                "type": "long_term_expansion",
                "clause": "2.2.1.14",
                "description": "object storage quota raised for the archive of S7",
                "quantity_from": storage,
                "quantity_to": storage + 10000,
                "requested_at": iso(signed - timedelta(days=20)),
                "effective_from": iso(effective),
                "ends_at": None,
                "contract_id": "SUPP-1",
            },
            {
                "change_id": "CHG-SVC-2",
                "type": "peak_expansion",
                "description": "free short-term compute for the Spring Festival peak of S6",
                "requested_at": iso(peak - timedelta(days=5)),
                "effective_from": iso(peak),
                "ends_at": iso(peak + timedelta(days=12)),
                "contract_id": None,
            },
            {
                "change_id": "CHG-SVC-3",
                "type": "quantity_change",
                "clause": "2.2.1.9",
                "description": "two more anti-tamper monitoring points (under negotiation)",
                "quantity_from": world.quantity("2.2.1.9"),
                "quantity_to": world.quantity("2.2.1.9") + 2,
                "requested_at": iso(asked),
                "effective_from": None,
                "ends_at": None,
                "contract_id": None,
            },
        ],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    at = world.start + timedelta(days=200, hours=9)
    doc["changes"].append(
        {
            "change_id": "CHG-SVC-91",
            "type": "long_term_expansion",
            "description": "peak compute for S6 kept on after the peak, billed monthly",
            "requested_at": iso(at - timedelta(days=3)),
            "effective_from": iso(at),
            "ends_at": None,
            "contract_id": None,
        }
    )
    world.breach(
        "17.1",
        "a long-term expansion in effect without a supplementary contract",
        f"{PATH}#/changes/{len(doc['changes']) - 1}",
    )
