"""Install anywhere (issue 15): the wheel carries the built-in contract pack, and a plain
(non-editable) install checks a bundle from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checker import paths


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(out), str(paths.ROOT)], check=True, capture_output=True)
    (built,) = out.glob("cloudpact-*.whl")
    return built


def test_wheel_holds_every_policy_and_schema_of_the_checkout(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    root = paths.ROOT
    policies = [p for p in paths.POLICIES.rglob("*.rego") if not p.name.endswith("_test.rego")]
    schemas = list(paths.SCHEMAS.rglob("*.schema.json"))
    assert len(policies) > 60 and len(schemas) > 40
    missing = [p.relative_to(root).as_posix() for p in [*policies, *schemas, paths.PARAMS,
                                                         paths.CATALOGUE, paths.BUILTIN / "pack.yaml"]
               if p.relative_to(root).as_posix() not in names]
    assert missing == []


def test_a_plain_install_checks_a_bundle_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    # the dependencies from this environment's site-packages, not its editable cloudpact
    site = next(Path(p) for p in sys.path if p.endswith("site-packages"))
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("CLOUDPACT_HOME", None)
    out = subprocess.run([str(py), "-c", "import sys, checker.cli; sys.exit(checker.cli.main())",
                          "check", str(paths.EXAMPLES / "compliant")], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    where = subprocess.run([str(py), "-c", "import checker.paths as p; print(p.POLICIES)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert str(venv) in where.stdout, "the policies come from the installed wheel"
    assert "2.2.1.1" in out.stdout
