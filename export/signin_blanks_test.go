package export

import (
	"fmt"
	"testing"
)

// TestSignInBlankLinesAsAsked: a sheet has the blank lines asked for, or,
// when they would spill onto a page alone, as many as its last page holds
// below its names: never a last page with room to spare and fewer blank
// lines than asked (the demo's "Outre-mer" workshop, 36 people, printed its
// last page with one name and no line for a walk-in).
func TestSignInBlankLinesAsAsked(t *testing.T) {
	d := newSignInDesign(testCongress, nil, "fr")
	speakers := []SignInSpeaker{{FirstName: "Chloé", LastName: "Haddad"}, {FirstName: "Léa", LastName: "Dupont", Facilitator: true}}
	for n := 1; n <= 90; n++ {
		for _, blanks := range []int{0, 5, 25} {
			for _, sp := range [][]SignInSpeaker{nil, speakers} {
				for _, day := range []bool{false, true} {
					sh := SignInSheet{Session: testSession(1, "A"), People: testPeople(n, 1), Speakers: sp}
					if day {
						sh = daySheet(n)
					}
					opts := SignInOptions{BlankLines: blanks}
					p := d.plan(&sh, 0, opts)
					name := fmt.Sprintf("%d people, blanks %d, %d speakers, day %v", n, blanks, len(sp), day)
					checkSignInPlan(t, d, &p, n, name)
					last := len(p.pageRows) - 1
					got, want := p.rows-n, opts.blankLines()
					if got < want && p.pageRows[last] < d.capacity(&p, last, true) {
						t.Errorf("%s: %d blank lines of %d, and the last page holds %d lines of %d", name, got, want, p.pageRows[last], d.capacity(&p, last, true))
					}
				}
			}
		}
	}
}
