# METADATA
# title: Cloud anti-DDoS protected sites delivered
# description: >-
#   云端抗 DDoS 服务 (第二条 2(1) 第13项): cloud-side DDoS protection for the
#   contracted number of sites. A site counts once by site_id when it is protected
#   over the whole service period.
# custom:
#   clause: "2.2.1.13"
#   evidence: [cloud_ddos]
#   severity: medium
package contract.services.cloud_ddos

import data.contract.lib

clause := "2.2.1.13"

units contains {"unit": u, "at": at} if {
	some f in lib.files("cloud_ddos")
	some i, u in f.data.sites
	at := lib.pointer(f.path, ["sites", i])
}

_reason(u) := sprintf("status %s, %s required", [u.status, "protected"]) if {
	u.status != "protected"
} else := "not in service over the whole period (service_from/service_to)" if {
	not lib.covers_period(u.service_from, object.get(u, "service_to", null))
}

# verdict: evidence pointer -> why the site there does not count
verdict[e.at] := reason if {
	some e in units
	reason := _reason(e.unit)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once each, by site_id
counted contains e.unit.site_id if {
	some e in units
	not verdict[e.at]
}

deny contains v if {
	f := lib.files("cloud_ddos")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["sites"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded)})
