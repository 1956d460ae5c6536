package data

import (
	"context"
	"testing"
)

// The attendance workbook of the 50,000-person demo: the summary, every
// participant, every session's sheet, the stands and the catering must
// together take well under the 2 s.

func BenchmarkAttendanceSummary50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		sum, err := s.AttendanceSummary(ctx)
		if err != nil || len(sum.Sessions) != 22 {
			b.Fatal(len(sum.Sessions), err)
		}
	}
}

func BenchmarkEachAttendee50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := s.EachAttendee(ctx, ParticipantQuery{Sort: SortName}, func(a *Attendee) error {
			n++
			return nil
		}); err != nil || n != 50000 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkEachAttendeeColumns50k is a list of every column, as a writer
// reads it: the next page is read while the columns of this one are taken.
func BenchmarkEachAttendeeColumns50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	c, err := s.Congress(ctx)
	if err != nil {
		b.Fatal(err)
	}
	cols := ListColumns()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := s.EachAttendee(ctx, ParticipantQuery{Sort: SortName}, func(a *Attendee) error {
			for _, col := range cols {
				if ColumnValue(a, col.Key, c.Days) != nil {
					n++
				}
			}
			return nil
		}); err != nil || n != 50000*len(cols) {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkCatering50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		days, err := s.Catering(ctx)
		if err != nil || len(days) != 2 {
			b.Fatal(days, err)
		}
	}
}

// BenchmarkSessionAttendeesAll50k reads every session's sheet, as the
// workbook does.
func BenchmarkSessionAttendeesAll50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	sessions, err := s.Sessions(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, se := range sessions {
			if _, err := s.SessionAttendees(ctx, se.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkStandLines50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.StandLines(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCertificates50k: everyone who came on the first morning of the
// demo (about 37,000 people).
func BenchmarkCertificates50k(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Sort: SortName, CheckedIn: Yes})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rows, err := s.Certificates(ctx, ids)
		if err != nil || len(rows) != len(ids) {
			b.Fatal(len(rows), len(ids), err)
		}
	}
}
