# METADATA
# title: Acceptance within 20 working days after the period; failed acceptance fixed in 15 日
# description: >-
#   乙方以书面形式向甲方提交项目验收申请，甲方收到书面验收申请后组织验收工作 (第六条 1); 在服务期满后
#   20 个工作日内对乙方服务情况进行验收……验收不合格的，乙方应当在 15 日内进行调整，并重新提交甲方
#   验收 (第六条 2). Working days follow China's official calendar (data.calendar) and count
#   from the day after the period's last day. Acceptance starts with Party B's written
#   application: a late or missing first acceptance names who was late (Party B when its
#   application came after the deadline or never, else Party A, reading rule 4). After a
#   failed round the 15 日 run from the failed meeting to the next round's application,
#   counted per 民法典 201-203 (lib/calendar period_end_days). Before the period ends the
#   clause is not applicable; a deadline still running at the export time is pending.
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

_applications := evidence.records("acceptance", "applications")

_as_of := evidence.as_of("acceptance")

_today := evidence.today("acceptance")

_last_day := cal.period_last_day

_deadline := cal.working_day_after(_last_day, data.params.acceptance.within_working_days)

_deadline_end := cal.day_end_ns(_deadline)

_first := e if {
	some e in _rounds
	e.r.round == min({x.r.round | some x in _rounds})
}

# when Party B applied for round r: its application record, else the round's submitted_at
applied_ns(r) := min({lib.ns(a.r.submitted_at) | some a in _applications; a.r.round == r.round}) if {
	count({a | some a in _applications; a.r.round == r.round}) > 0
} else := lib.ns(r.submitted_at)

# Party B's first written application, whichever round it names
_first_application_ns := min({lib.ns(a.r.submitted_at) | some a in _applications; a.r.written == true})

# who was late for a first acceptance not held in time
_answerable := "party_a" if {
	_first_application_ns <= _deadline_end
} else := "party_b"

_why := sprintf("Party B applied in writing at %s, in time: the delay is Party A's", [lib.local_time(_first_application_ns)]) if {
	_answerable == "party_a"
} else := sprintf("Party B's written application came only at %s, after the deadline", [lib.local_time(_first_application_ns)]) if {
	_first_application_ns
} else := "Party B made no written application"

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
	msg := sprintf("no acceptance held within %d working days after the period ended on %s (due %s); %s [%s]", [data.params.acceptance.within_working_days, _last_day, _deadline, _why, clause])
	v := object.union(lib.violation(msg, evidence.at("acceptance", "rounds")), {"answerable": _answerable})
}

deny contains v if {
	_first.r.held_on > _deadline
	n := cal.working_days_between(_last_day, _first.r.held_on)
	msg := sprintf("first acceptance held on %s, %d working days after the period ended on %s (limit %d, due %s); %s [%s]", [_first.r.held_on, n, _last_day, data.params.acceptance.within_working_days, _deadline, _why, clause])
	v := object.union(lib.violation(msg, _first.at), {"working_days": n, "due": _deadline, "answerable": _answerable})
}

# after a failed round, the next round must be applied for within fix_within_days 日
_next(r) := e if {
	later := {x.r.round | some x in _rounds; x.r.round > r.round}
	some e in _rounds
	e.r.round == min(later)
}

_fix_days := data.params.acceptance.fix_within_days

_fix_due(r) := cal.last_day_of_days(r.held_on, _fix_days)

_fix_end(r) := cal.day_period_end_days(r.held_on, _fix_days)

deny contains v if {
	some e in _rounds
	e.r.result == "fail"
	not _fix_end(e.r)
	v := lib.violation(sprintf("acceptance round %d failed on %s: the official calendar (%s) does not reach the resubmission deadline [%s]", [e.r.round, e.r.held_on, data.calendar.source, clause]), e.at)
}

deny contains v if {
	some e in _rounds
	e.r.result == "fail"
	nxt := _next(e.r)
	at := applied_ns(nxt.r)
	at > _fix_end(e.r)
	resubmitted := cal.day_of_ns(at)
	n := cal.days_between(e.r.held_on, resubmitted)
	msg := sprintf("acceptance round %d failed on %s; resubmitted on %s, %d days later (limit %d 日, due by 24:00 on %s) [%s]", [e.r.round, e.r.held_on, resubmitted, n, _fix_days, _fix_due(e.r), clause])
	v := object.union(lib.violation(msg, nxt.at), {"days": n, "due": _fix_due(e.r), "days_late": cal.days_between(_fix_due(e.r), resubmitted)})
}

deny contains v if {
	some e in _rounds
	e.r.result == "fail"
	not _next(e.r)
	_as_of > _fix_end(e.r)
	msg := sprintf("acceptance round %d failed on %s and was not resubmitted by 24:00 on %s [%s]", [e.r.round, e.r.held_on, _fix_due(e.r), clause])
	v := lib.violation(msg, e.at)
}

measure := {"due": _deadline, "first_held_on": _first.r.held_on, "working_days_after_period": cal.working_days_between(_last_day, _first.r.held_on), "rounds": count(_rounds)}
