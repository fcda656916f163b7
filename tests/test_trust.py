"""Issue 14: signatures Party B cannot forge, bundles that cannot speak for more than they
cover. The tests verify with the EXAMPLE trust file (tests/conftest.py)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import EXAMPLE_TRUST, CliResult

from checker import paths
from checker.generate import generate
from checker.generate.signing import sign_file
from checker.trust.signing import add_signature, load_signing_key, sign_entry

Cli = Callable[..., CliResult]
ATT = "attestations/attestations.json"
AFTER_TERM = "2026-09-03T10:00:00+08:00"


def results(r: CliResult) -> dict[str, dict[str, Any]]:
    return {c["clause"]: c for c in r.json()["results"]}


def reseal(bundle: Path) -> None:
    """Update the manifest's digests to the files' bytes and sign it again as Party B, so
    that only the signature under test is wrong."""
    manifest = json.loads((bundle / "manifest.json").read_text())
    for f in manifest["files"]:
        f["sha256"] = hashlib.sha256((bundle / f["path"]).read_bytes()).hexdigest()
    (bundle / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    (bundle / "manifest.json.sig").unlink(missing_ok=True)
    sign_file(bundle / "manifest.json", "party_b", AFTER_TERM)


@pytest.fixture
def compliant(bundle_copy: Callable[[str], Path]) -> Path:
    return bundle_copy("compliant")


def check(cli: Cli, bundle: Path, *more: str) -> CliResult:
    return cli("check", bundle, "--format", "json", *more)


def test_signed_examples_pass_attested_clauses_and_report_the_manifest_signer(
    cli: Cli, compliant: Path
) -> None:
    r = check(cli, compliant)
    res = results(r)
    assert r.code == 0
    for clause in ("2.2.2.2", "3.7", "9.19"):
        assert res[clause]["status"] == "pass", res[clause]
        assert "Party A (key ed25519:" in res[clause]["reason"]
    sig = r.json()["manifest_signature"]
    assert sig["signed_by_party_b"] is True and sig["problems"] == []
    assert r.json()["period_coverage"]["partial"] is False


def test_no_trust_file_means_no_attested_pass(
    cli: Cli, compliant: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CLOUDPACT_TRUST")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual"
    assert "no trust file" in res["9.19"]["reason"]


def test_one_changed_byte_of_an_attestation_makes_the_clause_manual(
    cli: Cli, compliant: Path
) -> None:
    path = compliant / ATT
    path.write_bytes(path.read_bytes().replace(b"No part of", b"No  part of"))
    reseal(compliant)
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual"
    assert "bytes changed after signing" in res["9.19"]["reason"]


def test_resigned_with_a_key_not_in_the_trust_file(cli: Cli, compliant: Path, tmp_path: Path) -> None:
    assert cli("keygen", "party_a", "--out", tmp_path / "k").code == 0
    (compliant / (ATT + ".sig")).unlink()
    assert cli("sign", compliant / ATT, "--key", tmp_path / "k" / "party_a.key.pem",
               "--at", AFTER_TERM).code == 0
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual"
    assert "is not in the trust file" in res["9.19"]["reason"]


def test_party_b_alone_cannot_attest(cli: Cli, compliant: Path) -> None:
    (compliant / (ATT + ".sig")).unlink()
    sign_file(compliant / ATT, "party_b", AFTER_TERM)
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual"
    assert "signed by Party B only" in res["9.19"]["reason"]


def test_a_signature_claiming_another_role_is_refused(cli: Cli, compliant: Path) -> None:
    """Party B's key, entry saying party_a: the trust file knows whose key it is."""
    key = load_signing_key(paths.EXAMPLES / "keys" / "party_b.key.pem", role="party_a")
    data = (compliant / ATT).read_bytes()
    (compliant / (ATT + ".sig")).write_bytes(add_signature(None, sign_entry(data, key, AFTER_TERM)))
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual"
    assert "wrong role" in res["9.19"]["reason"]


def test_unsigned_attestations_and_missing_sig(cli: Cli, compliant: Path) -> None:
    (compliant / (ATT + ".sig")).unlink()
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual" and "is not signed" in res["9.19"]["reason"]


def test_signature_outside_the_key_validity(cli: Cli, compliant: Path, tmp_path: Path) -> None:
    trust = yaml.safe_load(EXAMPLE_TRUST.read_text())
    for k in trust["keys"]:
        k["valid_until"] = "2026-06-30T00:00:00+08:00"
    path = tmp_path / "short-trust.yaml"
    path.write_text(yaml.safe_dump(trust))
    res = results(check(cli, compliant, "--trust", path))
    assert res["9.19"]["status"] == "manual"
    assert "outside the validity" in res["9.19"]["reason"]


