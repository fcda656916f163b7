# METADATA
# title: Host protection delivered
# description: >-
#   主机防护 (第二条 2(1) 第6项): host privilege management and protection meeting
#   MLPS level 3 (mlps_level) on the contracted number of hosts. An agent record
#   qualifies when it is active, applies a baseline of at least mlps_level and enforces
#   access control; a host is protected for the instants of its time in service that
#   the console's status history of a qualifying agent (online: [from, to), an open
#   period lasting until the agent's last heartbeat) covers, a gap of at most
#   heartbeat_max_gap_minutes being tolerated. Delivered is the lowest number of hosts
#   protected at any instant of the period (OBLIGATIONS.md reading rule 3): an agent
#   seen once is not protection throughout the term.
# custom:
#   clause: "2.2.1.6"
#   evidence: [host_protection, host_inventory]
#   severity: high
package contract.services.host_protection

import data.contract.lib

clause := "2.2.1.6"

mlps_level := data.params.services[clause].mlps_level

tolerance_minutes := object.get(data.params.services[clause], "heartbeat_max_gap_minutes", 0)

_tolerance_ns := (tolerance_minutes * 60) * 1000000000

agents := {{"agent": a, "at": at} |
	some f in lib.files("host_protection")
	some i, a in f.data.agents
	at := lib.pointer(f.path, ["agents", i])
}

_agent_reason(a) := "agent not active" if {
	a.status != "active"
} else := sprintf("baseline MLPS level %d, level %d required", [a.mlps_level, mlps_level]) if {
	a.mlps_level < mlps_level
} else := "host access control not enforced (access_control)" if {
	not a.access_control == true
} else := "no status history of the agent over the period (online)" if {
	count(object.get(a, "online", [])) == 0
}

# by_host: host -> its agent records (indexed by key once)
by_host[e.agent.host_id] contains e if {
	some e in agents
}

# online: host -> spans of the period a qualifying agent of it was online
online[e.agent.host_id] contains s if {
	some e in agents
	not _agent_reason(e.agent)
	some o in e.agent.online
	s := _online_span(o, e.agent)
}

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {}:
# read it through the complete rule below, which is also bound once)
_by_host := x if {
	x := by_host
} else := {}

_online := x if {
	x := online
} else := {}

_online_span(o, a) := lib.clip(lib.ns(o.from), lib.ns(a.last_seen_at)) if {
	object.get(o, "to", null) == null
} else := lib.clip(lib.ns(o.from), lib.ns(o.to))

# holes(host_id): the parts of the host's time in service no qualifying agent covered,
# longer than the tolerance
holes(sps, cov) := [g |
	some sp in sps
	some g in lib.span_minus(sp, cov)
	(g[1] - g[0]) > _tolerance_ns
]

# host_spans: inventory host -> its time in service (once per host)
_host_spans := data.contract.inventory.spans # lib.host_spans of every inventory host, once per query

# holes: host -> holes(...) of its time in service (once per host with a qualifying agent;
# read by spans and by the verdict)
_holes := {host_id: holes(sps, cov) |
	ol := _online
	hs := _host_spans
	some host_id, cov in ol
	sps := object.get(hs, host_id, set()) # lib.host_spans of a host not in the inventory is empty
}

# spans: host -> the instants it was protected
spans[host_id] := {s |
	some sp in sps
	some s in lib.span_minus(sp, h)
} if {
	hl := _holes
	hs := _host_spans
	some host_id, h in hl
	sps := object.get(hs, host_id, set())
}

_reason(host_id, sps, bh, ol, hl) := ["host not in service during the period", ""] if {
	count(sps) == 0
} else := ["no host protection agent", ""] if {
	not bh[host_id]
} else := [_agent_reason(e.agent), e.at] if {
	not ol[host_id]
	e := sort([x | some x in bh[host_id]])[0]
} else := [sprintf("not protected for %d stretch(es) of its time in service, the first from %s to %s", [count(h), lib.local_time(g[0]), lib.local_time(g[1])]), ""] if {
	h := hl[host_id] # holes(sps, ol[host_id])
	count(h) > 0
	g := sort(h)[0]
}

_inventory_at(host_id) := lib.pointer(lib.hosts[host_id].path, ["hosts", lib.hosts[host_id].index])

verdict[host_id] := {"evidence": at, "reason": r[0]} if {
	bh := _by_host
	ol := _online
	hs := _host_spans
	hl := _holes
	some host_id, _ in lib.hosts
	r := _reason(host_id, hs[host_id], bh, ol, hl)
	at := _pick(r[1], _inventory_at(host_id))
}

_pick(a, b) := a if a != "" else := b

excluded contains v if {
	some v in verdict
}

counted contains host_id if {
	v := verdict
	some host_id, _ in lib.hosts
	not v[host_id]
}

lowest := lib.lowest(by_host) if {
	hs := lib.hosts # bound once (OPA does not memoise a per-item lookup)
	by_host := {id: s | some id, s in spans; hs[id]}
}

deny contains v if {
	f := lib.files("host_protection")[0]
	s := lib.shortfall(clause, lowest.count, lib.pointer(f.path, ["agents"]))
	v := object.union(s, {"lowest_at": lib.local_time(lowest.at)})
}

measure := object.union(lib.measure(clause, lowest.count), {
	"excluded": count(excluded),
	"mlps_level": mlps_level,
	"heartbeat_max_gap_minutes": tolerance_minutes,
	"lowest_at": lib.local_time(lowest.at),
})
