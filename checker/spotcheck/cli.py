"""What `cloudpact spot-check` does once its arguments are parsed (checker/cli.py stays thin)."""

from __future__ import annotations

from typing import Any

import json
from datetime import datetime
from fractions import Fraction

import click

from checker.bundle import load_bundle
from checker.catalogue import load_params
from checker.errors import ConfigError, StoreError
from checker.model import ExitCode
from checker.spotcheck import stats
from checker.spotcheck.plan import Rule
from checker.spotcheck.record import (
    RecordError,
    build_record,
    load_record,
    record_bytes,
    record_key,
    validate_record,
    verify_record,
)
from checker.store import Store, open_store

DEFAULT_RATE = "0.05"


def _fraction(option: str, text: str) -> Fraction:
    try:
        return stats.as_fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ConfigError(f"{option} {text!r} is not a number (e.g. 0.95)") from None


def _split(location: str) -> tuple[str, str]:
    head, _, name = location.rstrip("/").rpartition("/")
    if not name:
        raise ConfigError(f"{location!r}: give a file name for the record")
    return head or ".", name


def run(
    store: Store,
    *,
    seed: str,
    size: int | None,
    confidence: str,
    max_defect_rate: str | None,
    clauses: str | None,
    output: str | None,
    inspector_role: str,
    inspected_at: str | None,
    endpoint_url: str | None,
    sign_key: Any = None,
) -> int:
    if size is not None and max_defect_rate is not None:
        raise ConfigError("give --size or --max-defect-rate, not both")
    rate = (
        None
        if size is not None
        else _fraction("--max-defect-rate", max_defect_rate or DEFAULT_RATE)
    )
    rule = Rule(_fraction("--confidence", confidence), rate, size)
    if inspected_at is not None:
        try:
            if datetime.fromisoformat(inspected_at).utcoffset() is None:
                raise ValueError
        except ValueError:
            raise ConfigError(
                f"--at {inspected_at!r} is not an RFC 3339 time with an offset"
            ) from None
    if not inspector_role.strip():
        raise ConfigError("--inspector-role must not be empty")
    selected = [c.strip() for c in clauses.split(",") if c.strip()] if clauses else None
    bundle = load_bundle(store)
    record = build_record(
        bundle,
        seed=seed,
        rule=rule,
        params=load_params(),
        clauses=selected,
        inspector_role=inspector_role,
        inspected_at=inspected_at,
    )
    validate_record(record)
    data = record_bytes(record)
    if output is None:
        target, key = store, record_key(record)
    else:
        head, key = _split(output)
        target = open_store(head, endpoint_url=endpoint_url)
    if sign_key is not None:  # the signature first: a record never appears unsigned
        from checker.spotcheck.record import sign_record

        when = record["inspected_at"]
        target.write_once(key + ".sig", sign_record(data, sign_key, when))
    target.write_once(key, data)  # never overwrites (StoreError when the key holds other bytes)
    for line in summary_lines(record):
        click.echo(line)
    click.echo(f"record {record['record_sha256']} -> {target.location.rstrip('/')}/{key}")
    return ExitCode.CLAUSE_FAILED if record["summary"]["defective"] else ExitCode.OK


def summary_lines(record: dict) -> list[str]:  # type: ignore[type-arg]
    conf = record["confidence"]
    lines = [
        f"spot check of {record['bundle_id']} (manifest {record['manifest_sha256'][:12]}...), "
        f"seed {record['seed']!r}, by {record['inspector']['role']} at {record['inspected_at']}"
    ]
    lines += [f"  {p['statement']}" for p in conf["per_population"]]
    lines.append(f"  overall: {conf['overall']['statement']}")
    for n in record["plan"]["not_sampled"]:
        lines.append(f"  not sampled: {n['item_type']} ({n['reason']})")
    for item in record["items"]:
        for f in item["findings"]:
            lines.append(
                f"FAIL {f['clause']:8} {item['item_type']} {item['id']}: {f['message']}"
                f" [{f['evidence']}]"
            )
    s = record["summary"]
    lines.append(
        f"{s['drawn']} items drawn, {s['defective']} defective, {s['findings']} finding(s)"
    )
    return lines


def verify(record_location: str, store: Store, *, endpoint_url: str | None,
           trust: Any = None) -> int:
    head, name = _split(record_location)
    try:
        raw = open_store(head, endpoint_url=endpoint_url).read(name)
    except StoreError as exc:
        raise RecordError(f"{record_location}: cannot read the record ({exc})") from None
    try:
        record = load_record(raw, record_location)
    except RecordError:
        try:
            doc = json.loads(raw)
        except ValueError:
            raise
        if not (isinstance(doc, dict) and doc.get("kind") == "spot_check_record"):
            raise
        click.echo(f"DIFFERS {record_location}: no longer matches the record schema (edited)")
        return ExitCode.CLAUSE_FAILED
    from checker.spotcheck.record import record_signature
    from checker.trust import resolve

    try:
        sig_raw: bytes | None = open_store(head, endpoint_url=endpoint_url).read(name + ".sig")
    except StoreError:
        sig_raw = None
    signed, line = record_signature(raw, sig_raw, resolve(trust), record_location)
    bundle = load_bundle(store)
    result = verify_record(record, bundle, load_params())
    if result.ok:
        click.echo(
            f"OK {record_location}: recomputed exactly from {store.location} "
            f"(record {record['record_sha256']})"
        )
        click.echo(line)
        return ExitCode.CLAUSE_FAILED if signed is False else ExitCode.OK
    click.echo(line)
    click.echo(f"DIFFERS {record_location}: {len(result.differences)} difference(s)")
    for d in result.differences:
        click.echo(f"  {d}")
    return ExitCode.CLAUSE_FAILED
