package ui

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/assets"
)

// fyneAppDetail reads one value of FyneApp.toml's [Details] with a regular
// expression, apart from the TOML decoder under test.
func fyneAppDetail(t *testing.T, toml []byte, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + key + ` *= *"?([^"\n]*)"?$`).FindSubmatch(toml)
	if m == nil {
		t.Fatalf("FyneApp.toml has no %s", key)
	}
	return string(m[1])
}

func TestMetadataIsFyneAppTOML(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	meta, err := Metadata(b)
	if err != nil {
		t.Fatal(err)
	}
	build, _ := strconv.Atoi(fyneAppDetail(t, b, "Build"))
	want := fyne.AppMetadata{Name: fyneAppDetail(t, b, "Name"), ID: fyneAppDetail(t, b, "ID"),
		Version: fyneAppDetail(t, b, "Version"), Build: build}
	if meta.Name != want.Name || meta.ID != want.ID || meta.Version != want.Version || meta.Build != want.Build {
		t.Errorf("metadata %+v, FyneApp.toml says %+v", meta, want)
	}
	if meta.ID != "org.congres.app" {
		t.Errorf("ID %q: changing it loses everyone's preferences (recent files, language)", meta.ID)
	}
	if !meta.Migrations["fyneDo"] {
		t.Error("the fyneDo migration is off")
	}
	if meta.Icon == nil || !bytes.Equal(meta.Icon.Content(), assets.Icon) {
		t.Error("the icon is not assets/icon.png")
	}
}

func TestMetadataRefusesIncomplete(t *testing.T) {
	for name, toml := range map[string]string{
		"NoVersion": "[Details]\nName = \"Congrès\"\nID = \"org.congres.app\"\nBuild = 1\n",
		"NoBuild":   "[Details]\nName = \"Congrès\"\nID = \"org.congres.app\"\nVersion = \"1.0.0\"\n",
		"NotTOML":   "[Details\nVersion = 1.0",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Metadata([]byte(toml)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// labels are the texts of the labels in o, in order.
func labels(o fyne.CanvasObject) []string {
	var out []string
	switch o := o.(type) {
	case *widget.Label:
		out = append(out, o.Text)
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, labels(c)...)
		}
	}
	return out
}

func TestAboutShowsTheVersion(t *testing.T) {
	test.NewTempApp(t)
	t.Cleanup(func() { loadTranslations("en") })
	meta := fyne.AppMetadata{Name: "Congrès", Version: "1.2.3", Build: 45, Icon: fyne.NewStaticResource("icon.png", assets.Icon)}
	for _, tc := range []struct{ lang, version string }{
		{"en", "Version 1.2.3 (build 45)"},
		{"fr", "Version 1.2.3 (compilation 45)"},
	} {
		if err := loadTranslations(tc.lang); err != nil {
			t.Fatal(err)
		}
		got := labels(aboutContent(meta))
		if len(got) != 4 || got[0] != "Congrès" || got[1] != tc.version {
			t.Errorf("%s: the About box reads %q", tc.lang, got)
		}
		// A test binary records no dependencies: Fyne's version shows in the app only.
		if built := got[len(got)-1]; !regexp.MustCompile(`^(Fyne v2\.\d+\.\d+ · )?go1\.\d+.* · \w+/\w+$`).MatchString(built) {
			t.Errorf("%s: built with %q", tc.lang, built)
		}
		if tc.lang == "en" {
			if got := labels(aboutContent(fyne.AppMetadata{})); got[1] != "development version" {
				t.Errorf("without metadata the About box reads %q", got)
			}
		}
	}
}
