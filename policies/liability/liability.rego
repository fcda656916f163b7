# METADATA
# title: Liability ledger rows (第十二条, 第十五条 11, Annexes 1-3)
# description: >-
#   Which liability rows the evidence matches, never an amount: checker/liability.py does
#   the exact decimal arithmetic (fee / months x coefficient, 0.1% of the price per day),
#   merges rows of one event and picks its heaviest row (12.3). Coefficients, thresholds
#   and bands come from data.params.liability. Answers through the engine's usual rules:
#   `deny` (evidence the ledger cannot price) and `measure` (rows, incident levels,
#   termination rights).
# custom:
#   ledger: true
#   evidence: [outages, incidents, tickets, deliverables, scale_out, payments, data_reliability]
package contract.liability

import data.contract.lib
import data.contract.sla.availability
import data.contract.sla.data_reliability
import data.contract.sla.scale_out
import data.contract.lib.calendar as cal

_p := data.params.liability

_a1 := _p.annex1

_day_ns := ((24 * 60) * 60) * 1000000000

_min_ns := 60 * 1000000000

_fault_causes := {"cloud_service", "security_service"}

_as_of(kind) := min([lib.ns(f.data.as_of) | some f in lib.files(kind)])

# ---- incidents and Annex 1 ------------------------------------------------------
incidents[x.incident_id] := {"x": x, "at": lib.pointer(f.path, ["incidents", i])} if {
	some f in lib.files("incidents")
	some i, x in f.data.incidents
}

_ns_per_ms := 1000 * 1000

_end(x) := lib.ns(x.ended_at) if {
	x.ended_at != null
} else := _as_of("incidents")

_minutes(x) := (_end(x) - lib.ns(x.occurred_at)) / _min_ns

_share_percent(x) := (count(x.system_ids) * 100) / count(data.params.systems)

_loss(x) := to_number(object.get(x, "economic_loss_cny", "0.00"))

_people(x) := object.get(x, "people_affected", 0)

_grave(x) if {
	x.provider_responsible
	not x.force_majeure
}

_scale_a(x) if _share_percent(x) > _a1.a_share_over_percent

_scale_a(x) if _people(x) >= _a1.a_people_at_least

_scale_a(x) if _loss(x) >= to_number(_a1.a_loss_at_least_cny)

_scale_b(x) if _share_percent(x) > _a1.b_share_over_percent

_scale_b(x) if _people(x) >= _a1.b_people_at_least

_scale_b(x) if _loss(x) >= to_number(_a1.b_loss_at_least_cny)

_publicised(x, levels) if object.get(x, "publicity", "none") in levels

_tampering_unhandled(x) if {
	x.category == "tampering"
	_grave(x)
	object.get(x, "handled_per_plan", true) == false
	_minutes(x) >= _a1.tampering_at_least_minutes
}

_data_lost(x, systems_over) if {
	x.category == "data_loss"
	_grave(x)
	d := x.data_loss
	d.core_data
	not d.recoverable
	d.months_lost > _a1.data_loss_over_months
	d.systems_lost > systems_over
}

_intrusion_unhandled(x) if {
	x.category == "intrusion"
	_grave(x)
	n := x.intrusion
	n.outcome in {"tampering", "leak"}
	limit := lib.ns(n.notified_at) + (((_a1.intrusion_handling_hours * 60) * 60) * 1000000000)
	_late_or_never(n.handled_at, limit)
}

_late_or_never(at, limit) if at == null

_late_or_never(at, limit) if {
	at != null
	lib.ns(at) > limit
}

# Annex 1 rows per incident (A1.1-A1.4 A level, A1.5-A1.8 B level)
annex1_rows[id] contains "A1.1" if {
	some id, e in incidents
	e.x.category == "service_interruption"
	_grave(e.x)
	_minutes(e.x) > _a1.interruption_over_minutes
	_scale_a(e.x)
}

