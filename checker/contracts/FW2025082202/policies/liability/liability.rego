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
#   evidence: [outages, incidents, tickets, deliverables, scale_out, payments, data_reliability, rectification_notices, monthly_assessments, ops_staffing, acceptance, exit_records, confidentiality, major_events, host_inventory, fiscal_delays]
package contract.liability

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.excuse
import data.contract.payments.instalments
import data.contract.sla.availability
import data.contract.sla.data_reliability
import data.contract.sla.scale_out

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

# ---- force majeure (第十四条 3, reading rule 4) -------------------------------------
# Whether an incident's force-majeure flag excuses it is decided in one place for every
# clause and row, policies/lib/excuse.rego: only a claim (kind force_majeure) with a written
# notice at once and a government or notary proof within 15 天. A flag alone excuses nothing.
_excused(x) if excuse.incident_excused(x)

# day_deadline(d, n): the last day of a period of n 日/天 counted from the day after d
# (民法典 第二百零一条-二百零三条): d + n, moved to the next working day when it is a
# 法定休假日 (China's official calendar, data.calendar).
_working_days := {w | some w in data.calendar.working_days}

day_deadline(d, n) := e if {
	e := cal.add_days(d, n)
	e in _working_days
} else := cal.working_day_after(cal.add_days(d, n), 1)

