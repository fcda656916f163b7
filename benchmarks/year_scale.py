"""Year-scale benchmark (issue 8): how close `cloudpact check` gets to just reading the
evidence, and how it grows with the size of the contract year.

    python benchmarks/year_scale.py [--scales 1 4 16] [--workdir DIR] [--repeat 3]

For each scale it generates a contract year (scale 1 = the real contract), then measures,
each in a fresh process and taking the best of --repeat runs:
  floor  = read and parse every evidence file with orjson (the fastest JSON parser here)
  check  = cloudpact check end to end (load, sha256, schemas, Rego, JSON report)
and prints, per scale: bundle bytes; CPU seconds of the whole process tree (user + system,
children included) and wall seconds of floor and check, both measured in the same run;
check/floor in CPU; peak PSS of the check's process tree (sampled from /proc every 20 ms)
and peak RSS, against bundle bytes; the growth exponent of check CPU from the first to the
last scale (1.0 = linear); and the Rego cost of each package alone at the first and the
last scale with its own growth exponent (the top 10 at the last scale: a package growing
faster than the data shows there first), so the next regression is visible; and the real OPA (in-process, the reference
engine) on the first scale: its CPU against regorus's in the same run, and every clause
whose whole result differs between the two (--no-opa skips it). Ratios are within one run: the machine is
shared and noisy, so compare ratios, not seconds across runs.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _tree_pss(pid: int) -> int:
    """PSS bytes of a process and its descendants (Linux /proc; 0 where unreadable)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                todo += [int(c) for c in children]
        except OSError:
            continue
    return total


def measure(*args: str) -> dict[str, float]:
    # the generated years are signed with the example keys: judge them with their trust file
    env = {"CLOUDPACT_TRUST": str(HERE.parent / "evidence" / "examples" / "example-trust.yaml"),
           **os.environ}
    proc = subprocess.Popen([sys.executable, str(HERE / "_measure.py"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak_pss = 0
    while proc.poll() is None:
        peak_pss = max(peak_pss, _tree_pss(proc.pid))
        time.sleep(0.02)
    out, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"measurement {args} failed: {err.strip()[-500:]}")
    row = json.loads(out.strip().splitlines()[-1])
    row["peak_pss_bytes"] = peak_pss
    return row


def best(repeat: int, *args: str) -> dict[str, float]:
    runs = [measure(*args) for _ in range(repeat)]
    return {"seconds": min(r["seconds"] for r in runs),
            "cpu_seconds": min(r["cpu_seconds"] for r in runs),
            "peak_rss_bytes": max(r["peak_rss_bytes"] for r in runs),
            "peak_pss_bytes": max(r["peak_pss_bytes"] for r in runs)}


def package_costs(bundle: Path) -> dict[str, float]:
    """CPU seconds of each package's query alone (the input set once, as check does), minus
    an empty query, each the best of 3."""
    from checker.bundle import load_bundle
    from checker.catalogue import load_catalogue, load_params
    from checker.check import LIABILITY_PACKAGE, policy_data, policy_map
    from checker.engine.embedded import EmbeddedEngine
    from checker.policies import policy_files
    from checker.store.local import LocalStore

    loaded = load_bundle(LocalStore(bundle))
    engine = EmbeddedEngine()
    engine.load(policy_files(), policy_data(load_params()))
    doc = loaded.policy_input_parts()
    packages = [*policy_map(load_catalogue()).values(), LIABILITY_PACKAGE]

    engine.evaluate(doc, [])  # the input is set once; each package's query is timed alone

    def cpu(pkgs: list[str]) -> float:  # best of 3: the machine is shared
        query = f"data.{engine._collector(tuple(pkgs))}.result"
        runs = []
        for _ in range(3):
            t = time.process_time()
            engine._query(query)
            runs.append(time.process_time() - t)
        return min(runs)

    base = cpu([])
    return {pkg: max(0.0, cpu([pkg]) - base) for pkg in packages}


def package_table(first: tuple[float, dict[str, float]], last: tuple[float, dict[str, float]] | None,
                  top: int = 10) -> list[str]:
    """The `top` packages by cost at the last scale (a package growing faster than the
    data shows there first), with their cost at the first scale and their growth exponent."""
    (s0, c0), (s1, c1) = first, last or first
    rows = sorted(c1, key=lambda p: -c1[p])[:top]
    out = [f"\nRego CPU per package alone (top {top} at scale {s1:g}; exponent 1.0 = linear):"]
    for pkg in rows:
        growth = (f"{math.log(c1[pkg] / c0[pkg]) / math.log(s1 / s0):5.2f}"
                  if last and c0[pkg] > 0.002 and c1[pkg] > 0 else "    -")
        at_first = f"{c0[pkg]:6.3f} s at {s0:g}, " if last else ""
        out.append(f"  {c1[pkg]:6.3f} s  ({at_first}exponent {growth})  {pkg}")
    return out


_RUN_FIELDS = ("generated_at", "engine")


def _verdicts(report: Path) -> dict[str, str]:
    """clause -> its whole result as canonical JSON (the run's own fields dropped)."""
    doc = json.loads(report.read_text())
    return {r["clause"]: json.dumps(r, sort_keys=True) for r in doc["results"]} | {
        "ledger": json.dumps(doc.get("liability"), sort_keys=True)}


def opa_row(bundle: Path, workdir: Path, repeat: int) -> dict[str, object]:
    """The real OPA and regorus on one bundle, CPU of each in the same run, and the clauses
    whose results differ (the ledger counted as one)."""
    ours, theirs = workdir / "report-regorus.json", workdir / "report-opa.json"
    regorus = best(repeat, "check", str(bundle), "embedded", str(ours))
    opa = best(1, "check", str(bundle), "opa-inprocess", str(theirs))
    a, b = _verdicts(ours), _verdicts(theirs)
    return {"cpu": opa["cpu_seconds"], "wall": opa["seconds"], "regorus_cpu": regorus["cpu_seconds"],
            "ratio": opa["cpu_seconds"] / regorus["cpu_seconds"], "clauses": len(a) - 1,
            "differ": sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))}


