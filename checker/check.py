"""The spine: bundle in, one verdict per catalogue clause out."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from checker import attestations, holidays, paths, policies, schema_fields, workdays
from checker.bundle import Bundle, load_bundle
from checker.catalogue import load_catalogue, load_params
from checker.engine import Engine, EngineName, PackageOutcome
from checker.errors import BundleError, ConfigError
from checker.liability import LIABILITY_PACKAGE, LiabilityLedger, ledger_from_outcome
from checker.model import Clause, ClauseResult, EvidenceRef, Excluded, Report, Status, Violation
from checker.store.interface import Store

ZONE = ZoneInfo("Asia/Shanghai")


def now_iso() -> str:
    return datetime.now(ZONE).isoformat(timespec="seconds")


def policy_map(catalogue: Sequence[Clause]) -> dict[str, str]:
    """clause id -> package, after proving catalogue and policies agree."""
    by_clause = policies.clause_policies()
    ids = {c.id for c in catalogue}
    for clause_id, info in by_clause.items():
        if clause_id not in ids:
            raise ConfigError(f"{info.file.path} decides clause {clause_id}, which is not in the catalogue")
    out = {}
    for c in catalogue:
        if not c.automated:
            if c.id in by_clause:
                raise ConfigError(
                    f"{by_clause[c.id].file.path} decides clause {c.id}, "
                    "but the catalogue marks it manual (set automated: true)"
                )
            continue
        info = by_clause.get(c.id)
        if info is None:
            raise ConfigError(f"clause {c.id} is automated in the catalogue but no policy declares it")
        if c.policy != info.package:
            raise ConfigError(
                f"clause {c.id}: catalogue names package {c.policy}, {info.file.path} is {info.package}"
            )
        out[c.id] = info.package
    return out


def input_digests() -> dict[str, str]:
    from checker import packs

    pack = packs.current()
    return {
        "policies_sha256": policies.tree_sha256(paths.POLICIES, "*.rego"),
        "catalogue_sha256": hashlib.sha256(paths.CATALOGUE.read_bytes()).hexdigest(),
        "parameters_sha256": hashlib.sha256(pack.params_path.read_bytes()).hexdigest(),
        "schemas_sha256": policies.tree_sha256(paths.SCHEMAS, "*.json"),
        "pack_sha256": pack.digest,
    }


def evidence_state(bundle: Bundle, clause: Clause) -> tuple[str, str, tuple[EvidenceRef, ...]]:
    refs: list[EvidenceRef] = []
    worst, reasons = "ok", []
    for kind in clause.evidence_kinds:
        state, reason = bundle.kind_state(kind)
        files = bundle.files_of(kind)
        refs.extend(EvidenceRef(f.path, kind, f.state, f.reason) for f in files)
        if not files:
            refs.append(EvidenceRef("", kind, "missing", reason))
        if state != "ok":
            reasons.append(f"{kind}: {reason}")
            if state == "invalid" or worst == "ok":
                worst = state
    for kind in clause.optional_kinds:
        refs.extend(EvidenceRef(f.path, kind, f.state, f.reason) for f in bundle.files_of(kind))
    return worst, "; ".join(reasons), tuple(refs)


def _violation(raw: Mapping[str, Any]) -> Violation:
    details = {k: v for k, v in raw.items() if k not in ("msg", "evidence")}
    return Violation(str(raw.get("msg", "")), str(raw.get("evidence", "")), details)


def _sort_key(v: Violation) -> tuple[str, str]:
    return (v.evidence, v.message)


def result_from_outcome(clause: Clause, outcome: PackageOutcome, refs: tuple[EvidenceRef, ...]) -> ClauseResult:
    if outcome.error is not None:
        return ClauseResult(clause, Status.ERROR, evidence=refs, reason=outcome.error)
    measure = dict(outcome.measure or {})
    expected, actual, unit = measure.pop("expected", None), measure.pop("actual", None), measure.pop("unit", None)
    violations = tuple(sorted((_violation(v) for v in outcome.deny), key=_sort_key))
    if outcome.not_applicable and not violations:
        status = Status.NOT_APPLICABLE
    else:
        status = Status.FAIL if violations else Status.PASS
    excluded = tuple(
        Excluded(str(x["evidence"]), str(x.get("reason", "")),
                 {k: v for k, v in x.items() if k not in ("evidence", "reason")})
        for x in outcome.excluded
    )
    return ClauseResult(
        clause, status, violations, expected, actual, unit, refs, measures=measure, excluded=excluded
    )


def policy_data(params: Mapping[str, Any]) -> dict[str, Any]:
    """`data` of the policies: the contract parameters and China's official calendar of the
    contract's years: working days (deadlines, 第六条 2 and 第七条 2) and public holidays (3.9)."""
    return {
        "params": params,
        "calendar": {**workdays.calendar_data(params), "holidays": holidays.holidays_in_period(params)},
    }


