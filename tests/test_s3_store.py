"""S3Store against a real SeaweedFS (tests/s3server.py): issue 4's store, integrity and
fault cases. Every fault is a one-line StoreError without credentials in it."""

from __future__ import annotations

import datetime as dt
import socket
from typing import Any

import pytest
from botocore.exceptions import ClientError

from checker.errors import StoreError
from checker.store import open_store
from checker.store.interface import StoreNotFound
from checker.store.s3 import S3Store, parse_url, redact_url
from tests.s3server import (
    DEFAULT_LOCK_BUCKET,
    LOCKED_BUCKET,
    PLAIN_BUCKET,
    READER_KEY,
    READER_SECRET,
    SECRET_KEY,
    WeedServer,
)


def _one_line_without_secrets(exc: StoreError) -> str:
    text = exc.diagnostics()
    assert "\n" not in text
    for secret in (SECRET_KEY, READER_SECRET):
        assert secret not in text
    return text


def test_url_names_bucket_and_prefix() -> None:
    assert parse_url("s3://evidence/provider/2025/") == ("evidence", "provider/2025")
    assert parse_url("s3://evidence") == ("evidence", "")


@pytest.mark.parametrize(
    "url", ["s3://key:secret@evidence/p", "s3://evidence/../other", "http://evidence/p", "s3://"]
)
def test_url_with_credentials_or_escape_refused(url: str) -> None:
    with pytest.raises(StoreError) as info:
        parse_url(url)
    assert "secret" not in info.value.diagnostics()


def test_endpoint_in_messages_loses_userinfo() -> None:
    assert redact_url("http://user:pw@127.0.0.1:9000/x?token=t") == "http://127.0.0.1:9000/x"


def test_round_trip_with_versions(s3_url: str) -> None:
    store = open_store(s3_url)
    assert isinstance(store, S3Store)
    store.write_once("scans/a.json", b'{"a": 1}\n')
    store.write_once("manifest.json", b"{}\n")
    assert store.read("scans/a.json") == b'{"a": 1}\n'
    data, info = store.read_info("scans/a.json")
    assert data == b'{"a": 1}\n'
    assert info.key == "scans/a.json"
    assert info.size == len(data)
    assert info.version_id  # the bucket is versioned: the report can name the version read
    assert store.exists("scans/a.json")
    assert not store.exists("scans/b.json")
    assert store.list() == ["manifest.json", "scans/a.json"]
    assert store.list("scans") == ["scans/a.json"]
    child = store.child("scans")
    assert child.location == f"{s3_url}/scans"
    assert child.read("a.json") == b'{"a": 1}\n'
    with pytest.raises(StoreNotFound):
        store.read("nothing.json")


def test_sha256_is_of_the_bytes_read(s3_url: str) -> None:
    import hashlib

    store = open_store(s3_url)
    body = "主机漏洞扫描 2.2.1.7\n".encode()
    store.write_once("x.json", body)
    assert store.read_info("x.json")[1].sha256 == hashlib.sha256(body).hexdigest()


def test_write_once_same_bytes_is_a_no_op_other_bytes_refused(
    s3_url: str, s3_env: WeedServer
) -> None:
    store = open_store(s3_url)
    assert isinstance(store, S3Store)
    store.write_once("a.json", b"one\n")
    store.write_once("a.json", b"one\n")
    with pytest.raises(StoreError, match="already exists with different content"):
        store.write_once("a.json", b"two\n")
    assert store.read("a.json") == b"one\n"
    # If-None-Match made the server refuse it: still exactly one version
    versions = s3_env.client().list_object_versions(
        Bucket=PLAIN_BUCKET, Prefix=store._key("a.json")
    )
    assert len(versions.get("Versions", [])) == 1


@pytest.mark.parametrize("key", ["../escape.json", "/etc/passwd", "a/../../b.json", "a\\b.json"])
def test_key_leaving_the_root_refused(s3_url: str, key: str) -> None:
    store = open_store(s3_url)
    with pytest.raises(StoreError, match="relative path inside the bundle"):
        store.write_once(key, b"x")
    with pytest.raises(StoreError, match="relative path inside the bundle"):
        store.read(key)


class CorruptingS3Store(S3Store):
    """Flips a byte of the body after its checksum was computed: a body damaged between
    this process and the server."""

    def _put_args(self, key: str, data: bytes) -> dict[str, Any]:
        args = super()._put_args(key, data)
        args["Body"] = bytes([data[0] ^ 1]) + data[1:]
        return args


