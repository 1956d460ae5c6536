package spreadsheet

import (
	"bufio"
	"bytes"
	"congres/data"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Reading CSV (and TSV, and Excel's "Unicode text"): the encoding and the
// delimiter are guessed from the first 64 KiB, then the file is streamed
// through csvParser (csvparse.go), so that its size does not
// matter: memory holds a few buffers and the current record.

// csvEncoding is what the first bytes of a text file tell.
type csvEncoding struct {
	name string
	bom  int               // bytes of byte-order mark to skip
	dec  *encoding.Decoder // nil for UTF-8
}

var (
	win1252 = charmap.Windows1252
	// binaryMagic are the starts of files people pick by mistake.
	binaryMagic = [][]byte{[]byte("\x89PNG"), []byte("\xFF\xD8\xFF"), []byte("GIF8"),
		[]byte("%PDF"), []byte("\x1F\x8B"), []byte("Rar!"), []byte("7z\xBC\xAF"), []byte("\x00\x00\x01\x00")}
)

// sniffEncoding decides the encoding of a text file from its first bytes,
// or says it is not text.
func sniffEncoding(head []byte, name string) (csvEncoding, error) {
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		return csvEncoding{name: "UTF-8", bom: 3}, nil
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		return csvEncoding{name: "UTF-16LE", bom: 2,
			dec: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()}, nil
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return csvEncoding{name: "UTF-16BE", bom: 2,
			dec: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()}, nil
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m) {
			return csvEncoding{}, data.ErrImportBinary.With(name)
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 without a byte-order mark: text whose every other byte
		// is zero.
		var even, odd int
		for i, b := range head {
			if b == 0 {
				if i%2 == 0 {
					even++
				} else {
					odd++
				}
			}
		}
		switch {
		case odd*3 > len(head) && even*50 < len(head):
			return csvEncoding{name: "UTF-16LE",
				dec: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()}, nil
		case even*3 > len(head) && odd*50 < len(head):
			return csvEncoding{name: "UTF-16BE",
				dec: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()}, nil
		}
		// A few NUL bytes in text (a name pasted from another program)
		// are control characters like others: their rows are rejected.
	}
	controls, zeros := 0, 0
	for _, b := range head {
		switch {
		case b == 0:
			zeros++
		case (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F:
			controls++
		}
	}
	if controls*200 > len(head) || zeros > max(8, len(head)/200) {
		return csvEncoding{}, data.ErrImportBinary.With(name)
	}
	if isHTML(head) {
		return csvEncoding{}, data.ErrImportHTML.With(name)
	}
	sample := head
	if len(head) == sniffSize {
		// The sample may end inside a character.
		for i := 0; i < utf8.UTFMax && len(sample) > 0 && !utf8.FullRune(sample[lastRuneStart(sample):]); i++ {
			sample = sample[:lastRuneStart(sample)]
		}
	}
	if utf8.Valid(sample) {
		return csvEncoding{name: "UTF-8"}, nil
	}
	return csvEncoding{name: "Windows-1252", dec: win1252.NewDecoder()}, nil
}

func lastRuneStart(b []byte) int {
	i := len(b) - 1
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	return max(i, 0)
}

func isHTML(head []byte) bool {
	h := bytes.ToLower(bytes.TrimSpace(head[:min(len(head), 512)]))
	return bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) ||
		bytes.HasPrefix(h, []byte("<table"))
}

// csvReader streams the records of a text file.
type csvReader struct {
	f    *os.File
	cf   *countingReader
	size int64
	p    *csvParser
}

func openCSV(imp *Table, f *os.File, cf *countingReader, br *bufio.Reader, head []byte, size int64) (rowReader, error) {
	enc, err := sniffEncoding(head, imp.name)
	if err != nil {
		return nil, err
	}
	br.Discard(enc.bom)
	imp.Encoding = enc.name
	sample := head[enc.bom:]
	var r io.Reader = br
	// UTF-8 and Windows-1252 are decided line by line (see csvParser),
	// UTF-16 for the whole file.
	eightBit := enc.dec == nil || enc.name == "Windows-1252"
	if enc.dec != nil {
		if enc.name != "Windows-1252" {
			sample = sample[:len(sample)&^1]
		}
		sample, _ = enc.dec.Bytes(sample)
		enc.dec.Reset()
		if !eightBit {
			r = transform.NewReader(br, enc.dec)
		}
	}
	imp.Delimiter = sniffDelimiter(sample, enc.name, len(head) == sniffSize)
	p := &csvParser{br: newLineReader(r), delim: byte(imp.Delimiter),
		name: imp.name, eightBit: eightBit}
	imp.warnings = func() []data.ImportIssue { return p.warnings }
	imp.cutAt = p.cutAt
	return &csvReader{f: f, cf: cf, size: size, p: p}, nil
}

func (c *csvReader) next() (int, []string, error) {
	line, rec, err := c.p.next()
	if err != nil {
		var e *data.Error
		if err == io.EOF || errors.As(err, &e) {
			return 0, nil, err
		}
		return 0, nil, data.ErrImportUnreadable.With(c.p.name)
	}
	return line, rec, nil
}

func (c *csvReader) progress() (int64, int64) { return c.cf.n, c.size }
func (c *csvReader) close() error             { return c.f.Close() }

// delimiters are the separators a CSV file may use, in order of preference
// on a tie.
var delimiters = []rune{'\t', ';', ','}

// sniffDelimiter picks the delimiter that splits the first records most
// regularly: for each candidate, the count of it outside quotes that most
// records share, and how many share it. Title rows without any delimiter
// do not count against any candidate.
func sniffDelimiter(sample []byte, encoding string, truncated bool) rune {
	const maxRecords = 50
	counts := make([][]int, len(delimiters))
	cur := make([]int, len(delimiters))
	inQuote, nonBlank, records := false, false, 0
	end := func() {
		if nonBlank {
			for i := range delimiters {
				counts[i] = append(counts[i], cur[i])
			}
			records++
		}
		clear(cur)
		nonBlank = false
	}
	for i := 0; i < len(sample) && records < maxRecords; i++ {
		b := sample[i]
		switch {
		case b == '"':
			inQuote = !inQuote
			nonBlank = true
		case inQuote:
		case b == '\n' || b == '\r':
			end()
		default:
			for j, d := range delimiters {
				if rune(b) == d {
					cur[j]++
				}
			}
			if b != ' ' && b != '\t' {
				nonBlank = true
			}
		}
	}
	if !truncated {
		end() // the last record, unless the sample cut it
	}
	best, bestScore, bestFreq := rune(0), 0, 0
	for j, d := range delimiters {
		freq := map[int]int{}
		for _, n := range counts[j] {
			if n > 0 {
				freq[n]++
			}
		}
		mode, mf := 0, 0
		for n, f := range freq {
			if f > mf || (f == mf && n > mode) {
				mode, mf = n, f
			}
		}
		// Records split alike, weighted by the cells they make: a decimal
		// comma in every row does not beat the semicolons around it.
		if score := mf * mode; score > bestScore || (score == bestScore && score > 0 && mf > bestFreq) {
			best, bestScore, bestFreq = d, score, mf
		}
	}
	if best == 0 {
		if encoding == "UTF-16LE" || encoding == "UTF-16BE" {
			return '\t'
		}
		return ','
	}
	return best
}

// lineEndReader turns every line ending (CR LF, LF, or a lone CR as old
// Mac files and some exports have) into LF, so that csvParser splits
// lines where the file does and counts them as a person would.
type lineEndReader struct {
	r     io.Reader
	wasCR bool // the last byte given was a CR turned LF
}

func (l *lineEndReader) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		if n == 0 {
			return 0, err
		}
		b := p[:n]
		if l.wasCR && b[0] == '\n' {
			b = b[1:]
		}
		l.wasCR = false
		w := 0
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\r')
			if i < 0 {
				w += copy(p[w:], b)
				break
			}
			w += copy(p[w:], b[:i])
			p[w] = '\n'
			w++
			switch {
			case i+1 == len(b):
				l.wasCR = true
				b = nil
			case b[i+1] == '\n':
				b = b[i+2:]
			default:
				b = b[i+1:]
			}
		}
		if w == 0 && err == nil {
			continue
		}
		return w, err
	}
}
