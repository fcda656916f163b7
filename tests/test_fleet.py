"""Fleet check (issue 19) against the real SeaweedFS the suite starts: 40 bundles of 3
contract packs under one prefix, checked on a 2-worker Dask LocalCluster with one worker
process killed mid-run, give every report exactly once and the same reports as checking
each bundle alone; a rerun skips all 40 and writes nothing; a pack change rechecks; the
summary names every bundle and ranks the contracts; its HTML opens in headless Chromium.

Kept affordable on 2 shared cores: 3 generated years at scale 0.02 (about 1.7 s a check),
per-month bundles derived from them by rewriting the manifest (own bundle_id and period,
some evidence objects left out so verdicts and regressions differ from month to month)."""

from __future__ import annotations

import copy
import json
import os
import signal
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import packs, paths
from checker.bundle import MANIFEST, dump_json, sha256_bytes
from checker.check import run_check
from checker.diff import diff_reports
from checker.report.json import report_dict
from checker.store.local import LocalStore
from checker.store.s3 import S3Store
from tests.conftest import CliResult
from tests.s3server import PLAIN_BUCKET, UNSET_ENV, WeedServer

pytest.importorskip("distributed")

SCALE = 0.02
SECOND, THIRD = "FW2025071501", "FW2025031001"  # hypothetical contracts of the same template


def other_params(contract_id: str, start: str, price: str, n_systems: int,
                 quantities: dict[str, int]) -> dict[str, Any]:
    """Another unit's contract, as tests/test_packs.py second_params(): another 12-month
    term, price, systems and quantities."""
    p = copy.deepcopy(yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8")))
    p["contract_id"] = contract_id
    year, rest = int(start[:4]), start[4:]
    p["period"] = {"start": f"{start}T00:00:00+08:00", "end": f"{year + 1}{rest}T00:00:00+08:00",
                   "months": 12}
    p["effective_date"] = start
    p["price_cny"] = price
    for inst in p["instalments"]:
        inst["amount_cny"] = str((Decimal(price) * Decimal(inst["share_percent"]) / 100)
                                 .quantize(Decimal("0.01")))
    p["systems"] = p["systems"][:n_systems]
    for s in p["systems"]:
        s["annual_fee_cny"] = "300000.00"
    p["systems"][-1]["important"] = True
    for clause, n in quantities.items():
        p["services"][clause]["quantity"] = n
    return p


def plus_months(iso: str, n: int) -> str:
    t = datetime.fromisoformat(iso)
    y, m = divmod(t.month - 1 + n, 12)
    return t.replace(year=t.year + y, month=m + 1).isoformat()


Bundle = tuple[str, dict[str, bytes], bytes]  # bundle id, objects (manifest excluded), manifest


def derive(year: Path, contract_id: str, months: int, resubmit: tuple[int, ...]) -> list[Bundle]:
    """Per-month bundles of one generated year: own bundle_id and period; month i leaves
    out one or two evidence objects (listed in the manifest, absent: `missing`); a
    resubmission of a month has every object and a later created_at."""
    manifest = json.loads((year / MANIFEST).read_bytes())
    objects = {f["path"]: (year / f["path"]).read_bytes() for f in manifest["files"]}
    paths_ = sorted(objects)
    start = manifest["period"]["start"]
    out = []
    plan = [(i, False) for i in range(months)] + [(i, True) for i in resubmit]
    for i, again in plan:
        dropped = set() if (i == 0 or again) else {paths_[(i * 5) % len(paths_)]}
        if i % 4 == 3 and not again:
            dropped.add(paths_[(i * 11 + 3) % len(paths_)])
        m = dict(manifest)
        m["bundle_id"] = f"{contract_id}-m{i + 1:02d}" + ("-r2" if again else "")
        m["period"] = {"start": plus_months(start, i), "end": plus_months(start, i + 1)}
        m["created_at"] = plus_months(start, i + 1 + (1 if again else 0))
        out.append((m["bundle_id"], {k: v for k, v in objects.items() if k not in dropped},
                    dump_json(m)))
    return out


@pytest.fixture(scope="module")
def fleet_env(s3_server: WeedServer) -> Iterator[WeedServer]:
    """Credentials and endpoint in os.environ for the whole module: the worker processes
    of the cluster inherit them, the standard way."""
    with pytest.MonkeyPatch.context() as mp:
        for name in UNSET_ENV:
            mp.delenv(name, raising=False)
        for name, value in s3_server.env().items():
            mp.setenv(name, value)
        yield s3_server


@pytest.fixture(scope="module")
def fleet_packs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("fleet-packs")
    for cid, start, price, n, q in (
        (SECOND, "2025-07-15", "1200000.00", 4, {"2.2.1.1": 50, "2.2.1.2": 10, "2.2.1.14": 12000}),
        (THIRD, "2025-03-10", "2400000.00", 5, {"2.2.1.1": 80, "2.2.1.5": 60, "2.2.1.7": 120}),
    ):
        f = root / f"{cid}.yaml"
        f.write_text(yaml.safe_dump(other_params(cid, start, price, n, q), allow_unicode=True,
                                    sort_keys=False), encoding="utf-8")
        packs.new_pack(cid, params_file=f, into=root / "packs")
    packs.set_extra_dirs([root / "packs"])  # for the checks run alone in this process
    yield root / "packs"
    packs.set_extra_dirs([])


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory, fleet_packs: Path) -> list[Bundle]:
    from checker.catalogue import load_params
    from checker.generate import generate

    root = tmp_path_factory.mktemp("fleet-years")
    out: list[Bundle] = []
    for cid, seed, breaches, resubmit in ((packs.BUILTIN_ID, 3, True, (2, 5)),
                                          (SECOND, 4, False, (7,)), (THIRD, 5, False, (0,))):
        params = load_params(packs.for_contract(cid).params_path)
        # the breaches year: the built-in contract (its plants need its host counts), at the
        # smallest scale the generator allows with --breaches
        generate(root / cid, seed=seed, scale=0.05 if breaches else SCALE, breaches=breaches,
                 params=params)
        out += derive(root / cid, cid, 12, resubmit)
    assert len(out) == 40 and len({b[0] for b in out}) == 40
    return out