def manual_result(
    bundle: Bundle, clause: Clause, state: str, reason: str, refs: tuple[EvidenceRef, ...]
) -> ClauseResult:
    """A clause no policy decides: pass with an accepted signed attestation, manual
    otherwise; invalid when the evidence it lists (the attestations) fails its schema."""
    if state == "invalid":
        return ClauseResult(clause, Status.INVALID, evidence=refs, reason=reason)
    accepted, why = attestations.decide(bundle, clause.id)
    if accepted and attestations.KIND not in clause.evidence_kinds:
        files = bundle.files_of(attestations.KIND)
        refs = refs + tuple(EvidenceRef(f.path, f.kind, f.state, f.reason) for f in files)
    status = Status.PASS if accepted else Status.MANUAL
    return ClauseResult(clause, status, evidence=refs, reason=why)


def evaluate_bundle(
    bundle: Bundle,
    *,
    engine: Engine | None = None,
    catalogue: Sequence[Clause] | None = None,
    params: Mapping[str, Any] | None = None,
) -> list[ClauseResult]:
    return evaluate(bundle, engine=engine, catalogue=catalogue, params=params)[0]


def evaluate(
    bundle: Bundle,
    *,
    engine: Engine | None = None,
    catalogue: Sequence[Clause] | None = None,
    params: Mapping[str, Any] | None = None,
) -> tuple[list[ClauseResult], LiabilityLedger]:
    """One engine pass: every clause package whose evidence is there, plus the liability
    package (contract.liability), whose rows checker/liability.py prices."""
    catalogue = catalogue or load_catalogue()
    params = params or load_params()
    if bundle.contract_id != params["contract_id"]:
        raise BundleError(
            f"{bundle.store.location}: bundle is for contract {bundle.contract_id}, "
            f"the parameters are for {params['contract_id']}"
        )
    packages = policy_map(catalogue)
    states = {c.id: evidence_state(bundle, c) for c in catalogue}
    to_run = [packages[c.id] for c in catalogue if c.id in packages and states[c.id][0] == "ok"]
    # the ledger first (with every clause that does not read it), then the clauses that
    # reconcile against it (7.2.2: deductions from the final instalment), in one run
    reads_ledger = ledger_packages()
    first = [p for p in to_run if p not in reads_ledger] + [LIABILITY_PACKAGE]
    second = [p for p in to_run if p in reads_ledger]
    engine = engine or EngineName.EMBEDDED.to_engine()
    schema_fields.check(policies.policy_files())  # issue 12: no field a schema lacks
    engine.load(policies.policy_files(), policy_data(params))
    outcomes = engine.evaluate(bundle.policy_input_parts(), first)
    ledger = ledger_from_outcome(outcomes[LIABILITY_PACKAGE], params)
    if second:
        kinds = {k for c in catalogue if packages.get(c.id) in second
                 for k in (*c.evidence_kinds, *c.optional_kinds)}
        outcomes.update(engine.evaluate(ledger_input(bundle, kinds, ledger), second))
    results = []
    for clause in catalogue:
        state, reason, refs = states[clause.id]
        if not clause.automated:
            results.append(manual_result(bundle, clause, state, reason, refs))
        elif state == "missing":
            results.append(ClauseResult(clause, Status.MISSING, evidence=refs, reason=reason))
        elif state == "invalid":
            results.append(ClauseResult(clause, Status.INVALID, evidence=refs, reason=reason))
        else:
            results.append(result_from_outcome(clause, outcomes[packages[clause.id]], refs))
    return results, ledger


