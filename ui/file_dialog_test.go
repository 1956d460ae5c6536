package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fyne's file dialog in French has no English word left (the tester: "Home"
// and "Computer" as they were, the title "Ouvrir Fichier"): its places, its
// title, its buttons and its parent folder read in French.
func TestFileDialogInFrench(t *testing.T) {
	test.NewTempApp(t)
	inFrench(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "inscrits.csv"), []byte("Nom\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1366, 768))
	d := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w)
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(l)
	showFileDialog(d, w, lang.L("Open a file"))
	markup := test.RenderToMarkup(w.Canvas())
	var texts []string
	for _, m := range regexp.MustCompile(`>([^<>]+)</text>`).FindAllStringSubmatch(markup, -1) {
		texts = append(texts, strings.TrimSpace(m[1]))
	}
	shown := strings.Join(texts, " | ")
	english := regexp.MustCompile(`\b(Home|Computer|Open|File|Folder|Cancel|Parent|Desktop|Downloads|Music|Pictures|Videos|App Files)\b`)
	if words := english.FindAllString(shown, -1); len(words) > 0 {
		t.Errorf("English left %q in %s", words, shown)
	}
	// the places' column is wide enough for its longest name, beside its icon
	places, _ := firstList(w.Canvas().Overlays().Top(), nil)
	if places == nil {
		t.Fatal("no list of places")
	}
	if need := widget.NewLabel("Dossier personnel").MinSize().Width + theme.IconInlineSize(); places.Size().Width < need {
		t.Errorf("the places are %.0f wide, their longest name needs %.0f", places.Size().Width, need)
	}
	for _, want := range []string{"Ouvrir un fichier", "Dossier personnel", "Ordinateur", "(Dossier parent)", "Annuler", "Ouvrir"} {
		if !strings.Contains(strings.Join(texts, " "), want) { // a name may wrap
			t.Errorf("no %q in %s", want, shown)
		}
	}
}

// TestEveryFileDialogInTheLanguage: each fyne file or folder chooser the
// window opens goes through showFileDialog, which translates its places
// and title (the import's chooser said "Home" and "Ouvrir Fichier").
func TestEveryFileDialogInTheLanguage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	opens := regexp.MustCompile(`dialog\.New(File|Folder)(Open|Save)\(`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		made, shown := len(opens.FindAllString(src, -1)), strings.Count(src, "showFileDialog(")
		if f == "file_dialog.go" {
			shown-- // its definition
		}
		if made > shown {
			t.Errorf("%s makes %d file dialogs and shows %d through showFileDialog", f, made, shown)
		}
	}
}