annex1_rows[id] contains "A1.2" if {
	some id, e in incidents
	_tampering_unhandled(e.x)
	object.get(e.x, "during_major_event", false)
	_publicised(e.x, {"national"})
}

annex1_rows[id] contains "A1.3" if {
	some id, e in incidents
	_data_lost(e.x, _a1.data_loss_a_over_systems)
}

annex1_rows[id] contains "A1.4" if {
	some id, e in incidents
	_intrusion_unhandled(e.x)
	object.get(e.x, "during_major_event", false)
}

annex1_rows[id] contains "A1.5" if {
	some id, e in incidents
	e.x.category == "service_interruption"
	_grave(e.x)
	_minutes(e.x) > _a1.interruption_over_minutes
	_scale_b(e.x)
}

annex1_rows[id] contains "A1.6" if {
	some id, e in incidents
	_tampering_unhandled(e.x)
	_publicised(e.x, {"municipal", "national"})
}

annex1_rows[id] contains "A1.7" if {
	some id, e in incidents
	_data_lost(e.x, 0)
}

annex1_rows[id] contains "A1.8" if {
	some id, e in incidents
	_intrusion_unhandled(e.x)
}

_a_rows := {"A1.1", "A1.2", "A1.3", "A1.4"}

level(id) := "A" if {
	some r in annex1_rows[id]
	r in _a_rows
} else := "B" if {
	count(annex1_rows[id]) > 0
}

levels contains out if {
	some id, matched in annex1_rows
	e := incidents[id]
	out := {"incident_id": id, "level": level(id), "rows": sort([r | some r in matched]), "occurred_at": e.x.occurred_at, "evidence": e.at}
}

# ---- termination rights (12.1, 12.2, 15.11) -----------------------------------------
termination contains {"row": "12.1", "incident_ids": [l.incident_id], "reason": "A-level event (Annex 1)"} if {
	some l in levels
	l.level == "A"
}

_b_times := sort([[lib.ns(l.occurred_at), l.incident_id] | some l in levels; l.level == "B"])

termination contains {"row": "12.2", "incident_ids": ids, "reason": sprintf("%d B-level events within one year (Annex 1)", [n])} if {
	n := _p.b_events_to_terminate
	some i, first in _b_times
	i + n <= count(_b_times)
	last := _b_times[(i + n) - 1]
	last[0] < time.add_date(first[0], 1, 0, 0)
	ids := [t[1] | some j in numbers.range(i, (i + n) - 1); t := _b_times[j]]
}

termination contains {"row": "15.11", "incident_ids": [id], "reason": "confidentiality breach (第十五条 11)"} if {
	some id, e in incidents
	e.x.category == "confidentiality_breach"
}

# ---- rows that cost money -----------------------------------------------------------
# Each row: event (what 12.3 fines once), links (incident ids the event belongs to),
# row id, basis (system_fee | price_per_day | price_share), the figures the basis needs.
_fee_row(event, links, row, systems, why, at) := {
	"event": event, "links": links, "row": row, "basis": "system_fee", "system_ids": systems,
	"coefficient_percent": _p.rows[row].coefficient_percent, "why": why, "evidence": at,
}

_major(links) if {
	some id in links
	incidents[id].x.major_impact
}

_pick(links, major_row, minor_row) := major_row if {
	_major(links)
} else := minor_row

_incident_major(x) if x.major_impact

rows contains r if {
	some id, e in incidents
	e.x.category == "backup_dependency"
	not level(id)
	r := _fee_row(id, [id], "A2.2", e.x.system_ids, "another provider's outage, no mutual backup", e.at)
}

_security_rows := {"tampering": "A2.3", "data_loss": "A2.4", "intrusion": "A2.5"}

rows contains r if {
	some id, e in incidents
	row := _security_rows[e.x.category]
	object.get(e.x, "security_service_failure", false)
	_incident_major(e.x)
	r := _fee_row(id, [id], row, e.x.system_ids, sprintf("security service failure led to %s with major impact", [e.x.category]), e.at)
}

