"""third_party_assist: Party A's written requests to help rectify defects of the software of
providers Party A designated (9.14), about one a quarter, each answered by Party B's
assistance a day or two later, before the due day the request names.

Breach: a request about a vulnerability in a designated provider's portal never answered.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "third_party_assist"
PATH = "governance/third_party_assist.json"
ORDER = 70
PER_YEAR = 4
DEFECTS = [
    ("fault", "application server of the designated developer leaks memory and stops the portal"),
    ("vulnerability", "outdated web framework of the designated developer (remote code execution)"),
    ("fault", "designated database middleware drops connections under load"),
    ("information_leak", "designated app exposes a debug endpoint listing user records"),
]


def _request(world: World, rng: Any, n: int, at: Any, defect: tuple[str, str], assisted: bool) -> dict[str, Any]:
    system = rng.choice(world.systems)["id"]
    ref = f"TPA-{at:%Y%m%d}-{n:02d}"
    started = at + timedelta(hours=rng.randint(2, 30))
    return {
        "request_id": ref,
        "provider": {"provider_id": f"TP-DEV-{system}", "designated_ref": f"DES-{system}"},
        "defect": {"type": defect[0], "system_id": system, "summary": defect[1]},
        "requested_at": iso(at),
        "request": written_approval("party_a", "information centre project lead", ref, at),
        "due_on": (at + timedelta(days=3)).date().isoformat(),
        "assistance": {
            "started_at": iso(started),
            "ended_at": iso(started + timedelta(days=rng.randint(1, 5))),
            "actions": "log extraction, test environment and patch window for the provider's fix",
            "report_ref": f"{ref}-RPT",
        }
        if assisted
        else None,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    times = sorted(
        world.at(rng, world.start + timedelta(days=10), world.end - timedelta(days=10))
        for _ in range(world.scaled(PER_YEAR))
    )
    requests = [
        _request(world, rng, n, at, DEFECTS[(n - 1) % len(DEFECTS)], True)
        for n, at in enumerate(times, 1)
    ]
    return {"kind": KIND, "as_of": export_time(world), "requests": requests}


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    at = world.at(rng, world.start + timedelta(days=100), world.start + timedelta(days=130))
    req = _request(world, rng, 91, at, DEFECTS[1], False)
    doc["requests"].append(req)
    world.breach(
        "9.14",
        f"Party A's request {req['request_id']} (designated provider's vulnerability) never assisted",
        f"{PATH}#/requests/{len(doc['requests']) - 1}",
    )
