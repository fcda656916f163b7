# METADATA
# title: Object storage capacity delivered
# description: >-
#   对象存储服务 (第二条 2(1) 第14项): the contracted object-storage capacity in GB.
#   Delivered is the smallest total provisioned quota in force at any instant of the
#   service period (a quota missing for part of the period lowers it); usage samples
#   are reported beside it.
# custom:
#   clause: "2.2.1.14"
#   evidence: [object_storage]
#   severity: medium
package contract.services.object_storage

import data.contract.lib

clause := "2.2.1.14"

# allocations: identical records listed twice merge into one
allocations contains a if {
	some f in lib.files("object_storage")
	some a in f.data.allocations
}

_to(a) := object.get(a, "to", null)

_in_force(a, t) if {
	lib.ns(a.from) <= t
	_to(a) == null
}

_in_force(a, t) if {
	lib.ns(a.from) <= t
	_to(a) != null
	lib.ns(_to(a)) > t
}

# the instants where the total quota can change: the period start and every
# allocation start or end inside the period
instants contains lib.period_start

instants contains t if {
	some a in allocations
	some ts in [a.from, _to(a)]
	ts != null
	t := lib.ns(ts)
	t > lib.period_start
	t < lib.period_end
}

total[t] := q if {
	some t in instants
	q := sum([a.quota_gb | some a in allocations; _in_force(a, t)])
}

delivered := min({q | some q in total})

lowest_at := lib.local_time(min({t | some t, q in total; q == delivered}))

_used := [u.used_gb |
	some f in lib.files("object_storage")
	some u in object.get(f.data, "usage", [])
	lib.in_period(u.at)
]

peak_used_gb := max(_used) if {
	count(_used) > 0
} else := null

deny contains v if {
	f := lib.files("object_storage")[0]
	s := lib.shortfall(clause, delivered, lib.pointer(f.path, ["allocations"]))
	v := object.union(s, {"lowest_at": lowest_at})
}

measure := object.union(lib.measure(clause, delivered), {"lowest_at": lowest_at, "peak_used_gb": peak_used_gb})
