# METADATA
# title: Who answers for an outage or incident (reading rule 4, 第十四条 3)
# description: >-
#   The one place that decides whether an outage or an incident is excused, i.e. not Party
#   B's breach (OBLIGATIONS.md reading rule 4). 3.4.a, 14.3 and the liability ledger's
#   downtime rows all ask here. Excused: force majeure (第十四条 1-2) only when the
#   force_majeure claim it names has a written notice within
#   data.params.force_majeure.notice_within_hours (立即书面通知) and a proof by a
#   government body or notary delivered within proof_within_days 天 of the event (第十四条 3;
#   reading rule 2: from the next day, a last day that is a 法定休假日 moves to the first
#   working day after it, China's official calendar in data.calendar); a fault of Party
#   A's own systems (第十条 1) or of a provider Party A designated (第九条 14) only when
#   Party A or the supervision provider confirmed that cause (Party B's word alone does not
#   excuse, reading rule 6). Everything else is Party B's.
package contract.lib.excuse

import data.contract.lib
import data.contract.lib.calendar as cal

_fm := data.params.force_majeure

_hour_ns := (60 * 60) * 1000000000

# ---- periods in days (reading rule 2) --------------------------------------------
_working := {w | some w in data.calendar.working_days}

# off_holiday(d): the last day d of a period in 日/天, moved to the first working day
# after it when d is a 法定休假日; undefined when the calendar does not know d
off_holiday(d) := d if {
	cal.covers(d)
	d in _working
} else := w if {
	cal.covers(d)
	w := cal.working_day_after(d, 1)
}

# ---- force-majeure claims (kind force_majeure) ------------------------------------
claims[c.claim_id] := {"c": c, "at": lib.pointer(f.path, ["claims", i]), "as_of": f.data.as_of} if {
	some f in lib.files("force_majeure")
	some i, c in f.data.claims
}

# the last day (YYYY-MM-DD) the proof may be delivered; undefined off the calendar
proof_deadline(c) := off_holiday(cal.add_days(cal.date_of(c.event.occurred_at), _fm.proof_within_days))

_other := {"party_b": "party_a", "party_a": "party_b"}

# problems(e): why claim e does not excuse (empty: it excuses). "pending" problems are
# those whose deadline had not passed at the export time: not a breach of 14.3 (yet),
# but no excuse either.
problems(e) := {p | some p in _notice_problems(e.c)} | {p | some p in _proof_problems(e)}

_notice_problems(c) := {{"pending": false, "why": "no written notice"}} if {
	c.notice == null
} else := {p |
	some p in [
		{"pending": false, "why": sprintf("notice by %s is not written (书面)", [c.notice.form])} |
		not c.notice.form in {x | some x in _fm.written_forms}
	]
} | {p |
	some p in [
		{"pending": false, "why": sprintf("notice went to %s, not to the other party", [c.notice.to_role])} |
		c.notice.to_role != _other[c.claimed_by_role]
	]
} | {p |
	d := lib.ns(c.notice.delivered_at) - lib.ns(c.event.occurred_at)
	d > _fm.notice_within_hours * _hour_ns
	m := round((d / 60000000000) * 100) / 100
	p := {"pending": false, "why": sprintf("written notice %v min after the event, at once means within %v h", [m, _fm.notice_within_hours])}
}