rows contains r if {
	some id, e in incidents
	e.x.category == "assessment_failed"
	r := _fee_row(id, [id], "A3.3", e.x.system_ids, "monthly assessment failed three times in a row", e.at)
}

_rect_late_ns(x) := d if {
	rect := x.rectification
	rect.done_at != null
	d := lib.ns(rect.done_at) - lib.ns(rect.due_at)
	d > 0
} else := d if {
	rect := x.rectification
	rect.done_at == null
	d := _as_of("incidents") - lib.ns(rect.due_at)
	d > 0
}

_days(ns) := ceil(ns / _day_ns)

rows contains r if {
	some id, e in incidents
	_rect_late_ns(e.x)
	row := _pick([id], "A2.6", "A3.7")
	r := _fee_row(id, [id], row, e.x.system_ids, "rectification notice not handled in time", sprintf("%s/rectification", [e.at]))
}

rows contains r if {
	some id, e in incidents
	late := _rect_late_ns(e.x)
	r := {
		"event": id, "links": [id], "row": "12.5", "basis": "price_per_day", "days": _days(late),
		"percent_per_day": _p.late_per_day_percent, "why": "fix later than the rectification deadline",
		"evidence": sprintf("%s/rectification", [e.at]),
	}
}

rows contains r if {
	some id, e in incidents
	e.x.category == "confidentiality_breach"
	r := {"event": id, "links": [id], "row": "15.11", "basis": "price_share", "percent": _p.confidentiality_percent, "why": "confidentiality breach", "evidence": e.at}
}

# ---- downtime of a system (3.4.a evidence): A2.1 / A3.1, A3.2, A3.5, A3.6 ----------
# Only downtime Party B answers for (reading rule 4): availability.counted leaves out
# approved maintenance and what policies/lib/excuse.rego excuses (force majeure with its
# 14.3 notice and proof, Party A's own systems, providers Party A designated).
# Events (reading rule 5, 12.3): each outage is its own event (`outage:<id>`), joined with
# other rows only through the incident it belongs to; the yearly rows of one system
# (A2.1/A3.1, A3.2, A3.6: the same outages judged over the term) are one event
# `downtime:<system>`, linked to an incident only when that one incident's outages alone
# meet the row (unrelated outages are never merged into one event through it).
_counted_of(sid) := [x |
	some x in availability.outages
	sid in x.o.system_ids
	availability.counted(x.o)
	availability.span(x.o)
]

# Annex 3 rows 5-6: 因所提供的云服务或安全服务出现故障
_faults(sid) := [x | some x in _counted_of(sid); x.o.cause in _fault_causes]

_span_minutes(iv) := (iv[1] - iv[0]) / 60000

_incident_of(o) := id if {
	id := object.get(o, "incident_id", null)
	id != null
}

_incidents_in(xs) := {id | some x in xs; id := _incident_of(x.o)}

_of_incident(xs, id) := [x | some x in xs; _incident_of(x.o) == id]

# the one incident whose outages alone meet a row; [] when none or several do
_sole(ids) := [id | some id in ids] if count(ids) == 1 else := []

_down_at(sid) := sprintf("%s#/outages", [lib.files("outages")[0].path])

# counted downtime of some outages of a system, records only (ms, union)
_records_ms(xs) := availability.covered([availability.span(x.o) | some x in xs], availability._period_start, availability._period_end)

_short(ms) if ((availability.period_ms - ms) * 100) * availability._target.den < availability._target.num * availability.period_ms

_avail_links(sid) := _sole({id |
	xs := _counted_of(sid)
	some id in _incidents_in(xs)
	_short(_records_ms(_of_incident(xs, id)))
})

