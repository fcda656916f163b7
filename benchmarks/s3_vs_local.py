"""Upload and check time of an example bundle, local folder vs S3 (issue 4's figures).

    python benchmarks/s3_vs_local.py [--bundle evidence/examples/compliant] [--repeat 5]
                                     [--endpoint-url URL --bucket NAME]

Without --endpoint-url it starts its own SeaweedFS (tests/s3server.py) on free loopback
ports and stops it at the end; with it, it uses that server and the AWS_* credentials
of the environment. Each upload goes to a fresh prefix; `upload` includes the gate's
check, as `cloudpact upload` does. Prints medians and the S3/local ratios, writes JSON to
benchmarks/out/s3_vs_local.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.s3server: the test server helper, reused as is


def _median_seconds(fn: Callable[[], Any], repeat: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), runs


def measure(bundle: Path, bucket: str, repeat: int) -> dict[str, Any]:
    from checker.bundle import load_bundle
    from checker.check import run_check
    from checker.store import open_store
    from checker.store.local import LocalStore
    from checker.upload import Gate, upload_bundle

    gate = Gate.parse("report-only")  # measure the transfer, whatever the verdict
    source = LocalStore(bundle)
    bundle_id = load_bundle(source, only_manifest=True).bundle_id
    run_check(source)  # warm-up: policy compilation, imports

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:

        def local_upload() -> None:
            upload_bundle(source, LocalStore(Path(tmp) / uuid.uuid4().hex), gate=gate)

        s3_prefixes: list[str] = []

        def s3_upload() -> None:
            url = f"s3://{bucket}/bench-{uuid.uuid4().hex[:12]}"
            upload_bundle(source, open_store(url), gate=gate)
            s3_prefixes.append(url)

        figures["upload_local_s"], figures["upload_local_runs"] = _median_seconds(
            local_upload, repeat
        )
        figures["upload_s3_s"], figures["upload_s3_runs"] = _median_seconds(s3_upload, repeat)
        s3_url = f"{s3_prefixes[0]}/{bundle_id}"
        s3_bundle = open_store(s3_url)
        figures["check_local_s"], figures["check_local_runs"] = _median_seconds(
            lambda: run_check(LocalStore(bundle)), repeat
        )
        # a new client each time, as each `cloudpact check s3://...` run makes one
        figures["check_s3_s"], figures["check_s3_runs"] = _median_seconds(
            lambda: run_check(open_store(s3_url)), repeat
        )
        figures["s3_client_setup_s"], _ = _median_seconds(lambda: open_store(s3_url), repeat)
        figures["gate_check_only_s"], _ = _median_seconds(lambda: run_check(source), repeat)
        local = run_check(source)
        remote = run_check(s3_bundle)
        same = [(r.clause.id, r.status, r.violations) for r in local.results] == [
            (r.clause.id, r.status, r.violations) for r in remote.results
        ]
    listed = load_bundle(source, only_manifest=True).files
    files = [bundle / "manifest.json", *(bundle / f.path for f in listed)]
    figures.update(
        {
            "bundle": str(bundle),
            "objects": len(files),
            "bytes": sum(p.stat().st_size for p in files),
            "repeat": repeat,
            "upload_ratio_s3_over_local": figures["upload_s3_s"] / figures["upload_local_s"],
            "check_ratio_s3_over_local": figures["check_s3_s"] / figures["check_local_s"],
            "same_results_local_and_s3": same,
            "machine": f"{platform.machine()}, {os.cpu_count()} cpus, Python "
            f"{platform.python_version()}",
        }
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "evidence/examples/compliant")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--endpoint-url", default=None)
    parser.add_argument("--bucket", default="evidence")
    args = parser.parse_args()

    server = None
    if args.endpoint_url is None:
        from tests.s3server import WeedServer

        server = WeedServer(Path(tempfile.mkdtemp(prefix="cloudpact-bench-")))
        server.start()
        server.create_buckets()
        os.environ.update(server.env())
    else:
        os.environ["AWS_ENDPOINT_URL"] = args.endpoint_url
    try:
        figures = measure(args.bundle, args.bucket, args.repeat)
    finally:
        if server is not None:
            server.stop(kill=True)
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "s3_vs_local.json").write_text(json.dumps(figures, indent=1) + "\n")
    print(
        f"bundle {figures['bundle']}: {figures['objects']} objects (manifest + evidence), "
        f"{figures['bytes']} bytes, median of {figures['repeat']} runs"
    )
    for what in ("upload", "check"):
        loc, s3 = figures[f"{what}_local_s"], figures[f"{what}_s3_s"]
        print(
            f"{what:7} local {loc * 1000:8.1f} ms   s3 {s3 * 1000:8.1f} ms   ratio {s3 / loc:5.2f}"
        )
    print(
        f"gate check alone (local) {figures['gate_check_only_s'] * 1000:.1f} ms; "
        f"S3 client setup {figures['s3_client_setup_s'] * 1000:.1f} ms"
    )
    print(f"same results local and s3: {figures['same_results_local_and_s3']}")
    return 0 if figures["same_results_local_and_s3"] else 1


if __name__ == "__main__":
    sys.exit(main())
