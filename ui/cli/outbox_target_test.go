package cli

import "testing"

// TestOutboxImportSuggestion: the import that outbox export suggests names
// the server and database of the desk's URL with a placeholder for an
// organiser's user name, never the desk's user, password or certificate.
func TestOutboxImportSuggestion(t *testing.T) {
	for _, c := range []struct{ target, user, want string }{
		{"postgres://accueil2:secret@congres.example:5432/congres2026?sslmode=verify-full",
			"ORGANISER", "postgres://ORGANISER@congres.example:5432/congres2026?sslmode=verify-full"},
		{"postgresql://accueil2@db.local/congres?sslcert=%2Fhome%2Fdesk.crt&sslkey=%2Fhome%2Fdesk.key&sslmode=require",
			"ORGANISATEUR", "postgresql://ORGANISATEUR@db.local/congres?sslmode=require"},
		{"postgres://db.local/congres?user=accueil2&password=secret", "ORGANISER", "postgres://ORGANISER@db.local/congres"},
		{"host=db.local dbname=congres user=accueil2 password=secret sslmode=require",
			"ORGANISER", "user=ORGANISER host=db.local dbname=congres sslmode=require"},
	} {
		if got := organiserTarget(c.target, c.user); got != c.want {
			t.Errorf("organiserTarget(%q) = %q, want %q", c.target, got, c.want)
		}
	}
}
