package ui

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"congres/assets"
)

// TestGuideNamesTheButtons (issue 19): what the guide writes in bold as a
// menu path (File → New…) or a button ending in "…" is a name the window
// shows in that language. The English guide said "New registration…" for
// the button "New participant…".
func TestGuideNamesTheButtons(t *testing.T) {
	bold := regexp.MustCompile(`\*\*([^*]+)\*\*`)
	for _, language := range languages {
		names := map[string]bool{}
		b, err := assets.Translations.ReadFile("translations/" + language + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]any
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatal(err)
		}
		for k, v := range tr {
			if s, ok := v.(string); ok {
				names[s] = true
			}
			if language == "en" {
				names[k] = true
			}
		}
		md, err := assets.Guide.ReadFile("guide/" + language + ".md")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range bold.FindAllStringSubmatch(string(md), -1) {
			parts := strings.Split(m[1], " → ")
			for _, p := range parts {
				p = strings.TrimSpace(p)
				if (len(parts) > 1 || strings.HasSuffix(p, "…")) && !names[p] {
					t.Errorf("%s guide: **%s**: the window has no %q", language, m[1], p)
				}
			}
		}
	}
}
