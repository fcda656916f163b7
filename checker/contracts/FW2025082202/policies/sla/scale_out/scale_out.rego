# METADATA
# title: Scale-out within 7 natural days
# description: >-
#   第三条 4 云平台可按需 7 个自然日快速扩容: every scale-out request made in the period is
#   completed within sla.scale_out_days natural days (自然日), counted on the contract's
#   calendar (reading rule 2: the request day is not counted; the last day ends at 24:00,
#   the 7th day included). Whether a last day that is a 法定休假日 moves to the next working
#   day is the parameter sla.natural_days_move_off_holiday (default false: 自然日 read as
#   plain calendar days). A request still open at the export time after its deadline fails.
#   The same deadline is A3.4's (policies/liability).
# custom:
#   clause: "3.4.d"
#   evidence: [scale_out]
#   severity: high
package contract.sla.scale_out

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.excuse

clause := "3.4.d"

limit := data.params.sla.scale_out_days

_day_ns := ((24 * 60) * 60) * 1000000000

# day number of a timestamp on the contract's calendar (days since 1970-01-01 local)
day(ts) := d if {
	local := time.format([lib.ns(ts), data.params.timezone, "2006-01-02"])
	d := time.parse_ns("2006-01-02", local) / _day_ns
}

requests contains {"r": r, "at": lib.pointer(f.path, ["requests", i]), "as_of": f.data.as_of} if {
	some f in lib.files("scale_out")
	some i, r in f.data.requests
	lib.in_period(r.requested_at)
}

excluded contains {"evidence": lib.pointer(f.path, ["requests", i]), "reason": "requested outside the service period"} if {
	some f in lib.files("scale_out")
	some i, r in f.data.requests
	not lib.in_period(r.requested_at)
}

# deadline(ts): the last natural day (YYYY-MM-DD) of a scale-out requested at ts;
# undefined when the holiday rule applies and the calendar does not know the day
deadline(ts) := d if {
	base := cal.add_days(cal.date_of(ts), limit)
	d := _moved(base, object.get(data.params.sla, "natural_days_move_off_holiday", false))
}

_moved(d, false) := d

_moved(d, true) := excuse.off_holiday(d)

# {"state": ok | late | order | open | pending | unknown, "days": n}
_judge(e) := {"state": "unknown"} if {
	not deadline(e.r.requested_at)
} else := out if {
	e.r.completed_at != null
	n := day(e.r.completed_at) - day(e.r.requested_at)
	out := {"state": _state(cal.date_of(e.r.completed_at) > deadline(e.r.requested_at), lib.ns(e.r.completed_at) < lib.ns(e.r.requested_at)), "days": n}
} else := {"state": "open", "days": n} if {
	n := day(e.as_of) - day(e.r.requested_at)
	cal.day_of_ns(lib.ns(e.as_of)) > deadline(e.r.requested_at)
} else := {"state": "pending"}

_state(_, true) := "order"

_state(true, false) := "late"

_state(false, false) := "ok"

judged contains {"e": e, "j": _judge(e)} if some e in requests

_message(e, j) := msg if {
	j.state == "late"
	msg := sprintf("scale-out %s (%s) completed after %v natural days, limit %v [%s]", [e.r.request_id, e.r.system_id, j.days, limit, clause])
} else := msg if {
	j.state == "order"
	msg := sprintf("scale-out %s (%s) completed before it was requested (times out of order) [%s]", [e.r.request_id, e.r.system_id, clause])
} else := msg if {
	j.state == "unknown"
	msg := sprintf("scale-out %s (%s): the calendar does not know whether the last day moves off a public holiday [%s]", [e.r.request_id, e.r.system_id, clause])
} else := msg if {
	msg := sprintf("scale-out %s (%s) not completed %v natural days after the request, limit %v [%s]", [e.r.request_id, e.r.system_id, j.days, limit, clause])
}

deny contains v if {
	some x in judged
	x.j.state in {"late", "order", "open", "unknown"}
	msg := _message(x.e, x.j)
	v := object.union(lib.violation(msg, x.e.at), {"request_id": x.e.r.request_id, "system_id": x.e.r.system_id, "days": object.get(x.j, "days", null), "limit_days": limit})
}

measure := out if {
	done := [x.j.days | some x in judged; x.j.state in {"ok", "late"}]
	worst := _worst(done)
	mean := _mean(done)
	out := {
		"expected": count(requests),
		"actual": count([1 | some x in judged; x.j.state == "ok"]),
		"unit": sprintf("scale-outs within %v natural days", [limit]),
		"limit_days": limit,
		"worst_days": worst,
		"mean_days": mean,
		"open": count([1 | some x in judged; x.j.state == "open"]),
		"pending": count([1 | some x in judged; x.j.state == "pending"]),
		"excluded": count(excluded),
	}
}

_worst(xs) := max(xs) if count(xs) > 0

else := null

_mean(xs) := round((sum(xs) / count(xs)) * 100) / 100 if count(xs) > 0

else := null
