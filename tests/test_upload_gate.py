"""The upload gate and write-once bundle upload (issue 4) against a real SeaweedFS."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from checker.bundle import MANIFEST, load_bundle
from checker.check import run_check
from checker.errors import BundleError, ConfigError, StoreError
from checker.model import BLOCKING, Report, Status
from checker.store import open_store
from checker.store.local import LocalStore
from checker.store.s3 import S3Store
from checker.upload import (
    VERDICT,
    Gate,
    UploadConflict,
    UploadResult,
    list_bundles,
    upload_bundle,
)
from tests.s3helpers import bundle_id_of, copy_example, manifest_paths_of, remanifest, statuses
from tests.s3server import LOCKED_BUCKET, PLAIN_BUCKET, WeedServer


def _upload(bundle: Path, url: str, gate: str | None = None) -> UploadResult:
    return upload_bundle(LocalStore(bundle), open_store(url), gate=Gate.parse(gate))


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
    bundle = copy_example(tmp_path / "b")
    bundle_id = bundle_id_of(bundle)
    result = _upload(bundle, s3_url)
    assert result.state == "uploaded"
    assert result.exit_code == 0
    assert result.written[-1] == MANIFEST  # the manifest went last
    assert result.written[-2] == VERDICT
    sigs = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*.sig")}
    assert sigs and set(result.written) == manifest_paths_of(bundle) | sigs | {VERDICT, MANIFEST}

    local = run_check(LocalStore(bundle))
    remote_store = open_store(f"{s3_url}/{bundle_id}")
    remote = run_check(remote_store)
    assert "pass" in statuses(local).values()
    assert _comparable(remote) == _comparable(local)
    assert remote.manifest_sha256 == local.manifest_sha256
    # the report names each object version and digest it read
    objects = remote.extra["objects_read"]
    assert set(objects) == manifest_paths_of(bundle)
    for path, seen in objects.items():
        assert seen["version_id"]
        assert seen["sha256"] == local.extra["objects_read"][path]["sha256"]

    verdict = json.loads(remote_store.read(VERDICT))
    assert verdict["accepted"] is True
    assert verdict["manifest_sha256"] == local.manifest_sha256
    assert verdict["clauses"] == statuses(local)
    assert verdict["gate"] == "fail,missing,invalid,error"


def test_gate_refuses_and_stores_nothing(tmp_path: Path, s3_url: str) -> None:
    bundle = copy_example(tmp_path / "b", "breaches")
    failing = {c for c, s in statuses(run_check(LocalStore(bundle))).items() if s == "fail"}
    assert "2.2.1.7" in failing
    result = _upload(bundle, s3_url, "fail")
    assert result.state == "refused"
    assert result.exit_code == 1
    assert {r.clause.id for r in result.refusals} == failing
    assert all(r.status == Status.FAIL and r.violations for r in result.refusals)
    assert open_store(s3_url).list() == []


def test_report_only_gate_uploads_a_failing_bundle_with_its_verdict(
    tmp_path: Path, s3_url: str
) -> None:
    bundle = copy_example(tmp_path / "b", "breaches")
    result = _upload(bundle, s3_url, "report-only")
    assert result.state == "uploaded"
    [listed] = list_bundles(open_store(s3_url))
    assert listed.verdict is not None
    assert listed.verdict["exit_code"] == 1
    assert listed.verdict["summary"]["fail"] >= 1
    assert "gate report-only" in listed.verdict_label


def test_same_bundle_again_is_a_no_op(tmp_path: Path, s3_url: str, s3_env: WeedServer) -> None:
    bundle = copy_example(tmp_path / "b")
    _upload(bundle, s3_url)
    prefix = s3_url.split("/", 3)[3]
    before = _versions(s3_env, prefix)
    again = _upload(bundle, s3_url)
    assert again.state == "already_present"
    assert again.written == ()
    assert again.verdict["accepted"] is True
    assert _versions(s3_env, prefix) == before


def test_different_bundle_under_an_existing_id_is_refused(tmp_path: Path, s3_url: str) -> None:
    first = copy_example(tmp_path / "one")
    bundle_id = bundle_id_of(first)
    _upload(first, s3_url)
    stored = open_store(f"{s3_url}/{bundle_id}").read(MANIFEST)
    second = copy_example(tmp_path / "two")
    hosts = second / "inventory" / "hosts.json"
    hosts.write_bytes(hosts.read_bytes() + b"\n")  # same data, other bytes
    remanifest(second)
    with pytest.raises(UploadConflict, match=f"a different bundle with id '{bundle_id}'") as info:
        _upload(second, s3_url)
    assert "bundle_id" in info.value.diagnostics()
    assert open_store(f"{s3_url}/{bundle_id}").read(MANIFEST) == stored


@pytest.mark.parametrize("bad", ["../outside.json", "/etc/cloudpact.json"])
def test_manifest_key_leaving_the_bundle_refused(tmp_path: Path, s3_url: str, bad: str) -> None:
    bundle = remanifest(copy_example(tmp_path / "b"), manifest_paths={"inventory/hosts.json": bad})
    with pytest.raises(BundleError, match="must be relative and stay inside the bundle"):
        _upload(bundle, s3_url, "report-only")
    assert open_store(s3_url).list() == []


def test_object_changed_after_upload_is_detected_and_the_original_read(
    tmp_path: Path, s3_url: str, s3_env: WeedServer
) -> None:
    """Issue 14: an overwrite puts a new version on top (even under object lock); `check`
    reads the version first written, the one the gate checked, and says it was changed."""
    bundle = copy_example(tmp_path / "b")
    _upload(bundle, s3_url)
    remote = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert isinstance(remote, S3Store)
    before = run_check(remote)
    # someone with write rights replaces the scan results in place (no If-None-Match)
    tampered = json.loads(remote.read("security/vuln_scans.json"))
    tampered["scans"] = tampered["scans"] * 2
    s3_env.client().put_object(
        Bucket=PLAIN_BUCKET,
        Key=remote._key("security/vuln_scans.json"),
        Body=json.dumps(tampered).encode(),
    )
    after = run_check(remote)
    assert _comparable(after) == _comparable(before)
    old = before.extra["objects_read"]["security/vuln_scans.json"]["version_id"]
    new = after.extra["objects_read"]["security/vuln_scans.json"]["version_id"]
    assert old == new  # the version the upload wrote, not the one on top
    [warning] = after.extra["store_warnings"]
    assert "security/vuln_scans.json was changed after upload" in warning


def test_manifest_and_evidence_overwritten_together_are_detected(
    tmp_path: Path, s3_url: str, s3_env: WeedServer
) -> None:
    """A consistent forgery (new evidence and a manifest matching it) is still seen: the
    original versions are read, and the forged manifest carries no Party B signature."""
    bundle = copy_example(tmp_path / "b")
    _upload(bundle, s3_url)
    remote = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert isinstance(remote, S3Store)
    client = s3_env.client()
    manifest = json.loads(remote.read(MANIFEST))
    body = b'{"kind": "vuln_scan", "scans": []}'
    client.put_object(Bucket=PLAIN_BUCKET, Key=remote._key("security/vuln_scans.json"), Body=body)
    for f in manifest["files"]:
        if f["path"] == "security/vuln_scans.json":
            f["sha256"] = hashlib.sha256(body).hexdigest()
    client.put_object(Bucket=PLAIN_BUCKET, Key=remote._key(MANIFEST),
                      Body=json.dumps(manifest).encode())
    report = run_check(remote)
    assert report.extra["manifest_signature"]["signed_by_party_b"] is True  # the original
    assert any("manifest.json was changed after upload" in w for w in report.extra["store_warnings"])
    # reading the latest versions (what a plain GET gives) shows the forgery unsigned
    latest = LocalStore(tmp_path / "latest")
    (tmp_path / "latest").mkdir()
    (tmp_path / "latest" / MANIFEST).write_bytes(json.dumps(manifest).encode())
    from checker.trust.evidence import manifest_signature

    forged = load_bundle(latest, only_manifest=True)
    assert manifest_signature(forged)["signed_by_party_b"] is False


def test_a_delete_marker_does_not_hide_a_bundle(tmp_path: Path, s3_url: str, s3_env: WeedServer) -> None:
    bundle = copy_example(tmp_path / "b")
    _upload(bundle, s3_url)
    remote = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert isinstance(remote, S3Store)
    s3_env.client().delete_object(Bucket=PLAIN_BUCKET, Key=remote._key(MANIFEST))
    [listed] = list_bundles(open_store(s3_url))
    assert listed.bundle_id == bundle_id_of(bundle) and "DELETE marker" in listed.problem


def test_upload_to_a_bucket_without_object_lock_warns(tmp_path: Path, s3_url: str) -> None:
    result = _upload(copy_example(tmp_path / "b"), s3_url)
    assert result.warnings and "no object lock" in result.warnings[0]


def test_upload_sends_the_bytes_that_were_checked(tmp_path: Path, s3_url: str) -> None:
    """A file changed between the gate's check and its upload: the checked bytes go."""
    bundle = copy_example(tmp_path / "b")
    path = bundle / "security/vuln_scans.json"
    original = path.read_bytes()

    def check_then_change(store: Any) -> Report:
        report = run_check(store)
        path.write_bytes(b'{"kind": "vuln_scan", "scans": []}')
        return report

    upload_bundle(LocalStore(bundle), open_store(s3_url), check=check_then_change)
    stored = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert stored.read("security/vuln_scans.json") == original


