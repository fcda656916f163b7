"""Prometheus `query_range` results for `up` / `probe_success` -> availability_samples
(clauses 3.4.a, 3.6.a).

Reads the API answer with its `{"status": "success", "data": {"resultType": "matrix",
"result": [...]}}` envelope or the bare `result` array. Each series becomes a regular series:
the step is the most common interval between samples (whole seconds), sample i sits at
start + i * step and is written as one character of the `values` string: '1' up, '0' down,
'-' a slot without a sample (a monitoring gap).
`NaN` (a stale marker) is a gap too; any other value is refused, since `up` and
`probe_success` only take 0 and 1. Which information system a series belongs to is decided in
`apply` (`--system`, a `system_id` label, or the instance mapped through the host map).
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime
from typing import Any

from checker.importers import timeutil
from checker.importers.inputs import parse_json
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

METRICS = frozenset({"up", "probe_success"})


class PrometheusImporter(Importer):
    name = "prometheus"
    kind = "availability_samples"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        doc = parse_json(raw, filename)
        variant = "bare result array"
        if isinstance(doc, dict) and "status" in doc:
            if doc.get("status") != "success":
                raise ImporterError(
                    filename,
                    f"Prometheus answer has status {doc.get('status')!r}: {doc.get('error')}",
                )
            data = doc.get("data") or {}
            if data.get("resultType") != "matrix":
                raise ImporterError(
                    filename,
                    f"resultType {data.get('resultType')!r}: availability needs a range query "
                    "(/api/v1/query_range gives a matrix)",
                )
            doc, variant = data.get("result"), "API envelope"
        if not isinstance(doc, list) or not all(
            isinstance(s, dict)
            and isinstance(s.get("metric"), dict)
            and isinstance(s.get("values"), list)
            for s in doc
        ):
            raise ImporterError(
                filename, "not a Prometheus query_range result (series with metric and values)"
            )
        if not doc:
            raise ImporterError(filename, "Prometheus result has no series")
        result = ImportResult("Prometheus", None, self.kind, "series", [])
        result.notes.append(f"format: {variant}")
        for n, series in enumerate(doc):
            result.units.append(_series(series, n, filename, result.counts))
        return result


def _series(series: dict[str, Any], n: int, filename: str, counts: Counter[str]) -> Unit:
    labels = {str(k): str(v) for k, v in series["metric"].items()}
    metric = labels.get("__name__")
    if metric is not None and metric not in METRICS:
        raise ImporterError(
            filename,
            f"series {n}: metric {metric!r} is not an availability metric (up, probe_success)",
        )
    samples: list[tuple[float, int | None]] = []
    for point in series["values"]:
        try:
            ts, number = float(point[0]), float(point[1])
        except (TypeError, ValueError, IndexError):
            raise ImporterError(
                filename, f"series {n}: sample {point!r} is not [time, value]"
            ) from None
        if math.isnan(number):
            samples.append((ts, None))
        elif number in (0.0, 1.0):
            samples.append((ts, int(number)))
        else:
            raise ImporterError(
                filename, f"series {n} ({_name(labels)}): value {point[1]!r} is neither 0 nor 1"
            )
    if not samples:
        raise ImporterError(filename, f"series {n} ({_name(labels)}) has no samples")
    samples.sort(key=lambda s: s[0])
    start = samples[0][0]
    deltas = Counter(round(b[0] - a[0]) for a, b in zip(samples, samples[1:], strict=False))
    step = max(1, deltas.most_common(1)[0][0]) if deltas else 60
    size = round((samples[-1][0] - start) / step) + 1
    values: list[int | None] = [None] * size
    for ts, value in samples:
        slot = round((ts - start) / step)
        if values[slot] is None or value == 0:  # two samples in one slot: down is never hidden
            values[slot] = value
    counts["up"] += values.count(1)
    counts["down"] += values.count(0)
    counts["gap"] += values.count(None)
    record: dict[str, Any] = {
        "series_id": _name(labels),
        "labels": labels,
        "start": timeutil.rfc3339(timeutil.from_epoch(start)),
        "step_seconds": step,
        "values": "".join("-" if v is None else str(v) for v in values),
    }
    instance = labels.get("instance", "")
    identities = tuple(v for v in (instance, labels.get("job", "")) if v)
    return Unit(identities, record, labels)


def _name(labels: dict[str, str]) -> str:
    inner = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()) if k != "__name__")
    return f"{labels.get('__name__', '')}{{{inner}}}"