def test_server_refuses_a_body_that_does_not_match_its_sha256(s3_url: str) -> None:
    plain = S3Store.from_url(s3_url)
    store = CorruptingS3Store(plain.bucket, plain.prefix, plain.client)
    with pytest.raises(StoreError, match="SHA-256 differs") as info:
        store.write_once("a.json", b"evidence\n")
    _one_line_without_secrets(info.value)
    assert not plain.exists("a.json")


def _retention(server: WeedServer, bucket: str, key: str) -> dict[str, Any]:
    head = server.client().head_object(Bucket=bucket, Key=key)
    return {k: head.get(k) for k in ("ObjectLockMode", "ObjectLockRetainUntilDate", "VersionId")}


def test_locked_bucket_objects_get_compliance_retention(s3_env: WeedServer) -> None:
    store = S3Store.from_url(f"s3://{LOCKED_BUCKET}/t-retention", retention_days=30)
    store.write_once("a.json", b"locked\n")
    info = _retention(s3_env, LOCKED_BUCKET, "t-retention/a.json")
    assert info["ObjectLockMode"] == "COMPLIANCE"
    until = info["ObjectLockRetainUntilDate"]
    assert dt.timedelta(days=29) < until - dt.datetime.now(dt.UTC) <= dt.timedelta(days=30)
    with pytest.raises(ClientError):  # a locked version cannot be deleted, not even by admin
        s3_env.client().delete_object(
            Bucket=LOCKED_BUCKET, Key="t-retention/a.json", VersionId=info["VersionId"]
        )
    assert store.read("a.json") == b"locked\n"


def test_bucket_default_retention_is_used_when_it_has_one(s3_env: WeedServer) -> None:
    store = S3Store.from_url(f"s3://{DEFAULT_LOCK_BUCKET}/t", retention_days=30)
    assert store.object_lock() == (True, True)
    store.write_once("a.json", b"locked by default\n")
    info = _retention(s3_env, DEFAULT_LOCK_BUCKET, "t/a.json")
    assert info["ObjectLockMode"] == "COMPLIANCE"
    # the bucket's rule (1 day), not our 30 days
    assert info["ObjectLockRetainUntilDate"] - dt.datetime.now(dt.UTC) <= dt.timedelta(days=1)


def test_plain_bucket_has_no_lock(s3_url: str) -> None:
    store = S3Store.from_url(s3_url)
    assert store.object_lock() == (False, False)


# -- faults: one line, exit-2 errors, never a secret --------------------------------------


def test_wrong_secret_is_access_denied(s3_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret-" + SECRET_KEY[::-1])
    store = open_store(s3_url)
    with pytest.raises(StoreError) as info:
        store.read("manifest.json")
    text = _one_line_without_secrets(info.value)
    assert "access denied / signature mismatch" in text
    assert "check AWS credentials" in text
    assert SECRET_KEY[::-1] not in text


def test_unknown_access_key_is_access_denied(s3_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "nobody")
    with pytest.raises(StoreError, match="access denied / signature mismatch") as info:
        open_store(s3_url).write_once("a.json", b"x")
    _one_line_without_secrets(info.value)


def test_read_only_role_cannot_write(s3_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", READER_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", READER_SECRET)
    with pytest.raises(StoreError, match="access denied") as info:
        open_store(s3_url).write_once("a.json", b"x")
    _one_line_without_secrets(info.value)


def test_missing_bucket(s3_env: WeedServer) -> None:
    store = open_store("s3://no-such-bucket-here/p")
    for action in (
        lambda: store.read("manifest.json"),
        lambda: store.list(),
        lambda: store.exists("manifest.json"),
        lambda: store.write_once("a.json", b"x"),
    ):
        with pytest.raises(StoreError, match="bucket 'no-such-bucket-here' does not exist") as info:
            action()
        assert not isinstance(info.value, StoreNotFound)
        _one_line_without_secrets(info.value)


def test_unreachable_endpoint(s3_env: WeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = open_store(f"s3://{PLAIN_BUCKET}/p", endpoint_url=f"http://127.0.0.1:{port}")
    with pytest.raises(
        StoreError, match=f"S3 endpoint http://127.0.0.1:{port} unreachable"
    ) as info:
        store.read("manifest.json")
    _one_line_without_secrets(info.value)


def test_endpoint_from_environment(s3_url: str, s3_env: WeedServer) -> None:
    store = open_store(s3_url)
    assert isinstance(store, S3Store)
    assert store.endpoint_label == s3_env.endpoint


def test_malformed_endpoint_url(s3_env: WeedServer) -> None:
    with pytest.raises(StoreError, match="invalid S3 endpoint URL") as info:
        open_store(f"s3://{PLAIN_BUCKET}/p", endpoint_url="not a url")
    _one_line_without_secrets(info.value)
