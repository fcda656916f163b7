"""Timestamps as the evidence schemas want them: RFC 3339 with an explicit offset.

Everything is written in the contract's zone, Asia/Shanghai (+08:00; no daylight saving since
1991, so a fixed offset is exact for any scan this contract can meet). A tool time with its own
offset or `Z` is converted, keeping the instant. A time without zone (Nessus HOST_START ctime,
Lynis and clamscan local times, old XCCDF) is read as Asia/Shanghai local time, the zone the
contract's systems run in; each importer says which fields it reads that way.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

_FRACTION = re.compile(r"(\.\d{6})\d+")


def rfc3339(dt: datetime) -> str:
    """`2025-09-03T08:00:00+08:00` (milliseconds kept when the source had them)."""
    local = dt.astimezone(SHANGHAI)
    spec = "milliseconds" if local.microsecond else "seconds"
    return local.isoformat(timespec=spec)


def parse_iso(value: str) -> datetime:
    """ISO 8601 / RFC 3339, `Z` or an offset, any fraction length; naive = Asia/Shanghai.
    Raises ValueError."""
    value = _FRACTION.sub(r"\1", value.strip())
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else dt.replace(tzinfo=SHANGHAI)


def parse_ctime(value: str) -> datetime:
    """`Thu Mar 20 00:30:57 2014` (C asctime, no zone) as Asia/Shanghai. Raises ValueError."""
    return datetime.strptime(" ".join(value.split()), "%a %b %d %H:%M:%S %Y").replace(
        tzinfo=SHANGHAI
    )


def parse_local(value: str, fmt: str) -> datetime:
    """A zone-less local time in `fmt`, as Asia/Shanghai. Raises ValueError."""
    return datetime.strptime(value.strip(), fmt).replace(tzinfo=SHANGHAI)


def from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def now() -> datetime:
    return datetime.now(tz=SHANGHAI).replace(microsecond=0)
