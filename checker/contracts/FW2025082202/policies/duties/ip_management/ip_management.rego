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

_answered(r) := count({e.at |
	some e in _allocations
	object.get(e.r, "request_id", null) == r.request_id
	lib.ns(e.r.allocated_at) >= lib.ns(r.requested_at)
})

deny contains v if {
	some e in _requests
	n := _answered(e.r)
	n < e.r.count
	v := lib.violation(sprintf("request %s of %s asked for %d addresses, %d allocated [%s]", [e.r.request_id, e.r.system_id, e.r.count, n, clause]), e.at)
}

# x starts before y ends (y still allocated: never ends)
_starts_before_end(x, y) if not evidence.present(y, "released_at")

_starts_before_end(x, y) if {
	released := evidence.present(y, "released_at")
	lib.ns(x.allocated_at) < lib.ns(released)
}

deny contains v if {
	some a in _allocations
	some b in _allocations
	a.at < b.at
	a.r.ip == b.r.ip
	_starts_before_end(a.r, b.r)
	_starts_before_end(b.r, a.r)
	v := object.union(lib.violation(sprintf("address %s allocated twice at overlapping times (%s, %s) [%s]", [a.r.ip, a.at, b.at, clause]), b.at), {"other": a.at})
}

_registered contains e.r.ip if some e in _allocations

deny contains v if {
	some host_id, h in lib.hosts
	lib.in_service(host_id)
	not _registered[h.host.ip]
	v := lib.violation(sprintf("host %s in service has address %s, which the register does not hold [%s]", [host_id, h.host.ip, clause]), lib.pointer(h.path, ["hosts", h.index, "ip"]))
}

measure := {"requests": count(_requests), "allocations": count(_allocations)}
