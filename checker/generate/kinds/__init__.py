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
    anti_tamper,
    antivirus,
    apt_protection,
    cloud_ddos,
    data_transfer,
    database_inventory,
    db_audit,
    deliverables,
    hardening,
    host_inventory,
    host_protection,
    log_analysis,
    middleware_inventory,
    object_storage,
    scale_out,
    tickets,
    vuln_scan,
)

MODULES: list[ModuleType] = sorted(
    [
        host_inventory,
        vuln_scan,
        middleware_inventory,
        database_inventory,
        tickets,
        scale_out,
        deliverables,
        antivirus,
        hardening,
        host_protection,
        log_analysis,
        anti_tamper,
        db_audit,
        apt_protection,
        cloud_ddos,
        object_storage,
        data_transfer,
    ],
    key=lambda m: (m.ORDER, m.KIND),
)
