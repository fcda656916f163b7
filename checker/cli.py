"""The command line: parse, build objects, call the library, print. Nothing else here.

Exit codes: 0 no clause fail/missing/invalid/error; 1 at least one; 2 the checker could
not run (bad arguments, unreadable bundle, broken policy). Reasons go to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import click

from checker.errors import CloudpactError
from checker.model import ExitCode
from checker.regotest import test_command
from checker.report.options import report_options

# the names of checker.engine.EngineName (tests/test_opa_parity.py keeps them equal)
ENGINES = ["embedded", "opa", "opa-inprocess"]
from checker.trust_cli import trust_option

FORMATS = ["text", "json", "junit", "markdown", "sarif", "html", "oscal"]  # checker.report.Format


def _engine(name: str, opa_url: str | None):  # type: ignore[no-untyped-def]
    from checker.engine import EngineName

    return EngineName(name).to_engine(opa_url=opa_url)


def _store(location: str, endpoint_url: str | None):  # type: ignore[no-untyped-def]
    from checker.store import open_store

    return open_store(location, endpoint_url=endpoint_url)


endpoint_option = click.option(
    "--endpoint-url", envvar="CLOUDPACT_ENDPOINT_URL", default=None,
    help="S3 endpoint for s3:// bundles (else AWS_ENDPOINT_URL or AWS defaults).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cloudpact")
def cli() -> None:
    """cloudpact: check evidence bundles against contract FW2025082202, clause by clause."""


@cli.command()
@click.argument("bundle")
@endpoint_option
def validate(bundle: str, endpoint_url: str | None) -> None:
    """Check BUNDLE's manifest, file integrity (sha256) and JSON Schemas only."""
    from checker.bundle import load_bundle

    loaded = load_bundle(_store(bundle, endpoint_url))
    bad = 0
    for f in loaded.files:
        line = f"{f.state:8} {f.kind:22} {f.path}"
        if f.reason:
            line += f"  ({f.reason})"
            bad += 1
        click.echo(line)
    click.echo(f"{len(loaded.files)} files, {bad} not usable; manifest sha256 {loaded.manifest_sha256}")
    sys.exit(ExitCode.CLAUSE_FAILED if bad else ExitCode.OK)


@cli.command()
@click.argument("bundle")
@click.option("--format", "formats", multiple=True, default=["text"], show_default=True,
              type=click.Choice(FORMATS),
              help="Report format; repeat for several (then --output is a folder).")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Write the report here instead of standard output.")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--engine", type=click.Choice(ENGINES), default="embedded",
              show_default=True, help="embedded (regorus), opa (an OPA server at --opa-url) or "
              "opa-inprocess (the real OPA in this process).")
