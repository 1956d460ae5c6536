package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// What a ticket remembers of its last import (ticket.imported, migration
// 0017): the values the platform gave for it, so that the next import of
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

// memorySep ends each value of the encoding; a value holding it (a
// control character, which no participant's value holds) is not
// remembered.
const memorySep = "\x1f"

// importMemory is a ticket's memory decoded: the value of each of
// memoryFields the platform gave, and whether it gave one.
type importMemory struct {
	values [10]string
	known  [10]bool
}

// rememberedValues encodes the values a row gives for memoryFields: for
// each field given, a tag letter ('a' + its index), the value and
// memorySep. "" is no memory.
func rememberedValues(rec *ImportRecord) string {
	var b strings.Builder
	for i, f := range memoryFields {
		v := memoryValue(&rec.P, i)
		if !rec.Has[f] || v == "" || strings.Contains(v, memorySep) {
			continue
		}
		b.WriteByte(byte('a' + i))
		b.WriteString(v)
		b.WriteString(memorySep)
	}
	return b.String()
}

// decodeMemory reads what rememberedValues wrote.
func decodeMemory(text string) (m importMemory, ok bool) {
	for _, part := range strings.Split(text, memorySep) {
		if part == "" {
			continue
		}
		i := int(part[0] - 'a')
		if i < 0 || i >= len(memoryFields) {
			continue // a field this version does not know
		}
		m.values[i], m.known[i] = part[1:], true
		ok = true
	}
	return m, ok
}

// memoryValue is p's value of memoryFields[i].
func memoryValue(p *Participant, i int) string {
	switch memoryFields[i] {
	case FieldFirstName:
		return p.FirstName
	case FieldLastName:
		return p.LastName
	case FieldEmail:
		return p.Email
	case FieldPhone:
		return p.Phone
	case FieldOrganisation:
		return p.Organisation
	case FieldJobTitle:
		return p.JobTitle
	case FieldRegion:
		return p.Region
	case FieldDiet:
		return p.Diet
	case FieldAccessibility:
		return p.Accessibility
	}
	return strings.TrimSpace(p.Notes)
}

// setMemoryValue gives p's field memoryFields[i] the value v.
func setMemoryValue(p *Participant, i int, v string) {
	switch memoryFields[i] {
	case FieldFirstName:
		p.FirstName = v
	case FieldLastName:
		p.LastName = v
	case FieldEmail:
		p.Email = v
	case FieldPhone:
		p.Phone = v
	case FieldOrganisation:
		p.Organisation = v
	case FieldJobTitle:
		p.JobTitle = v
	case FieldRegion:
		p.Region = v
	case FieldDiet:
		p.Diet = v
	case FieldAccessibility:
		p.Accessibility = v
	default:
		p.Notes = v
	}
}

// sameMemoryValue reports whether the congress's value a is the value b
// the platform gave: an email ignoring case, an organisation ignoring
// case and accents (the import files a row under the organisation of
// that name the congress has), the rest exactly (a name recased by hand
// is an edit).
func (im *importer) sameMemoryValue(i int, a, b string) bool {
	switch memoryFields[i] {
	case FieldEmail:
		return strings.EqualFold(a, b)
	case FieldOrganisation:
		return im.fold(a) == im.fold(b)
	}
	return a == b
}

// ticketMemory is a ticket's memory as stored: the encoding, and the
// ticket's code.
type ticketMemory struct {
	code, imported string
}

// storedMemory reads the memory of the first ticket of the row that t
// already held before this import, with its code; ok false when none has
// one (no ticket, or tickets imported before the memory existed).
func (im *importer) storedMemory(t *importTarget, rec *ImportRecord) (ticketMemory, bool, error) {
	for _, k := range rec.Tickets {
		if im.tickets[k.Code] != t {
			continue
		}
		text, err := im.memoryText(t, k.Code)
		if err != nil {
			return ticketMemory{}, false, err
		}
		if text != "" {
			return ticketMemory{code: k.Code, imported: text}, true, nil
		}
	}
	return ticketMemory{}, false, nil
}

// memoryText is the stored memory of a ticket ("" for none, or a ticket
// this file gives first), read once per row: t keeps the last one read.
func (im *importer) memoryText(t *importTarget, code string) (string, error) {
	if t.memory.code == code && t.memoryRead {
		return t.memory.imported, nil
	}
	var text string
	err := im.tx.QueryRowContext(im.ctx, "SELECT imported FROM ticket WHERE code = ?", code).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return "", err
	}
	t.memory, t.memoryRead = ticketMemory{code: code, imported: text}, true
	return text, nil
}

// takeUnedited gives merged, for a row filling empty fields that a
// ticket with a memory found, the file's new values of the fields whose
// congress value is still what the platform said last time: nobody
// edited them. t keeps the memory for warnKeptEdits.
func (im *importer) takeUnedited(t *importTarget, merged *Participant, rec *ImportRecord) error {
	stored, ok, err := im.storedMemory(t, rec)
	if err != nil || !ok {
		return err
	}
	mem, ok := decodeMemory(stored.imported)
	if !ok {
		return nil
	}
	t.recalled = &mem
	for i, f := range memoryFields {
		file, congress := memoryValue(&rec.P, i), memoryValue(t.p, i)
		if !rec.Has[f] || file == "" || congress == "" || !mem.known[i] || file == congress {
			continue
		}
		if im.sameMemoryValue(i, congress, mem.values[i]) {
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
		if !rec.Has[f] || file == "" || kept == "" || !mem.known[i] || im.sameMemoryValue(i, kept, mem.values[i]) ||
			memoryValue(merged, i) != kept || im.sameMemoryValue(i, kept, file) {
			continue
		}
		of := overwriteFields[i]
		en = append(en, fmt.Sprintf("%s “%s”, the file says “%s”", of.en, shown(kept), shown(file)))
		fr = append(fr, fmt.Sprintf("%s « %s », le fichier dit « %s »", of.fr, shown(kept), shown(file)))
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
func (im *importer) rememberTickets(rec *ImportRecord, t *importTarget, values string) error {
	for _, k := range rec.Tickets {
		if im.tickets[k.Code] != t {
			continue // someone else's, or left out
		}
		text, err := im.memoryText(t, k.Code)
		if err != nil {
			return err
		}
		if text != values {
			im.memories = append(im.memories, ticketMemory{code: k.Code, imported: values})
			t.memory = ticketMemory{code: k.Code, imported: values}
		}
	}
	return nil
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
