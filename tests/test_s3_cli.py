"""`cloudpact upload`, `cloudpact bundles` and `cloudpact check s3://...` (issue 4), run
in-process against a real SeaweedFS, with the committed example bundles."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from typing import Any

import pytest

from checker import paths
from tests.conftest import CliResult
from tests.s3server import PLAIN_BUCKET, SECRET_KEY, WeedServer

Cli = Callable[..., CliResult]


def _bundle_id(name: str) -> str:
    manifest = json.loads((paths.EXAMPLES / name / "manifest.json").read_text())
    return str(manifest["bundle_id"])


def _without_location(doc: dict[str, Any]) -> dict[str, Any]:
    """The report minus what differs by nature between two runs from two places."""
    return {k: v for k, v in doc.items() if k not in ("bundle", "generated_at", "objects_read")}


def test_upload_then_check_from_s3_equals_local(cli: Cli, s3_url: str) -> None:
    up = cli("upload", paths.EXAMPLES / "compliant", s3_url)
    assert up.code == 0, up.err
    assert "uploaded" in up.out
    bundle_id = _bundle_id("compliant")

    local = cli("check", paths.EXAMPLES / "compliant", "--format", "json")
    remote = cli("check", f"{s3_url}/{bundle_id}", "--format", "json")
    assert remote.code == local.code == 0, remote.err
    assert _without_location(remote.json()) == _without_location(local.json())
    assert remote.json()["bundle"] == f"{s3_url}/{bundle_id}"
    read = remote.json()["objects_read"]
    manifest = json.loads((paths.EXAMPLES / "compliant" / "manifest.json").read_text())
    assert {p: v["sha256"] for p, v in read.items()} == {
        f["path"]: f["sha256"] for f in manifest["files"]
    }
    assert all(v["version_id"] for v in read.values())

    again = cli("upload", paths.EXAMPLES / "compliant", s3_url)
    assert again.code == 0
    assert "already stored" in again.out


def test_bundles_lists_id_period_producer_verdict_when(cli: Cli, s3_url: str) -> None:
    assert cli("upload", paths.EXAMPLES / "compliant", s3_url).code == 0
    assert cli("upload", paths.EXAMPLES / "breaches", s3_url, "--gate", "report-only").code == 0
    text = cli("bundles", s3_url)
    assert text.code == 0
    lines = text.out.splitlines()
    assert len(lines) == 2
    assert "2 bundle(s)" in text.err
    doc = cli("bundles", s3_url, "--format", "json").json()
    by_id = {b["bundle_id"]: b for b in doc}
    compliant = by_id[_bundle_id("compliant")]
    assert compliant["period"]["start"] == "2025-09-03T00:00:00+08:00"
    assert compliant["producer"]["organisation_role"] == "party_b"
    assert compliant["verdict"]["accepted"] is True
    assert compliant["verdict"]["exit_code"] == 0
    assert compliant["when"]
    breaches = by_id[_bundle_id("breaches")]
    assert breaches["verdict"]["exit_code"] == 1
    assert breaches["verdict"]["gate"] == "report-only"


def test_gate_refuses_the_breaches_bundle(cli: Cli, s3_url: str) -> None:
    r = cli("upload", paths.EXAMPLES / "breaches", s3_url, "--gate", "fail")
    assert r.code == 1
    assert "refused: 2.2.1.7 fail: delivered" in r.err
    assert "nothing uploaded" in r.err
    assert cli("bundles", s3_url, "--format", "json").json() == []


def test_unknown_gate_is_a_usage_error(cli: Cli, s3_url: str) -> None:
    r = cli("upload", paths.EXAMPLES / "compliant", s3_url, "--gate", "strict")
    assert r.code == 2
    assert "unknown status 'strict'" in r.err


def _assert_one_line_exit_2(r: CliResult, *needles: str) -> None:
    assert r.code == 2
    assert r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err
    assert SECRET_KEY not in r.err + r.out
    for needle in needles:
        assert needle in r.err


@pytest.mark.parametrize("command", ["check", "upload", "bundles"])
def test_wrong_credentials_exit_2(
    cli: Cli, s3_url: str, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wrong-" + SECRET_KEY)
    args = {
        "check": ("check", f"{s3_url}/x"),
        "upload": ("upload", paths.EXAMPLES / "compliant", s3_url),
        "bundles": ("bundles", s3_url),
    }[command]
    r = cli(*args)
    _assert_one_line_exit_2(r, "access denied / signature mismatch", "check AWS credentials")
    assert "wrong-" not in r.err


@pytest.mark.parametrize("command", ["check", "upload", "bundles"])
def test_missing_bucket_exit_2(cli: Cli, s3_env: WeedServer, command: str) -> None:
    url = "s3://no-such-bucket/p"
    args = {
        "check": ("check", f"{url}/x"),
        "upload": ("upload", paths.EXAMPLES / "compliant", url),
        "bundles": ("bundles", url),
    }[command]
    _assert_one_line_exit_2(cli(*args), "bucket 'no-such-bucket' does not exist")


def test_unreachable_endpoint_exit_2(cli: Cli, s3_env: WeedServer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    for args in (
        ("check", f"s3://{PLAIN_BUCKET}/p/x"),
        ("upload", paths.EXAMPLES / "compliant", f"s3://{PLAIN_BUCKET}/p"),
        ("bundles", f"s3://{PLAIN_BUCKET}/p"),
    ):
        r = cli(*args, "--endpoint-url", endpoint)
        _assert_one_line_exit_2(r, f"S3 endpoint {endpoint} unreachable")


def test_check_of_a_prefix_without_bundle_exit_2(cli: Cli, s3_url: str) -> None:
    r = cli("check", f"{s3_url}/never-uploaded")
    _assert_one_line_exit_2(r, "no manifest.json found")
