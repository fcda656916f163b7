# METADATA
# title: Servers restarted promptly when Party A asks, and only then
# description: >-
#   甲方如需乙方提供重启服务器操作时，乙方有权要求甲方提供书面申请或其他可以证明甲方身份的信息
#   (第九条 9): Party B may ask for a written request or proof of identity; it must restart
#   promptly when Party A asks. A restart in the service period with no request of Party A
#   received at or before it fails; a request of Party A not carried out within
#   data.params.duties.restart_within_minutes ("及时": an agreed input) of its receipt, or of
#   the proof's receipt when Party B asked for one, fails. A request by phone is not a breach.
# custom:
#   clause: "9.9"
#   evidence: [restart_records]
#   severity: medium
package contract.duties.restart_requests

import data.contract.lib
import data.contract.lib.evidence

clause := "9.9"

_limit := data.params.duties.restart_within_minutes

_minute_ns := 60 * 1000000000

_restarts := {e | some e in evidence.records("restart_records", "restarts"); lib.in_period(e.r.performed_at)}

_all_requests := evidence.records("restart_records", "requests")

# requests by id, built once (a restart looks its request up, not through every request;
# bound whole first: OPA does not memoise a lookup of one key of a partial rule)
_requests_of[id] contains e if {
	some e in _all_requests
	id := e.r.request_id
}

_request(id) := e if {
	index := _requests_of
	some e in index[id]
}

_problem(r) := "has no request from Party A" if {
	not evidence.present(r, "request_id")
} else := sprintf("cites request %s, which the register does not hold", [r.request_id]) if {
	not _request(r.request_id)
} else := sprintf("cites request %s made by %s, not Party A", [r.request_id, _request(r.request_id).r.requested_by_role]) if {
	_request(r.request_id).r.requested_by_role != "party_a"
} else := sprintf("came before request %s was received at %s", [r.request_id, _request(r.request_id).r.received_at]) if {
	lib.ns(r.performed_at) < lib.ns(_request(r.request_id).r.received_at)
}

deny contains v if {
	some e in _restarts
	problem := _problem(e.r)
	v := lib.violation(sprintf("restart %s of %s at %s %s [%s]", [e.r.restart_id, e.r.host_id, e.r.performed_at, problem, clause]), e.at)
}

# ---- every request of Party A carried out in time ----------------------------------------
_requests := {e | some e in _all_requests; e.r.requested_by_role == "party_a"; lib.in_period(e.r.received_at)}

# the clock starts at receipt, or at the proof Party B asked for; undefined when the proof
# it asked for never came (nothing is owed)
_clock(q) := lib.ns(q.received_at) if {
	not evidence.present(q, "proof_asked_at")
} else := lib.ns(evidence.present(q, "proof_received_at"))

# the first restart citing the request, at or after its receipt
# the times restarts citing each request were performed, built once
_performed_of[id] contains t if {
	some e in _restarts
	id := e.r.request_id
	t := lib.ns(e.r.performed_at)
}

_done(q) := min(times) if {
	index := _performed_of
	received := lib.ns(q.received_at)
	times := {t | some t in object.get(index, q.request_id, set()); t >= received}
	count(times) > 0
}

deny contains v if {
	some e in _requests
	start := _clock(e.r)
	done := _done(e.r)
	done - start > _limit * _minute_ns
	minutes := lib.ceil_div(done - start, _minute_ns)
	v := object.union(lib.violation(sprintf("request %s to restart %s (%s) carried out %d minutes after %s, limit %d [%s]", [e.r.request_id, e.r.host_id, e.r.channel, minutes, lib.local_time(start), _limit, clause]), e.at), {"minutes": minutes})
}

deny contains v if {
	some e in _requests
	start := _clock(e.r)
	not _done(e.r)
	evidence.as_of("restart_records") - start > _limit * _minute_ns
	v := lib.violation(sprintf("request %s to restart %s (%s, from %s) was not carried out [%s]", [e.r.request_id, e.r.host_id, e.r.channel, lib.local_time(start), clause]), e.at)
}

measure := {"restarts": count(_restarts), "requests": count(_requests)}
