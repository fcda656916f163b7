# METADATA
# title: Servers restarted only on Party A's written request
# description: >-
#   甲方如需乙方提供重启服务器操作时，乙方有权要求甲方提供书面申请或其他可以证明甲方身份的信息
#   (第九条 9): every restart in the service period cites a request from Party A, written or
#   identity-verified, received at or before the restart.
# custom:
#   clause: "9.9"
#   evidence: [restart_records]
#   severity: medium
package contract.duties.restart_requests

import data.contract.lib
import data.contract.lib.evidence

clause := "9.9"

_restarts := {e | some e in evidence.records("restart_records", "restarts"); lib.in_period(e.r.performed_at)}

_problem(r) := "has no request" if {
	not evidence.present(r, "request")
} else := sprintf("was requested by %s, not Party A", [r.request.requested_by_role]) if {
	r.request.requested_by_role != "party_a"
} else := sprintf("request %s is neither written nor identity-verified", [r.request.ref]) if {
	object.get(r.request, "written", false) != true
	object.get(r.request, "identity_verified", false) != true
} else := sprintf("request %s arrived at %s, after the restart", [r.request.ref, r.request.received_at]) if {
	lib.ns(r.request.received_at) > lib.ns(r.performed_at)
}

deny contains v if {
	some e in _restarts
	problem := _problem(e.r)
	v := lib.violation(sprintf("restart %s of %s at %s %s [%s]", [e.r.restart_id, e.r.host_id, e.r.performed_at, problem, clause]), e.at)
}

measure := {"restarts": count(_restarts)}
