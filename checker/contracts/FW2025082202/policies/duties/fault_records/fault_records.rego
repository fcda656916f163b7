# METADATA
# title: Faults logged, progress reported at set intervals, written fault report after clearing
# description: >-
#   乙方接到甲方故障报告后，应及时做好相关信息的登记工作……乙方应定时向甲方反馈检查进度及结果，
#   故障排除后，乙方应将结果及时反馈甲方并做好书面报告和故障记录 (第九条 13): the ticket is the
#   登记; while a fault of the period is open (from its report to its clearing, or to the
#   export time while still open) Party A hears of its progress at least every
#   data.params.duties.fault_progress_interval_minutes ("定时": an agreed input): no gap
#   between the report, the progress updates and the clearing is longer; and every cleared
#   ticket has a written fault report delivered after clearing, within
#   data.params.duties.fault_report_within_hours ("及时": an agreed input).
# custom:
#   clause: "9.13"
#   evidence: [tickets]
#   severity: medium
package contract.duties.fault_records

import data.contract.lib
import data.contract.lib.evidence

clause := "9.13"

_tickets := {e | some e in evidence.records("tickets", "tickets"); lib.in_period(e.r.reported_at)}

_cleared := {e | some e in _tickets; evidence.present(e.r, "resolved_at")}

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

# ---- progress at set intervals while open --------------------------------------------------
_interval := data.params.duties.fault_progress_interval_minutes

_minute_ns := 60 * 1000000000

_open_until(t) := lib.ns(r) if {
	r := evidence.present(t, "resolved_at")
} else := evidence.as_of("tickets")

# the instants Party A heard of the fault: its report, each progress update while open,
# and the clearing (or the export time while open); in order
_points(t) := sort(array.concat([lib.ns(t.reported_at), _open_until(t)], [u |
	some p in object.get(t, "progress_updates", [])
	u := lib.ns(p.at)
	u > lib.ns(t.reported_at)
	u < _open_until(t)
]))

_longest_gap(t) := max([g | p := _points(t); some i in numbers.range(0, count(p) - 2); g := p[i + 1] - p[i]])

deny contains v if {
	some e in _tickets
	gap := _longest_gap(e.r)
	gap > _interval * _minute_ns
	minutes := ceil(gap / _minute_ns)
	v := object.union(lib.violation(sprintf("ticket %s: %d minutes without a progress report to Party A while the fault was open (interval %d) [%s]", [e.r.ticket_id, minutes, _interval, clause]), e.at), {"gap_minutes": minutes})
}

measure := {"cleared_tickets": count(_cleared), "tickets": count(_tickets)}
