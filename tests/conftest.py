"""Shared fixtures: generated bundles, the CLI run in-process, the shared folder."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest_s3 import own_s3_server, s3_env, s3_server, s3_url  # noqa: F401 (issue 4)
from tests.browser import browser  # noqa: F401 (one Chromium per module, for the HTML tests)

from checker import paths
from checker.cli import main
from checker.generate import generate

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLOUDPACT_SHARED") or REPO.parent / "shared")
# the tests verify signatures with the EXAMPLE trust file (issue 14), unless told otherwise
EXAMPLE_TRUST = REPO / "evidence" / "examples" / "example-trust.yaml"
os.environ.setdefault("CLOUDPACT_TRUST", str(EXAMPLE_TRUST))


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> dict:  # type: ignore[type-arg]
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A compliant and a breaches year, seed 7, generated once per session."""
    root = tmp_path_factory.mktemp("generated")
    generate(root / "compliant", seed=7)
    generate(root / "breaches", seed=7, breaches=True)
    return {"compliant": root / "compliant", "breaches": root / "breaches"}


@pytest.fixture
def bundle_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A writable copy of a committed example bundle."""

    def copy(name: str) -> Path:
        dest = tmp_path / name
        shutil.copytree(paths.EXAMPLES / name, dest)
        return dest

    return copy


@pytest.fixture(scope="session")
def obligations_text() -> str:
    path = SHARED / "contract" / "OBLIGATIONS.md"
    if not path.is_file():
        pytest.fail(f"{path} not found: the shared folder must sit beside the checkout "
                    "(or set CLOUDPACT_SHARED)")
    return path.read_text(encoding="utf-8")
