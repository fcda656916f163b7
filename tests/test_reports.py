"""Report formats: golden files, SARIF/OSCAL validity, HTML in headless Chromium,
determinism, charts from policy figures, coverage.

Golden files: tests/golden/<format>/<case>.<ext>, from the committed example bundles with
the generation time and bundle location normalised. After a deliberate change (a policy
landed, the examples were regenerated, a renderer changed) rewrite them with

    CLOUDPACT_REGEN_GOLDEN=1 python -m pytest tests/test_reports.py -k golden

and read the diff before committing it.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from pydantic import ValidationError
from trestle.oscal.assessment_results import AssessmentResults

from checker import paths, policies, schemas
from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.cli import FORMATS
from checker.model import Clause, ClauseResult, Report, Status, Title, Violation
from checker.policies import PolicyFile, PolicyInfo
from checker.report import Format
from checker.report.coverage import coverage
from checker.report.progress import steps
from checker.store.local import LocalStore
from tests.browser import Browser
from tests.conftest import SHARED, CliResult

Cli = Callable[..., CliResult]
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("CLOUDPACT_REGEN_GOLDEN") == "1"
CASES = ("compliant", "breaches")
FIXED_TIME = "2026-09-03T09:00:00+08:00"
# (format, lang, file suffix)
OUTPUTS = [
    ("text", "en", "txt"),
    ("text", "zh", "zh.txt"),
    ("json", "en", "json"),
    ("junit", "en", "xml"),
    ("markdown", "en", "md"),
    ("markdown", "zh", "zh.md"),
    ("sarif", "en", "sarif"),
    ("html", "en", "en.html"),
    ("html", "zh", "zh.html"),
    ("oscal", "en", "oscal.json"),
]


def normalise(report: Report, case: str) -> Report:
    return dataclasses.replace(report, generated_at=FIXED_TIME, bundle=f"evidence/examples/{case}")


@pytest.fixture(scope="module")
def examples() -> dict[str, Report]:
    return {case: normalise(run_check(LocalStore(paths.EXAMPLES / case)), case) for case in CASES}


def render(report: Report, fmt: str, lang: str = "en", **options: Any) -> str:
    return Format(fmt).to_renderer(lang=lang, **options).render(report)


# ---- every format ----------------------------------------------------------------------


def test_every_format_renders_and_the_cli_offers_exactly_the_formats(
    examples: dict[str, Report],
) -> None:
    assert [f.value for f in Format] == FORMATS
    for f in Format:
        renderer = f.to_renderer()
        assert renderer.extension
        assert "2.2.1.7" in renderer.render(examples["breaches"])


def test_unknown_format_is_refused_with_the_known_names(cli: Cli) -> None:
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "pdf")
    assert r.code == 2 and "sarif" in r.err and "oscal" in r.err


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(("fmt", "lang", "suffix"), OUTPUTS)
def test_golden(examples: dict[str, Report], case: str, fmt: str, lang: str, suffix: str,
                monkeypatch: pytest.MonkeyPatch) -> None:
    path = GOLDEN / fmt / f"{case}.{suffix}"
    monkeypatch.chdir(paths.ROOT)  # SARIF reads the evidence files for line numbers
    text = render(examples[case], fmt, lang).replace(paths.ROOT.resolve().as_uri() + "/", "file:///SRCROOT/")
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), (
        f"{path} missing: run CLOUDPACT_REGEN_GOLDEN=1 pytest tests/test_reports.py -k golden"
    )
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.relative_to(GOLDEN.parent.parent)} differs: if the change is intended, regenerate "
        "with CLOUDPACT_REGEN_GOLDEN=1 python -m pytest tests/test_reports.py -k golden"
    )


def test_statuses_and_citations_agree_across_formats(examples: dict[str, Report]) -> None:
    report = examples["breaches"]
    doc = json.loads(render(report, "json"))
    statuses = {r["clause"]: r["status"] for r in doc["results"]}
    sarif = json.loads(render(report, "sarif", passes=True))["runs"][0]
    assert {r["ruleId"]: r["properties"]["status"] for r in sarif["results"]} == statuses
    assert [r["id"] for r in sarif["tool"]["driver"]["rules"]] == list(statuses)
    oscal = json.loads(render(report, "oscal"))["assessment-results"]["results"][0]
    props = [{p["name"]: p["value"] for p in f["props"]} for f in oscal["findings"]]
    assert {p["clause"]: p["status"] for p in props} == statuses
    junit = ET.fromstring(render(report, "junit"))
    for case in junit.iter("testcase"):
        p = {x.get("name"): x.get("value") for x in case.iter("property")}
        if "clause" in p:
            assert statuses[p["clause"]] == p["status"]
    citation = next(r["citation"] for r in doc["results"] if r["clause"] == "2.2.1.7")
    for fmt in ("text", "markdown", "html", "junit", "sarif", "oscal"):
        assert citation in render(report, fmt), fmt


def test_json_is_byte_identical_apart_from_generation_time() -> None:
    a = run_check(LocalStore(paths.EXAMPLES / "breaches"))
    b = run_check(LocalStore(paths.EXAMPLES / "breaches"))
    ta, tb = render(a, "json"), render(b, "json")
    assert ta.replace(a.generated_at, "T") == tb.replace(b.generated_at, "T")
    doc = json.loads(ta)
    assert doc["generated_at"] == a.generated_at
    for key in ("policies_sha256", "parameters_sha256", "catalogue_sha256"):
        assert len(doc["inputs"][key]) == 64
    assert len(doc["manifest_sha256"]) == 64


def test_details_and_measures_in_json_do_not_depend_on_dict_order(
    examples: dict[str, Report],
) -> None:
    report = examples["breaches"]
    r = report.results[0]
    v = Violation("m", "a.json#/x", {"z": 1, "a": {"y": 2, "b": 3}})
    one = dataclasses.replace(r, violations=(v,), measures={"q": 1, "c": 2})
    two = dataclasses.replace(
        r,
        violations=(dataclasses.replace(v, details={"a": {"b": 3, "y": 2}, "z": 1}),),
        measures={"c": 2, "q": 1},
    )
    assert render(dataclasses.replace(report, results=(one,)), "json") == render(
        dataclasses.replace(report, results=(two,)), "json"
    )


# ---- SARIF -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    path = SHARED / "standards" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.fail(
            f"{path} not found: the shared folder must sit beside the checkout (or set CLOUDPACT_SHARED)"
        )
    return Draft4Validator(
        json.loads(path.read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


@pytest.mark.parametrize("case", CASES)
def test_sarif_is_valid_2_1_0(
    examples: dict[str, Report], sarif_validator: Draft4Validator, case: str
) -> None:
    doc = json.loads(render(examples[case], "sarif"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(doc)]
    assert not errors
    doc = json.loads(render(examples[case], "sarif", passes=True))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(doc)]
    assert not errors
    broken = copy.deepcopy(doc)
    broken["runs"][0]["results"][0]["level"] = "fatal"  # the validator does reject a bad log
    assert not sarif_validator.is_valid(broken)


def test_sarif_rules_are_clauses_with_contract_text_and_results_point_at_evidence(
    examples: dict[str, Report],
) -> None:
    run = json.loads(render(examples["breaches"], "sarif"))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert list(rules) == [c.id for c in load_catalogue()]
    scan = rules["2.2.1.7"]
    assert (
        "第二条 2(1) 第7项" in scan["help"]["text"] and "主机层面的安全扫描" in scan["help"]["text"]
    )
    failing = [r for r in run["results"] if r["ruleId"] == "2.2.1.7"]
    assert failing and all(r["kind"] == "fail" and r["level"] == "error" for r in failing)
    loc = failing[0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"] == {
        "uri": "security/vuln_scans.json",
        "uriBaseId": "BUNDLE",
    }
    assert loc["logicalLocations"][0]["fullyQualifiedName"].startswith(
        "security/vuln_scans.json#/scans"
    )
    # a manual clause (no accepted attestation) is a review item, not a failure
    import dataclasses

    from checker.model import Status

    report = examples["breaches"]
    first = dataclasses.replace(report.results[0], status=Status.MANUAL, violations=())
    manual_report = dataclasses.replace(report, results=(first, *report.results[1:]))
    run = json.loads(render(manual_report, "sarif", passes=True))["runs"][0]
    manual = next(r for r in run["results"] if r["ruleId"] == first.clause.id)
    assert manual["kind"] == "review" and manual["level"] == "none"


# ---- OSCAL -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_oscal_is_valid_against_trestle_models(examples: dict[str, Report], case: str) -> None:
    doc = json.loads(render(examples[case], "oscal"))
    model = AssessmentResults.model_validate(doc["assessment-results"])
    result = model.results[0]
    assert result.findings is not None and len(result.findings) == len(load_catalogue())
    assert result.observations
    broken = copy.deepcopy(doc["assessment-results"])
    broken["results"][0]["findings"][0]["target"]["status"] = {"state": "sort-of"}
    with pytest.raises(ValidationError):  # the models do reject a bad document
        AssessmentResults.model_validate(broken)


def test_oscal_findings_link_observations_and_evidence(examples: dict[str, Report]) -> None:
    doc = json.loads(render(examples["breaches"], "oscal"))["assessment-results"]
    result = doc["results"][0]
    observations = {o["uuid"]: o for o in result["observations"]}
    finding = next(f for f in result["findings"] if f["target"]["target-id"] == "clause-2.2.1.7")
    assert finding["target"]["status"] == {"state": "not-satisfied", "reason": "fail"}
    linked = [observations[x["observation-uuid"]] for x in finding["related-observations"]]
    hrefs = [e["href"] for o in linked for e in o["relevant-evidence"]]
    assert any(h.startswith("security/vuln_scans.json#/scans") for h in hrefs)
    passing = json.loads(render(examples["compliant"], "oscal"))["assessment-results"]["results"][0]
    scan_ok = next(f for f in passing["findings"] if f["target"]["target-id"] == "clause-2.2.1.7")
    assert scan_ok["target"]["status"] == {"state": "satisfied", "reason": "pass"}
    resources = {r["title"]: r for r in doc["back-matter"]["resources"]}
    assert resources["security/vuln_scans.json"]["rlinks"][0]["hashes"][0]["algorithm"] == "SHA-256"
    # the same inputs give the same uuids
    again = json.loads(
        render(
            dataclasses.replace(examples["breaches"], generated_at="2030-01-01T00:00:00+08:00"),
            "oscal",
        )
    )["assessment-results"]
    assert again["uuid"] == doc["uuid"]


# ---- HTML ------------------------------------------------------------------------------


PAGE_FACTS = {
    "title": "document.title",
    "clauses": "document.querySelectorAll('section.clause').length",
    "charts": "document.querySelectorAll('svg.chart').length",
    "chart_height": "Math.max(0, ...[...document.querySelectorAll('svg.chart')]"
    ".map(s => s.getBoundingClientRect().height))",
    "body_height": "document.body.getBoundingClientRect().height",
    "text": "document.body.innerText",
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_renders_in_headless_chromium_without_errors_or_network(
    examples: dict[str, Report], browser: Browser, tmp_path: Path, case: str, lang: str
) -> None:
    page = tmp_path / f"{case}.{lang}.html"
    page.write_text(render(examples[case], "html", lang), encoding="utf-8")
    run = browser.open(page.as_uri(), PAGE_FACTS)
    assert run.errors == []
    assert run.requests == [page.as_uri()]  # self-contained: nothing else is fetched
    v = run.values
    assert v["clauses"] == len(load_catalogue())
    assert v["body_height"] > 1000
    assert v["title"].startswith("合规报告" if lang == "zh" else "Compliance report")
    assert "第二条 2(1) 第7项" in v["text"]
    if case == "breaches":
        assert v["charts"] >= 1 and v["chart_height"] > 50


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>notDefinedAnywhere();</script>", "notDefinedAnywhere"),
        ("<script>console.error('boom from page')</script>", "boom from page"),
        (
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
            '<img src="http://127.0.0.1:9/x.png">',
            "Content Security Policy",
        ),
    ],
)
def test_the_browser_check_does_catch_page_errors(
    browser: Browser, tmp_path: Path, body: str, expected: str
) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>bad</title>{body}</head><body>x</body></html>"
    )
    run = browser.open(page.as_uri(), {"title": "document.title"})
    assert any(expected in e for e in run.errors), run.errors


def _with_measures(report: Report) -> Report:
    """The breaches report with figures shaped as the SLA and liability pieces report them."""
    out = []
    for r in report.results:
        if r.clause.id == "3.4.a":
            r = dataclasses.replace(
                r,
                status=Status.FAIL,
                expected=99.99,
                actual=99.93,
                measures={
                    "months": [
                        {"month": "2025-09", "downtime_minutes": {"S1": 10, "S2": 30}},
                        {"month": "2025-10", "downtime_minutes": {}},
                    ]
                },
            )
        elif r.clause.id == "3.8.a":
            r = dataclasses.replace(
                r,
                status=Status.PASS,
                measures={
                    "mean_minutes": 3.1,
                    "worst_minutes": 4.9,
                    "limit_minutes": 5,
                    "monthly_mean_minutes": {"2025-09": 2.5, "2025-10": 3.7},
                },
            )
        elif r.clause.id == "3.8.b":
            r = dataclasses.replace(r, measures={})
        elif r.clause.id == "3.8.c":
            r = dataclasses.replace(
                r,
                status=Status.FAIL,
                measures={"mean_minutes": 40, "worst_minutes": 85, "limit_minutes": 60},
            )
        out.append(r)
    extra = {
        **report.extra,
        "liability": {
            "events": [
                {"event": "INC-1 + downtime:S3", "rows": [], "chosen": "A2.3", "amount": "1500.00"},
                {"event": "T-2 response", "rows": [], "chosen": "A2.7", "amount": "300.50"},
            ],
            "total": "1800.50",
            "deductible": {"from": "final", "instalment": "378040.00", "amount": "1800.50"},
        },
    }
    return dataclasses.replace(report, results=tuple(out), extra=extra)


def test_html_draws_charts_from_policy_figures_and_skips_absent_ones(
    examples: dict[str, Report], browser: Browser, tmp_path: Path
) -> None:
    rich_report = _with_measures(examples["breaches"])
    html = render(rich_report, "html")
    assert "Cumulative downtime per system against the year&#39;s budget" in html
    assert "Response time per month against 5 minutes (3.8.a)" in html
    assert "On-site arrival time per month against 60 minutes (3.8.c)" in html
    assert "Handling time" not in html  # 3.8.b reported no figures: no chart
    assert "1,800.50" in html and "T-2 response" in html and "A2.7" in html
    # cumulative downtime per system: S2 30 min after September, still 30 after October
    assert html.count("<title>S2: 30 min</title>") == 2 and "<title>S1: 10 min</title>" in html
    page = tmp_path / "figures.html"
    page.write_text(html, encoding="utf-8")
    run = browser.open(page.as_uri(), PAGE_FACTS)
    assert run.errors == []
    assert run.values["charts"] == 5  # quantities, availability, 3.8.a, 3.8.c, ledger
    bare = examples["compliant"]
    bare = dataclasses.replace(
        bare,
        results=tuple(dataclasses.replace(r, measures={}) for r in bare.results),
        extra={k: v for k, v in bare.extra.items() if k != "liability"},
    )
    plain = render(bare, "html")
    assert "Cumulative downtime" not in plain and "Liability ledger" not in plain
    assert "Response time per month" not in plain


# ---- text and progress ---------------------------------------------------------------


def test_text_is_coloured_only_when_asked(examples: dict[str, Report]) -> None:
    report = examples["breaches"]
    assert "\x1b[" not in Format.TEXT.to_renderer(color=False).render(report)
    assert "\x1b[" in Format.TEXT.to_renderer(color=True).render(report)


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty, self.written = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.written += text
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal(tty: bool) -> None:
    stream = _Terminal(tty)
    with steps(3, stream) as step:  # type: ignore[arg-type]
        for name in ("checking", "rendering json", "rendering html"):
            step(name)
    assert bool(stream.written) is tty


# ---- coverage ----------------------------------------------------------------------------


def _clause(
    cid: str, automated: bool, policy: str | None, kinds: tuple[str, ...] = ("vuln_scan",)
) -> Clause:
    return Clause(
        cid, Title("标题", "title"), "第二条", "text", kinds, automated, "high", "第二条", policy
    )


def _policy(path: str, package: str, clause: str | None, deny: bool = True) -> PolicyInfo:
    source = f"package {package}\n" + ("deny contains v if { v := 1 }\n" if deny else "x := 1\n")
    return PolicyInfo(
        PolicyFile(path, source), package, {"custom": {"clause": clause}} if clause else {}
    )


def test_coverage_flags_every_kind_of_gap() -> None:
    catalogue = [
        _clause("1.1", True, "contract.a"),  # fine
        _clause("1.2", True, "contract.b"),  # no policy declares it
        _clause("1.3", False, None),  # manual, but a policy decides it
        _clause("1.4", True, "contract.wrong"),  # package name differs
        _clause("1.5", True, "contract.e", ("nothing_like_it",)),  # kind without schema
        _clause("1.6", False, None, ("attestation",)),  # manual: listed, not flagged
    ]
    found = [
        _policy("a/a.rego", "contract.a", "1.1"),
        _policy("c/c.rego", "contract.c", "1.3"),
        _policy("d/d.rego", "contract.d", "1.4"),
        _policy("e/e.rego", "contract.e", "1.5"),
        _policy("x/x.rego", "contract.x", "9.9"),  # clause not in the catalogue
        _policy("y/y.rego", "contract.y", None),  # deny rules, no clause
        _policy("lib/l.rego", "contract.lib", None, deny=False),  # a library: fine
        _policy("a/a_test.rego", "contract.a_test", None),  # tests are ignored
    ]
    cov = coverage(catalogue, found, ["vuln_scan"])
    problems = {r.clause.id: r.problems for r in cov.rows}
    assert problems["1.1"] == () and problems["1.6"] == ()
    assert "no policy declares" in problems["1.2"][0]
    assert "marks it manual" in problems["1.3"][0]
    assert "catalogue names package contract.wrong" in problems["1.4"][0]
    assert "nothing_like_it has no schema" in problems["1.5"][0]
    assert [r.clause.id for r in cov.manual] == ["1.3", "1.6"]
    assert len(cov.orphans) == 2
    assert any("9.9" in o for o in cov.orphans) and any("contract.y" in o for o in cov.orphans)


def test_catalogue_command_on_this_checkout(cli: Cli) -> None:
    r = cli("catalogue", "--format", "json")
    doc = r.json()
    assert [c["clause"] for c in doc["clauses"]] == [c.id for c in load_catalogue()]
    assert r.code == (
        1 if doc["orphan_policies"] or any(c["problems"] for c in doc["clauses"]) else 0
    )
    scan = next(c for c in doc["clauses"] if c["clause"] == "2.2.1.7")
    assert scan["policy_file"] == "services/host_vuln_scan/host_vuln_scan.rego"
    assert {
        "kind": "vuln_scan",
        "schema": "schemas/evidence/vuln_scan.schema.json",
        "optional": False,
    } in scan["evidence"]
    assert set(doc["manual"]) == {c.id for c in load_catalogue() if not c.automated}
    text = cli("catalogue").out
    assert "clauses automated; manual:" in text
    assert len(policies.discover()) and schemas.known_kinds()


def test_html_has_a_coverage_section(examples: dict[str, Report]) -> None:
    html = render(examples["compliant"], "html", "en")
    assert (
        "Coverage: clause" in html
        and "policies/services/host_vuln_scan/host_vuln_scan.rego" in html
    )


def test_clause_result_model_is_unchanged_for_formats(examples: dict[str, Report]) -> None:
    # renderers never mutate the report (frozen model): rendering twice gives the same text
    report = examples["breaches"]
    assert all(isinstance(r, ClauseResult) for r in report.results)
    for f in Format:
        assert render(report, f.value) == render(report, f.value)


def test_all_formats_into_one_folder_and_every_one_carries_the_input_digests(
    cli: Cli, tmp_path: Path, examples: dict[str, Report]
) -> None:
    args = [a for f in FORMATS for a in ("--format", f)]
    r = cli("check", paths.EXAMPLES / "breaches", *args, "--output", tmp_path / "out")
    assert r.code == 1
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(
        ["report.txt", "report.json", "report.xml", "report.md", "report.sarif", "report.html",
         "report.oscal.json"]
    )
    digest = examples["breaches"].inputs["policies_sha256"]
    for name in names:
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert examples["breaches"].manifest_sha256 in text and digest in text, name
