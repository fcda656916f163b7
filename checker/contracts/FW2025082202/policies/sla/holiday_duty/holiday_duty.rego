# METADATA
# title: Reinforced duty on public holidays and major events
# description: >-
#   重大节假日及重保期间值班值守 (第三条 9): on every statutory public holiday of the
#   period (China's official calendar, handed in by the checker as
#   data.calendar.holidays) and during every major event Party A declared
#   (major_events), at least data.params.baseline.reinforced_min_staff
#   security-registered staff are on duty at every instant.
# custom:
#   clause: "3.9"
#   evidence: [duty_roster, major_events]
#   severity: medium
package contract.sla.holiday_duty

import data.contract.lib

clause := "3.9"

min_staff := data.params.baseline.reinforced_min_staff

reinforced := data.contract.baseline.roster.staffed(min_staff)

_roster_at := lib.pointer(lib.files("duty_roster")[0].path, ["shifts"])

# occasions: every window that needs reinforced duty
occasions contains o if {
	some h in _holidays
	from := max({lib.ns(h.start), lib.period_start})
	to := min({lib.ns(h.end), lib.period_end})
	from < to
	o := {"what": sprintf("public holiday %s (%s)", [h.date, h.name]), "from": from, "to": to, "evidence": _roster_at}
}

occasions contains o if {
	some f in lib.files("major_events")
	some i, ev in f.data.events
	ev.declared_by.organisation_role == "party_a"
	from := max({lib.ns(ev.start), lib.period_start})
	to := min({lib.ns(ev.end), lib.period_end})
	from < to
	o := {"what": sprintf("major event %s (%s)", [ev.event_id, ev.title]), "from": from, "to": to, "evidence": lib.pointer(f.path, ["events", i])}
}

# ignored: events not declared by Party A do not oblige Party B
ignored contains lib.pointer(f.path, ["events", i]) if {
	some f in lib.files("major_events")
	some i, ev in f.data.events
	ev.declared_by.organisation_role != "party_a"
}

# the period's gaps in reinforced duty, found once; each occasion keeps the parts that
# fall inside it (the same as looking for gaps inside each occasion, 33 times cheaper)
_thin := lib.gaps(reinforced, lib.period_start, lib.period_end)

short contains [o, gs] if {
	some o in occasions
	gs := {[max({g[0], o.from}), min({g[1], o.to})] | some g in _thin; g[0] < o.to; g[1] > o.from}
	count(gs) > 0
}

deny contains v if {
	some [o, gs] in short
	first := min(gs)
	minutes := sum([lib.gap_minutes(g) | some g in gs])
	msg := sprintf("%s: fewer than %d registered staff on duty for %v minutes, first from %s to %s [%s]", [o.what, min_staff, minutes, lib.local_time(first[0]), lib.local_time(first[1]), clause])
	v := object.union(lib.violation(msg, o.evidence), {"occasion": o.what, "minutes": minutes})
}

deny contains v if {
	_no_calendar
	v := lib.violation(sprintf("no public-holiday calendar for the period: chinese-calendar does not know its years [%s]", [clause]), "")
}

measure := {"expected": count(occasions), "actual": count(occasions) - count(short), "unit": "occasion", "ignored_events": count(ignored)}

_holidays := data.calendar.holidays if {
	is_array(data.calendar.holidays)
} else := []

_no_calendar if not is_array(data.calendar.holidays)
