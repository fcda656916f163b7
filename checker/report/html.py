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
from checker.report import charts
from checker.report.charts import Bar, num
from checker.report.interface import Renderer
from checker.report.json import canonical, section

MAX_VIOLATIONS = 200  # per clause on the page; the JSON report has them all
SLA_CLAUSES = (("3.8.a", "response"), ("3.8.b", "handling"), ("3.8.c", "onsite"))

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

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Compliance report", "合规报告"),
    "summary": ("Summary", "汇总"),
    "bundle": ("Bundle", "证据包"),
    "period": ("Service period", "服务期"),
    "producer": ("Produced by", "提交方"),
    "engine": ("Engine", "引擎"),
    "generated": ("Generated", "生成时间"),
    "exit": ("Exit code", "退出码"),
    "charts": ("Figures", "图表"),
    "quantities": (
        "Delivered vs contracted quantities (第二条 2(1))",
        "服务数量：实际交付 / 合同约定（第二条 2(1)）",
    ),
    "availability": (
        "Platform availability per month against {t}% (3.4.a)",
        "平台每月可用性，对照 {t}%（3.4.a）",
    ),
    "sla": (
        "{what} time per month against {t} minutes ({c})",
        "{what}时间（月均），对照 {t} 分钟（{c}）",
    ),
    "response": ("Response", "响应"),
    "handling": ("Handling", "处理"),
    "onsite": ("On-site arrival", "到场"),
    "mean_worst": ("mean {m} min, worst {w} min", "平均 {m} 分钟，最长 {w} 分钟"),
    "ledger": ("Penalty ledger", "违约金台账"),
    "event": ("Event", "事件"),
    "row": ("Liability row", "责任条款"),
    "amount": ("Amount (CNY)", "金额（元）"),
    "total": ("Total", "合计"),
    "deductible": ("Deductible from the final payment", "可从尾款中扣除"),
    "waivers": ("Waivers", "豁免"),
    "as_of": ("judged at", "判定日期"),
    "expired_note": (
        "Expired waivers are ignored: the clauses they covered count as failed, and the run exits 1.",
        "已过期的豁免不再生效：相应条款按不合格计，运行退出码为 1。",
    ),
    "scope": ("Scope", "范围"),
    "reason": ("Reason", "理由"),
    "approver": ("Approver", "批准方"),
    "approval": ("Approval", "批准文号"),
    "expires": ("Expires", "到期"),
    "state": ("State", "状态"),
    "clauses": ("Clauses", "条款"),
    "clause": ("Clause", "条款"),
    "status": ("Status", "结果"),
    "citation": ("Citation", "出处"),
    "expected": ("Expected", "约定"),
    "actual": ("Actual", "实际"),
    "violations": ("Violations", "违规项"),
    "evidence": ("Evidence", "证据"),
    "more": ("{n} more in the JSON report", "另有 {n} 项见 JSON 报告"),
    "waived_by": ("waived by", "豁免："),
    "coverage": (
        "Coverage: clause → policy → evidence → schema",
        "覆盖：条款 → 策略 → 证据 → 模式",
    ),
    "policy": ("Policy", "策略"),
    "schema": ("Schema", "模式"),
    "manual": ("manual (attestation)", "人工（需签署证明）"),
    "problems": ("Flagged", "问题"),
    "none": ("none", "无"),
    "inputs": ("Inputs (sha256)", "输入（sha256）"),
    "measures": ("Figures", "指标"),
}
STATUS_WORDS = {
    "pass": "通过",
    "fail": "不合格",
    "missing": "缺证据",
    "invalid": "证据无效",
    "manual": "人工",
    "waived": "已豁免",
    "not_applicable": "不适用",
    "error": "错误",
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

    def t(self, key: str, **kw: object) -> str:
        en, zh = WORDS[key]
        return (zh if self.lang == "zh" else en).format(**kw)

    def status_word(self, status: Status) -> str:
        return STATUS_WORDS[status.value] if self.lang == "zh" else status.value.replace("_", " ")

    def title(self, r: ClauseResult) -> str:
        return r.clause.title.zh if self.lang == "zh" else r.clause.title.en

    # ---- charts -----------------------------------------------------------------------
    def quantity_chart(self, report: Report) -> Markup:
        bars = []
        for r in report.results:
            exp, act = num(r.expected), num(r.actual)
            if not r.clause.id.startswith("2.2.1.") or exp is None or act is None:
                continue
            unit = f" {r.unit}" if r.unit and len(r.unit) <= 20 else ""
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
        return charts.hbars(self.t("quantities"), scaled, label_width=340, width=900)

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
        r = self._result(report, "3.4.a")
        points = self.availability_points(report, r) if r else []
        if not points:
            return Markup("")
        limit = threshold if threshold is not None else 99.99
        floor = min([limit - 0.01] + [v for _, v in points])
        return charts.columns(
            self.t("availability", t=charts.fmt(limit)),
            points,
            threshold=limit,
            higher_is_better=True,
            unit="%",
            floor=floor,
        )

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
                "sla",
                what=self.t(what),
                t=charts.fmt(limit) if limit is not None else "?",
                c=clause_id,
            )
            chart = charts.columns(
                title, points, threshold=limit, higher_is_better=False, unit="min"
            )
            mean, worst = (
                num(m.get("mean_minutes")),
                num(m.get("worst_minutes") or m.get("max_minutes")),
            )
            caption = ""
            if mean is not None and worst is not None:
                caption = self.t("mean_worst", m=charts.fmt(mean), w=charts.fmt(worst))
            out.append((chart, f"{title} — {caption}" if caption else title))
        return out

    def ledger(self, report: Report) -> dict[str, Any] | None:
        """The penalty ledger (Report.extra["liability"]): events, the row chosen, amounts."""
        data = section(report.extra.get("liability"))
        if not isinstance(data, Mapping):
            return None
        events = []
        for e in data.get("events") or []:
            if isinstance(e, Mapping):
                events.append({
                    "event": str(e.get("event_id", e.get("event", "?"))),
                    "row": str(e.get("chosen_row", e.get("chosen", ""))),
                    "amount": str(e.get("amount_cny", e.get("amount", ""))),
                })
        bars = [Bar(e["event"][:40], num(e["amount"]) or 0.0, None, e["amount"], good=False) for e in events]
        chart = charts.hbars(self.t("ledger"), bars[:40], label_width=300, width=900) if bars else Markup("")
        deductible = data.get("deductible", data.get("deductible_from_final"))
        if isinstance(deductible, Mapping):
            deductible = deductible.get("amount")
        return {"events": events, "total": data.get("total"), "deductible": deductible, "chart": chart}

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
        figures = {
            "quantities": self.quantity_chart(report),
            "availability": self.availability_chart(report, threshold),
            "availability_title": self.t(
                "availability", t=charts.fmt(threshold if threshold is not None else 99.99)
            ),
            "sla": self.sla_charts(report),
        }
        return env.get_template("report.html.j2").render(
            report=report,
            lang=self.lang,
            t=self.t,
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