_grave(x) if {
	x.provider_responsible
	not _excused(x)
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
# 2小时以上 includes 2 h (reading rule 1); an outage because another provider failed and
# Party B had no mutual backup (backup_dependency) is graded by the same rules
_interruption_categories := {"service_interruption", "backup_dependency"}

_long_interruption(x) if {
	x.category in _interruption_categories
	_minutes(x) >= _a1.interruption_at_least_minutes
}

annex1_rows[id] contains "A1.1" if {
	some id, e in incidents
	_long_interruption(e.x)
	_grave(e.x)
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
	_long_interruption(e.x)
	_grave(e.x)
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

# Annex 2 row 2: only while the impact stays below Annex 1 level B (影响未达到 B 级及以上事故
# 影响), judged with the Annex 1 rules themselves (duration and scale of A1.1 / A1.5)
_b_or_worse_impact(x) if {
	_long_interruption(x)
	_scale_b(x)
}

_b_or_worse_impact(x) if {
	_long_interruption(x)
	_scale_a(x)
}

rows contains r if {
	some id, e in incidents
	e.x.category == "backup_dependency"
	not _excused(e.x)
	not _b_or_worse_impact(e.x)
	r := _fee_row(id, [id], "A2.2", e.x.system_ids, "another provider's outage, no mutual backup, impact below Annex 1 level B", e.at)
}

_security_rows := {"tampering": "A2.3", "data_loss": "A2.4", "intrusion": "A2.5"}

rows contains r if {
	some id, e in incidents
	row := _security_rows[e.x.category]
	object.get(e.x, "security_service_failure", false)
	_incident_major(e.x)
	r := _fee_row(id, [id], row, e.x.system_ids, sprintf("security service failure led to %s with major impact", [e.x.category]), e.at)
}

_days(ns) := lib.ceil_div(ns, _day_ns) # a day begun counts whole, in exact integers

# ---- rectification notices (Annex 2 row 6 / Annex 3 row 7, 12.4, A3.3, 12.5) ---------
notices[n.notice_id] := {"n": n, "at": lib.pointer(f.path, ["notices", i]), "as_of": lib.ns(f.data.as_of)} if {
	some f in lib.files("rectification_notices")
	some i, n in f.data.notices
}

# not handled properly by its deadline: not done at all (deadline passed at the export
# time), done after the deadline, or the issuer found the handling wrong
_mishandled(e) if {
	e.n.done_at == null
	e.as_of > lib.ns(e.n.due_at)
}

_mishandled(e) if {
	e.n.done_at != null
	lib.ns(e.n.done_at) > lib.ns(e.n.due_at)
}

_mishandled(e) if e.n.handled_properly == false

_late_fix_ns(e) := d if {
	e.n.done_at != null
	d := lib.ns(e.n.done_at) - lib.ns(e.n.due_at)
	d > 0
} else := d if {
	e.n.done_at == null
	d := e.as_of - lib.ns(e.n.due_at)
	d > 0
}

# incidents that followed a notice (出现问题): linked by the notice, occurring after it
_followed(e) := {id |
	some id in e.n.incident_ids
	incidents[id]
	lib.ns(incidents[id].x.occurred_at) >= lib.ns(e.n.issued_at)
}

_supervision := "supervision_provider"

# Annex 2 row 6 / Annex 3 row 7: the supervision provider's notice (云安全监管服务商已发出
# 整改通知), not handled properly, and a problem followed; a notice of Party A is not this row
rows contains r if {
	some nid, e in notices
	e.n.issued_by_role == _supervision
	_mishandled(e)
	links := _followed(e)
	count(links) > 0
	ids := sort(links)
	row := _pick(ids, "A2.6", "A3.7")
	r := _fee_row(sprintf("rectification:%s", [nid]), ids, row, e.n.system_ids, sprintf("supervision provider's rectification notice %s not handled properly, incident(s) %s followed", [nid, concat(", ", ids)]), e.at)
}

# 12.5: a rectification done after its deadline (逾期履行), whoever set it
rows contains r if {
	some nid, e in notices
	late := _late_fix_ns(e)
	r := {
		"event": sprintf("rectification:%s", [nid]), "links": sort(_followed(e)), "row": "12.5", "basis": "price_per_day", "days": _days(late),
		"percent_per_day": _p.late_per_day_percent, "why": sprintf("rectification %s done after its deadline %s", [nid, e.n.due_at]),
		"evidence": e.at,
	}
}

# Party A's demands with a deadline, each citing the ground it is about (12.4, A3.3)
_demands(ground) := {nid: e |
	some nid, e in notices
	e.n.issued_by_role == "party_a"
	e.n.ground == ground
}

# ---- Annex 3 row 3: monthly assessments failed 3 times in a row, then a missed deadline ---
_assessments := [{"a": a, "at": lib.pointer(f.path, ["assessments", i])} |
	some f in lib.files("monthly_assessments")
	some i, a in f.data.assessments
	a.assessed_by_role == "party_a"
]

_months := [m.label | some m in lib.service_months]

_month_start(label) := m.start if {
	some m in lib.service_months
	m.label == label
}

_failed(label) if {
	some x in _assessments
	x.a.month == label
	x.a.passed == false
}

# runs of assessments_failed_in_a_row consecutive failed service months: [first, last]
_failed_runs contains [_months[i], _months[(i + n) - 1]] if {
	n := _p.assessments_failed_in_a_row
	some i, _ in _months
	i + n <= count(_months)
	every j in numbers.range(i, (i + n) - 1) {
		_failed(_months[j])
	}
}

_systems_of_months(first, last) := sort({sid |
	some x in _assessments
	x.a.month >= first
	x.a.month <= last
	x.a.passed == false
	some sid in x.a.system_ids
})

rows contains r if {
	some run in _failed_runs
	some nid, e in _demands("A3.3")
	lib.ns(e.n.issued_at) >= _month_start(run[1])
	_mishandled(e)
	event := sprintf("rectification:%s", [nid])
	why := sprintf("monthly assessments %s to %s failed, still short after Party A's deadline %s (notice %s)", [run[0], run[1], e.n.due_at, nid])
	r := _fee_row(event, [], "A3.3", _systems_of_months(run[0], run[1]), why, e.at)
}

# ---- 12.4 (1)-(3): termination after a missed rectification demand of Party A ---------
_missed_demand(ground, after_ns) := sort([nid |
	some nid, e in _demands(ground)
	lib.ns(e.n.issued_at) >= after_ns
	_mishandled(e)
])

# (1) repeatedly (多次: termination.mishandled_notices_at_least) mishandled supervision
# notices, then a B-level or worse event that followed one of them
_mishandled_supervision := sort([[lib.ns(e.n.issued_at), nid] |
	some nid, e in notices
	e.n.issued_by_role == _supervision
	_mishandled(e)
])

termination contains {"row": "12.4.1", "incident_ids": [id], "reason": reason} if {
	n := _p.termination.mishandled_notices_at_least
	count(_mishandled_supervision) >= n
	nth := _mishandled_supervision[n - 1]
	some nid, e in notices
	e.n.issued_by_role == _supervision
	_mishandled(e)
	some id in _followed(e)
	level(id)
	lib.ns(incidents[id].x.occurred_at) >= nth[0]
	missed := _missed_demand("12.4.1", lib.ns(incidents[id].x.occurred_at))
	count(missed) > 0
	reason := sprintf("%d supervision notices mishandled, level %s event %s followed, Party A's demand %s missed [%s]", [count(_mishandled_supervision), level(id), id, missed[0], "12.4.1"])
}

# (2) promised key or management staff absent during a major event Party A declared
_major_events := {e.event_id: e | some f in lib.files("major_events"); some e in f.data.events}

termination contains {"row": "12.4.2", "incident_ids": [], "reason": reason} if {
	some f in lib.files("ops_staffing")
	some a in f.data.key_staff_attendance
	ev := _major_events[a.event_id]
	a.promised == true
	a.present == false
	missed := _missed_demand("12.4.2", lib.ns(ev.start))
	count(missed) > 0
	reason := sprintf("promised %s staff %s absent during major event %s, Party A's demand %s missed [%s]", [a.role, a.staff_id, a.event_id, missed[0], "12.4.2"])
}

# (3) fewer ops staff than promised (an agreed input) in 2 consecutive service months
_staff_short(label) if {
	some f in lib.files("ops_staffing")
	some c in f.data.monthly_counts
	c.month == label
	c.ops_staff < _p.termination.promised_ops_staff
}

termination contains {"row": "12.4.3", "incident_ids": [], "reason": reason} if {
	n := _p.termination.short_staff_months
	some i, _ in _months
	i + n <= count(_months)
	every j in numbers.range(i, (i + n) - 1) {
		_staff_short(_months[j])
	}
	last := _months[(i + n) - 1]
	missed := _missed_demand("12.4.3", _month_start(last))
	count(missed) > 0
	reason := sprintf("ops staff below the promised %d in %s to %s, Party A's demand %s missed [%s]", [_p.termination.promised_ops_staff, _months[i], last, missed[0], "12.4.3"])
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
# (availability._spans: each outage inside the period once, its span and counted flag)
_counted_of(sid) := [x |
	some x in availability._spans
	x.counted
	sid in x.o.system_ids
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
_records_ms(xs) := availability.covered([x.iv | some x in xs], availability._period_start, availability._period_end)

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
	iv := [x.iv | some x in xs]
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
# each ticket of the period once, in file and ticket order, with its report time (ns,
# "from"), its file's export time ("now") and its pointer ("at"): the entries every ticket
# clause reads (policies/sla/tickets), built once per query
_tickets := data.contract.sla.tickets.in_order

# incidents citing a ticket: ticket id -> incident ids (one pass over the incidents)
_incidents_of_ticket[tid] contains id if {
	some id, e in incidents
	some tid in object.get(e.x, "ticket_ids", [])
}

_ticket_links(tid) := sort(ids) if {
	ids := _incidents_of_ticket[tid]
} else := []

_at_or(ts, fallback) := lib.ns(ts) if ts != null else := fallback

# band(name, v): the band v falls in; above the last band, the last band
band(name, v) := b if {
	bands := _p.bands[name]
	some i, b in bands
	v > b.over
	_within(b, v, i, count(bands))
}

_within(b, v, _, _) if v <= b.up_to

_within(_, _, i, n) if i == n - 1

# each ticket once with its service month, as [system, month, position in _tickets],
# sorted: the tickets of one [system, month] are one run, in the tickets' order
# (speed: the service month is looked for first as the one month named like the ticket's
# month label (policies/sla/tickets month_labels, the same list order); all months are
# scanned only for the tickets it does not hold; no function and no object per ticket;
# the ticket rules by full path: through an import alias regorus evaluates that whole
# package)
_ticket_keys := sort(array.concat(
	[[all[k].t.system_id, label, k] | all := _tickets; some k, label in _month_near],
	[[x.t.system_id, m.label, k] |
		months := lib.service_months
		near := _month_near
		some k, x in _tickets
		not near[k]
		some m in months
		x.from >= m.start
		x.from < m.end
	],
))

# position in _tickets -> the service month, for the tickets inside the one month named
# like their month label
_month_near := {k: label |
	one := _month_named
	labels := data.contract.sla.tickets.month_labels
	some k, x in _tickets
	label := labels[k]
	m := one[label]
	x.from >= m.start
	x.from < m.end
}

# label -> the service month of that label, for the labels only one month has
_month_named := {l: m |
	all := lib.service_months
	some m in all
	l := m.label
	count([1 | some y in all; y.label == l]) == 1
}

# the tickets of each [system, month]: _ticket_keys cut where [system, month] changes;
# positions ascend inside a group, so a group keeps the tickets' order
_groups := [array.slice(s, b[j], b[j + 1]) |
	s := _ticket_keys
	count(s) > 0
	cuts := [i | some i, k in s; i > 0; p := s[i - 1]; [p[0], p[1]] != [k[0], k[1]]]
	b := array.concat(array.concat([0], cuts), [count(s)])
	some j in numbers.range(0, count(b) - 2)
]

# the mean elapsed time of each group (minutes): from the report to the step (responded_at
# for response, resolved_at for recovery), or to the export time while the step is absent
# (the steps' instants parsed once, policies/sla/tickets)
rows contains r if {
	all := _tickets
	step_ns := {"response": data.contract.sla.tickets.responded_ns, "recovery": data.contract.sla.tickets.resolved_ns}
	links_of := {tid: ids | some tid, ids in _incidents_of_ticket} # {} when no incident cites a ticket (regorus leaves the rule undefined)
	some members in _groups
	g := [members[0][0], members[0][1]]
	group := [all[m[2]] | some m in members]
	some name, at_ns in step_ns
	mean := sum([m | some x in group; m := (object.get(at_ns, x.at, x.now) - x.from) / _min_ns]) / count(group)
	b := band(name, mean)
	links := sort({id | some x in group; some id in links_of[x.t.ticket_id]})
	row := _pick(links, b.major, b.minor)
	why := sprintf("mean %s %v min over %d tickets in %s", [name, round(mean * 100) / 100, count(group), g[1]])
	r := _fee_row(sprintf("%s:%s:%s", [name, g[0], g[1]]), links, row, [g[0]], why, group[0].at)
}

rows contains r if {
	some x in _tickets
	x.t.onsite_required
	from := _at_or(object.get(x.t, "onsite_requested_at", null), x.from)
	wait := (_at_or(object.get(x.t, "onsite_arrived_at", null), x.now) - from) / _min_ns
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

# ---- 12.5: other obligations performed late (逾期交付使用, 逾期履行, 验收不合格整改) ----------
# days late = calendar days from the deadline day to the day it was done (to the export
# day while not done); deadlines in 日/天 follow reading rule 2 (day_deadline)
_late_row(event, deadline, done, why, at) := {
	"event": event, "links": [], "row": "12.5", "basis": "price_per_day", "days": cal.days_between(deadline, done),
	"percent_per_day": _p.late_per_day_percent, "why": why, "evidence": at,
}

_done_or_today(ts, as_of) := cal.date_of(ts) if ts != null else := cal.day_of_ns(lib.ns(as_of))

_plan_delivered(plan) := plan.delivered_at if plan != null else := null

# 6.3.1: the implementation plan is due at the start of execution (the period's first day)
rows contains r if {
	some f in lib.files("deliverables")
	due := cal.date_of(data.params.period.start)
	done := _done_or_today(_plan_delivered(f.data.implementation_plan), f.data.as_of)
	done > due
	why := sprintf("implementation plan due %s, delivered %s (6.3.1)", [due, done])
	r := _late_row("late:6.3.1", due, done, why, lib.pointer(f.path, ["implementation_plan"]))
}

# 逾期交付使用 (12.5): the service put into use late. Read as the first instant at which the
# contracted hosts (2.2.1.1 + 2.2.1.2) were all in service at once, when that is after the
# start: a replacement entering service later, or one host short for a while, is not late
# delivery of the service (those are the quantity clauses' shortfalls, 2.2.1.x), and a
# quantity never reached is a shortfall, not a delay without end.
_host_quantity := lib.quantity("2.2.1.1") + lib.quantity("2.2.1.2")

_host_windows := [[max({lib.ns(h.host.in_service_from), lib.period_start}), _to_ns(h.host)] |
	some _, h in lib.hosts
	lib.in_service(h.host.host_id)
]

_to_ns(h) := lib.ns(h.in_service_to) if {
	object.get(h, "in_service_to", null) != null
} else := lib.period_end

# the first start of a window at which at least _host_quantity windows [from, to) hold
# that instant (from <= t < to); undefined when there is none
# (speed: one sweep over the windows' starts (+1) and ends (-1) sorted once, the number in
# service at an instant being the running total after the last event at that instant, not
# a count over every window per window; an empty window (from >= to) holds no instant: its
# start is an event of 0, still a candidate)
_ready_ns := min({t |
	q := _host_quantity
	ws := _host_windows
	starts := {w[0] | some w in ws}
	events := sort(array.concat(
		[[w[0], d] | some w in ws; d := _held(w)],
		[[w[1], -1] | some w in ws; w[0] < w[1]],
	))
	times := [e[0] | some e in events]
	running := lib.prefix_sums([e[1] | some e in events])
	after := array.concat(array.slice(times, 1, count(times)), [null])
	some i, t in times
	after[i] != t
	starts[t]
	running[i] >= q
})

_held(w) := 1 if w[0] < w[1] else := 0

rows contains r if {
	count(lib.files("host_inventory")) > 0
	due := cal.date_of(data.params.period.start)
	ready := cal.day_of_ns(_ready_ns)
	ready > due
	why := sprintf("the %d contracted hosts were first all in service on %s, service due %s (逾期交付使用)", [_host_quantity, ready, due])
	r := _late_row("late:provision", due, ready, why, sprintf("%s#/hosts", [lib.files("host_inventory")[0].path]))
}

# 6.2: a failed acceptance fixed (the next application) later than acceptance.fix_within_days 日
_rounds := [{"r": r, "at": lib.pointer(f.path, ["rounds", i]), "as_of": f.data.as_of} |
	some f in lib.files("acceptance")
	some i, r in f.data.rounds
]

rows contains r if {
	some x in _rounds
	x.r.result == "fail"
	due := day_deadline(x.r.held_on, data.params.acceptance.fix_within_days)
	next := [cal.date_of(y.r.submitted_at) | some y in _rounds; y.r.round > x.r.round]
	done := min(array.concat(next, [cal.day_of_ns(lib.ns(x.as_of))]))
	done > due
	why := sprintf("acceptance round %d failed on %s: fixed and re-applied %s, due %s (6.2)", [x.r.round, x.r.held_on, done, due])
	r := _late_row(sprintf("late:6.2:%d", [x.r.round]), due, done, why, x.at)
}

# 13.2: migration help within duties.ordered_exit_migration_days 天 of Party A's request
rows contains r if {
	some f in lib.files("exit_records")
	some i, o in f.data.ordered_exits
	due := day_deadline(cal.date_of(o.migration_requested_at), data.params.duties.ordered_exit_migration_days)
	done := _done_or_today(object.get(o, "migration_completed_at", null), f.data.as_of)
	done > due
	why := sprintf("ordered exit %s: migration done %s, due %s (13.2)", [o.order_id, done, due])
	r := _late_row(sprintf("late:13.2:%s", [o.order_id]), due, done, why, lib.pointer(f.path, ["ordered_exits", i]))
}

# 15.5: confidential material returned within duties.confidential_return_days 日
rows contains r if {
	some f in lib.files("confidentiality")
	some i, q in f.data.return_requests
	due := day_deadline(cal.date_of(q.received_at), data.params.duties.confidential_return_days)
	done := _done_or_today(object.get(q, "returned_at", null), f.data.as_of)
	done > due
	why := sprintf("return request %s: material returned %s, due %s (15.5)", [q.request_id, done, due])
	r := _late_row(sprintf("late:15.5:%s", [q.request_id]), due, done, why, lib.pointer(f.path, ["return_requests", i]))
}

# 3.4.d: scale-out within sla.scale_out_days 自然日 (natural days, not moved by holidays:
# the 3.4.d reading); one event with Annex 3 row 4 of the same request (12.3)
rows contains r if {
	some f in lib.files("scale_out")
	some i, q in f.data.requests
	due := cal.add_days(cal.date_of(q.requested_at), data.params.sla.scale_out_days)
	done := _done_or_today(q.completed_at, f.data.as_of)
	done > due
	why := sprintf("scale-out %s done %s, due %s (3.4.d)", [q.request_id, done, due])
	r := _late_row(sprintf("scale_out:%s", [q.request_id]), due, done, why, lib.pointer(f.path, ["requests", i]))
}

# ---- Party A's late payments (12.6) ----------------------------------------------------
# late as 第七条 judges it (policies/payments/instalments: the deadline counts only once a
# compliant invoice is there, 7.2(3); a fiscal delay notified under 7.3 is no breach);
# 万分之一 once per late instalment, or per day late (liability.party_a_late_per_day)
party_a_rows contains r if {
	some id in {i.id | some i in data.params.instalments}
	some x in instalments.late_payments(id)
	r := {
		"event": sprintf("late_payment:%s", [id]), "links": [], "row": "12.6",
		"basis": "price_share", "percent": _p.party_a_late_percent, "per_day": _p.party_a_late_per_day, "days": x.days,
		"why": sprintf("instalment %s paid %s, due %s", [id, x.paid_on, x.due]), "evidence": x.at,
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
