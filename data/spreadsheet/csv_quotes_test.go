package spreadsheet

import (
	"congres/data"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The cases of quotes, read as LibreOffice reads them (checked with Calc
// 7.4: TestQuotesAsLibreOffice compares where soffice is installed).
var quoteCases = []struct {
	name, text string
	want       [][]string
}{
	{"QuoteInWord", "a,\"Jo\" Martin,x\nb,c,d\n", [][]string{{"a", `"Jo" Martin`, "x"}, {"b", "c", "d"}}},
	{"QuoteGlued", "a,\"Jo\"Martin,x\n", [][]string{{"a", `"Jo"Martin`, "x"}}},
	{"Unclosed", "Jean,\"Martin,Z\nC,Doe,W\nE,Roe,U\n", [][]string{{"Jean", `"Martin`, "Z"}, {"C", "Doe", "W"}, {"E", "Roe", "U"}}},
	{"UnclosedLastLine", "a,b,c\nJean,\"Martin,Z", [][]string{{"a", "b", "c"}, {"Jean", `"Martin`, "Z"}}},
	{"Escaped", "C,\"a\"\"b\",Z\n", [][]string{{"C", `a"b`, "Z"}}},
	{"SpacesAround", "D,\"x\" ,W\nE, \"y\",V\n", [][]string{{"D", "x ", "W"}, {"E", "y", "V"}}},
	{"MultiLine", "D,\"multi\nline\",V\nE,Roe,U\n", [][]string{{"D", "multi\nline", "V"}, {"E", "Roe", "U"}}},
	{"MultiLineBadClose", "F,\"multi\nline\" tail,U\nG,H,I\n", [][]string{{"F", `"multi`}, {`line" tail`, "U"}, {"G", "H", "I"}}},
	{"QuoteMidField", "a,b\"c,d\n", [][]string{{"a", `b"c`, "d"}}},
	{"MultiLineThenStray", "a,\"x\ny\",\"Jo\" M,z\n", [][]string{{"a", "x\ny", `"Jo" M`, "z"}}},
	{"MultiLineThenUnclosed", "a,\"x\ny\",\"open,z\nb,c\n", [][]string{{"a", "x\ny", `"open`, "z"}, {"b", "c"}}},
}

// parseCSVText splits text as the import does, with ',' as delimiter.
func parseCSVText(text string) ([][]string, []data.ImportIssue, error) {
	p := &csvParser{br: newLineReader(strings.NewReader(text)), delim: ',', name: "t.csv", eightBit: true}
	var out [][]string
	for {
		_, cells, err := p.next()
		if err == io.EOF {
			return out, p.warnings, nil
		}
		if err != nil {
			return out, p.warnings, err
		}
		out = append(out, cells)
	}
}

func TestQuotes(t *testing.T) {
	for _, c := range quoteCases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := parseCSVText(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestQuotesAsLibreOffice converts each case with LibreOffice to a
// CSV whose every field is quoted, and compares its rows with ours.
func TestQuotesAsLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("needs LibreOffice (soffice), and some seconds")
	}
	dir := t.TempDir()
	var names []string
	for _, c := range quoteCases {
		if err := os.WriteFile(filepath.Join(dir, c.name+".csv"), []byte(c.text), 0o600); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Join(dir, c.name+".csv"))
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// Read as UTF-8 CSV with ',' and '"', write every text quoted.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true",
		"--outdir", out}, names...)
	if b, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, c := range quoteCases {
		b, err := os.ReadFile(filepath.Join(out, c.name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		lo, _, err := parseCSVText(string(b))
		if err != nil {
			t.Fatal(err)
		}
		// LibreOffice pads every row to the widest: drop empty trailing cells.
		for i := range lo {
			for len(lo[i]) > 1 && lo[i][len(lo[i])-1] == "" {
				lo[i] = lo[i][:len(lo[i])-1]
			}
		}
		if !reflect.DeepEqual(lo, c.want) {
			t.Errorf("%s: LibreOffice shows %q, we read %q", c.name, lo, c.want)
		}
	}
}
