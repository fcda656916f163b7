"""`cloudpact keygen`, `cloudpact sign`, `cloudpact verify` (issue 14; README 'Trust model')."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from checker.model import ExitCode

trust_option = click.option(
    "--trust", "trust_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Trust file (roles -> public keys), held outside any bundle "
         "[default: $CLOUDPACT_TRUST, else ~/.config/cloudpact/trust.yaml].")


@click.command()
@click.argument("role", type=click.Choice(["party_a", "party_b", "supervision_provider",
                                           "cloud_management_unit"]))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Folder for ROLE.key.pem and ROLE.pub.json.")
def keygen(role: str, out: Path) -> None:
    """Make an Ed25519 key pair for ROLE: a PEM private key (keep it secret) and the public
    key with its id, to enter in the verifiers' trust files."""
    from checker.trust.interface import TrustError, algorithm
    from checker.trust.trustfile import fingerprint

    algo = algorithm("ed25519")
    pem, public = algo.generate()
    key_path, pub_path = out / f"{role}.key.pem", out / f"{role}.pub.json"
    out.mkdir(parents=True, exist_ok=True)
    info = {"role": role, "algorithm": algo.name, "key_id": fingerprint(algo.name, public),
            "public_key": public}
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise TrustError(f"{key_path} exists; not overwritten",
                         hint="choose another --out folder") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    with open(pub_path, "x", encoding="utf-8") as fh:
        fh.write(json.dumps(info, indent=1, sort_keys=True) + "\n")
    click.echo(f"wrote {key_path} (private, keep it secret) and {pub_path}")
    click.echo(f"trust file entry: key_id {info['key_id']}, role {role}, public_key {public}")


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--key", "key_path", required=True,
              type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="PEM private key from `cloudpact keygen` (its .pub.json beside it).")
@click.option("--at", "signed_at", default=None, help="Signing time, RFC 3339 (default now).")
def sign(file: Path, key_path: Path, signed_at: str | None) -> None:
    """Sign FILE's exact bytes (an attestations file, a waivers file, manifest.json, an
    approvals file): adds this key's signature to FILE.sig."""
    from checker.output import write_atomic_bytes
    from checker.safeload import read_regular
    from checker.trust.interface import TrustError
    from checker.trust.signing import add_signature, load_signing_key, sig_key, sign_entry

    key = load_signing_key(key_path)
    data = read_regular(file, what="file to sign", error=TrustError, limit=1 << 30)
    when = signed_at or datetime.now(ZoneInfo("Asia/Shanghai")).isoformat(timespec="seconds")
    sig_path = Path(sig_key(str(file)))
    existing = sig_path.read_bytes() if sig_path.is_file() else None
    write_atomic_bytes(sig_path, add_signature(existing, sign_entry(data, key, when)))
    click.echo(f"{sig_path}: signed by {key.role} (key {key.key_id}) at {when}")


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@trust_option
def verify(file: Path, trust_file: Path | None) -> None:
    """Check every signature in FILE.sig against the trust file: exit 0 when there is at
    least one and all verify, 1 otherwise."""
    from checker.safeload import read_regular
    from checker.trust import resolve
    from checker.trust.interface import TrustError
    from checker.trust.signing import sig_key
    from checker.trust.signing import verify as check

    trust = resolve(trust_file)
    data = read_regular(file, what="signed file", error=TrustError, limit=1 << 30)
    sig_path = Path(sig_key(str(file)))
    raw = sig_path.read_bytes() if sig_path.is_file() else None
    result = check(data, raw, trust, str(file))
    for s in result.valid:
        click.echo(f"valid: {s.describe()}")
    for p in result.problems:
        click.echo(f"NOT VALID: {p}")
    ok = bool(result.valid) and not result.problems
    sys.exit(ExitCode.OK if ok else ExitCode.CLAUSE_FAILED)


def register(cli: click.Group) -> None:
    for command in (keygen, sign, verify):
        cli.add_command(command)
