"""Discovery and the Dask run (issue 19): one task per bundle, then one per month pair.

Discovery is a delimiter listing of the prefix (`PREFIX/<bundle_id>/`, one LIST page per
1,000 bundles, not one per object); whether a prefix holds a complete bundle (its
manifest, written last by `cloudpact upload`) is found by the worker that reads it.

The engine is Dask distributed: a LocalCluster of N worker processes with one thread each
(the embedded Rego engine holds the GIL) when no scheduler is named, else the scheduler at
ADDRESS. Workers read bundles from S3 themselves; the scheduler only carries locations and
small result dicts. A worker that dies takes its running task with it; the scheduler runs
it again on another worker (`distributed.scheduler.allowed-failures`), and a task that
raised (an S3 error) is retried `retries` times.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.errors import CloudpactError, ConfigError
from checker.fleet.tasks import REPORTS, check_bundle, diff_months
from checker.store.interface import Store

DEFAULT_RETRIES = 3


class FleetError(CloudpactError):
    hint = "give s3://bucket/prefix where `cloudpact upload` stored the bundles"


@dataclass
class FleetRun:
    location: str
    results: list[dict[str, Any]] = field(default_factory=list)  # one per bundle prefix
    diffs: dict[str, dict[str, Any]] = field(default_factory=dict)  # bundle id -> vs previous
    workers: int = 0
    scheduler: str = ""

    def count(self, state: str) -> int:
        return sum(1 for r in self.results if r["state"] == state)


def open_root(location: str, endpoint_url: str | None) -> Store:
    if not location.startswith("s3://"):
        raise FleetError(f"{location!r}: fleet check reads bundles from S3 only")
    from checker.store import open_store

    return open_store(location, endpoint_url=endpoint_url)


def bundle_ids(root: Any) -> list[str]:
    """The `<bundle_id>/` common prefixes directly under root (S3 delimiter listing)."""
    from botocore.exceptions import BotoCoreError, ClientError

    base = f"{root.prefix}/" if root.prefix else ""
    ids: list[str] = []
    try:
        pages = root.client.get_paginator("list_objects_v2").paginate(
            Bucket=root.bucket, Prefix=base, Delimiter="/"
        )
        for page in pages:
            ids.extend(p["Prefix"][len(base):].rstrip("/") for p in page.get("CommonPrefixes", []))
    except (ClientError, BotoCoreError) as exc:
        raise root._error(exc, f"cannot list {root.location}") from None
    return sorted(i for i in ids if i)


def default_pack_dirs() -> list[str]:
    """This run's pack folders (--packs, config, ./cloudpact-packs, the user's), absolute,
    so that workers started elsewhere in the file tree find the same packs."""
    from checker import packs

    return [str(d.resolve()) for d in packs.search_dirs() if d.is_dir()]


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("fleet check needs Dask distributed",
                          hint="pip install 'cloudpact[fleet]'") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__})",
                              hint="give --scheduler tcp://HOST:8786, or leave it out for a local cluster"
                              ) from None
        with client:
            yield client
        return
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    # the scheduler always serves its HTTP routes (health, metrics; the dashboard needs
    # bokeh, not installed): on a free loopback port, not 8787 of every interface
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def run_fleet(location: str, *, client: Any, endpoint_url: str | None = None,
              pack_dirs: Sequence[str] | None = None, retries: int = DEFAULT_RETRIES,
              progress: Callable[[dict[str, Any]], None] | None = None) -> FleetRun:
    """Check every bundle under `location` on `client`'s cluster (see dask_client)."""
    from distributed import as_completed

    root = open_root(location, endpoint_url)
    ids = bundle_ids(root)
    dirs = list(default_pack_dirs() if pack_dirs is None else pack_dirs)
    run = FleetRun(root.location, workers=len(client.scheduler_info().get("workers", {})),
                   scheduler=str(client.scheduler.address))
    tag = uuid.uuid4().hex[:8]
    futures = client.map(check_bundle, [f"{root.location}/{i}" for i in ids],
                         endpoint_url=endpoint_url, pack_dirs=dirs, retries=retries,
                         pure=False, key=[f"cloudpact-check-{tag}-{i}" for i in ids])
    by_key = dict(zip((f.key for f in futures), ids, strict=True))
    for fut in as_completed(futures):
        if fut.status == "finished":
            result = fut.result()
        else:
            exc = fut.exception()
            message = exc.diagnostics() if isinstance(exc, CloudpactError) else \
                f"{type(exc).__name__}: {exc}"
            result = {"bundle_id": by_key[fut.key], "state": "error", "problem": message}
        run.results.append(result)
        if progress:
            progress(result)
        fut.release()
    run.results.sort(key=lambda r: r["bundle_id"])
    pairs = month_pairs(run.results)
    if pairs:
        prev = [f"{root.location}/{p['bundle_id']}/{p['report']}" for p, _ in pairs]
        cur = [f"{root.location}/{c['bundle_id']}/{c['report']}" for _, c in pairs]
        diffs = client.map(diff_months, prev, cur, endpoint_url=endpoint_url, retries=retries,
                           pure=False, key=[f"cloudpact-diff-{tag}-{c['bundle_id']}" for _, c in pairs])
        for (p, c), fut in zip(pairs, diffs, strict=True):
            try:
                run.diffs[c["bundle_id"]] = {"previous": p["bundle_id"], "previous_month": p["month"],
                                             **fut.result()}
            except Exception as exc:  # noqa: BLE001 - one diff failing names itself
                run.diffs[c["bundle_id"]] = {"previous": p["bundle_id"], "previous_month": p["month"],
                                             "problem": f"{type(exc).__name__}: {exc}"}
    return run


def representative(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The bundle that stands for its contract's month: the latest resubmission (manifest
    created_at, then bundle id)."""
    return max(items, key=lambda r: (str(r.get("created_at") or ""), r["bundle_id"]))


def by_contract_month(results: Sequence[dict[str, Any]]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for r in results:
        if r["state"] in ("checked", "skipped"):
            out.setdefault(r["contract_id"], {}).setdefault(r["month"], []).append(r)
    return out


def month_pairs(results: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(previous month's bundle, this month's bundle) of each contract, months in order."""
    pairs = []
    for months in by_contract_month(results).values():
        reps = [representative(months[m]) for m in sorted(months)]
        pairs += list(zip(reps, reps[1:], strict=False))
    return pairs


__all__ = ["REPORTS", "FleetError", "FleetRun", "bundle_ids", "dask_client", "run_fleet"]
