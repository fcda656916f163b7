# METADATA
# title: Each party names one project lead for the whole term; changes notified in writing
# description: >-
#   甲乙双方应各指派一名代表作为本项目负责人 (第四条): at every instant of the service
#   period each party has exactly one project lead in force, designated by that party
#   itself (a lead is a post and a staff reference, never a name). A lead taking over
#   during the period is announced to the other party by a written notice dated no later
#   than the day the new lead takes over.
# custom:
#   clause: "4.1"
#   evidence: [project_leads]
#   severity: low
package contract.duties.project_leads

import data.contract.lib
import data.contract.lib.evidence

clause := "4.1"

parties := {"party_a", "party_b"}

_other := {"party_a": "party_b", "party_b": "party_a"}

# designations that count: made by the party whose lead it is, with a window in the period
leads contains e if {
	some e in evidence.records("project_leads", "designations")
	e.r.designated_by.organisation_role == e.r.party
	lib.overlaps_period(e.r.from, e.r.to)
}

deny contains v if {
	some e in evidence.records("project_leads", "designations")
	e.r.designated_by.organisation_role != e.r.party
	msg := sprintf("designation %s of a %s lead was made by %s, not by that party [%s]", [e.r.designation_id, e.r.party, e.r.designated_by.organisation_role, clause])
	v := lib.violation(msg, sprintf("%s/designated_by", [e.at]))
}

_spans(p) := [lib.span(e.r.from, e.r.to) | some e in leads; e.r.party == p]

deny contains v if {
	some p in parties
	some g in lib.gaps(_spans(p), lib.period_start, lib.period_end)
	msg := sprintf("no %s project lead in force from %s to %s [%s]", [p, lib.local_time(g[0]), lib.local_time(g[1]), clause])
	v := object.union(lib.violation(msg, evidence.at("project_leads", "designations")), {"party": p, "from": lib.local_time(g[0]), "to": lib.local_time(g[1])})
}

# two leads of one party in force at the same instant: not "一名"
deny contains v if {
	some a in leads
	some b in leads
	a.r.party == b.r.party
	a.r.designation_id < b.r.designation_id
	sa := lib.span(a.r.from, a.r.to)
	sb := lib.span(b.r.from, b.r.to)
	from := max({sa[0], sb[0]})
	to := min({sa[1], sb[1]})
	from < to
	msg := sprintf("%s has two project leads (%s, %s) from %s to %s [%s]", [a.r.party, a.r.designation_id, b.r.designation_id, lib.local_time(from), lib.local_time(to), clause])
	v := lib.violation(msg, b.at)
}

_notified(d) if {
	some n in evidence.records("project_leads", "change_notices")
	n.r.designation_id == d.designation_id
	n.r.written == true
	n.r.notified_to == _other[d.party]
	lib.ns(n.r.notified_at) <= lib.ns(d.from)
}

# a change: a lead who takes over after the period started
changes contains e if {
	some e in leads
	lib.ns(e.r.from) > lib.period_start
}

deny contains v if {
	some e in changes
	not _notified(e.r)
	msg := sprintf("%s lead changed to %s (%s) on %s without a written notice to %s by then [%s]", [e.r.party, e.r.staff_ref, e.r.designation_id, lib.local_time(lib.ns(e.r.from)), _other[e.r.party], clause])
	v := lib.violation(msg, e.at)
}

measure := {
	"leads": {p: sort([e.r.staff_ref | some e in leads; e.r.party == p]) | some p in parties},
	"changes": count(changes),
}
