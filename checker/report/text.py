"""--format text: what a person at a terminal or a CI log reader needs, in zh or en.

First line: the summary (a CI log shows it without scrolling). Then one row per clause
(status, id, title wrapped, never cut, and the figures), fitted to the terminal width
(80 columns and up); then, per clause that is not a pass, its violations with the item
each is about (`file#/hosts/17`) and the items a quantity clause did not count with the
reason. `--only-failing` leaves passing, manual and not-applicable clauses out;
`--quiet` prints the summary line only. Colour on a terminal unless --no-color/NO_COLOR.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from checker.model import ClauseResult, Report, Status
from checker.report.common import figures, message, reason, shown, status_word, summary, title
from checker.report.interface import Renderer

STYLE = {
    Status.PASS: "green", Status.FAIL: "bold red", Status.MISSING: "red", Status.INVALID: "red",
    Status.ERROR: "bold magenta", Status.MANUAL: "yellow", Status.WAIVED: "cyan",
    Status.NOT_APPLICABLE: "dim",
}
MAX_LISTED = 20  # violations / excluded items per clause; the JSON report has them all
DEFAULT_WIDTH = 100
MIN_WIDTH = 80


class TextRenderer(Renderer):
    extension = "txt"

    def render(self, report: Report) -> str:
        tr = self.tr
        width = max(MIN_WIDTH, self.width or DEFAULT_WIDTH)
        buf = io.StringIO()
        console = Console(file=buf, force_terminal=self.color, no_color=not self.color,
                          width=width, highlight=False, emoji=False, soft_wrap=False)
        head = summary(report).line(tr, report)
        console.print(Text(head, style="bold red" if report.exit_code else "bold green"))
        if self.quiet:
            return _trimmed(buf.getvalue())
        results = shown(report.results, self.only_failing)
        table = Table(title=f"{report.contract_id} — {report.bundle}", show_lines=False,
                      expand=False, pad_edge=False, box=None, header_style="bold")
        table.add_column(tr("Clause"), no_wrap=True)
        table.add_column(tr("Status"), no_wrap=True)
        table.add_column(tr("Title"), ratio=3, overflow="fold")
        table.add_column(tr("Delivered / contracted"), ratio=2, overflow="fold")
        for r in results:
            table.add_row(r.clause.id, Text(status_word(tr, r.status), style=STYLE[r.status]),
                          title(tr, r), figures(tr, r))
        console.print(table)
        for r in results:
            if r.status is not Status.PASS or r.violations:
                self._details(console, r)
        if report.waivers:
            self._waivers(console, report)
        console.print(head)
        console.print(tr("engine: {engine}; manifest sha256: {sha}", engine=report.engine,
                         sha=report.manifest_sha256))
        for key, value in sorted(report.inputs.items()):
            console.print(f"{key}: {value}")
        return _trimmed(buf.getvalue())

    def _details(self, console: Console, r: ClauseResult) -> None:
        tr = self.tr
        lines: list[str] = []
        if r.reason:
            lines.append(escape(reason(tr, r)))
        for v in r.violations[:MAX_LISTED]:
            text = f"- {escape(message(tr, v))} [dim]({escape(v.evidence)})[/]"
            if v.waiver:
                text += " " + escape(tr("waived by {id}: no fine", id=v.waiver))
            lines.append(text)
        if len(r.violations) > MAX_LISTED:
            lines.append(escape(tr("{n} more in the JSON report", n=len(r.violations) - MAX_LISTED)))
        if r.excluded:
            lines.append(escape(tr("Not counted ({n}):", n=len(r.excluded))))
            for x in r.excluded[:MAX_LISTED]:
                lines.append(f"  · {escape(x.evidence)} — {escape(tr.message(x.reason))}")
            if len(r.excluded) > MAX_LISTED:
                lines.append(escape(tr("{n} more in the JSON report", n=len(r.excluded) - MAX_LISTED)))
        if not lines:
            return
        console.print()
        console.print(f"[{STYLE[r.status]}]{escape(r.clause.id)} {escape(status_word(tr, r.status))}[/]"
                      f" {escape(title(tr, r))} ({escape(r.clause.citation)})")
        for line in lines:
            console.print("  " + line)

    def _waivers(self, console: Console, report: Report) -> None:
        tr = self.tr
        console.print()
        console.print(tr("Waivers (judged at {date})", date=report.waivers_as_of))
        for w in report.waivers:
            scope = ", ".join(f"{k}={v}" for k, v in sorted(w.scope.items())) or tr("whole clause")
            state = f"[bold red]{tr(w.state)}[/]" if w.state == "expired" else tr(w.state)
            console.print(f"  {escape(w.id)} {escape(w.clause)} {escape(scope)} {state} "
                          f"{escape(tr('expires'))} {escape(w.expires)} {escape(w.approver_role)} "
                          f"{escape(w.approval_ref)}")
        for w in report.expired_waivers:
            console.print("[bold red]" + escape(tr("expired waiver {id} (clause {clause}, {date}): ignored",
                                                   id=w.id, clause=w.clause, date=w.expires)) + "[/]")


def _trimmed(text: str) -> str:
    """No trailing blanks (the table pads its cells): a line is as wide as its text."""
    return "\n".join(line.rstrip() for line in text.split("\n"))
