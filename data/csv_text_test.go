package data

import "testing"

func TestCSVFormulaLike(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"=1+1", true}, {"+33 6", true}, {"-x", true}, {"@SUM(1)", true}, {"\tx", true}, {"\rx", true},
		{"\x00", true}, {"   =1", true}, {" -", true},
		{"", false}, {"Dupont", false}, {"06 12", false}, {"a=b", false}, {"Jean-Pierre", false}, {"   ", false},
		{"'=1", false}, {"＝1", false},
	} {
		if got := FormulaLike(tc.in); got != tc.want {
			t.Errorf("formulaLike(%q) = %v", tc.in, got)
		}
	}
}

// TestCSVTextValue: what CSVText writes reads back as it was, and an
// apostrophe CSVText would not have put stays.
func TestCSVTextValue(t *testing.T) {
	for _, s := range []string{"=HYPERLINK(\"x\")", "+33 6 12 34", "@A", "77002", "120,00", "2021-11-25", "Dupont", "'t Hooft", "'", "''=1", ""} {
		if got := CSVTextValue(CSVText(s)); got != s {
			t.Errorf("CSVTextValue(CSVText(%q)) = %q", s, got)
		}
	}
	for v, want := range map[string]string{"'t Hooft": "'t Hooft", "'Dupont": "'Dupont", "'=1+1": "=1+1", "'0612": "0612"} {
		if got := CSVTextValue(v); got != want {
			t.Errorf("CSVTextValue(%q) = %q, want %q", v, got, want)
		}
	}
}
