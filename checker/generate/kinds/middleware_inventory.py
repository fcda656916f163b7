"""middleware_inventory: the open-source middleware sets of 2.2.1.3 (>= 3 kinds each)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "middleware_inventory"
PATH = "inventory/middleware.json"
ORDER = 1

# (name, version, SPDX licence): mainstream open-source middleware
PRODUCTS = [
    ("Nginx", "1.24.0", "BSD-2-Clause"),
    ("Apache Tomcat", "9.0.89", "Apache-2.0"),
    ("Redis", "7.2.5", "BSD-3-Clause"),
    ("RabbitMQ", "3.13.3", "MPL-2.0"),
    ("Apache Kafka", "3.7.0", "Apache-2.0"),
    ("Apache ActiveMQ", "5.18.4", "Apache-2.0"),
    ("HAProxy", "2.8.9", "GPL-2.0-or-later"),
]


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    min_kinds = int(world.params["services"]["2.2.1.3"]["min_products_per_set"])
    sets = []
    for n in range(world.scaled(world.quantity("2.2.1.3"))):
        system = world.systems[n % len(world.systems)]["id"]
        on_system = [h for h in world.hosts if h.system_id == system] or world.hosts
        hosts = rng.sample(on_system, min(2, len(on_system)))
        chosen = rng.sample(PRODUCTS, rng.randint(min_kinds, min_kinds + 1))
        installed = world.start - timedelta(days=rng.randint(5, 60))
        sets.append(
            {
                "set_id": f"MW-{system}-{n + 1:02d}",
                "system_id": system,
                "host_ids": [h.host_id for h in hosts],
                "products": [
                    {"name": name, "version": version, "open_source": True, "licence": spdx}
                    for name, version, spdx in chosen
                ],
                "installed_at": iso(installed),
                "maintained": True,
                "service_from": iso(installed),
                "service_to": None,
            }
        )
    return {"kind": KIND, "as_of": iso(world.start), "sets": sets}


def plant(world: World, doc: dict[str, Any]) -> None:
    # One set was delivered with two kinds only; its third entry is another version of
    # the first product (still one kind).
    first = doc["sets"][0]
    products = first["products"][:2]
    products.append(dict(products[0], version=products[0]["version"] + "-legacy"))
    first["products"] = products
    world.breach(
        "2.2.1.3",
        "middleware set with 2 distinct kinds (one product listed in two versions): not counted",
        f"{PATH}#/sets/0",
    )
    # Reading rule 3: the last set was only put in service in the last month of the term;
    # it is not a set provided within the term (the lowest number in service is one short).
    last = len(doc["sets"]) - 1
    late = world.months()[-1][0]
    doc["sets"][last]["installed_at"] = iso(late)
    doc["sets"][last]["service_from"] = iso(late)
    world.breach(
        "2.2.1.3",
        f"middleware set {doc['sets'][last]['set_id']} in service only from the last service month: "
        "not provided within the term",
        f"{PATH}#/sets",
    )
