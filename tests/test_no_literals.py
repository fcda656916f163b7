"""A policy holds no contract number: quantities, thresholds and amounts come from the
parameters file (data.params), so next year's contract is a new file, not new code."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from checker import policies
from checker.catalogue import load_params

# Unit conversions a policy may spell out (seconds per minute, hours per day, percent).
ALLOWED = {Decimal(n) for n in (0, 1, 2, 24, 60, 100, 1000, 3600)}
NUMBER = re.compile(r"(?<![\w.\"])(\d+(?:\.\d+)?)(?![\w.])")


def numbers(value: Any) -> set[Decimal]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, (int, float)):
        return {Decimal(str(value))}
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value):
        return {Decimal(value)}
    if isinstance(value, dict):
        return set().union(*(numbers(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(numbers(v) for v in value)) if value else set()
    return set()


def code_only(source: str) -> str:
    """Drop comments and string literals."""
    source = re.sub(r'"(?:\\.|[^"\\])*"|`[^`]*`', '""', source)
    return "\n".join(line.split("#", 1)[0] for line in source.splitlines())


def test_no_policy_spells_a_contract_number() -> None:
    forbidden = numbers(load_params()) - ALLOWED
    assert Decimal(113) in forbidden and Decimal(260) in forbidden  # the check can bite
    offenders = []
    for info in policies.discover():
        if info.is_test:
            continue
        for n in NUMBER.findall(code_only(info.file.source)):
            if Decimal(n) in forbidden:
                offenders.append(f"{info.file.path}: {n}")
    assert not offenders, "contract numbers belong in params/: " + ", ".join(offenders)


def test_the_scanner_sees_a_literal() -> None:
    src = 'package x\nq := 260 # comment 113\nm := "130"\n'
    assert NUMBER.findall(code_only(src)) == ["260"]
