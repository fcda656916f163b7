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

# every ticket reported in the period, by its pointer, with its report instant parsed
# once (ns): {"t": ticket, "from": ns, ...}, the same entries the 第三条 8 and 10 ticket
# clauses judge (policies/sla/tickets: only tickets whose reported_at is inside the
# period, lib.in_period; keyed by lib.pointer(f.path, ["tickets", i]))
# (speed: built once per query for every ticket clause, not once more here; by full path:
# through an import alias regorus evaluates that whole package)
_tickets := data.contract.sla.tickets.tickets

# the cleared tickets (resolved_at present): pointer -> the clearing instant (ns)
_resolved := data.contract.sla.tickets.resolved_ns # parsed once for every ticket clause (evidence.present(t, "resolved_at"))

_within := data.params.duties.fault_report_within_hours

_hour_ns := time.parse_duration_ns("1h")

# every cleared ticket has a written fault report (closing_report), delivered after the
# clearing, within _within whole hours (rounded up); one rule per way it fails, in this
# order: none, dated before the clearing, too late
deny contains v if {
	tickets := _tickets
	some at, _ in _resolved
	t := tickets[at].t
	object.get(t, "closing_report", null) == null
	v := lib.violation(sprintf("ticket %s %s [%s]", [t.ticket_id, "has no written fault report", clause]), at)
}

# the reports that fail: pointer -> ns from the clearing to the report's delivery, for the
# reports delivered before the clearing (< 0) or more than _within whole hours after it
# (speed: the report of each cleared ticket is read and parsed once, and messages are built
# for those only; max([ceil(d / 1 h) - _within, -d]) > 0 is exactly "d < 0 or
# ceil(d / 1 h) > _within", the ceiling taken in exact integers)
_off := {at: d |
	tickets := _tickets
	within := _within
	hour := _hour_ns
	some at, resolved in _resolved
	rep := object.get(tickets[at].t, "closing_report", null)
	rep != null
	d := time.parse_rfc3339_ns(rep.delivered_at) - resolved
	up := (max([d, 0]) + hour) - 1 # ceil(d / 1 h) for d >= 0 as lib.ceil_div works it out, inline (once per cleared ticket)
	max([((up - (up % hour)) / hour) - within, 0 - d]) > 0
}

deny contains v if {
	tickets := _tickets
	some at, d in _off
	d < 0 # delivered before resolved
	t := tickets[at].t
	rep := t.closing_report
	problem := sprintf("fault report %s is dated %s, before the fault was cleared at %s", [rep.doc_id, rep.delivered_at, t.resolved_at])
	v := lib.violation(sprintf("ticket %s %s [%s]", [t.ticket_id, problem, clause]), at)
}

deny contains v if {
	tickets := _tickets
	some at, d in _off
	d >= 0 # delivered >= resolved
	h := lib.ceil_div(d, _hour_ns) # whole hours from clearing to the report, rounded up (exact)
	h > _within
	t := tickets[at].t
	rep := t.closing_report
	problem := sprintf("fault report %s came %d hours after clearing (limit %d)", [rep.doc_id, h, _within])
	v := lib.violation(sprintf("ticket %s %s [%s]", [t.ticket_id, problem, clause]), at)
}

# ---- progress at set intervals while open --------------------------------------------------
_interval := data.params.duties.fault_progress_interval_minutes

_minute_ns := 60 * 1000000000

# the export time: the latest as_of of the tickets files (ns)
_as_of := evidence.as_of("tickets")

# a cleared fault was open from its report to its clearing; a fault still open at the
# export time was open from its report to then
# (speed: no gap between the instants is longer than the whole open time, so a fault open
# no longer than the interval is not looked at further; one pass over the tickets for both)
deny contains v if {
	limit := _interval * _minute_ns
	now := _as_of
	cleared := _resolved
	some at, e in _tickets
	until := object.get(cleared, at, now)
	abs(until - e.from) > limit
	v := _silence(e, at, until, limit)
}

# the instants Party A heard of the fault: its report, each progress update while open,
# and the end of the open time (until); in order. A violation when the longest gap between
# two of them is longer than the interval (limit, ns).
_silence(e, at, until, limit) := v if {
	from := e.from
	points := sort(array.concat([from, until], [u |
		some p in object.get(e.t, "progress_updates", [])
		u := time.parse_rfc3339_ns(p.at)
		u > from
		u < until
	]))
	gap := max([g | some i in numbers.range(0, count(points) - 2); g := points[i + 1] - points[i]])
	gap > limit
	minutes := lib.ceil_div(gap, _minute_ns)
	v := object.union(lib.violation(sprintf("ticket %s: %d minutes without a progress report to Party A while the fault was open (interval %d) [%s]", [e.t.ticket_id, minutes, _interval, clause]), at), {"gap_minutes": minutes})
}

measure := {"cleared_tickets": count(_resolved), "tickets": count(_tickets)}