@click.option("--opa-url", default=None, help="OPA server URL for --engine opa.")
@click.option("--waivers", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Waivers file (YAML/JSON, schemas/waivers.schema.json): approved exceptions.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Judge waiver expiry at this date (YYYY-MM-DD) instead of today.")
@click.option("--contract", default=None,
              help="Judge by this contract pack, not the one the bundle's contract_id names.")
@report_options
@trust_option
@endpoint_option
def check(bundle: str, formats: Sequence[str], output: Path | None, lang: str, engine: str,
          opa_url: str | None, waivers: Path | None, as_of: datetime | None,
          contract: str | None, trust_file: Path | None, endpoint_url: str | None,
          **options: object) -> None:
    """Check BUNDLE (a folder or s3://bucket/prefix) and report pass/fail per clause."""
    from checker.check import run_check
    from checker.report.options import run_report

    def checked() -> object:
        report = run_check(_store(bundle, endpoint_url), engine=_engine(engine, opa_url),
                           waivers=waivers, as_of=as_of.date() if as_of else None,
                           contract=contract, trust=trust_file)
        for warning in report.extra.get("store_warnings", ()):
            click.echo(f"cloudpact: warning: {warning}", err=True)
        for w in (w for w in report.waivers if w.state == "ignored"):
            click.echo(f"cloudpact: waiver {w.id} (clause {w.clause}) ignored: the waivers file "
                       "is not signed by Party A", err=True)
        return report

    sys.exit(run_report(bundle, formats, output, lang, options, checked))


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--seed", type=int, required=True, help="Same seed, same bundle, byte for byte.")
@click.option("--scale", type=float, default=1.0, show_default=True,
              help="1 = the real contract (130 hosts, ~2,000 tickets); 4 = four times as much.")
@click.option("--breaches", is_flag=True, help="Plant violations (listed in OUT/PLANTED.json).")
@click.option("--contract", default="FW2025082202", show_default=True,
              help="The contract pack whose parameters the year follows.")
def generate(out: Path, seed: int, scale: float, breaches: bool, contract: str) -> None:
    """Write a synthetic contract year as an evidence bundle in OUT."""
    from checker import packs
    from checker.catalogue import load_params
    from checker.generate import generate as run

    pack = packs.for_contract(contract)
    world = run(out, seed=seed, scale=scale, breaches=breaches,
                params=load_params(pack.params_path))
    click.echo(f"wrote {out} ({len(world.hosts)} hosts, {len(world.breaches)} planted breaches)")


@cli.command()
@click.argument("bundle")
@click.argument("destination")
@click.option("--gate", default=None, metavar="STATUSES|report-only",
              help="Clause statuses that refuse the upload, comma-separated "
                   "[default: fail,missing,invalid,error]; report-only refuses nothing.")
@endpoint_option
def upload(bundle: str, destination: str, gate: str | None, endpoint_url: str | None) -> None:
    """Check BUNDLE, then store it write-once under DESTINATION/<bundle_id> (e.g.
    s3://bucket/prefix) unless the gate refuses it (exit 1, reasons on stderr)."""
    from checker.upload import Gate, upload_bundle

    chosen = Gate.parse(gate)
    result = upload_bundle(_store(bundle, endpoint_url), _store(destination, endpoint_url),
                           gate=chosen)
    for w in result.warnings:
        click.echo(f"cloudpact: warning: {w}", err=True)
    if result.state == "refused":
        for r in result.refusals:
            why = r.reason or (r.violations[0].message if r.violations else "")
            click.echo(f"refused: {r.clause.id} {r.status.value}: {why}", err=True)
        click.echo(f"{result.bundle_id}: {len(result.refusals)} clause(s) refused by gate "
                   f"{chosen.label}; nothing uploaded", err=True)
    elif result.state == "already_present":
        click.echo(f"{result.location}: already stored with the same manifest; nothing written")
    else:
        counts = ", ".join(f"{k} {v}" for k, v in result.verdict.get("summary", {}).items() if v)
        click.echo(f"{result.location}: uploaded {len(result.written)} objects"
                   + (f" ({len(result.skipped)} already there)" if result.skipped else "")
                   + f"; gate {chosen.label}; {counts}")
    sys.exit(result.exit_code)


@cli.command()
@click.argument("location")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@endpoint_option
def bundles(location: str, fmt: str, endpoint_url: str | None) -> None:
    """List the complete bundles under LOCATION: id, period, producer, verdict, when."""
    import json

    from checker.upload import list_bundles

    items = list_bundles(_store(location, endpoint_url))
    if fmt == "json":
        click.echo(json.dumps([b.as_dict() for b in items], ensure_ascii=False, indent=1))
        return
    for b in items:
        period = f"{b.period.get('start', '?')} .. {b.period.get('end', '?')}"
        producer = f"{b.producer.get('organisation_role', '?')}/{b.producer.get('role', '?')}"
        click.echo(f"{b.bundle_id}  {period}  {producer}  {b.verdict_label}  {b.when or '-'}"
                   + (f"  ({b.problem})" if b.problem else ""))
    click.echo(f"{len(items)} bundle(s) in {location}", err=True)


@cli.command("import")
@click.argument("tool")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--into", "bundle", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The local bundle folder to add the records and raw files to.")
@click.option("--hosts", "hostmap", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HOSTMAP (YAML/JSON): tool identities -> inventory host ids / system ids.")
@click.option("--host", default=None, help="The host a single-host output is about (clamav, trivy).")
@click.option("--scan-id", default=None, help="The vuln_scan a hardening answers (openscap, lynis; 2.2.1.8).")
@click.option("--round", "round_", default=None, help="Scan round label (nessus, gvm, trivy); default: the scan month.")
@click.option("--system", default=None, help="Information system S1..S7 of every series (prometheus).")
@click.option("--scanned-at", default=None, help="Scan time (RFC 3339) for outputs that lack one.")
@click.option("--assume-tz", default=None,
              help="Zone of times the tool wrote without one (IANA name or +08:00); "
                   "default Asia/Shanghai, recorded as an assumption.")
@click.option("--kind", default=None, help="`import sheet`: the evidence kind the sheet holds.")
@click.option("--table", default=None, help="`import sheet` of a CSV: the kind's table it holds.")
@click.option("--as-of", default=None, help="`import sheet`: as_of when the sheet has no meta.")
def import_(tool: str, files: Sequence[Path], bundle: Path, hostmap: Path | None, host: str | None,
            scan_id: str | None, round_: str | None, system: str | None, scanned_at: str | None,
            assume_tz: str | None, kind: str | None, table: str | None, as_of: str | None) -> None:
    """Import TOOL outputs (nessus, gvm, trivy, openscap, lynis, clamav, prometheus) into a
    bundle; `import sheet FILE --kind KIND` reads a spreadsheet made from `cloudpact template`."""
    from checker.importers.apply import import_files

    if tool == "sheet":
        from checker.authoring.sheets import SheetError, import_sheet

        if not kind:
            raise click.UsageError("import sheet needs --kind KIND (see `cloudpact template --list`)")
        for source in files:
            try:
                lines = import_sheet(source, kind, bundle, table=table, as_of=as_of)
            except SheetError as exc:
                for problem in exc.problems:
                    click.echo(f"  {problem}", err=True)
                raise
            click.echo("\n".join(lines))
        return

    summary = import_files(tool, files, bundle, hostmap, host=host, scan_id=scan_id, round=round_,
                           system=system, scanned_at=scanned_at, assume_tz=assume_tz)
    click.echo(str(summary))


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on-regression", is_flag=True,
              help="Exit 1 when a clause newly fails or a failing clause got worse (for CI).")
