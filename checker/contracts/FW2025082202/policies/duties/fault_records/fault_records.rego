# METADATA
# title: Faults logged, progress reported, written fault report after clearing
# description: >-
#   乙方接到甲方故障报告后，应及时做好相关信息的登记工作……乙方应定时向甲方反馈检查进度及结果，
#   故障排除后，乙方应将结果及时反馈甲方并做好书面报告和故障记录 (第九条 13): every ticket of
#   the period that was cleared has a written fault report delivered after clearing, within
#   data.params.duties.fault_report_within_hours ("及时": an agreed input). The ticket itself
#   is the 登记; progress updates are not required (faults clear within 3.10's half hour,
#   so the report is the feedback). A ticket not yet cleared is judged by 3.10, not here.
# custom:
#   clause: "9.13"
#   evidence: [tickets]
#   severity: medium
package contract.duties.fault_records

import data.contract.lib
import data.contract.lib.evidence

clause := "9.13"

_cleared := {e |
	some e in evidence.records("tickets", "tickets")
	lib.in_period(e.r.reported_at)
	evidence.present(e.r, "resolved_at")
}

_problem(t) := "has no written fault report" if {
	not evidence.present(t, "closing_report")
} else := sprintf("fault report %s is dated %s, before the fault was cleared at %s", [t.closing_report.doc_id, t.closing_report.delivered_at, t.resolved_at]) if {
	lib.ns(t.closing_report.delivered_at) < lib.ns(t.resolved_at)
} else := sprintf("fault report %s came %d hours after clearing (limit %d)", [t.closing_report.doc_id, _hours(t), data.params.duties.fault_report_within_hours]) if {
	_hours(t) > data.params.duties.fault_report_within_hours
}

# whole hours from clearing to the report, rounded up
_hours(t) := ceil((lib.ns(t.closing_report.delivered_at) - lib.ns(t.resolved_at)) / time.parse_duration_ns("1h"))

deny contains v if {
	some e in _cleared
	problem := _problem(e.r)
	v := lib.violation(sprintf("ticket %s %s [%s]", [e.r.ticket_id, problem, clause]), e.at)
}

measure := {"cleared_tickets": count(_cleared)}
