"""clamscan output with its `SCAN SUMMARY` -> antivirus run (clause 2.2.1.5).

Per-file lines `PATH: SIGNATURE FOUND`, `PATH: OK`, `PATH: Removed.` / `moved to`,
`PATH: ... ERROR`, then the summary block (`Engine version`, `Scanned files`,
`Infected files`, `Start Date` / `End Date` in `YYYY:MM:DD HH:MM:SS` local time, read as
Asia/Shanghai). A log without the summary is truncated and refused. clamscan does not name
the host it ran on: `--host` says which one. The run's result: `clean` (nothing found),
`cleaned` (every detection removed or moved), `infected` (found, not removed).
It gives no agent facts (central management), so no agent entry is written.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from checker.importers import timeutil
from checker.importers.inputs import decode_text
from checker.importers.interface import Importer, ImporterError, ImportResult, Unit

SUMMARY = "----------- SCAN SUMMARY -----------"
_FOUND = re.compile(r"^(?P<path>.+?): (?P<sig>\S+) FOUND$")
_ACTION = re.compile(r"^(?P<path>.+?): (?P<action>Removed\.|moved to .+|copied to .+)$")
_DATE_FORMAT = "%Y:%m:%d %H:%M:%S"


class ClamavImporter(Importer):
    name = "clamav"
    kind = "antivirus"

    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        data = decode_text(raw, filename)
        head, sep, tail = data.partition(SUMMARY)
        if not sep:
            lines = data.splitlines()
            if any(_FOUND.match(line) or line.endswith((": OK", " ERROR")) for line in lines):
                reason = "clamscan output is truncated: no SCAN SUMMARY block"
            else:
                reason = "not clamscan output (no SCAN SUMMARY block)"
            raise ImporterError(filename, reason)
        summary = {}
        for line in tail.splitlines():
            key, colon, value = line.partition(":")
            if colon:
                summary[key.strip()] = value.strip()
        if "Scanned files" not in summary or "Infected files" not in summary:
            raise ImporterError(
                filename, "clamscan summary is truncated (no Scanned/Infected files)"
            )
        detections: list[dict[str, Any]] = []
        actions: dict[str, str] = {}
        for line in head.splitlines():
            if m := _FOUND.match(line):
                detections.append({"path": m["path"], "signature": m["sig"]})
            elif m := _ACTION.match(line):
                actions[m["path"]] = m["action"].rstrip(".")
        for d in detections:
            if d["path"] in actions:
                d["action"] = actions[d["path"]]
        try:
            files, infected = int(summary["Scanned files"]), int(summary["Infected files"])
        except ValueError:
            raise ImporterError(filename, "clamscan summary counts are not numbers") from None
        started = _date(summary.get("Start Date"), filename) or scanned_at
        if started is None:
            raise ImporterError(
                filename,
                "clamscan summary has no Start Date (clamscan < 0.103): the scan time is unknown",
                hint="pass --scanned-at with the time the scan ran (RFC 3339)",
            )
        finished = _date(summary.get("End Date"), filename) or started
        if infected == 0:
            outcome = "clean"
        elif detections and all("action" in d for d in detections):
            outcome = "cleaned"
        else:
            outcome = "infected"
        version = summary.get("Engine version") or None
        result = ImportResult("ClamAV", version, self.kind, "runs", [])
        result.counts.update({"files": files, "infected": infected})
        if len(detections) != infected:
            result.notes.append(
                f"{len(detections)} FOUND line(s) but the summary says {infected} infected file(s)"
            )
        record = {
            "started_at": timeutil.rfc3339(started),
            "finished_at": timeutil.rfc3339(finished),
            "files_scanned": files,
            "infected": infected,
            "detections": detections,
            "result": outcome,
        }
        result.units.append(Unit((), record))
        return result


def _date(value: str | None, filename: str) -> datetime | None:
    if not value:
        return None
    try:
        return timeutil.parse_local(value, _DATE_FORMAT)
    except ValueError:
        raise ImporterError(
            filename, f"clamscan date {value!r} is not YYYY:MM:DD HH:MM:SS"
        ) from None
