# METADATA
# title: Cloud APT protection sets delivered
# description: >-
#   云端 APT 防护服务 (第二条 2(1) 第12项): deep traffic inspection that detects
#   malicious attacks and warns, with the contracted number of sets. A set counts once
#   by instance_id when it is active (not bypassed) over the whole service period and
#   its detections raise warnings.
# custom:
#   clause: "2.2.1.12"
#   evidence: [apt_protection]
#   severity: medium
package contract.services.apt_protection

import data.contract.lib

clause := "2.2.1.12"

units contains {"unit": u, "at": at} if {
	some f in lib.files("apt_protection")
	some i, u in f.data.instances
	at := lib.pointer(f.path, ["instances", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "active"]) if {
	u.status != "active"
} else := "not in service over the whole period (service_from/service_to)" if {
	not lib.covers_period(u.service_from, object.get(u, "service_to", null))
} else := "detections raise no warning (alerting)" if {
	not u.alerting == true
}

# verdict: evidence pointer -> why the APT set there does not count
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
	f := lib.files("apt_protection")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["instances"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
