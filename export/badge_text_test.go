package export

import (
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"congres/data"
)

// A pdfWord is a word as pdftotext -bbox reads it back from a PDF: its
// text and its box in points from the page's top-left corner.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// notoLineEm is the height pdftotext gives a word, in em: Noto Sans's
// ascent plus descent (a 14 pt title reads back 19.07 pt high).
const notoLineEm = 1.362

// size is the word's font size in points, from its height.
func (w pdfWord) size() float64 { return (w.yMax - w.yMin) / notoLineEm }

// pdfWordsOnPage reads back the words of one page (counted from 1).
func pdfWordsOnPage(tb testing.TB, path string, page int) []pdfWord {
	tb.Helper()
	p := strconv.Itoa(page)
	out := run(tb, "pdftotext", "-f", p, "-l", p, "-bbox", "-enc", "UTF-8", path, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	var words []pdfWord
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, pdfWord{html.UnescapeString(m[5]), v[0], v[1], v[2], v[3]})
	}
	return words
}

// textLines finds the words of text (in order, one after the other) among
// words, and returns them grouped in lines (by their top), with the size
// of each line; nil when the text is not there.
func textLines(words []pdfWord, text string) (lines []string, sizes []float64) {
	want := strings.Fields(text)
	for i := range words {
		if i+len(want) > len(words) {
			break
		}
		ok := true
		for k, w := range want {
			if comparable(words[i+k].text) != comparable(w) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for k := range want {
			w := words[i+k]
			if k == 0 || math.Abs(w.yMin-words[i+k-1].yMin) > 0.5 {
				lines = append(lines, w.text)
				sizes = append(sizes, w.size())
			} else {
				lines[len(lines)-1] += " " + w.text
			}
		}
		return lines, sizes
	}
	return nil, nil
}

// longLastName is 46 characters long, as the longest last name of the
// federation's files.
const longLastName = "Fernández de la Santísima Trinidad Villanuevas"

// TestBadgeLongNameWrapsBeforeItShrinks prints a person with a
// 46-character last name on every preset and reads the name back from the
// PDF. The rule, the same on every badge size: text wraps onto a second
// line before it shrinks far. So the name is on at most two lines; no
// badge sets it smaller than the smallest badge (85×54 mm) does; and it is
// never below 10 pt. Before, larger badges kept it on one line at
// 6.3–7.3 pt while the 85×54 mm badge wrapped it at 10.5 pt.
func TestBadgeLongNameWrapsBeforeItShrinks(t *testing.T) {
	if n := len([]rune(longLastName)); n != 46 {
		t.Fatalf("the name has %d characters", n)
	}
	row := data.BadgeRow{ID: 1, Code: "C00001", FirstName: "Maria", LastName: longLastName,
		Organisation: "Fédération", Category: "Adhérent", CategoryColour: "#1F77B4"}
	sizes := map[string]float64{}
	for _, l := range Presets() {
		t.Run(l.Name, func(t *testing.T) {
			path := writeFile(t, writeBadges(t, l, allSettings(), []data.BadgeRow{row}), "b.pdf")
			lines, sz := textLines(pdfWordsOnPage(t, path, 1), longLastName)
			if lines == nil {
				t.Fatalf("%q is not in the PDF", longLastName)
			}
			if len(lines) > 2 {
				t.Errorf("on %d lines: %q", len(lines), lines)
			}
			for _, s := range sz[1:] {
				if math.Abs(s-sz[0]) > 0.05 {
					t.Errorf("lines of sizes %v", sz)
				}
			}
			sizes[l.Name] = sz[0]
			if sz[0] < 10 {
				t.Errorf("set at %.2f pt on %d line(s) %q: below 10 pt", sz[0], len(lines), lines)
			}
			t.Logf("%.2f pt on %d line(s)", sz[0], len(lines))
		})
	}
	smallest := sizes["a4-85x54"]
	for name, s := range sizes {
		if s < smallest-0.05 {
			t.Errorf("%s sets the name at %.2f pt, smaller than the 85×54 mm badge (%.2f pt)", name, s, smallest)
		}
	}
}

// TestBadgeProgrammeOneSize prints a fold-over badge and a duplex back
// whose programme mixes short and long titles, plenaries (bold) and
// workshops, and reads every programme line back from the PDF: all are in
// one size (before, from 4.6 to 9 pt in one list), none leaves its badge.
func TestBadgeProgrammeOneSize(t *testing.T) {
	titles := []string{"Accueil", "Plénière d'ouverture : les chantiers d'insertion face aux transitions écologiques et numériques",
		"Atelier 3", "L'accompagnement socio-professionnel des personnes très éloignées de l'emploi dans les territoires ruraux",
		"Déjeuner", "Atelier 12 : financer", "Clôture"}
	row := testBadges(1)[0]
	row.Programme = nil
	for i, title := range titles {
		kind := data.KindWorkshop
		if i%3 == 1 {
			kind = data.KindPlenary
		}
		row.Programme = append(row.Programme, data.ProgrammeItem{Kind: kind, Day: "2021-11-25",
			Start: data.Clock(9*60 + 60*i), End: data.Clock(10*60 + 60*i), Title: title, Room: "Salle " + strconv.Itoa(i+1)})
	}
	for _, c := range []struct {
		layout string
		page   int
	}{{"fold-a4-a6", 1}, {"a4-85x54", 2}, {"a4-a6", 2}, {"card-85.6x54", 2}} {
		t.Run(c.layout, func(t *testing.T) {
			l := mustPreset(t, c.layout)
			s := allSettings()
			s.Duplex = l.Mode != FoldOver
			path := writeFile(t, writeBadges(t, l, s, []data.BadgeRow{row}), "b.pdf")
			words := pdfWordsOnPage(t, path, c.page)
			back := BadgeOptions{Layout: l, Settings: s}.layout().BackSlot(0)
			if l.Mode == FoldOver {
				back = l.BackBox(0)
			}
			var found []float64
			var text []string
			for _, it := range row.Programme {
				for _, part := range []string{it.Start.String() + "–" + it.End.String(), it.Title} {
					lines, sz := textLines(words, strings.Fields(part)[0])
					if lines == nil {
						continue // cut short: the first word is there unless the line is
					}
					found = append(found, sz...)
					text = append(text, lines...)
				}
			}
			if len(found) < len(titles) {
				t.Fatalf("%d programme lines read back: %q", len(found), text)
			}
			sort.Float64s(found)
			if found[len(found)-1]-found[0] > 0.05 {
				t.Errorf("programme lines from %.2f to %.2f pt", found[0], found[len(found)-1])
			}
			if found[0] < programmeMin-0.05 {
				t.Errorf("programme at %.2f pt, below %v pt", found[0], programmeMin)
			}
			k := 72 / inch
			for _, w := range words {
				if w.yMin > back.Y*k && w.xMin > back.X*k-1 && (w.xMax > back.Right()*k+0.5 || w.yMax > back.Bottom()*k+0.5) {
					t.Errorf("%q at %+v leaves the back %+v", w.text, w, back)
				}
			}
			t.Logf("programme at %.2f pt", found[0])
		})
	}
}

// TestFitTextWrapGain: text wraps when two lines set it at least wrapGain
// times larger than one line does, and stays on one line otherwise, in the
// same box whatever the badge: a name does not break for a point more.
func TestFitTextWrapGain(t *testing.T) {
	st := textStyle{Bold: true, MaxSize: 30, MinSize: 6, MaxLines: 2}
	for _, c := range []struct {
		text  string
		box   Box
		lines int
	}{
		{longLastName, Box{0, 0, 93, 17.9}, 2},                // A6: 18.7 pt on two lines, not 11.5 on one
		{longLastName, Box{0, 0, 51.5, 10.1}, 2},              // 90×54: 10.5 pt on two, not 6.3 on one
		{"Dupont-Aignan de la Motte", Box{0, 0, 93, 17.9}, 1}, // fits on one line at a size two lines barely beat
		{"Kierkegaard", Box{0, 0, 93, 17.9}, 1},
	} {
		f := fitText(c.text, c.box, st)
		one := fitText(c.text, c.box, textStyle{Bold: true, MaxSize: 30, MinSize: 1, MaxLines: 1})
		if len(f.Lines) != c.lines {
			t.Errorf("%q in %.1f × %.1f mm: %d lines at %.2f pt (one line: %.2f pt), want %d", c.text, c.box.W, c.box.H, len(f.Lines), f.Size, one.Size, c.lines)
		}
		if len(f.Lines) == 2 && f.Size < one.Size*wrapGain-0.01 {
			t.Errorf("%q wrapped at %.2f pt, one line was %.2f pt", c.text, f.Size, one.Size)
		}
		if len(f.Lines) == 1 && f.Size < one.Size-0.01 {
			t.Errorf("%q on one line at %.2f pt, smaller than it fits (%.2f)", c.text, f.Size, one.Size)
		}
	}
}
