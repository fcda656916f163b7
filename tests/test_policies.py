"""Every Rego test (test_success_* / test_fail_*) beside every policy, run through the
embedded engine, one pytest case each; and the layout rules of the policy tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import paths, policies
from checker.engine.embedded import EmbeddedEngine

INFOS = policies.discover()
TESTS = [(p.package, rule) for p in INFOS if p.is_test for rule in p.test_rules]
CLAUSE_POLICIES = [p for p in INFOS if not p.is_test and p.clause is not None]


@pytest.fixture(scope="module")
def engine() -> EmbeddedEngine:
    e = EmbeddedEngine()
    e.load([p.file for p in INFOS], {})
    return e


@pytest.mark.parametrize(("package", "rule"), TESTS, ids=[f"{p}.{r}" for p, r in TESTS])
def test_rego(engine: EmbeddedEngine, package: str, rule: str) -> None:
    (outcome,) = engine.run_tests(package, [rule])
    assert outcome.passed, f"{package}.{rule} failed: {outcome.error or 'result was not true'} {outcome.prints}"


@pytest.mark.parametrize("info", CLAUSE_POLICIES, ids=[p.clause for p in CLAUSE_POLICIES])
def test_each_policy_has_success_and_fail_tests_beside_it(info: policies.PolicyInfo) -> None:
    path = Path(info.file.path)
    test_file = paths.POLICIES / path.with_name(path.stem + "_test.rego")
    assert test_file.is_file(), f"{info.file.path} has no test file beside it"
    rules = policies._TEST_RULE.findall(test_file.read_text(encoding="utf-8"))
    assert any(r.startswith("test_success_") for r in rules), f"{test_file}: no test_success_*"
    assert any(r.startswith("test_fail_") for r in rules), f"{test_file}: no test_fail_*"


@pytest.mark.parametrize("info", CLAUSE_POLICIES, ids=[p.clause for p in CLAUSE_POLICIES])
def test_package_mirrors_folder(info: policies.PolicyInfo) -> None:
    path = Path(info.file.path)
    assert path.parent.name == path.stem, f"{info.file.path}: one folder per clause, named like the file"
    assert info.package == "contract." + ".".join(path.parent.parts), info.file.path


def test_a_broken_policy_is_refused_with_its_file_name(tmp_path: Path) -> None:
    from checker.errors import EngineError
    from checker.policies import PolicyFile

    e = EmbeddedEngine()
    with pytest.raises(EngineError, match=r"broken\.rego does not compile"):
        e.load([PolicyFile("broken.rego", "package contract.broken\ndeny contains x if {")], {})
