"""Mapping the names tools give hosts to inventory host ids.

Sources, later ones winning: the bundle's host_inventory files (each host's `host_id`,
`hostname`, `ip` and `aliases`), then a HOSTMAP file (YAML or JSON, schemas/hostmap.schema.json):

    hosts:                      # host_id: identity or [identities]
      app-01: [10.20.0.11, app01.zw.example, agent-app01]
    systems:                    # identity: system id, for Prometheus series
      "probe.zw.example:443": S2

Identities compare case-insensitively; an IP is compared in canonical form; a URL or
`host:port` (Prometheus instance) is reduced to its host; an FQDN that maps to nothing is
tried by its first label. What maps to nothing is reported by the import, never dropped.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from checker import paths, schemas
from checker.errors import ConfigError

HOSTMAP_SCHEMA = paths.SCHEMAS / "hostmap.schema.json"


def key(identity: str) -> str:
    """The comparable form of a host identity."""
    value = identity.strip()
    if "://" in value:
        value = urlsplit(value).hostname or value
    elif value.startswith("["):  # [v6]:port
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # host:port
        host, port = value.split(":")
        if port.isdigit():
            value = host
    try:
        return ipaddress.ip_address(value).compressed
    except ValueError:
        return value.rstrip(".").casefold()


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class HostMap:
    def __init__(self) -> None:
        self._hosts: dict[str, str] = {}  # key -> host_id
        self._origin: dict[str, str] = {}  # key -> where the mapping came from
        self._systems: dict[str, str] = {}  # key -> system id
        self.host_systems: dict[str, str] = {}  # host_id -> system id (inventory)

    # building -----------------------------------------------------------------
    def add(self, identity: str, host_id: str, origin: str, *, override: bool = False) -> None:
        k = key(identity)
        if not k:
            return
        known = self._hosts.get(k)
        if known and known != host_id and not override:
            raise ConfigError(
                f"{origin}: {identity!r} names host {host_id!r} but {self._origin[k]} "
                f"already maps it to {known!r}",
                hint="an identity must name one host; fix the inventory aliases or the HOSTMAP",
            )
        self._hosts[k] = host_id
        self._origin[k] = origin

    def add_inventory(self, hosts: Iterable[dict[str, Any]], origin: str) -> None:
        for h in hosts:
            host_id = h["host_id"]
            self.host_systems[host_id] = h["system_id"]
            for identity in [
                host_id,
                h.get("hostname", ""),
                h.get("ip", ""),
                *h.get("aliases", []),
            ]:
                if identity:
                    self.add(identity, host_id, origin)

    def add_file(self, path: str | Path) -> None:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read host map ({exc})") from None
        try:
            doc = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as exc:
            reason = str(exc).splitlines()[0]
            raise ConfigError(f"{path}: host map is not valid YAML/JSON ({reason})") from None
        error = schemas.first_error(schemas.validator_for(HOSTMAP_SCHEMA), doc or {})
        if error:
            raise ConfigError(
                f"{path}: host map does not match schemas/hostmap.schema.json {error}"
            )
        inventory = set(self.host_systems)
        for host_id, identities in (doc or {}).get("hosts", {}).items():
            if inventory and host_id not in inventory:
                raise ConfigError(
                    f"{path}: maps to host {host_id!r}, which is not in the bundle's inventory"
                )
            values = [identities] if isinstance(identities, str) else identities
            for identity in [host_id, *values]:
                self.add(identity, host_id, str(path), override=True)
        for identity, system in (doc or {}).get("systems", {}).items():
            self._systems[key(identity)] = system

    # lookups ------------------------------------------------------------------
    def host_for(self, identities: Iterable[str]) -> str | None:
        keys = [key(i) for i in identities if i]
        for k in keys:
            if k in self._hosts:
                return self._hosts[k]
        for k in keys:
            if "." in k and not _is_ip(k):
                short = k.split(".", 1)[0]
                if short in self._hosts:
                    return self._hosts[short]
        return None

    def system_for(self, identities: Iterable[str]) -> str | None:
        identities = [i for i in identities if i]
        for i in identities:
            if key(i) in self._systems:
                return self._systems[key(i)]
        host = self.host_for(identities)
        return self.host_systems.get(host) if host else None

    def __len__(self) -> int:
        return len(self._hosts)
