# METADATA
# title: Force majeure notified at once and proved within 15 days
# description: >-
#   第十四条 3: 受不可抗力影响一方应立即将不能履行本合同的事实书面通知对方，并在不可抗力发生之日起
#   15天内提供相关政府部门或公证机关出具的证明文件. Every force-majeure claim, and every outage or
#   incident recorded as force majeure, needs a written notice within
#   force_majeure.notice_within_hours and a government or notary proof delivered by the last
#   day of force_majeure.proof_within_days 天 (reading rule 2: counted from the next day, a last
#   day that is a 法定休假日 moves to the first working day after it). The decision is
#   policies/lib/excuse.rego's, the same one 3.4.a and the liability ledger use: what fails here
#   is not excused there. A claim whose proof deadline has not passed at the export time is
#   pending (no excuse yet, no breach yet). not_applicable when nothing claims force majeure.
# custom:
#   clause: "14.3"
#   evidence: [force_majeure, outages, incidents]
#   severity: medium
package contract.sla.force_majeure

import data.contract.lib
import data.contract.lib.excuse

clause := "14.3"

_fm_outages := [x |
	some x in data.contract.sla.availability.outages
	x.o.cause == "force_majeure"
]

_fm_incidents := [{"x": x, "at": lib.pointer(f.path, ["incidents", i])} |
	some f in lib.files("incidents")
	some i, x in f.data.incidents
	x.force_majeure == true
]

_late(e) := [p.why | some p in excuse.problems(e); not p.pending]

_pending(e) if {
	count(_late(e)) == 0
	count(excuse.problems(e)) > 0
}

deny contains v if {
	some id, e in excuse.claims
	why := _late(e)
	count(why) > 0
	msg := sprintf("force-majeure claim %s (%s, %s): %s; not excused [%s]", [id, e.c.event.type, e.c.event.occurred_at, concat("; ", sort(why)), clause])
	v := object.union(lib.violation(msg, e.at), {"claim_id": id, "problems": sort(why)})
}

# an outage or incident recorded as force majeure without a claim to judge
_unclaimed(rec) if object.get(rec, "force_majeure_id", null) == null

_unclaimed(rec) if {
	id := object.get(rec, "force_majeure_id", null)
	id != null
	not excuse.claims[id]
}

deny contains v if {
	some x in _fm_outages
	_unclaimed(x.o)
	msg := sprintf("outage %s is recorded as force majeure but %s; not excused [%s]", [x.o.outage_id, _missing(x.o), clause])
	v := object.union(lib.violation(msg, x.at), {"outage_id": x.o.outage_id})
}

deny contains v if {
	some y in _fm_incidents
	_unclaimed(y.x)
	msg := sprintf("incident %s is recorded as force majeure but %s; not excused [%s]", [y.x.incident_id, _missing(y.x), clause])
	v := object.union(lib.violation(msg, y.at), {"incident_id": y.x.incident_id})
}

_missing(rec) := "names no force-majeure claim (written notice and proof)" if {
	object.get(rec, "force_majeure_id", null) == null
} else := sprintf("its claim %s is not in the bundle", [rec.force_majeure_id])

not_applicable if {
	count(excuse.claims) == 0
	count(_fm_outages) == 0
	count(_fm_incidents) == 0
}

measure := {
	"expected": count(excuse.claims),
	"actual": count([1 | some id, _ in excuse.claims; excuse.valid(id)]),
	"unit": "force-majeure claims with notice and proof in time",
	"pending": sort([id | some id, e in excuse.claims; _pending(e)]),
	"deadlines": {id: d | some id, e in excuse.claims; d := excuse.proof_deadline(e.c)},
	"excused_outages": sort([x.o.outage_id | some x in _fm_outages; excuse.excused(x.o)]),
	"excused_incidents": sort([y.x.incident_id | some y in _fm_incidents; excuse.incident_excused(y.x)]),
}
