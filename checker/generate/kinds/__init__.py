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
    acceptance,
    anti_tamper,
    antivirus,
    apt_protection,
    availability_samples,
    attestations,
    certifications,
    change_records,
    cloud_ddos,
    confidentiality,
    data_reliability,
    data_transfer,
    database_inventory,
    db_audit,
    deliverables,
    drills,
    duty_roster,
    exit_records,
    governance_documents,
    hardening,
    host_inventory,
    host_monitoring,
    host_protection,
    incidents,
    ip_register,
    log_analysis,
    major_events,
    middleware_inventory,
    object_storage,
    outages,
    payments,
    platform_security,
    restart_records,
    scale_out,
    security_records,
    tickets,
    vuln_scan,
)
from checker.generate.kinds import (  # 9.14, 9.15, 11.2, 11.4, 15.3, 15.7, A4.5.6, A4.6.1, 17.1
    confidential_disposal,
    data_access,
    ip_handover,
    management_reports,
    media_removals,
    publicity,
    supplementary_contracts,
    suspensions,
    third_party_assist,
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
        tickets,
        scale_out,
        deliverables,
        outages,
        availability_samples,
        data_reliability,
        incidents,
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
        acceptance,
        certifications,
        change_records,
        confidentiality,
        drills,
        exit_records,
        governance_documents,
        ip_register,
        payments,
        restart_records,
        third_party_assist,
        suspensions,
        publicity,
        ip_handover,
        data_access,
        management_reports,
        media_removals,
        confidential_disposal,
        supplementary_contracts,
    ],
    key=lambda m: (m.ORDER, m.KIND),
)