def ledger_packages() -> set[str]:
    """Packages whose METADATA says `custom.reads_ledger: true`."""
    return {p.package for p in policies.discover()
            if not p.is_test and (p.metadata.get("custom") or {}).get("reads_ledger")}


def ledger_input(bundle: Bundle, kinds: set[str], ledger: LiabilityLedger) -> bytes:
    """The input of the clauses that read the ledger: the evidence kinds they name, and
    `liability` with the deductible total (absent when the ledger could not be computed,
    which those clauses report as a violation)."""
    extra = {} if ledger.failed else {
        "liability": {"deductible_total_cny": str(ledger.deductible), "total_cny": str(ledger.total)}}
    return bundle.policy_input_json(kinds, extra)


def _refuse_own_trust(store: Store, trusted: Any) -> None:
    """A bundle never supplies its own trust: a trust file inside the bundle is refused."""
    root = getattr(store, "root", None)
    if root is None or not trusted.path:
        return
    if Path(trusted.path).resolve().is_relative_to(Path(root).resolve()):
        raise ConfigError(f"{trusted.path}: the trust file lies inside the bundle; refused",
                          hint="the verifier keeps its trust file outside every bundle")


def run_check(store: Store, *, engine: Engine | None = None, waivers: Path | None = None,
              as_of: date | None = None, contract: str | None = None,
              trust: Path | None = None) -> Report:
    """as_of: the day waiver expiry is judged at (default: the day of the run); trust: the
    trust file (default location: checker/trust/trustfile.py). The bundle is judged by the
    contract pack its contract_id names (`contract` forces one)."""
    from checker import packs

    bundle = load_bundle(store)
    with packs.using(packs.for_contract(bundle.contract_id, forced=contract)) as pack:
        return _run_check(store, bundle, pack, engine=engine, waivers=waivers, as_of=as_of,
                          trust=trust)


def _run_check(store: Store, bundle: Bundle, pack: Any, *, engine: Engine | None,
               waivers: Path | None, as_of: date | None, trust: Path | None) -> Report:
    from checker import periods
    from checker.trust import resolve
    from checker.trust.evidence import gate_approvals, manifest_signature
    from checker.waivers import apply_to_report, load_waivers, prepare

    trusted = resolve(trust)
    waivers_file = load_waivers(waivers, load_catalogue(), trusted) if waivers is not None else None
    _refuse_own_trust(store, trusted)
    bundle.trust, bundle.term = trusted, dict(load_params()["period"])
    cov = periods.coverage(bundle.manifest["period"], bundle.term)
    scopes = prepare(bundle, waivers_file) if waivers_file is not None else None
    results, ledger = evaluate(bundle, engine=engine)
    results = list(periods.apply_partial(gate_approvals(results, bundle), cov))
    used = engine.name if engine else EngineName.EMBEDDED.to_engine().name
    provenance = {
        f.path: {"sha256": f.info.sha256, **({"version_id": f.info.version_id} if f.info.version_id else {})}
        for f in bundle.files if f.info is not None
    }
    report = Report(
        contract_id=bundle.contract_id,
        period=dict(bundle.manifest["period"]),
        producer=bundle.manifest["producer"]["role"],
        bundle=store.location,
        manifest_sha256=bundle.manifest_sha256,
        engine=used,
        results=tuple(results),
        generated_at=now_iso(),
        inputs=input_digests(),
        extra={"bundle_id": bundle.bundle_id, "pack": pack.as_dict(), "objects_read": provenance,
               "liability": ledger, "period_coverage": cov,
               "manifest_signature": manifest_signature(bundle),
               **({"store_warnings": list(w)} if (w := getattr(store, "warnings", None)) else {})},
    )
    if waivers_file is not None and scopes is not None:
        report = apply_to_report(report, scopes, waivers_file, as_of)
    return report
