"""The output options of `cloudpact check` and what they do, kept out of cli.py.

`--only-failing`, `--quiet`, `--no-color` (and NO_COLOR), `--fail-on STATUSES` (the same
list `upload --gate` takes: checker.upload.Gate), `--sarif-passes`. A `--output` value that
is a format name (`-o json`, a Conftest/Checkov habit) is refused with a hint instead of
writing the text table into a file named `json`.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from checker.errors import CloudpactError
from checker.model import ExitCode, Report

FORMAT_NAMES = ("text", "json", "junit", "markdown", "sarif", "html", "oscal", "xml", "md", "txt")


def report_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--only-failing", is_flag=True,
                     help="Text/Markdown: only clauses that fail (fail, missing, invalid, error, waived)."),
        click.option("--quiet", "-q", is_flag=True, help="Text: the summary line only."),
        click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set)."),
        click.option("--fail-on", default=None, metavar="STATUSES|report-only",
                     help="Clause statuses that make the run exit 1, comma-separated, as for "
                          "`upload --gate` [default: fail,missing,invalid,error]."),
        click.option("--sarif-passes", is_flag=True,
                     help="SARIF: also passing clauses, as results of kind pass."),
    ]):
        f = option(f)
    return f


def _check_output(formats: Sequence[str], output: Path | None, given: bool) -> None:
    if output is None:
        return
    if not given and output.name.lower() in FORMAT_NAMES and not output.suffix:
        raise click.UsageError(
            f"-o {output}: looks like a format name, not a file "
            f"(did you mean --format {output.name.lower()} -o report.{output.name.lower()}?)"
        )


def _fail_on(text: str | None) -> Any:
    from checker.upload import Gate

    try:
        return Gate.parse(text)
    except CloudpactError as exc:
        exc.args = (str(exc.args[0]).replace("--gate", "--fail-on"), *exc.args[1:])
        raise


def use_color(output: Path | None, name: str, *, tty: bool, no_color: bool,
              environ: Mapping[str, str]) -> bool:
    """Colour only for text on a terminal, never with --no-color or NO_COLOR (no-color.org)."""
    return output is None and name == "text" and tty and not no_color and "NO_COLOR" not in environ


def exit_code(report: Report, gate: Any) -> int:
    if gate.refusals(report) or report.expired_waivers:
        return ExitCode.CLAUSE_FAILED
    return ExitCode.OK


def run_report(bundle: str, formats: Sequence[str], output: Path | None, lang: str,
               options: Mapping[str, Any], produce: Callable[[], Report]) -> int:
    """Check, render each format, write or print; the exit code under --fail-on."""
    from checker.output import write_atomic
    from checker.report import Format
    from checker.report.common import summary
    from checker.report.progress import steps

    ctx = click.get_current_context()
    given = ctx.get_parameter_source("formats") is not click.core.ParameterSource.DEFAULT
    _check_output(formats, output, given)
    if len(formats) > 1 and output is None:
        raise click.UsageError("several --format values need --output FOLDER")
    gate = _fail_on(options.get("fail_on"))
    names = list(dict.fromkeys(formats))
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else None
    if os.environ.get("COLUMNS", "").isdigit():
        width = int(os.environ["COLUMNS"])
    rendered = []
    with steps(1 + len(names)) as step:
        step("checking " + bundle)
        report = produce()
        for name in names:
            step("rendering " + name)
            color = use_color(output, name, tty=sys.stdout.isatty(),
                              no_color=bool(options.get("no_color")), environ=os.environ)
            renderer = Format(name).to_renderer(
                lang=lang, color=color, width=width if output is None else None,
                only_failing=bool(options.get("only_failing")), quiet=bool(options.get("quiet")),
                passes=bool(options.get("sarif_passes")))
            rendered.append((renderer, renderer.render(report)))
    if output is None:
        click.echo(rendered[0][1], nl=False)
    elif len(rendered) == 1:
        write_atomic(output, rendered[0][1])
    else:
        output.mkdir(parents=True, exist_ok=True)
        for renderer, text in rendered:
            write_atomic(output / f"report.{renderer.extension}", text)
    if output is not None:
        from checker.i18n import Translator

        click.echo(f"{summary(report).line(Translator(lang), report)} -> {output}", err=True)
    for w in report.expired_waivers:
        click.echo(f"cloudpact: waiver {w.id} (clause {w.clause}) expired on {w.expires}: ignored", err=True)
    return exit_code(report, gate)
