"""object_storage: provisioned quota per bucket (2.2.1.14: 30000 GB in total) and usage."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "object_storage"
PATH = "storage/object_storage.json"
ORDER = 10

SHARES = [0.4, 0.35, 0.25]  # of the contracted total, one bucket each


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    total = world.quantity("2.2.1.14")
    allocations: list[dict[str, Any]] = []
    usage: list[dict[str, Any]] = []
    for n, share in enumerate(SHARES):
        system = world.systems[n % len(world.systems)]["id"]
        bucket = f"{system.lower()}-archive"
        quota = round(total * share)
        if n == len(SHARES) - 1:
            quota = total - sum(
                a["quota_gb"] for a in allocations if a["allocation_id"].endswith("-1")
            )
        allocations.append(
            {
                "allocation_id": f"OSS-{n + 1}-1",
                "bucket": bucket,
                "system_id": system,
                "quota_gb": quota,
                "from": iso(world.start - timedelta(days=rng.randint(1, 30))),
                "to": None,
            }
        )
        used = quota * rng.uniform(0.1, 0.3)
        for start, _end in world.months():
            used = min(quota * 0.95, used * rng.uniform(1.01, 1.08))
            usage.append(
                {
                    "at": iso(start + timedelta(days=14)),
                    "bucket": bucket,
                    "used_gb": round(used, 1),
                    "objects": int(used * rng.randint(300, 900)),
                }
            )
    # mid-year the first bucket is enlarged: the old quota ends when the new one starts
    grow_at = world.months()[6][0]
    first = allocations[0]
    first["to"] = iso(grow_at)
    allocations.append(
        dict(
            first,
            allocation_id="OSS-1-2",
            quota_gb=first["quota_gb"] + total // 15,  # 2000 GB at the contract's 30000
            **{"from": iso(grow_at), "to": None},
        )
    )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "allocations": allocations,
        "usage": usage,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    # The third bucket's quota is cut for the last four months: by 5000 GB at the
    # contract's 30000 GB, by a sixth of the quantity for another contract, never below 0.
    cut_at = world.months()[8][0]
    third = doc["allocations"][2]
    third["to"] = iso(cut_at)
    cut = min(third["quota_gb"], max(1, world.quantity("2.2.1.14") // 6))
    doc["allocations"].append(
        dict(
            third,
            allocation_id="OSS-3-2",
            quota_gb=third["quota_gb"] - cut,
            **{"from": iso(cut_at), "to": None},
        )
    )
    world.breach(
        "2.2.1.14",
        f"object-storage quota cut by 5000 GB from {cut_at.date()}: below 30000 GB",
        f"{PATH}#/allocations/{len(doc['allocations']) - 1}",
    )
