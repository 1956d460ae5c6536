package data_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The arrows of the house (CONVENTIONS.md, "The shape of the house") point
// one way: ui → export → data, ui → data, data/<store> → data, main →
// everything. TestArrows reads the module's import graph from the go
// command, for each system Congrès is built for, and checks these rules:
//
//   - data is the domain: no package under data/ depends on Fyne, on
//     export, on ui or on main, nor do its tests.
//   - data imports no store: data itself depends on no package under data/.
//   - export draws, it does not show: no package under export/ depends on
//     Fyne, on ui or on main, nor do its tests; and export (tests aside)
//     depends on no store, only on data's interfaces.
//   - the command line does not show: ui/cli depends neither on Fyne nor
//     on ui, nor do its tests.
//   - only wiring opens a store: under data/, only data/stores imports
//     data/sqlite or data/postgres (besides the packages inside that
//     store's own folder).
//   - the spreadsheet reader opens no congress: data/spreadsheet (and its
//     tests) depends on no store, nor on data/stores.
//   - SQL stays in the stores: database/sql and the SQL drivers are
//     imported only by data/sqlite, data/postgres and data/sqlstore (tests
//     aside), and no other package under data/ but data/stores depends on
//     them even indirectly.
//
// A rule that today's code breaks, because the split of data/ is under way,
// is in arrowAllowed with the step that ends it. An entry that no longer
// matches anything fails too, so that the list only shrinks.
func TestArrows(t *testing.T) {
	arrowWatch(t, "..")
	for _, goos := range []string{"linux", "windows", "darwin"} {
		t.Run(goos, func(t *testing.T) {
			pkgs := arrowGraph(t, goos)
			if _, ok := pkgs["congres/data"]; !ok {
				t.Fatalf("go list found no congres/data among %d packages", len(pkgs))
			}
			for _, line := range arrowJudge(pkgs, arrowRules, arrowAllowed) {
				t.Error(line)
			}
		})
	}
}

// TestArrowsCatch makes sure the check reports a broken arrow, on a graph
// where data imports Fyne, export a store and ui/cli's tests ui; and that
// the allow-list lets an arrow through and reports an entry that matches
// nothing.
func TestArrowsCatch(t *testing.T) {
	pkgs := map[string]*arrowPackage{
		"congres/data": {ImportPath: "congres/data", Imports: []string{"fmt", "fyne.io/fyne/v2"},
			Deps: []string{"fmt", "fyne.io/fyne/v2", "image"}},
		"congres/data/sqlite": {ImportPath: "congres/data/sqlite", Imports: []string{"congres/data", "database/sql"},
			Deps: []string{"congres/data", "database/sql"}},
		"congres/export": {ImportPath: "congres/export", Imports: []string{"congres/data", "congres/data/sqlite"},
			Deps: []string{"congres/data", "congres/data/sqlite", "database/sql", "fyne.io/fyne/v2"}},
		"congres/ui/cli": {ImportPath: "congres/ui/cli", Imports: []string{"congres/data"},
			XTestImports: []string{"congres/ui"}},
		"congres/ui": {ImportPath: "congres/ui", Imports: []string{"fyne.io/fyne/v2"},
			Deps: []string{"fyne.io/fyne/v2"}},
		"congres/data/spreadsheet": {ImportPath: "congres/data/spreadsheet", Imports: []string{"congres/data"},
			Deps: []string{"congres/data"}, XTestImports: []string{"congres/data/stores"}},
	}
	var got []string
	for _, v := range arrowCheck(pkgs, arrowRules) {
		got = append(got, v.pkg+" → "+v.dep)
	}
	want := []string{
		"congres/data → fyne.io/fyne/v2",                         // data is the domain
		"congres/export → fyne.io/fyne/v2",                       // export draws
		"congres/export → congres/data/sqlite",                   // export uses no store
		"congres/ui/cli (tests) → congres/ui",                    // the command line does not show (through ui)
		"congres/ui/cli (tests) → fyne.io/fyne/v2",               // ... nor Fyne
		"congres/data/spreadsheet (tests) → congres/data/stores", // the reader opens no congress
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q among %q", w, got)
		}
	}
	if slices.Contains(got, "congres/data/sqlite → database/sql") {
		t.Errorf("a store may use database/sql: %q", got)
	}

	// An allowed arrow is let through; an entry that matches nothing is
	// reported.
	allowed := map[arrowException]string{
		{"data is the domain", "congres/data", "fyne.io"}:    "a test",
		{"data is the domain", "congres/data", "congres/ui"}: "stale",
	}
	lines := strings.Join(arrowJudge(pkgs, arrowRules, allowed), "\n")
	if strings.Contains(lines, "data is the domain: congres/data depends") {
		t.Errorf("an allowed arrow is reported:\n%s", lines)
	}
	if !strings.Contains(lines, `allow-list entry "congres/data → congres/ui" (data is the domain) matches nothing`) {
		t.Errorf("a stale allow-list entry is not reported:\n%s", lines)
	}
}

