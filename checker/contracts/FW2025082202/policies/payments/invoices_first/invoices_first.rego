# METADATA
# title: An invoice meeting Party A's requirements precedes every payment
# description: >-
#   甲方付款前乙方应开具符合甲方要求的发票 (第七条 2(3)): every payment cites an invoice of the
#   register that was issued on or before the payment day, bills the same amount and
#   met Party A's requirements. Not applicable before any payment was made.
# custom:
#   clause: "7.2.3"
#   evidence: [payments]
#   severity: low
package contract.payments.invoices_first

import data.contract.lib
import data.contract.lib.calendar as cal
import data.contract.lib.evidence

clause := "7.2.3"

_payments := evidence.records("payments", "payments")

_invoices := {i.invoice_id: i | some f in lib.files("payments"); some i in f.data.invoices}

not_applicable if count(_payments) == 0

_problem(p) := "cites no invoice" if {
	not evidence.present(p, "invoice_id")
} else := sprintf("cites invoice %s, which is not in the register", [p.invoice_id]) if {
	not _invoices[p.invoice_id]
} else := sprintf("invoice %s was issued on %s, after the payment", [p.invoice_id, _invoices[p.invoice_id].issued_on]) if {
	_invoices[p.invoice_id].issued_on > p.paid_on
} else := sprintf("invoice %s bills %s, the payment is %s", [p.invoice_id, _invoices[p.invoice_id].amount_cny, p.amount_cny]) if {
	cal.fen(_invoices[p.invoice_id].amount_cny) != cal.fen(p.amount_cny)
} else := sprintf("invoice %s did not meet Party A's requirements", [p.invoice_id]) if {
	_invoices[p.invoice_id].meets_requirements != true
}

deny contains v if {
	some e in _payments
	problem := _problem(e.r)
	v := lib.violation(sprintf("payment %s of %s on %s: %s [%s]", [e.r.payment_id, e.r.amount_cny, e.r.paid_on, problem, clause]), e.at)
}

measure := {"payments": count(_payments), "invoices": count(_invoices)}
