package export

import "congres/data"

// paymentsSheet lists the fees paid at the desks, in the order they were
// taken: when, who, how much (a number in euros), how, at which desk, and
// when it was undone. Under the list, the totals, in all and by method,
// leave the payments undone out.
func (x *xlsx) paymentsSheet(lines []data.PaymentLine) error {
	s, err := x.newSheet(x.l("sheet.payments"), "Payments", 1)
	if err != nil {
		return err
	}
	if err := s.header(x.l("paid_at"), x.l("code"), x.l("last_name"), x.l("first_name"), x.l("category"),
		x.l("amount"), x.l("method"), x.l("desk"), x.l("undone_at")); err != nil {
		return err
	}
	var total int64
	byMethod := map[data.PaymentMethod]int64{}
	row := make([]any, 0, 9)
	for i := range lines {
		l := &lines[i]
		var undone any
		if l.Undone() {
			undone = x.timeCell(l.UndoneAt, x.datetime)
		} else {
			total += l.AmountCents
			byMethod[l.Method] += l.AmountCents
		}
		row = append(row[:0], x.timeCell(l.At, x.datetime), x.text(l.Code), x.text(l.LastName), x.text(l.FirstName),
			x.text(l.Category), x.euros(l.AmountCents), x.l("method."+string(l.Method)), x.text(l.Desk), undone)
		if err := s.add(row); err != nil {
			return err
		}
	}
	s.skip()
	if err := s.add([]any{wbStyled(x.l("total_paid"), x.total), nil, nil, nil, nil, x.euros(total)}); err != nil {
		return err
	}
	for _, m := range data.PaymentMethods {
		if byMethod[m] == 0 {
			continue
		}
		if err := s.add([]any{x.l("method." + string(m)), nil, nil, nil, nil, x.euros(byMethod[m])}); err != nil {
			return err
		}
	}
	return s.finish()
}

// euros is an amount in cents as a number of euros, in the euro format.
func (x *xlsx) euros(cents int64) any { return wbStyled(float64(cents)/100, x.money) }
