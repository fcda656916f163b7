"""Bundles built by hand (`bundle init/add/seal`) and spreadsheet intake (`template`,
`import sheet`), issue 18: nothing overwritten, refusals leave the folder byte-identical,
every register-like kind survives a template round trip, bad cells are named."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from checker import paths
from checker.authoring import draft, sheets
from checker.check import run_check
from checker.store.local import LocalStore
from tests.conftest import CliResult

EXAMPLE = paths.EXAMPLES / "compliant"
MANIFEST = json.loads((EXAMPLE / "manifest.json").read_text(encoding="utf-8"))
FILES = {f["path"]: f["kind"] for f in MANIFEST["files"]}
BY_KIND: dict[str, list[str]] = {}
for _path, _kind in FILES.items():
    BY_KIND.setdefault(_kind, []).append(_path)


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            if p.is_file() else "<dir>" for p in sorted(root.rglob("*"))}


def strip_nulls(x: Any) -> Any:
    """None and empty lists dropped: a spreadsheet cell cannot tell them from absent."""
    if isinstance(x, dict):
        return {k: strip_nulls(v) for k, v in x.items() if v is not None and v != []}
    if isinstance(x, list):
        return [strip_nulls(v) for v in x]
    return x


def as_typed(value: Any) -> Any:
    """A cell as Excel stores what a person typed: RFC 3339 times become datetime cells."""
    if isinstance(value, str) and len(value) >= 19 and value[10] == "T" and value.endswith("+08:00"):
        return datetime.fromisoformat(value).replace(tzinfo=None)
    return value


def sheet_of(kind: str, doc: dict[str, Any], out: Path, *, typed: bool = True) -> Path:
    rows = sheets.rows_from_records(kind, doc)
    if typed:
        rows = {k: ([[as_typed(v) for v in r] for r in v] if k != sheets.META else v)
                for k, v in rows.items()}
    sheets.write_template(kind, "xlsx", out, rows=rows)
    return out


# ---- bundle init / add / seal ------------------------------------------------------------
def test_init_add_seal_gives_a_bundle_that_validates(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    b = tmp_path / "b"
    assert cli("bundle", "init", b, "--contract", "FW2025082202").code == 0
    assert cli("check", b).code == 2, "a draft has no manifest: nothing can check it by mistake"
    for rel in ("service/tickets.json", "inventory/hosts.json"):
        r = cli("bundle", "add", b, EXAMPLE / rel, "--kind", FILES[rel])
        assert r.code == 0 and "added" in r.out
    again = cli("bundle", "add", b, EXAMPLE / "service/tickets.json", "--kind", "tickets")
    assert again.code == 0 and "unchanged" in again.out
    assert cli("bundle", "seal", b).code == 0
    manifest = json.loads((b / "manifest.json").read_text())
    assert manifest["period"] == {"start": "2025-09-03T00:00:00+08:00",
                                  "end": "2026-09-03T00:00:00+08:00"}  # the contract term
    assert {f["path"] for f in manifest["files"]} == {"tickets/tickets.json",
                                                       "host_inventory/hosts.json"}
    assert not (b / draft.DRAFT).exists()
    v = cli("validate", b)
    assert v.code == 0 and "0 not usable" in v.out


def test_seal_with_party_b_key_signs_the_manifest(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    b = tmp_path / "b"
    draft.init(b, "FW2025082202")
    draft.add(b, EXAMPLE / "service/tickets.json", "tickets")
    key = paths.EXAMPLES / "keys" / "party_b.key.pem"
    assert cli("bundle", "seal", b, "--key", key).code == 0
    assert (b / "manifest.json.sig").is_file()
    v = cli("verify", b / "manifest.json", "--trust", paths.EXAMPLES / "example-trust.yaml")
    assert v.code == 0 and "Party B" in v.out
    (b / "manifest.json").write_bytes((b / "manifest.json").read_bytes().replace(b"ops", b"opz"))
    bad = cli("verify", b / "manifest.json", "--trust", paths.EXAMPLES / "example-trust.yaml")
    assert bad.code == 1


def test_a_different_file_under_a_listed_name_is_refused_byte_identical(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    b = tmp_path / "b"
    draft.init(b, "FW2025082202")
    draft.add(b, EXAMPLE / "service/tickets.json", "tickets", as_path="t.json")
    before = snapshot(b)
    other = tmp_path / "other.json"
    doc = json.loads((EXAMPLE / "service/tickets.json").read_text())
    doc["tickets"] = doc["tickets"][:1]
    other.write_text(json.dumps(doc))
    r = cli("bundle", "add", b, other, "--kind", "tickets", "--as", "t.json")
    assert r.code == 2 and "not overwritten" in r.err and len(r.err.strip().splitlines()) == 1
    assert snapshot(b) == before


def test_add_refuses_a_schema_invalid_file_saying_where(tmp_path: Path) -> None:
    b = tmp_path / "b"
    draft.init(b, "FW2025082202", period="2025-09-03/2025-09-30")
    before = snapshot(b)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"kind": "tickets", "as_of": "2025-09-30T00:00:00+08:00",
                               "tickets": [{"ticket_id": "T1"}]}))
    with pytest.raises(draft.DraftError, match=r"fails tickets\.schema\.json at /tickets/0"):
        draft.add(b, bad, "tickets")
    assert snapshot(b) == before


def test_seal_names_each_file_changed_or_absent_and_writes_nothing(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    b = tmp_path / "b"
    draft.init(b, "FW2025082202")
    draft.add(b, EXAMPLE / "service/tickets.json", "tickets")
    draft.add(b, EXAMPLE / "inventory/hosts.json", "host_inventory")
    (b / "tickets/tickets.json").write_text("{}")
    (b / "host_inventory/hosts.json").unlink()
    before = snapshot(b)
    r = cli("bundle", "seal", b)
    assert r.code == 2
    assert "tickets/tickets.json: changed since it was added" in r.err
    assert "host_inventory/hosts.json: listed but absent" in r.err
    assert snapshot(b) == before and not (b / "manifest.json").exists()


def test_init_refuses_a_non_empty_folder_and_a_sealed_bundle_is_never_changed(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    assert cli("bundle", "init", EXAMPLE, "--contract", "FW2025082202").code == 2
    before = snapshot(EXAMPLE)
    r = cli("bundle", "add", EXAMPLE, EXAMPLE / "service/tickets.json", "--kind", "tickets",
            "--as", "x.json")
    assert r.code == 2 and "sealed" in r.err
    assert snapshot(EXAMPLE) == before


def test_period_dates_are_inclusive_days_in_the_contract_zone(tmp_path: Path) -> None:
    d = draft.init(tmp_path / "b", "FW2025082202", period="2025-09-03/2025-09-09")
    assert d["period"] == {"start": "2025-09-03T00:00:00+08:00", "end": "2025-09-10T00:00:00+08:00"}
    with pytest.raises(Exception, match="not after the start"):
        draft.init(tmp_path / "c", "FW2025082202", period="2025-09-09/2025-09-01")


# ---- templates ------------------------------------------------------------------------------
def test_xlsx_template_names_every_column_in_chinese_and_english(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    out = tmp_path / "tickets.xlsx"
    assert cli("template", "tickets", "--format", "xlsx", "-o", out).code == 0
    wb = load_workbook(out)
    header = [c.value for c in wb["tickets"][1]]
    cell = next(h for h in header if h.startswith("reported_at\n"))
    assert "报告时间" in cell and "reported at" in cell and "Asia/Shanghai" in cell
    assert "TRUE/FALSE" in next(h for h in header if h.startswith("onsite_required\n"))
    meta = {r[0].value: r[1].value for r in wb["meta"].iter_rows(min_row=2)}
    assert meta["kind"] == "tickets" and meta["timezone"] == "Asia/Shanghai"
    assert cli("template", "tickets", "-o", out).code == 2, "an existing file is never replaced"


def test_csv_template_has_one_header_row(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    out = tmp_path / "p.csv"
    assert cli("template", "payments", "--format", "csv", "--table", "payments", "-o", out).code == 0
    (header,) = out.read_text(encoding="utf-8-sig").splitlines()
    assert header.startswith("payment_id") or "payment" in header.split(",")[0]


# ---- round trips --------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sheets.register_kinds())
def test_every_register_kind_survives_a_template_round_trip(kind: str, tmp_path: Path) -> None:
    assert kind in BY_KIND, f"the compliant example has no {kind} evidence to round-trip"
    doc = json.loads((EXAMPLE / BY_KIND[kind][0]).read_text(encoding="utf-8"))
    src = sheet_of(kind, doc, tmp_path / f"{kind}.xlsx")
    back = sheets.read_workbook(src.read_bytes(), src.name, kind, fmt="xlsx")
    assert strip_nulls(back) == strip_nulls({k: v for k, v in doc.items() if k != "provenance"})


def _bundle_with_sheet(tmp_path: Path, kind: str, sheet: Path) -> Path:
    b = tmp_path / "b"
    draft.init(b, MANIFEST["contract_id"], bundle_id=MANIFEST["bundle_id"])
    for rel, k in FILES.items():
        if k != kind:
            draft.add(b, EXAMPLE / rel, k, as_path=rel)
            if (EXAMPLE / f"{rel}.sig").is_file():  # Party A's signatures travel with the files
                (b / f"{rel}.sig").write_bytes((EXAMPLE / f"{rel}.sig").read_bytes())
    sheets.import_sheet(sheet, kind, b)
    draft.seal(b)
    return b


def verdicts(location: Path) -> dict[str, tuple[str, int]]:
    report = run_check(LocalStore(location))
    return {r.clause.id: (str(r.status), len(r.violations)) for r in report.results}


@pytest.mark.parametrize("kind", ["tickets", "duty_roster", "payments", "outages"])
def test_a_sheet_register_gives_the_verdicts_of_the_json_it_came_from(
    kind: str, tmp_path: Path
) -> None:
    doc = json.loads((EXAMPLE / BY_KIND[kind][0]).read_text(encoding="utf-8"))
    b = _bundle_with_sheet(tmp_path, kind, sheet_of(kind, doc, tmp_path / f"{kind}.xlsx"))
    manifest = json.loads((b / "manifest.json").read_text())
    raw = [f for f in manifest["files"] if f["kind"] == "raw"]
    assert len(raw) == 1 and raw[0]["path"].startswith("raw/sheet/"), "the sheet is kept, digested"
    assert verdicts(b) == verdicts(EXAMPLE)


def _tickets_sheet(out: Path, rows: list[list[Any]]) -> Path:
    lay = sheets.layout("tickets")
    (table,) = lay.tables
    wb = Workbook()
    ws = wb.active
    ws.title = "tickets"
    ws.append([c.header() for c in table.columns])
    names = [c.name for c in table.columns]
    for r in rows:
        ws.append([r.get(n) for n in names])  # type: ignore[attr-defined]
    meta = wb.create_sheet("meta")
    meta.append(["field", "value"])
    meta.append(["as_of", "2026/9/3 0:00"])
    wb.save(out)
    return out


def test_cells_typed_the_excel_way_are_read_in_the_contract_zone(tmp_path: Path) -> None:
    src = _tickets_sheet(tmp_path / "t.xlsx", [
        {"ticket_id": "T1", "system_id": "S1", "reported_at": "2026/3/5 9:07",
         "responded_at": 46086.38,  # an Excel serial: 2026-03-05 09:07:12
         "resolved_at": "2026-03-05T01:20:00Z", "onsite_required": False, "host_ids": "h1; h2"},
    ])
    doc = sheets.read_workbook(src.read_bytes(), "t.xlsx", "tickets", fmt="xlsx")
    (t,) = doc["tickets"]
    assert t["reported_at"] == "2026-03-05T09:07:00+08:00"
    assert t["responded_at"] == "2026-03-05T09:07:12+08:00"
    assert t["resolved_at"] == "2026-03-05T09:20:00+08:00"  # the zone in the cell wins
    assert t["onsite_required"] is False and t["host_ids"] == ["h1", "h2"]
    assert doc["as_of"] == "2026-09-03T00:00:00+08:00"


def test_every_bad_cell_is_named_and_nothing_is_written(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    src = _tickets_sheet(tmp_path / "t.xlsx", [
        {"ticket_id": "T1", "system_id": "S1", "reported_at": "2026/3/5 9:07",
         "onsite_required": False},
        {"ticket_id": "T2", "system_id": "S9x", "reported_at": "yesterday", "onsite_required": "maybe"},
        {"system_id": "S1", "reported_at": "2026/3/5 9:07", "onsite_required": True},
    ])
    b = tmp_path / "b"
    draft.init(b, "FW2025082202")
    before = snapshot(b)
    r = cli("import", "sheet", src, "--kind", "tickets", "--into", b)
    assert r.code == 2
    cols = {c.name: i for i, c in enumerate(sheets.layout("tickets").tables[0].columns)}
    letter = sheets._col_letter  # noqa: SLF001
    assert f"tickets!{letter(cols['reported_at'])}3: reported_at:" in r.err
    assert f"tickets!{letter(cols['onsite_required'])}3: onsite_required: 'maybe' is not TRUE" in r.err
    assert f"tickets!{letter(cols['ticket_id'])}4: ticket_id is required" in r.err
    assert snapshot(b) == before


def test_csv_sheet_into_a_sealed_bundle_keeps_the_raw_sheet(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    b = tmp_path / "b"
    draft.init(b, "FW2025082202")
    draft.add(b, EXAMPLE / "inventory/hosts.json", "host_inventory")
    draft.seal(b)
    src = tmp_path / "restarts.csv"
    doc = json.loads((EXAMPLE / BY_KIND["restart_records"][0]).read_text(encoding="utf-8"))
    rows = sheets.rows_from_records("restart_records", doc)
    sheets.write_template("restart_records", "csv", src, rows=rows)
    r = cli("import", "sheet", src, "--kind", "restart_records", "--into", b,
            "--as-of", doc["as_of"])
    assert r.code == 0, r.err
    manifest = json.loads((b / "manifest.json").read_text())
    kinds = {f["kind"] for f in manifest["files"]}
    assert {"raw", "restart_records"} <= kinds
    assert cli("validate", b).code == 0
    again = cli("import", "sheet", src, "--kind", "restart_records", "--into", b, "--as-of", doc["as_of"])
    assert again.code == 2 and "already imported" in again.err
