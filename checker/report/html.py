"""--format html: one self-contained page (zh or en) that opens without a network.

Inline CSS, inline SVG charts drawn here (checker/report/charts.py), no script and a
Content-Security-Policy that forbids fetching anything, so what is seen offline is all
there is. Sections: summary; charts where a person would rather look than read
(delivered vs contracted quantities 2.2.1.x, availability per month 3.4.a, response /
handling / on-site times 3.8.a-c, the penalty ledger); waivers; every clause with status,
citation, the contract's words, expected vs actual and violations linked to the evidence
(`bundle/path#/json/pointer`); coverage (clause -> policy -> evidence -> schema);
the digests of the inputs. A chart is drawn only when its figures are in the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from checker.model import ClauseResult, Report, Status
from checker.report import charts, common
from checker.report.charts import Bar, num
from checker.report.interface import Renderer
from checker.report.json import canonical
from checker.report.ledger import ledger_view
from checker.report.markdown import event_label, formula

MAX_VIOLATIONS = 200  # per clause on the page; the JSON report has them all
SHOWN_FIRST = 10  # violations / items shown before "show all" (a <details>, no script)
SLA_CLAUSES = (("3.8.a", "Response"), ("3.8.b", "Handling"), ("3.8.c", "On-site arrival"))

STATUS_COLOUR = {
    Status.PASS: "#2e7d32",
    Status.FAIL: "#c62828",
    Status.MISSING: "#ad1457",
    Status.INVALID: "#6a1b9a",
    Status.ERROR: "#4e342e",
    Status.MANUAL: "#f9a825",
    Status.WAIVED: "#00838f",
    Status.NOT_APPLICABLE: "#757575",
}

def evidence_href(bundle: str, evidence: str) -> str:
    """A link to the evidence file, with the JSON pointer as fragment."""
    path, _, pointer = evidence.partition("#")
    target = quote(path) + ("#" + quote(pointer, safe="/~-._") if pointer else "")
    if "://" in bundle:
        return bundle.rstrip("/") + "/" + target
    base = Path(bundle)
    if base.is_absolute():
        return base.as_uri() + "/" + target
    return (bundle.rstrip("/") + "/" if bundle else "") + target


class HtmlRenderer(Renderer):
    extension = "html"

    def t(self, msgid: str, **kw: object) -> str:
        return self.tr(msgid, **kw)

    def status_word(self, status: Status) -> str:
        return common.status_word(self.tr, status)

    def title(self, r: ClauseResult) -> str:
        return r.clause.title.zh if self.lang == "zh" else r.clause.title.en

    # ---- charts -----------------------------------------------------------------------
    def quantity_chart(self, report: Report) -> Markup:
        bars = []
        for r in report.results:
            exp, act = num(r.expected), num(r.actual)
            if not r.clause.id.startswith("2.2.1.") or exp is None or act is None:
                continue
            unit = f" {self.tr.word(r.unit)}" if r.unit and len(r.unit) <= 20 else ""
            bars.append(
                Bar(
                    f"{r.clause.id} {self.title(r)}",
                    act,
                    exp,
                    f"{charts.fmt(act)} / {charts.fmt(exp)}{unit}",
                    good=act >= exp,
                )
            )
        if not bars:
            return Markup("")
        # scale each row to its own contract amount so 30000 GB and 1 site share a chart
        scaled = [
            Bar(b.label, b.value / b.target * 100 if b.target else 0.0, 100.0, b.note, b.good)
            for b in bars
        ]
        return charts.hbars(self.t("Delivered vs contracted quantities (第二条 2(1))"), scaled,
                            label_width=340, width=900)

    def availability_points(self, report: Report, r: ClauseResult) -> list[tuple[str, float]]:
        """Per service month, the lowest system's availability in percent.

        Two shapes are read: `per_month` {"YYYY-MM": {"availability_percent": p}} and
        `months` [{"month": "YYYY-MM", "downtime_minutes": {system: minutes}}] (3.4.a), the
        latter turned into percent of the service month (which starts on the period's day).
        """
        per_month = r.measures.get("per_month")
        points = []
        if isinstance(per_month, Mapping):
            for month in sorted(per_month):
                entry = per_month[month]
                value = num(entry.get("availability_percent") if isinstance(entry, Mapping) else entry)
                if value is not None:
                    points.append((str(month), value))
            return points
        months = r.measures.get("months")
        if not isinstance(months, list):
            return []
        start = datetime.fromisoformat(report.period["start"])
        end = datetime.fromisoformat(report.period["end"])
        seen: dict[str, float] = {}
        for entry in months:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("month"), str):
                continue
            label = entry["month"]
            try:
                year, month = int(label[:4]), int(label[5:7])
                first = start.replace(year=year, month=month)
                last = first.replace(year=year + month // 12, month=month % 12 + 1)
            except ValueError:
                continue
            minutes = (min(last, end) - max(first, start)).total_seconds() / 60
            down = entry.get("downtime_minutes")
            worst = max((num(v) or 0.0 for v in down.values()), default=0.0) if isinstance(down, Mapping) else 0.0
            if minutes > 0:
                seen[label] = round(100 * (1 - worst / minutes), 6)
        return sorted(seen.items())

    def availability_chart(self, report: Report, threshold: float | None) -> Markup:
        """Cumulative downtime per system, month by month, against the year's budget
        (3.4.a read over the year: `allowed_downtime_minutes`), so a month is judged by
        what the year can still afford, not against the annual percentage on its own."""
        r = self._result(report, "3.4.a")
        if r is None:
            return Markup("")
        months = r.measures.get("months")
        budget = self._budget(report, r, threshold)
        if not isinstance(months, list) or budget is None:
            return Markup("")
        labels = [str(m.get("month")) for m in months if isinstance(m, Mapping)]
        systems = sorted({str(s) for m in months if isinstance(m, Mapping)
                          for s in (m.get("downtime_minutes") or {})})
        series = []
        for sid in systems:
            total, values = 0.0, []
            for m in months:
                if isinstance(m, Mapping):
                    total += num((m.get("downtime_minutes") or {}).get(sid)) or 0.0
                    values.append(total)
            series.append((sid, values))
        return charts.cumulative(
            self.availability_title(threshold, budget), labels, series, budget=budget,
            unit=self.t("min"),
            budget_label=self.t("year's budget {m} min", m=self.tr.number(charts.fmt(budget))),
        )

    @staticmethod
    def _budget(report: Report, r: ClauseResult, threshold: float | None) -> float | None:
        """The year's downtime budget: the policy's figure, else (100 - target)% of the period."""
        budget = num(r.measures.get("allowed_downtime_minutes"))
        if budget is not None or threshold is None:
            return budget
        try:
            span = (datetime.fromisoformat(report.period["end"])
                    - datetime.fromisoformat(report.period["start"])).total_seconds() / 60
        except (KeyError, ValueError):
            return None
        return round((100 - threshold) / 100 * span, 2)

    def availability_title(self, threshold: float | None, budget: float | None) -> str:
        return self.t("Cumulative downtime per system against the year's budget of {m} minutes "
                      "({t}% availability, 3.4.a)",
                      m=self.tr.number(charts.fmt(budget)) if budget is not None else "?",
                      t=charts.fmt(threshold if threshold is not None else 99.99))

    def sla_charts(self, report: Report) -> list[tuple[Markup, str]]:
        out = []
        for clause_id, what in SLA_CLAUSES:
            r = self._result(report, clause_id)
            if r is None:
                continue
            m = r.measures
            limit = num(m.get("limit_minutes"))
            monthly = m.get("monthly_mean_minutes") or m.get("per_month")
            points = []
            if isinstance(monthly, Mapping):
                for month in sorted(monthly):
                    v = monthly[month]
                    v = num(v.get("mean_minutes") if isinstance(v, Mapping) else v)
                    if v is not None:
                        points.append((str(month), v))
            if not points and num(m.get("mean_minutes")) is not None:
                points = [("mean", num(m.get("mean_minutes")) or 0.0)]
                if num(m.get("worst_minutes") or m.get("max_minutes")) is not None:
                    points.append(
                        ("worst", num(m.get("worst_minutes") or m.get("max_minutes")) or 0.0)
                    )
            if not points:
                continue
            title = self.t(
                "{what} time per month against {t} minutes ({c})",
                what=self.t(what),
                t=charts.fmt(limit) if limit is not None else "?",
                c=clause_id,
            )
            chart = charts.columns(
                title, points, threshold=limit, higher_is_better=False, unit=self.t("min")
            )
            mean, worst = (
                num(m.get("mean_minutes")),
                num(m.get("worst_minutes") or m.get("max_minutes")),
            )
            caption = ""
            if mean is not None and worst is not None:
                caption = self.t("mean {m} min, worst {w} min", m=charts.fmt(mean), w=charts.fmt(worst))
            out.append((chart, f"{title} — {caption}" if caption else title))
        return out

    def ledger(self, report: Report) -> dict[str, Any] | None:
        """The ledger view (checker/report/ledger.py) and a chart of the fines per event."""
        view = ledger_view(report)
        if view is None:
            return None
        bars = [Bar(e.key[:40], float(e.fine), None, self.tr.money(e.fine), good=False)
                for e in view.events]
        chart = (charts.hbars(self.t("Fines per event (CNY)"), bars[:40], label_width=300, width=900)
                 if bars else Markup(""))
        return {"view": view, "chart": chart}

    @staticmethod
    def _result(report: Report, clause_id: str) -> ClauseResult | None:
        return next((r for r in report.results if r.clause.id == clause_id), None)

    # ---- page ---------------------------------------------------------------------------
    def render(self, report: Report) -> str:
        from checker.report.coverage import project_coverage

        env = Environment(
            loader=PackageLoader("checker.report", "templates"),
            undefined=StrictUndefined,
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        articles = [
            (a, list(rs)) for a, rs in groupby(report.results, key=lambda r: r.clause.article)
        ]
        availability = self._result(report, "3.4.a")
        threshold = None
        if availability is not None:
            threshold = num(availability.expected) or num(availability.measures.get("threshold_percent"))
        budget = self._budget(report, availability, threshold) if availability else None
        figures = {
            "quantities": self.quantity_chart(report),
            "availability": self.availability_chart(report, threshold),
            "availability_title": self.availability_title(threshold, budget),
            "sla": self.sla_charts(report),
        }
        return env.get_template("report.html.j2").render(
            report=report,
            lang=self.lang,
            t=self.t,
            _=self.tr,
            tr=self.tr,
            summary_line=common.summary(report).line(self.tr, report),
            message=lambda v: common.message(self.tr, v),
            figures_of=lambda r: common.figures(self.tr, r),
            reason_of=lambda r: common.reason(self.tr, r),
            formula=lambda x: formula(self.tr, x),
            event_label=lambda e: event_label(self.tr, e),
            shown_first=SHOWN_FIRST,
            title=self.title,
            status_word=self.status_word,
            colour=STATUS_COLOUR,
            statuses=list(Status),
            articles=articles,
            figures=figures,
            ledger=self.ledger(report),
            coverage=project_coverage([r.clause for r in report.results]),
            href=lambda e: evidence_href(report.bundle, e),
            max_violations=MAX_VIOLATIONS,
            canonical=canonical,
            Status=Status,
        )
