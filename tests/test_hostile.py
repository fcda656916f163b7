"""Issue 14, hostile input: each case that broke or fooled the checker, as a test.
Nothing here may end in "internal error", hang, or read outside the bundle."""

from __future__ import annotations

import bz2
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, CliResult

from checker import paths
from checker.importers.inputs import decode_text, decompress
from checker.importers.interface import ImporterError

Cli = Callable[..., CliResult]
HOSTS = "inventory/hosts.json"
OUTAGES = "sla/outages.json"


@pytest.fixture
def compliant(bundle_copy: Callable[[str], Path]) -> Path:
    return bundle_copy("compliant")


def relist(bundle: Path, path: str | None = None, kind: str | None = None) -> None:
    """Manifest digests follow the files (so only the hostile part is wrong); `path`
    (of `kind`) is added when it is not listed yet."""
    m = json.loads((bundle / "manifest.json").read_text())
    if path and all(f["path"] != path for f in m["files"]):
        m["files"].append({"path": path, "kind": kind, "sha256": "0" * 64})
    for f in m["files"]:
        p = bundle / f["path"]
        if p.is_file() and not p.is_symlink():
            f["sha256"] = hashlib.sha256(p.read_bytes()).hexdigest()
    (bundle / "manifest.json").write_text(json.dumps(m, indent=1, sort_keys=True) + "\n")


def states(cli: Cli, bundle: Path) -> tuple[CliResult, dict[str, Any]]:
    r = cli("check", bundle, "--format", "json")
    assert "internal error" not in r.err and "Traceback" not in r.err, r.err
    return r, ({c["clause"]: c for c in r.json()["results"]} if r.code != 2 else {})


def file_state(cli: Cli, bundle: Path, path: str) -> tuple[str, str]:
    r = cli("validate", bundle)
    assert "internal error" not in r.err, r.err
    line = next(x for x in r.out.splitlines() if x.split()[-1:] == [path] or f" {path}  (" in x)
    return line.split()[0], line


# ---- links, FIFOs, devices ------------------------------------------------------------


def test_symlinked_evidence_pointing_outside_is_refused(cli: Cli, compliant: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_bytes((compliant / HOSTS).read_bytes())
    (compliant / HOSTS).unlink()
    (compliant / HOSTS).symlink_to(outside)
    state, line = file_state(cli, compliant, HOSTS)
    assert state == "invalid" and "symbolic link" in line


def test_symlinked_folder_is_refused(cli: Cli, compliant: Path, tmp_path: Path) -> None:
    (compliant / "inventory").rename(tmp_path / "inv")
    (compliant / "inventory").symlink_to(tmp_path / "inv")
    state, line = file_state(cli, compliant, HOSTS)
    assert state == "invalid" and "symbolic link" in line


def test_symlinked_manifest_is_refused(cli: Cli, compliant: Path, tmp_path: Path) -> None:
    (compliant / "manifest.json").rename(tmp_path / "m.json")
    (compliant / "manifest.json").symlink_to(tmp_path / "m.json")
    r = cli("check", compliant)
    assert r.code == 2 and "symbolic link" in r.err and len(r.err.strip().splitlines()) == 1


def test_link_to_dev_zero_is_refused(cli: Cli, compliant: Path) -> None:
    (compliant / HOSTS).unlink()
    (compliant / HOSTS).symlink_to("/dev/zero")
    state, _ = file_state(cli, compliant, HOSTS)
    assert state == "invalid"


def test_fifo_as_evidence_never_hangs(cli: Cli, compliant: Path) -> None:
    (compliant / HOSTS).unlink()
    os.mkfifo(compliant / HOSTS)
    t = time.monotonic()
    state, line = file_state(cli, compliant, HOSTS)
    assert state == "invalid" and "not a regular file" in line and time.monotonic() - t < 30


# ---- JSON the reader refuses ------------------------------------------------------------


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"kind": "host_inventory", "hosts": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    b'{"kind": "host_inventory", "hosts": [' + b'{"a":' * 500 + b"1" + b"}" * 500 + b"]}",
    b'{"kind": "host_inventory", "hosts": [{"host_id": "\\ud800"}]}',
    b'{"kind": "host_inventory", "hosts": [{"host_id": "\xed\xa0\x80"}]}',
    b'{"kind": "host_inventory", "hosts": [], "x": NaN}',
    b'{"kind": "host_inventory", "hosts": [], "x": Infinity}',
    b'{"kind": "host_inventory", "hosts": [], "x": 1e400}',
    b'{"kind": "host_inventory", "kind": "host_inventory", "hosts": []}',
], ids=["deep-100000", "deep-1000", "deep-500-schema-error", "surrogate-escape",
        "surrogate-bytes", "nan", "infinity", "1e400", "duplicate-key"])
