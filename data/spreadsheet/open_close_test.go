package spreadsheet

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"congres/data"
)

// openFDs counts this process's descriptors open on path (Linux).
func openFDs(t *testing.T, path string) int {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	n := 0
	for _, e := range entries {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); err == nil && target == abs {
			n++
		}
	}
	return n
}

// TestOpenLeavesNoFileOpen: whatever Open refuses, and whatever it opens
// once closed, leaves no descriptor on the file (on Windows, one would keep
// the spreadsheet locked against the program that wrote it, until Congrès
// quits).
func TestOpenLeavesNoFileOpen(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc/self/fd")
	}
	long := "Prénom;Nom\nJean;" + strings.Repeat("x", 40<<10) + "\n"
	for _, c := range []struct {
		name, file, content string
		want                *data.Error
	}{
		{"NoHeader", "x.csv", "a;b\nc;d\n", data.ErrImportNoHeader},
		{"NoRows", "x.csv", "Prénom;Nom;Email\n", data.ErrImportNoRows},
		{"DuplicateHeader", "x.csv", "Prénom;Nom;prenom\nJean;Dupont;x\n", data.ErrImportDuplicateHeader},
		{"CellTooLong", "x.csv", long, data.ErrImportCellTooLong},
		{"HTML", "x.csv", "<!DOCTYPE html><html><body><table></table></body></html>", data.ErrImportHTML},
		{"Empty", "x.csv", "", data.ErrImportEmpty},
		{"NotXLSX", "x.xlsx", sampleCSV, data.ErrImportNotXLSX},
		{"BadXLSX", "x.xlsx", string(zipBytes(t, "readme.txt", "hello")), data.ErrImportBadXLSX},
		{"OK", "x.csv", sampleCSV, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, c.file, []byte(c.content))
			f, err := Open(Source{Path: p})
			switch {
			case c.want == nil && err != nil:
				t.Fatal(err)
			case c.want != nil && !errors.Is(err, c.want):
				t.Fatalf("%v, want %s", err, c.want.Code)
			}
			if f != nil {
				if _, err := f.Next(); err != nil {
					t.Fatal(err)
				}
				if n := openFDs(t, p); n != 1 {
					t.Errorf("%d descriptors while open", n)
				}
				f.Close()
			}
			if n := openFDs(t, p); n != 0 {
				t.Errorf("%d descriptors left open on the file", n)
			}
		})
	}
	t.Run("XLSX", func(t *testing.T) {
		p := writeWorkbook(t)
		for _, sheet := range []string{"", "Inscriptions", "Lisez-moi", "Feuil9"} {
			f, err := Open(Source{Path: p, Sheet: sheet})
			if err == nil {
				f.Close()
			}
			if n := openFDs(t, p); n != 0 {
				t.Errorf("sheet %q (%v): %d descriptors left open", sheet, err, n)
			}
		}
	})
}
