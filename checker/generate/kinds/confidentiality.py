"""confidentiality: the project's staff (pseudonymous ids, roles) with their signed
agreements (15.4), the accesses to Party A's systems by person, and Party A's requests to
return confidential material (15.5).

Everyone who works on the project is on the staff list with an agreement signed before
their first day: the project staff, and every engineer of the duty roster (duty_roster
kind: B-OPS-001.., on shift from the start of the period). Breaches: an engineer who
joined mid-year never signed (15.4); a vendor engineer on no staff list accessed Party A's
systems (15.4: everyone who worked on the project, not only B's own list); material
returned 3 days after the 5 日 ran out (15.5).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from checker.generate.kinds import duty_roster
from checker.generate.kinds.acceptance import export_time, period_last_day
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
    roster_signed = (world.start - timedelta(days=70)).date()
    for n in range(1, duty_roster.STAFF + 1):  # the roster's engineers, on shift from day one
        staff.append(
            {
                "staff_id": f"B-OPS-{n:03d}",
                "role": "duty engineer (roster)",
                "on_project_from": world.start.date().isoformat(),
                "on_project_to": None,
                "agreement": {"agreement_id": f"NDA-OPS-{n:03d}", "signed_on": roster_signed.isoformat()},
            }
        )
    access = []
    for k in range(world.scaled(24)):
        who = staff[rng.randrange(len(staff))]
        first = max(world.start, datetime.combine(date.fromisoformat(who["on_project_from"]), datetime.min.time(), world.start.tzinfo))
        at = world.at(rng, first + timedelta(days=1), world.end - timedelta(days=1))
        access.append(
            {
                "staff_id": who["staff_id"],
                "organisation_role": "party_b",
                "accessed_at": iso(at),
                "system_id": world.systems[k % len(world.systems)]["id"],
                "what": "堡垒机运维会话 bastion session",
            }
        )
    access.sort(key=lambda a: a["accessed_at"])
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
    return {
        "kind": KIND,
        "as_of": export_time(world),
        "staff": staff,
        "access_records": access,
        "return_requests": requests,
    }


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
    at = world.start + timedelta(days=130, hours=11)
    doc["access_records"].append(
        {
            "staff_id": "V-ENG-301",
            "organisation_role": "vendor",
            "accessed_at": iso(at),
            "system_id": world.systems[0]["id"],
            "what": "数据库排障 database troubleshooting",
        }
    )
    doc["access_records"].sort(key=lambda a: a["accessed_at"])
    k = next(n for n, a in enumerate(doc["access_records"]) if a["staff_id"] == "V-ENG-301")
    world.breach(
        "15.4",
        "vendor engineer V-ENG-301, on no staff list, accessed Party A's systems without an agreement",
        f"{PATH}#/access_records/{k}",
    )
    req = doc["return_requests"][0]
    days = int(world.params["duties"]["confidential_return_days"])
    received = world.start + timedelta(days=150, hours=15)
    due = period_last_day(received.date(), days=days)
    returned = datetime.combine(due + timedelta(days=3), datetime.min.time(), received.tzinfo).replace(hour=11)
    req["returned_at"] = iso(returned)
    world.breach(
        "15.5",
        f"confidential material returned on {returned.date()}, 3 days after the {days} 日 ended at 24:00 on {due}",
        f"{PATH}#/return_requests/0",
    )
