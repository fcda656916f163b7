"""qualifications: the licences Party B holds for the service (9.16), one type renewed
during the term without a gap. Staff stability is read from the duty roster.

Breach: the IDC licence renewal starts late, leaving two days without a valid licence.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from checker.generate.world import World, iso

KIND = "qualifications"
PATH = "governance/qualifications.json"
ORDER = 13

AUTHORITY = "telecommunications administration"
TITLES = {
    "idc_licence": ("增值电信业务经营许可证（互联网数据中心业务）IDC licence", AUTHORITY),
    "cloud_service_licence": ("增值电信业务经营许可证（互联网资源协作服务）cloud licence", AUTHORITY),
}


def _q(n: int, kind: str, frm: date, to: date) -> dict[str, Any]:
    title, issuer = TITLES.get(kind, (kind, "issuing authority"))
    return {
        "qualification_id": f"QL-{n}",
        "type": kind,
        "title": title,
        "issuer": issuer,
        "number_ref": f"LIC-{kind.upper()}-{frm:%Y}{n:02d}",
        "valid_from": frm.isoformat(),
        "valid_to": to.isoformat(),
    }


def generate(world: World) -> dict[str, Any]:
    start = world.start.date()
    renew = start + timedelta(days=270)
    quals = []
    for kind in world.params["duties"]["required_qualifications"]:
        n = len(quals) + 1
        if kind == "idc_licence":  # renewed in the term: the new one starts before the old ends
            quals.append(_q(n, kind, start.replace(year=start.year - 5), renew))
            later = renew.replace(year=renew.year + 5)
            quals.append(_q(n + 1, kind, renew - timedelta(days=10), later))
        else:
            frm, to = start.replace(year=start.year - 2), start.replace(year=start.year + 3)
            quals.append(_q(n, kind, frm, to))
    return {"kind": KIND, "as_of": iso(world.end), "qualifications": quals}


def plant(world: World, doc: dict[str, Any]) -> None:
    renewals = [i for i, q in enumerate(doc["qualifications"]) if q["type"] == "idc_licence"]
    if len(renewals) < 2:
        return
    old, new = doc["qualifications"][renewals[0]], doc["qualifications"][renewals[1]]
    new["valid_from"] = (date.fromisoformat(old["valid_to"]) + timedelta(days=3)).isoformat()
    world.breach(
        "9.16",
        f"IDC licence lapsed: {old['valid_to']} expiry, renewal valid only from "
        f"{new['valid_from']}",
        f"{PATH}#/qualifications",
    )
