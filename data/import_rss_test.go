package data

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestImportPeakRSS measures the peak memory of the process (VmHWM, what
// /usr/bin/time -v reports as its maximum resident set) while it imports
// the largest file an import takes: maxImportRows registrations, as a CSV
// (csv-notes: with notes that bring it near maxImportText),
// or as a workbook with shared strings (as Excel and LibreOffice save
// them). It runs only when asked, once per process, as the peak cannot be
// measured twice in one:
//
//	go test -c -o /tmp/data.test ./data/
//	for i in 1 2 3; do CONGRES_IMPORT_RSS=csv /tmp/data.test -test.run 'ImportPeakRSS' -test.v | grep peak; done
//
// (CONGRES_IMPORT_RSS=xlsx for the workbook). The files are made once, in
// the temporary folder, and kept for the next runs.
func TestImportPeakRSS(t *testing.T) {
	kind := os.Getenv("CONGRES_IMPORT_RSS")
	if kind == "" {
		t.Skip("set CONGRES_IMPORT_RSS=csv or xlsx to measure an import's peak memory")
	}
	n := maxImportRows
	csvPath := filepath.Join(os.TempDir(), fmt.Sprintf("congres-rss-%d.csv", n))
	if _, err := os.Stat(csvPath); err != nil {
		if err := writeRegistrationsCSV(csvPath+".part", n, 2021); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(csvPath+".part", csvPath); err != nil {
			t.Fatal(err)
		}
	}
	path, mapping := csvPath, importBenchMapping
	if kind == "csv-notes" {
		// Near the most text an import holds: notes of
		// (maxImportText - 38 MB)/n bytes a row bring it near maxImportText.
		path = strings.TrimSuffix(csvPath, ".csv") + "-notes.csv"
		mapping = append(slices.Clip(mapping), FieldNotes)
		if _, err := os.Stat(path); err != nil {
			if err := addNotes(csvPath, path+".part", (maxImportText-38<<20)/n); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(path+".part", path); err != nil {
				t.Fatal(err)
			}
		}
	}
	if kind == "xlsx" {
		path = strings.TrimSuffix(csvPath, ".csv") + ".xlsx"
		if _, err := os.Stat(path); err != nil {
			if err := csvToXLSX(csvPath, path+".part"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(path+".part", path); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := Create(ctx, filepath.Join(t.TempDir(), "import"+Extension), Congress{
		Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runtime.GC()
	debug.FreeOSMemory()
	base := procStatus(t, "VmRSS")
	// Writing 5 sets the peak to the present resident set.
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		t.Fatal(err)
	}
	if prof := os.Getenv("CONGRES_IMPORT_RSS_PROFILE"); prof != "" {
		// The heap once the rows are decided, before anything is written.
		testImportPlanned = func(bool) {
			runtime.GC()
			f, err := os.Create(prof)
			if err == nil {
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				t.Error(err)
			}
		}
		defer func() { testImportPlanned = nil }()
	}
	start := time.Now()
	stop := make(chan struct{})
	done := make(chan string)
	go sampleMemory(t, start, stop, done)
	r, err := s.Import(ctx, sheetFile(path), ImportOptions{Mapping: mapping})
	took := time.Since(start)
	close(stop)
	t.Log(<-done)
	if err != nil {
		t.Fatal(err)
	}
	if r.Rows != n || r.Rejected != 0 {
		t.Fatalf("%+v", r)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%s %d rows: peak %d MB (before the import %d MB), Go heap peak goal %d MB, %d GCs, %.1f s",
		kind, n, procStatus(t, "VmHWM")>>10, base>>10, ms.NextGC>>20, ms.NumGC, took.Seconds())
}

// sampleMemory samples the memory every 20 ms until stop, and sends back
// what it was when the resident set was at its largest: the anonymous and
// file-backed parts, the Go runtime's memory (its heap's live objects, the
// rest of its heap, the rest) and the difference, which is SQLite's.
// CONGRES_IMPORT_RSS_TRACE=1 logs every 10th sample.
func sampleMemory(t *testing.T, start time.Time, stop <-chan struct{}, done chan<- string) {
	names := []string{"/memory/classes/total:bytes", "/memory/classes/heap/objects:bytes", "/memory/classes/heap/unused:bytes",
		"/memory/classes/heap/free:bytes", "/memory/classes/heap/released:bytes", "/gc/heap/live:bytes"}
	samples := make([]metrics.Sample, len(names))
	for i, n := range names {
		samples[i].Name = n
	}
	trace := os.Getenv("CONGRES_IMPORT_RSS_TRACE") != ""
	var best string
	var bestRSS int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-stop:
			done <- "at the peak: " + best
			return
		case <-tick.C:
		}
		rss, anon, file := procStatus(t, "VmRSS")>>10, procStatus(t, "RssAnon")>>10, procStatus(t, "RssFile")>>10
		metrics.Read(samples)
		mb := func(i int) int64 { return int64(samples[i].Value.Uint64() >> 20) }
		goMem := mb(0) - mb(4) // mapped by Go and not given back
		line := fmt.Sprintf("%.1fs rss %d (anon %d file %d) go %d (objects %d live %d, heap unused+free %d) other anon %d MB",
			time.Since(start).Seconds(), rss, anon, file, goMem, mb(1), mb(5), mb(2)+mb(3), anon-goMem)
		if rss > bestRSS {
			bestRSS, best = rss, line
		}
		if trace && i%10 == 0 {
			t.Log(line)
		}
	}
}

// addNotes copies a CSV file adding a column of notes of size bytes, a
// different text on each row.
func addNotes(from, to string, size int) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	defer out.Close()
	r, bw := csv.NewReader(bufio.NewReader(in)), bufio.NewWriter(out)
	w := csv.NewWriter(bw)
	for i := 0; ; i++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		note := "Remarques"
		if i > 0 {
			note = strings.Repeat(fmt.Sprintf("Arrive tard, rang %d. ", i), size/10+1)[:size]
		}
		if err := w.Write(append(row, note)); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// procStatus reads a size in kB from /proc/self/status.
func procStatus(t *testing.T, field string) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// csvToXLSX writes the rows of a CSV file as a workbook's only sheet, every
// cell a shared string.
func csvToXLSX(csvPath, path string) error {
	in, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	rows, err := csv.NewReader(bufio.NewReader(in)).ReadAll()
	if err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	z := zip.NewWriter(out)
	put := func(name, text string) error {
		w, err := z.Create(name)
		if err == nil {
			_, err = io.WriteString(w, text)
		}
		return err
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inscriptions" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
	} {
		if err := put(p[0], head+p[1]); err != nil {
			return err
		}
	}
	index := map[string]int{}
	var strs []string
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `%s<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:J%d"/><sheetData>`, head, len(rows))
	for i, row := range rows {
		fmt.Fprintf(bw, `<row r="%d">`, i+1)
		for j, v := range row {
			if v == "" {
				continue
			}
			k, ok := index[v]
			if !ok {
				k = len(strs)
				index[v] = k
				strs = append(strs, v)
			}
			fmt.Fprintf(bw, `<c r="%c%d" t="s"><v>%d</v></c>`, 'A'+j, i+1, k)
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	if w, err = z.Create("xl/sharedStrings.xml"); err != nil {
		return err
	}
	bw = bufio.NewWriter(w)
	fmt.Fprintf(bw, `%s<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, head, len(strs), len(strs))
	for _, v := range strs {
		bw.WriteString(`<si><t>`)
		xml.EscapeText(bw, []byte(v))
		bw.WriteString(`</t></si>`)
	}
	bw.WriteString(`</sst>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return z.Close()
}

// An import that inserts in bulk gives the write connection its page cache
// back afterwards, whether it succeeded or not.
func TestImportRestoresCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inscriptions.csv")
	if err := writeRegistrationsCSV(path, bulkMin, 7); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t)
	cache := func() int {
		var n int
		if err := s.w.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := cache()
	if before == -importCacheKB {
		t.Fatalf("the store's cache is already %d", before)
	}
	if _, err := s.Import(ctx, sheetFile(path), ImportOptions{Mapping: importBenchMapping}); err != nil {
		t.Fatal(err)
	}
	if got := cache(); got != before {
		t.Errorf("cache_size %d after an import, was %d", got, before)
	}
}

// A record keeps none of its row's text: the cells of a CSV row share one
// string, which a plan of 200,000 records would otherwise hold whole.
func TestParseKeepsNoRowText(t *testing.T) {
	line := "Anne;Ader;anne@ader.fr;06 12 34 56 78;Recyclerie Brest;Bénévole;Bretagne;Végétarien;Fauteuil;ABCDEF;Arrive tard"
	var cells []string
	start := 0
	for i := 0; i <= len(line); i++ {
		if i == len(line) || line[i] == ';' {
			cells = append(cells, line[start:i])
			start = i + 1
		}
	}
	rp := &RecordParser{
		Header:  []string{"Prénom", "Nom", "E-mail", "Téléphone", "Organisation", "Fonction", "Région", "Régime", "Accessibilité", "Code", ""},
		Mapping: []ImportField{FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldOrganisation, FieldJobTitle, FieldRegion, FieldDiet, FieldAccessibility, FieldCode, FieldNotes},
	}
	for range 2 { // the second row's values come from the memo
		rec := rp.Parse(ImportRow{Line: 2, Cells: cells})
		if rec.Err != nil {
			t.Fatal(rec.Err)
		}
		p := rec.P
		from, to := uintptr(unsafe.Pointer(unsafe.StringData(line))), uintptr(unsafe.Pointer(unsafe.StringData(line)))+uintptr(len(line))
		for _, v := range []string{p.FirstName, p.LastName, p.Email, p.Phone, p.Organisation, p.JobTitle, p.Region, p.Diet, p.Accessibility, p.Code, p.Notes} {
			if v == "" {
				t.Fatalf("a value is missing: %+v", p)
			}
			if at := uintptr(unsafe.Pointer(unsafe.StringData(v))); at >= from && at < to {
				t.Errorf("%q is held in the row's text", v)
			}
		}
	}
}

// A file whose rows hold more text than maxImportText is refused before
// anything is written.
func TestImportTooMuchText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "inscriptions.csv")
	if err := writeRegistrationsCSV(path, 100, 3); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { maxImportText = n }(maxImportText)
	maxImportText = 2000
	importRefused(t, path, ErrImportTooMuchText)
}
