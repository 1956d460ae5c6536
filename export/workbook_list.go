package export

import (
	"context"
	"io"
	"strings"
	"time"

	"congres/data"
)

// ListInput is a list preset ready to export: its columns, and the people
// its filter selects, one at a time.
type ListInput struct {
	Preset   data.ListPreset
	Congress string     // the congress's name, printed at the top of pages
	Days     []data.Day // the congress days, for the "days" and "arrivals" columns
	// Lang is the congress's output language ("fr", "en"): the language
	// the list is written in (WorkbookOptions.Lang, CSVOptions.Lang).
	Lang string
	// Attendees calls fn for every person of the list, in its order, and
	// stops at fn's first error, which it returns. Nil: an empty list.
	Attendees func(fn func(*data.Attendee) error) error
	// Total is how many people Attendees gives, for the progress; 0 if not
	// known.
	Total int

	// Tests set these instead of data.ListColumns and data.ColumnValue.
	columns []data.ListColumn
	value   func(a *data.Attendee, key string, days []data.Day) any
}

// The reasons a list is refused.
var (
	ErrListNoColumns = &Error{Code: "list_no_columns",
		EN: "The list “%s” has no columns: choose at least one.",
		FR: "La liste «%s» n'a aucune colonne : choisissez-en au moins une."}
	ErrListColumn = &Error{Code: "list_column_unknown",
		EN: "The list “%s” has a column “%s” that Congrès does not know.",
		FR: "La liste «%s» a une colonne «%s» que Congrès ne connaît pas."}
)

// ListStore is what loading a list reads from a congress. *data.Store is
// one.
type ListStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	EachAttendee(ctx context.Context, q data.ParticipantQuery, fn func(*data.Attendee) error) error
}

// LoadList prepares a preset for export: the congress's name and days, and
// an Attendees that reads the people the preset's filter selects, page by
// page, with ctx.
func LoadList(ctx context.Context, st ListStore, preset data.ListPreset) (ListInput, error) {
	c, err := st.Congress(ctx)
	if err != nil {
		return ListInput{}, err
	}
	q := preset.Filter
	q.Limit, q.Offset = 0, 0
	ids, err := st.ParticipantIDs(ctx, q)
	if err != nil {
		return ListInput{}, err
	}
	return ListInput{
		Preset:   preset,
		Congress: congressTitle(c),
		Days:     c.Days,
		Lang:     c.OutputLanguage(),
		Total:    len(ids),
		Attendees: func(fn func(*data.Attendee) error) error {
			return st.EachAttendee(ctx, q, fn)
		},
	}, nil
}

// listColumns are the preset's columns, in its order.
func (in *ListInput) listColumns() ([]data.ListColumn, error) {
	all := in.columns
	if all == nil {
		all = data.ListColumns()
	}
	if len(in.Preset.Columns) == 0 {
		return nil, ErrListNoColumns.with(in.Preset.Name)
	}
	cols := make([]data.ListColumn, 0, len(in.Preset.Columns))
	for _, key := range in.Preset.Columns {
		found := false
		for _, c := range all {
			if c.Key == key {
				cols = append(cols, c)
				found = true
				break
			}
		}
		if !found {
			return nil, ErrListColumn.with(in.Preset.Name, key)
		}
	}
	return cols, nil
}

func (in *ListInput) valueFunc() func(*data.Attendee, string, []data.Day) any {
	if in.value != nil {
		return in.value
	}
	return data.ColumnValue
}

func columnLabel(c data.ListColumn, lang string) string {
	if lang == "fr" && c.LabelFR != "" {
		return c.LabelFR
	}
	if c.LabelEN != "" {
		return c.LabelEN
	}
	return c.Key
}

// eachListRow calls row with the values of every person of the list, and
// reports progress and checks ctx as it goes. vals is reused. A status
// comes from data as its stable value ("confirmed") and is written in lang.
func eachListRow(ctx context.Context, in *ListInput, cols []data.ListColumn, lang string, progress func(done, total int), row func(vals []any) error) error {
	value := in.valueFunc()
	vals := make([]any, len(cols))
	n := 0
	if in.Attendees != nil {
		err := in.Attendees(func(a *data.Attendee) error {
			n++
			if n%wbCheckEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			for i, c := range cols {
				switch c.Key {
				case "days":
					vals[i] = listDays(a.Days)
				case "arrivals":
					vals[i] = listArrivals(a.Arrivals, in.Days)
				default:
					vals[i] = value(a, c.Key, in.Days)
				}
				if s, ok := vals[i].(string); ok && c.Key == "status" {
					vals[i] = wbStatus(lang, data.Status(s))
				}
			}
			if err := row(vals); err != nil {
				return err
			}
			if progress != nil && n%progressEvery == 0 {
				progress(n, max(in.Total, n))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if progress != nil {
		progress(n, max(in.Total, n))
	}
	return nil
}

// WriteListXLSX writes a list preset as a workbook of one sheet named after
// the preset: its columns in order, labelled in opts.Lang, values typed
// (text, numbers, Oui/Non, dates), with the set-up of every sheet (styled,
// frozen, filterable header; fitted widths; A4 landscape).
func WriteListXLSX(ctx context.Context, w io.Writer, in ListInput, opts WorkbookOptions) error {
	cols, err := in.listColumns()
	if err != nil {
		return err
	}
	x, err := newXLSX(in.Congress, opts)
	if err != nil {
		return err
	}
	defer x.close()
	s, err := x.newSheet(in.Preset.Name, x.l("sheet.list"), 1)
	if err != nil {
		return err
	}
	s.hfLeft = in.Preset.Name
	labels := make([]string, len(cols))
	for i, c := range cols {
		labels[i] = columnLabel(c, x.lang)
	}
	if err := s.header(labels...); err != nil {
		return err
	}
	cells := make([]any, len(cols))
	err = eachListRow(ctx, &in, cols, x.lang, opts.Progress, func(vals []any) error {
		for i, v := range vals {
			cells[i] = x.value(v)
		}
		return s.add(cells)
	})
	if err != nil {
		return err
	}
	if err := s.finish(); err != nil {
		return err
	}
	return x.write(w)
}

// listText is a text of ours, not a person's: written as it is.
type listText string

// listDays and listArrivals write a person's days and arrivals with their
// year, as ISO dates that every spreadsheet reads as the right date
// ("2026-11-25, 2026-11-26"; "2026-11-25 09:12"). data.ColumnValue writes
// them as "25/11", which a spreadsheet opening a CSV takes for a date of
// this year.
func listDays(days []data.Day) listText {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = string(d)
	}
	return listText(strings.Join(parts, ", "))
}

func listArrivals(arrivals []time.Time, days []data.Day) listText {
	var parts []string
	for i, at := range arrivals {
		if i < len(days) && !at.IsZero() {
			parts = append(parts, string(days[i])+" "+at.Local().Format("15:04"))
		}
	}
	return listText(strings.Join(parts, ", "))
}
