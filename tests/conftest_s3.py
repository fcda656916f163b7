"""Fixtures for the S3 store tests (issue 4), imported by tests/conftest.py."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.s3server import PLAIN_BUCKET, UNSET_ENV, WeedServer


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WeedServer]:
    """One SeaweedFS for the session, stopped at its end."""
    server = WeedServer(tmp_path_factory.mktemp("weed"))
    server.start()
    try:
        server.create_buckets()
        yield server
    finally:
        server.stop(kill=True)  # its data is a temp dir; no need to flush


@pytest.fixture
def s3_env(s3_server: WeedServer, monkeypatch: pytest.MonkeyPatch) -> WeedServer:
    """Credentials and endpoint in the environment, the standard way."""
    for name in UNSET_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in s3_server.env().items():
        monkeypatch.setenv(name, value)
    return s3_server


@pytest.fixture
def s3_url(s3_env: WeedServer) -> str:
    """A fresh prefix in the versioned bucket, so tests never see each other's bundles."""
    return f"s3://{PLAIN_BUCKET}/t-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def own_s3_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[WeedServer]:
    """A server of the test's own, for tests that kill it."""
    server = WeedServer(tmp_path / "weed")
    server.start()
    try:
        server.create_buckets()
        for name in UNSET_ENV:
            monkeypatch.delenv(name, raising=False)
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        yield server
    finally:
        server.stop(kill=True)  # its data is a temp dir; no need to flush
