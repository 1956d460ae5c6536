package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/assets"
)

// placeholder is a value a message is given ({{.Name}}).
var placeholder = regexp.MustCompile(`{{[^}]*}}`)

// quotedFrench lists the French messages that quote with « and », each
// given a short word for its values (a word wider than the row is cut
// anywhere).
func quotedFrench(t *testing.T) []string {
	t.Helper()
	b, err := assets.Translations.ReadFile("translations/fr.json")
	if err != nil {
		t.Fatal(err)
	}
	var messages map[string]any
	if err := json.Unmarshal(b, &messages); err != nil {
		t.Fatal(err)
	}
	var found []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if strings.ContainsAny(v, "«»") {
				found = append(found, placeholder.ReplaceAllString(v, "Artois"))
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(messages)
	return found
}

// wrappedRows is the text of each row a word-wrapped label of width
// shows text in.
func wrappedRows(text string, width float32) []string {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(width, 2000))
	var rows []string
	for _, o := range test.LaidOutObjects(l) {
		if t, ok := o.(*canvas.Text); ok {
			rows = append(rows, t.Text)
		}
	}
	return rows
}

// fyne wraps a label at any space, no-break ones included (unicode.IsSpace:
// U+00A0, U+202F…), so « could end a row and » start one. The French
// messages hold the guillemets against the words they quote: no row of a
// wrapped French message ends with « or starts with », at any width
// (issue 19).
func TestFrenchQuotesWrapWithTheirWords(t *testing.T) {
	test.NewTempApp(t)
	messages := quotedFrench(t)
	if len(messages) < 20 {
		t.Fatalf("only %d French messages quote", len(messages))
	}
	bad := 0
	for _, m := range messages {
		for width := float32(120); width <= 520; width += 7 {
			for _, row := range wrappedRows(m, width) {
				r := strings.TrimSpace(strings.Trim(row, "\u00a0\u202f"))
				if strings.HasSuffix(r, "«") || strings.HasPrefix(r, "»") {
					if bad++; bad <= 5 {
						t.Errorf("at %.0f px a row of %q is %q", width, m, row)
					}
				}
			}
		}
	}
	if bad > 5 {
		t.Errorf("and %d rows more", bad-5)
	}
}

// The messages written in Go (data's errors, the exports', the command
// line's) quote the same way as fr.json: «mot», never « mot », so the two
// styles do not sit side by side and a guillemet never wraps alone. Only
// the certificate, which gofpdf lays out and not fyne, keeps its spaces.
func TestGoFrenchMessagesHoldTheirQuotes(t *testing.T) {
	keep := map[string]bool{filepath.Join("..", "export", "certificate.go"): true}
	fset := token.NewFileSet()
	checked := 0
	for _, dir := range []string{"../data", "../data/postgres", "../data/sqlite", "../data/stores", "../data/spreadsheet", "../export", ".", "cli"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") || keep[name] {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || !strings.ContainsAny(s, "«»") {
					return true
				}
				checked++
				if strings.Contains(s, "« ") || strings.Contains(s, " »") || strings.Contains(s, "«\u00a0") || strings.Contains(s, "\u00a0»") {
					t.Errorf("%s: %q quotes with spaces inside the guillemets", fset.Position(lit.Pos()), s)
				}
				return true
			})
		}
	}
	if checked < 50 {
		t.Errorf("only %d Go strings quote with guillemets: is the walk reading the sources?", checked)
	}
}
