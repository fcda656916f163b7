"""The upload gate and write-once bundle upload (issue 4) against a real SeaweedFS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from s3helpers import check_written_policies, evidence_files, statuses, write_bundle
from s3server import PLAIN_BUCKET, WeedServer

from checker.bundle import MANIFEST, load_bundle
from checker.errors import BundleError, ConfigError, StoreError
from checker.model import BLOCKING, Report, Status
from checker.store import open_store
from checker.store.local import LocalStore
from checker.store.s3 import S3Store
from checker.upload import VERDICT, Gate, UploadConflict, list_bundles, upload_bundle

BUNDLE_ID = "b-2025-10"


def _upload(bundle: Path, url: str, gate: str | None = None):  # noqa: ANN202
    return upload_bundle(
        LocalStore(bundle), open_store(url), gate=Gate.parse(gate), check=check_written_policies
    )


def _comparable(report: Report) -> list[tuple[object, ...]]:
    """Everything a user reads per clause, minus where the bundle was read from."""
    return [
        (
            r.clause.id,
            r.status,
            r.violations,
            r.expected,
            r.actual,
            r.unit,
            tuple((e.path, e.kind, e.state) for e in r.evidence),
            r.reason,
            dict(r.measures),
        )
        for r in report.results
    ]


def _versions(server: WeedServer, prefix: str) -> int:
    listing = server.client().list_object_versions(Bucket=PLAIN_BUCKET, Prefix=prefix)
    return len(listing.get("Versions", []))


def test_gate_parse() -> None:
    assert Gate.parse(None).statuses == BLOCKING
    assert Gate.parse("fail").statuses == {Status.FAIL}
    assert Gate.parse("fail,missing").label == "fail,missing"
    assert Gate.parse("report-only").statuses == frozenset()
    with pytest.raises(ConfigError, match="unknown status 'failed'") as info:
        Gate.parse("failed")
    assert "report-only" in info.value.diagnostics()  # says which names exist


def test_uploaded_bundle_checks_the_same_from_s3(tmp_path: Path, s3_url: str) -> None:
    bundle = write_bundle(tmp_path / "b")
    result = _upload(bundle, s3_url, "fail,invalid,error")
    assert result.state == "uploaded"
    assert result.exit_code == 0
    assert result.written[-1] == MANIFEST  # the manifest went last
    assert result.written[-2] == VERDICT
    assert set(result.written) == {p for p, _, _ in evidence_files()} | {VERDICT, MANIFEST}

    local = check_written_policies(LocalStore(bundle))
    remote_store = open_store(f"{s3_url}/{BUNDLE_ID}")
    remote = check_written_policies(remote_store)
    assert statuses(local)["2.2.1.7"] == "pass"
    assert _comparable(remote) == _comparable(local)
    assert remote.manifest_sha256 == local.manifest_sha256
    # the report names each object version and digest it read
    objects = remote.extra["objects_read"]
    assert set(objects) == {p for p, _, _ in evidence_files()}
    for path, seen in objects.items():
        assert seen["version_id"]
        assert seen["sha256"] == local.extra["objects_read"][path]["sha256"]

    verdict = json.loads(remote_store.read(VERDICT))
    assert verdict["accepted"] is True
    assert verdict["manifest_sha256"] == local.manifest_sha256
    assert verdict["clauses"]["2.2.1.7"] == "pass"
    assert verdict["gate"] == "fail,invalid,error"


def test_gate_refuses_and_stores_nothing(tmp_path: Path, s3_url: str) -> None:
    # one scan round: 130 of the 260 host-scans of 2.2.1.7
    bundle = write_bundle(tmp_path / "b", files=evidence_files(rounds=1))
    result = _upload(bundle, s3_url, "fail")
    assert result.state == "refused"
    assert result.exit_code == 1
    assert [(r.clause.id, r.status) for r in result.refusals] == [("2.2.1.7", Status.FAIL)]
    assert "shortfall 130" in result.refusals[0].violations[0].message
    assert open_store(s3_url).list() == []


def test_report_only_gate_uploads_a_failing_bundle_with_its_verdict(
    tmp_path: Path, s3_url: str
) -> None:
    bundle = write_bundle(tmp_path / "b", files=evidence_files(rounds=1))
    result = _upload(bundle, s3_url, "report-only")
    assert result.state == "uploaded"
    [listed] = list_bundles(open_store(s3_url))
    assert listed.verdict is not None
    assert listed.verdict["exit_code"] == 1
    assert listed.verdict["summary"]["fail"] == 1
    assert "gate report-only" in listed.verdict_label


def test_same_bundle_again_is_a_no_op(tmp_path: Path, s3_url: str, s3_env: WeedServer) -> None:
    bundle = write_bundle(tmp_path / "b")
    _upload(bundle, s3_url, "fail")
    prefix = s3_url.split("/", 3)[3]
    before = _versions(s3_env, prefix)
    again = _upload(bundle, s3_url, "fail")
    assert again.state == "already_present"
    assert again.written == ()
    assert again.verdict["accepted"] is True
    assert _versions(s3_env, prefix) == before


def test_different_bundle_under_an_existing_id_is_refused(tmp_path: Path, s3_url: str) -> None:
    first = write_bundle(tmp_path / "one")
    _upload(first, s3_url, "fail")
    stored = open_store(f"{s3_url}/{BUNDLE_ID}").read(MANIFEST)
    files = evidence_files()
    files[2] = ("raw/nessus-export.txt", "raw", b"another export\n")
    second = write_bundle(tmp_path / "two", files=files)
    with pytest.raises(UploadConflict, match="a different bundle with id 'b-2025-10'") as info:
        _upload(second, s3_url, "fail")
    assert "bundle_id" in info.value.diagnostics()
    assert open_store(f"{s3_url}/{BUNDLE_ID}").read(MANIFEST) == stored


@pytest.mark.parametrize("bad", ["../outside.json", "/etc/cloudpact.json"])
def test_manifest_key_leaving_the_bundle_refused(tmp_path: Path, s3_url: str, bad: str) -> None:
    bundle = write_bundle(tmp_path / "b", manifest_paths={"inventory/hosts.json": bad})
    with pytest.raises(BundleError, match="must be relative and stay inside the bundle"):
        _upload(bundle, s3_url, "report-only")
    assert open_store(s3_url).list() == []


def test_object_changed_after_upload_makes_its_clauses_invalid(
    tmp_path: Path, s3_url: str, s3_env: WeedServer
) -> None:
    bundle = write_bundle(tmp_path / "b")
    _upload(bundle, s3_url, "fail")
    remote = open_store(f"{s3_url}/{BUNDLE_ID}")
    assert isinstance(remote, S3Store)
    before = check_written_policies(remote)
    # someone with write rights replaces the scan results in place (no If-None-Match)
    tampered = json.loads(remote.read("scans/vuln_scan.json"))
    tampered["scans"] = tampered["scans"] * 2
    s3_env.client().put_object(
        Bucket=PLAIN_BUCKET,
        Key=remote._key("scans/vuln_scan.json"),
        Body=json.dumps(tampered).encode(),
    )
    after = check_written_policies(remote)
    assert statuses(after)["2.2.1.7"] == "invalid"
    [result] = [r for r in after.results if r.clause.id == "2.2.1.7"]
    assert "does not match the manifest" in result.reason
    old = before.extra["objects_read"]["scans/vuln_scan.json"]["version_id"]
    new = after.extra["objects_read"]["scans/vuln_scan.json"]["version_id"]
    assert old != new  # the report names the version it actually read


def test_bundles_lists_only_complete_bundles(tmp_path: Path, s3_url: str) -> None:
    _upload(write_bundle(tmp_path / "a", "b-a"), s3_url, "fail")
    _upload(write_bundle(tmp_path / "b", "b-b"), s3_url, "fail")
    # an interrupted upload: evidence without a manifest is not a bundle yet
    open_store(f"{s3_url}/b-half").write_once("scans/vuln_scan.json", b"{}")
    listed = list_bundles(open_store(s3_url))
    assert [b.bundle_id for b in listed] == ["b-a", "b-b"]
    for item in listed:
        assert item.period["start"] == "2025-09-03T00:00:00+08:00"
        assert item.producer["organisation_role"] == "party_b"
        assert item.verdict_label.startswith("accepted (gate fail;")
        assert item.when.endswith("+08:00")


class CrashingS3Store(S3Store):
    """Kills the S3 server (SIGKILL) just before its `crash_at`-th write: a crash in the
    middle of an upload."""

    server: WeedServer
    crash_at: int
    writes: list[int]

    def write_once(self, key: str, data: bytes) -> None:
        self.writes[0] += 1
        if self.writes[0] == self.crash_at:
            self.server.stop(kill=True)
        super().write_once(key, data)


def test_server_killed_mid_upload_then_rerun_completes(
    tmp_path: Path, own_s3_server: WeedServer
) -> None:
    url = f"s3://{PLAIN_BUCKET}/crash"
    bundle = write_bundle(tmp_path / "b")
    plain = S3Store.from_url(url)
    crashing = CrashingS3Store(plain.bucket, plain.prefix, plain.client)
    crashing.server, crashing.crash_at, crashing.writes = own_s3_server, 3, [0]
    with pytest.raises(StoreError, match="unreachable") as info:
        upload_bundle(
            LocalStore(bundle), crashing, gate=Gate.parse("fail"), check=check_written_policies
        )
    assert "\n" not in info.value.diagnostics()

    own_s3_server.start()  # same data dir and ports
    root = S3Store.from_url(url)
    assert list_bundles(root) == []  # nothing half-accepted
    assert not root.exists(f"{BUNDLE_ID}/{MANIFEST}")
    assert len(root.list()) == 2  # the two evidence files written before the crash
    with pytest.raises(BundleError, match="no manifest.json found"):
        load_bundle(root.child(BUNDLE_ID))

    rerun = upload_bundle(
        LocalStore(bundle), root, gate=Gate.parse("fail"), check=check_written_policies
    )
    assert rerun.state == "uploaded"
    assert len(rerun.skipped) == 2
    assert rerun.written[-1] == MANIFEST
    assert [b.bundle_id for b in list_bundles(root)] == [BUNDLE_ID]
    local = check_written_policies(LocalStore(bundle))
    assert _comparable(check_written_policies(root.child(BUNDLE_ID))) == _comparable(local)
