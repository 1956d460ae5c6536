package stores

import (
	"context"
	"errors"

	"congres/data"
)

// errNoServer: this build cannot open a congress on a server yet.
var errNoServer = errors.New("stores: this version of Congrès does not open a congress on a server yet")

// openServer opens the congress on the server at url.
func openServer(ctx context.Context, url string) (*data.Store, error) {
	return nil, errNoServer
}

// createServer writes a new congress c into the empty database at url.
func createServer(ctx context.Context, url string, c data.Congress) (*data.Store, error) {
	return nil, errNoServer
}
