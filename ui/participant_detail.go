package ui

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// participantDetailStore is what the detail panel reads and writes.
type participantDetailStore interface {
	Participant(ctx context.Context, id int64) (data.Participant, error)
	ParticipantEnrolments(ctx context.Context, participantID int64) ([]data.Enrolment, error)
	CheckinLog(ctx context.Context, participantID int64) ([]data.Checkin, error)
	BadgePrints(ctx context.Context, participantID int64) ([]data.BadgePrint, error)
	PossibleDuplicates(ctx context.Context, p data.Participant) ([]data.Duplicate, error)
	PlanMerge(ctx context.Context, aID, bID int64) (data.MergePlan, error)
	CodeAliases(ctx context.Context, participantID int64) ([]string, error)
	Tickets(ctx context.Context, participantID int64) ([]data.Ticket, error)
	Payments(ctx context.Context, participantID int64) ([]data.Payment, error)
	MergeParticipants(ctx context.Context, keepID, dropID int64, choice map[data.MergeField]data.MergeSource) (data.MergeReport, error)
	DeleteParticipant(ctx context.Context, id int64) error
	SetParticipantStatus(ctx context.Context, id int64, st data.Status) error
	Sessions(ctx context.Context) ([]data.Session, error)
}

// participantInfo is what the detail panel shows of one participant.
type participantInfo struct {
	p          data.Participant
	category   string
	enrolments []data.Enrolment
	checkins   []data.Checkin
	prints     []data.BadgePrint
	dups       []data.Duplicate
	aliases    []string         // codes of the records merged into theirs
	tickets    []data.Ticket    // the e-tickets they hold, which the desk scans too
	payments   []data.Payment   // fees paid at the desk, undone ones included
	sessions   map[int64]string // titles, for the check-in log
}

// participantDetail shows the participant picked in the table: their
// enrolments, check-ins, badge prints and possible duplicates. UI thread
// only, but for latest.
type participantDetail struct {
	s      *participantsScreen
	id     int64 // the participant shown, 0 for none
	info   participantInfo
	latest atomic.Uint64 // numbers the reads; older ones are dropped

	name, summary                *widget.Label
	status                       *widget.Label // what printing the badge did
	edit, del, printBadge        *widget.Button
	enrolments, checkins, prints *textTable
	dupList                      *widgets.List
	tabs                         *container.AppTabs
	tabEnrol, tabCheck, tabPrint *container.TabItem
	tabDups                      *container.TabItem
	merge                        *participantMerge // the last merge dialog opened
	content                      *fyne.Container
	empty                        *widget.Label

	payments *textTable         // fees paid at the desk (participant_payments.go)
	tabPay   *container.TabItem // their tab
}

func newParticipantDetail(s *participantsScreen) *participantDetail {
	return &participantDetail{s: s}
}

func (d *participantDetail) build() fyne.CanvasObject {
	d.name = widget.NewLabel("")
	d.name.SizeName = theme.SizeNameSubHeadingText
	d.name.TextStyle.Bold = true
	d.name.Truncation = fyne.TextTruncateEllipsis
	d.summary = widget.NewLabel("")
	d.summary.Wrapping = fyne.TextWrapWord
	d.edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), d.onEditTapped)
	d.del = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), d.onDeleteTapped)
	d.del.Importance = widget.DangerImportance
	d.printBadge = widget.NewButtonWithIcon(lang.L("Print badge"), theme.DocumentPrintIcon(), d.onPrintBadgeTapped)
	showIf(d.printBadge, d.s.badges != nil)
	d.status = widget.NewLabel("")
	d.status.Importance = widget.SuccessImportance
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Hide()

	d.enrolments = newTextTable([]string{lang.L("Session"), lang.L("Day"), lang.L("Time"), lang.L("Status"),
		lang.L("Waiting list")}, []float32{320, 185, 105, 150, 130})
	d.checkins = newTextTable([]string{lang.L("Date and time"), lang.L("Day"), lang.L("What"), lang.L("Desk")},
		[]float32{170, 185, 330, 150})
	d.prints = newTextTable([]string{lang.L("Date and time"), lang.L("Layout")}, []float32{170, 420})
	d.dupList = widgets.NewList(func() int { return len(d.info.dups) }, d.newDuplicateItem, d.updateDuplicateItem)
	d.tabEnrol = container.NewTabItem("", d.enrolments.table)
	d.tabCheck = container.NewTabItem("", d.checkins.table)
	d.tabPrint = container.NewTabItem("", d.prints.table)
	d.tabDups = container.NewTabItem("", d.dupList)
	d.payments = newPaymentsTable()
	d.tabPay = container.NewTabItem("", d.payments.table)
	d.tabs = container.NewAppTabs(d.tabEnrol, d.tabCheck, d.tabPay, d.tabPrint, d.tabDups)
	d.tabs.OnSelected = func(*container.TabItem) { d.s.detailShownOrHidden() }

	head := container.NewBorder(nil, nil, nil, container.NewHBox(d.printBadge, d.edit, d.del), d.name)
	d.content = container.NewBorder(container.NewVBox(head, d.summary, d.status), nil, nil, nil, d.tabs)
	d.empty = widget.NewLabel(lang.L("Choose a participant in the list to see their enrolments, check-ins and badge prints."))
	d.empty.Wrapping = fyne.TextWrapWord
	d.empty.Alignment = fyne.TextAlignCenter
	d.clear()
	return container.NewStack(keepLastWords(d.empty), d.content) // never "imprimés." alone
}

