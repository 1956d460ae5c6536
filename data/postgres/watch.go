package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"congres/data"
)

// How a watcher follows its server: it waits for a notification at most
// watchIdle, then pings the server, which has watchAnswer to answer; a
// server lost is tried again every watchRetry.
var (
	watchIdle   = time.Second
	watchAnswer = 2 * time.Second
	watchRetry  = time.Second
)

// watcher follows the congress at url with LISTEN on its own connection.
type watcher struct{ url string }

// Watch implements data.Watcher: every notification of a write is
// ServerChanged; a connection that fails, or a server that does not answer
// a ping within watchAnswer, is ServerLost, and the connection made again
// afterwards is ServerBack.
func (w watcher) Watch(ctx context.Context, event func(data.ServerEvent)) {
	lost := false
	for ctx.Err() == nil {
		err := w.listen(ctx, func() {
			if lost {
				lost = false
				event(data.ServerBack)
			}
		}, event)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !lost {
			lost = true
			event(data.ServerLost)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(watchRetry):
		}
	}
}

// listen connects, calls connected once it listens, then passes on the
// notifications until the connection fails or ctx ends.
func (w watcher) listen(ctx context.Context, connected func(), event func(data.ServerEvent)) error {
	cctx, cancel := context.WithTimeout(ctx, watchAnswer)
	conn, err := pgx.Connect(cctx, w.url)
	cancel()
	if err != nil {
		return err
	}
	defer func() {
		c, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(c)
		cancel()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+changedChannel); err != nil {
		return err
	}
	connected()
	for {
		wctx, cancel := context.WithTimeout(ctx, watchIdle)
		_, err := conn.WaitForNotification(wctx)
		cancel()
		switch {
		case ctx.Err() != nil:
			return nil
		case err == nil:
			event(data.ServerChanged)
			continue
		case !errors.Is(err, context.DeadlineExceeded):
			return err
		}
		// Quiet for a while: is the server still there?
		pctx, cancel := context.WithTimeout(ctx, watchAnswer)
		err = conn.Ping(pctx)
		cancel()
		if err != nil {
			return err
		}
	}
}
