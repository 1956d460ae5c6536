package data_test

import (
	"testing"

	. "congres/data"
)

// TestCongressLanguage: a congress prints in French unless it says
// otherwise; its language is kept, and only French or English is taken.
func TestCongressLanguage(t *testing.T) {
	s := mustOpen(t)
	c, err := s.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != "fr" || c.OutputLanguage() != "fr" {
		t.Fatalf("a new congress prints in %q (%q), want French", c.Language, c.OutputLanguage())
	}
	c.Language = "en"
	if err := s.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Congress(ctx); err != nil || got.Language != "en" || got.OutputLanguage() != "en" {
		t.Fatalf("after choosing English: %q, %v", got.Language, err)
	}
	c.Language = "de"
	err = s.UpdateCongress(ctx, &c)
	wantErr(t, err, ErrLanguageInvalid)
	if got, _ := s.Congress(ctx); got.Language != "en" {
		t.Errorf("a refused language changed the congress: %q", got.Language)
	}
	c.Language = ""
	if err := s.UpdateCongress(ctx, &c); err != nil || c.Language != "fr" {
		t.Errorf("no language: %q, %v; want French", c.Language, err)
	}
	if (Congress{}).OutputLanguage() != "fr" {
		t.Error("a congress without a language prints in French")
	}
}
