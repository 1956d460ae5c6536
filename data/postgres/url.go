package postgres

import (
	"errors"
	"net/url"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsURL reports whether s names a congress on a server (postgres:// or
// postgresql://) rather than a file.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// secretParams are the connection parameters that hold a secret.
var secretParams = []string{"password", "sslpassword"}

// keywordSecret matches a secret in the keyword/value form
// ("host=db password='a b' user=x"), quoted or not.
var keywordSecret = regexp.MustCompile(`(?i)\s*\b(?:ssl)?password\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S*)`)

// RedactURL returns a connection string without its password, to be shown
// and logged: postgres://user:secret@host/db becomes postgres://user@host/db,
// and password (or sslpassword) parameters are removed, in a URL's query as
// in the keyword/value form. Anything else (a file's path) is returned as
// it is. A URL too malformed to read loses all that stands before its last
// @.
func RedactURL(s string) string {
	if !IsURL(s) {
		if strings.Contains(strings.ToLower(s), "password") && strings.Contains(s, "=") {
			return strings.TrimSpace(keywordSecret.ReplaceAllString(s, ""))
		}
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		scheme, rest, _ := strings.Cut(s, "://")
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = "…" + rest[at:]
		}
		if q := strings.Index(rest, "?"); q >= 0 {
			rest = rest[:q]
		}
		return scheme + "://" + rest
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
		if u.User.Username() == "" {
			u.User = nil
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		for _, p := range secretParams {
			for k := range q {
				if strings.EqualFold(k, p) {
					q.Del(k)
				}
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// IsBadURL reports whether err is the driver's refusal to read a connection
// string (not a server's answer).
func IsBadURL(err error) bool {
	var pe *pgconn.ParseConfigError
	return errors.As(err, &pe)
}

// ServerOf reads the server's host, port and database from a connection
// string (a URL or the keyword form, with PostgreSQL's defaults for what it
// leaves out).
func ServerOf(target string) (host string, port uint16, database string, err error) {
	c, err := pgconn.ParseConfig(target)
	if err != nil {
		return "", 0, "", err
	}
	return c.Host, c.Port, c.Database, nil
}
