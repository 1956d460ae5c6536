package data

import (
	"bufio"
	"bytes"
	"errors"
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

// The errors of a file whose lines or cells are out of bounds, and the
// warnings of reading it.
var (
	ErrImportLineTooLong = newErr(KindInvalid, "import_line_too_long", "",
		"Line %d of “%s” is longer than 1 MB: this is not a list of registrations. Nothing was imported.",
		"La ligne %d de « %s » dépasse 1 Mo : ce n'est pas une liste d'inscriptions. Rien n'a été importé.")
	ErrImportCellTooLong = newErr(KindInvalid, "import_cell_too_long", "",
		"Line %d of “%s” has a cell longer than 32 KB: shorten it or remove that column. Nothing was imported.",
		"La ligne %d de « %s » a une cellule de plus de 32 Ko : raccourcissez-la ou retirez cette colonne. Rien n'a été importé.")
	ErrImportUnclosedQuote = newErr(KindInvalid, "import_unclosed_quote", "",
		"A quote opened on this line is not closed: it was read as a character. Check the row's values.",
		"Un guillemet ouvert sur cette ligne n'est pas fermé : il a été lu comme un caractère. Vérifiez les valeurs de la ligne.")
	ErrImportMultiLine = newErr(KindInvalid, "import_multi_line", "",
		"A quoted value starting on this line runs over %d lines and holds the delimiter: check that a quote is not missing.",
		"Une valeur entre guillemets commençant sur cette ligne s'étend sur %d lignes et contient le séparateur : vérifiez qu'il ne manque pas un guillemet.")
	ErrImportMixedEncoding = newErr(KindInvalid, "import_mixed_encoding", "",
		"This file mixes two encodings (UTF-8 and Windows-1252) from this line on: each line was read in its own encoding. Check the accented letters.",
		"Ce fichier mélange deux encodages (UTF-8 et Windows-1252) à partir de cette ligne : chaque ligne a été lue dans le sien. Vérifiez les lettres accentuées.")
)

// maxSourceWarnings bounds the warnings a source keeps.
const maxSourceWarnings = 1000

// newLineReader reads text with every line end made LF.
func newLineReader(r io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(&lineEndReader{r: r}, 64<<10)
}

// csvLine is one line of the file, without its line end.
type csvLine struct {
	n int
	b []byte
}

// csvParser splits decoded text (line ends made LF) into records.
type csvParser struct {
	br    *bufio.Reader
	delim byte
	name  string
	lines int       // lines read from br
	back  []csvLine // lines read ahead and given back, in order
	buf   []byte

	// eightBit: the file is UTF-8 or Windows-1252, decided line by line
	// (a line that is not valid UTF-8 is Windows-1252), for files edited
	// by two programs. seenUTF8 and seen1252 note which were met.
	eightBit           bool
	seenUTF8, seen1252 bool
	mixedWarned        bool

	warnings []ImportIssue
}

func (p *csvParser) warn(line int, err error) {
	if len(p.warnings) < maxSourceWarnings {
		p.warnings = append(p.warnings, ImportIssue{Line: line, Err: err, Warning: true})
	}
}

// readLine returns the next line, given back or new, in a new slice.
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
			return csvLine{}, ErrImportLineTooLong.With(n, p.name)
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
	b := bytes.TrimSuffix(p.buf, []byte{'\n'})
	return csvLine{n: n, b: p.decode(n, b)}, nil
}

// decode returns a line as UTF-8, in a new slice.
func (p *csvParser) decode(n int, b []byte) []byte {
	if !p.eightBit {
		return bytes.Clone(b)
	}
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return bytes.Clone(b)
	}
	if utf8.Valid(b) {
		p.seenUTF8 = true
	} else {
		p.seen1252 = true
		b, _ = win1252.NewDecoder().Bytes(b)
	}
	if p.seenUTF8 && p.seen1252 && !p.mixedWarned {
		p.mixedWarned = true
		p.warn(n, ErrImportMixedEncoding)
	}
	return bytes.Clone(b)
}

// next returns the next record and the line it starts on; io.EOF at the
// end.
func (p *csvParser) next() (int, []string, error) {
	l, err := p.readLine()
	if err != nil {
		return 0, nil, err
	}
	var cells []string
	b, i := l.b, 0
	for {
		// One field, from b[i].
		j := i
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if j < len(b) && b[j] == '"' {
			val, cur, end, ok, err := p.quoted(l, b, j+1)
			if err != nil {
				return 0, nil, err
			}
			if ok {
				if len(val) > maxCellBytes {
					return 0, nil, ErrImportCellTooLong.With(l.n, p.name)
				}
				cells = append(cells, string(val))
				if end == len(cur) {
					return l.n, cells, nil
				}
				b, i = cur, end+1 // after the delimiter
				continue
			}
		}
		// Unquoted (or a quote that does not hold): up to the delimiter.
		k := bytes.IndexByte(b[i:], p.delim)
		end := len(b)
		if k >= 0 {
			end = i + k
		}
		if end-i > maxCellBytes {
			return 0, nil, ErrImportCellTooLong.With(l.n, p.name)
		}
		cells = append(cells, string(b[i:end]))
		if end == len(b) {
			return l.n, cells, nil
		}
		i = end + 1
	}
}

// quoted reads a quoted field whose text starts at b[i] on line l. It
// returns the value, the line the field ends on and the index of what
// follows it there (the delimiter, or the line's end), and ok. When the
// field is not properly closed, ok is false and the lines read ahead are
// given back.
func (p *csvParser) quoted(l csvLine, b []byte, i int) (val, cur []byte, end int, ok bool, err error) {
	var ahead []csvLine
	cur = b
	fail := func() ([]byte, []byte, int, bool, error) {
		if len(ahead) > 0 || len(val) > maxCellBytes || errors.Is(err, io.EOF) {
			p.warn(l.n, ErrImportUnclosedQuote)
		}
		p.back = append(ahead, p.back...)
		return nil, nil, 0, false, nil
	}
	for {
		k := bytes.IndexByte(cur[i:], '"')
		if k < 0 {
			val = append(val, cur[i:]...)
			if len(val) > maxCellBytes {
				return fail()
			}
			next, e := p.readLine()
			if e == io.EOF {
				err = e
				return fail()
			}
			if e != nil {
				return nil, nil, 0, false, e
			}
			ahead = append(ahead, next)
			val = append(val, '\n')
			cur, i = next.b, 0
			continue
		}
		val = append(val, cur[i:i+k]...)
		q := i + k
		if q+1 < len(cur) && cur[q+1] == '"' {
			val = append(val, '"')
			i = q + 2
			continue
		}
		r := q + 1
		for r < len(cur) && cur[r] == ' ' {
			r++
		}
		if r < len(cur) && cur[r] != p.delim {
			return fail() // closed in the middle of a word
		}
		val = append(val, cur[q+1:r]...)
		if len(ahead) > 0 && bytes.IndexByte(val, p.delim) >= 0 {
			p.warn(l.n, ErrImportMultiLine.With(len(ahead)+1))
		}
		return val, cur, r, true, nil
	}
}
