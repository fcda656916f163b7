"""`cloudpact generate`: a seeded, realistic contract year as an evidence bundle.

The same (seed, scale, breaches) always writes byte-identical files. With breaches, each
kind plants its violations after every compliant document exists, and the list of
planted breaches is written beside the bundle as PLANTED.json (not part of the manifest).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.bundle import MANIFEST, build_manifest, dump_json
from checker.catalogue import load_params
from checker.errors import CloudpactError
from checker.generate.kinds import MODULES
from checker.generate.world import World, build_world, iso
from checker.store.local import LocalStore

PLANTED = "PLANTED.json"


def build_documents(world: World) -> dict[str, tuple[str, dict[str, Any]]]:
    """kind -> (path, document), breaches planted when the world asks for them."""
    docs = {m.KIND: (m.PATH, m.generate(world)) for m in MODULES}
    if world.breaches_enabled:
        for m in MODULES:
            plant = getattr(m, "plant", None)
            if plant is not None:
                plant(world, docs[m.KIND][1])
    return docs


def generate(
    out: Path,
    *,
    seed: int,
    scale: float = 1.0,
    breaches: bool = False,
    params: dict[str, Any] | None = None,
    bundle_id: str | None = None,
) -> World:
    if scale <= 0:
        raise CloudpactError(f"--scale must be positive, got {scale}")
    if out.exists() and any(out.iterdir()):
        raise CloudpactError(
            f"{out}: folder exists and is not empty; refusing to overwrite evidence",
            hint="choose a new folder or remove it first",
        )
    params = params or load_params()
    world = build_world(seed, scale, params, breaches)
    docs = build_documents(world)
    files = [(path, kind, dump_json(doc)) for kind, (path, doc) in docs.items()]
    manifest = build_manifest(
        bundle_id=bundle_id or f"{params['contract_id']}-{'breaches' if breaches else 'year'}-s{seed}",
        contract_id=params["contract_id"],
        period={"start": params["period"]["start"], "end": params["period"]["end"]},
        producer={"role": "provider-ops", "organisation_role": "party_b", "tool": "cloudpact generate"},
        files=files,
        created_at=iso(world.end),
    )
    store = LocalStore(out)
    for path, _kind, data in files:
        store.write_once(path, data)
    if breaches:
        planted = [b.as_dict() for b in world.breaches]
        store.write_once(PLANTED, (json.dumps(planted, ensure_ascii=False, indent=1) + "\n").encode())
    store.write_once(MANIFEST, dump_json(manifest))  # last: a reader never sees half a bundle
    return world