// clear shows no one.
func (d *participantDetail) clear() {
	d.id, d.info = 0, participantInfo{}
	d.latest.Add(1) // a read under way is for someone else
	d.content.Hide()
	d.empty.Show()
	d.s.detailShownOrHidden()
}

// showAsync reads and shows a participant.
func (d *participantDetail) showAsync(id int64) {
	if id != d.id {
		d.id = id
		d.setStatus("")
		d.reloadAsync()
	}
}

// reloadAsync reads the participant shown again.
func (d *participantDetail) reloadAsync() {
	id := d.id
	if id == 0 {
		return
	}
	n := d.latest.Add(1)
	d.s.env.tasks.runAsync(d.s.env.ctx, func(ctx context.Context) func() {
		info, err := d.fetch(ctx, id)
		return func() {
			if n != d.latest.Load() {
				return
			}
			switch {
			case data.KindOf(err) == data.KindNotFound:
				d.s.bulk.forget(id) // deleted, or merged into another: out of the selection
			case err != nil:
				showError(d.s.env.win, err)
			default:
				d.fill(info)
			}
		}
	})
}

// fetch reads what the panel shows of a participant. Any goroutine.
func (d *participantDetail) fetch(ctx context.Context, id int64) (participantInfo, error) {
	st := d.s.store
	var info participantInfo
	var err error
	if info.p, err = st.Participant(ctx, id); err != nil {
		return info, err
	}
	rows, err := st.ParticipantRows(ctx, []int64{id}) // for the category's name
	if err != nil {
		return info, err
	}
	if len(rows) == 1 {
		info.category = rows[0].Category
	}
	if info.enrolments, err = st.ParticipantEnrolments(ctx, id); err != nil {
		return info, err
	}
	if info.checkins, err = st.CheckinLog(ctx, id); err != nil {
		return info, err
	}
	if info.prints, err = st.BadgePrints(ctx, id); err != nil {
		return info, err
	}
	if info.dups, err = st.PossibleDuplicates(ctx, info.p); err != nil {
		return info, err
	}
	if info.aliases, err = st.CodeAliases(ctx, id); err != nil {
		return info, err
	}
	if info.tickets, err = st.Tickets(ctx, id); err != nil {
		return info, err
	}
	if info.payments, err = st.Payments(ctx, id); err != nil {
		return info, err
	}
	info.sessions = map[int64]string{}
	for _, c := range info.checkins {
		if c.SessionID != 0 {
			sessions, err := st.Sessions(ctx)
			for _, se := range sessions {
				info.sessions[se.ID] = se.Title
			}
			return info, err
		}
	}
	return info, nil
}

