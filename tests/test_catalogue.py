"""The catalogue is the contract's clause list: exactly the ids of OBLIGATIONS.md, each
automated clause decided by one policy, every policy deciding one catalogue clause."""

from __future__ import annotations

import json
import re

from jsonschema import Draft202012Validator

from checker import paths, policies, schemas
from checker.catalogue import load_catalogue, load_params
from checker.check import policy_map

ID = re.compile(r"^\| ((?:A[0-9]+|[0-9]+)(?:\.[0-9a-z]+)+) \|", re.M)


def obligation_ids(text: str) -> list[str]:
    # the per-clause tables: first column of every table row that is a clause id
    return ID.findall(text)


def test_catalogue_ids_equal_obligations_ids(obligations_text: str) -> None:
    ids = obligation_ids(obligations_text)
    assert len(ids) == 91 == len(set(ids)), "OBLIGATIONS.md states 91 clause ids"
    catalogue = [c.id for c in load_catalogue()]
    assert len(catalogue) == len(set(catalogue))
    assert set(catalogue) == set(ids)


def test_every_automated_clause_has_its_policy_and_every_policy_a_clause() -> None:
    catalogue = load_catalogue()
    mapping = policy_map(catalogue)  # raises on any mismatch
    automated = {c.id for c in catalogue if c.automated}
    assert set(mapping) == automated
    declared = {p.clause for p in policies.discover() if not p.is_test and p.clause}
    assert declared == automated


def test_policy_metadata_names_the_catalogue_evidence() -> None:
    by_id = {c.id: c for c in load_catalogue()}
    for clause_id, info in policies.clause_policies().items():
        meta = info.metadata.get("custom") or {}
        assert sorted(meta.get("evidence", [])) == sorted(by_id[clause_id].evidence_kinds), info.file.path
        assert info.metadata.get("title"), f"{info.file.path}: METADATA needs a title"


def test_kinds_of_automated_clauses_have_schemas_citing_them() -> None:
    known = set(schemas.known_kinds())
    for clause in load_catalogue():
        if not clause.automated:
            continue
        for kind in clause.evidence_kinds + clause.optional_kinds:
            assert kind in known, f"{clause.id} reads {kind}, which has no schema"
            cited = schemas.kind_schema(kind).get("x-clauses", [])
            assert clause.id in cited, f"{kind}.schema.json does not name clause {clause.id} in x-clauses"


def test_every_schema_is_valid_2020_12_and_cites_real_clauses() -> None:
    ids = {c.id for c in load_catalogue()}
    for path in sorted(paths.EVIDENCE_SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path.name
        Draft202012Validator.check_schema(schema)  # against the 2020-12 meta-schema
        schemas.validator_for(path)  # and it compiles with its $refs
        if path.name != "common.schema.json":
            assert schema.get("description"), path.name
            cited = set(schema.get("x-clauses", []))
            # a kind read only by the liability ledger cites liability row ids instead
            assert cited or schema.get("x-liability"), f"{path.name}: cites no clause nor liability row"
            assert cited <= ids, f"{path.name}: x-clauses {cited - ids} not in the catalogue"


def test_parameters_file_is_valid_and_consistent() -> None:
    from decimal import Decimal

    params = load_params()
    price = Decimal(params["price_cny"])
    assert sum(Decimal(i["amount_cny"]) for i in params["instalments"]) == price
    assert sum(Decimal(s["annual_fee_cny"]) for s in params["systems"]) == price
    for inst in params["instalments"]:
        assert price * Decimal(inst["share_percent"]) / 100 == Decimal(inst["amount_cny"])
