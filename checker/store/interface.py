"""The store interface: a bundle is a set of named byte objects under one root."""

from __future__ import annotations

from abc import ABC, abstractmethod
import os
from dataclasses import dataclass

from checker.errors import StoreError


class StoreNotFound(StoreError):
    """The object does not exist in the store (an evidence file is then `missing`)."""


# The largest object read into memory (evidence, manifest): bigger is refused before it is
# read. A contract year at scale 16 stays far below it; CLOUDPACT_MAX_OBJECT_MB changes it.
DEFAULT_SIZE_LIMIT = 256 * 2**20


def size_limit() -> int:
    return int(float(os.environ.get("CLOUDPACT_MAX_OBJECT_MB", 0)) * 2**20) or DEFAULT_SIZE_LIMIT


class StoreTooLarge(StoreError):
    """An object bigger than the size limit: refused before its bytes are read."""

    def __init__(self, key: str, size: int, limit: int) -> None:
        super().__init__(f"{key}: {size} bytes, over the limit of {limit // 2**20} MiB; not read",
                         hint="set CLOUDPACT_MAX_OBJECT_MB to raise the limit")
        self.size = size


@dataclass(frozen=True)
class ObjectInfo:
    """What was read: the key relative to the bundle root, its digest, and the store's
    version id where the store keeps versions (S3), for the report's provenance."""

    key: str
    sha256: str
    size: int
    version_id: str | None = None


class Store(ABC):
    """A bundle root. Keys are relative POSIX paths checked by `checker.bundle` before
    they get here; a store must still refuse a key that leaves its root."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the bundle is, for reports and messages, never with credentials."""

    @abstractmethod
    def read(self, key: str) -> bytes:
        """Return the object's bytes; raise StoreNotFound when absent, StoreError otherwise."""

    def read_info(self, key: str) -> tuple[bytes, ObjectInfo]:
        """Bytes plus provenance. The default has no version ids."""
        import hashlib

        data = self.read(key)
        return data, ObjectInfo(key, hashlib.sha256(data).hexdigest(), len(data))

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def list(self, prefix: str = "") -> list[str]:
        """Keys under prefix, relative to the root, sorted."""

    @abstractmethod
    def write_once(self, key: str, data: bytes) -> None:
        """Create key with data. Never overwrites: raise StoreError if it exists with other
        bytes; do nothing if it exists with the same bytes. A reader never sees a partial
        object (write to a temporary name and rename, or a single PUT)."""

    def child(self, sub: str) -> Store:
        """A store rooted at a sub-prefix (a bundle inside a collection)."""
        raise StoreError(f"{self.location}: this store cannot open sub-prefixes")