// fill shows what was read.
func (d *participantDetail) fill(info participantInfo) {
	d.info = info
	p := info.p
	d.name.SetText(p.FullName())
	var parts []string
	work := p.Organisation
	if p.JobTitle != "" {
		work = strings.TrimSuffix(p.JobTitle+", "+p.Organisation, ", ")
	}
	code := p.Code
	if len(info.aliases) > 0 {
		code += " " + lang.L("(also {{.Codes}})", map[string]any{"Codes": strings.Join(info.aliases, ", ")})
	}
	for _, s := range []string{code, ticketsText(info.tickets), info.category, statusLabel(p.Status), p.Email, p.Phone, work, p.Region} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	d.summary.SetText(strings.Join(parts, " · "))

	rows := make([][]string, len(info.enrolments))
	for i, e := range info.enrolments {
		pos := ""
		if e.Status == data.Waitlisted {
			pos = lang.L("No. {{.N}}", map[string]any{"N": formatCount(e.Position)})
		}
		rows[i] = []string{e.SessionTitle, dayLong(e.Day), e.Start.String() + "–" + e.End.String(), enrolmentStatusText(e.Status), pos}
	}
	d.enrolments.setRows(rows)

	rows = make([][]string, len(info.checkins))
	for i, c := range info.checkins {
		rows[i] = []string{dateTime(c.At), dayLong(c.Day), checkinText(c, info.sessions), c.Desk}
	}
	d.checkins.setRows(rows)

	rows = make([][]string, len(info.prints))
	for i, b := range info.prints {
		rows[i] = []string{dateTime(b.At), layoutLabel(b.Layout)}
	}
	d.prints.setRows(rows)
	d.payments.setRows(paymentRows(info.payments))
	d.dupList.Refresh()

	d.tabEnrol.Text = lang.L("Enrolments ({{.Count}})", map[string]any{"Count": formatCount(len(info.enrolments))})
	d.tabCheck.Text = lang.L("Check-ins ({{.Count}})", map[string]any{"Count": formatCount(len(info.checkins))})
	d.tabPrint.Text = lang.L("Badge prints ({{.Count}})", map[string]any{"Count": formatCount(len(info.prints))})
	d.tabPay.Text = lang.L("Payments ({{.Count}})", map[string]any{"Count": formatCount(len(info.payments))})
	d.tabDups.Text = lang.L("Possible duplicates ({{.Count}})", map[string]any{"Count": formatCount(len(info.dups))})
	d.tabs.Refresh()
	d.empty.Hide()
	d.content.Show()
	d.s.detailShownOrHidden() // the rows shown may need more room, or less
}

// want is the height the detail needs: detailWant for four rows of the
// tab shown, a row less for each it does not have (one at least).
func (d *participantDetail) want() float64 {
	n := 4
	switch d.tabs.Selected() {
	case d.tabEnrol:
		n = len(d.info.enrolments)
	case d.tabCheck:
		n = len(d.info.checkins)
	case d.tabPrint:
		n = len(d.info.prints)
	case d.tabPay:
		n = len(d.payments.rows)
	case d.tabDups:
		n = len(d.info.dups)
	}
	row := newCellLabel().MinSize().Height + theme.Padding()
	return detailWant - float64(4-min(max(n, 1), 4))*float64(row)
}

// countTickets counts a person's e-tickets and form answers.
func countTickets(tickets []data.Ticket) (eTickets, answers int) {
	for _, t := range tickets {
		if data.IsFormResponse(t.Code) {
			answers++
		} else {
			eTickets++
		}
	}
	return eTickets, answers
}

// ticketsText lists the e-tickets a person holds; "" for none.
func ticketsText(tickets []data.Ticket) string {
	var codes []string
	for _, t := range tickets {
		if !data.IsFormResponse(t.Code) { // a form's response, kept by the import to know the row again
			codes = append(codes, t.Code)
		}
	}
	if len(codes) == 0 {
		return ""
	}
	return lang.N("E-tickets: {{.Tickets}}", len(codes), map[string]any{"Tickets": strings.Join(codes, ", ")})
}

// enrolmentStatusText is where a person stands for a session.
func enrolmentStatusText(st data.EnrolmentStatus) string {
	switch st {
	case data.Enrolled:
		return lang.L("Enrolled")
	case data.Waitlisted:
		return lang.L("On the waiting list")
	}
	return lang.L("Withdrawn")
}

// checkinText says what a line of the check-in log records.
func checkinText(c data.Checkin, sessions map[int64]string) string {
	var text string
	switch c.Kind {
	case data.Arrival:
		text = lang.L("Arrival")
	case data.SessionEntry:
		text = lang.L("Entry: {{.Title}}", map[string]any{"Title": sessions[c.SessionID]})
	default:
		return lang.L("Undo of an earlier check-in")
	}
	if c.Undone {
		text += " " + lang.L("(undone)")
	}
	return text
}

func (d *participantDetail) newDuplicateItem() fyne.CanvasObject {
	merge := widget.NewButtonWithIcon(lang.L("Merge…"), theme.ContentCopyIcon(), nil)
	name := newCellLabel().(*widget.Label)
	name.TextStyle.Bold = true
	return container.NewBorder(nil, nil, nil, container.NewCenter(merge), container.NewVBox(name, newCellLabel()))
}

