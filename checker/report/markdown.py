"""--format markdown: a readable report for people (zh or en), from a Jinja2 template.

CommonMark (checked with markdown-it-py in the tests): the summary line, the clause table,
the waivers, the liability ledger (rows, chosen row, formula with its numbers, evidence,
termination rights, deductible part), then one `##` heading per clause, passes included,
each beginning with the clause id, with its violations and the items not counted.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from checker.model import Report
from checker.report import common
from checker.report.interface import Renderer
from checker.report.ledger import EventView, RowView, ledger_view


def _md(text: object) -> str:
    """Inline text that cannot open a block or break a table cell."""
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "*_`<>[]":
        out = out.replace(ch, "\\" + ch)
    return out


class MarkdownRenderer(Renderer):
    extension = "md"

    def render(self, report: Report) -> str:
        env = Environment(loader=PackageLoader("checker.report", "templates"), undefined=StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
        env.filters["md"] = _md
        tr = self.tr
        ctx: dict[str, Any] = {
            "report": report,
            "results": common.shown(report.results, self.only_failing),
            "summary_line": _md(common.summary(report).line(tr, report)),
            "_": tr,
            "title": lambda r: common.title(tr, r),
            "status": lambda s: common.status_word(tr, s),
            "figures": lambda r: common.figures(tr, r),
            "reason": lambda r: common.reason(tr, r),
            "message": lambda v: common.message(tr, v),
            "excluded_reason": lambda x: tr.message(x.reason),
            "ledger": ledger_view(report),
            "money": tr.money,
            "formula": lambda x: formula(tr, x),
            "why": lambda x: tr.message(x.why),
            "event_label": lambda e: event_label(tr, e),
            "reason_text": tr.message,
        }
        return env.get_template("report.md.j2").render(**ctx)


def formula(tr: Any, x: RowView) -> str:
    """`fee 540,057.14 / 12 months × 50% = 22,502.38` with the numbers, in the report's language."""
    i = x.inputs
    if x.basis == "system_fee" and i:
        return tr("fee {fee} / {months} months × {coefficient}% = {amount} (system {system})",
                  fee=tr.amount(i["fee"]), months=i["months"], coefficient=i["coefficient_percent"],
                  amount=tr.amount(x.amount), system=x.system_id or "")
    if x.basis == "price_per_day" and i:
        return tr("price {price} × {rate}% × {days} days = {amount}", price=tr.amount(i["price"]),
                  rate=i["percent_per_day"], days=i["days"], amount=tr.amount(x.amount))
    if x.basis == "price_share" and i:
        if "days" in i:
            return tr("price {price} × {rate}% × {days} days = {amount}", price=tr.amount(i["price"]),
                      rate=i["percent"], days=i["days"], amount=tr.amount(x.amount))
        return tr("price {price} × {rate}% = {amount}", price=tr.amount(i["price"]), rate=i["percent"],
                  amount=tr.amount(x.amount))
    return x.formula


def event_label(tr: Any, e: EventView) -> str:
    """A human name for a ledger event (never only an internal key), the key beside it."""
    names = []
    for msgid, params in e.parts:
        if msgid and tr.has(msgid):
            try:
                names.append(tr(msgid, **{f"p{i}": p for i, p in enumerate(params)}))
                continue
            except (KeyError, IndexError):
                pass
        names.append(" ".join(params))
    return f"{' + '.join(names)}: {tr.message(e.chosen.why)} ({e.key})"

