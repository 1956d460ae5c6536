package data

import (
	"database/sql"
	"encoding/json"
	"maps"
	"slices"
)

// The categories chosen for a file's texts ("Non adhérent" → "Tarif
// plein") are remembered with the mapping of its columns: next week's
// export of the same platform finds them again, and its rows are not
// rejected once more. They are kept in import_mapping, under their own
// key (categoryMemoryKey): the texts (folded) as the header, the
// categories' IDs as the mapping.

// categoryMemoryKey is the key the categories chosen for a header are
// remembered under: the header's own key after a line no header has.
func categoryMemoryKey(header []string) string {
	return "\x01categories\n" + importHeaderKey(header)
}

// rememberCategories completes the options' categories with those
// remembered for this header (the options' win), leaving out categories
// deleted since, and notes whether there is anything new to remember.
func (im *importer) rememberCategories(header []string) error {
	var textsJSON, idsJSON string
	err := im.tx.QueryRowContext(im.ctx, "SELECT header, mapping FROM import_mapping WHERE header_key = ?",
		categoryMemoryKey(header)).Scan(&textsJSON, &idsJSON)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	remembered := map[string]int64{}
	var texts []string
	var ids []int64
	if err == nil && json.Unmarshal([]byte(textsJSON), &texts) == nil && json.Unmarshal([]byte(idsJSON), &ids) == nil &&
		len(texts) == len(ids) { // otherwise unreadable: nothing remembered
		for i, t := range texts {
			remembered[t] = ids[i]
		}
	}
	if len(remembered) > 0 {
		known, err := queryIDs(im.ctx, im.tx, "SELECT id FROM category")
		if err != nil {
			return err
		}
		maps.DeleteFunc(remembered, func(_ string, id int64) bool { return !slices.Contains(known, id) })
	}
	merged := maps.Clone(remembered)
	maps.Copy(merged, im.opts.CategoryMap)
	if !maps.Equal(merged, remembered) {
		im.saveMapping = true
	}
	if len(merged) > 0 {
		im.opts.CategoryMap = merged
	}
	return nil
}

// saveCategories remembers the categories chosen for the header.
func (im *importer) saveCategories() error {
	if len(im.opts.CategoryMap) == 0 {
		return nil
	}
	texts := slices.Sorted(maps.Keys(im.opts.CategoryMap))
	ids := make([]int64, len(texts))
	for i, t := range texts {
		ids[i] = im.opts.CategoryMap[t]
	}
	h, err := json.Marshal(texts)
	if err != nil {
		return err
	}
	m, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	_, err = im.tx.ExecContext(im.ctx, `INSERT INTO import_mapping (header_key, header, mapping, saved_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (header_key) DO UPDATE SET header = excluded.header, mapping = excluded.mapping, saved_at = excluded.saved_at`,
		categoryMemoryKey(im.header), string(h), string(m), im.now)
	return err
}
