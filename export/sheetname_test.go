package export

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSheetNameClean(t *testing.T) {
	long := "Atelier 3 : l'économie sociale et solidaire dans les territoires ruraux"
	for _, tc := range []struct {
		name, in, want string
	}{
		{"Plain", "Plénière d'ouverture", "Plénière d’ouverture"},
		{"Forbidden", `a[b]c:d/e\f?g*h`, "a(b)c-d-e-fgh"},
		{"ApostropheEnds", "'quoted'", "’quoted’"},
		{"Spaces", "  tab\there\n  and   there ", "tab here and there"},
		{"Long", long, "Atelier 3 - l’économie…"},
		{"LongCutAtWord", "Atelier numéro trente et un du matin", "Atelier numéro trente et un…"},
		{"LongCutInWord", "Atelier: Anticonstitutionnellement parlant", "Atelier - Anticonstitutionnell…"},
		{"ColonEnglish", "Workshop: funding", "Workshop - funding"},
		{"ColonFrench", "Atelier : financer", "Atelier - financer"},
		{"ColonTime", "Pause 10:30", "Pause 10-30"},
		{"Emoji", strings.Repeat("🎉", 20), strings.Repeat("🎉", 15) + "…"},
		{"Empty", " ?*? ", ""},
		{"CJK", "山田太郎のワークショップ", "山田太郎のワークショップ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanSheetName(tc.in)
			if got != tc.want {
				t.Fatalf("cleanSheetName(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got != "" {
				wbCheckSheetName(t, got)
			}
		})
	}
}

// checkSheetName checks a name against Excel's rules the way excelize does,
// and ours: no leading or trailing space.
func wbCheckSheetName(t *testing.T, name string) {
	t.Helper()
	if utf16Len(name) > 31 {
		t.Errorf("%q: %d UTF-16 units", name, utf16Len(name))
	}
	if strings.ContainsAny(name, `[]:*?/\`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		t.Errorf("%q has a forbidden character", name)
	}
	if strings.TrimSpace(name) != name {
		t.Errorf("%q has spaces at an end", name)
	}
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet(name); err != nil {
		t.Errorf("excelize refuses %q: %v", name, err)
	}
}

func TestSheetNameUnique(t *testing.T) {
	n := newSheetNames()
	long := strings.Repeat("x", 40)
	for _, tc := range []struct {
		name, in, fallback, want string
	}{
		{"First", "Participants", "", "Participants"},
		{"SameOtherCase", "PARTICIPANTS", "", "PARTICIPANTS (2)"},
		{"Third", "participants", "", "participants (3)"},
		{"Reserved", "History", "", "History (2)"},
		{"Long", long, "", strings.Repeat("x", 30) + "…"},
		{"LongAgain", long, "", strings.Repeat("x", 26) + "… (2)"},
		{"Fallback", "???", "Session", "Session"},
		{"FallbackAgain", "", "Session", "Session (2)"},
		{"CutForSuffix", "Atelier de la journée du matin", "", "Atelier de la journée du matin"},
		{"CutForSuffixAgain", "Atelier de la journée du matin", "", "Atelier de la journée du… (2)"},
		{"SpaceBeforeSuffix", "abcdefghijklmnopqrstuvwxyz abcd", "", "abcdefghijklmnopqrstuvwxyz abcd"},
		{"SpaceBeforeSuffixAgain", "abcdefghijklmnopqrstuvwxyz abcd", "", "abcdefghijklmnopqrstuvwxyz… (2)"},
		{"AccentsFold", "ÉTÉ", "", "ÉTÉ"},
		{"AccentsFoldAgain", "été", "", "été (2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := n.unique(tc.in, tc.fallback)
			if got != tc.want {
				t.Fatalf("unique(%q) = %q, want %q", tc.in, got, tc.want)
			}
			wbCheckSheetName(t, got)
		})
	}
	t.Run("ManyCopies", func(t *testing.T) {
		n := newSheetNames()
		seen := map[string]bool{}
		for range 120 {
			got := n.unique(long, "")
			wbCheckSheetName(t, got)
			if seen[strings.ToLower(got)] {
				t.Fatalf("%q handed out twice", got)
			}
			seen[strings.ToLower(got)] = true
		}
	})
}
