"""`cloudpact test`: run the policies' own Rego tests (test_* rules beside each policy), like
`opa test policies/`: a summary line, exit 1 when one fails, `-v` lists every test with its
result and time, `--run REGEX` selects tests by `package.rule` (as `opa test --run`)."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import click

from checker.errors import ConfigError
from checker.model import ExitCode


@click.command("test")
@click.option("--verbose", "-v", is_flag=True, help="List each test with its result.")
@click.option("--run", "pattern", default=None, metavar="REGEX",
              help="Only the tests whose data.<package>.<rule> matches REGEX.")
@click.option("--policies", "root", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Policy folder [default: the bundled policies/].")
def test_command(verbose: bool, pattern: str | None, root: Path | None) -> None:
    """Run the Rego tests of the policies (test_success_* / test_fail_*), like `opa test`."""
    from checker import paths, policies
    from checker.engine.embedded import EmbeddedEngine

    try:
        selected = re.compile(pattern) if pattern else None
    except re.error as exc:
        raise ConfigError(f"--run {pattern!r}: not a regular expression ({exc})",
                          hint="e.g. --run commercial_os or --run 'test_fail_.*'") from None
    infos = policies.discover(root or paths.POLICIES)
    engine = EmbeddedEngine()
    engine.load([p.file for p in infos], {})
    passed = failed = 0
    for info in infos:
        if not info.is_test:
            continue
        rules = [r for r in info.test_rules
                 if selected is None or selected.search(f"data.{info.package}.{r}")]
        for rule in rules:
            start = time.perf_counter()
            (outcome,) = engine.run_tests(info.package, [rule])
            ms = (time.perf_counter() - start) * 1000
            name = f"data.{info.package}.{rule}"
            if outcome.passed:
                passed += 1
                if verbose:
                    click.echo(f"{name}: PASS ({ms:.1f}ms)")
            else:
                failed += 1
                why = outcome.error or "result was not true"
                click.echo(f"{info.file.path}:\n{name}: FAIL ({ms:.1f}ms): {why}")
                for line in outcome.prints:
                    click.echo(f"  {line}")
    total = passed + failed
    if total == 0:
        click.echo("no tests found" + (f" matching {pattern!r}" if pattern else ""), err=True)
        sys.exit(ExitCode.CLAUSE_FAILED)
    click.echo("-" * 80)
    click.echo(f"PASS: {passed}/{total}" + (f"\nFAIL: {failed}/{total}" if failed else ""))
    sys.exit(ExitCode.CLAUSE_FAILED if failed else ExitCode.OK)
