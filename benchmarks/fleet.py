"""Fleet check throughput (issue 19): bundles per minute with 1 and 2 Dask workers, CPU per
bundle (the whole process tree: driver, scheduler, nanny and worker processes), and the
scheduler's overhead per bundle.

    python benchmarks/fleet.py [--bundles 8] [--scale 0.1] [--workers 1,2]

Starts its own SeaweedFS (tests/s3server.py) on loopback ports, generates one year at
--scale, stores --bundles copies of it under distinct bundle ids (as `cloudpact upload`
lays them out), then per worker count: a fresh prefix, a LocalCluster, `run_fleet`, and a
rerun (every bundle skipped). The baseline is the same bundles checked one after another
in this process (`run_check` + JSON report + write-once PUT), so
  overhead per bundle = CPU per bundle on the cluster - CPU per bundle in sequence
(and the same in wall time with 1 worker, which a loaded machine makes noisy) is what Dask
adds around a check: scheduler, nanny and worker processes, task and result shipping, each
fresh worker's first (cold) check; a no-op task round trip is measured on its own. The
process tree includes the SeaweedFS server on both sides. Writes benchmarks/out/fleet.json.
Not a test: the figures move with whatever else runs on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def tree_cpu() -> float:
    """User + system CPU seconds of this process and every live descendant (and what
    their exited children used)."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for p in [me, *me.children(recursive=True)]:
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def put_bundles(client: Any, bucket: str, prefix: str, year: Path, n: int) -> list[str]:
    from concurrent.futures import ThreadPoolExecutor

    from checker.bundle import MANIFEST, dump_json

    manifest = json.loads((year / MANIFEST).read_bytes())
    objects = {f["path"]: (year / f["path"]).read_bytes() for f in manifest["files"]}
    ids = [f"bench-{i:04d}" for i in range(n)]

    def one(bid: str) -> None:
        for key, data in objects.items():
            client.put_object(Bucket=bucket, Key=f"{prefix}/{bid}/{key}", Body=data)
        client.put_object(Bucket=bucket, Key=f"{prefix}/{bid}/{MANIFEST}",
                          Body=dump_json({**manifest, "bundle_id": bid}))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, ids))
    return ids


def noop(x: int) -> int:
    return x


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundles", type=int, default=8)
    ap.add_argument("--scale", type=float, default=0.1)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()

    from checker.check import run_check
    from checker.fleet.run import dask_client, run_fleet
    from checker.fleet.tasks import check_bundle
    from checker.generate import generate
    from checker.store.s3 import S3Store
    from tests.s3server import PLAIN_BUCKET, WeedServer

    tmp = Path(tempfile.mkdtemp(prefix="cloudpact-fleet-bench-"))
    server = WeedServer(tmp / "weed")
    server.start()
    out: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                       "load_before": os.getloadavg()},
                           "bundles": args.bundles, "scale": args.scale}
    try:
        server.create_buckets()
        os.environ.update(server.env())
        year = tmp / "year"
        generate(year, seed=3, scale=args.scale)
        size = sum(p.stat().st_size for p in year.rglob("*") if p.is_file())
        out["bundle_bytes"] = size
        s3 = server.client()

        # baseline: one after another in this process, the same work a task does
        prefix = f"seq-{uuid.uuid4().hex[:6]}"
        ids = put_bundles(s3, PLAIN_BUCKET, prefix, year, args.bundles)
        check_bundle(f"s3://{PLAIN_BUCKET}/{prefix}/{ids[0]}")  # warm: policies parsed once
        c0, t0 = tree_cpu(), time.perf_counter()
        for bid in ids[1:]:
            check_bundle(f"s3://{PLAIN_BUCKET}/{prefix}/{bid}")
        seq = (time.perf_counter() - t0) / (len(ids) - 1)
        out["sequential"] = {"seconds_per_bundle": seq, "cpu_per_bundle": (tree_cpu() - c0) / (len(ids) - 1)}
        del run_check, S3Store

        runs = {}
        for w in (int(x) for x in args.workers.split(",")):
            prefix = f"w{w}-{uuid.uuid4().hex[:6]}"
            put_bundles(s3, PLAIN_BUCKET, prefix, year, args.bundles)
            t_start = time.perf_counter()
            with dask_client(None, w) as client:
                startup = time.perf_counter() - t_start
                client.run(lambda: __import__("checker.check"))  # import cost outside the run
                noops = client.map(noop, range(200), pure=False)
                t0 = time.perf_counter()
                client.gather(noops)
                noop_ms = (time.perf_counter() - t0) / 200 * 1000
                c0, t0 = tree_cpu(), time.perf_counter()
                run = run_fleet(f"s3://{PLAIN_BUCKET}/{prefix}", client=client)
                wall = time.perf_counter() - t0
                cpu = tree_cpu() - c0
                assert run.count("checked") == args.bundles, [r for r in run.results if r["state"] != "checked"]
                t0 = time.perf_counter()
                again = run_fleet(f"s3://{PLAIN_BUCKET}/{prefix}", client=client)
                rerun = time.perf_counter() - t0
                assert again.count("skipped") == args.bundles
            runs[w] = {
                "cluster_startup_s": startup,
                "wall_s": wall,
                "bundles_per_minute": args.bundles / wall * 60,
                "cpu_per_bundle_s": cpu / args.bundles,
                "noop_task_round_trip_ms": noop_ms,
                "rerun_all_skipped_s": rerun,
                "rerun_ms_per_bundle": rerun / args.bundles * 1000,
            }
            print(f"{w} worker(s): {runs[w]}", flush=True)
        out["workers"] = runs
        for w, r in runs.items():  # what Dask adds: CPU (robust on a shared machine) and wall
            r["overhead_cpu_per_bundle_s"] = r["cpu_per_bundle_s"] - out["sequential"]["cpu_per_bundle"]
        if 1 in runs:
            out["overhead_wall_per_bundle_s"] = runs[1]["wall_s"] / args.bundles - seq
        out["machine"]["load_after"] = os.getloadavg()
    finally:
        server.stop(kill=True)
    dest = ROOT / "benchmarks" / "out"
    dest.mkdir(exist_ok=True)
    (dest / "fleet.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
