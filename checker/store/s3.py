"""Evidence in an S3-compatible object store (AWS S3, MinIO, SeaweedFS, Ceph RGW).

One bucket prefix is one store root: `s3://bucket/prefix`. boto3 does the protocol work:
SigV4 signing, path-style addressing (works on every S3-compatible server, no DNS per
bucket), SHA-256 checksums that the server verifies on PUT and botocore verifies on GET.

Credentials and endpoint come the standard way: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
(/ AWS_SESSION_TOKEN), AWS_PROFILE, AWS_ENDPOINT_URL(_S3) or `--endpoint-url`. They never
appear in a location, a message or a report: every botocore error is mapped here to a
one-line StoreError that names the bucket, the key and what to do, nothing else.

Write-once (issue 4): PutObject with `If-None-Match: *`, so the server refuses to replace
an existing object (412); the bytes carry `x-amz-checksum-sha256`, so a corrupted body is
refused (400 BadDigest). Where the bucket has object lock enabled each object is retained
in COMPLIANCE mode (the bucket's default rule if it has one, else `retention_days`).
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import os
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    HTTPClientError,
    NoCredentialsError,
    PartialCredentialsError,
)
from botocore.exceptions import (
    ConnectionError as BotoConnectionError,
)

from checker.errors import StoreError
from checker.store.interface import ObjectInfo, Store, StoreNotFound

S3Client = Any  # boto3's client is generated at run time; no stubs are installed

# Our choice, not the contract's (it names no retention period): the service year plus
# a year for acceptance (6.2), the final payment (7.2.2) and disputes over penalties (12.3).
DEFAULT_RETENTION_DAYS = 730

_BINARY = "application/octet-stream"
_CREDENTIAL_CODES = frozenset(
    {
        "AccessDenied",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "InvalidToken",
        "ExpiredToken",
        "InvalidSecurity",
        "AuthorizationHeaderMalformed",
        "InvalidClientTokenId",
        "Forbidden",
        "403",
    }
)
_NOT_FOUND_CODES = frozenset({"NoSuchKey", "404", "NotFound"})
_CREDENTIALS_HINT = (
    "set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE, and check that the "
    "bucket policy lets this role do it (docs/s3.md)"
)


def client_config() -> Config:
    """SigV4, path-style, short connect timeout: an unreachable endpoint fails in seconds."""
    return Config(
        signature_version="s3v4",
        s3={"addressing_style": "path"},
        connect_timeout=3,
        read_timeout=30,
        retries={"max_attempts": 3, "mode": "standard"},
        request_checksum_calculation="when_supported",
        response_checksum_validation="when_supported",
    )


def make_client(endpoint_url: str | None = None) -> S3Client:
    import boto3  # imported here: boto3 takes ~0.3 s to import and local runs never need it

    session = boto3.session.Session()
    region = session.region_name or "us-east-1"
    # endpoint_url=None lets botocore read AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL itself
    return session.client(
        "s3", endpoint_url=endpoint_url, region_name=region, config=client_config()
    )


def redact_url(url: str | None) -> str:
    """An endpoint for messages: without user:password@ and without a query string."""
    if not url:
        return "the default AWS endpoint"
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def parse_url(url: str) -> tuple[str, str]:
    """`s3://bucket/some/prefix` -> ("bucket", "some/prefix")."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise StoreError(f"{url!r} is not an s3:// URL", hint="write s3://bucket/prefix")
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise StoreError(
            "an s3:// URL holds a bucket and a prefix only",
            hint="give credentials through AWS_* environment variables or a profile",
        )
    prefix = parts.path.strip("/")
    if prefix:
        _check_relative(prefix)
    return parts.netloc, prefix


def _check_relative(key: str) -> PurePosixPath:
    pure = PurePosixPath(key)
    if not key or key.startswith(("/", "\\")) or ".." in pure.parts or "\\" in key:
        raise StoreError(f"{key!r}: a key must be a relative path inside the bundle")
    return pure