@click.option("--engine", type=click.Choice(ENGINES), default="embedded",
              show_default=True, help="embedded (regorus), opa (an OPA server at --opa-url) or "
              "opa-inprocess (the real OPA in this process).")
@click.option("--opa-url", default=None, help="OPA server URL for --engine opa.")
@endpoint_option
def diff(old: str, new: str, fmt: str, fail_on_regression: bool, engine: str, opa_url: str | None,
         endpoint_url: str | None) -> None:
    """Compare OLD and NEW (two JSON reports, or two bundles) clause by clause."""
    import json

    from checker.check import run_check
    from checker.diff import CATEGORIES, diff_reports, load_side
    from checker.report.json import report_dict

    def check_bundle(location: str):  # type: ignore[no-untyped-def]
        return report_dict(run_check(_store(location, endpoint_url), engine=_engine(engine, opa_url)))

    result = diff_reports(load_side(old, check_bundle), load_side(new, check_bundle), old, new)
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        for category in CATEGORIES[:-1]:
            for x in (c for c in result.changes if c.category == category):
                note = f"  ({x.note})" if x.note else ""
                click.echo(f"{category:12} {x.clause:10} {x.old or '-'} -> {x.new or '-'}{note}")
        click.echo(", ".join(f"{k} {v}" for k, v in result.counts.items() if v))
    sys.exit(ExitCode.CLAUSE_FAILED if fail_on_regression and result.regressions else ExitCode.OK)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def catalogue(fmt: str) -> None:
    """Coverage: clause -> policy -> evidence kinds -> schema; manual clauses; problems (exit 1)."""
    import json

    from checker.report.coverage import project_coverage

    cov = project_coverage()
    if fmt == "json":
        click.echo(json.dumps(cov.as_dict(), ensure_ascii=False, indent=2))
    else:
        for row in cov.rows:
            kinds = ", ".join(f"{k.kind}{'?' if k.optional else ''}->{k.schema or 'NO SCHEMA'}" for k in row.kinds)
            policy = (row.policy_file or row.clause.policy or "-") if row.clause.automated else "manual"
            click.echo(f"{row.clause.id:9} {policy:55} {kinds}")
            if row.clause.reading:
                click.echo(f"{'':9} reading: {row.clause.reading}")
        data = cov.as_dict()
        click.echo(f"{data['automated']} of {data['total']} clauses automated; manual: {', '.join(data['manual'])}")
        for ledger in cov.ledger:
            click.echo(f"ledger    {ledger} (liability rows of 第十二条 and Annexes 1-3, not a clause)")
        for problem in cov.problems:
            click.echo(f"FLAGGED {problem}")
    sys.exit(ExitCode.CLAUSE_FAILED if cov.problems else ExitCode.OK)