_proof_problems(e) := {{"pending": false, "why": sprintf("the calendar does not know %s: the proof deadline cannot be worked out", [cal.add_days(cal.date_of(e.c.event.occurred_at), _fm.proof_within_days)])}} if {
	not proof_deadline(e.c)
} else := {{"pending": false, "why": sprintf("no proof delivered by %s (%d 天 from the event)", [proof_deadline(e.c), _fm.proof_within_days])}} if {
	e.c.proof == null
	cal.day_of_ns(lib.ns(e.as_of)) > proof_deadline(e.c)
} else := {{"pending": true, "why": sprintf("no proof yet, due by %s", [proof_deadline(e.c)])}} if {
	e.c.proof == null
} else := {p |
	some p in [
		{"pending": false, "why": sprintf("proof issued by %s (%s), not a government body or notary", [e.c.proof.issuer_kind, e.c.proof.issuer_role])} |
		not e.c.proof.issuer_kind in {x | some x in _fm.proof_issuer_kinds}
	]
} | {p |
	some p in [
		{"pending": false, "why": sprintf("proof delivered on %s, after the deadline %s", [cal.date_of(e.c.proof.delivered_at), proof_deadline(e.c)])} |
		cal.date_of(e.c.proof.delivered_at) > proof_deadline(e.c)
	]
} | {p |
	some p in [
		{"pending": false, "why": sprintf("proof issued on %s, before the event", [e.c.proof.issued_on])} |
		e.c.proof.issued_on < cal.date_of(e.c.event.occurred_at)
	]
}

valid(id) if {
	e := claims[id]
	count(problems(e)) == 0
}

# ---- outages -----------------------------------------------------------------------
_excusable := {"force_majeure", "party_a", "third_party"}

_confirmed(o) if {
	r := o.responsibility
	r != null
	r.confirmed_by_role in {"party_a", "supervision_provider"}
}

# excused(o): why outage o is not Party B's to answer for; undefined when it is
excused(o) := sprintf("force majeure, claim %s: written notice and proof in time (第十四条 3)", [id]) if {
	o.cause == "force_majeure"
	id := object.get(o, "force_majeure_id", null)
	valid(id)
} else := sprintf("Party A's own system (第十条 1), confirmed by %s (%s)", [o.responsibility.confirmed_by_role, o.responsibility.reference]) if {
	o.cause == "party_a"
	_confirmed(o)
} else := sprintf("provider designated by Party A (第九条 14), confirmed by %s (%s)", [o.responsibility.confirmed_by_role, o.responsibility.reference]) if {
	o.cause == "third_party"
	_confirmed(o)
	o.responsibility.designated_by_party_a == true
}

# refused(o): an excuse claimed by the cause but not granted, and why
refused(o) := why if {
	o.cause in _excusable
	not excused(o)
	why := _refusal(o)
}

_refusal(o) := "force majeure without a claim (force_majeure_id)" if {
	o.cause == "force_majeure"
	object.get(o, "force_majeure_id", null) == null
} else := sprintf("force-majeure claim %s is not in the bundle", [o.force_majeure_id]) if {
	o.cause == "force_majeure"
	not claims[o.force_majeure_id]
} else := sprintf("force-majeure claim %s: %s", [o.force_majeure_id, concat("; ", sort([p.why | some p in problems(claims[o.force_majeure_id])]))]) if {
	o.cause == "force_majeure"
} else := "the third-party provider is not shown to be designated by Party A (第九条 14)" if {
	o.cause == "third_party"
	_confirmed(o)
} else := sprintf("cause %s not confirmed by Party A or the supervision provider", [o.cause])

# answerable(o): Party B answers for outage o (maintenance is judged by 3.4.a itself)
answerable(o) if not excused(o)

# ---- incidents ------------------------------------------------------------------------
# incident_excused(x): an incident recorded as force majeure whose claim holds
incident_excused(x) if {
	x.force_majeure == true
	valid(object.get(x, "force_majeure_id", null))
}

incident_refused(x) := why if {
	x.force_majeure == true
	not incident_excused(x)
	why := _incident_refusal(x)
}

_incident_refusal(x) := "force majeure without a claim (force_majeure_id)" if {
	object.get(x, "force_majeure_id", null) == null
} else := sprintf("force-majeure claim %s is not in the bundle", [x.force_majeure_id]) if {
	not claims[x.force_majeure_id]
} else := sprintf("force-majeure claim %s: %s", [x.force_majeure_id, concat("; ", sort([p.why | some p in problems(claims[x.force_majeure_id])]))])