class S3Store(Store):
    def __init__(
        self,
        bucket: str,
        prefix: str,
        client: S3Client,
        *,
        endpoint_label: str = "",
        retention_days: int = DEFAULT_RETENTION_DAYS,
    ) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = client
        self.endpoint_label = endpoint_label or redact_url(client.meta.endpoint_url)
        self.retention_days = retention_days
        self._lock: tuple[bool, bool] | None = None  # (enabled, has default rule)
        self._versions: dict[str, list[tuple[str, bool]]] | None = None
        self.warnings: list[str] = []  # what a reader must be told (overwritten objects...)
        self.written_versions: dict[str, str] = {}  # key -> version id this store wrote

    @classmethod
    def from_url(
        cls, url: str, endpoint_url: str | None = None, *, retention_days: int | None = None
    ) -> S3Store:
        bucket, prefix = parse_url(url)
        if retention_days is None:
            retention_days = int(
                os.environ.get("CLOUDPACT_S3_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
            )
        try:
            client = make_client(endpoint_url)
        except BotoCoreError as exc:  # e.g. an unknown profile
            raise StoreError(
                f"cannot set up the S3 client: {type(exc).__name__}",
                hint="check --endpoint-url, AWS_ENDPOINT_URL and AWS_PROFILE",
            ) from None
        except ValueError:  # botocore: "Invalid endpoint: ..."
            raise StoreError(
                f"invalid S3 endpoint URL {redact_url(endpoint_url)!r}",
                hint="write it as http(s)://host[:port], in --endpoint-url or AWS_ENDPOINT_URL",
            ) from None
        return cls(bucket, prefix, client, retention_days=retention_days)

    # -- names -------------------------------------------------------------------------

    @property
    def location(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"

    def _key(self, key: str) -> str:
        pure = _check_relative(key)
        rel = pure.as_posix()
        return f"{self.prefix}/{rel}" if self.prefix else rel

    def _where(self, key: str) -> str:
        return f"{self.location}/{key}"

    def child(self, sub: str) -> S3Store:
        store = copy.copy(self)  # same client, lock state and class (subclasses stay)
        store.prefix = self._key(sub)
        store._versions, store.warnings, store.written_versions = None, [], {}
        return store

    # -- errors ------------------------------------------------------------------------

    def _error(self, exc: Exception, what: str) -> StoreError:
        """One line, no secrets: the server's message is not echoed for auth errors
        (SignatureDoesNotMatch replies carry the string-to-sign)."""
        if isinstance(exc, NoCredentialsError | PartialCredentialsError):
            return StoreError(f"{what}: no AWS credentials found", hint=_CREDENTIALS_HINT)
        if isinstance(exc, BotoConnectionError | HTTPClientError):
            return StoreError(
                f"{what}: S3 endpoint {self.endpoint_label} unreachable ({type(exc).__name__})",
                hint="check --endpoint-url / AWS_ENDPOINT_URL and that the server is running",
            )
        if isinstance(exc, ClientError):
            err = exc.response.get("Error", {})
            code = str(err.get("Code", ""))
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if code == "NoSuchBucket":
                return StoreError(
                    f"{what}: bucket {self.bucket!r} does not exist at {self.endpoint_label}",
                    hint="check the bucket name in the s3:// URL and the endpoint",
                )
            if code in _CREDENTIAL_CODES or status == 403:
                return StoreError(
                    f"{what}: access denied / signature mismatch ({code or status}): "
                    "check AWS credentials",
                    hint=_CREDENTIALS_HINT,
                )
            return StoreError(f"{what}: S3 error {code or '?'} (HTTP {status})")
        if isinstance(exc, BotoCoreError):
            return StoreError(f"{what}: {type(exc).__name__}")
        return StoreError(f"{what}: {type(exc).__name__}")

    @staticmethod
    def _code(exc: ClientError) -> str:
        return str(exc.response.get("Error", {}).get("Code", ""))

    @staticmethod
    def _status(exc: ClientError) -> int | None:
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return int(status) if status is not None else None

    # -- reading -----------------------------------------------------------------------

    def version_map(self) -> dict[str, list[tuple[str, bool]]]:
        """Every stored version under this prefix, newest first per key, as (version id,
        is a DELETE marker). One listing per store; {} when versions cannot be listed."""
        if self._versions is not None:
            return self._versions
        base = f"{self.prefix}/" if self.prefix else ""
        found: dict[str, list[tuple[str, bool, Any]]] = {}
        try:
            for page in self.client.get_paginator("list_object_versions").paginate(
                Bucket=self.bucket, Prefix=base
            ):
                for v in page.get("Versions", []):
                    found.setdefault(v["Key"][len(base):], []).append(
                        (str(v.get("VersionId")), False, v.get("IsLatest")))
                for d in page.get("DeleteMarkers", []):
                    found.setdefault(d["Key"][len(base):], []).append(
                        (str(d.get("VersionId")), True, d.get("IsLatest")))
        except (ClientError, BotoCoreError):
            self.warnings.append(f"{self.location}: cannot list object versions; the latest "
                                 "versions are read and overwrites cannot be detected")
            self._versions = {}
            return self._versions
        out: dict[str, list[tuple[str, bool]]] = {}
        for key, items in found.items():
            # the listing gives each key's versions newest first; the latest flagged one first
            items.sort(key=lambda t: not t[2])
            out[key] = [(vid, marker) for vid, marker, _ in items]
        self._versions = out
        return out

    def _original(self, key: str) -> str | None:
        """The version to read: the first one written (write-once: any later version or
        DELETE marker came after the upload), with a warning when there are others."""
        versions = self.version_map().get(key)
        if not versions:
            return None
        real = [vid for vid, marker in versions if not marker]
        if not real or real[-1] == "null":
            return None
        if len(versions) > 1:
            what = "a DELETE marker" if versions[0][1] else f"{len(real) - 1} later version(s)"
            self.warnings.append(
                f"{self._where(key)} was changed after upload ({what} on top); the version "
                f"first written ({real[-1]}) is read")
        return real[-1]

    def _get(self, key: str) -> tuple[bytes, dict[str, Any]]:
        from checker.store.interface import StoreTooLarge, size_limit

        full = self._key(key)
        if key == "manifest.json":  # a bundle is being (re)read: look at its versions afresh
            self._versions, self.warnings = None, []
        try:
            version = self._original(key)
            extra = {"VersionId": version} if version else {}
            resp = self.client.get_object(Bucket=self.bucket, Key=full, ChecksumMode="ENABLED",
                                          **extra)
            limit = size_limit()
            if int(resp.get("ContentLength") or 0) > limit:
                resp["Body"].close()
                raise StoreTooLarge(key, int(resp["ContentLength"]), limit)
            return resp["Body"].read(), resp
        except ClientError as exc:
            if self._code(exc) in _NOT_FOUND_CODES:
                raise StoreNotFound(f"{self._where(key)}: no such object") from None
            raise self._error(exc, f"cannot read {self._where(key)}") from None
        except (BotoCoreError, OSError) as exc:
            raise self._error(exc, f"cannot read {self._where(key)}") from None

    def read(self, key: str) -> bytes:
        return self._get(key)[0]

    def read_info(self, key: str) -> tuple[bytes, ObjectInfo]:
        data, resp = self._get(key)
        version = resp.get("VersionId")
        if version in (None, "null"):
            version = None
        return data, ObjectInfo(key, hashlib.sha256(data).hexdigest(), len(data), version)

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if self._code(exc) in _NOT_FOUND_CODES or self._status(exc) == 404:
                # HEAD has no body: a missing bucket is a 404 too; tell them apart
                self._check_bucket(f"cannot look up {self._where(key)}")
                return False
            raise self._error(exc, f"cannot look up {self._where(key)}") from None
        except BotoCoreError as exc:
            raise self._error(exc, f"cannot look up {self._where(key)}") from None
        return True

    def _check_bucket(self, what: str) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            if self._status(exc) == 404:
                raise self._error(
                    ClientError({"Error": {"Code": "NoSuchBucket"}}, "HeadBucket"), what
                ) from None
            raise self._error(exc, what) from None
        except BotoCoreError as exc:
            raise self._error(exc, what) from None

    def list(self, prefix: str = "") -> list[str]:
        base = f"{self.prefix}/" if self.prefix else ""
        full = base + (_check_relative(prefix).as_posix() if prefix else "")
        keys: list[str] = []
        try:
            for page in self.client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=full
            ):
                keys.extend(obj["Key"][len(base) :] for obj in page.get("Contents", []))
        except (ClientError, BotoCoreError) as exc:
            raise self._error(exc, f"cannot list {self.location}") from None
        return sorted(keys)

    # -- writing -----------------------------------------------------------------------

    def object_lock(self) -> tuple[bool, bool]:
        """(object lock enabled, bucket has a default retention rule). A role that may not
        read the bucket's lock configuration is treated as 'no lock': the server still
        applies the bucket's default rule on its own."""
        if self._lock is None:
            try:
                conf = self.client.get_object_lock_configuration(Bucket=self.bucket)
                lock = conf.get("ObjectLockConfiguration", {})
                enabled = lock.get("ObjectLockEnabled") == "Enabled"
                self._lock = (enabled, bool(lock.get("Rule", {}).get("DefaultRetention")))
            except ClientError as exc:
                if self._code(exc) == "NoSuchBucket":
                    raise self._error(exc, f"cannot write to {self.location}") from None
                self._lock = (False, False)
            except BotoCoreError as exc:
                raise self._error(exc, f"cannot write to {self.location}") from None
        return self._lock

    def _put_args(self, key: str, data: bytes) -> dict[str, Any]:
        """PutObject arguments: create-only, the SHA-256 the server must verify, and
        COMPLIANCE retention where the bucket locks objects but has no default rule."""
        args: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": self._key(key),
            "Body": data,
            "IfNoneMatch": "*",
            "ChecksumSHA256": base64.b64encode(hashlib.sha256(data).digest()).decode(),
            "ContentType": "application/json" if key.endswith(".json") else _BINARY,
        }
        enabled, has_default = self.object_lock()
        if enabled and not has_default:
            args["ObjectLockMode"] = "COMPLIANCE"
            args["ObjectLockRetainUntilDate"] = dt.datetime.now(dt.UTC) + dt.timedelta(
                days=self.retention_days
            )
        return args

    def hidden_keys(self) -> list[str]:
        """Keys whose latest version is a DELETE marker: hidden from a plain listing, yet
        their versions are still stored."""
        return sorted(k for k, v in self.version_map().items() if v and v[0][1])

    def write_once(self, key: str, data: bytes) -> None:
        args = self._put_args(key, data)
        try:
            resp = self.client.put_object(**args)
            if resp.get("VersionId") not in (None, "null"):
                self.written_versions[key] = str(resp["VersionId"])
        except ClientError as exc:
            code, status = self._code(exc), self._status(exc)
            if status == 412 or code == "PreconditionFailed":
                self._compare_existing(key, data)
                return
            if code in {"BadDigest", "XAmzContentSHA256Mismatch", "InvalidDigest"}:
                raise StoreError(
                    f"cannot write {self._where(key)}: the server received bytes whose "
                    "SHA-256 differs from what was sent; nothing was stored",
                    hint="retry; if it persists, check proxies between here and the server",
                ) from None
            raise self._error(exc, f"cannot write {self._where(key)}") from None
        except BotoCoreError as exc:
            raise self._error(exc, f"cannot write {self._where(key)}") from None

    def _compare_existing(self, key: str, data: bytes) -> None:
        existing = self.read(key)
        if existing != data:
            raise StoreError(
                f"{self._where(key)}: already exists with different content; not overwritten"
            )
