"""confidentiality: the project's staff (pseudonymous ids, roles) with their signed
agreements (15.4), and Party A's requests to return confidential material (15.5).

Staff sign the day before they join. Breaches: an engineer who joined mid-year never
signed (15.4); material returned 8 days after a written request (15.5).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso

KIND = "confidentiality"
PATH = "governance/confidentiality.json"
ORDER = 59
ROLES = [
    "project_manager",
    "ops_engineer",
    "ops_engineer",
    "ops_engineer",
    "security_engineer",
    "security_engineer",
    "dba",
    "network_engineer",
    "duty_officer",
    "duty_officer",
    "duty_officer",
    "duty_officer",
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    staff = []
    for i, role in enumerate(ROLES):
        joined = (world.start - timedelta(days=rng.randint(3, 30))).date()
        left = None
        if i % 5 == 4:  # some rotate off mid-year; a successor joins
            joined = (world.start + timedelta(days=rng.randint(60, 200))).date()
        staff.append(
            {
                "staff_id": f"ST-{i + 1:02d}",
                "role": role,
                "on_project_from": joined.isoformat(),
                "on_project_to": left,
                "agreement": {
                    "agreement_id": f"NDA-{i + 1:02d}",
                    "signed_on": (joined - timedelta(days=1)).isoformat(),
                },
            }
        )
    received = world.start + timedelta(days=150, hours=15)
    requests = [
        {
            "request_id": "CR-1",
            "received_at": iso(received),
            "written": True,
            "material": "系统拓扑及账号资料 topology and account documents",
            "returned_at": iso(received + timedelta(days=3, hours=-4)),
            "receipt_ref": "RCPT-1",
        }
    ]
    return {"kind": KIND, "as_of": export_time(world), "staff": staff, "return_requests": requests}


def plant(world: World, doc: dict[str, Any]) -> None:
    i = next(
        k
        for k, s in enumerate(doc["staff"])
        if s["on_project_from"] > world.start.date().isoformat()
    )
    doc["staff"][i]["agreement"] = None
    world.breach(
        "15.4",
        f"{doc['staff'][i]['staff_id']} joined on {doc['staff'][i]['on_project_from']} "
        "without a signed agreement",
        f"{PATH}#/staff/{i}",
    )
    req = doc["return_requests"][0]
    days = int(world.params["duties"]["confidential_return_days"])
    received = world.start + timedelta(days=150, hours=15)
    req["returned_at"] = iso(received + timedelta(days=days + 3))
    world.breach(
        "15.5",
        f"confidential material returned {days + 3} days after the written request",
        f"{PATH}#/return_requests/0",
    )
