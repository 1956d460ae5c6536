package postgres

import (
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://congres:s3cret@127.0.0.1:5432/congres?sslmode=disable", "postgres://congres@127.0.0.1:5432/congres?sslmode=disable"},
		{"postgresql://desk1:p%40ss%2Fword@venue.local/congres", "postgresql://desk1@venue.local/congres"},
		{"postgres://organiser@venue.local/congres", "postgres://organiser@venue.local/congres"},
		{"postgres://venue.local/congres", "postgres://venue.local/congres"},
		{"postgres://:s3cret@venue.local/congres", "postgres://venue.local/congres"},
		{"postgres://desk1@venue.local/congres?password=s3cret&sslmode=require", "postgres://desk1@venue.local/congres?sslmode=require"},
		{"POSTGRES://desk1@venue.local/congres?PASSWORD=s3cret&sslpassword=s3cret", "postgres://desk1@venue.local/congres"},
		{"host=venue.local user=desk1 password=s3cret dbname=congres", "host=venue.local user=desk1 dbname=congres"},
		{"host=venue.local password = 's3 cr\\'et' dbname=congres", "host=venue.local dbname=congres"},
		{"postgres://desk1:s3cret@venue.local:bad port/congres", "postgres://…@venue.local:bad port/congres"},
		{"/home/marie/Congrès 2026.congres", "/home/marie/Congrès 2026.congres"},
		{"", ""},
	} {
		got := RedactURL(c.in)
		if got != c.want {
			t.Errorf("RedactURL(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.Contains(got, "s3") || strings.Contains(got, "p%40ss") {
			t.Errorf("RedactURL(%q) = %q shows the password", c.in, got)
		}
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://venue.local/congres":    true,
		"postgresql://venue.local/congres":  true,
		"PostgreSQL://venue.local/congres":  true,
		"/home/marie/congres.congres":       false,
		"C:\\Users\\marie\\congres.congres": false,
		"postgres.congres":                  false,
	} {
		if got := IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", in, got, want)
		}
	}
}