def put_all(server: WeedServer, url: str, items: list[Bundle], *, incomplete: bool = True) -> None:
    """Objects as `cloudpact upload` lays them out, manifest last; plus one unfinished
    upload (objects, no manifest) that is no bundle."""
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    client = server.client()

    def one(b: Bundle) -> None:
        bid, objects, manifest = b
        for key, data in objects.items():
            client.put_object(Bucket=bucket, Key=f"{prefix}/{bid}/{key}", Body=data)
        client.put_object(Bucket=bucket, Key=f"{prefix}/{bid}/{MANIFEST}", Body=manifest)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, items))
    if incomplete:
        bid, objects, _ = items[0]
        key = sorted(objects)[0]
        client.put_object(Bucket=bucket, Key=f"{prefix}/unfinished-upload/{key}", Body=objects[key])


def report_versions(server: WeedServer, url: str, *, every: bool = False) -> dict[str, int]:
    """Versions of every report object under url (the bucket is versioned); with every,
    of every object."""
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    out: dict[str, int] = {}
    for page in server.client().get_paginator("list_object_versions").paginate(
            Bucket=bucket, Prefix=f"{prefix}/"):
        for v in page.get("Versions", []):
            if every or "/reports/" in v["Key"]:
                out[v["Key"]] = out.get(v["Key"], 0) + 1
    return out


@pytest.fixture(scope="module")
def cluster(fleet_env: WeedServer, fleet_packs: Path) -> Iterator[Any]:
    from checker.fleet.run import dask_client

    with dask_client(None, 2) as client:
        yield client


@pytest.fixture(scope="module")
def first(fleet_env: WeedServer, bundles: list[Bundle], cluster: Any,
          fleet_packs: Path) -> dict[str, Any]:
    """The 40 bundles (two of them through `upload --gate report-only`, so with a stored
    verdict) checked once by the 2-worker cluster."""
    from checker.fleet.run import run_fleet
    from checker.upload import Gate, upload_bundle

    url = f"s3://{PLAIN_BUCKET}/fleet-{uuid.uuid4().hex[:8]}"
    with_verdict = [bundles[1], bundles[20]]
    put_all(fleet_env, url, [b for b in bundles if b not in with_verdict])
    root = S3Store.from_url(url)
    for bid, objects, manifest in with_verdict:
        src = fleet_packs.parent / "src" / bid
        for key, data in {**objects, MANIFEST: manifest}.items():
            (src / key).parent.mkdir(parents=True, exist_ok=True)
            (src / key).write_bytes(data)
        assert upload_bundle(LocalStore(src), root, gate=Gate.parse("report-only")).state == "uploaded"
    killed: list[tuple[int, list[str]]] = []

    def kill_one_worker(result: dict[str, Any]) -> None:
        """After the first checked bundle, SIGKILL a worker that holds a task: its running
        check dies with it (the nanny starts a new worker process)."""
        if killed or result["state"] != "checked":
            return
        busy = {w: list(keys) for w, keys in cluster.processing().items() if keys}
        if busy:
            worker = sorted(busy)[0]
            pid = cluster.run(os.getpid, workers=[worker])[worker]
            os.kill(pid, signal.SIGKILL)
            killed.append((pid, busy[worker]))

    run = run_fleet(url, client=cluster, pack_dirs=[str(fleet_packs)], progress=kill_one_worker)
    return {"url": url, "run": run, "verdicts": {b[0] for b in with_verdict}, "killed": killed}


