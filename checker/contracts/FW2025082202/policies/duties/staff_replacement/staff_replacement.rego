# METADATA
# title: Non-conforming staff replaced within 5 days of Party A's request
# description: >-
#   甲方有权要求乙方更换不符合本合同约定的服务人员，乙方应在 5 日内更换 (第八条 9): every
#   request of Party A received in the service period is met by a replacement (another
#   person taking over) no later than the last day of data.params.duties.staff_replacement_days
#   日, counted per reading rule 2: from the day after the request was received; when the
#   last day is a 法定休假日 (not a working day of China's official calendar), the period
#   ends on the first working day after it. Not applicable without requests; a
#   replacement not yet due is pending.
# custom:
#   clause: "8.9"
#   evidence: [staff_replacements]
#   severity: medium
package contract.duties.staff_replacement

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "8.9"

days := data.params.duties.staff_replacement_days

requests := {e |
	some e in evidence.records("staff_replacements", "requests")
	e.r.requested_by.organisation_role == "party_a"
	lib.in_period(e.r.received_at)
}

not_applicable if count(requests) == 0

# TODO(lead): use lib.calendar period helper after merge
# period_end_day(d, n): last day of a period of n 日 starting the day after date d
# (民法典 第二百零一条、第二百零三条): the n-th calendar day after d, or, when that day is a
# 法定休假日, the first working day after it. Undefined when the calendar does not reach it.
period_end_day(d, n) := nominal if {
	nominal := cal.add_days(d, n)
	nominal in _working
} else := min(later) if {
	cal.covers(cal.add_days(d, n))
	later := {x | some x in data.calendar.working_days; x > cal.add_days(d, n)}
	count(later) > 0
}

_working := {w | some w in data.calendar.working_days}

_received(r) := cal.date_of(r.received_at)

deny contains v if {
	some e in requests
	not period_end_day(_received(e.r), days)
	msg := sprintf("request %s received %s: the official calendar does not reach its deadline [%s]", [e.r.request_id, _received(e.r), clause])
	v := lib.violation(msg, e.at)
}

deny contains v if {
	some e in requests
	due := period_end_day(_received(e.r), days)
	done := cal.date_of(evidence.present(e.r, "replaced_at"))
	done > due
	msg := sprintf("request %s received %s: staff %s replaced on %s, after the deadline %s (%d 日, reading rule 2) [%s]", [e.r.request_id, _received(e.r), e.r.staff_id, done, due, days, clause])
	v := object.union(lib.violation(msg, e.at), {"due": due, "replaced": done})
}

deny contains v if {
	some e in requests
	due := period_end_day(_received(e.r), days)
	not evidence.present(e.r, "replaced_at")
	evidence.today("staff_replacements") > due
	msg := sprintf("request %s received %s: staff %s not replaced, due %s [%s]", [e.r.request_id, _received(e.r), e.r.staff_id, due, clause])
	v := object.union(lib.violation(msg, e.at), {"due": due})
}

# a "replacement" by the same person, or by no one named, is no replacement
deny contains v if {
	some e in requests
	evidence.present(e.r, "replaced_at")
	not _other_person(e.r)
	msg := sprintf("request %s: the replacement of staff %s names no other person [%s]", [e.r.request_id, e.r.staff_id, clause])
	v := lib.violation(msg, e.at)
}

_other_person(r) if {
	p := evidence.present(r, "replacement_staff_id")
	p != r.staff_id
}

measure := {"requests": count(requests), "days": days}
