"""Timestamps as the evidence schemas want them: RFC 3339 with an explicit offset.

Everything is written in the contract's zone, Asia/Shanghai (+08:00; no daylight saving since
1991, so a fixed offset is exact for any scan this contract can meet). A tool time with its own
offset or `Z` is converted, keeping the instant. A time without zone (Nessus HOST_START ctime,
Lynis and clamscan local times, old XCCDF) is read in the *assumed zone*: the one the user
states with `cloudpact import --assume-tz ZONE`, else Asia/Shanghai, the zone the contract's
systems run in. Either way every zone-less time read is counted (`assume_zone()`), the import
summary says so, and the record's provenance carries `assumed_timezone` (zone, whether the user
stated it, how many values, an example), so a reader can see which instants rest on an
assumption; each importer says which fields it reads that way.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
_OFFSET = re.compile(r"^(?:UTC)?([+-])([0-9]{2}):?([0-9]{2})$")


@dataclass
class ZoneUse:
    """The zone zone-less times are read in, and what was read that way."""

    zone: tzinfo = SHANGHAI
    name: str = "Asia/Shanghai"
    explicit: bool = False  # stated by the user (--assume-tz), not the default
    values: list[str] = field(default_factory=list)

    def provenance(self) -> dict[str, object]:
        return {"zone": self.name, "explicit": self.explicit, "values": len(self.values),
                "example": self.values[0]}


_ZONE: ContextVar[ZoneUse | None] = ContextVar("assumed_zone", default=None)


def zone_named(name: str) -> tuple[tzinfo, str]:
    """An IANA zone (`Asia/Shanghai`, `UTC`) or a fixed offset (`+08:00`). Raises ValueError."""
    m = _OFFSET.match(name.strip())
    if m:
        sign, hours, minutes = m.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes))
        if delta > timedelta(hours=14):
            raise ValueError(f"offset {name!r} is beyond +-14:00")
        return timezone(-delta if sign == "-" else delta), f"{sign}{hours}:{minutes}"
    try:
        return ZoneInfo(name.strip()), name.strip()
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r} (an IANA name such as Asia/Shanghai, or +08:00)"
        ) from None


@contextlib.contextmanager
def assume_zone(name: str | None) -> Iterator[ZoneUse]:
    """Within the block, zone-less times are read in `name` (None: Asia/Shanghai, the
    default) and recorded in the yielded ZoneUse."""
    use = ZoneUse(*zone_named(name), explicit=True) if name else ZoneUse()
    token = _ZONE.set(use)
    try:
        yield use
    finally:
        _ZONE.reset(token)


def _local(dt: datetime, raw: str) -> datetime:
    use = _ZONE.get()
    if use is None:  # outside an import (e.g. --scanned-at): the contract's zone
        return dt.replace(tzinfo=SHANGHAI)
    use.values.append(raw.strip())
    return dt.replace(tzinfo=use.zone)

_FRACTION = re.compile(r"(\.\d{6})\d+")


def rfc3339(dt: datetime) -> str:
    """`2025-09-03T08:00:00+08:00` (milliseconds kept when the source had them)."""
    local = dt.astimezone(SHANGHAI)
    spec = "milliseconds" if local.microsecond else "seconds"
    return local.isoformat(timespec=spec)


def parse_iso(value: str) -> datetime:
    """ISO 8601 / RFC 3339, `Z` or an offset, any fraction length; naive = the assumed zone.
    Raises ValueError."""
    raw = value
    value = _FRACTION.sub(r"\1", value.strip())
    dt = datetime.fromisoformat(value)
    return dt if dt.tzinfo else _local(dt, raw)


def parse_ctime(value: str) -> datetime:
    """`Thu Mar 20 00:30:57 2014` (C asctime, no zone) in the assumed zone. Raises ValueError."""
    return _local(datetime.strptime(" ".join(value.split()), "%a %b %d %H:%M:%S %Y"), value)


def parse_local(value: str, fmt: str) -> datetime:
    """A zone-less local time in `fmt`, in the assumed zone. Raises ValueError."""
    return _local(datetime.strptime(value.strip(), fmt), value)


def from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def now() -> datetime:
    return datetime.now(tz=SHANGHAI).replace(microsecond=0)