def test_hostile_json_in_evidence_makes_that_file_invalid(cli: Cli, compliant: Path, body: bytes) -> None:
    (compliant / HOSTS).write_bytes(body)
    relist(compliant)
    r, res = states(cli, compliant)
    assert r.code == 1
    reading = [c for c in res.values() if "host_inventory" in c["evidence_kinds"]]
    assert reading and {c["status"] for c in reading} == {"invalid"}
    assert not [c for c in res.values() if c["status"] == "error"]


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"manifest_version": 1, "x": ' + b"[" * 2000 + b"]" * 2000 + b"}",
    b'{"manifest_version": 1, "manifest_version": 1}',
    b'{"manifest_version": NaN}',
])
def test_hostile_manifest_refuses_the_bundle_in_one_line(cli: Cli, compliant: Path, body: bytes) -> None:
    (compliant / "manifest.json").write_bytes(body)
    r = cli("check", compliant)
    assert r.code == 2 and "internal error" not in r.err
    assert len(r.err.strip().splitlines()) == 1


def test_nul_in_a_manifest_path_refuses_the_bundle(cli: Cli, compliant: Path) -> None:
    m = json.loads((compliant / "manifest.json").read_text())
    m["files"][0]["path"] = "attestations/a\u0000.json"
    (compliant / "manifest.json").write_text(json.dumps(m))
    r = cli("check", compliant)
    assert r.code == 2 and "NUL" in r.err and "internal error" not in r.err


# ---- size and repetition ----------------------------------------------------------------


