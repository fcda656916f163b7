"""host_inventory: the 130 hosts of 2.2.1.1 (commercial OS) and 2.2.1.2 (open source)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "host_inventory"
PATH = "inventory/hosts.json"
ORDER = 0


def generate(world: World) -> dict[str, Any]:
    return {
        "kind": KIND,
        "as_of": iso(world.start),
        "hosts": [
            {
                "host_id": h.host_id,
                "hostname": h.hostname,
                "ip": h.ip,
                "system_id": h.system_id,
                "os": {
                    "name": h.os_name,
                    "version": h.os_version,
                    "family": h.family,
                    "licensed": True,
                    "maintained": True,
                },
                "in_service_from": iso(world.start),
                "in_service_to": None,
            }
            for h in world.hosts
        ],
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    # Two commercial-OS hosts were never licensed: 2.2.1.1 delivers fewer than contracted.
    commercial = [i for i, h in enumerate(doc["hosts"]) if h["os"]["family"] == "commercial"]
    for i in commercial[:2]:
        doc["hosts"][i]["os"]["licensed"] = False
    world.breach(
        "2.2.1.1",
        "2 commercial-OS hosts without a licence: not counted, delivered below 113",
        f"{PATH}#/hosts/{commercial[0]}",
    )
    # A third commercial-family host runs an OS the contract does not name (2.2.1.1 names
    # Windows Server, 银河麒麟 and 统信 UOS only).
    if len(commercial) > 2:  # a small contract may have only two commercial-OS hosts
        doc["hosts"][commercial[2]]["os"].update(name="Red Hat Enterprise Linux", version="9.4")
        world.breach(
            "2.2.1.1",
            "a commercial-OS host runs Red Hat Enterprise Linux, not a product 2.2.1.1 names: "
            "not counted",
            f"{PATH}#/hosts",
        )
    # One open-source host is no longer maintained (patched) by the provider: 2.2.1.2 short.
    open_source = [i for i, h in enumerate(doc["hosts"]) if h["os"]["family"] == "open_source"]
    doc["hosts"][open_source[0]]["os"]["maintained"] = False
    world.breach(
        "2.2.1.2",
        "1 open-source host not maintained by the provider: not counted, delivered below 17",
        f"{PATH}#/hosts/{open_source[0]}",
    )
    # Reading rule 3: the last open-source host was put in service two days before the end
    # of the term; it was not provided within the term.
    late = open_source[-1]
    doc["hosts"][late]["in_service_from"] = iso(world.end - timedelta(days=2))
    world.breach(
        "2.2.1.2",
        "an open-source host in service only for the last two days of the term: not provided within the term",
        f"{PATH}#/hosts",
    )
