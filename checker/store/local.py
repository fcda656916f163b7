"""The embedded default store: a folder on the local disk."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path, PurePosixPath

from checker.errors import StoreError
from checker.store.interface import ObjectInfo, Store, StoreNotFound, StoreTooLarge, size_limit


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

    def _open(self, key: str) -> tuple[int, os.stat_result, Path]:
        """Open a regular file inside the root without following any symbolic link (issue
        14): every folder on the way and the file itself are opened with O_NOFOLLOW relative
        to the one before, so a link anywhere (a file, a folder, manifest.json, a link to
        /dev/zero) is refused, and a FIFO or device is refused without waiting on it."""
        path = self._path(key)
        parts = PurePosixPath(key).parts
        try:
            dir_fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        except FileNotFoundError:
            raise StoreNotFound(f"{path}: no such file") from None
        except OSError as exc:
            raise StoreError(f"{self.root}: cannot open bundle folder ({exc.strerror})") from None
        try:
            for part in parts[:-1]:
                nxt = self._step(dir_fd, part, path, os.O_DIRECTORY)
                os.close(dir_fd)
                dir_fd = nxt
            fd = self._step(dir_fd, parts[-1], path, os.O_NONBLOCK)
        finally:
            os.close(dir_fd)
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(fd)
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise StoreError(f"{path}: is {kind}; only regular files are read")
        return fd, st, path

    @staticmethod
    def _step(dir_fd: int, name: str, path: Path, flags: int) -> int:
        try:
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            raise StoreNotFound(f"{path}: no such file") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
        if stat.S_ISLNK(st.st_mode):
            raise StoreError(f"{path}: {name} is a symbolic link; refused (only regular "
                             "files inside the bundle are read)")
        if not flags & os.O_DIRECTORY and not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (FIFO, device?)"
            raise StoreError(f"{path}: is {what}; only regular files are read")
        try:
            return os.open(name, os.O_RDONLY | os.O_NOFOLLOW | flags, dir_fd=dir_fd)
        except FileNotFoundError:
            raise StoreNotFound(f"{path}: no such file") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror})") from None

    def read_limited(self, key: str, limit: int) -> tuple[bytes, ObjectInfo]:
        fd, st, path = self._open(key)
        try:
            if st.st_size > limit:
                raise StoreTooLarge(key, st.st_size, limit)
            chunks, size, digest = [], 0, hashlib.sha256()
            with os.fdopen(fd, "rb", closefd=False) as fh:
                while chunk := fh.read(1 << 20):
                    size += len(chunk)
                    if size > limit:  # grew while reading
                        raise StoreTooLarge(key, size, limit)
                    digest.update(chunk)
                    chunks.append(chunk)
        finally:
            os.close(fd)
        return b"".join(chunks), ObjectInfo(key, digest.hexdigest(), size)

    def read_info(self, key: str) -> tuple[bytes, ObjectInfo]:
        return self.read_limited(key, size_limit())

    def read(self, key: str) -> bytes:
        return self.read_info(key)[0]

    def exists(self, key: str) -> bool:
        try:
            fd, _, _ = self._open(key)
        except StoreNotFound:
            return False
        except StoreError:
            return True  # something is there, even if it cannot be read
        os.close(fd)
        return True

    def list(self, prefix: str = "") -> list[str]:
        base = self.root / prefix if prefix else self.root
        if not base.exists():
            return []
        out = []
        for folder, dirs, files in os.walk(base):  # os.walk never follows folder links
            for name in files:
                p = Path(folder) / name
                if p.is_symlink() or not p.is_file():
                    continue  # a link's target is never listed (nor uploaded)
                out.append(p.relative_to(self.root).as_posix())
        return sorted(out)

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
