# METADATA
# title: Shared helpers for clause policies
# description: >-
#   Violations, evidence pointers, the service period and the host inventory.
#   Every number comes from data.params (the contract parameters file); a policy
#   holds no contract number itself.
package contract.lib

# violation is the one shape every clause reports: a message and where in the bundle
# the evidence is (bundle path + "#" + JSON pointer).
violation(msg, evidence) := {"msg": msg, "evidence": evidence}

# pointer builds "path#/a/0/b" from a file path and pointer segments.
pointer(path, segments) := sprintf("%s#/%s", [path, concat("/", [sprintf("%v", [s]) | some s in segments])])

# files of one evidence kind; [] when the kind is absent (the checker reports `missing`
# before a policy runs, so an empty list here only happens in policy tests).
files(kind) := object.get(input.evidence, kind, [])

# Quantity clauses: contracted amount from data.params.services[clause].
quantity(clause) := data.params.services[clause].quantity

unit(clause) := data.params.services[clause].unit

# shortfall is a violation when delivered < contracted.
shortfall(clause, actual, evidence) := violation(
	sprintf("delivered %v %s, contracted %v (shortfall %v) [%s]", [actual, unit(clause), quantity(clause), quantity(clause) - actual, clause]),
	evidence,
) if {
	actual < quantity(clause)
}

measure(clause, actual) := {"expected": quantity(clause), "actual": actual, "unit": unit(clause)}

# ---- time ----------------------------------------------------------------------
ns(ts) := time.parse_rfc3339_ns(ts)

period_start := ns(data.params.period.start)

period_end := ns(data.params.period.end)

in_period(ts) if {
	t := ns(ts)
	t >= period_start
	t < period_end
}

minutes_between(from, to) := (ns(to) - ns(from)) / 60000000000

# ---- inventory -------------------------------------------------------------------
# hosts maps host_id -> {"host": record, "path": file path, "index": i}.
hosts[h.host_id] := {"host": h, "path": f.path, "index": i} if {
	some f in files("host_inventory")
	some i, h in f.data.hosts
}

in_inventory(host_id) if hosts[host_id]

# A host is in service during the period when it started before the period ends and
# did not leave before it started.
in_service(host_id) if {
	h := hosts[host_id].host
	ns(h.in_service_from) < period_end
	not _left_before_period(h)
}

_left_before_period(h) if {
	h.in_service_to != null
	ns(h.in_service_to) <= period_start
}