// arrowJudge is what is wrong with pkgs: the arrows that break a rule and
// are not allowed, and the allowed ones that no longer occur.
func arrowJudge(pkgs map[string]*arrowPackage, rules []arrowRule, allowed map[arrowException]string) []string {
	used := map[arrowException]bool{}
	var broken []arrowViolation
	for _, v := range arrowCheck(pkgs, rules) {
		if ex, ok := arrowAllowedFor(allowed, v); ok {
			used[ex] = true
			continue
		}
		broken = append(broken, v)
	}
	out := arrowReport(pkgs, broken)
	for ex, why := range allowed {
		if !used[ex] {
			out = append(out, fmt.Sprintf("allow-list entry %q (%s) matches nothing: remove it (%s)",
				ex.pkg+" → "+ex.dep, ex.rule, why))
		}
	}
	return out
}

// arrowPackage is what `go list -json` says of a package.
type arrowPackage struct {
	ImportPath   string
	Imports      []string // direct imports, tests aside
	Deps         []string // everything it depends on, tests aside
	TestImports  []string // direct imports of its internal tests
	XTestImports []string // direct imports of its external tests
}

// arrowGraph lists the module's packages and all they depend on, as built
// for goos.
func arrowGraph(t *testing.T, goos string) map[string]*arrowPackage {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Imports,Deps,TestImports,XTestImports", "congres/...")
	cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	pkgs := map[string]*arrowPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p arrowPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs[p.ImportPath] = &p
	}
	return pkgs
}

