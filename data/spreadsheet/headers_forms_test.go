package spreadsheet

import (
	"errors"
	"slices"
	"testing"

	"congres/data"
)

// A Google Forms question used as a header, its hint on a line of its own
// ("Catégorie\n(adhérent, élu…)"), is recognised by its first line, and
// the header cell running over two lines is no remark; a data row's value
// that does is still one.
func TestFormQuestionHeaders(t *testing.T) {
	path := writeFile(t, "google.csv", []byte("Horodateur,Adresse e-mail,Nom,Prénom,Structure,\"Catégorie\n(adhérent, élu…)\","+
		"\"Numéro de téléphone :\n(facultatif)\",\"Régime alimentaire (allergies, etc.)\",Jours de présence\r\n"+
		"01/10/2021 10:20:33,ines@example.org,Blanc,Inès,Org Z,adhérent,,végétarien,25/11/2021\r\n"+
		"01/10/2021 11:00:01,jules@example.org,Noir,Jules,Org Z,ÉLU·E,,,\"25/11/2021,\n26/11/2021\"\r\n"))
	f, err := Open(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := f.Mapping(nil)
	want := []data.ImportField{data.FieldResponse, data.FieldEmail, data.FieldLastName, data.FieldFirstName,
		data.FieldOrganisation, data.FieldCategory, data.FieldPhone, data.FieldDiet, data.FieldDays}
	if !slices.Equal(m, want) {
		t.Errorf("mapping %v, want %v", m, want)
	}
	if f.HeaderCells[5] != "Catégorie\n(adhérent, élu…)" || f.Header[5] != "Catégorie (adhérent, élu…)" {
		t.Errorf("header %q, cells %q", f.Header, f.HeaderCells)
	}
	for {
		if _, err := f.Next(); err != nil {
			break
		}
	}
	ws := f.Warnings()
	if len(ws) != 1 || ws[0].Line != 5 || !errors.Is(ws[0].Err, data.ErrImportMultiLine) {
		t.Fatalf("warnings %+v", ws)
	}
}

// Google Forms writes a header cell over two lines ("Nom\n") before the
// question with a hint ("Catégorie\n(adhérent, élu…)"): the header row
// runs over three lines, and its quoted cells are still no remark.
func TestFormHeaderOverSeveralLines(t *testing.T) {
	path := writeFile(t, "google.csv", []byte("Horodateur,Adresse e-mail,\"Nom\n\",Prénom,\"Catégorie\n(adhérent, élu…)\",Structure\r\n"+
		"01/10/2021 10:20:33,gf1@ex.fr,Lambert,Zoé,adhérente,Asso X\r\n"+
		"01/10/2021 10:25:00,anonymous,Fontaine,Yann,Élu.e,Asso Y\r\n"))
	f, err := Open(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []data.ImportField{data.FieldResponse, data.FieldEmail, data.FieldLastName, data.FieldFirstName,
		data.FieldCategory, data.FieldOrganisation}
	if m := f.Mapping(nil); !slices.Equal(m, want) {
		t.Errorf("mapping %v, want %v", m, want)
	}
	n := 0
	for {
		if _, err := f.Next(); err != nil {
			break
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d rows, want 2", n)
	}
	if ws := f.Warnings(); len(ws) != 0 {
		t.Errorf("warnings %+v", ws)
	}
}
