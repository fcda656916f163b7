# METADATA
# title: IP addresses of Party A managed and allocated
# description: >-
#   乙方负责管理甲方申请的 IP 地址，为甲方提供 IP 地址分配和管理服务 (第九条 7): every
#   request of the period has as many allocations citing it (made at or after the request)
#   as it asked for; no address is allocated twice at overlapping times; and every host of
#   the inventory in service during the period has its address in the register.
# custom:
#   clause: "9.7"
#   evidence: [ip_register]
#   severity: low
package contract.duties.ip_management

import data.contract.lib
import data.contract.lib.evidence

clause := "9.7"

_requests := {e | some e in evidence.records("ip_register", "requests"); lib.in_period(e.r.requested_at)}

_allocations := evidence.records("ip_register", "allocations")

# allocations by the request they cite, with their time (grouped once, not per request)
_cited[rid] contains x if {
	some e in _allocations
	rid := object.get(e.r, "request_id", null)
	x := [e.at, lib.ns(e.r.allocated_at)]
}

_answered(r, cited) := count({at |
	some x in object.get(cited, r.request_id, set())
	[at, t] := x
	t >= lib.ns(r.requested_at)
})

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {})
_cited_all := x if {
	x := _cited
} else := {}

deny contains v if {
	cited := _cited_all
	some e in _requests
	n := _answered(e.r, cited)
	n < e.r.count
	v := lib.violation(sprintf("request %s of %s asked for %d addresses, %d allocated [%s]", [e.r.request_id, e.r.system_id, e.r.count, n, clause]), e.at)
}

# x starts before y ends (y still allocated: never ends)
_starts_before_end(x, y) if not evidence.present(y, "released_at")

_starts_before_end(x, y) if {
	released := evidence.present(y, "released_at")
	lib.ns(x.allocated_at) < lib.ns(released)
}

# allocations by address (grouped once: only allocations of one address are paired)
_on_ip[ip] contains e if {
	some e in _allocations
	ip := e.r.ip
}

deny contains v if {
	on_ip := _on_ip
	some _, es in on_ip
	some a in es
	some b in es
	a.at < b.at
	_starts_before_end(a.r, b.r)
	_starts_before_end(b.r, a.r)
	v := object.union(lib.violation(sprintf("address %s allocated twice at overlapping times (%s, %s) [%s]", [a.r.ip, a.at, b.at, clause]), b.at), {"other": a.at})
}

_registered := {e.r.ip | some e in _allocations}

deny contains v if {
	reg := _registered # bound once (OPA does not memoise a per-item lookup)
	some host_id, h in lib.hosts
	lib.in_service(host_id)
	not reg[h.host.ip]
	v := lib.violation(sprintf("host %s in service has address %s, which the register does not hold [%s]", [host_id, h.host.ip, clause]), lib.pointer(h.path, ["hosts", h.index, "ip"]))
}

measure := {"requests": count(_requests), "allocations": count(_allocations)}
