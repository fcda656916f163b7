"""Missing evidence never passes; changed or malformed evidence is `invalid`; a bundle
that cannot be trusted as a whole is refused with one line and exit 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

Cli = Callable[..., CliResult]
SCANS = "security/vuln_scans.json"


def statuses(result: CliResult) -> dict[str, str]:
    return {r["clause"]: r["status"] for r in result.json()["results"]}


def clauses_reading(result: CliResult, kind: str) -> set[str]:
    return {r["clause"] for r in result.json()["results"]
            if kind in r["evidence_kinds"] and r["status"] not in ("manual",)}


def manifest(bundle: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((bundle / "manifest.json").read_text())


def write_manifest(bundle: Path, data: dict) -> None:  # type: ignore[type-arg]
    (bundle / "manifest.json").write_text(json.dumps(data))


def test_removed_file_makes_its_clauses_missing(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    (b / SCANS).unlink()
    r = cli("check", b, "--format", "json")
    assert r.code == 1
    readers = clauses_reading(r, "vuln_scan")
    assert readers and all(statuses(r)[c] == "missing" for c in readers)
    assert all(s != "missing" for c, s in statuses(r).items() if c not in readers)


def test_kind_absent_from_manifest_is_missing_not_pass(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    m = manifest(b)
    m["files"] = [f for f in m["files"] if f["kind"] != "vuln_scan"]
    write_manifest(b, m)
    r = cli("check", b, "--format", "json")
    assert r.code == 1
    assert statuses(r)["2.2.1.7"] == "missing"


def test_one_changed_byte_makes_its_clauses_invalid(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    data = bytearray((b / SCANS).read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\t")
    (b / SCANS).write_bytes(bytes(data))
    r = cli("check", b, "--format", "json")
    assert r.code == 1
    assert statuses(r)["2.2.1.7"] == "invalid"
    (result,) = [x for x in r.json()["results"] if x["clause"] == "2.2.1.7"]
    assert "sha256" in result["reason"]


def _replace_with(b: Path, data: bytes) -> None:
    import hashlib

    (b / SCANS).write_bytes(data)
    m = manifest(b)
    for f in m["files"]:
        if f["path"] == SCANS:
            f["sha256"] = hashlib.sha256(data).hexdigest()
    write_manifest(b, m)


def test_evidence_that_is_not_json_is_invalid(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    _replace_with(b, b"<html>not json</html>")
    r = cli("check", b, "--format", "json")
    assert r.code == 1 and statuses(r)["2.2.1.7"] == "invalid"


def test_evidence_failing_its_schema_is_invalid_and_its_data_unused(
    cli: Cli, bundle_copy: Callable[[str], Path]
) -> None:
    b = bundle_copy("compliant")
    doc = json.loads((b / SCANS).read_text())
    doc["scans"][0]["started_at"] = "2025-10-01 09:00:00"  # no offset: not RFC 3339
    _replace_with(b, json.dumps(doc).encode())
    r = cli("check", b, "--format", "json")
    assert r.code == 1 and statuses(r)["2.2.1.7"] == "invalid"
    (result,) = [x for x in r.json()["results"] if x["clause"] == "2.2.1.7"]
    assert "/scans/0/started_at" in result["reason"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda m: m["files"].__setitem__(0, {**m["files"][0], "path": "../outside.json"}), "stay inside the bundle"),
        (lambda m: m["files"].__setitem__(0, {**m["files"][0], "path": "/etc/passwd"}), "stay inside the bundle"),
        (lambda m: m["files"].__setitem__(0, {**m["files"][0], "kind": "tea_leaves"}), "unknown kind 'tea_leaves'"),
        (lambda m: m.pop("contract_id"), '"contract_id" is a required property'),
    ],
    ids=["dotdot", "absolute", "unknown-kind", "no-contract-id"],
)
def test_untrustworthy_manifest_refused_with_one_line(
    cli: Cli, bundle_copy: Callable[[str], Path], mutate: Callable[[dict], None], message: str  # type: ignore[type-arg]
) -> None:
    b = bundle_copy("compliant")
    m = manifest(b)
    mutate(m)
    write_manifest(b, m)
    for command in ("check", "validate"):
        r = cli(command, b)
        assert r.code == 2
        assert message in r.err
        assert len(r.err.strip().splitlines()) == 1, r.err
        assert "Traceback" not in r.err


def test_manifest_not_json_refused(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    (b / "manifest.json").write_text("{ not json")
    r = cli("check", b)
    assert r.code == 2 and "manifest.json is not valid JSON" in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_folder_without_manifest_refused(cli: Cli, tmp_path: Path) -> None:
    r = cli("check", tmp_path)
    assert r.code == 2 and "no manifest.json found" in r.err


def test_bundle_of_another_contract_refused(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    m = manifest(b)
    m["contract_id"] = "FW2099000000"
    write_manifest(b, m)
    r = cli("check", b)
    assert r.code == 2 and "FW2099000000" in r.err


def test_validate_reports_each_file_state(cli: Cli, bundle_copy: Callable[[str], Path]) -> None:
    b = bundle_copy("compliant")
    assert cli("validate", b).code == 0
    (b / SCANS).unlink()
    r = cli("validate", b)
    assert r.code == 1
    assert f"missing  vuln_scan" in r.out and SCANS in r.out


def test_loaded_evidence_is_held_once_as_compact_json_and_read_back_on_demand() -> None:
    """Issue 17 (memory): after loading, no file keeps its records as Python objects; the
    engine gets the compact bytes, and Python readers (attestations, spot checks, waivers)
    get the same document back when they ask."""
    import orjson

    from checker import paths
    from checker.bundle import load_bundle
    from checker.store.local import LocalStore

    root = paths.EXAMPLES / "compliant"
    bundle = load_bundle(LocalStore(root))
    ok = [f for f in bundle.files if f.state == "ok" and f.kind != "raw"]
    assert ok and all(f._data is None and f.compact for f in ok)
    for f in ok:
        assert f.data == json.loads((root / f.path).read_bytes())
    doc = orjson.loads(bundle.policy_input_json())
    assert {k: [e["path"] for e in v] for k, v in doc["evidence"].items()} == {
        k: [f.path for f in ok if f.kind == k] for k in {f.kind for f in ok}}
    assert doc == bundle.policy_input()
    limited = orjson.loads(bundle.policy_input_json(["tickets"], {"liability": {"total_cny": "1.00"}}))
    assert set(limited["evidence"]) == {"tickets"} and limited["liability"] == {"total_cny": "1.00"}


def test_repeated_records_and_ids_name_both_places() -> None:
    """The later file is `invalid`, naming the place of the repeat and of the first record."""
    from checker.bundle import EvidenceFile, flag_duplicates

    class _B:
        files = [
            EvidenceFile("a.json", "tickets", "", data={"tickets": [{"ticket_id": "T1"}, {"ticket_id": "T2"}]}),
            EvidenceFile("b.json", "tickets", "", data={"tickets": [{"ticket_id": "T2", "x": 1}]}),
            EvidenceFile("c.json", "outages", "", data={"outages": [{"o": 1}, {"o": 2}]}),
            EvidenceFile("d.json", "outages", "", data={"outages": [{"o": 3}, {"o": 1}]}),
        ]

    flag_duplicates(_B())  # type: ignore[arg-type]
    a, b, c, d = _B.files
    assert (a.state, c.state) == ("ok", "ok")
    assert b.state == "invalid" and b.reason == (
        "ticket_id T2 at b.json#/tickets/0 is already recorded at a.json#/tickets/1; one record per id")
    assert d.state == "invalid" and d.reason == (
        "d.json#/outages/1 repeats the record at c.json#/outages/0; duplicated records are refused")
