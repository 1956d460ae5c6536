package stores

import (
	"context"

	"congres/data"
	"congres/data/postgres"
)

// ErrBadURL: a server's connection string that cannot be read.
var ErrBadURL = data.NewError(data.KindInvalid, "bad_url",
	"%s is not a server address Congrès can read: check the server's name, its port and the options after “?” (sslmode…).",
	"%s n'est pas une adresse de serveur que Congrès sait lire : vérifiez le nom du serveur, son port et les options après «?» (sslmode…).")

// openServer opens the congress on the server at url.
func openServer(ctx context.Context, url string) (*data.Store, error) {
	s, err := postgres.OpenStore(ctx, url)
	return s, badURL(url, err)
}

// createServer writes a new congress c into the empty database at url.
func createServer(ctx context.Context, url string, c data.Congress) (*data.Store, error) {
	s, err := postgres.Create(ctx, url, c)
	return s, badURL(url, err)
}

// badURL turns the driver's refusal to read url into a sentence; other
// errors are returned as they are.
func badURL(url string, err error) error {
	if postgres.IsBadURL(err) {
		return ErrBadURL.With(Redact(url))
	}
	return err
}