def test_a_2gb_evidence_file_is_refused_in_bounded_memory(compliant: Path) -> None:
    """Sparse 2 GiB file: refused by size before a byte is read; peak memory measured in a
    fresh process."""
    with open(compliant / HOSTS, "wb") as fh:
        fh.truncate(2 * 2**30)
    code = (
        "import resource, sys\n"
        "from checker.bundle import load_bundle\n"
        "from checker.store.local import LocalStore\n"
        f"b = load_bundle(LocalStore({str(compliant)!r}))\n"
        f"f = next(f for f in b.files if f.path == {HOSTS!r})\n"
        "print(f.state, f.reason)\n"
        # VmHWM is this process's own peak; ru_maxrss carries the parent's peak over the
        # fork (a pytest process holding the real OPA made it read 650 MB)
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
        "print(hwm[0].split()[1] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO, timeout=300).stdout.splitlines()
    assert out[0].startswith("invalid") and "over the limit" in out[0]
    assert int(out[1]) * 1024 < 512 * 2**20  # peak RSS well under 1 GB


def test_same_host_in_two_inventory_files_is_one_clear_invalid(cli: Cli, compliant: Path) -> None:
    (compliant / "inventory/hosts2.json").write_bytes((compliant / HOSTS).read_bytes())
    relist(compliant, "inventory/hosts2.json", "host_inventory")
    r, res = states(cli, compliant)
    assert not [c for c in res.values() if c["status"] == "error"]
    refs = [e for c in res.values() for e in c["evidence"] if e["path"] == "inventory/hosts2.json"]
    assert refs and all(e["state"] == "invalid" and "repeats the record" in e["reason"] for e in refs)


def test_20000_copies_of_one_outage_are_refused_in_linear_time(cli: Cli, compliant: Path) -> None:
    doc = json.loads((compliant / OUTAGES).read_text())
    key = next(k for k, v in doc.items() if isinstance(v, list) and v)
    doc[key] = [doc[key][0]] * 20_000
    (compliant / OUTAGES).write_text(json.dumps(doc))
    relist(compliant)
    t = time.monotonic()
    r, res = states(cli, compliant)
    assert time.monotonic() - t < 60
    refs = [e for c in res.values() for e in c["evidence"] if e["path"] == OUTAGES]
    assert refs and all(e["state"] == "invalid" and "repeats the record" in e["reason"] for e in refs)


# ---- --output never replaces what is not a plain file ----------------------------------


def test_output_onto_a_symlink_is_refused(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (tmp_path / "report.json").symlink_to(target)
    r = cli("check", paths.EXAMPLES / "compliant", "--format", "json", "--output", tmp_path / "report.json")
    assert r.code == 2 and "symbolic link" in r.err
    assert target.read_text() == "keep me" and (tmp_path / "report.json").is_symlink()


def test_output_onto_a_fifo_or_device_is_refused(cli: Cli, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    for where in (tmp_path / "fifo", Path("/dev/null")):
        r = cli("check", paths.EXAMPLES / "compliant", "--output", where)
        assert r.code == 2 and "not a regular file" in r.err
    assert (tmp_path / "fifo").exists()
    assert not list(tmp_path.glob(".*.part"))


# ---- generator, importers ----------------------------------------------------------------


@pytest.mark.parametrize("args,message", [
    (["--scale", "nan"], "positive number"),
    (["--scale", "inf"], "positive number"),
    (["--scale", "0.02", "--breaches"], "--breaches needs --scale"),
])
def test_generate_bad_scales_are_clear_errors(cli: Cli, tmp_path: Path, args: list[str], message: str) -> None:
    r = cli("generate", tmp_path / "out", "--seed", "1", *args)
    assert r.code == 2 and message in r.err and "internal error" not in r.err


def test_bzip2_bombs_are_capped() -> None:
    """~480 MiB of XML comment and ~96 MiB of short lines (streams back to back, as pbzip2
    writes them): refused at the cap, in seconds."""
    chunk = bz2.compress(b"x" * (16 * 2**20))
    xml_bomb = bz2.compress(b"<a><!--") + chunk * 30 + bz2.compress(b"--></a>")
    lines = bz2.compress(b"warning[]=x\n" * (2**20 * 2 // 3)) * 12
    t = time.monotonic()
    with pytest.raises(ImporterError, match="expands beyond 256 MiB"):
        decompress(xml_bomb, "arf.xml.bz2")
    with pytest.raises(ImporterError, match="expands beyond 64 MiB"):
        decode_text(lines, "lynis-report.dat")
    assert time.monotonic() - t < 30


def test_a_killed_import_leaves_nothing_that_breaks_the_retry(cli: Cli, compliant: Path) -> None:
    """A killed run's files (not in the manifest) and its temporary manifest are replaced."""
    src = next((REPO.parent / "shared").rglob("*.nessus"), None)
    if src is None:
        pytest.skip("no Nessus sample in ../shared")
    sha = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
    orphan = compliant / "raw" / "nessus" / f"{sha}-{src.name}"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"half")
    (compliant / ".manifest.x.part").write_bytes(b"{")
    r = cli("import", "nessus", src, "--into", compliant)
    assert r.code == 0, r.err
    assert orphan.read_bytes() == src.read_bytes()
    assert not list(compliant.glob(".manifest.*.part"))


# ---- kill -9 ----------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(x) for x in (task / "children").read_text().split()}
        except OSError:
            pass
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_killed_check_leaves_no_process_and_no_part_files(tmp_path: Path) -> None:
    """kill -9 in the middle of a check: no process of it survives (the engine forks no
    workers any more) and a rerun completes with nothing stray left."""
    out = tmp_path / "report.json"
    proc = subprocess.Popen([str(Path(sys.executable).parent / "cloudpact"), "check",
                             str(paths.EXAMPLES / "compliant"), "--format", "json", "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # under way: loading, validating or evaluating
    children = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)
    assert not [c for c in children if _alive(c)], "a child process outlived the killed check"
    assert not out.exists(), "no half-written report"
    subprocess.run([str(Path(sys.executable).parent / "cloudpact"), "check",
                    str(paths.EXAMPLES / "compliant"), "--format", "json", "--output", str(out)],
                   capture_output=True, timeout=300)
    assert out.is_file() and not list(tmp_path.glob(".*.part"))


# ---- the fast reader (issue 17) refuses and accepts exactly what the exact one does ------

_SAME = [
    *(b"[" * n + inner + b"]" * n for n in (63, 64, 65) for inner in (b"", b"1", b"[]", b'{"a":1}')),
    b'{"a": 1, "a": 2}', b'{"t": "10:00", "t": "11:00"}', b'{"a": "\\u003a", "a": 1}',
    b'{"a": {"b": 1}, "c": {"b": 2, "b": 3}}', b'{"a": "x:y", "b": [{"c": "d:e"}]}',
    b'"\\ud800"', b'"\xed\xa0\x80"', b"NaN", b"[Infinity]", b"[1e400]", b"\xef\xbb\xbf{}",
    b"[12345678901234567890123456789]", b"[1e300, 9007199254740993]", "{\"k\": \"中:文\"}".encode(),
]


@pytest.mark.parametrize("body", _SAME, ids=range(len(_SAME)))
def test_the_fast_reader_decides_as_the_exact_reader(body: bytes) -> None:
    import orjson

    from checker.safeload import JsonRefused, load_json, load_json_compact

    def outcome(read):  # noqa: ANN001, ANN202
        try:
            return "ok", read(body)
        except JsonRefused as exc:
            return "refused", str(exc)

    exact, fast = outcome(load_json), outcome(load_json_compact)
    if exact[0] == "ok" and fast[0] == "ok":
        assert fast[1][0] == exact[1] and orjson.loads(fast[1][1]) == exact[1]
    elif exact[0] == "ok":  # only an integer beyond 64 bits, which no engine can take
        assert "64-bit" in fast[1]
    else:
        assert fast == exact
