package data

// The behaviour suite's passes: TestMain runs the tests once per store
// named in CONGRES_TEST_STORES ("sqlite", the default; "postgres";
// "sqlite,postgres"). The tests of package data (SQLite's own: the file,
// its journal, its backups) run on the sqlite pass only; the suite
// (package data_test) runs on every pass, its mustOpen opening the pass's
// store (SuiteStore).

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// testStores are the stores the suite runs on, from CONGRES_TEST_STORES.
func testStores() ([]string, error) {
	v := strings.TrimSpace(os.Getenv("CONGRES_TEST_STORES"))
	if v == "" {
		return []string{"sqlite"}, nil
	}
	var stores []string
	for _, st := range strings.Split(v, ",") {
		st = strings.ToLower(strings.TrimSpace(st))
		switch st {
		case "sqlite", "postgres":
		default:
			return nil, fmt.Errorf("CONGRES_TEST_STORES=%q: %q is not a store (sqlite, postgres)", v, st)
		}
		if st == "postgres" && os.Getenv("CONGRES_TEST_POSTGRES") == "" {
			return nil, fmt.Errorf("CONGRES_TEST_STORES=%q asks for PostgreSQL but CONGRES_TEST_POSTGRES is not set: "+
				"no server to run the suite on (make postgres-suite starts one; by hand: bash .ci/postgres start DIR, then the export line it prints)", v)
		}
		if !slices.Contains(stores, st) {
			stores = append(stores, st)
		}
	}
	return stores, nil
}

// runPasses runs the tests once per store and returns the exit code: the
// first failing pass's, else 0. Each pass begins with a line naming its
// store when there are several.
func runPasses(m *testing.M) int {
	flag.Parse()
	stores, err := testStores()
	if err != nil {
		fmt.Fprintln(os.Stderr, "data tests:", err)
		return 1
	}
	code := 0
	skip := flag.Lookup("test.skip").Value.String()
	for _, st := range stores {
		testStore = st
		// A test that runs itself again in a child process (os.Args[0])
		// runs it on this pass's store only.
		os.Setenv("CONGRES_TEST_STORES", st)
		if len(stores) > 1 {
			fmt.Printf("data tests: the suite on %s\n", st)
		}
		if st != "sqlite" {
			own, err := sqliteOnlyTests(skip)
			if err != nil {
				fmt.Fprintln(os.Stderr, "data tests:", err)
				return 1
			}
			flag.Set("test.skip", own)
		} else {
			flag.Set("test.skip", skip)
		}
		if c := m.Run(); c != 0 && code == 0 {
			code = c
		}
	}
	afterSuiteMu.Lock()
	for _, f := range afterSuite {
		f()
	}
	afterSuiteMu.Unlock()
	return code
}

// sqliteOnlyTests returns a -test.skip pattern that skips the tests,
// benchmarks and examples of package data (read from the package's test
// files in the current folder, the package's when go test runs it), along
// with what skip already skips (unless skip names subtests: then only
// those of package data are skipped).
func sqliteOnlyTests(skip string) (string, error) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	var names []string
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return "", err
		}
		if af.Name.Name != "data" {
			continue
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && testFuncName.MatchString(fd.Name.Name) {
				names = append(names, fd.Name.Name)
			}
		}
	}
	if len(names) == 0 {
		return skip, nil
	}
	own := "^(" + strings.Join(names, "|") + ")$"
	if skip != "" && !strings.Contains(skip, "/") {
		own = skip + "|" + own
	}
	return own, nil
}

var testFuncName = regexp.MustCompile(`^(Test|Benchmark|Example|Fuzz)([A-Z0-9_]|$)`)

// TestSuitePasses: CONGRES_TEST_STORES names the passes; PostgreSQL's
// needs a server; the server's pass leaves out package data's own tests
// (the file's), and keeps the suite's.
func TestSuitePasses(t *testing.T) {
	cases := []struct {
		stores, server string
		want           []string
		fails          bool
	}{
		{"", "", []string{"sqlite"}, false},
		{"sqlite", "postgres://x", []string{"sqlite"}, false},
		{" SQLite , postgres,sqlite", "postgres://x", []string{"sqlite", "postgres"}, false},
		{"postgres", "postgres://x", []string{"postgres"}, false},
		{"postgres", "", nil, true},
		{"sqlite,mysql", "", nil, true},
	}
	for _, c := range cases {
		t.Setenv("CONGRES_TEST_STORES", c.stores)
		t.Setenv("CONGRES_TEST_POSTGRES", c.server)
		got, err := testStores()
		if (err != nil) != c.fails || !slices.Equal(got, c.want) {
			t.Errorf("CONGRES_TEST_STORES=%q, CONGRES_TEST_POSTGRES=%q: %v, %v; want %v (fails: %v)", c.stores, c.server, got, err, c.want, c.fails)
		}
	}
	skip, err := sqliteOnlyTests("TestX")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(skip)
	for name, want := range map[string]bool{
		"TestSuitePasses": true, "BenchmarkImport100k": true, "TestX": true, // package data's, and what was skipped
		"TestImportThenCreate": false, "TestSearch": false, "BenchmarkImportStore100k": false, // the suite's
	} {
		if re.MatchString(name) != want {
			t.Errorf("skip pattern on the server's pass matches %s: %v, want %v", name, !want, want)
		}
	}
}