def test_signed_before_the_term_ended_is_not_accepted(cli: Cli, compliant: Path) -> None:
    (compliant / (ATT + ".sig")).unlink()
    sign_file(compliant / ATT, "party_a", "2026-03-01T00:00:00+08:00")
    res = results(check(cli, compliant))
    assert res["9.19"]["status"] == "manual" and "before the contract term ended" in res["9.19"]["reason"]


def test_trust_file_inside_the_bundle_is_refused(cli: Cli, compliant: Path) -> None:
    shutil.copy(EXAMPLE_TRUST, compliant / "trust.yaml")
    r = check(cli, compliant, "--trust", compliant / "trust.yaml")
    assert r.code == 2 and "inside the bundle" in r.err


def test_unsigned_approvals_do_not_count(cli: Cli, compliant: Path) -> None:
    """6.2 acceptance and 9.9 restart authorisations are Party A's written word."""
    before = results(check(cli, compliant))
    assert before["6.2"]["status"] == "pass" and before["9.9"]["status"] == "pass"
    (compliant / "contract/acceptance.json.sig").unlink()
    (compliant / "service/restarts.json.sig").unlink()
    sign_file(compliant / "service/restarts.json", "party_b", AFTER_TERM)
    res = results(check(cli, compliant))
    assert res["6.2"]["status"] == "manual" and "not signed by Party A" in res["6.2"]["reason"]
    assert res["9.9"]["status"] == "manual" and "not signed by Party A" in res["9.9"]["reason"]


def test_changed_manifest_is_reported_unsigned(cli: Cli, compliant: Path) -> None:
    m = compliant / "manifest.json"
    m.write_bytes(m.read_bytes().replace(b"provider-ops", b"provider-xx"))
    sig = check(cli, compliant).json()["manifest_signature"]
    assert sig["signed_by_party_b"] is False
    assert "bytes changed after signing" in sig["problems"][0]


# ---- waivers ------------------------------------------------------------------------


def _waivers(tmp_path: Path, host: str = "h0001") -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(
        "waivers_version: 1\ncontract_id: FW2025082202\nwaivers:\n"
        "  - id: W-1\n    clause: '2.2.1.7'\n    scope: {all: true}\n"
        "    reason: agreed exception for the test\n    approver_role: party_a\n"
        "    approval_ref: LETTER-1\n    expires: 2027-01-31\n"  # unquoted date (issue 14)
        f"  - id: W-2\n    clause: '2.2.1.7'\n    scope: {{host_id: {host}}}\n"
        "    reason: agreed exception for the test\n    approver_role: party_a\n"
        "    approval_ref: LETTER-2\n    expires: '2027-01-31'\n")
    return path


def test_signed_waivers_with_an_unquoted_date_apply(cli: Cli, tmp_path: Path) -> None:
    w = _waivers(tmp_path)
    sign_file(w, "party_a", "2026-01-05T10:00:00+08:00")
    r = check(cli, paths.EXAMPLES / "breaches", "--waivers", w, "--as-of", "2026-01-10")
    assert results(r)["2.2.1.7"]["status"] == "waived"
    assert r.json()["waivers_signature"]["signed_by_party_a"] is True


@pytest.mark.parametrize("signer", [None, "party_b", "supervision_provider"])
def test_waivers_not_signed_by_party_a_are_ignored_never_exit_2(
    cli: Cli, tmp_path: Path, signer: str | None
) -> None:
    w = _waivers(tmp_path, host="h9999")  # an unknown host would be exit 2 if it applied
    if signer:
        sign_file(w, signer, "2026-01-05T10:00:00+08:00")
    r = check(cli, paths.EXAMPLES / "breaches", "--waivers", w, "--as-of", "2026-01-10")
    assert r.code == 1, r.err
    assert results(r)["2.2.1.7"]["status"] == "fail"
    assert {x["state"] for x in r.json()["waivers"]["items"]} == {"ignored"}
    assert "ignored: the waivers file is not signed by Party A" in r.err


def test_edited_waivers_are_ignored(cli: Cli, tmp_path: Path) -> None:
    w = _waivers(tmp_path)
    sign_file(w, "party_a", "2026-01-05T10:00:00+08:00")
    w.write_text(w.read_text().replace("LETTER-1", "LETTER-9"))
    r = check(cli, paths.EXAMPLES / "breaches", "--waivers", w, "--as-of", "2026-01-10")
    assert results(r)["2.2.1.7"]["status"] == "fail"
    assert "bytes changed" in r.json()["waivers_signature"]["problem"]


