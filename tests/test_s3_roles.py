"""Least-privilege roles of docs/s3.md, as SeaweedFS identities (docs/s3-roles.seaweedfs.json,
loaded by tests/s3server.py): the provider writes evidence only under its prefix, the
supervision provider reads everything and writes only spot-check records, Party A reads
bundles and reports and writes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from checker import paths
from tests.conftest import CliResult
from tests.s3server import PLAIN_BUCKET, WeedServer, role_keys

Cli = Callable[..., CliResult]
BASE = f"s3://{PLAIN_BUCKET}/FW2025082202"


def _as(monkeypatch: pytest.MonkeyPatch, role: str) -> None:
    key, secret = role_keys(role)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret)


@pytest.fixture
def uploaded(cli: Cli, s3_env: WeedServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """The compliant example uploaded by the provider's CI into a fresh bundles prefix."""
    _as(monkeypatch, "PROVIDER")
    root = f"{BASE}/bundles/{uuid.uuid4().hex[:8]}"
    r = cli("upload", paths.EXAMPLES / "compliant", root)
    assert r.code == 0, r.err
    return root


def test_provider_writes_only_under_its_prefix(
    cli: Cli, uploaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _as(monkeypatch, "PROVIDER")
    for elsewhere in (f"{BASE}/spot-checks", f"{BASE}/reports", f"s3://{PLAIN_BUCKET}/other"):
        r = cli("upload", paths.EXAMPLES / "compliant", elsewhere)
        assert r.code == 2
        assert "access denied" in r.err


def test_party_a_reads_bundles_writes_nothing(
    cli: Cli, uploaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _as(monkeypatch, "PARTY_A")
    bundle_id = cli("bundles", uploaded, "--format", "json").json()[0]["bundle_id"]
    assert cli("check", f"{uploaded}/{bundle_id}", "--format", "json").code == 0
    r = cli("upload", paths.EXAMPLES / "breaches", uploaded, "--gate", "report-only")
    assert r.code == 2
    assert "access denied" in r.err
    r = cli("check", f"{BASE}/spot-checks/any")  # spot-check records are not Party A's
    assert r.code == 2
    assert "access denied" in r.err


def test_supervision_reads_all_writes_only_spot_checks(
    cli: Cli, uploaded: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _as(monkeypatch, "SUPERVISION")
    bundle_id = cli("bundles", uploaded, "--format", "json").json()[0]["bundle_id"]
    assert cli("check", f"{uploaded}/{bundle_id}", "--format", "json").code == 0
    spot = f"{BASE}/spot-checks/{uuid.uuid4().hex[:8]}"
    assert cli("upload", paths.EXAMPLES / "breaches", spot, "--gate", "report-only").code == 0
    r = cli("upload", paths.EXAMPLES / "breaches", uploaded, "--gate", "report-only")
    assert r.code == 2
    assert "access denied" in r.err