rows contains r if {
	some sid in availability.below
	links := _avail_links(sid)
	row := _pick(links, "A2.1", "A3.1")
	r := _fee_row(sprintf("downtime:%s", [sid]), links, row, [sid], "availability below target (downtime Party B answers for)", _down_at(sid))
}

# A3.2 在服务期内接到用户投诉此类情况 3 次以上 (3 included)
rows contains r if {
	some sid in availability.below
	n := sum([object.get(x.o, "user_complaints", 0) | some x in _counted_of(sid)])
	n >= _p.outage.complaints_at_least
	r := _fee_row(sprintf("downtime:%s", [sid]), _avail_links(sid), "A3.2", [sid], sprintf("availability below target and %d user complaints", [n]), _down_at(sid))
}

# A3.5 造成某系统宕机2小时以上: one fault outage of at least single_at_least_minutes
# (以上 includes 2 h), fined per outage event on the systems it interrupted
rows contains r if {
	some x in availability.outages
	x.o.cause in _fault_causes
	availability.counted(x.o)
	iv := availability.span(x.o)
	m := _span_minutes(iv)
	m >= _p.outage.single_at_least_minutes
	links := [id | id := _incident_of(x.o)]
	r := _fee_row(sprintf("outage:%s", [x.o.outage_id]), links, "A3.5", sort(x.o.system_ids), sprintf("outage %s of %v min", [x.o.outage_id, round(m * 100) / 100]), x.at)
}

# A3.6 连续宕机3次以上或累计8小时以上. Overlapping or touching records of one system are
# one outage; 连续: each next outage starts within consecutive_within_hours of the end of
# the previous one (a run of repeated_at_least, 3 included); 累计: the union of the fault
# outages over the term reaches total_at_least_minutes (8 h included).
_merged(xs) := [[s, e] |
	iv := [availability.span(x.o) | some x in xs]
	count(iv) > 0
	lo := min([v[0] | some v in iv])
	hi := max([v[1] | some v in iv])
	gs := sort([g | some g in lib.gaps(iv, lo, hi)])
	starts := array.concat([lo], [g[1] | some g in gs])
	ends := array.concat([g[0] | some g in gs], [hi])
	some k, s in starts
	e := ends[k]
]

_window_ms := ((_p.outage.consecutive_within_hours * 60) * 60) * 1000

# the longest run of consecutive outages in a sorted list of disjoint outages
_longest_run(ms) := max([n |
	some i in numbers.range(0, count(ms) - 1)
	breaks := [j | some j in numbers.range(i + 1, count(ms) - 1); j > i; ms[j][0] - ms[j - 1][1] > _window_ms]
	n := min(array.concat([count(ms) - i], [d | some b in breaks; d := b - i]))
]) if count(ms) > 0 else := 0

_repeated_why(xs) := sprintf("%d consecutive outages (each within %v h of the previous)", [n, _p.outage.consecutive_within_hours]) if {
	n := _longest_run(_merged(xs))
	n >= _p.outage.repeated_at_least
} else := sprintf("%v min of outages in total", [round(t * 100) / 100]) if {
	t := _records_ms(xs) / 60000
	t >= _p.outage.total_at_least_minutes
}

rows contains r if {
	some sid in availability.system_ids
	xs := _faults(sid)
	why := _repeated_why(xs)
	links := _sole({id | some id in _incidents_in(xs); _repeated_why(_of_incident(xs, id))})
	r := _fee_row(sprintf("downtime:%s", [sid]), links, "A3.6", [sid], why, _down_at(sid))
}

_links(records, field) := sort({id |
	some x in records
	id := object.get(x, field, null)
	id != null
})

# ---- data loss beyond recovery (3.4.b evidence): A2.1 / A3.1 --------------------------
rows contains r if {
	some sid in data_reliability.unrecovered
	some f in lib.files("data_reliability")
	losses := [x | some x in f.data.loss_events; x.system_id == sid; not x.recovered]
	count(losses) > 0
	links := _links(losses, "incident_id")
	row := _pick(links, "A2.1", "A3.1")
	r := _fee_row(sprintf("data:%s", [sid]), links, row, [sid], "data lost beyond recovery", lib.pointer(f.path, ["loss_events"]))
}

