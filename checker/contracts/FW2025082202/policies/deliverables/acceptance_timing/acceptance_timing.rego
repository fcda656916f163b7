# METADATA
# title: Acceptance within 20 working days after the period; failed acceptance fixed in 15 days
# description: >-
#   在服务期满后 20 个工作日内对乙方服务情况进行验收……验收不合格的，乙方应当在 15 日内
#   进行调整，并重新提交甲方验收 (第六条 2). Working days follow China's official calendar
#   (data.calendar) and count from the day after the period's last day; the 15 days are
#   natural days from the failed round. Before the period ends the clause is not
#   applicable; a deadline still running at the export time (as_of) is pending.
# custom:
#   clause: "6.2"
#   evidence: [acceptance]
#   severity: medium
package contract.deliverables.acceptance_timing

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "6.2"

_rounds := evidence.records("acceptance", "rounds")

_today := evidence.today("acceptance")

_last_day := cal.period_last_day

_deadline := cal.working_day_after(_last_day, data.params.acceptance.within_working_days)

_first := e if {
	some e in _rounds
	e.r.round == min({x.r.round | some x in _rounds})
}

_started if _today > _last_day

# the acceptance stage has not been reached, or the first acceptance is not yet due
not_applicable if not _started

not_applicable if {
	_started
	count(_rounds) == 0
	_today <= _deadline
}

deny contains v if {
	_started
	not _deadline
	v := lib.violation(
		sprintf("the working-day calendar (%s) does not reach the acceptance deadline [%s]", [data.calendar.source, clause]),
		evidence.at("acceptance", "rounds"),
	)
}

deny contains v if {
	_started
	count(_rounds) == 0
	_today > _deadline
	v := lib.violation(
		sprintf("no acceptance held within %d working days after the period ended on %s (due %s) [%s]", [data.params.acceptance.within_working_days, _last_day, _deadline, clause]),
		evidence.at("acceptance", "rounds"),
	)
}

deny contains v if {
	_first.r.held_on > _deadline
	n := cal.working_days_between(_last_day, _first.r.held_on)
	msg := sprintf("first acceptance held on %s, %d working days after the period ended on %s (limit %d, due %s) [%s]", [_first.r.held_on, n, _last_day, data.params.acceptance.within_working_days, _deadline, clause])
	v := object.union(lib.violation(msg, _first.at), {"working_days": n, "due": _deadline})
}

# after a failed round, the next round must be submitted within fix_within_days
_next(r) := e if {
	later := {x.r.round | some x in _rounds; x.r.round > r.round}
	some e in _rounds
	e.r.round == min(later)
}

deny contains v if {
	some e in _rounds
	e.r.result == "fail"
	due := cal.add_days(e.r.held_on, data.params.acceptance.fix_within_days)
	nxt := _next(e.r)
	resubmitted := cal.date_of(nxt.r.submitted_at)
	resubmitted > due
	msg := sprintf("acceptance round %d failed on %s; resubmitted on %s, %d days later (limit %d, due %s) [%s]", [e.r.round, e.r.held_on, resubmitted, cal.days_between(e.r.held_on, resubmitted), data.params.acceptance.fix_within_days, due, clause])
	v := object.union(lib.violation(msg, nxt.at), {"days": cal.days_between(e.r.held_on, resubmitted), "due": due})
}

deny contains v if {
	some e in _rounds
	e.r.result == "fail"
	not _next(e.r)
	due := cal.add_days(e.r.held_on, data.params.acceptance.fix_within_days)
	_today > due
	msg := sprintf("acceptance round %d failed on %s and was not resubmitted by %s [%s]", [e.r.round, e.r.held_on, due, clause])
	v := lib.violation(msg, e.at)
}

measure := {"due": _deadline, "first_held_on": _first.r.held_on, "working_days_after_period": cal.working_days_between(_last_day, _first.r.held_on), "rounds": count(_rounds)}
