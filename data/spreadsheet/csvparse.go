package spreadsheet

import (
	"bufio"
	"bytes"
	"congres/data"
	"io"
	"unicode/utf8"
)

// Splitting CSV text into records the way LibreOffice and Excel do, one
// line at a time, with every line and cell bounded:
//
//   - a field that starts with a quote (after spaces, if any) is quoted: it
//     ends at a quote followed, after spaces, by the delimiter or the end of
//     the line; "" inside it is a quote; it may run over several lines
//     (answers of Google Forms do);
//   - a quote anywhere else is a character: `"Jo" Martin` is that text;
//   - a quoted field that is not closed that way (never closed, closed
//     in the middle of a word, or longer than a cell may be) is not quoted
//     after all: its opening quote is a character, the field ends at the
//     next delimiter of its line and the lines after it are read as rows
//     again, with a warning naming the line. One stray quote never
//     swallows the rest of the file.
//
// LibreOffice (Calc 7.4, checked by hand) reads every case of the tests
// the same way, so that the rows imported plus the rows rejected are the
// rows it shows.

// Bounds that keep an import's memory small whatever the file holds.
const (
	maxCellBytes = 32 << 10 // a cell: a long comment fits, a log or a binary does not
	maxLineBytes = 1 << 20  // a line of the file, all its cells together
)

// maxSourceWarnings bounds the warnings a source keeps.
const maxSourceWarnings = 1000

// newLineReader reads text with every line end made LF.
func newLineReader(r io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(&lineEndReader{r: r}, 64<<10)
}

// csvLine is one line of the file, without its line end; unended: the
// file ends on it without a line end (the last line of a file cut off, or
// of one written without a final line end).
type csvLine struct {
	n       int
	b       []byte
	unended bool
}

// csvParser splits decoded text (line ends made LF) into records.
type csvParser struct {
	br    *bufio.Reader
	delim byte
	name  string
	lines int       // lines read from br
	back  []csvLine // lines read ahead and given back, in order
	buf   []byte    // the line being read
	rec   []byte    // the record being read, its cells end to end
	ends  []int     // where each cell of rec ends

	// eightBit: the file is UTF-8 or Windows-1252, decided line by line
	// (a line that is not valid UTF-8 is Windows-1252), for files edited
	// by two programs. seenUTF8 and seen1252 note which were met.
	eightBit           bool
	seenUTF8, seen1252 bool
	mixedWarned        bool

	warnings []data.ImportIssue

	// Where the file ends as if cut off (see cutAt): unendedAt, the
	// first line of the record the file ends in without a line end;
	// openQuoteAt, that of a record with a quote still open there.
	unendedAt, openQuoteAt int
}

// cutAt tells whether the record starting on line n is where the file
// ends without a line end (unended), and whether a quote opened in it is
// still open there (openQuote): a file cut off ends so.
func (p *csvParser) cutAt(n int) (unended, openQuote bool) {
	return n > 0 && n == p.unendedAt, n > 0 && n == p.openQuoteAt
}

func (p *csvParser) warn(line int, err error) {
	if len(p.warnings) < maxSourceWarnings {
		p.warnings = append(p.warnings, data.ImportIssue{Line: line, Err: err, Warning: true})
	}
}

// readLine returns the next line, given back or new. A new line may share
// the parser's buffer: it is valid until the next readLine (own clones
// it).
func (p *csvParser) readLine() (csvLine, error) {
	if len(p.back) > 0 {
		l := p.back[0]
		p.back = p.back[1:]
		return l, nil
	}
	p.buf = p.buf[:0]
	n := p.lines + 1
	for {
		chunk, err := p.br.ReadSlice('\n')
		if len(p.buf)+len(chunk) > maxLineBytes+1 {
			return csvLine{}, data.ErrImportLineTooLong.With(n, p.name)
		}
		p.buf = append(p.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(p.buf) == 0 {
			return csvLine{}, io.EOF
		}
		if err != nil && err != io.EOF {
			return csvLine{}, err
		}
		break
	}
	p.lines = n
	b, ended := bytes.CutSuffix(p.buf, []byte{'\n'})
	return csvLine{n: n, b: p.decode(n, b), unended: !ended}, nil
}

// own returns a line that no later readLine changes.
func own(l csvLine) csvLine {
	l.b = bytes.Clone(l.b)
	return l
}

// decode returns a line as UTF-8: b itself, or a new slice.
func (p *csvParser) decode(n int, b []byte) []byte {
	if !p.eightBit {
		return b
	}
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return b
	}
	if utf8.Valid(b) {
		p.seenUTF8 = true
	} else {
		p.seen1252 = true
		b, _ = win1252.NewDecoder().Bytes(b)
	}
	if p.seenUTF8 && p.seen1252 && !p.mixedWarned {
		p.mixedWarned = true
		p.warn(n, data.ErrImportMixedEncoding)
	}
	return b
}