# ---- tickets: mean response / recovery per system and month, on-site delays --------
_tickets := [{"t": t, "at": lib.pointer(f.path, ["tickets", i]), "as_of": lib.ns(f.data.as_of)} |
	some f in lib.files("tickets")
	some i, t in f.data.tickets
	lib.in_period(t.reported_at)
]

_ticket_links(tid) := sort({id | some id, e in incidents; tid in object.get(e.x, "ticket_ids", [])})

_at_or(ts, fallback) := lib.ns(ts) if ts != null else := fallback

_elapsed(x, field) := (_at_or(object.get(x.t, field, null), x.as_of) - lib.ns(x.t.reported_at)) / _min_ns

# band(name, v): the band v falls in; above the last band, the last band
band(name, v) := b if {
	bands := _p.bands[name]
	some i, b in bands
	v > b.over
	_within(b, v, i, count(bands))
}

_within(b, v, _, _) if v <= b.up_to

_within(_, _, i, n) if i == n - 1

# each ticket once: its system, service month and both elapsed times (minutes)
_ticket_rows := [r |
	some x in _tickets
	t := lib.ns(x.t.reported_at)
	some m in lib.service_months
	t >= m.start
	t < m.end
	r := {
		"sid": x.t.system_id, "month": m.label, "tid": x.t.ticket_id, "at": x.at,
		"response": _elapsed(x, "responded_at"), "recovery": _elapsed(x, "resolved_at"),
	}
]

_groups := {[r.sid, r.month] | some r in _ticket_rows}

rows contains r if {
	some g in _groups
	group := [x | some x in _ticket_rows; x.sid == g[0]; x.month == g[1]]
	some name in ["response", "recovery"]
	mean := sum([x[name] | some x in group]) / count(group)
	b := band(name, mean)
	links := sort({id | some x in group; some id in _ticket_links(x.tid)})
	row := _pick(links, b.major, b.minor)
	why := sprintf("mean %s %v min over %d tickets in %s", [name, round(mean * 100) / 100, count(group), g[1]])
	r := _fee_row(sprintf("%s:%s:%s", [name, g[0], g[1]]), links, row, [g[0]], why, group[0].at)
}

rows contains r if {
	some x in _tickets
	x.t.onsite_required
	from := _at_or(object.get(x.t, "onsite_requested_at", null), lib.ns(x.t.reported_at))
	wait := (_at_or(object.get(x.t, "onsite_arrived_at", null), x.as_of) - from) / _min_ns
	b := band("unattended", wait)
	links := _ticket_links(x.t.ticket_id)
	row := _pick(links, b.major, b.minor)
	r := _fee_row(sprintf("unattended:%s", [x.t.ticket_id]), links, row, [x.t.system_id], sprintf("on site %v min after it was needed", [wait]), x.at)
}

# ---- scale-out not done after a written notice (Annex 3 row 4) -----------------------
# 未能…在 7 个自然日内完成…且经管理单位书面通知仍未能限期满足: the 7 natural days counted as
# 3.4.d counts them (sla.scale_out.deadline: last natural day, holiday rule a parameter),
# a written notice by the cloud management unit (管理单位), and the notice's limit
# (scale_out_notice_days natural days, counted the same way) missed too.
_notice_deadline(ts) := d if {
	base := cal.add_days(cal.date_of(ts), _p.scale_out_notice_days)
	d := scale_out._moved(base, object.get(data.params.sla, "natural_days_move_off_holiday", false))
}