def test_40_bundles_on_2_workers_one_killed_mid_run_match_checking_each_alone(
        first: dict[str, Any], bundles: list[Bundle], fleet_env: WeedServer) -> None:
    run, url = first["run"], first["url"]
    assert run.workers == 2
    (pid, held), = first["killed"]  # one worker was killed while it held a task
    assert held and pid != os.getpid()
    by_id = {r["bundle_id"]: r for r in run.results}
    assert by_id.pop("unfinished-upload")["state"] == "incomplete"  # no manifest: no bundle
    assert sorted(by_id) == sorted(b[0] for b in bundles)
    # the killed worker's task ran again elsewhere: checked there, or (killed after its
    # PUT) found its own whole report
    assert {r["state"] for r in by_id.values()} <= {"checked", "skipped"}
    assert {b for b, r in by_id.items() if r["stored_verdict"]} == first["verdicts"]
    assert {r["contract_id"] for r in by_id.values()} == {packs.BUILTIN_ID, SECOND, THIRD}
    versions = report_versions(fleet_env, url)
    assert len(versions) == 40 and set(versions.values()) == {1}  # each written exactly once
    root = S3Store.from_url(url)
    for bid, _, manifest in bundles:
        r = by_id[bid]
        pack = packs.for_contract(r["contract_id"])
        assert r["report"] == f"reports/{sha256_bytes(manifest)[:16]}-{pack.digest[:16]}.json"
        stored = json.loads(root.child(bid).read(r["report"]))
        alone = report_dict(run_check(root.child(bid)))
        stored.pop("generated_at"), alone.pop("generated_at")
        assert stored == alone, bid
        assert r["clauses"] == {x["clause"]: x["status"] for x in alone["results"]}
        assert r["fines"]["party_b_cny"] == alone["liability"]["total"]
        assert r["pack"]["digest"] == pack.digest
    # the derived months differ: some miss evidence, the resubmissions have all of it
    assert len({json.dumps(r["summary"], sort_keys=True) for r in by_id.values()}) > 3