def test_a_symlink_target_is_never_uploaded(tmp_path: Path, s3_url: str) -> None:
    bundle = copy_example(tmp_path / "b")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the bucket")
    (bundle / "security/vuln_scans.json").unlink()
    (bundle / "security/vuln_scans.json").symlink_to(secret)
    result = upload_bundle(LocalStore(bundle), open_store(s3_url), gate=Gate.parse("report-only"))
    assert result.state == "uploaded"
    stored = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert "security/vuln_scans.json" not in stored.list()
    assert all(b"not for the bucket" not in stored.read(k) for k in stored.list())


def test_bundles_lists_only_complete_bundles(tmp_path: Path, s3_url: str) -> None:
    _upload(remanifest(copy_example(tmp_path / "a"), bundle_id="b-a"), s3_url)
    _upload(remanifest(copy_example(tmp_path / "b"), bundle_id="b-b"), s3_url)
    # an interrupted upload: evidence without a manifest is not a bundle yet
    open_store(f"{s3_url}/b-half").write_once("security/vuln_scans.json", b"{}")
    listed = list_bundles(open_store(s3_url))
    assert [b.bundle_id for b in listed] == ["b-a", "b-b"]
    for item in listed:
        assert item.period["start"] == "2025-09-03T00:00:00+08:00"
        assert item.producer["organisation_role"] == "party_b"
        assert item.verdict_label.startswith("accepted (gate fail,missing,invalid,error;")
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
    bundle = copy_example(tmp_path / "b")
    bundle_id = bundle_id_of(bundle)
    plain = S3Store.from_url(url)
    crashing = CrashingS3Store(plain.bucket, plain.prefix, plain.client)
    crashing.server, crashing.crash_at, crashing.writes = own_s3_server, 3, [0]
    with pytest.raises(StoreError, match="unreachable") as info:
        upload_bundle(LocalStore(bundle), crashing)
    assert "\n" not in info.value.diagnostics()

    own_s3_server.start()  # same data dir and ports
    root = S3Store.from_url(url)
    assert list_bundles(root) == []  # nothing half-accepted
    assert not root.exists(f"{bundle_id}/{MANIFEST}")
    assert len(root.list()) == 2  # the two evidence files written before the crash
    with pytest.raises(BundleError, match="no manifest.json found"):
        load_bundle(root.child(bundle_id))

    rerun = upload_bundle(LocalStore(bundle), root)
    assert rerun.state == "uploaded"
    assert len(rerun.skipped) == 2
    assert rerun.written[-1] == MANIFEST
    assert [b.bundle_id for b in list_bundles(root)] == [bundle_id]
    local = run_check(LocalStore(bundle))
    assert _comparable(run_check(root.child(bundle_id))) == _comparable(local)


