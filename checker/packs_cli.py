"""`cloudpact contracts`, `cloudpact contract new`, and the `--packs DIR` option every
command takes (issue 15): thin commands over checker.packs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def _set_packs(ctx: click.Context, param: click.Parameter, value: tuple[Path, ...]) -> None:
    from checker import packs

    if value:
        packs.set_extra_dirs(list(value))


def packs_option() -> click.Option:
    return click.Option(["--packs"], multiple=True, expose_value=False, is_eager=True,
                        type=click.Path(path_type=Path, file_okay=False), callback=_set_packs,
                        help="A folder of contract packs (repeatable; see `cloudpact contracts`).")


def add_packs_option(command: click.Command) -> None:
    """Give `command` (and every subcommand of a group) the --packs option."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_packs_option(sub)
        return
    if not any(p.name == "packs" for p in command.params):
        command.params.append(packs_option())


@click.command("contracts")
def contracts_cmd() -> None:
    """List the contract packs this installation finds (id, version, term, price, digest)."""
    from checker import packs

    found = packs.available()
    for line in packs.describe(found.values()):
        click.echo(line)
    click.echo("searched: " + ", ".join(str(d) for d in packs.search_dirs()) + ", built-in",
               err=True)


@click.group("contract")
def contract_group() -> None:
    """Make contract packs: `contract new ID --from FW2025082202`."""


@contract_group.command("new")
@click.argument("contract_id")
@click.option("--from", "base", default="FW2025082202", show_default=True,
              help="The pack whose template (policies, catalogue, schemas) it shares.")
@click.option("--params", "params_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Its parameters file (default: a copy of the base's, to edit).")
@click.option("--version", "version", default="1", show_default=True)
@click.option("--into", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Packs folder to write into (default: the first --packs, else the user's).")
def new_cmd(contract_id: str, base: str, params_file: Path | None, version: str,
            into: Path | None) -> None:
    """Write a pack for contract ID of the same template; the policies are shared."""
    from checker import packs

    target = into or (packs.extra_dirs()[0] if packs.extra_dirs() else packs.user_dir())
    pack = packs.new_pack(contract_id, base=base, params_file=params_file, version=version,
                          into=target)
    click.echo(f"{pack.root}: pack {pack.id} v{pack.version} (template {pack.template}, "
               f"digest {pack.digest[:12]}); edit {pack.params_path.name}: quantities, term, "
               "price, systems, fees")


def register(cli: Any) -> None:
    cli.add_command(contracts_cmd)
    cli.add_command(contract_group)
