"""The importer interface: one tool's output format in, evidence records out.

An importer only reads bytes. It never touches a bundle and never decides which inventory
host a record is about: it returns *units* (one scan, one hardening run, one antivirus run,
one monitoring series) each with the identities the tool reported (IP, FQDN, hostname,
agent name, Prometheus instance). `checker.importers.apply` maps those identities to
inventory hosts, fills the record's `host_id` / `system_id`, and writes the bundle.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checker.errors import CloudpactError


class ImporterError(CloudpactError):
    """A tool output cannot be imported: wrong format, truncated, empty, hostile XML, or a
    fact the record needs is absent. The message names the file; the bundle is untouched."""

    hint = "check the file is the named tool's own output, complete, then run the import again"

    def __init__(self, filename: str, reason: str, hint: str | None = None) -> None:
        super().__init__(f"{filename}: {reason}", hint)
        self.filename = filename
        self.reason = reason


@dataclass
class Unit:
    """One element of the evidence kind's collection, before host mapping.

    `record` lacks `host_id` (or `system_id` for availability series); `identities` are
    what the tool called the subject, most specific first."""

    identities: tuple[str, ...]
    record: dict[str, Any]
    labels: dict[str, str] = field(default_factory=dict)  # Prometheus series labels


@dataclass
class ImportResult:
    tool: str  # the tool's own name, e.g. "Nessus"
    tool_version: str | None
    kind: str  # evidence kind written, e.g. "vuln_scan"
    collection: str  # the kind's array holding units, e.g. "scans"
    units: list[Unit]
    counts: Counter[str] = field(default_factory=Counter)  # by severity or result, for the summary
    notes: list[str] = field(default_factory=list)  # what the user should know about this import

    @property
    def tool_ref(self) -> dict[str, str | None]:
        return {"name": self.tool, "version": self.tool_version}


class Importer(ABC):
    """A tool's output format."""

    #: the command-line name (`cloudpact import NAME`)
    name: str
    #: the evidence kind this importer writes (schemas/evidence/<kind>.schema.json)
    kind: str

    @abstractmethod
    def parse(
        self, raw: bytes, filename: str, *, scanned_at: datetime | None = None
    ) -> ImportResult:
        """Read one tool output. `scanned_at` supplies the scan time for formats that may
        not record it (clamscan without dates, Trivy without CreatedAt); a time in the file wins.
        Raise ImporterError naming `filename` when the bytes are not this format."""
