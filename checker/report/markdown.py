"""--format markdown: a readable report for people (zh or en), from a Jinja2 template."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from checker.model import ClauseResult, Report
from checker.report.interface import Renderer


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


class MarkdownRenderer(Renderer):
    extension = "md"

    def render(self, report: Report) -> str:
        env = Environment(loader=PackageLoader("checker.report", "templates"), undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
        env.filters["md"] = _md
        zh = self.lang == "zh"

        def t(en: str, zh_text: str) -> str:
            return zh_text if zh else en

        def title(r: ClauseResult) -> str:
            return r.clause.title.zh if zh else r.clause.title.en

        return env.get_template("report.md.j2").render(report=report, t=t, title=title)
