# METADATA
# title: Platform certificates valid over the service period
# description: >-
#   Shared by 3.4.c (MLPS evaluation) and 10.2.3 (third-party cybersecurity review): which
#   certificates of one type count, which do not and why, and the days of the service
#   period no counting certificate covers. Rules in schemas/evidence/certifications.schema.json.
package contract.duties.certificates

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

of_type(type) := {e | some e in evidence.records("certifications", "certificates"); e.r.type == type}

# why a certificate does not count; undefined when it counts
reason(c) := "covers a tenant system, not the platform" if {
	c.scope != "platform"
} else := "conclusion is fail" if {
	c.conclusion == "fail"
} else := "valid_until is before valid_from" if {
	c.valid_until < c.valid_from
} else := sprintf("issued by %s, not an MLPS evaluation agency (3.4.c 通过测评: Party B's own word does not count)", [c.issuer_role]) if {
	c.type == "mlps_evaluation"
	c.issuer_role != "mlps_evaluation_agency"
} else := msg if {
	c.type == "mlps_evaluation"
	c.level < data.params.duties.mlps_level
	msg := sprintf("MLPS level %d, below the required level %d", [c.level, data.params.duties.mlps_level])
}

excluded(type) := {{"evidence": e.at, "reason": r} | some e in of_type(type); r := reason(e.r)}

windows(type) := [[e.r.valid_from, e.r.valid_until] | some e in of_type(type); not reason(e.r)]

# violations of one clause: none counts, or days of the period are left uncovered
violations(type, what, clause) := {lib.violation(sprintf("no %s counts [%s]", [what, clause]), evidence.at("certifications", "certificates"))} if {
	count(windows(type)) == 0
} else := {v |
	some g in cal.gaps(windows(type))
	v := object.union(
		lib.violation(sprintf("no valid %s from %s to %s [%s]", [what, g[0], g[1], clause]), evidence.at("certifications", "certificates")),
		{"from": g[0], "to": g[1], "days": cal.days_between(g[0], g[1]) + 1},
	)
}

measure(type) := {"counted": count(windows(type)), "excluded": count(excluded(type))}
