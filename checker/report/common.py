"""What every human-readable format says the same way: a clause's figures, a violation
in the report's language with the item it is about, the items a clause did not count."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checker.i18n import Translator
from checker.model import ClauseResult, Report, Status, Violation

# Keys of a violation's details that say which item it is about, in the order shown.
ITEM_KEYS = ("host_id", "ticket_id", "system_id", "month", "request_id", "doc_id", "event_id",
             "staff_id", "occasion", "scope")


def status_word(tr: Translator, status: Status) -> str:
    return {
        Status.PASS: tr("pass"), Status.FAIL: tr("fail"), Status.MISSING: tr("missing"),
        Status.INVALID: tr("invalid"), Status.MANUAL: tr("manual"), Status.WAIVED: tr("waived"),
        Status.NOT_APPLICABLE: tr("not applicable"), Status.ERROR: tr("error"),
    }[status]


def title(tr: Translator, r: ClauseResult) -> str:
    return r.clause.title.zh if tr.lang == "zh" else r.clause.title.en


def unit(tr: Translator, r: ClauseResult) -> str:
    return str(tr.word(r.unit)) if r.unit else ""


def figures(tr: Translator, r: ClauseResult) -> str:
    """`contracted 113, delivered 111 host`, never a None: an absent side is left out."""
    u = unit(tr, r)
    if r.expected is None and r.actual is None:
        return ""
    if r.actual is None:
        return tr("contracted {expected} {unit}", expected=tr.number(r.expected), unit=u).strip()
    if r.expected is None:
        return tr("delivered {actual} {unit}", actual=tr.number(r.actual), unit=u).strip()
    return tr("{actual} of {expected} {unit}", actual=tr.number(r.actual),
              expected=tr.number(r.expected), unit=u).strip()


def message(tr: Translator, v: Violation) -> str:
    return tr.message(v.message, v.details)


def item(v: Violation) -> str:
    """What a violation is about, from its details: `host_id h0066, month 2026-01`."""
    parts = [f"{k} {v.details[k]}" for k in ITEM_KEYS if v.details.get(k) not in (None, "")]
    return ", ".join(parts)


@dataclass(frozen=True)
class Summary:
    counts: dict[str, int]
    total: int

    def line(self, tr: Translator, report: Report) -> str:
        parts = [f"{status_word(tr, Status(k))} {n}" for k, n in self.counts.items() if n]
        verdict = tr("exit {code}", code=int(report.exit_code))
        return tr("{contract}: {n} clauses: {counts}; {verdict}", contract=report.contract_id,
                  n=self.total, counts=", ".join(parts), verdict=verdict)


def summary(report: Report) -> Summary:
    order = [Status.FAIL, Status.MISSING, Status.INVALID, Status.ERROR, Status.WAIVED,
             Status.MANUAL, Status.NOT_APPLICABLE, Status.PASS]
    s = report.summary
    return Summary({st.value: s.get(st.value, 0) for st in order}, len(report.results))


def shown(results: Iterable[ClauseResult], only_failing: bool) -> list[ClauseResult]:
    return [r for r in results if not only_failing or r.status.blocking or r.status is Status.WAIVED]


def reason(tr: Translator, r: ClauseResult) -> str:
    return tr.message(r.reason) if r.reason else ""

