"""The spot-check record: what was drawn, what each item showed, how much confidence that
gives, signed by its own sha256 over a canonical serialisation.

`record_sha256` = sha256 of the canonical JSON (sorted keys, no spaces, UTF-8) of the record
without that field. The file is written with checker.bundle.dump_json (pretty, sorted keys).
`verify` recomputes the whole record from the bundle, the seed, the rule, the inspector and
the time stated in it, and compares: an edited record, a changed bundle, or changed
parameters each show as a named difference.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from checker import paths, schemas
from checker.bundle import Bundle, dump_json
from checker.errors import CloudpactError, ConfigError
from checker.spotcheck import stats
from checker.spotcheck.plan import ZONE, Plan, Population, Rule, canonical, make_plan
from checker.spotcheck.verify import Context, verify_item

RECORD_VERSION = 1
RECORD_SCHEMA = paths.SCHEMAS / "spotcheck" / "record.schema.json"
SUPERVISOR = "supervision_provider"  # 云综合监管服务商 (第一条, 第十五条 7)
PREFIX = "spot-checks/"


class RecordError(CloudpactError):
    """A spot-check record cannot be read or does not match its schema."""

    hint = "give the JSON record written by `cloudpact spot-check`"


def tool_name() -> str:
    try:
        return f"cloudpact {version('cloudpact')}"
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "cloudpact"


def now_iso() -> str:
    return datetime.now(ZONE).isoformat(timespec="seconds")


def params_sha256() -> str:
    return hashlib.sha256(paths.PARAMS.read_bytes()).hexdigest()


def _rate(num: int, den: int) -> str:
    if not den:
        return "n/a"
    return f"{(Decimal(num * 100) / Decimal(den)).quantize(Decimal('0.01'), ROUND_HALF_EVEN)}%"


def _percent(f: Fraction) -> str:
    return f"{(Decimal(f.numerator * 100) / Decimal(f.denominator)).normalize():f}%"


def confidence_section(plan: Plan, defective: dict[tuple[str, str], int]) -> dict[str, Any]:
    c = plan.rule.confidence
    per_stratum, per_population = [], []
    all_strata: list[stats.Stratum] = []
    total_found = 0
    for pop in plan.populations:
        t = pop.item_type.value
        strata, found_here = [], 0
        for name in sorted(pop.strata):
            N, n = len(pop.strata[name]), len(pop.drawn[name])
            k = defective.get((t, name), 0)
            bound = stats.max_defects(N, n, c, k)
            per_stratum.append(
                {
                    "item_type": t,
                    "stratum": name,
                    "population": N,
                    "drawn": n,
                    "defective_found": k,
                    "max_defective": bound,
                    "max_defect_rate": _rate(bound, N),
                }
            )
            strata.append(stats.Stratum(N, n))
            found_here += k
        all_strata += strata
        total_found += found_here
        per_population.append(_population_bound(t, pop, strata, found_here, c, plan.rule))
    overall = _population_bound("all sampled items", None, all_strata, total_found, c, plan.rule)
    return {
        "confidence": plan.rule.as_dict()["confidence"],
        "per_stratum": per_stratum,
        "per_population": per_population,
        "overall": overall,
    }


def _population_bound(
    label: str,
    pop: Population | None,
    strata: list[stats.Stratum],
    found: int,
    c: Fraction,
    rule: Rule,
) -> dict[str, Any]:
    N, n = sum(s.size for s in strata), sum(s.drawn for s in strata)
    out: dict[str, Any] = {
        "item_type": label,
        "population": N,
        "drawn": n,
        "defective_found": found,
    }
    if N == 0:
        out.update(
            max_defective=None, max_defect_rate=None, statement=f"{label}: nothing to sample"
        )
        return out
    if found:
        out.update(
            max_defective=None,
            max_defect_rate=None,
            statement=(
                f"{label}: {found} defective item(s) found in {n} drawn of {N}; at least "
                f"{found} of {N} are defective, so the zero-defect bound does not hold"
            ),
        )
        return out
    bound = stats.stratified_max_defects(strata, c)
    out.update(max_defective=bound, max_defect_rate=_rate(bound, N))
    text = (
        f"{label}: no defect in {n} drawn of {N} ({len(strata)} strata): at {_percent(c)} "
        f"confidence at most {bound} of {N} are defective (defect rate <= {_rate(bound, N)})"
    )
    if rule.max_defect_rate is not None:
        target = rule.max_defect_rate
        met = Fraction(bound, N) < target
        text += f", {'below' if met else 'NOT below'} the {_percent(target)} target"
    out["statement"] = text
    return out


def build_record(
    bundle: Bundle,
    *,
    seed: str,
    rule: Rule,
    params: dict[str, Any],
    clauses: Sequence[str] | None = None,
    inspector_role: str = SUPERVISOR,
    inspected_at: str | None = None,
    tool: str | None = None,
) -> dict[str, Any]:
    plan = make_plan(bundle, seed, rule, params, clauses)
    ctx = Context.build(bundle, params)
    items: list[dict[str, Any]] = []
    defective: dict[tuple[str, str], int] = {}
    selected = tuple(clauses) if clauses else None
    for item in plan.items():
        findings = verify_item(ctx, item, selected)
        key = (item.item_type.value, item.stratum)
        defective[key] = defective.get(key, 0) + (1 if findings else 0)
        items.append(
            {
                "item_type": item.item_type.value,
                "stratum": item.stratum,
                "id": item.id,
                "evidence": item.evidence,
                "status": "fail" if findings else "pass",
                "findings": [f.as_dict() for f in findings],
            }
        )
    record: dict[str, Any] = {
        "record_version": RECORD_VERSION,
        "kind": "spot_check_record",
        "contract_id": bundle.contract_id,
        "bundle_id": bundle.bundle_id,
        "bundle": bundle.store.location,
        "manifest_sha256": bundle.manifest_sha256,
        "parameters_sha256": params_sha256(),
        "seed": seed,
        "inspector": {
            "role": inspector_role,
            "organisation_role": SUPERVISOR,
            "tool": tool or tool_name(),
        },
        "inspected_at": inspected_at or now_iso(),
        "plan": plan.as_dict(),
        "files_read": dict(sorted(ctx.files_read.items())),
        "items": items,
        "confidence": confidence_section(plan, defective),
        "summary": {
            "drawn": len(items),
            "defective": sum(1 for i in items if i["status"] == "fail"),
            "findings": sum(len(i["findings"]) for i in items),
        },
    }
    record["record_sha256"] = record_digest(record)
    return record


def record_digest(record: dict[str, Any]) -> str:
    body = {k: v for k, v in record.items() if k != "record_sha256"}
    return hashlib.sha256(canonical(body)).hexdigest()


def record_bytes(record: dict[str, Any]) -> bytes:
    return dump_json(record)


def record_key(record: dict[str, Any]) -> str:
    """spot-checks/<bundle_id>/<inspected_at>-seed-<seed>-<sha12>.json under the store root."""
    stamp = re.sub(r"[^0-9T]", "", record["inspected_at"][:19])
    seed = re.sub(r"[^A-Za-z0-9._-]+", "_", record["seed"])[:40]
    bundle_id = re.sub(r"[^A-Za-z0-9._-]+", "_", record["bundle_id"])
    return f"{PREFIX}{bundle_id}/{stamp}-seed-{seed}-{record['record_sha256'][:12]}.json"


def load_record(raw: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecordError(f"{where}: not JSON ({exc})") from None
    error = schemas.first_error(schemas.validator_for(RECORD_SCHEMA), record)
    if error:
        raise RecordError(f"{where}: not a spot-check record {error}")
    return record  # type: ignore[no-any-return]


# ---- verify ----------------------------------------------------------------------------


@dataclass
class Verification:
    differences: list[str]

    @property
    def ok(self) -> bool:
        return not self.differences


def _diff(a: Any, b: Any, at: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            p = f"{at}/{k}"
            if k not in b:
                yield f"{p}: in the record, not recomputed"
            elif k not in a:
                yield f"{p}: recomputed, absent from the record"
            else:
                yield from _diff(a[k], b[k], p)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from _diff(x, y, f"{at}/{i}")
    elif a != b:

        def short(v: Any) -> str:
            text = json.dumps(v, ensure_ascii=False, sort_keys=True)
            return text if len(text) <= 80 else text[:77] + "..."

        yield f"{at or '/'}: record has {short(a)}, recomputed {short(b)}"


# fields a recomputation takes from the record itself rather than deriving them
_GIVEN = ("bundle",)


def verify_record(
    record: dict[str, Any], bundle: Bundle, params: dict[str, Any], *, limit: int = 20
) -> Verification:
    out: list[str] = []
    stated = record.get("record_sha256")
    actual = record_digest(record)
    if stated != actual:
        out.append(
            f"record_sha256: the record states {stated}, its content hashes to {actual} "
            "(the record was edited after it was written)"
        )
    if record["manifest_sha256"] != bundle.manifest_sha256:
        out.append(
            f"manifest_sha256: the record was made on manifest {record['manifest_sha256']}, "
            f"the bundle's is now {bundle.manifest_sha256} (the bundle changed)"
        )
        now = {f.path: f.sha256 for f in bundle.files}
        for path, sha in sorted(record.get("files_read", {}).items()):
            if now.get(path) != sha:
                out.append(
                    f"files_read/{path}: sha256 {sha[:12]}... in the record, "
                    + (
                        f"{now[path][:12]}... in the bundle"
                        if path in now
                        else "absent from the bundle"
                    )
                )
    states = {f.path: f for f in bundle.files}
    for path in sorted(record.get("files_read", {})):
        f = states.get(path)
        if f is not None and f.state != "ok":  # bytes changed behind an unchanged manifest
            out.append(f"files_read/{path}: now {f.state} in the bundle ({f.reason})")
    if record["parameters_sha256"] != params_sha256():
        out.append("parameters_sha256: the contract parameters differ from those the record used")
    try:
        again = build_record(
            bundle,
            seed=record["seed"],
            rule=Rule.from_dict(record["plan"]["rule"]),
            params=params,
            clauses=record["plan"].get("clauses"),
            inspector_role=record["inspector"]["role"],
            inspected_at=record["inspected_at"],
            tool=record["inspector"]["tool"],
        )
    except ConfigError as exc:
        out.append(f"cannot recompute the plan: {exc}")
        return Verification(out)
    mine = {k: v for k, v in record.items() if k not in ("record_sha256", *_GIVEN)}
    theirs = {k: v for k, v in again.items() if k not in ("record_sha256", *_GIVEN)}
    diffs = list(_diff(mine, theirs))
    if diffs:
        shown = diffs[:limit]
        if len(diffs) > limit:
            shown.append(f"... and {len(diffs) - limit} more difference(s)")
        out += shown
    return Verification(out)


def validate_record(record: dict[str, Any]) -> None:
    """The record this code writes always matches its published schema."""
    error = schemas.first_error(schemas.validator_for(RECORD_SCHEMA), record)
    if error:  # pragma: no cover - a bug in cloudpact, caught by the tests
        raise RecordError(f"spot-check record does not match {RECORD_SCHEMA.name} {error}")


# ---- the supervision provider's signature (issue 14) -------------------------------------


def sign_record(data: bytes, key_path: Any, signed_at: str) -> bytes:
    """`RECORD.sig`: the inspector's signature over the record's exact bytes
    (checker/trust/signing.py). The key must be the supervision provider's."""
    from checker.trust.interface import TrustError
    from checker.trust.signing import add_signature, load_signing_key, sign_entry

    key = load_signing_key(key_path)
    if key.role != "supervision_provider":
        raise TrustError(f"{key_path}: a spot-check record is signed by the supervision "
                         f"provider, this key is {key.role}'s")
    return add_signature(None, sign_entry(data, key, signed_at))


def record_signature(data: bytes, sig_raw: bytes | None, trust: Any, where: str) -> tuple[bool | None, str]:
    """(True: signed by the supervision provider | False: a signature that fails |
    None: no signature), with a line saying which."""
    from checker.trust.signing import verify

    if sig_raw is None:
        return None, f"UNSIGNED {where}: no signature of the supervision provider ({where}.sig)"
    v = verify(data, sig_raw, trust, where)
    good = v.by({"supervision_provider"})
    if good:
        return True, f"SIGNED {where}: by {good[0].describe()}"
    problems = "; ".join((["signed, but not by the supervision provider"] if v.valid else [])
                         + v.problems)
    return False, f"SIGNATURE NOT VALID {where}: {problems}"
