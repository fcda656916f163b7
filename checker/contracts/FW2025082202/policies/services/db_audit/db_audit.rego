# METADATA
# title: Database audit sets delivered
# description: >-
#   数据库审计服务 (第二条 2(1) 第11项): monitor and protect databases, record
#   violating operations and alert on them, with the contracted number of sets. A set
#   counts once by instance_id when it is active over the whole service period with
#   recording and alerting on.
# custom:
#   clause: "2.2.1.11"
#   evidence: [db_audit]
#   severity: medium
package contract.services.db_audit

import data.contract.lib

clause := "2.2.1.11"

units contains {"unit": u, "at": at} if {
	some f in lib.files("db_audit")
	some i, u in f.data.instances
	at := lib.pointer(f.path, ["instances", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "active"]) if {
	u.status != "active"
} else := "not in service over the whole period (service_from/service_to)" if {
	not lib.covers_period(u.service_from, object.get(u, "service_to", null))
} else := "operations not recorded (recording)" if {
	not u.recording == true
} else := "violations raise no alert (alerting)" if {
	not u.alerting == true
}

# verdict: evidence pointer -> why the audit set there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by instance_id
counted contains e.unit.instance_id if {
	some e in units
	not verdict[e.at]
}

deny contains v if {
	f := lib.files("db_audit")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["instances"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
