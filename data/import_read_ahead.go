package data

import (
	"io"
	"sync"
)

// decideRows reads the file's rows and decides each in turn (row). The rows
// are read and parsed in a goroutine of their own (readRecords), a batch
// ahead of those being decided: the two take about as long (0.4 and 0.8 s
// of CPU for 100,000 rows), and a second core does the reading. The rows
// are decided in the file's order, as read, and the progress is reported
// after the same rows as when one goroutine did both.
func (im *importer) decideRows(parser *RecordParser) error {
	batches, stop := make(chan recordBatch, 4), make(chan struct{})
	var reading sync.WaitGroup
	reading.Add(1)
	go func() {
		defer reading.Done()
		im.readRecords(parser, batches, stop)
	}()
	defer func() {
		close(stop)
		reading.Wait()
	}()
	n := 0
	for b := range batches {
		for i := range b.recs {
			if err := im.ctx.Err(); err != nil {
				return err
			}
			if err := im.row(&b.recs[i]); err != nil {
				return err
			}
			if n++; n%progressEvery == 0 && im.opts.Progress != nil {
				im.opts.Progress(b.done, b.total)
			}
		}
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// recordBatch is rows read and parsed, and how far the reading was after
// them; err is the error that ended the reading (not io.EOF), after them.
type recordBatch struct {
	recs        []ImportRecord
	done, total int64
	err         error
}

// readBatch is how many rows a recordBatch holds: it divides progressEvery,
// so that progress is reported as the rows are, after the same rows.
const readBatch = 200

// readRecords reads and parses the file's rows into batches until its end,
// an error, or stop. It alone reads the file and uses parser until it
// returns: the batches channel is closed then.
func (im *importer) readRecords(parser *RecordParser, batches chan<- recordBatch, stop <-chan struct{}) {
	defer close(batches)
	b := recordBatch{recs: make([]ImportRecord, 0, readBatch)}
	for n := 1; ; n++ {
		row, err := im.file.Next()
		if err == nil && n > maxImportRows {
			err = ErrImportTooManyRows.With(maxImportRows)
		}
		if err == nil {
			b.recs = append(b.recs, parser.Parse(row))
		} else if err != io.EOF {
			b.err = err
		}
		if err != nil || len(b.recs) == readBatch {
			b.done, b.total = im.file.Progress()
			select {
			case batches <- b:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
			b = recordBatch{recs: make([]ImportRecord, 0, readBatch)}
		}
	}
}
