"""publicity: Party B's publicity items of the year (11.2): case studies, conference talks
and marketing pages; those naming Party A carry Party A's written consent to the very
draft published, signed days before.

Breach: a website case study naming Party A published without any consent.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from checker.generate.kinds.acceptance import export_time
from checker.generate.world import World, iso, written_approval

KIND = "publicity"
PATH = "governance/publicity.json"
ORDER = 72
ITEMS = [
    ("website", "政务云安全运营实践 Government cloud security operations practice", True),
    ("conference", "城市管理系统上云经验分享 Moving city-management systems to the cloud", True),
    ("marketing", "政务云产品手册 Government cloud product brochure", False),
    ("social_media", "等保三级云平台通过测评 MLPS level 3 platform evaluation passed", False),
]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _item(world: World, n: int, channel: str, title: str, names_a: bool, at: Any, consent_before: timedelta | None) -> dict[str, Any]:
    content = _digest(f"{n}:{title}:{iso(at)}")
    ref = f"PUB-CONSENT-{n:02d}"
    consent = (
        written_approval("party_a", "information centre publicity officer", ref, at - consent_before)
        if names_a and consent_before is not None
        else None
    )
    return {
        "item_id": f"PUB-{n:02d}",
        "channel": channel,
        "title": title,
        "published_at": iso(at),
        "names_party_a": names_a,
        "content_sha256": content,
        "consent": consent,
        "consented_content_sha256": content if consent else None,
    }


def generate(world: World) -> dict[str, Any]:
    rng = world.rng_for(KIND)
    items = []
    for n, (channel, title, names_a) in enumerate(ITEMS, 1):
        at = world.at(rng, world.start + timedelta(days=30), world.end - timedelta(days=30))
        items.append(_item(world, n, channel, title, names_a, at, timedelta(days=rng.randint(3, 10))))
    items.sort(key=lambda i: i["published_at"])
    return {"kind": KIND, "as_of": export_time(world), "items": items}


def plant(world: World, doc: dict[str, Any]) -> None:
    rng = world.rng_for(KIND + ":breaches")
    at = world.at(rng, world.start + timedelta(days=150), world.start + timedelta(days=180))
    item = _item(world, 91, "website", "客户案例：网格化城市管理平台 Customer case: grid city management platform", True, at, None)
    doc["items"].append(item)
    world.breach(
        "11.2",
        f"website case study {item['item_id']} naming Party A published without written consent",
        f"{PATH}#/items/{len(doc['items']) - 1}",
    )
