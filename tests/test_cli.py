"""The user's path: check the committed examples, every format, exit codes, outputs."""

from __future__ import annotations

import filecmp
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from checker import paths
from checker.catalogue import load_catalogue
from checker.generate import PLANTED, generate
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
EXAMPLE_SEED = 2025  # evidence/README.md: how the committed examples were generated


def by_clause(r: CliResult) -> dict[str, dict]:  # type: ignore[type-arg]
    return {x["clause"]: x for x in r.json()["results"]}


def test_compliant_example_passes_every_automated_clause(cli: Cli) -> None:
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "json")
    assert r.code == 0, r.err
    results = by_clause(r)
    automated = [c.id for c in load_catalogue() if c.automated]
    assert automated
    not_passing = {c: results[c]["status"] for c in automated
                   if results[c]["status"] not in ("pass", "not_applicable")}
    assert not not_passing


def test_breaches_example_fails_and_every_planted_breach_is_found(cli: Cli) -> None:
    bundle = paths.EXAMPLES / "breaches"
    planted = json.loads((bundle / PLANTED).read_text())
    assert planted
    r = cli("check", bundle, "--format", "json")
    assert r.code == 1
    results = by_clause(r)
    ledger = r.json()["liability"]
    ledger_rows = {row["row"] for e in ledger["events"] for row in e["rows"]}
    ledger_rows |= {t["row"] for t in ledger["termination_rights"]}
    ledger_rows |= {row for lv in ledger["incident_levels"] for row in lv["rows"]}  # Annex 1
    for breach in planted:
        if breach["clause"] not in results:  # a liability row (第十二条, Annexes): found in the ledger
            assert breach["clause"] in ledger_rows, breach
            continue
        res = results[breach["clause"]]
        assert res["status"] == "fail", breach
        assert res["violations"], breach


def test_json_report_shape(cli: Cli) -> None:
    doc = cli("check", paths.EXAMPLES / "breaches", "--format", "json").json()
    assert [x["clause"] for x in doc["results"]] == [c.id for c in load_catalogue()]
    assert sum(doc["summary"].values()) == len(doc["results"]) == 91
    assert len(doc["manifest_sha256"]) == 64 and doc["engine"].startswith("regorus")
    scan = {x["clause"]: x for x in doc["results"]}["2.2.1.7"]
    assert scan["expected"] == 260 and scan["actual"] < 260
    assert scan["title"] == {"zh": "主机漏洞扫描", "en": "Host vulnerability scanning"}
    assert scan["evidence_kinds"] == ["vuln_scan", "host_inventory"]
    for result in doc["results"]:
        for v in result["violations"]:
            assert v["message"] and "#/" in v["evidence"]


def test_committed_examples_are_what_the_generator_writes(tmp_path: Path) -> None:
    for name, breaches in (("compliant", False), ("breaches", True)):
        generate(tmp_path / name, seed=EXAMPLE_SEED, breaches=breaches,
                 bundle_id=json.loads((paths.EXAMPLES / name / "manifest.json").read_text())["bundle_id"])
        cmp = filecmp.dircmp(paths.EXAMPLES / name, tmp_path / name)
        stale = cmp.diff_files + cmp.left_only + cmp.right_only
        for sub in cmp.subdirs.values():
            stale += sub.diff_files + sub.left_only + sub.right_only
        assert not stale, f"evidence/examples/{name} is stale: regenerate it (evidence/README.md)"


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", seed=11, scale=0.1)
    generate(tmp_path / "b", seed=11, scale=0.1)
    generate(tmp_path / "c", seed=12, scale=0.1)
    a, b, c = ((tmp_path / x / "manifest.json").read_bytes() for x in "abc")
    assert a == b and a != c


def test_generate_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "keep.json").write_text("{}")
    r = cli("generate", tmp_path, "--seed", "1")
    assert r.code == 2 and "refusing to overwrite" in r.err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_junit_one_case_per_clause_grouped_by_article(cli: Cli) -> None:
    r = cli("check", paths.EXAMPLES / "breaches", "--format", "junit")
    assert r.code == 1
    root = ET.fromstring(r.out)
    cases = root.findall(".//testcase")
    assert len(cases) == 91
    assert {s.get("name") for s in root.findall("testsuite")} >= {"第二条", "第三条", "第六条"}
    failed = [c for c in cases if c.find("failure") is not None]
    assert any(c.get("name", "").startswith("2.2.1.7 ") for c in failed)
    text = next(c for c in failed if c.get("name", "").startswith("2.2.1.7 ")).findtext("failure")
    assert "第二条 2(1) 第7项" in text and "shortfall" in text


def test_markdown_and_text_list_every_clause(cli: Cli) -> None:
    ids = [c.id for c in load_catalogue()]
    md = cli("check", paths.EXAMPLES / "compliant", "--format", "markdown", "--lang", "zh").out
    text = cli("check", paths.EXAMPLES / "compliant").out
    for clause_id in ids:
        assert f"| {clause_id} |" in md
        assert clause_id in text
    assert "合规报告" in md
    assert "\x1b[" not in text  # piped: no colour codes


def test_output_file_written_whole_and_not_on_failure(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "json", "--output", out)
    assert r.code == 0 and json.loads(out.read_text())["summary"]["pass"] > 0
    before = out.read_bytes()
    r = cli("check", tmp_path / "nowhere", "--format", "json", "--output", out)
    assert r.code == 2
    assert out.read_bytes() == before  # the failed run did not touch the report
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp files left


def test_several_formats_into_a_folder(cli: Cli, tmp_path: Path) -> None:
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "json", "--format", "junit",
            "--format", "markdown", "--output", tmp_path / "out")
    assert r.code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json", "report.md", "report.xml"]


@pytest.mark.parametrize("args", [("check",), ("check", ".", "--format", "pdf"), ("frobnicate",),
                                  ("generate", "x")])
def test_bad_arguments_exit_2_without_traceback(cli: Cli, args: tuple[str, ...]) -> None:
    r = cli(*args)
    assert r.code == 2
    assert "Traceback" not in r.err and r.err.strip()