def bundle_bytes(bundle: Path) -> int:
    manifest = json.loads((bundle / "manifest.json").read_text())
    return sum((bundle / f["path"]).stat().st_size for f in manifest["files"]) + (bundle / "manifest.json").stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    parser.add_argument("--no-opa", action="store_true",
                        help="skip the real OPA (in-process) run on the first scale")
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
            "floor_cpu": floor["cpu_seconds"], "check_cpu": check["cpu_seconds"],
            "ratio": check["cpu_seconds"] / floor["cpu_seconds"],
            "peak_rss": check["peak_rss_bytes"], "peak_pss": check["peak_pss_bytes"],
            "mem_ratio": check["peak_pss_bytes"] / size,
            "mem_ratio_net": (check["peak_pss_bytes"] - idle["peak_pss_bytes"]) / size,
        })
        print(f"scale {scale:g} done", file=sys.stderr)
    first, last = rows[0], rows[-1]
    exponent = (math.log(last["check_cpu"] / first["check_cpu"]) / math.log(last["scale"] / first["scale"])
                if len(rows) > 1 else float("nan"))
    print("| scale | bundle MB | floor CPU s | floor wall s | check CPU s | check wall s | "
          "check/floor (CPU) | peak PSS MB | PSS/bytes | (PSS-idle)/bytes | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['scale']:g} | {r['bytes'] / 1e6:.1f} | {r['floor_cpu']:.2f} | {r['floor_s']:.2f} | "
              f"{r['check_cpu']:.2f} | {r['check_s']:.2f} | {r['ratio']:.1f} | {r['peak_pss'] / 1e6:.0f} | "
              f"{r['mem_ratio']:.2f} | {r['mem_ratio_net']:.2f} | {r['peak_rss'] / 1e6:.0f} |")
    print(f"\nidle interpreter: {idle['peak_pss_bytes'] / 1e6:.0f} MB PSS; growth exponent of check "
          f"CPU, scale {first['scale']:g} -> {last['scale']:g}: {exponent:.2f}")
    opa = None if args.no_opa else opa_row(workdir / f"scale-{args.scales[0]:g}", workdir, args.repeat)
    if opa is not None:
        print(f"\nreal OPA (opa-inprocess), scale {args.scales[0]:g}: {opa['cpu']:.2f} CPU s, "
              f"{opa['wall']:.2f} wall s = {opa['ratio']:.1f}x regorus CPU "
              f"({opa['regorus_cpu']:.2f} s, same run); packages with results differing from "
              f"regorus: {', '.join(opa['differ']) or 'none'} (of {opa['clauses']} clauses)")
    s0, s1 = args.scales[0], args.scales[-1]
    costs = {s0: package_costs(workdir / f"scale-{s0:g}")}
    if len(args.scales) > 1:
        costs[s1] = package_costs(workdir / f"scale-{s1:g}")
    print("\n".join(package_table((s0, costs[s0]), (s1, costs[s1]) if s1 in costs and s1 != s0 else None)))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "idle": idle, "exponent": exponent,
                                         "packages": {f"{k:g}": v for k, v in costs.items()},
                                         "opa": opa}, indent=1))


if __name__ == "__main__":
    main()
