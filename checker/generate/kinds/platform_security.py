"""platform_security: the platform-wide baseline controls of 第二条 2(2) (2.2.2.8-2.2.2.13,
2.2.2.15, 2.2.2.16) with a status check in every service month."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "platform_security"
PATH = "security/platform.json"
ORDER = 20


def _holder(org: str, role: str) -> dict[str, str]:
    return {"organisation_role": org, "role": role}


def _checks(world: World, rng: Any, extra: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    out = []
    for start, _end in world.months():
        check = {
            "month": f"{start.year}-{start.month:02d}",
            "at": iso(start + timedelta(days=rng.randint(3, 20), hours=rng.randint(9, 17))),
            "result": "ok",
        }
        out.append({**check, **(extra or {})})
    return out


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    gbps = world.params["baseline"]["ddos_capacity_gbps"]
    admin_a = _holder("party_a", "system administrator")
    return {
        "kind": KIND,
        "as_of": iso(world.end),
        "ddos": {
            "enabled": True,
            "product": "platform anti-DDoS cluster",
            "capacity_gbps": gbps,
            "checks": _checks(world, rng, {"capacity_gbps": gbps}),
        },
        "firewall": {
            "enabled": True,
            "product": "next-generation firewall (HA pair)",
            "checks": _checks(world, rng),
        },
        "ips": {
            "enabled": True,
            "product": "intrusion prevention system",
            "checks": _checks(world, rng),
        },
        "bastion": {
            "product": "operations bastion host",
            "accounts": [
                {
                    "account_id": "bastion-a-ops-01",
                    "holder": admin_a,
                    "issued_at": iso(world.start - timedelta(days=1, hours=-10)),
                    "revoked_at": None,
                }
            ],
        },
        "tenant_isolation": {
            "mechanism": "hypervisor isolation and per-tenant VPC",
            "tests": [
                {
                    "test_id": f"ISO-{n}",
                    "at": iso(world.start + timedelta(days=30 + 120 * n, hours=10)),
                    "result": "pass",
                    "method": "cross-tenant network, storage and metadata probes",
                    "performed_by": _holder("supervision_provider", "security assessor"),
                }
                for n in range(3)
            ],
        },
        "tenant_access_control": {
            "controlled_by": admin_a,
            "self_service": True,
            "admin_accounts": [
                {"account_id": "tenant-admin-a", "holder": admin_a, "issued_at": iso(world.start)}
            ],
        },
        "role_management": {
            "role_assumption": True,
            "roles": [
                {"role_name": name, "assumable_by": admin_a, "permissions": perms}
                for name, perms in (
                    ("ops-readonly", ["ecs:Describe*", "monitor:Get*"]),
                    ("ops-admin", ["ecs:*", "vpc:*"]),
                )
            ],
        },
        "monitoring_api": {
            "endpoint": "https://monitor.gov-cloud.example.invalid/api/v1/tenant",
            "auth": "access key pair per tenant",
            "issued_to": admin_a,
            "available_from": iso(world.start - timedelta(days=2)),
            "checks": _checks(world, rng),
        },
    }


def plant(world: World, doc: dict[str, Any]) -> None:
    # 2.2.2.8: from the 6th service month the anti-DDoS cluster ran at half capacity.
    half = doc["ddos"]["capacity_gbps"] / 2
    for c in doc["ddos"]["checks"][5:]:
        c["capacity_gbps"] = half
    doc["ddos"]["capacity_gbps"] = half
    world.breach(
        "2.2.2.8",
        f"anti-DDoS capacity {half:g} Gbps from service month 6",
        f"{PATH}#/ddos/capacity_gbps",
    )
    # 2.2.2.12: the last isolation test failed and was never repeated.
    doc["tenant_isolation"]["tests"][-1]["result"] = "fail"
    n = len(doc["tenant_isolation"]["tests"]) - 1
    world.breach(
        "2.2.2.12",
        "tenant isolation test failed, no passing retest",
        f"{PATH}#/tenant_isolation/tests/{n}",
    )
    # 2.2.2.11: the bastion account was issued to Party A only on the third day of the term.
    acct = doc["bastion"]["accounts"][0]
    acct["issued_at"] = iso(world.start + timedelta(days=2, hours=10))
    world.breach(
        "2.2.2.11",
        "bastion-host account issued to Party A on the third day: not held throughout the term",
        f"{PATH}#/bastion/accounts/0",
    )
    # 2.2.2.13: Party A's tenant administrator account was revoked in month 9, no replacement.
    adm = doc["tenant_access_control"]["admin_accounts"][0]
    adm["revoked_at"] = iso(world.months()[8][0] + timedelta(days=4))
    world.breach(
        "2.2.2.13",
        "Party A's tenant administrator account revoked in service month 9, none held afterwards",
        f"{PATH}#/tenant_access_control/admin_accounts/0",
    )
