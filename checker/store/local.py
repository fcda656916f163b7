"""The embedded default store: a folder on the local disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from checker.errors import StoreError
from checker.store.interface import Store, StoreNotFound


class LocalStore(Store):
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @property
    def location(self) -> str:
        return str(self.root)

    def _path(self, key: str) -> Path:
        pure = PurePosixPath(key)
        if pure.is_absolute() or ".." in pure.parts or not key:
            raise StoreError(f"{key!r}: a key must be a relative path inside the bundle")
        return self.root.joinpath(*pure.parts)

    def read(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise StoreNotFound(f"{path}: no such file") from None
        except IsADirectoryError:
            raise StoreError(f"{path}: is a folder, expected a file") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror})") from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def list(self, prefix: str = "") -> list[str]:
        base = self.root / prefix if prefix else self.root
        if not base.exists():
            return []
        return sorted(
            p.relative_to(self.root).as_posix() for p in base.rglob("*") if p.is_file()
        )

    def write_once(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path.exists():
            if path.read_bytes() == data:
                return
            raise StoreError(f"{path}: already exists with different content; not overwritten")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            # link() fails if the target appeared meanwhile: never overwrite
            os.link(tmp, path)
        except FileExistsError:
            raise StoreError(f"{path}: appeared while writing; not overwritten") from None
        finally:
            os.unlink(tmp)

    def child(self, sub: str) -> LocalStore:
        return LocalStore(self._path(sub))
