package stores

import (
	"context"

	"congres/data"
	"congres/data/postgres"
)

// openServer opens the congress on the server at url.
func openServer(ctx context.Context, url string) (*data.Store, error) {
	return postgres.OpenStore(ctx, url)
}

// createServer writes a new congress c into the empty database at url.
func createServer(ctx context.Context, url string, c data.Congress) (*data.Store, error) {
	return postgres.Create(ctx, url, c)
}