def test_bundles_flags_a_manifest_replaced_after_upload(
    tmp_path: Path, s3_url: str, s3_env: WeedServer
) -> None:
    bundle = copy_example(tmp_path / "b")
    _upload(bundle, s3_url)
    remote = open_store(f"{s3_url}/{bundle_id_of(bundle)}")
    assert isinstance(remote, S3Store)
    # a consistent forgery: new evidence bytes and a manifest that matches them
    manifest = json.loads(remote.read(MANIFEST))
    manifest["files"] = manifest["files"][:1]
    s3_env.client().put_object(
        Bucket=PLAIN_BUCKET, Key=remote._key(MANIFEST), Body=json.dumps(manifest).encode()
    )
    [listed] = list_bundles(open_store(s3_url))
    assert "manifest overwritten after upload" in listed.problem


def test_upload_into_a_locked_bucket_retains_every_object(
    tmp_path: Path, s3_env: WeedServer
) -> None:
    url = f"s3://{LOCKED_BUCKET}/gate-{tmp_path.name}"
    bundle = copy_example(tmp_path / "b")
    result = _upload(bundle, url)
    assert result.state == "uploaded"
    dest = open_store(f"{url}/{bundle_id_of(bundle)}")
    assert isinstance(dest, S3Store)
    client = s3_env.client()
    for key in result.written:
        head = client.head_object(Bucket=LOCKED_BUCKET, Key=dest._key(key))
        assert head["ObjectLockMode"] == "COMPLIANCE", key
    assert _comparable(run_check(dest)) == _comparable(run_check(LocalStore(bundle)))