func (d *participantDetail) updateDuplicateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(d.info.dups) {
		return
	}
	dup := d.info.dups[id]
	box := o.(*fyne.Container)
	lines := box.Objects[0].(*fyne.Container).Objects
	reason := lang.L("same name and organisation")
	if dup.Reason == "email" {
		reason = lang.L("same email")
	}
	lines[0].(*widget.Label).SetText(dup.FullName() + " (" + dup.Code + ") — " + reason)
	var parts []string
	for _, s := range []string{dup.Email, dup.Organisation, statusLabel(dup.Status),
		lang.L("registered on {{.Date}}", map[string]any{"Date": dateTime(dup.CreatedAt)})} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	lines[1].(*widget.Label).SetText(strings.Join(parts, " · "))
	box.Objects[1].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() { d.onMergeTapped(dup.Participant) }
}

// onEditTapped edits the participant shown.
func (d *participantDetail) onEditTapped() {
	if d.id != 0 {
		d.s.openFormAsync(d.id)
	}
}

// onPrintBadgeTapped prints the badge of the participant shown, in the
// layout for one badge at a time, and shows it among their badge prints.
func (d *participantDetail) onPrintBadgeTapped() {
	id := d.id
	if id == 0 || d.s.badges == nil {
		return
	}
	d.setStatus("")
	d.s.badges.printOneAsync(id, func(res badgeResult) {
		if d.id == id {
			d.status.Importance = res.importance() // a warning when no PDF viewer answered
			d.setStatus(res.message)
			d.tabs.Select(d.tabPrint)
			d.reloadAsync()
		}
		d.s.queryAsync(false) // the list's Badge column
	})
}

// setStatus says what printing the badge did ("": nothing to say).
func (d *participantDetail) setStatus(text string) {
	d.status.SetText(text)
	showIf(d.status, text != "")
	d.content.Refresh()
}

// onDeleteTapped deletes the participant shown, once confirmed.
func (d *participantDetail) onDeleteTapped() {
	p := d.info.p
	if d.id == 0 {
		return
	}
	msg := lang.L("Delete {{.Name}} ({{.Code}})? Their places in sessions go to the people waiting. This cannot be undone.",
		map[string]any{"Name": p.FullName(), "Code": p.Code})
	// Their tickets are remembered (ticket_deleted): the platform's next
	// export does not bring them back (issue 19).
	switch eTickets, answers := countTickets(d.info.tickets); {
	case eTickets > 0:
		msg += "\n\n" + lang.L("They hold an e-ticket: the platform's next exports will still list them, and importing them will leave their row out and say so.")
	case answers > 0:
		msg += "\n\n" + lang.L("They answered the registration form: its next exports will still list them, and importing them will leave their row out and say so.")
	}
	d.confirm(lang.L("Delete a participant"), msg, lang.L("Delete"), func() { d.deleteAsync(p) })
}

// confirm asks before doing something that cannot be undone.
func (d *participantDetail) confirm(title, message, action string, do func()) {
	c := newConfirmation(d.s.env.win, title, message, func(ok bool) {
		if ok {
			do()
		}
	})
	c.SetConfirmText(action)
	c.SetDismissText(lang.L("Cancel"))
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}

func (d *participantDetail) deleteAsync(p data.Participant) {
	d.s.env.tasks.runAsync(d.s.env.ctx, func(ctx context.Context) func() {
		err := d.s.store.DeleteParticipant(ctx, p.ID)
		return func() {
			switch {
			case errors.Is(err, data.ErrCheckedIn), errors.Is(err, data.ErrHasPayments):
				d.offerCancel(p, err)
			case err != nil:
				showError(d.s.env.win, err)
			default:
				d.s.bulk.forget(p.ID)
				d.s.loadAsync()
			}
		}
	})
}

// offerCancel explains why someone who checked in stays, and offers to
// cancel their registration instead.
func (d *participantDetail) offerCancel(p data.Participant, err error) {
	confirm := newConfirmation(d.s.env.win, lang.L("Cannot delete"), data.Message(err, uiLanguage()),
		func(ok bool) {
			if ok {
				d.s.bulk.writeAsync(func(ctx context.Context) error {
					return d.s.store.SetParticipantStatus(ctx, p.ID, data.StatusCancelled)
				})
			}
		})
	confirm.SetConfirmText(lang.L("Cancel the registration"))
	confirm.SetDismissText(lang.L("Close"))
	confirm.Show()
}
