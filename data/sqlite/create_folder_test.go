package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Creating a congress in a folder that does not exist (or under a file)
// is an ordinary condition said in a sentence, in both languages, not
// "internal error"; nothing is created.
func TestCreateFolderMissing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, folder := range map[string]string{"Absent": filepath.Join(dir, "absent"), "UnderAFile": file} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(folder, "a"+data.Extension)
			s, err := Create(ctx, path, data.Congress{Name: "Congrès", Days: []data.Day{sqlitetest.Day1}})
			if err == nil {
				s.Close()
				t.Fatal("created")
			}
			var e *data.Error
			if !errors.As(err, &e) || e.Kind != data.KindNotFound || !errors.Is(err, data.ErrFolderMissing) {
				t.Fatalf("%T %v", err, err)
			}
			if en, fr := data.Message(err, "en"), data.Message(err, "fr"); !strings.Contains(en, `The folder "`+folder+`" does not exist`) ||
				!strings.Contains(fr, "Le dossier «"+folder+"» n'existe pas") {
				t.Fatalf("%q / %q", en, fr)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) && name == "Absent" {
				t.Fatal("something was created")
			}
		})
	}
}
