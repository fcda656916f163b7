"""Reports people act on (issue 16): which items failed and why, what it costs, in zh and en.

The breaches report in headless Chromium (zh and en): every failed quantity clause lists the
items it did not count with the reason; every ledger amount is recomputed from the numbers
on the page. Markdown parses (CommonMark) into one heading per clause. The zh text carries
no English message text and every number of the en one. SARIF fingerprints are the same
across two runs. Message ids are translated in both languages. Output options of `check`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shlex
import stat
import subprocess
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from checker import paths
from checker.catalogue import load_catalogue
from checker.check import run_check
from checker.i18n import LOCALES, MESSAGE_ID, Translator, catalogue, missing_translations
from checker.model import Report, Status, Violation
from checker.report import Format
from checker.report.pointers import positions
from checker.store.local import LocalStore
from tests.browser import Browser, chromium_binary
from tests.conftest import SHARED

FIXED_TIME = "2026-09-03T09:00:00+08:00"
FEN = Decimal("0.01")


@pytest.fixture(scope="module")
def breaches() -> Report:
    r = run_check(LocalStore(paths.EXAMPLES / "breaches"))
    return dataclasses.replace(r, generated_at=FIXED_TIME, bundle=str(paths.EXAMPLES / "breaches"))


@pytest.fixture(scope="module")
def compliant() -> Report:
    r = run_check(LocalStore(paths.EXAMPLES / "compliant"))
    return dataclasses.replace(r, generated_at=FIXED_TIME)


def render(report: Report, fmt: str, lang: str = "en", **options: Any) -> str:
    return Format(fmt).to_renderer(lang=lang, **options).render(report)


def money(text: str) -> Decimal:
    return Decimal(re.sub(r"[^\d.\-]", "", text.replace("−", "-")))


# ---- HTML in a real browser -------------------------------------------------------------

PAGE = {
    "excluded": "[...document.querySelectorAll('section.clause')].map(s => [s.id, "
                "[...s.querySelectorAll('ul.excluded li, ul.excluded-rest li')].map(li => li.textContent)])",
    "ledger": "[...document.querySelectorAll('table.ledger tr')].map(tr => "
              "[tr.className, [...tr.children].map(c => c.textContent.trim())])",
    "total": "document.getElementById('ledger-total').textContent",
    "deductible": "document.getElementById('ledger-deductible').textContent",
    "not_deductible": "document.getElementById('ledger-not-deductible').textContent",
    "instalment": "document.querySelector('#ledger-deductible').previousElementSibling.textContent",
    "termination": "[...document.querySelectorAll('#termination + table tr')].map(tr => tr.textContent)",
    "text": "document.body.innerText",
    "scripts": "document.scripts.length",
}
SYSTEM_FEE = re.compile(r"([\d,]+\.\d\d) [/÷] (\d+) .*?× ([\d.]+)% = ([\d,]+\.\d\d)")
PER_DAY = re.compile(r"([\d,]+\.\d\d) × ([\d.]+)% × (\d+) .*?= ([\d,]+\.\d\d)")
SHARE = re.compile(r"([\d,]+\.\d\d) × ([\d.]+)% = ([\d,]+\.\d\d)")


def recompute(calculation: str) -> tuple[Decimal, Decimal]:
    """(amount computed from the numbers shown, amount shown) of one ledger row."""
    num = lambda s: Decimal(s.replace(",", ""))  # noqa: E731
    if m := SYSTEM_FEE.search(calculation):
        fee, months, coeff, shown = num(m[1]), num(m[2]), num(m[3]), num(m[4])
        return (fee / months * coeff / 100).quantize(FEN, ROUND_HALF_UP), shown
    if m := PER_DAY.search(calculation):
        price, rate, days, shown = num(m[1]), num(m[2]), num(m[3]), num(m[4])
        return (price * rate / 100 * days).quantize(FEN, ROUND_HALF_UP), shown
    if m := SHARE.search(calculation):
        price, rate, shown = num(m[1]), num(m[2]), num(m[3])
        return (price * rate / 100).quantize(FEN, ROUND_HALF_UP), shown
    raise AssertionError(f"no formula with numbers in {calculation!r}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_breaches_html_shows_excluded_items_and_a_ledger_recomputable_from_the_page(
    breaches: Report, browser: Browser, tmp_path: Path, lang: str
) -> None:
    page = tmp_path / f"breaches.{lang}.html"
    page.write_text(render(breaches, "html", lang), encoding="utf-8")
    run = browser.open(page.as_uri(), PAGE)
    assert run.errors == [] and run.values["scripts"] == 0
    tr = Translator(lang)
    shown = {sid.removeprefix("clause-"): items for sid, items in run.values["excluded"]}
    failed_quantity = [r for r in breaches.results
                       if r.status is Status.FAIL and r.expected is not None and r.excluded]
    assert len(failed_quantity) >= 14
    for r in failed_quantity:
        items = shown[r.clause.id]
        assert len(items) == len(r.excluded), r.clause.id
        for x, text in zip(r.excluded, items, strict=True):
            assert x.evidence in text and tr.message(x.reason) in text, (r.clause.id, text)
    # the ledger: every row's amount from the numbers on its line, events and totals
    rows = run.values["ledger"]
    events: list[tuple[Decimal, list[tuple[bool, Decimal]]]] = []
    for cls, cells in rows[1:]:
        if cls == "event":
            events.append((money(cells[-1].split()[-1]), []))
        elif len(cells) == 5 and events:
            computed, shown_amount = recompute(cells[1])
            assert computed == shown_amount == money(cells[4]), cells
            assert cells[2] and cells[3], f"row without reason or evidence: {cells}"
            events[-1][1].append((cls == "chosen", shown_amount))
    ledger = breaches.extra["liability"]
    assert len(events) == len(ledger.events)
    for amount, matched in events:
        chosen = [a for is_chosen, a in matched if is_chosen]
        assert chosen == [amount] and amount == max(a for _, a in matched)  # 12.3
    total = money(run.values["total"])
    assert total == sum(a for a, _ in events)
    instalment = money(re.findall(r"¥([\d,]+\.\d\d)", run.values["instalment"])[-1])
    assert money(run.values["deductible"]) == min(total, instalment)
    assert money(run.values["not_deductible"]) == total - min(total, instalment)
    assert re.search(r"\d,\d{3},\d{3}\.\d\d", run.values["total"])  # separators
    text = run.values["text"]
    assert "late:6.3.2:2026-01" not in text or tr.message(
        next(e for e in ledger.events if e.event == "late:6.3.2:2026-01").chosen.why) in text
    for right in ("12.1", "12.2", "15.11"):
        assert any(t.strip().startswith(right) for t in run.values["termination"]), right


def test_html_screenshot_is_taken_and_not_blank(breaches: Report, tmp_path: Path) -> None:
    binary = chromium_binary()
    assert binary
    page = tmp_path / "breaches.zh.html"
    page.write_text(render(breaches, "html", "zh"), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1200,2400", page.as_uri()], check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert shot.is_file() and shot.stat().st_size > 50_000


# ---- Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", ["compliant", "breaches"])
def test_markdown_parses_into_one_heading_per_clause(
    breaches: Report, compliant: Report, case: str, lang: str
) -> None:
    report = breaches if case == "breaches" else compliant
    tokens = MarkdownIt("commonmark").enable("table").parse(render(report, "markdown", lang))
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    ids = [c.id for c in load_catalogue()]
    clause_headings = [h for h in h2 if h.split(" ")[0] in ids]
    assert [h.split(" ")[0] for h in clause_headings] == ids  # every clause once, passes included
    assert len([t for t in tokens if t.type == "heading_open" and t.tag == "h1"]) == 1


# ---- text ---------------------------------------------------------------------------------

_ENGLISH_RUN = re.compile(r"\b[a-z]{2,}(?:[ ,'-]+[a-z]{2,}){1,}\b")


def _evidence_strings(bundle: Path) -> set[str]:
    """String values of the evidence (names, labels): data, not message text."""
    out: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, str) and len(x) < 200:
            out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for f in bundle.rglob("*.json"):
        if f.stat().st_size < 5_000_000:
            walk(json.loads(f.read_text(encoding="utf-8")))
    return out


def test_zh_text_has_no_english_message_text_and_keeps_every_number(breaches: Report) -> None:
    zh = render(breaches, "text", "zh", width=200)
    en = render(breaches, "text", "en", width=200)
    data = sorted(_evidence_strings(paths.EXAMPLES / "breaches"), key=len, reverse=True)
    stripped = zh
    for s in data:
        if re.search(r"[A-Za-z]{3}", s) and len(s) > 3:
            stripped = stripped.replace(s, " ")
    stripped = re.sub(r"\S*[/#_]\S*", " ", stripped)  # paths, pointers, field names
    stripped = re.sub(r"engine: .*|引擎：.*", " ", stripped)
    english = [m.group() for m in _ENGLISH_RUN.finditer(stripped)]
    assert english == []
    numbers = lambda t: set(re.findall(r"\d[\d,.:]*\d|\d", t))  # noqa: E731
    assert numbers(en) <= numbers(zh)
    for word in ("Clause", "Status", "Title", "fail", "pass", "manual", "host"):
        assert not re.search(rf"\b{word}\b", stripped), word


def test_text_fits_80_columns_and_never_cuts_a_chinese_title(breaches: Report) -> None:
    for lang in ("en", "zh"):
        text = render(breaches, "text", lang, width=80)
        widths = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                  for line in text.splitlines()]
        assert max(widths) <= 80, lang
        assert "…" not in text
    flat = re.sub(r"\s+", "", render(breaches, "text", "zh", width=80))
    for r in breaches.results:
        assert re.sub(r"\s+", "", r.clause.title.zh) in flat, r.clause.id


def test_text_summary_first_only_failing_quiet_and_no_none(breaches: Report) -> None:
    full = render(breaches, "text")
    first = full.splitlines()[0]
    assert first.startswith("FW2025082202: 91 clauses: fail 77") and "exit 1" in first
    assert "None" not in full
    failing = render(breaches, "text", only_failing=True)
    passing = [r.clause.id for r in breaches.results if r.status is Status.PASS]
    assert not any(re.search(rf"^{re.escape(c)}\s", failing, re.M) for c in passing)
    assert re.search(r"^2\.2\.1\.1\s", failing, re.M)
    assert render(breaches, "text", quiet=True).strip() == first
    assert "inventory/hosts.json#/hosts/0" in full  # the item, with the reason
    assert "no valid licence recorded" in full


def test_cli_output_options(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    breaches = paths.EXAMPLES / "breaches"
    r = cli("check", breaches, "--quiet")
    assert r.code == 1 and len(r.out.splitlines()) == 1 and "\x1b[" not in r.out
    assert cli("check", breaches, "--quiet", "--fail-on", "report-only").code == 0
    assert cli("check", breaches, "--quiet", "--fail-on", "missing,invalid").code == 0
    assert cli("check", breaches, "--quiet", "--fail-on", "fail").code == 1
    bad = cli("check", breaches, "--fail-on", "failing")
    assert bad.code == 2 and "--fail-on" in bad.err and "report-only" in bad.err
    monkeypatch.chdir(tmp_path)
    refused = cli("check", breaches, "-o", "json")
    assert refused.code == 2 and "--format json" in refused.err and not (tmp_path / "json").exists()
    r = cli("check", breaches, "--format", "json", "-o", "report.json")
    assert r.code == 1 and "{" not in r.err and "fail 77" in r.err and "report.json" in r.err
    target = tmp_path / "target.txt"
    target.write_text("keep")
    (tmp_path / "link.json").symlink_to(target)
    r = cli("check", breaches, "--format", "json", "-o", "link.json")
    assert r.code == 2 and "symbolic link" in r.err and target.read_text() == "keep"
    os.mkfifo(tmp_path / "fifo.json")
    r = cli("check", breaches, "--format", "json", "-o", "fifo.json")
    assert r.code == 2 and "not a regular file" in r.err
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo.json").st_mode)


def test_no_color_and_NO_COLOR(breaches: Report) -> None:
    from checker.report.options import use_color

    assert use_color(None, "text", tty=True, no_color=False, environ={})
    assert not use_color(None, "text", tty=True, no_color=True, environ={})
    assert not use_color(None, "text", tty=True, no_color=False, environ={"NO_COLOR": "1"})
    assert not use_color(None, "text", tty=False, no_color=False, environ={})
    assert not use_color(Path("r.txt"), "text", tty=True, no_color=False, environ={})
    assert "\x1b[" not in render(breaches, "text", color=False)
    assert "\x1b[" in render(breaches, "text", color=True)


def test_progress_bar_pulses_while_the_check_runs() -> None:
    import io

    from checker.report.progress import steps

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    with steps(3, stream=out) as step:
        step("checking")
        step("rendering text")
        step("rendering json")
    # rich draws the pulse when the task has no total, then the counter of the steps
    assert "3/3" in out.getvalue() or "/3" in out.getvalue()


# ---- SARIF -------------------------------------------------------------------------------


def test_sarif_fingerprints_identical_across_two_runs_and_regions_at_the_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(paths.ROOT)
    one = run_check(LocalStore(paths.EXAMPLES / "breaches"))
    two = dataclasses.replace(run_check(LocalStore(paths.EXAMPLES / "breaches")),
                              generated_at="2030-01-01T00:00:00+08:00")
    a = json.loads(render(one, "sarif"))["runs"][0]
    b = json.loads(render(two, "sarif"))["runs"][0]
    fa = [r["partialFingerprints"]["cloudpact/v1"] for r in a["results"]]
    assert fa == [r["partialFingerprints"]["cloudpact/v1"] for r in b["results"]]
    assert len(set(fa)) == len(fa)
    assert all(r["kind"] == "fail" for r in a["results"])  # failures only by default
    base = a["originalUriBaseIds"]
    root = base.get("%SRCROOT%", base["BUNDLE"])["uri"]
    assert root.startswith("file:///") or "://" in root
    hosts = next(r for r in a["results"] if r["ruleId"] == "2.2.1.1")
    related = hosts["relatedLocations"]
    assert related[0]["logicalLocations"][0]["fullyQualifiedName"] == "inventory/hosts.json#/hosts/0"
    line = related[0]["physicalLocation"]["region"]["startLine"]
    text = (paths.EXAMPLES / "breaches" / "inventory" / "hosts.json").read_text().splitlines()
    host0 = json.loads((paths.EXAMPLES / "breaches" / "inventory" / "hosts.json").read_text())["hosts"][0]
    assert text[line - 1].strip() == "{" and host0["host_id"] in text[line]
    passes = json.loads(render(one, "sarif", passes=True))["runs"][0]["results"]
    assert {r["kind"] for r in passes} >= {"fail", "pass"}


def test_json_pointer_positions() -> None:
    text = '{\n "a": [1, {"b/c": 2, "d": [3]}],\n "e": {"x": "}"}\n}'
    at = positions(text, ["/a/1/b~1c", "/a/1/d/0", "/e/x", "/a/5", ""])
    assert at == {"/a/1/b~1c": (2, 19), "/a/1/d/0": (2, 28), "/e/x": (3, 13), "": (1, 1)}


# ---- ledger ------------------------------------------------------------------------------


def test_a_waived_violation_carries_no_fine(breaches: Report) -> None:
    results = []
    for r in breaches.results:
        if r.clause.id == "3.4.a":
            vs = tuple(dataclasses.replace(v, waiver="W-1") if v.details.get("system_id") == "S2" else v
                       for v in r.violations)
            r = dataclasses.replace(r, violations=vs)
        results.append(r)
    report = dataclasses.replace(breaches, results=tuple(results))
    doc = json.loads(render(report, "json"))["liability"]
    s2 = next(e for e in doc["events"] if e["event"] == "downtime:S2")
    assert s2["waived_by"] == ["W-1"] and s2["fine"] == "0.00"
    assert Decimal(doc["total_after_waivers"]) == Decimal(doc["total"]) - Decimal(s2["amount"])
    assert "W-1" in render(report, "html")


def test_json_ledger_rows_carry_reason_evidence_and_inputs(breaches: Report) -> None:
    doc = json.loads(render(breaches, "json"))["liability"]
    for e in doc["events"]:
        assert e["reason"]
        for row in e["rows"]:
            assert row["why"] and row["evidence"] and row["inputs"] and row["recomputed"] is True


# ---- translations ------------------------------------------------------------------------


def _used_msgids() -> set[str]:
    from babel.messages.extract import extract_from_dir

    ids = {m for _, _, m, _, _ in extract_from_dir(
        str(paths.ROOT),
        method_map=[("checker/report/**.py", "python"), ("checker/i18n/**.py", "python"),
                    ("checker/report/templates/**.j2", "jinja2")],
        keywords={"_": None, "tr": None, "t": None}) if isinstance(m, str)}
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))
    ids |= {s["unit"] for s in params.get("services", {}).values() if isinstance(s, dict) and s.get("unit")}
    for rego in paths.POLICIES.rglob("*.rego"):  # message ids policies give beside msg
        if not rego.name.endswith("_test.rego"):
            ids |= set(re.findall(r'"id":\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"', rego.read_text()))
    from checker.report.ledger import EVENT_KINDS

    return ids | set(EVENT_KINDS.values()) | {"ledger.event.incident"}


def test_every_message_id_used_is_translated_in_both_languages(breaches: Report) -> None:
    used = _used_msgids()
    used |= {r.unit for r in breaches.results if r.unit}
    assert missing_translations(used) == {}
    assert missing_translations({"no.such.message"}) == {
        loc: ["no.such.message"] for loc in LOCALES.values()
    }
    # every policy message id has the same placeholders in zh as in en
    for msgid, en in catalogue("en").items():
        if MESSAGE_ID.match(msgid):
            zh = catalogue("zh_CN")[msgid]
            assert sorted(re.findall(r"\{(\w+)\}", en)) == sorted(re.findall(r"\{(\w+)\}", zh)), msgid


def test_policy_message_ids_with_params_and_the_fallback_to_msg() -> None:
    zh, en = Translator("zh"), Translator("en")
    params = {"actual": 111, "unit": "host", "expected": 113, "shortfall": 2}
    v = Violation("delivered 111 host, contracted 113 (shortfall 2) [2.2.1.1]", "h.json#/hosts",
                  {"id": "quantity.shortfall", "params": params})
    assert zh.message(v.message, v.details) == "实际交付 111 台，合同约定 113（短缺 2）"
    assert en.message(v.message, v.details) == "delivered 111 host, contracted 113 (shortfall 2)"
    # no id: the English text is recognised, the clause tail kept
    assert zh.message(v.message) == "实际交付 111 台，合同约定 113（短缺 2） [2.2.1.1]"
    # an unknown id, or params that do not fill it: msg as written
    assert zh.message("something new", {"id": "no.such", "params": {}}) == "something new"
    assert zh.message("x", {"id": "quantity.shortfall", "params": {"actual": 1}}) == "x"
    assert zh.money("1512160.00") == "¥1,512,160.00" and en.money("1512160") == "CN¥1,512,160.00"


# ---- cloudpact test, pre-commit, CI templates --------------------------------------------


def test_cloudpact_test_runs_the_rego_tests(cli: Any, tmp_path: Path) -> None:
    r = cli("test", "-v", "--run", "commercial_os")
    assert r.code == 0 and "test_success_" in r.out and re.search(r"PASS: (\d+)/\1", r.out)
    pkg = tmp_path / "p"
    pkg.mkdir()
    (pkg / "p.rego").write_text("package contract.p\n\nx := 1\n")
    (pkg / "p_test.rego").write_text(
        "package contract.p_test\n\nimport data.contract.p\n\n"
        "test_success_one if p.x == 1\n\ntest_fail_two if p.x == 2\n")
    r = cli("test", "--policies", tmp_path)
    assert r.code == 1 and "test_fail_two: FAIL" in r.out and "PASS: 1/2" in r.out
    assert cli("test", "--run", "(").code == 2


def _run_lines(lines: list[str], cwd: Path, env: dict[str, str]) -> list[int]:
    codes = []
    for line in lines:
        if not line.strip().startswith("cloudpact "):
            continue
        argv = shlex.split(re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m[1], m[0]), line))
        argv[0] = str(Path(sys.executable).with_name("cloudpact"))
        codes.append(subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=300).returncode)
    return codes


def test_ci_templates_run_their_commands(tmp_path: Path) -> None:
    from jsonschema import Draft4Validator

    env = {**os.environ, "BUNDLE": str(paths.EXAMPLES / "compliant")}
    gh = yaml.safe_load((paths.ROOT / "ci-templates" / "github-actions.yml").read_text())
    steps = gh["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    (tmp_path / "gh").mkdir()
    assert _run_lines(runs, tmp_path / "gh", env) == [0]
    sarif = json.loads((tmp_path / "gh" / upload["with"]["sarif_file"]).read_text())
    schema = json.loads((SHARED / "standards" / "sarif-schema-2.1.0.json").read_text())
    assert Draft4Validator(schema).is_valid(sarif)
    gl = yaml.safe_load((paths.ROOT / "ci-templates" / "gitlab-ci.yml").read_text())["cloudpact"]
    (tmp_path / "gl").mkdir()
    assert _run_lines(gl["script"], tmp_path / "gl", env) == [0]
    import xml.etree.ElementTree as ET

    junit = ET.parse(tmp_path / "gl" / gl["artifacts"]["reports"]["junit"]).getroot()
    assert junit.tag == "testsuites" and int(junit.get("tests", "0")) == len(load_catalogue())


def test_pre_commit_hooks_run_their_entries() -> None:
    hooks = yaml.safe_load((paths.ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"cloudpact-check", "cloudpact-test"}
    for h in hooks:
        line = " ".join([h["entry"], *map(shlex.quote, h.get("args", [])), *(
            ["--run", "commercial_os"] if h["id"] == "cloudpact-test" else [])])
        assert _run_lines([line], paths.ROOT, dict(os.environ)) == [0], h["id"]
