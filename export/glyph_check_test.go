package export

import (
	"slices"
	"strings"
	"testing"

	"congres/data"
)

// Every print can warn of the characters that print as "�", naming the
// person and each character; names the fonts cover raise nothing.
func TestGlyphWarnings(t *testing.T) {
	rows := scriptBadges()
	bad := testBadges(1)[0]
	bad.FirstName, bad.LastName, bad.Organisation = "Ana 😀", "López", "ⵜⴰⵎ 😀"
	rows = append(rows, bad)

	ws := BadgeInput{Congress: testCongress, Badges: rows}.GlyphWarnings()
	if len(ws) != 1 || ws[0].Name != "Ana 😀 López" || !slices.Equal(ws[0].Runes, []rune("😀ⵜⴰⵎ")) {
		t.Fatalf("badge warnings %+v, want Ana 😀 López with 😀ⵜⴰⵎ", ws)
	}
	en, fr := ws[0].Message("en"), ws[0].Message("fr")
	for _, want := range []string{"Ana 😀 López", `U+1F600 "😀"`, `U+2D5C "ⵜ"`, "\uFFFD"} {
		if !strings.Contains(en, want) {
			t.Errorf("English %q lacks %q", en, want)
		}
	}
	for _, want := range []string{"Ana 😀 López", "U+1F600 «😀»", "aucune police"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French %q lacks %q", fr, want)
		}
	}

	people := []data.SessionAttendee{
		{ParticipantID: 1, FirstName: "प्रिया", LastName: "शर्मा"},
		{ParticipantID: 2, FirstName: "Ana", LastName: "😀"},
	}
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{
		{Session: testSession(1, "A"), People: people}, {Session: testSession(2, "B"), People: people}}}
	if ws := in.GlyphWarnings(); len(ws) != 1 || ws[0].Name != "Ana 😀" {
		t.Errorf("sign-in warnings %+v, want Ana 😀 once", ws)
	}

	certs := testCertificates(2)
	certs[0].FirstName, certs[0].LastName = "𠮷田", "太郎"
	certs[1].Organisation = "☃ Club"
	ws = CertificateInput{Congress: certCongress(), People: certs}.GlyphWarnings()
	if len(ws) != 1 || !slices.Equal(ws[0].Runes, []rune("☃")) {
		t.Errorf("certificate warnings %+v, want ☃ only", ws)
	}
}
