package data

import (
	"fmt"
	"strings"
)

// What a ticket remembers of its last import (ticket.imported, migration
// 0017): the values the platform gave for it (a hash of each), so that the next import of
// next week's export tells, field by field, a value nobody touched since
// from one the organiser edited by hand. Filling empty fields (the
// default), a row its ticket finds takes the file's new value where the
// congress still holds what the platform said last time (a payer's email
// corrected, a name recased), and keeps, and reports, a value that
// differs from it (a hand edit). A ticket imported before the memory
// existed has none: only empty fields are filled, as before. Overwriting
// takes the file's values whatever they replace (import_overwrites.go).
// The memory becomes the file's values with every import of the ticket,
// in the import's transaction.

// memoryFields are the fields a ticket remembers, in the order of their
// tags in the encoding: the text fields an overwrite reports.
var memoryFields = []ImportField{FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldOrganisation,
	FieldJobTitle, FieldRegion, FieldDiet, FieldAccessibility, FieldNotes}

// A ticket's memory holds, for each field the platform gave, a tag letter
// ('a' + the field's index in memoryFields) and a 32-bit hash of the value
// (FNV-1a of the value as compared, sameMemoryValue) in six characters:
// enough to tell whether the congress still holds it, seven bytes a field
// rather than the value (the first import of 100,000 tickets wrote 11 MB
// less, and took some 1.5 s of CPU less: BenchmarkImportTickets100k), and
// no one's name or email kept twice.
const (
	memoryHashChars = 6
	memoryAlphabet  = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

// importMemory is a ticket's memory decoded: the hash of each of
// memoryFields the platform gave, and whether it gave one.
type importMemory struct {
	hashes [10]uint32
	known  [10]bool
}

// memoryHash is the hash a ticket remembers of v, the value of
// memoryFields[i]: of the email in lower case, of the organisation folded
// (the import files a row under the organisation of that name the
// congress has), of the rest as it is (a name recased by hand is an edit).
func (im *importer) memoryHash(i int, v string) uint32 {
	switch memoryFields[i] {
	case FieldEmail:
		v = strings.ToLower(v)
	case FieldOrganisation:
		v = im.fold(v)
	}
	h := uint32(2166136261)
	for j := 0; j < len(v); j++ {
		h = (h ^ uint32(v[j])) * 16777619
	}
	return h
}

// sameMemoryValue reports whether v, a value of memoryFields[i], is the
// one the memory m holds.
func (im *importer) sameMemoryValue(i int, v string, m *importMemory) bool {
	return m.known[i] && im.memoryHash(i, v) == m.hashes[i]
}

// rememberedValues encodes what a ticket remembers of the values a row
// gives for memoryFields; "" is no memory.
func (im *importer) rememberedValues(rec *ImportRecord) string {
	var buf [10 * (1 + memoryHashChars)]byte
	n := 0
	for i, f := range memoryFields {
		v := memoryValue(&rec.P, i)
		if !rec.Has[f] || v == "" {
			continue
		}
		buf[n] = byte('a' + i)
		h := im.memoryHash(i, v)
		for k := 1; k <= memoryHashChars; k++ {
			buf[n+k] = memoryAlphabet[h&63]
			h >>= 6
		}
		n += 1 + memoryHashChars
	}
	return string(buf[:n])
}

// decodeMemory reads what rememberedValues wrote.
func decodeMemory(text string) (m importMemory, ok bool) {
	for ; len(text) >= 1+memoryHashChars; text = text[1+memoryHashChars:] {
		i := int(text[0]) - 'a'
		var h uint32
		for k := memoryHashChars; k >= 1; k-- {
			d := strings.IndexByte(memoryAlphabet, text[k])
			if d < 0 {
				return importMemory{}, false
			}
			h = h<<6 | uint32(d)
		}
		if i < 0 || i >= len(memoryFields) {
			continue // a field this version does not know
		}
		m.hashes[i], m.known[i], ok = h, true, true
	}
	return m, ok
}

// memoryValue is p's value of memoryFields[i] (the notes trimmed).
func memoryValue(p *Participant, i int) string {
	if memoryFields[i] == FieldNotes {
		return strings.TrimSpace(p.Notes)
	}
	return *memoryField(p, i)
}

// setMemoryValue gives p's field memoryFields[i] the value v.
func setMemoryValue(p *Participant, i int, v string) { *memoryField(p, i) = v }

// memoryField is p's field memoryFields[i]: the notes for one it does not
// name.
func memoryField(p *Participant, i int) *string {
	switch memoryFields[i] {
	case FieldFirstName:
		return &p.FirstName
	case FieldLastName:
		return &p.LastName
	case FieldEmail:
		return &p.Email
	case FieldPhone:
		return &p.Phone
	case FieldOrganisation:
		return &p.Organisation
	case FieldJobTitle:
		return &p.JobTitle
	case FieldRegion:
		return &p.Region
	case FieldDiet:
		return &p.Diet
	case FieldAccessibility:
		return &p.Accessibility
	}
	return &p.Notes
}

// ticketMemory is a ticket's memory as stored: the encoding, and the
// ticket's code.
type ticketMemory struct {
	code, imported string
}

// storedMemory is the memory of the first ticket of the row that t
// already held before this import, with its code; ok false when none has
// one (no ticket, or tickets imported before the memory existed).
func (im *importer) storedMemory(t *importTarget, rec *ImportRecord) (ticketMemory, bool) {
	for _, k := range rec.Tickets {
		if im.tickets[k.Code] != t {
			continue
		}
		if text := im.memoryOf[k.Code]; text != "" {
			return ticketMemory{code: k.Code, imported: text}, true
		}
	}
	return ticketMemory{}, false
}

// takeUnedited gives merged, for a row filling empty fields that a
// ticket with a memory found, the file's new values of the fields whose
// congress value is still what the platform said last time: nobody
// edited them. t keeps the memory for warnKeptEdits.
func (im *importer) takeUnedited(t *importTarget, merged *Participant, rec *ImportRecord) error {
	stored, ok := im.storedMemory(t, rec)
	if !ok {
		return nil
	}
	mem, ok := decodeMemory(stored.imported)
	if !ok {
		return nil
	}
	t.recalled = &mem
	for i, f := range memoryFields {
		file, congress := memoryValue(&rec.P, i), memoryValue(t.p, i)
		if !rec.Has[f] || file == "" || congress == "" || file == congress {
			continue
		}
		if im.sameMemoryValue(i, congress, &mem) {
			setMemoryValue(merged, i, file)
		}
	}
	return nil
}

// ErrImportKeptEdits is the warning of a row, filling empty fields, whose
// values differ from what the organiser edited by hand since the last
// import: the edits are kept. The person, then each field with the value
// kept and the file's.
var ErrImportKeptEdits = newErr(KindConflict, "import_kept_edits", "",
	"Kept your edit of %s: %s.",
	"Votre correction de %s est gardée : %s.")

// warnKeptEdits reports the values of t, a participant a ticket with a
// memory found (takeUnedited), that the import kept though the file gives
// others: values the organiser edited since the platform gave them.
func (im *importer) warnKeptEdits(line int, t *importTarget, merged *Participant, rec *ImportRecord) {
	if t.recalled == nil || t.isNew {
		return
	}
	old, mem := t.p, t.recalled
	var en, fr []string
	for i, f := range memoryFields {
		file, kept := memoryValue(&rec.P, i), memoryValue(old, i)
		if !rec.Has[f] || file == "" || kept == "" || !mem.known[i] || im.sameMemoryValue(i, kept, mem) ||
			memoryValue(merged, i) != kept || im.memoryHash(i, kept) == im.memoryHash(i, file) {
			continue
		}
		of := overwriteFields[i]
		en = append(en, fmt.Sprintf("%s “%s”, the file says “%s”", of.en, shown(kept), shown(file)))
		fr = append(fr, fmt.Sprintf("%s «%s», le fichier dit «%s»", of.fr, shown(kept), shown(file)))
	}
	if len(en) == 0 {
		return
	}
	name := old.FullName()
	t.editKept = true
	im.report.EditsKept++
	im.warn(line, "", ErrImportKeptEdits.WithWords(
		[]any{name, strings.Join(en, "; ")}, []any{name, strings.Join(fr, " ; ")}))
}

// rememberTickets notes, for the tickets of a row that t already held,
// the file's values as their memory (written by writeMemories, after the
// new tickets are inserted: a ticket an earlier row of the file gave
// takes the latest row's) when they differ from what the ticket
// remembers.
func (im *importer) rememberTickets(rec *ImportRecord, t *importTarget, values string) {
	for _, k := range rec.Tickets {
		if im.tickets[k.Code] != t || im.memoryOf[k.Code] == values {
			continue // someone else's, left out, or remembered already
		}
		im.memories = append(im.memories, ticketMemory{code: k.Code, imported: values})
		im.memoryOf[k.Code] = values
	}
}

// writeMemories writes the tickets' new memories.
func (im *importer) writeMemories() error {
	if len(im.memories) == 0 {
		return nil
	}
	im.wrote = true
	st, err := im.tx.PrepareContext(im.ctx, "UPDATE ticket SET imported = ? WHERE code = ?")
	if err != nil {
		return err
	}
	defer st.Close()
	for _, m := range im.memories {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		if _, err := st.ExecContext(im.ctx, m.imported, m.code); err != nil {
			return err
		}
	}
	return nil
}
