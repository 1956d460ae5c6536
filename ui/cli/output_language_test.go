package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"congres/data/stores"
)

// setLanguage sets the output language of the congress in file.
func setLanguage(t *testing.T, file, l string) {
	t.Helper()
	ctx := context.Background()
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Language = l
	if err := s.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
}

// TestCLIPrintsInTheCongressLanguage: badges, sign-in sheets, certificates,
// the attendance workbook and lists are written in the congress's
// language, not the command line's: the demo, a French congress, prints in
// French from an English command line; set to English, it prints in
// English from a French one. The command's own messages stay in its
// language. The workbook names the app's version.
func TestCLIPrintsInTheCongressLanguage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "30"); err != nil {
		t.Fatal(err)
	}
	type want struct{ badges, signin, certificates, summary, session string }
	for _, c := range []struct {
		congress, cli string
		want, not     want
		said          string
	}{
		{"fr", "en",
			want{"25–26 novembre 2021", "Feuille d'émargement", "Attestation de présence", "Présences", "Présent·es"},
			want{"November", "Sign-in sheet", "Certificate of attendance", "Attendance —", "People listed"}, "written to"},
		{"en", "fr",
			want{"25–26 November 2021", "Sign-in sheet", "Certificate of attendance", "Attendance", "Present"},
			want{"novembre", "Feuille d'émargement", "Attestation de présence", "Présences —", "Personnes sur la liste"}, "dans"},
	} {
		t.Run(c.congress, func(t *testing.T) {
			setLanguage(t, file, c.congress)
			run := func(args ...string) {
				t.Helper()
				var out bytes.Buffer
				err := newRunner(Config{Out: &out, Lang: c.cli, Version: "Congrès 9.8.7 (build 3)\n"}).run(args)
				msg := out.String()
				if err != nil || !strings.Contains(msg, c.said) {
					t.Fatalf("%v: %q, %v", args, msg, err)
				}
			}
			pdf := func(name string, args ...string) string {
				t.Helper()
				out := filepath.Join(dir, c.congress+"-"+name+".pdf")
				run(append([]string{name, file, "--out", out}, args...)...)
				return pdfText(t, out)
			}
			check := func(what, text, want, not string) {
				t.Helper()
				if !strings.Contains(text, want) {
					t.Errorf("%s: no %q:\n%.1500s", what, want, text)
				}
				if strings.Contains(text, not) {
					t.Errorf("%s: %q, in the command line's language", what, not)
				}
			}
			check("badges", pdf("badges", "--reprint"), c.want.badges, c.not.badges)
			check("sign-in sheets", pdf("signin"), c.want.signin, c.not.signin)
			check("certificates", pdf("certificates"), c.want.certificates, c.not.certificates)

			xlsx := filepath.Join(dir, c.congress+"-attendance.xlsx")
			run("export", file, "--out", xlsx)
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			a1, _ := f.GetCellValue(sheets[0], "A1")
			check("workbook's summary", a1, c.want.summary, c.not.summary)
			var session bytes.Buffer
			rows, _ := f.GetRows(sheets[2])
			for _, r := range rows {
				session.WriteString(strings.Join(r, "|") + "\n")
			}
			check("workbook's session sheet", session.String(), c.want.session, c.not.session)
			props, err := f.GetDocProps()
			if err != nil || !strings.HasPrefix(props.Creator, "Congrès 9.8.7") {
				t.Errorf("workbook's creator %q, %v: want the app's version", props.Creator, err)
			}
		})
	}
}

// TestCLINewLanguage: congres new makes a congress that prints in French,
// or in the language --lang gives; any other is a usage error.
func TestCLINewLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "fr"}, {[]string{"--lang", "en"}, "en"}, {[]string{"--lang", "fr"}, "fr"},
	} {
		file := filepath.Join(dir, c.want+strings.Join(c.args, "")+".congres")
		if msg, err := runCLI(t, append([]string{"new", file, "--name", "Congrès", "--days", "2026-05-12"}, c.args...)...); err != nil {
			t.Fatalf("%v: %q, %v", c.args, msg, err)
		}
		s, err := stores.Open(context.Background(), file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Congress(context.Background())
		cats, cerr := s.Categories(context.Background())
		s.Close()
		if err != nil || got.Language != c.want {
			t.Errorf("%v: the congress prints in %q (%v), want %q", c.args, got.Language, err, c.want)
		}
		// Its default categories are in its language: an English congress's
		// badges say MEMBER, not ADHÉRENT·E.
		wantFirst := map[string]string{"fr": "ADHÉRENT·E", "en": "MEMBER"}[c.want]
		if cerr != nil || len(cats) != 9 || cats[0].BadgeLabel != wantFirst {
			t.Errorf("%v: default categories %v (%v), want 9 starting with %q", c.args, cats, cerr, wantFirst)
		}
	}
	_, err := runCLI(t, "new", filepath.Join(dir, "de.congres"), "--name", "X", "--days", "2026-05-12", "--lang", "de")
	if err == nil || !strings.Contains(message(err), "--lang is fr or en") {
		t.Errorf("--lang de: %v", err)
	}
}