// arrowWatch opens every folder of the module, so that go test's cache
// knows that this test reads them all: a test cached before an import was
// added would pass for nothing. (The go command reads them for the test,
// and the cache does not see what a command reads.)
func arrowWatch(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// arrowRule forbids the packages it applies to some dependencies.
type arrowRule struct {
	name    string
	applies func(pkg string) bool
	// scope is what of a package is checked.
	scope arrowScope
	// forbids reports whether pkg may not depend on dep.
	forbids func(pkg, dep string) bool
}

type arrowScope int

const (
	arrowDirect arrowScope = iota // its own imports, tests aside
	arrowDeps                     // all it depends on, tests aside
	arrowAll                      // all it and its tests depend on
)

// arrowViolation is one dependency a rule forbids.
type arrowViolation struct {
	rule, pkg, dep string // pkg ends in " (tests)" when it is through its tests
}

func (v arrowViolation) String() string {
	return fmt.Sprintf("%s: %s depends on %s", v.rule, v.pkg, v.dep)
}

var arrowRules = []arrowRule{
	{
		name:    "data is the domain",
		applies: arrowUnder("congres/data"),
		scope:   arrowAll,
		forbids: func(_, dep string) bool {
			return arrowFyne(dep) || arrowUnder("congres/export")(dep) || arrowUnder("congres/ui")(dep) || dep == "congres"
		},
	},
	{
		name:    "data imports no store",
		applies: func(pkg string) bool { return pkg == "congres/data" },
		scope:   arrowDeps,
		forbids: func(_, dep string) bool { return strings.HasPrefix(dep, "congres/data/") },
	},
	{
		name:    "export draws, it does not show",
		applies: arrowUnder("congres/export"),
		scope:   arrowAll,
		forbids: func(_, dep string) bool {
			return arrowFyne(dep) || arrowUnder("congres/ui")(dep) || dep == "congres"
		},
	},
	{
		name:    "export uses data's interfaces, not a store",
		applies: arrowUnder("congres/export"),
		scope:   arrowDeps,
		forbids: func(_, dep string) bool { return arrowStore(dep) || arrowUnder("congres/data/stores")(dep) },
	},
	{
		name:    "the command line does not show",
		applies: arrowUnder("congres/ui/cli"),
		scope:   arrowAll,
		forbids: func(_, dep string) bool { return arrowFyne(dep) || dep == "congres/ui" },
	},
	{
		name:    "only wiring opens a store",
		applies: arrowUnder("congres/data"),
		scope:   arrowDirect,
		forbids: func(pkg, dep string) bool {
			if !arrowStore(dep) || arrowUnder("congres/data/stores")(pkg) {
				return false
			}
			for _, store := range []string{"congres/data/sqlite", "congres/data/postgres"} {
				if arrowUnder(store)(dep) && arrowUnder(store)(pkg) {
					return false // within the store's own folder
				}
			}
			return true
		},
	},
	{
		name:    "the spreadsheet reader opens no congress",
		applies: arrowUnder("congres/data/spreadsheet"),
		scope:   arrowAll,
		forbids: func(_, dep string) bool { return arrowSQLStore(dep) || arrowUnder("congres/data/stores")(dep) },
	},
	{
		name: "SQL stays in the stores",
		applies: func(pkg string) bool {
			return arrowUnder("congres")(pkg) && !arrowSQLStore(pkg) && !arrowTestSupport(pkg)
		},
		scope:   arrowDirect,
		forbids: func(_, dep string) bool { return arrowSQL(dep) },
	},
	{
		name: "SQL stays in the stores",
		applies: func(pkg string) bool {
			return arrowUnder("congres/data")(pkg) && !arrowSQLStore(pkg) && !arrowUnder("congres/data/stores")(pkg)
		},
		scope:   arrowDeps,
		forbids: func(_, dep string) bool { return arrowSQL(dep) },
	},
}

// arrowException is a broken arrow that is let through for now: dep is a
// dependency or the root of the dependencies it stands for (a module path).
type arrowException struct{ rule, pkg, dep string }

// arrowAllowed is what today's code breaks, each with why: a decision that
// stands, or the step of the split (docs/store-split.md) that ends it.
var arrowAllowed = map[arrowException]string{
	{"SQL stays in the stores", "congres/data", "database/sql"}: "the rules' portable SQL is written once, in data, " +
		"behind the Dialect (data/db.go, data/dialect.go); the engines' differences live in data/sqlite and data/postgres",
	// The reader imports no SQL itself (the rule on direct imports holds);
	// it depends on database/sql through data, for the reason above.
	{"SQL stays in the stores", "congres/data/spreadsheet", "database/sql"}: "through data, whose rules' portable SQL is written once behind the Dialect",
}

func arrowAllowedFor(allowed map[arrowException]string, v arrowViolation) (arrowException, bool) {
	for ex := range allowed {
		if ex.rule == v.rule && ex.pkg == v.pkg && arrowUnder(ex.dep)(v.dep) {
			return ex, true
		}
	}
	return arrowException{}, false
}

// arrowCheck returns every dependency in pkgs that a rule forbids.
func arrowCheck(pkgs map[string]*arrowPackage, rules []arrowRule) []arrowViolation {
	var out []arrowViolation
	for _, r := range rules {
		for path, p := range pkgs {
			if !r.applies(path) {
				continue
			}
			deps := p.Imports
			if r.scope != arrowDirect {
				deps = p.Deps
			}
			for _, dep := range deps {
				if r.forbids(path, dep) {
					out = append(out, arrowViolation{rule: r.name, pkg: path, dep: dep})
				}
			}
			if r.scope != arrowAll {
				continue
			}
			for _, dep := range arrowTestDeps(pkgs, p) {
				if r.forbids(path, dep) && !slices.Contains(p.Deps, dep) {
					out = append(out, arrowViolation{rule: r.name, pkg: path + " (tests)", dep: dep})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b arrowViolation) int { return strings.Compare(a.String(), b.String()) })
	return out
}

// arrowReport says which rules are broken, once per rule and package, with
// the imports that lead to the first forbidden dependency.
func arrowReport(pkgs map[string]*arrowPackage, vs []arrowViolation) []string {
	type key struct{ rule, pkg string }
	var order []key
	deps := map[key][]string{}
	for _, v := range vs {
		k := key{v.rule, v.pkg}
		if deps[k] == nil {
			order = append(order, k)
		}
		deps[k] = append(deps[k], v.dep)
	}
	var out []string
	for _, k := range order {
		d := deps[k]
		if p, ok := pkgs[strings.TrimSuffix(k.pkg, " (tests)")]; ok {
			// What the package imports itself first: the place to look.
			direct := slices.Concat(p.Imports, p.TestImports, p.XTestImports)
			slices.SortStableFunc(d, func(a, b string) int {
				return arrowBool(slices.Contains(direct, b)) - arrowBool(slices.Contains(direct, a))
			})
		}
		line := fmt.Sprintf("%s: %s depends on %s", k.rule, k.pkg, d[0])
		if len(d) > 1 {
			line += fmt.Sprintf(" (and %d more)", len(d)-1)
		}
		if chain := arrowChain(pkgs, strings.TrimSuffix(k.pkg, " (tests)"), d[0]); len(chain) > 2 {
			line += ", through " + strings.Join(chain, " → ")
		}
		out = append(out, line)
	}
	return out
}

func arrowBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

// arrowChain is the shortest chain of imports from pkg to dep, counting its
// tests' imports; nil when there is none.
func arrowChain(pkgs map[string]*arrowPackage, pkg, dep string) []string {
	from := map[string]string{pkg: ""}
	queue := []string{pkg}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == dep {
			var chain []string
			for at := dep; at != ""; at = from[at] {
				chain = append(chain, at)
			}
			slices.Reverse(chain)
			return chain
		}
		p, ok := pkgs[cur]
		if !ok {
			continue
		}
		next := p.Imports
		if cur == pkg {
			next = slices.Concat(p.Imports, p.TestImports, p.XTestImports)
		}
		for _, imp := range next {
			if _, seen := from[imp]; !seen {
				from[imp] = cur
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// arrowTestDeps is what the tests of p import, and all that depends on.
func arrowTestDeps(pkgs map[string]*arrowPackage, p *arrowPackage) []string {
	seen := map[string]bool{}
	var out []string
	add := func(dep string) {
		if !seen[dep] && dep != p.ImportPath {
			seen[dep] = true
			out = append(out, dep)
		}
	}
	for _, imp := range slices.Concat(p.TestImports, p.XTestImports) {
		add(imp)
		if q, ok := pkgs[imp]; ok {
			for _, dep := range q.Deps {
				add(dep)
			}
		}
	}
	slices.Sort(out)
	return out
}

// arrowUnder matches root and the packages in its folders.
func arrowUnder(root string) func(string) bool {
	return func(pkg string) bool { return pkg == root || strings.HasPrefix(pkg, root+"/") }
}

func arrowFyne(pkg string) bool { return arrowUnder("fyne.io")(pkg) }

// arrowStore matches the stores: the file's and the server's.
func arrowStore(pkg string) bool {
	return arrowUnder("congres/data/sqlite")(pkg) || arrowUnder("congres/data/postgres")(pkg)
}

// arrowSQLStore matches the packages that may speak SQL: the stores and
// the SQL they share.
func arrowSQLStore(pkg string) bool {
	return arrowStore(pkg) || arrowUnder("congres/data/sqlstore")(pkg)
}

// arrowTestSupport matches the packages that only tests import (a
// storetest gives a test a database of its own on the test server).
func arrowTestSupport(pkg string) bool { return strings.HasSuffix(pkg, "/storetest") }

// arrowSQL matches database/sql and the SQL drivers.
func arrowSQL(pkg string) bool {
	for _, root := range []string{"database/sql", "modernc.org/sqlite", "github.com/jackc/pgx", "github.com/lib/pq", "github.com/mattn/go-sqlite3"} {
		if arrowUnder(root)(pkg) {
			return true
		}
	}
	return false
}