rows contains r if {
	some f in lib.files("scale_out")
	some i, q in f.data.requests
	notice := object.get(q, "written_notice_at", null)
	notice != null
	object.get(q, "written_notice_by_role", null) == "cloud_management_unit"
	done := cal.day_of_ns(_at_or(q.completed_at, lib.ns(f.data.as_of)))
	done > scale_out.deadline(q.requested_at)
	done > _notice_deadline(notice)
	r := _fee_row(sprintf("scale_out:%s", [q.request_id]), [], "A3.4", [q.system_id], "scale-out not done in 7 natural days nor by the written notice's limit", lib.pointer(f.path, ["requests", i]))
}

# ---- late monthly reports (12.5) --------------------------------------------------------
_offset := substring(data.params.period.start, count(data.params.period.start) - count("+hh:mm"), count("+hh:mm"))

_next(label) := sprintf("%04d-%02d", [d[0], d[1]]) if {
	# mid-month: regorus adds months in UTC, which shifts a local first-of-month
	mid := lib.ns(sprintf("%s-15T12:00:00%s", [label, _offset]))
	d := time.date([time.add_date(mid, 0, 1, 0), data.params.timezone])
}

_late_why(label, 0) := sprintf("monthly report for %s not delivered (days counted to as_of)", [label])

_late_why(label, n) := sprintf("monthly report for %s delivered late", [label]) if n > 0

_report_deadline(label) := lib.ns(sprintf("%s-%02dT00:00:00%s", [_next(label), data.params.deliverables.monthly_report_due_day, _offset])) + _day_ns

rows contains r if {
	some f in lib.files("deliverables")
	as_of := lib.ns(f.data.as_of)
	some m in lib.service_months
	deadline := _report_deadline(m.label)
	deadline < as_of
	delivered := [lib.ns(d.delivered_at) | some d in f.data.monthly_reports; d.month == m.label]
	done := min(array.concat(delivered, [as_of]))
	done > deadline
	why := _late_why(m.label, count(delivered))
	r := {
		"event": sprintf("late:6.3.2:%s", [m.label]), "links": [], "row": "12.5", "basis": "price_per_day",
		"days": _days(done - deadline), "percent_per_day": _p.late_per_day_percent,
		"why": why, "evidence": lib.pointer(f.path, ["monthly_reports"]),
	}
}

# ---- Party A's late payments (12.6): payments records with paid_at and due_by -------
party_a_rows contains r if {
	some f in lib.files("payments")
	some i, pay in f.data.payments
	due_by := object.get(pay, "due_by", null)
	due_by != null
	pay.paid_at != null
	late := lib.ns(pay.paid_at) - (lib.ns(sprintf("%sT00:00:00%s", [due_by, _offset])) + _day_ns)
	late > 0
	r := {
		"event": sprintf("late_payment:%s", [object.get(pay, "instalment_id", sprintf("%d", [i]))]), "links": [], "row": "12.6",
		"basis": "price_share", "percent": _p.party_a_late_percent, "per_day": _p.party_a_late_per_day, "days": _days(late),
		"why": sprintf("paid %s, due by %s", [pay.paid_at, due_by]), "evidence": lib.pointer(f.path, ["payments", i]),
	}
}

# ---- evidence the ledger cannot price --------------------------------------------------
_known := {s.id | some s in data.params.systems}

deny contains v if {
	some r in rows
	r.basis == "system_fee"
	some sid in r.system_ids
	not sid in _known
	v := lib.violation(sprintf("%s: system %s has no fee in the contract parameters", [r.row, sid]), r.evidence)
}

deny contains v if {
	some r in rows
	r.basis == "system_fee"
	count(r.system_ids) == 0
	v := lib.violation(sprintf("%s: names no system, so no fee to fine", [r.row]), r.evidence)
}

measure := {
	"rows": sort([r | some r in rows]),
	"party_a_rows": sort([r | some r in party_a_rows]),
	"levels": sort([l | some l in levels]),
	"termination": sort([t | some t in termination]),
}
