package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportFileCutOff: a file cut off partway (a download stopped, a copy
// cut short) ends without a line end in a row shorter than the header, or
// inside a quoted value. That row is rejected, saying the file seems cut
// off, rather than creating a person with no email, no ticket and no fee,
// or an organisation made of half a value. A short row elsewhere (a file
// written by hand, an old Excel's) is read with its missing cells empty,
// with a warning.
func TestImportFileCutOff(t *testing.T) {
	const header = "Nom participant;Prénom participant;Email payeur;Raison sociale;Montant tarif;Numéro de billet"
	whole := "DUPONT;Marie;marie@ex.example;;120,00;77001\r\n"
	write := func(t *testing.T, text string) string {
		path := filepath.Join(t.TempDir(), "export.csv")
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, c := range []struct {
		name, last string
		want       *Error
		en, fr     string
	}{
		{"InARow", "FAURE;Paul", ErrImportRowCut,
			"This row has 2 of 6 columns and the file ends in it", "Cette ligne a 2 colonnes sur 6 et le fichier s'arrête dessus"},
		{"InAQuote", `O'BRIEN;Seán;sean@ex.example;"Coop ""Le`, ErrImportCutInQuote,
			"seems cut off inside this value", "semble coupé au milieu de cette valeur"},
		{"InALastQuote", `O'BRIEN;Seán;sean@ex.example;;120,00;"7702`, ErrImportCutInQuote, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustOpen(t)
			r, err := s.Import(ctx, spreadsheet.Source{Path: write(t, header+"\r\n"+whole+c.last)}, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			wantCounts(t, r, 2, 1, 0, 0, 0, 1)
			var rejected []ImportIssue
			for _, is := range r.Issues {
				if !is.Warning {
					rejected = append(rejected, is)
				} else if errors.Is(is.Err, ErrImportUnclosedQuote) {
					t.Errorf("a warning beside the rejection: %v", is.Err)
				}
			}
			if len(rejected) != 1 || rejected[0].Line != 3 || !errors.Is(rejected[0].Err, c.want) {
				t.Fatalf("rejected %+v, want line 3: %v", rejected, c.want)
			}
			if en, fr := Message(rejected[0].Err, "en"), Message(rejected[0].Err, "fr"); !strings.Contains(en, c.en) || !strings.Contains(fr, c.fr) {
				t.Errorf("messages:\n%s\n%s", en, fr)
			}
			if ps := people(t, s); len(ps) != 1 || ps[0].LastName != "DUPONT" {
				t.Errorf("people %+v", ps)
			}
		})
	}
	t.Run("ShortRowsElsewhere", func(t *testing.T) {
		// A short row inside the file, and one at its end that has its
		// line end: imported, each with a warning.
		s := mustOpen(t)
		r, err := s.Import(ctx, spreadsheet.Source{Path: write(t,
			header+"\r\nFAURE;Paul;paul@ex.example\r\n"+whole+"ROUX;Lina;lina@ex.example;;;77040\r\nVIDAL;Rémi\r\n")}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		wantCounts(t, r, 4, 4, 0, 0, 0, 0)
		var lines []int
		for _, is := range r.Issues {
			if errors.Is(is.Err, ErrImportShortRow) && is.Warning {
				lines = append(lines, is.Line)
			}
		}
		if len(lines) != 2 || lines[0] != 2 || lines[1] != 5 {
			t.Errorf("short-row warnings on lines %v, want [2 5]; issues %v", lines, r.Issues)
		}
	})
}
