"""Year-scale benchmark (issue 8): how close `cloudpact check` gets to just reading the
evidence, and how it grows with the size of the contract year.

    python benchmarks/year_scale.py [--scales 1 4 16] [--workdir DIR] [--repeat 3]

For each scale it generates a contract year (scale 1 = the real contract), then measures,
each in a fresh process and taking the best of --repeat runs:
  floor  = read and parse every evidence file with orjson (the fastest JSON parser here)
  check  = cloudpact check end to end (load, sha256, schemas, Rego, JSON report)
and prints bundle bytes, floor, check, check/floor, peak memory / bundle bytes (also net
of the idle interpreter), and the growth exponent of check time from the first to the
last scale (1.0 = linear). Figures are ratios within one run: the machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(*args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(HERE / "_measure.py"), *args],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best(repeat: int, *args: str) -> dict[str, float]:
    runs = [measure(*args) for _ in range(repeat)]
    return {"seconds": min(r["seconds"] for r in runs),
            "peak_rss_bytes": max(r["peak_rss_bytes"] for r in runs)}


def bundle_bytes(bundle: Path) -> int:
    manifest = json.loads((bundle / "manifest.json").read_text())
    return sum((bundle / f["path"]).stat().st_size for f in manifest["files"]) + (bundle / "manifest.json").stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args()

    from checker.generate import generate

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cloudpact-bench-"))
    idle = best(args.repeat, "idle")
    rows = []
    for scale in args.scales:
        bundle = workdir / f"scale-{scale:g}"
        if not (bundle / "manifest.json").exists():
            t = time.perf_counter()
            generate(bundle, seed=1, scale=scale)
            print(f"generated scale {scale:g} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        size = bundle_bytes(bundle)
        floor = best(args.repeat, "floor", str(bundle))
        check = best(args.repeat, "check", str(bundle))
        rows.append({
            "scale": scale, "bytes": size,
            "floor_s": floor["seconds"], "check_s": check["seconds"],
            "ratio": check["seconds"] / floor["seconds"],
            "peak_rss": check["peak_rss_bytes"],
            "mem_ratio": check["peak_rss_bytes"] / size,
            "mem_ratio_net": (check["peak_rss_bytes"] - idle["peak_rss_bytes"]) / size,
        })
        print(f"scale {scale:g} done", file=sys.stderr)
    first, last = rows[0], rows[-1]
    exponent = (math.log(last["check_s"] / first["check_s"]) / math.log(last["scale"] / first["scale"])
                if len(rows) > 1 else float("nan"))
    print(f"| scale | bundle MB | floor s | check s | check/floor | peak MB | peak/bytes | (peak-idle)/bytes |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['scale']:g} | {r['bytes'] / 1e6:.1f} | {r['floor_s']:.2f} | {r['check_s']:.2f} | "
              f"{r['ratio']:.2f} | {r['peak_rss'] / 1e6:.0f} | {r['mem_ratio']:.2f} | {r['mem_ratio_net']:.2f} |")
    print(f"\nidle interpreter peak: {idle['peak_rss_bytes'] / 1e6:.0f} MB; "
          f"growth exponent of check time, scale {first['scale']:g} -> {last['scale']:g}: {exponent:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "idle": idle, "exponent": exponent}, indent=1))


if __name__ == "__main__":
    main()