// next returns the next record and the line it starts on; io.EOF at the
// end. The record's cells share one new string.
func (p *csvParser) next() (int, []string, error) {
	l, err := p.readLine()
	if err != nil {
		return 0, nil, err
	}
	p.rec, p.ends = p.rec[:0], p.ends[:0]
	cur, i := l, 0 // the line read, where its next field starts
	for {
		// One field, from cur.b[i].
		j := i
		for j < len(cur.b) && cur.b[j] == ' ' {
			j++
		}
		if j < len(cur.b) && cur.b[j] == '"' {
			q, err := p.quoted(cur, j+1)
			if err != nil {
				return 0, nil, err
			}
			if q.cutOpen {
				p.openQuoteAt = l.n
			}
			if q.ok {
				if p.fieldLen() > maxCellBytes {
					return 0, nil, data.ErrImportCellTooLong.With(cur.n, p.name)
				}
				p.ends = append(p.ends, len(p.rec))
				if q.end == len(q.cur.b) {
					return p.ended(l.n, q.cur), p.cells(), nil
				}
				cur, i = q.cur, q.end+1 // after the delimiter
				continue
			}
			cur = q.cur // the same line, copied when lines were read ahead
		}
		// Unquoted (or a quote that does not hold): up to the delimiter.
		b := cur.b
		k := bytes.IndexByte(b[i:], p.delim)
		end := len(b)
		if k >= 0 {
			end = i + k
		}
		if end-i > maxCellBytes {
			return 0, nil, data.ErrImportCellTooLong.With(cur.n, p.name)
		}
		p.rec = append(p.rec, b[i:end]...)
		p.ends = append(p.ends, len(p.rec))
		if end == len(b) {
			return p.ended(l.n, cur), p.cells(), nil
		}
		i = end + 1
	}
}

// ended notes that the record starting on line n ends on the line last,
// and returns n.
func (p *csvParser) ended(n int, last csvLine) int {
	if last.unended {
		p.unendedAt = n
	}
	return n
}

// fieldLen is the length of the field being read into rec.
func (p *csvParser) fieldLen() int {
	start := 0
	if len(p.ends) > 0 {
		start = p.ends[len(p.ends)-1]
	}
	return len(p.rec) - start
}

// cells cuts the record read into its cells, all in one string.
func (p *csvParser) cells() []string {
	all := string(p.rec)
	cells := make([]string, len(p.ends))
	start := 0
	for i, end := range p.ends {
		cells[i] = all[start:end]
		start = end
	}
	return cells
}

// quotedField is where a quoted field ends: on line cur, before cur.b[end]
// (the delimiter, or the line's end); ok false when it is not properly
// closed, and then cur is the line it started on.
//
// cutOpen: the field is still open where the file ends without a line end
// (ok is then false).
type quotedField struct {
	cur     csvLine
	end     int
	ok      bool
	cutOpen bool
}

// quoted reads into rec a quoted field whose text starts at l.b[i]. When
// the field is not properly closed, rec is as it was, the lines read ahead
// are given back, and the line is returned copied if lines were read
// after it (they are read over the buffer it may share).
func (p *csvParser) quoted(l csvLine, i int) (quotedField, error) {
	var ahead []csvLine
	start := len(p.rec)
	cur := l
	fail := func(eof bool) (quotedField, error) {
		last := l
		if len(ahead) > 0 {
			last = ahead[len(ahead)-1]
		}
		// A quote open where the file ends without a line end: the file
		// was cut off in it, and its row is rejected (no warning then).
		cutOpen := eof && last.unended
		if (len(ahead) > 0 || len(p.rec)-start > maxCellBytes || eof) && !cutOpen {
			p.warn(l.n, data.ErrImportUnclosedQuote)
		}
		p.rec = p.rec[:start]
		p.back = append(ahead, p.back...)
		return quotedField{cur: l, cutOpen: cutOpen}, nil
	}
	for {
		k := bytes.IndexByte(cur.b[i:], '"')
		if k < 0 {
			p.rec = append(p.rec, cur.b[i:]...)
			if len(p.rec)-start > maxCellBytes {
				return fail(false)
			}
			if len(ahead) == 0 {
				l = own(l)
			}
			next, err := p.readLine()
			if err == io.EOF {
				return fail(true)
			}
			if err != nil {
				return quotedField{}, err
			}
			next = own(next)
			ahead = append(ahead, next)
			p.rec = append(p.rec, '\n')
			cur, i = next, 0
			continue
		}
		p.rec = append(p.rec, cur.b[i:i+k]...)
		q := i + k
		if q+1 < len(cur.b) && cur.b[q+1] == '"' {
			p.rec = append(p.rec, '"')
			i = q + 2
			continue
		}
		r := q + 1
		for r < len(cur.b) && cur.b[r] == ' ' {
			r++
		}
		if r < len(cur.b) && cur.b[r] != p.delim {
			return fail(false) // closed in the middle of a word
		}
		p.rec = append(p.rec, cur.b[q+1:r]...)
		if len(ahead) > 0 && bytes.IndexByte(p.rec[start:], p.delim) >= 0 {
			p.warn(l.n, data.ErrImportMultiLine.With(len(ahead)+1))
		}
		return quotedField{cur: cur, end: r, ok: true}, nil
	}
}
