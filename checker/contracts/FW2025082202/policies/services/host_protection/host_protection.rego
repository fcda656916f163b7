# METADATA
# title: Host protection delivered
# description: >-
#   主机防护 (第二条 2(1) 第6项): host privilege management and protection meeting
#   MLPS level 3 (mlps_level) on the contracted number of hosts. A host of the
#   inventory in service during the period counts once when an agent record of it is
#   active, applies a baseline of at least mlps_level, enforces access control and was
#   seen (heartbeat) on or after the period start.
# custom:
#   clause: "2.2.1.6"
#   evidence: [host_protection, host_inventory]
#   severity: high
package contract.services.host_protection

import data.contract.lib

clause := "2.2.1.6"

mlps_level := data.params.services[clause].mlps_level

agents contains {"agent": a, "at": at} if {
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
} else := "agent not seen during the period (last_seen_at)" if {
	lib.ns(a.last_seen_at) < lib.period_start
}

# protected: hosts with at least one agent record meeting every condition
protected contains e.agent.host_id if {
	some e in agents
	not _agent_reason(e.agent)
}

_host_agents(host_id) := [e | some e in agents; e.agent.host_id == host_id]

_reason(host_id) := ["host not in service during the period", ""] if {
	not lib.in_service(host_id)
} else := ["no host protection agent", ""] if {
	count(_host_agents(host_id)) == 0
} else := [_agent_reason(e.agent), e.at] if {
	not host_id in protected
	e := _host_agents(host_id)[0]
}

_inventory_at(host_id) := lib.pointer(lib.hosts[host_id].path, ["hosts", lib.hosts[host_id].index])

verdict[host_id] := {"evidence": at, "reason": r[0]} if {
	some host_id, _ in lib.hosts
	r := _reason(host_id)
	at := _pick(r[1], _inventory_at(host_id))
}

_pick(a, b) := a if a != "" else := b

excluded contains v if {
	some v in verdict
}

counted contains host_id if {
	some host_id, _ in lib.hosts
	not verdict[host_id]
}

deny contains v if {
	f := lib.files("host_protection")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["agents"]))
}

measure := object.union(lib.measure(clause, count(counted)), {"excluded": count(excluded), "mlps_level": mlps_level})
