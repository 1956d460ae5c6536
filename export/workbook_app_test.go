package export

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookApplication: the file's application property (docProps/app.xml,
// shown by LibreOffice and Excel as the program that wrote it) names the
// app, not the library ("Go Excelize").
func TestWorkbookApplication(t *testing.T) {
	_, file := wbWrite(t, wbInput(3, 2), WorkbookOptions{Lang: "fr", Version: "1.4.0"})
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetAppProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Application != "Congrès" {
		t.Errorf("application %q", p.Application)
	}
}
