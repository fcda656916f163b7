# METADATA
# title: Free migration and switch-over within 1 month after the end
# description: >-
#   服务期满后双方不再续签或者甲方提前解除合同的，乙方应无条件免费配合甲方完成迁移和切换工作，
#   切换期为1个月 (第十三条 3): after expiry without renewal (from the period's last day) or
#   after early termination (from the termination day), the switch-over is completed within
#   data.params.duties.switch_over_months months and charged nothing. Not applicable before
#   the period ends (no termination) or when the service was renewed; pending before the
#   deadline.
# custom:
#   clause: "13.3"
#   evidence: [exit_records]
#   severity: medium
package contract.exit.switch_over

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "13.3"

_record := f.data if {
	some f in lib.files("exit_records")
}

_today := evidence.today("exit_records")

# the day the switch-over period starts; undefined when none is owed (yet)
_from := d if {
	d := evidence.present(_record, "terminated_on")
} else := cal.period_last_day if {
	_record.renewed != true
	_today > cal.period_last_day
}

not_applicable if not _from

_due := cal.add_months(_from, data.params.duties.switch_over_months)

_where := evidence.at("exit_records", "switch_over")

deny contains v if {
	not evidence.present(_record, "switch_over")
	_today > _due
	v := lib.violation(sprintf("no switch-over record; the switch-over period from %s ended on %s [%s]", [_from, _due, clause]), _where)
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	not evidence.present(s, "completed_at")
	_today > _due
	v := lib.violation(sprintf("switch-over not completed by %s [%s]", [_due, clause]), _where)
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	day := cal.date_of(evidence.present(s, "completed_at"))
	day > _due
	v := object.union(lib.violation(sprintf("switch-over completed on %s, after the switch-over period from %s ended on %s [%s]", [day, _from, _due, clause]), _where), {"due": _due})
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	cal.fen(s.charged_cny) > 0
	v := lib.violation(sprintf("Party B charged %s for the switch-over, which is free [%s]", [s.charged_cny, clause]), _where)
}

measure := {"from": _from, "due": _due}
