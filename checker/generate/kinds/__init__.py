"""One module per evidence kind. Each exposes:

    KIND: str                      the evidence kind (schemas/evidence/<KIND>.schema.json)
    PATH: str                      where the file goes in the bundle
    ORDER: int                     generation order (lower first; host_inventory is 0)
    def generate(world) -> dict    the compliant document
    def plant(world, doc) -> None  (optional) mutate doc to plant breaches, recording each
                                   with world.breach(clause, description, evidence)

Add a module here and to MODULES; nothing else changes.
"""

from __future__ import annotations

from types import ModuleType

from checker.generate.kinds import (
    attestations,
    database_inventory,
    duty_roster,
    host_inventory,
    host_monitoring,
    major_events,
    middleware_inventory,
    platform_security,
    security_records,
    vuln_scan,
)

MODULES: list[ModuleType] = sorted(
    [
        host_inventory,
        vuln_scan,
        middleware_inventory,
        database_inventory,
        major_events,
        duty_roster,
        security_records,
        platform_security,
        host_monitoring,
        attestations,
    ],
    key=lambda m: (m.ORDER, m.KIND),
)
