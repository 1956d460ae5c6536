package data_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	. "congres/data"
	"congres/data/spreadsheet"
)

// planCounter sets the import's planned hook for one test and counts the
// times an import decided its rows outside and under the write lock; then
// is called after each, with the number of plans so far.
func planCounter(t *testing.T, then func(underLock bool, n int)) *[2]int {
	t.Helper()
	var plans [2]int // outside, under the lock
	SetImportPlannedHook(t, func(underLock bool) {
		if underLock {
			plans[1]++
		} else {
			plans[0]++
		}
		if then != nil {
			then(underLock, plans[0]+plans[1])
		}
	})
	return &plans
}

// A participant created at the desk while an import reads its file makes
// the import decide its rows again, outside the write lock: a check-in
// made during that second reading goes through, and the walk-in, also in
// the file, is matched rather than doubled.
func TestImportDecidesAgainOutsideTheLock(t *testing.T) {
	s := mustOpen(t)
	guest := addPerson(t, s, "Paul", "Porte")
	lines := manyLines(3000)
	plans := planCounter(t, func(underLock bool, n int) {
		if n != 1 {
			return
		}
		p := newPerson(t, s, "Anne2500", "Ader2500")
		p.Email = "anne2500@example.org"
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Errorf("creating a participant during the import: %v", err)
		}
	})
	var admitted bool
	opts := ImportOptions{Mapping: mappingOf(lines[0]), Progress: func(done, total int64) {
		if admitted || plans[0]+plans[1] != 1 {
			return // not during the second reading (plans counts those done)
		}
		admitted = true
		c, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if _, err := s.Admit(c, AdmitRequest{ParticipantID: guest.ID, Day: day1, Desk: "Accueil"}); err != nil {
			t.Errorf("check-in while the import decides its rows again: %v", err)
		}
	}}
	r, err := s.Import(ctx, spreadsheet.Source{Path: csvFile(t, lines...)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if *plans != [2]int{2, 0} {
		t.Errorf("decided %d times outside the write lock and %d under it, want twice outside, never under", plans[0], plans[1])
	}
	if !admitted {
		t.Error("no check-in was tried during the second reading")
	}
	wantCounts(t, r, 3000, 2999, 0, 1, 0, 0)
	if n := len(people(t, s)); n != 3001 {
		t.Errorf("%d people, want 3001 (no one twice)", n)
	}
}

// When every reading is followed by a change, the import still ends: its
// last try decides the rows under the write lock, and no one is doubled.
func TestImportEndsWhileTheDeskKeepsChanging(t *testing.T) {
	s := mustOpen(t)
	lines := manyLines(300)
	plans := planCounter(t, func(underLock bool, n int) {
		if underLock {
			return
		}
		k := 100 * n
		p := newPerson(t, s, fmt.Sprintf("Anne%d", k), fmt.Sprintf("Ader%d", k))
		p.Email = fmt.Sprintf("anne%d@example.org", k)
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Errorf("creating a participant during the import: %v", err)
		}
	})
	r := importLines(t, s, ImportOptions{}, lines...)
	if *plans != [2]int{importTries, 1} {
		t.Errorf("decided %d times outside the write lock and %d under it, want %d and 1", plans[0], plans[1], importTries)
	}
	wantCounts(t, r, 300, 300-importTries, 0, importTries, 0, 0)
	list := people(t, s)
	if len(list) != 300 {
		t.Errorf("%d people, want 300 (no one twice)", len(list))
	}
	emails, codes := map[string]bool{}, map[string]bool{}
	for _, p := range list {
		if emails[p.Email] || codes[p.Code] {
			t.Errorf("%s %s (%s, %s) twice", p.FirstName, p.LastName, p.Email, p.Code)
		}
		emails[p.Email], codes[p.Code] = true, true
	}
}

// Undoing a bulk change puts back the participants' previous values and
// their previous time of change, so the latest change does not move: an
// import whose rows were decided before the undo decides them again, and
// does not write the undone category back.
func TestImportDecidesAgainAfterABulkUndo(t *testing.T) {
	s := mustOpen(t)
	now := fixedClock(s, time.Date(2021, 11, 20, 9, 0, 0, 0, time.UTC))
	tick := func() { *now = now.Add(time.Minute) }
	ana, bo := addPerson(t, s, "Ana", "Arnal"), addPerson(t, s, "Bo", "Brun")
	member, press := ana.CategoryID, category(t, s, "Presse")
	tick()
	ch, err := s.SetCategoryMany(ctx, []int64{ana.ID}, press, "Desk 1")
	if err != nil {
		t.Fatal(err)
	}
	tick()
	bo.Phone = "0600000000" // the latest change, before and after the undo
	if err := s.UpdateParticipant(ctx, &bo); err != nil {
		t.Fatal(err)
	}
	tick()
	plans := planCounter(t, func(underLock bool, n int) {
		if n == 1 {
			if err := s.UndoBulkChange(ctx, ch.ID, "Desk 2"); err != nil {
				t.Errorf("undo during the import: %v", err)
			}
		}
	})
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Téléphone", "Ana,Arnal,0611111111")
	wantCounts(t, r, 1, 0, 1, 0, 0, 0)
	got, err := s.Participant(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.CategoryID != member || got.Phone != "0611111111" {
		t.Errorf("category %d, phone %q: want the category the undo put back (%d) and the file's phone", got.CategoryID, got.Phone, member)
	}
	if plans[0]+plans[1] != 2 {
		t.Errorf("the rows were decided %d times, want twice", plans[0]+plans[1])
	}
}