# ---- periods ------------------------------------------------------------------------


def _set_period(bundle: Path, start: str, end: str) -> None:
    m = json.loads((bundle / "manifest.json").read_text())
    m["period"] = {"start": start, "end": end}
    (bundle / "manifest.json").write_text(json.dumps(m, indent=1, sort_keys=True) + "\n")
    reseal(bundle)


def test_a_one_week_bundle_cannot_pass_a_whole_term_clause(cli: Cli, compliant: Path) -> None:
    _set_period(compliant, "2025-09-03T00:00:00+08:00", "2025-09-10T00:00:00+08:00")
    r = check(cli, compliant)
    res = results(r)
    assert r.json()["period_coverage"]["partial"] is True
    whole = [c for c in res.values() if c["clause"].startswith("2.2.1.") or not c["automated"]]
    assert whole and all(c["status"] != "pass" for c in whole)
    # the attestations cover the whole term and are signed, yet no pass
    assert res["9.19"]["status"] == "not_applicable" and "partial bundle" in res["9.19"]["reason"]


@pytest.mark.parametrize("period", [
    ("2025-08-01T00:00:00+08:00", "2026-09-03T00:00:00+08:00"),
    ("2025-09-03T00:00:00+08:00", "2026-10-03T00:00:00+08:00"),
])
def test_a_period_outside_the_term_is_refused(cli: Cli, compliant: Path, period: tuple[str, str]) -> None:
    _set_period(compliant, *period)
    r = check(cli, compliant)
    assert r.code == 2 and "outside the contract term" in r.err


# ---- the commands -------------------------------------------------------------------


def test_keygen_sign_verify(cli: Cli, tmp_path: Path) -> None:
    assert cli("keygen", "party_a", "--out", tmp_path).code == 0
    assert cli("keygen", "party_a", "--out", tmp_path).code == 2  # never overwrites a key
    assert (tmp_path / "party_a.key.pem").stat().st_mode & 0o077 == 0
    f = tmp_path / "doc.json"
    f.write_text("{}\n")
    assert cli("sign", f, "--key", tmp_path / "party_a.key.pem").code == 0
    r = cli("verify", f)
    assert r.code == 1 and "not in the trust file" in r.out
    pub = json.loads((tmp_path / "party_a.pub.json").read_text())
    trust = tmp_path / "trust.yaml"
    trust.write_text(yaml.safe_dump({"trust_version": 1, "contract_id": "FW2025082202", "keys": [
        {**pub, "valid_from": "2020-01-01T00:00:00+08:00", "valid_until": "2099-01-01T00:00:00+08:00"}]}))
    r = cli("verify", f, "--trust", trust)
    assert r.code == 0 and r.out.startswith("valid: Party A")
    f.write_text("{ }\n")
    r = cli("verify", f, "--trust", trust)
    assert r.code == 1 and "bytes changed after signing" in r.out


def test_examples_are_signed_deterministically(tmp_path: Path) -> None:
    generate(tmp_path / "a", seed=2025)
    for sig in sorted((paths.EXAMPLES / "compliant").rglob("*.sig")):
        rel = sig.relative_to(paths.EXAMPLES / "compliant")
        assert (tmp_path / "a" / rel).read_bytes() == sig.read_bytes(), rel


def test_spot_check_record_signed_by_the_supervision_provider(cli: Cli, tmp_path: Path) -> None:
    keys = paths.EXAMPLES / "keys"
    bundle = paths.EXAMPLES / "compliant"
    record = tmp_path / "record.json"
    r = cli("spot-check", bundle, "--seed", "s1", "--size", "2", "--clauses", "2.2.1.7",
            "--output", record, "--at", AFTER_TERM, "--key", keys / "supervision_provider.key.pem")
    assert r.code in (0, 1), r.err
    v = cli("spot-check", "verify", record, bundle)
    assert v.code == 0 and "SIGNED" in v.out and "supervision provider" in v.out
    # a record signed by Party B is refused
    sig = record.with_name("record.json.sig")
    sig.unlink()
    sign_file(record, "party_b", AFTER_TERM)
    v = cli("spot-check", "verify", record, bundle)
    assert v.code == 1 and "not by the supervision provider" in v.out
    assert cli("spot-check", bundle, "--seed", "s1", "--size", "2", "--output", tmp_path / "r2.json",
               "--key", keys / "party_b.key.pem").code == 2
