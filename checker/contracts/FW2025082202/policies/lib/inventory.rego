# METADATA
# title: Time in service of every inventory host, once per query
# description: >-
#   spans: host id -> data.contract.lib.host_spans(host id) for every host of the
#   inventory, shared by the services policies (2.2.1.5-2.2.1.8, 2.2.1.10) instead of one
#   map per package. A package of its own, outside contract.lib, and read by full path:
#   regorus evaluates every rule of a package tree (contract.lib and its subpackages)
#   once per query as soon as a policy reads one rule of it through an import alias, so
#   a rule in contract.lib would cost every clause package, not only its readers.
package contract.inventory

# the same spans as data.contract.lib.host_spans, with the period bounds bound once
spans := {host_id: ss |
	ps := data.contract.lib.period_start
	pe := data.contract.lib.period_end
	some host_id, e in data.contract.lib.hosts
	a := max({time.parse_rfc3339_ns(e.host.in_service_from), ps})
	b := _span_end(object.get(e.host, "in_service_to", null), pe)
	ss := {s | a < b; s := [a, b]}
}

# the end of data.contract.lib.span(from, to) with the period end bound: to = null means
# still in service
_span_end(to, pe) := pe if {
	to == null
} else := min({time.parse_rfc3339_ns(to), pe})
