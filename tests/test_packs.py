"""Contract packs (issue 15): one installation checks bundles of several contracts of the
same template, each against its own parameters; the pack that judged a bundle is named in
every report; an unknown contract is refused in one line."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import packs, paths
from checker.check import run_check
from checker.store.local import LocalStore
from tests.conftest import CliResult

SECOND = "FW2025070001"  # a hypothetical second contract of the same template


def second_params() -> dict[str, Any]:
    """Another unit's contract: other term start, price, systems and quantities."""
    p = copy.deepcopy(yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8")))
    p["contract_id"] = SECOND
    p["period"] = {"start": "2025-07-01T00:00:00+08:00", "end": "2026-07-01T00:00:00+08:00",
                   "months": 12}
    p["effective_date"] = "2025-07-01"
    p["price_cny"] = "1200000.00"
    for inst in p["instalments"]:
        inst["amount_cny"] = str((Decimal(p["price_cny"]) * Decimal(inst["share_percent"]) / 100)
                                 .quantize(Decimal("0.01")))
    p["systems"] = p["systems"][:4]
    for s in p["systems"]:
        s["annual_fee_cny"] = "300000.00"
    p["systems"][3]["important"] = True  # one important system (3.10's 10-minute limit)
    for clause, n in {"2.2.1.1": 50, "2.2.1.2": 10, "2.2.1.5": 60, "2.2.1.6": 60, "2.2.1.7": 120,
                      "2.2.1.8": 120, "2.2.1.10": 60, "2.2.1.14": 12000}.items():
        p["services"][clause]["quantity"] = n
    return p


@pytest.fixture(scope="module")
def two_contracts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from checker.catalogue import load_params
    from checker.generate import generate

    root = tmp_path_factory.mktemp("packs")
    params_file = root / "second.yaml"
    params_file.write_text(yaml.safe_dump(second_params(), allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    pack = packs.new_pack(SECOND, params_file=params_file, into=root / "packs")
    params = load_params(pack.params_path)
    generate(root / "second-compliant", seed=7, params=params)
    generate(root / "second-breaches", seed=7, breaches=True, params=params)
    return {"packs": root / "packs", "compliant": root / "second-compliant",
            "breaches": root / "second-breaches"}


def test_builtin_pack_is_found_and_named_in_the_report() -> None:
    report = run_check(LocalStore(paths.EXAMPLES / "compliant"))
    pack = report.extra["pack"]
    assert pack["id"] == "FW2025082202" and pack["location"] == "built-in"
    assert pack["digest"] == packs.builtin().digest == report.inputs["pack_sha256"]
    assert len(pack["digest"]) == 64 and pack["version"]


def test_json_report_carries_the_pack(cli: Callable[..., CliResult]) -> None:
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "json")
    assert r.code == 0
    assert set(r.json()["pack"]) >= {"id", "version", "digest"}


def test_second_contract_is_judged_by_its_own_pack(two_contracts: dict[str, Path]) -> None:
    packs.set_extra_dirs([two_contracts["packs"]])
    try:
        compliant = run_check(LocalStore(two_contracts["compliant"]))
        breaches = run_check(LocalStore(two_contracts["breaches"]))
        default = run_check(LocalStore(paths.EXAMPLES / "compliant"))
    finally:
        packs.set_extra_dirs([])
    assert compliant.extra["pack"]["id"] == SECOND and default.extra["pack"]["id"] == "FW2025082202"
    assert compliant.extra["pack"]["digest"] != default.extra["pack"]["digest"]
    bad = {r.clause.id: (r.status, r.reason) for r in compliant.results
           if r.status in ("fail", "missing", "invalid", "error")}
    assert bad == {}, "the second contract's compliant year is compliant under its parameters"
    by_id = {r.clause.id: r for r in compliant.results}
    assert by_id["2.2.1.1"].expected == 50, "its own quantities"
    planted = {b["clause"] for b in json.loads((two_contracts["breaches"] / "PLANTED.json").read_text())}
    failed = {r.clause.id for r in breaches.results if r.status == "fail"}
    catalogue = {r.clause.id for r in breaches.results}
    assert planted & catalogue <= failed, "every planted breach is found under its clause"
    assert all(r.status != "error" for r in breaches.results)


def test_unknown_contract_is_refused_in_one_line(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    from checker.bundle import build_manifest, dump_json

    b = tmp_path / "b"
    b.mkdir()
    manifest = build_manifest(bundle_id="x", contract_id="FW1999000001",
                              period={"start": "2025-09-03T00:00:00+08:00",
                                      "end": "2025-10-03T00:00:00+08:00"},
                              producer={"role": "ops", "organisation_role": "party_b"}, files=[])
    (b / "manifest.json").write_bytes(dump_json(manifest))
    r = cli("check", b)
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1 and "FW1999000001" in r.err


def test_contract_new_writes_a_pack_later_commands_find(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    r = cli("contract", "new", "FW2026000009")
    assert r.code == 0, r.err
    folder = tmp_path / "xdg" / "cloudpact" / "packs" / "FW2026000009"
    params = yaml.safe_load((folder / "params.yaml").read_text(encoding="utf-8"))
    assert params["contract_id"] == "FW2026000009"
    assert not list(folder.rglob("*.rego")), "policies are shared by reference, never copied"
    listed = cli("contracts")
    assert "FW2026000009" in listed.out and "FW2025082202" in listed.out
    again = cli("contract", "new", "FW2026000009")
    assert again.code == 2 and "not overwritten" in again.err


def test_contract_new_refuses_parameters_failing_their_schema(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    bad = second_params()
    del bad["price_cny"]
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    r = cli("contract", "new", SECOND, "--params", f, "--packs", tmp_path / "packs")
    assert r.code == 2 and "price_cny" in r.err
    assert not (tmp_path / "packs" / SECOND).exists()


def test_config_file_names_packs_and_default_formats(
    tmp_path: Path, two_contracts: dict[str, Path], cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker import config

    (tmp_path / "pyproject.toml").write_text(
        f'[tool.cloudpact]\npacks = ["{two_contracts["packs"]}"]\nformats = ["json"]\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config._load.cache_clear()
    try:
        r = cli("check", two_contracts["compliant"])
        assert r.json()["pack"]["id"] == SECOND, "packs from the config, formats from the config"
        text = cli("check", two_contracts["compliant"], "--format", "text")
        assert not text.out.lstrip().startswith("{"), "the command line wins"
        (tmp_path / "cloudpact.toml").write_text('colour = "red"\n', encoding="utf-8")
        config._load.cache_clear()
        bad = cli("contracts")
        assert bad.code == 2 and "unknown setting" in bad.err
    finally:
        config._load.cache_clear()
