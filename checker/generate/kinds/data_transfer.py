"""data_transfer: the cross-network ferry front-end pair (2.2.1.15) and monthly totals."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "data_transfer"
PATH = "network/data_transfer.json"
ORDER = 10


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    pairs, transfers = [], []
    for n in range(world.scaled(world.quantity("2.2.1.15"))):
        pair_id = f"FERRY-{n + 1:02d}"
        pairs.append(
            {
                "pair_id": pair_id,
                "system_id": world.systems[n % len(world.systems)]["id"],
                "front_ends": [
                    {
                        "name": f"ferry-{n + 1}-inner",
                        "network": "e-government extranet",
                        "address": f"10.90.0.{n + 2}",
                    },
                    {
                        "name": f"ferry-{n + 1}-outer",
                        "network": "internet",
                        "address": f"198.51.100.{n + 40}",
                    },
                ],
                "direction": "two_way",
                "status": "active",
                "service_from": iso(world.start - timedelta(days=rng.randint(1, 20))),
                "service_to": None,
            }
        )
        for start, _end in world.months():
            transfers.append(
                {
                    "pair_id": pair_id,
                    "month": start.strftime("%Y-%m"),
                    "files": rng.randint(2_000, 40_000),
                    "bytes": rng.randint(10**9, 80 * 10**9),
                    "rejected": rng.randint(0, 25),
                }
            )
    return {
        "kind": KIND,
        "as_of": iso(world.end - timedelta(hours=1)),
        "pairs": pairs,
        "transfers": transfers,
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    # Both front-ends were put in the same network: nothing crosses an isolation boundary.
    pair = doc["pairs"][0]
    pair["front_ends"][1]["network"] = pair["front_ends"][0]["network"]
    world.breach(
        "2.2.1.15",
        "the ferry's two front-ends sit in the same network: pair not counted",
        f"{PATH}#/pairs/0",
    )
