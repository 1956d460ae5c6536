package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"congres/assets"
)

// translations reads one translation file: a message is a string, or the
// plural forms of one.
func translations(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := assets.Translations.ReadFile("translations/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return m
}

func TestTranslationsMatch(t *testing.T) {
	files := map[string]map[string]any{}
	for _, l := range languages {
		files[l] = translations(t, l)
	}
	for _, l := range languages {
		for _, other := range languages {
			for key := range files[l] {
				if _, ok := files[other][key]; !ok {
					t.Errorf("%q is in %s.json but not in %s.json", key, l, other)
				}
			}
		}
		for key, v := range files[l] {
			switch v := v.(type) {
			case string:
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s.json: %q is empty", l, key)
				}
			case map[string]any:
				for _, form := range []string{"one", "other"} {
					if s, _ := v[form].(string); strings.TrimSpace(s) == "" {
						t.Errorf("%s.json: %q lacks the plural form %q", l, key, form)
					}
				}
			default:
				t.Errorf("%s.json: %q is neither a text nor plural forms", l, key)
			}
		}
	}
}

// TestEveryStringTranslated checks that each lang.L, lang.N and lang.X of
// the package names a message of the translation files.
func TestEveryStringTranslated(t *testing.T) {
	en := translations(t, "en")
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	used := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			switch sel.Sel.Name {
			case "L", "N", "X":
			default:
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.%s with a key that is not a literal", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			key, _ := strconv.Unquote(lit.Value)
			used++
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q is not in the translation files", fset.Position(call.Pos()), key)
			}
			return true
		})
	}
	if used < 50 {
		t.Errorf("found only %d translated strings: is the scan broken?", used)
	}
}

func TestLanguageChoice(t *testing.T) {
	t.Cleanup(func() {
		if err := loadTranslations("en"); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range []struct {
		choice, lang, dashboard string
	}{
		{"fr", "fr", "Tableau de bord"},
		{"en", "en", "Dashboard"},
	} {
		if err := loadTranslations(tc.choice); err != nil {
			t.Fatal(err)
		}
		if got := uiLanguage(); got != tc.lang {
			t.Errorf("choice %q: language %q", tc.choice, got)
		}
		if got := lang.L("Dashboard"); got != tc.dashboard {
			t.Errorf("choice %q: Dashboard reads %q", tc.choice, got)
		}
		if got := lang.N("{{.Count}} participants", 1, map[string]any{"Count": 1}); tc.lang == "fr" && got != "1 participant·e" {
			t.Errorf("choice fr: one participant reads %q", got)
		}
	}
}

// TestLanguageChoicePluralRules: a count follows the chosen language's
// plural rules, whatever the system's language: zero is singular in French
// ("0 participant·e") and plural in English ("0 participants").
func TestLanguageChoicePluralRules(t *testing.T) {
	t.Cleanup(func() {
		if err := loadTranslations("en"); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range []struct{ system, choice, want string }{
		{"en_US.UTF-8", "fr", "0 participant·e"},
		{"fr_FR.UTF-8", "en", "0 participants"},
	} {
		t.Setenv("LANG", tc.system)
		t.Setenv("LC_ALL", "")
		t.Setenv("LANGUAGE", "")
		if err := loadTranslations(tc.choice); err != nil {
			t.Fatal(err)
		}
		if got := lang.N("{{.Count}} participants", 0, map[string]any{"Count": 0}); got != tc.want {
			t.Errorf("system %s, %s chosen: zero participants reads %q, want %q", tc.system, tc.choice, got, tc.want)
		}
		if os.Getenv("LC_ALL") != "" || os.Getenv("LANGUAGE") != "" {
			t.Errorf("the locale variables were left changed: LC_ALL=%q LANGUAGE=%q", os.Getenv("LC_ALL"), os.Getenv("LANGUAGE"))
		}
	}
}
