package postgres

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"congres/data"
)

// tlsURL is u asking for TLS with sslmode, and the test server's authority
// as sslrootcert when ca is set.
func tlsURL(t *testing.T, u, sslmode string, ca bool) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Query()
	q.Set("sslmode", sslmode)
	if ca {
		file := os.Getenv("CONGRES_TEST_POSTGRES_CA")
		if file == "" {
			t.Fatal("CONGRES_TEST_POSTGRES_CA is not set: the test server's certificate authority (.ci/postgres sets it)")
		}
		q.Set("sslrootcert", file)
	}
	p.RawQuery = q.Encode()
	return p.String()
}

// TestTLS: a URL that asks for TLS gets it, verified against the authority
// it names; a certificate that cannot be verified is a sentence, and
// nothing is sent.
func TestTLS(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	for _, mode := range []string{"require", "verify-full"} {
		u := tlsURL(t, dbURL, mode, mode == "verify-full")
		s := mustOpen(t, u)
		if got := query(t, s, "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"); len(got) != 1 || got[0][0] != "true" || !strings.HasPrefix(got[0][1], "TLS") {
			t.Errorf("sslmode=%s: the connection is not encrypted: %v", mode, got)
		}
		st, err := OpenStore(ctx, u)
		if err != nil {
			t.Fatalf("sslmode=%s: %v", mode, err)
		}
		if !strings.Contains(st.Location(), "sslmode="+mode) || strings.Contains(st.Location(), password(dbURL)) {
			t.Errorf("the store's location keeps the URL's TLS settings and drops its password: %s", st.Location())
		}
		st.Close()
	}
	// verify-full without the authority: the system's do not know it.
	_, err := Open(ctx, tlsURL(t, dbURL, "verify-full", false))
	if !errors.Is(err, ErrServerCertificate) {
		t.Fatalf("an unverifiable certificate: want ErrServerCertificate, got %v", err)
	}
	var de *data.Error
	if !errors.As(err, &de) || !strings.Contains(de.Message("fr"), "certificat") || strings.Contains(err.Error(), password(dbURL)) {
		t.Errorf("the sentence: %v", err)
	}
	// The server's name as the certificate gives it too (localhost).
	p, _ := url.Parse(tlsURL(t, dbURL, "verify-full", true))
	p.Host = strings.Replace(p.Host, "127.0.0.1", "localhost", 1)
	mustOpen(t, p.String())
}
