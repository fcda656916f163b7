"""--format text: a terminal table (coloured on a terminal, plain when piped)."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from checker.model import Report, Status
from checker.report.interface import Renderer

STYLE = {
    Status.PASS: "green", Status.FAIL: "bold red", Status.MISSING: "red", Status.INVALID: "red",
    Status.ERROR: "bold magenta", Status.MANUAL: "yellow", Status.WAIVED: "cyan",
    Status.NOT_APPLICABLE: "dim",
}


class TextRenderer(Renderer):
    extension = "txt"

    def render(self, report: Report) -> str:
        buf = io.StringIO()
        console = Console(file=buf, force_terminal=self.color, no_color=not self.color,
                          width=160, highlight=False, emoji=False)
        title = "条款" if self.lang == "zh" else "Clause"
        table = Table(title=f"{report.contract_id} — {report.bundle}", show_lines=False)
        table.add_column(title, no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("标题" if self.lang == "zh" else "Title")
        table.add_column("出处" if self.lang == "zh" else "Citation", no_wrap=True)
        table.add_column("Expected / actual", no_wrap=True)
        table.add_column("Detail")
        for r in report.results:
            detail = r.violations[0].message if r.violations else r.reason
            if r.waivers:
                detail = f"waived by {', '.join(r.waivers)}: {detail}"
            if len(r.violations) > 1:
                detail += f" (+{len(r.violations) - 1} more)"
            figures = "" if r.expected is None else f"{r.expected} / {r.actual} {r.unit or ''}".strip()
            table.add_row(
                r.clause.id,
                f"[{STYLE[r.status]}]{r.status.value}[/]",
                r.clause.title.zh if self.lang == "zh" else r.clause.title.en,
                r.clause.citation,
                figures,
                detail,
            )
        console.print(table)
        if report.waivers:
            waivers = Table(title=f"Waivers (judged at {report.waivers_as_of})")
            for name in ("Waiver", "Clause", "Scope", "State", "Expires", "Approver", "Approval"):
                waivers.add_column(name)
            for w in report.waivers:
                scope = ", ".join(f"{k}={v}" for k, v in sorted(w.scope.items()))
                state = f"[bold red]{w.state}[/]" if w.state == "expired" else w.state
                waivers.add_row(w.id, w.clause, scope, state, w.expires, w.approver_role, w.approval_ref)
            console.print(waivers)
            for w in report.expired_waivers:
                console.print(f"[bold red]expired waiver {w.id}[/] (clause {w.clause}, {w.expires}): ignored")
        summary = ", ".join(f"{k} {v}" for k, v in report.summary.items() if v)
        console.print(f"{len(report.results)} clauses: {summary}")
        console.print(f"engine: {report.engine}; manifest sha256: {report.manifest_sha256}")
        for key, value in sorted(report.inputs.items()):
            console.print(f"{key}: {value}")
        return buf.getvalue()
