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
