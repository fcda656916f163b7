"""Writing report files: render first, then write atomically, so a failed run leaves no
empty or half-written file and an existing report is replaced only by a complete one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from checker.errors import CloudpactError


def write_atomic(path: Path, text: str) -> None:
    path = Path(path)
    if path.is_dir():
        raise CloudpactError(f"{path}: is a folder", hint="give a file name to --output")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file (FIFO, device, socket)"
        raise CloudpactError(f"{path}: is {what}; a report never replaces it",
                             hint="give --output a regular file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise CloudpactError(f"{parent}: folder does not exist", hint="create it or choose another --output")
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CloudpactError(f"{path}: cannot write report ({exc.strerror})") from None
