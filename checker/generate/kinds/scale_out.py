"""scale_out: Party A's scale-out requests over the year (第三条 4, 7 natural days).

A handful of requests a year (more at larger scales), each completed 1 to 6 natural days
after the request day, in working hours, on the contract's calendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from checker.generate.world import ZONE, World, iso

KIND = "scale_out"
PATH = "service/scale_out.json"
ORDER = 41

PER_YEAR = 8
EXPORT_AFTER_DAYS = 7


def _on_day(day: datetime, after_days: int, hour: int, minute: int) -> datetime:
    """`after_days` natural days after the local date of `day`, at hour:minute local."""
    local = day.astimezone(ZONE)
    d = local.date() + timedelta(days=after_days)
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=ZONE)


def _request(
    world: World, rng: Any, n: int, requested: datetime, days: int | None
) -> dict[str, Any]:
    system = rng.choice(world.systems)["id"]
    done = None if days is None else _on_day(requested, days, rng.randint(9, 19), rng.randrange(60))
    return {
        "request_id": f"SO-{requested.astimezone(ZONE):%Y%m%d}-{n:03d}",
        "system_id": system,
        "requested_at": iso(requested),
        "requested_by_role": "party_a",
        "resources": {
            "vcpu": rng.choice([8, 16, 32, 64]),
            "memory_gb": rng.choice([32, 64, 128, 256]),
            "storage_gb": rng.choice([500, 1000, 2000, 5000]),
            "hosts": rng.choice([0, 1, 2, 4]),
        },
        "completed_at": iso(done) if done else None,
        "written_notice_at": None,
        "written_notice_by_role": None,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    limit = int(world.params["sla"]["scale_out_days"])
    last = world.end - timedelta(days=limit + 3)
    requests = []
    for n, requested in enumerate(
        sorted(world.at(rng, world.start, last) for _ in range(world.scaled(PER_YEAR))), 1
    ):
        requests.append(_request(world, rng, n, requested, rng.randint(1, limit - 1)))
    return {
        "kind": KIND,
        "as_of": iso(world.end + timedelta(days=EXPORT_AFTER_DAYS)),
        "requests": requests,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    limit = int(world.params["sla"]["scale_out_days"])
    late = _request(
        world,
        rng,
        901,
        world.at(rng, world.start + timedelta(days=60), world.start + timedelta(days=120)),
        limit + 2,
    )
    never = _request(
        world,
        rng,
        902,
        world.at(rng, world.start + timedelta(days=200), world.start + timedelta(days=260)),
        None,
    )
    late["written_notice_at"] = iso(
        _on_day(datetime.fromisoformat(late["requested_at"]), limit + 1, 10, 0)
    )
    late["written_notice_by_role"] = "cloud_management_unit"
    doc["requests"] = sorted([*doc["requests"], late, never], key=lambda r: r["requested_at"])
    index = {r["request_id"]: i for i, r in enumerate(doc["requests"])}
    world.breach(
        "3.4.d",
        f"scale-out {late['request_id']} completed {limit + 2} natural days after the request",
        f"{PATH}#/requests/{index[late['request_id']]}",
    )
    world.breach(
        "3.4.d",
        f"scale-out {never['request_id']} never completed",
        f"{PATH}#/requests/{index[never['request_id']]}",
    )