class _BodyThatKillsTheServer(io.BytesIO):
    """A request body that stops the server (SIGKILL) once half of it has been sent."""

    def __init__(self, data: bytes, server: WeedServer) -> None:
        super().__init__(data)
        self.server, self.half = server, len(data) // 2

    def read(self, size: int | None = -1) -> bytes:
        if self.tell() >= self.half and self.server.proc is not None:
            self.server.stop(kill=True)
        return super().read(min(size, 64 * 1024) if size and size > 0 else 64 * 1024)


class KilledDuringPutS3Store(S3Store):
    """Streams `victim` through a body that kills the server in the middle of the PUT."""

    server: WeedServer
    victim: str

    def _put_args(self, key: str, data: bytes) -> dict[str, Any]:
        args = super()._put_args(key, data)
        if key == self.victim:
            args["Body"] = _BodyThatKillsTheServer(data, self.server)
        return args


def test_server_killed_during_a_put_leaves_no_bundle_and_rerun_completes(
    tmp_path: Path, own_s3_server: WeedServer
) -> None:
    url = f"s3://{PLAIN_BUCKET}/crash-put"
    bundle = copy_example(tmp_path / "b")
    (bundle / "raw").mkdir()
    (bundle / "raw" / "scanner-export.bin").write_bytes(os.urandom(4 * 1024 * 1024))
    remanifest(bundle, add={"raw/scanner-export.bin": "raw"})
    bundle_id = bundle_id_of(bundle)
    plain = S3Store.from_url(url)
    store = KilledDuringPutS3Store(plain.bucket, plain.prefix, plain.client)
    store.server, store.victim = own_s3_server, "raw/scanner-export.bin"
    with pytest.raises(StoreError) as info:
        upload_bundle(LocalStore(bundle), store)
    assert "cannot write" in str(info.value) and "raw/scanner-export.bin" in str(info.value)
    assert "\n" not in info.value.diagnostics()

    own_s3_server.start()
    root = S3Store.from_url(url)
    assert list_bundles(root) == []
    assert not root.exists(f"{bundle_id}/{MANIFEST}")
    rerun = upload_bundle(LocalStore(bundle), root)
    assert rerun.state == "uploaded"
    assert "raw/scanner-export.bin" in rerun.written  # the half-sent object was not kept
    assert (
        root.child(bundle_id).read("raw/scanner-export.bin")
        == (bundle / "raw" / "scanner-export.bin").read_bytes()
    )
    local = run_check(LocalStore(bundle))
    assert _comparable(run_check(root.child(bundle_id))) == _comparable(local)
