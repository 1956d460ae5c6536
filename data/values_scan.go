package data

import (
	"fmt"
	"time"
)

// How the rules read a day and a time from either engine: SQLite keeps them
// as text (a day as 2006-01-02, a time as formatTime writes it); a server
// keeps a date and a timestamptz, which its driver gives as time.Time.

// Scan reads a day from a column: SQLite's text as it is, a server's date
// as its calendar date.
func (d *Day) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*d = Day(v)
	case []byte:
		*d = Day(v)
	case time.Time:
		*d = Day(v.Format(time.DateOnly))
	default:
		return fmt.Errorf("data: a day cannot be read from %T", src)
	}
	return nil
}

// timeText reads a time as the file writes it (formatTime), whichever the
// engine: SQLite's text as it is, a server's timestamptz formatted the
// same way, so that such times sort as text on both. NULL reads as "".
type timeText string

// Scan reads the time of a column.
func (t *timeText) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*t = ""
	case string:
		*t = timeText(v)
	case []byte:
		*t = timeText(v)
	case time.Time:
		*t = timeText(formatTime(v))
	default:
		return fmt.Errorf("data: a time cannot be read from %T", src)
	}
	return nil
}

// time is the time read, in UTC; the zero time when none was.
func (t timeText) time() time.Time { return parseTime(string(t)) }
