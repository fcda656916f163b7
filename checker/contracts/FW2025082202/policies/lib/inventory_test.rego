package contract.inventory_test

import data.contract.lib

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

_t(d) := time.parse_rfc3339_ns(sprintf("%sT00:00:00+08:00", [d]))

inventory := {"evidence": {"host_inventory": [{"path": "inv.json", "data": {"hosts": [
	{"host_id": "open", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": null},
	{"host_id": "no-end", "in_service_from": "2025-10-01T00:00:00+08:00"},
	{"host_id": "left", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": "2025-09-03T00:00:00+08:00"},
	{"host_id": "stays", "in_service_from": "2025-01-01T00:00:00+08:00", "in_service_to": "2025-09-03T00:00:01+08:00"},
	{"host_id": "late", "in_service_from": "2026-09-03T00:00:00+08:00"},
]}}]}}

# spans is lib.host_spans for every inventory host: open-ended (to null, to absent), left
# at the period start (none), one second after it, in service only from the period end
test_success_spans_are_host_spans if {
	spans := data.contract.inventory.spans with input as inventory with data.params as params
	expected := {id: lib.host_spans(id) | some id in ["open", "no-end", "left", "stays", "late"]} with input as inventory with data.params as params
	spans == expected
	spans.open == {[_t("2025-09-03"), _t("2026-09-03")]}
	spans["no-end"] == {[_t("2025-10-01"), _t("2026-09-03")]}
	spans.left == set()
	spans.stays == {[_t("2025-09-03"), _t("2025-09-03") + 1000000000]}
	spans.late == set()
}

test_success_spans_of_an_empty_inventory if {
	data.contract.inventory.spans == {} with input as {"evidence": {"host_inventory": [{"path": "inv.json", "data": {"hosts": []}}]}} with data.params as params
}