class _DefaultRun(click.Group):
    """`spot-check BUNDLE ...` is `spot-check run BUNDLE ...`; `spot-check verify ...` verifies."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@cli.group("spot-check", cls=_DefaultRun)
def spot_check() -> None:
    """Supervision provider's spot checks: `spot-check BUNDLE --seed S` draws and re-verifies a
    sample; `spot-check verify RECORD BUNDLE` recomputes a record (docs/spot-checks.md)."""


@spot_check.command("run")
@click.argument("bundle")
@click.option("--seed", required=True,
              help="Any text; with the bundle's manifest it fixes the plan.")
@click.option("--size", type=int, default=None,
              help="Items to draw per item type (instead of the rule).")
@click.option("--confidence", default="0.95", show_default=True,
              help="Confidence of the stated bound.")
@click.option("--max-defect-rate", default=None,
              help="Size the sample so that finding no defect shows the rate is below this "
                   "[default: 0.05].")
@click.option("--clauses", multiple=True,
              help="Clause ids to spot-check, comma-separated or repeated (default: all).")
@click.option("--output", "-o", default=None,
              help="Write the record here (file or s3://...), never overwriting; "
                   "default: spot-checks/ under the bundle's root.")
@click.option("--inspector-role", default="supervision_provider", show_default=True,
              help="The inspector's role as stated in the record (a role, not a name).")
@click.option("--at", "inspected_at", default=None,
              help="Inspection time to state (RFC 3339; default now).")
@click.option("--key", "sign_key", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="Sign the record (RECORD.sig) with the supervision provider's key.")
@endpoint_option
def spot_check_run(bundle: str, seed: str, size: int | None, confidence: str,
                   max_defect_rate: str | None, clauses: Sequence[str], output: str | None,
                   inspector_role: str, inspected_at: str | None, endpoint_url: str | None,
                   sign_key: Path | None) -> None:
    """Draw a sample of BUNDLE, re-verify each item, write the signed record."""
    from checker.spotcheck.cli import run

    code = run(_store(bundle, endpoint_url), seed=seed, size=size, confidence=confidence,
               max_defect_rate=max_defect_rate, clauses=",".join(clauses) or None, output=output,
               inspector_role=inspector_role, inspected_at=inspected_at, endpoint_url=endpoint_url,
               sign_key=sign_key)
    sys.exit(code)


@spot_check.command("verify")
@click.argument("record")
@click.argument("bundle")
@trust_option
@endpoint_option
def spot_check_verify(record: str, bundle: str, endpoint_url: str | None,
                      trust_file: Path | None) -> None:
    """Recompute RECORD from BUNDLE and check its signature (RECORD.sig): exit 0 when
    identical, 1 with what differs or when the signature fails."""
    from checker.spotcheck.cli import verify

    sys.exit(verify(record, _store(bundle, endpoint_url), endpoint_url=endpoint_url,
                    trust=trust_file))


from checker.trust_cli import register as _register_trust  # noqa: E402 (keygen, sign, verify)

_register_trust(cli)


def _register_authoring() -> None:
    from checker.authoring.cli import bundle_group, template_cmd

    cli.add_command(bundle_group)
    cli.add_command(template_cmd)


def _register_packs() -> None:
    from checker import packs_cli

    packs_cli.register(cli)
    for command in cli.commands.values():
        packs_cli.add_packs_option(command)


cli.add_command(test_command)  # `cloudpact test`: checker/regotest.py
_register_authoring()
from checker.fleet.cli import register as _register_fleet  # noqa: E402 (issue 19)
_register_fleet(cli)
_register_packs()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from checker import config

        cli.main(args=list(argv) if argv is not None else None, prog_name="cloudpact",
                 standalone_mode=False, default_map=config.default_map())
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return ExitCode.CANNOT_RUN
    except click.Abort:
        click.echo("aborted", err=True)
        return ExitCode.CANNOT_RUN
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else ExitCode.CANNOT_RUN
    except CloudpactError as exc:
        click.echo(f"cloudpact: error: {exc.diagnostics()}", err=True)
        return ExitCode.CANNOT_RUN
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return ExitCode.CANNOT_RUN
    except Exception as exc:  # a bug in cloudpact, not a user mistake
        if os.environ.get("CLOUDPACT_DEBUG"):
            raise
        click.echo(f"cloudpact: internal error: {type(exc).__name__}: {exc} "
                   "(set CLOUDPACT_DEBUG=1 for the traceback and report it)", err=True)
        return ExitCode.CANNOT_RUN
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())

