"""`cloudpact bundle init|add|seal` and `cloudpact template` (issue 18): thin commands over
checker.authoring.draft and checker.authoring.sheets."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group("bundle")
def bundle_group() -> None:
    """Build a bundle by hand: `init` a draft, `add` evidence files, `seal` it (manifest.json)."""


@bundle_group.command("init")
@click.argument("folder", type=click.Path(path_type=Path, dir_okay=True, file_okay=False))
@click.option("--contract", "contract_id", required=True, help="Contract id, e.g. FW2025082202.")
@click.option("--period", default=None,
              help="START/END (dates, the end inclusive, or RFC 3339); default: the contract term.")
@click.option("--bundle-id", default=None, help="Default: CONTRACT-START-END.")
@click.option("--role", default="provider-ops", show_default=True, help="Producer role.")
@click.option("--organisation-role", default="party_b", show_default=True,
              type=click.Choice(["party_b", "party_a", "supervision_provider", "cloud_management_unit"]))
def init_cmd(folder: Path, contract_id: str, period: str | None, bundle_id: str | None,
             role: str, organisation_role: str) -> None:
    """Start a bundle draft in FOLDER (absent or empty)."""
    from checker.authoring.draft import init

    draft = init(folder, contract_id, period=period, bundle_id=bundle_id, role=role,
                 organisation_role=organisation_role)
    click.echo(f"{folder}: draft {draft['bundle_id']} for {contract_id}, "
               f"{draft['period']['start']} to {draft['period']['end']}")


@bundle_group.command("add")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--kind", required=True, help="Evidence kind (schemas/evidence/KIND.schema.json) or raw.")
@click.option("--as", "as_path", default=None, help="Path inside the bundle (default KIND/NAME).")
def add_cmd(folder: Path, file: Path, kind: str, as_path: str | None) -> None:
    """Copy FILE into the draft as evidence of KIND (never overwriting a listed file)."""
    from checker.authoring.draft import add

    click.echo(add(folder, file, kind, as_path=as_path))


@bundle_group.command("seal")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--key", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Sign manifest.json with this private key (Party B's, from `cloudpact keygen`).")
def seal_cmd(folder: Path, key: Path | None) -> None:
    """Check every listed file and write manifest.json; the draft becomes a bundle."""
    from checker.authoring.draft import SealRefused, seal

    try:
        manifest = seal(folder, key=key)
    except SealRefused as exc:
        for problem in exc.problems:
            click.echo(f"  {problem}", err=True)
        raise
    click.echo(f"{folder}: sealed {manifest['bundle_id']} ({len(manifest['files'])} file(s))")


@click.command("template")
@click.argument("kind", required=False)
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default="xlsx", show_default=True)
@click.option("--table", default=None, help="CSV: which table of the kind (default: its first).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Default: KIND.xlsx / KIND.csv in the current folder (never overwritten).")
@click.option("--list", "list_kinds", is_flag=True, help="List the kinds a spreadsheet can hold.")
def template_cmd(kind: str | None, fmt: str, table: str | None, output: Path | None,
                 list_kinds: bool) -> None:
    """Write a spreadsheet template for KIND: one column per field, named in zh and en."""
    from checker.authoring import sheets

    if list_kinds or kind is None:
        for line in sheets.kinds_table(sheets.register_kinds()):
            click.echo(line)
        sys.exit(0 if list_kinds else 2)
    out = output or Path(f"{kind}.{fmt}")
    sheets.write_template(kind, fmt, out, table=table)
    click.echo(f"{out}: {fmt} template for {kind}")
