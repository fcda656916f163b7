"""Writing report files: render first, then write atomically, so a failed run leaves no
empty or half-written file and an existing report is replaced only by a complete one.
Only a regular file (or nothing) is ever replaced; the temporary `.part` file is removed
on an error, on Ctrl-C and on SIGTERM. A kill -9 cannot be caught: a `.part` left then is
removed by the next write to the same name (`sweep`)."""

from __future__ import annotations

import contextlib
import glob
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

from checker.errors import CloudpactError


def write_atomic(path: Path, text: str) -> None:
    write_atomic_bytes(path, text.encode("utf-8"))


def check_target(path: Path) -> None:
    """Refuse to replace anything but a regular file (issue 14): a symbolic link (its
    target would stay, the link replaced, or worse be followed), a FIFO (a writer would
    block), a device or a folder."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise CloudpactError(f"{path}: is a symbolic link; not replaced",
                             hint="give --output a plain file name")
    if stat.S_ISDIR(st.st_mode):
        raise CloudpactError(f"{path}: is a folder", hint="give a file name to --output")
    if not stat.S_ISREG(st.st_mode):
        raise CloudpactError(f"{path}: is not a regular file (FIFO, device, socket); not replaced",
                             hint="give --output a plain file name")


_PENDING: set[str] = set()  # temporary files of this process, removed if it is stopped


def _cleanup(signum: int, frame: object) -> None:
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def sweep(parent: Path, name: str) -> None:
    """Remove `.part` files an earlier, killed writer of `name` left (its pid is gone)."""
    for stray in parent.glob(f".{glob.escape(name)}.*.part"):
        pid = stray.name[len(name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                stray.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_atomic_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    check_target(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise CloudpactError(f"{parent}: folder does not exist", hint="create it or choose another --output")
    sweep(parent, path.name)
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".part")
    _PENDING.add(tmp)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _cleanup)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        check_target(path)  # once more: it may have appeared while writing
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CloudpactError(f"{path}: cannot write report ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        _PENDING.discard(tmp)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
