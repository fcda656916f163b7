# METADATA
# title: Free migration and switch-over within 1 month after the end
# description: >-
#   服务期满后双方不再续签或者甲方提前解除合同的，乙方应无条件免费配合甲方完成迁移和切换工作，
#   切换期为1个月 (第十三条 3): after expiry without renewal (from the period's last day) or
#   after early termination (from the termination day), the switch-over is completed within
#   data.params.duties.switch_over_months 个月 and charged nothing. The months count per
#   民法典 201-203 (lib/calendar period_end_months): the period ends at 24:00 of the day of
#   the last month corresponding to the start day (that month's last day when it has none),
#   moved to the next working day when that day is a 法定休假日. Not applicable before
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

_due := cal.last_day_of_months(_from, data.params.duties.switch_over_months)

_end := cal.day_period_end_months(_from, data.params.duties.switch_over_months)

_where := evidence.at("exit_records", "switch_over")

_as_of := evidence.as_of("exit_records")

deny contains v if {
	_from
	not _end
	v := lib.violation(sprintf("the official calendar (%s) does not reach the end of the switch-over period from %s [%s]", [data.calendar.source, _from, clause]), _where)
}

deny contains v if {
	not evidence.present(_record, "switch_over")
	_as_of > _end
	v := lib.violation(sprintf("no switch-over record; the switch-over period from %s ended at 24:00 on %s [%s]", [_from, _due, clause]), _where)
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	not evidence.present(s, "completed_at")
	_as_of > _end
	v := lib.violation(sprintf("switch-over not completed by 24:00 on %s [%s]", [_due, clause]), _where)
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	done := evidence.present(s, "completed_at")
	lib.ns(done) > _end
	day := cal.date_of(done)
	v := object.union(lib.violation(sprintf("switch-over completed on %s, after the switch-over period from %s ended at 24:00 on %s [%s]", [day, _from, _due, clause]), _where), {"due": _due, "days_late": cal.days_between(_due, day)})
}

deny contains v if {
	s := evidence.present(_record, "switch_over")
	cal.fen(s.charged_cny) > 0
	v := lib.violation(sprintf("Party B charged %s for the switch-over, which is free [%s]", [s.charged_cny, clause]), _where)
}

measure := {"from": _from, "due": _due}