def test_a_rerun_skips_all_40_and_writes_nothing(
        first: dict[str, Any], fleet_env: WeedServer, fleet_packs: Path, tmp_path: Path,
        cli: Callable[..., CliResult]) -> None:
    before = report_versions(fleet_env, first["url"], every=True)
    res = cli("fleet", "check", first["url"], "--workers", "1", "--packs", fleet_packs,
              "--out", tmp_path)
    assert res.code == 1, res.err  # failing clauses in the fleet
    assert "40 bundle(s)" not in res.err  # the unfinished upload is listed too
    assert "41 bundle(s): 0 checked, 40 skipped (already checked with the same pack), " \
           "1 incomplete, 0 not checked" in res.err
    assert "unfinished-upload: incomplete" in res.err
    assert report_versions(fleet_env, first["url"], every=True) == before  # nothing written
    summary = json.loads((tmp_path / "fleet-summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["skipped"] == 40
    first_summary = first_summary_of(first)
    assert [c["contract_id"] for c in summary["contracts"]] == \
        [c["contract_id"] for c in first_summary["contracts"]]
    assert [b.get("clauses") for b in summary["bundles"]] == [b.get("clauses") for b in first_summary["bundles"]]


def first_summary_of(first: dict[str, Any]) -> dict[str, Any]:
    from checker.fleet.summary import build_summary

    return build_summary(first["run"])


def test_a_pack_change_rechecks_and_keeps_the_old_report(
        first: dict[str, Any], fleet_packs: Path, tmp_path: Path) -> None:
    """A new pack version (another digest) gives another report key: checked again."""
    import shutil

    from checker.fleet.tasks import check_bundle

    changed = tmp_path / "packs"
    shutil.copytree(fleet_packs / SECOND, changed / SECOND)
    manifest = changed / SECOND / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('version: "1"', 'version: "2"'),
                        encoding="utf-8")
    old = next(r for r in first["run"].results if r["bundle_id"] == f"{SECOND}-m02")
    try:
        new = check_bundle(f"{first['url']}/{SECOND}-m02", None, [str(changed)])
        again = check_bundle(f"{first['url']}/{SECOND}-m02", None, [str(changed)])
    finally:
        packs.set_extra_dirs([fleet_packs])
    assert new["state"] == "checked" and new["pack"]["version"] == "2"
    assert new["report"] != old["report"] and new["clauses"] == old["clauses"]
    assert again["state"] == "skipped" and again["report"] == new["report"]
    root = S3Store.from_url(first["url"]).child(f"{SECOND}-m02")
    assert {k for k in root.list("reports")} == {old["report"], new["report"]}


def test_summary_names_every_bundle_ranks_contracts_and_diffs_months(
        first: dict[str, Any], bundles: list[Bundle]) -> None:
    from checker.fleet.summary import build_summary

    s = build_summary(first["run"])
    c = s["counts"]  # skipped: the killed worker's retried task found the report it had PUT
    assert (c["bundles"], c["checked"] + c["skipped"], c["incomplete"], c["error"]) == (41, 40, 1, 0)
    assert sorted(s["bundle_ids"]) == sorted([b[0] for b in bundles] + ["unfinished-upload"])
    ranks = [c["failing_clauses"] for c in s["contracts"]]
    assert ranks == sorted(ranks, reverse=True) and len(s["contracts"]) == 3
    root = S3Store.from_url(first["url"])
    by_id = {r["bundle_id"]: r for r in first["run"].results}
    n_regressions = 0
    for c in s["contracts"]:
        months = c["months"]
        assert [m["month"] for m in months] == sorted(m["month"] for m in months)
        assert len(months) == 12 and months[0]["vs_previous"] is None
        listed = [b for m in months for b in m["bundle_ids"]]
        assert len(listed) == len(set(listed))
        for prev, cur in zip(months, months[1:], strict=False):
            got = cur["vs_previous"]
            assert got["previous"] == prev["bundle_id"]
            old, new = (json.loads(root.child(b).read(by_id[b]["report"]))
                        for b in (prev["bundle_id"], cur["bundle_id"]))
            expected = diff_reports(old, new)
            assert [x["clause"] for x in got["regressions"]] == [x.clause for x in expected.regressions]
            n_regressions += len(got["regressions"])
        for m in months:  # a resubmission (later created_at) stands for its month
            if len(m["bundle_ids"]) > 1:
                assert m["bundle_id"].endswith("-r2")
        assert Decimal(c["fines_party_b_cny"]) == sum(Decimal(m["fines"]["party_b_cny"]) for m in months)
    assert n_regressions > 0  # evidence left out in a later month is a new failure
    assert any(Decimal(c["fines_party_b_cny"]) > 0 for c in s["contracts"])  # the breaches year


def test_summary_html_opens_in_headless_chromium_self_contained(
        first: dict[str, Any], browser: Any, tmp_path: Path) -> None:
    from checker.fleet.summary import build_summary, render_html

    s = build_summary(first["run"])
    page = tmp_path / "fleet.html"
    page.write_text(render_html(s), encoding="utf-8")
    run = browser.open(page.as_uri(), {
        "title": "document.title",
        "ranking": "[...document.querySelectorAll('tr.contract-row td:nth-child(2)')]"
                   ".map(td => td.innerText)",
        "months": "document.querySelectorAll('tr.month').length",
        "scripts": "document.scripts.length",
        "text": "document.body.innerText",
    })
    assert run.errors == []
    assert run.requests == [page.as_uri()]  # nothing fetched
    v = run.values
    assert v["title"].startswith("Fleet compliance summary")
    assert v["ranking"] == [c["contract_id"] for c in s["contracts"]]
    assert v["months"] == 36 and v["scripts"] == 0
    for bid in s["bundle_ids"]:
        assert bid in v["text"]


def test_fleet_check_refuses_a_local_folder_and_an_unreachable_scheduler_in_one_line(
        cli: Callable[..., CliResult], tmp_path: Path, fleet_env: WeedServer) -> None:
    res = cli("fleet", "check", str(tmp_path), "--workers", "1", "--out", tmp_path)
    assert res.code == 2 and "fleet check reads bundles from S3 only" in res.err
    assert "Traceback" not in res.err and len(res.err.strip().splitlines()) == 1
    res = cli("fleet", "check", f"s3://{PLAIN_BUCKET}/x", "--scheduler", "tcp://127.0.0.1:9",
              "--out", tmp_path)
    assert res.code == 2 and "cannot reach the Dask scheduler" in res.err, res.err
    assert "Traceback" not in res.err
