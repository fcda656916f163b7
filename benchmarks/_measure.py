"""One measurement in a fresh process: prints {"seconds", "peak_rss_bytes"} as JSON.

    python benchmarks/_measure.py floor BUNDLE    read + parse every evidence file (orjson)
    python benchmarks/_measure.py check BUNDLE [ENGINE [OUT]]
                                                  cloudpact check, end to end (JSON report,
                                                  written to OUT when given)
    python benchmarks/_measure.py idle            the interpreter with cloudpact imported
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def floor(bundle: Path) -> None:
    import orjson

    manifest = orjson.loads((bundle / "manifest.json").read_bytes())
    for entry in manifest["files"]:
        if entry["kind"] != "raw":
            orjson.loads((bundle / entry["path"]).read_bytes())


def check(bundle: Path, engine: str = "embedded", out: Path | None = None) -> None:
    from checker.check import run_check
    from checker.engine import EngineName
    from checker.report.json import JsonRenderer
    from checker.store.local import LocalStore

    report = run_check(LocalStore(bundle), engine=EngineName(engine).to_engine())
    text = JsonRenderer().render(report)
    if out is not None:
        out.write_text(text)


def idle() -> None:
    import checker.check  # noqa: F401
    import checker.report.json  # noqa: F401


def main() -> None:
    what = sys.argv[1]
    start = time.perf_counter()
    if what == "floor":
        floor(Path(sys.argv[2]))
    elif what == "check":
        check(Path(sys.argv[2]), *sys.argv[3:4], *(Path(a) for a in sys.argv[4:5]))
    elif what == "idle":
        idle()
    else:
        raise SystemExit(f"unknown measurement {what!r}")
    seconds = time.perf_counter() - start
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime  # the whole process tree
    peak = me.ru_maxrss * 1024  # KiB on Linux
    children = kids.ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_bytes": peak + children,
                      "parent_peak_bytes": peak, "child_peak_bytes": children}))


if __name__ == "__main__":
    main()
