"""database_inventory: the open-source database sets of 2.2.1.4."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "database_inventory"
PATH = "inventory/databases.json"
ORDER = 1

# (product, version, SPDX licence)
PRODUCTS = [
    ("MySQL", "8.0.37", "GPL-2.0-only"),
    ("PostgreSQL", "15.7", "PostgreSQL"),
    ("openGauss", "5.0.2", "MulanPSL-2.0"),
    ("MariaDB", "10.11.8", "GPL-2.0-only"),
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    databases = []
    for n in range(world.scaled(world.quantity("2.2.1.4"))):
        system = world.systems[n % len(world.systems)]["id"]
        on_system = [h for h in world.hosts if h.system_id == system] or world.hosts
        replicated = rng.random() < 0.6 and len(on_system) > 1
        hosts = rng.sample(on_system, 2 if replicated else 1)
        product, version, spdx = rng.choice(PRODUCTS)
        installed = world.start - timedelta(days=rng.randint(5, 60))
        databases.append(
            {
                "set_id": f"DB-{system}-{n + 1:02d}",
                "system_id": system,
                "host_ids": [h.host_id for h in hosts],
                "product": product,
                "version": version,
                "open_source": True,
                "licence": spdx,
                "role": "primary-replica" if replicated else "standalone",
                "installed_at": iso(installed),
                "maintained": True,
                "service_from": iso(installed),
                "service_to": None,
            }
        )
    return {"kind": KIND, "as_of": iso(world.start), "databases": databases}


def plant(world: World, doc: dict[str, Any]) -> None:
    # One "open-source database set" is in fact a commercial database.
    last = len(doc["databases"]) - 1
    doc["databases"][last].update(
        product="Oracle Database", version="19c", open_source=False, licence=None
    )
    world.breach(
        "2.2.1.4",
        "a database set is a commercial product (Oracle Database): not counted, delivered below 7",
        f"{PATH}#/databases/{last}",
    )
    # Reading rule 3: the first set was taken out of service in month 4 and its
    # replacement started a day later: a gap, so the lowest number in service drops.
    first = doc["databases"][0]
    gone = world.months()[3][0]
    first["service_to"] = iso(gone)
    replacement = dict(first, set_id=first["set_id"] + "-R", service_from=iso(gone + timedelta(days=1)),
                       service_to=None, installed_at=iso(gone + timedelta(days=1)))
    doc["databases"].append(replacement)
    world.breach(
        "2.2.1.4",
        f"database set {first['set_id']} retired in service month 4, its replacement in service a day later: a gap",
        f"{PATH}#/databases",
    )
