package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"strings"
)

// previewRows is how many rows a preview shows.
const previewRows = 10

// PreviewImport opens a source and proposes a mapping for its columns: the
// one remembered for this header when there is one, else the automatic one
// (the table's, from its header and first rows).
func (s *Store) PreviewImport(ctx context.Context, src ImportSource) (ImportPreview, error) {
	f, err := src.Open()
	if err != nil {
		return ImportPreview{}, err
	}
	defer f.Close()
	pv := ImportPreview{ImportLayout: f.Layout()}
	for len(pv.Sample) < previewRows {
		if err := ctx.Err(); err != nil {
			return ImportPreview{}, err
		}
		row, err := f.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportPreview{}, err
		}
		pv.Sample = append(pv.Sample, row)
	}
	err = s.read(ctx, func(tx *sqlTx) error {
		var err error
		pv.Mapping, pv.Remembered, err = rememberedMapping(ctx, tx, pv.Header)
		return err
	})
	if err != nil {
		return ImportPreview{}, err
	}
	if !pv.Remembered {
		pv.Mapping = f.Mapping(pv.Sample)
	}
	return pv, nil
}

// SaveImportMapping remembers the mapping chosen for a header: the next
// file with the same column names (ignoring case and accents) gets it.
// Import remembers the mapping it was given by itself.
func (s *Store) SaveImportMapping(ctx context.Context, header []string, mapping []ImportField) error {
	if err := checkMapping(header, mapping); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		return saveImportMapping(ctx, tx, header, mapping, formatTime(s.now()))
	})
}

// checkMapping checks a mapping has one known field (or none) per column.
func checkMapping(header []string, mapping []ImportField) error {
	if len(mapping) != len(header) {
		return ErrImportMappingLength.With(len(mapping), len(header))
	}
	for _, f := range mapping {
		if f != FieldIgnore && !knownField(f) {
			return ErrImportFieldUnknown.With(f)
		}
	}
	return nil
}

func knownField(f ImportField) bool {
	for _, k := range ImportFields() {
		if k == f {
			return true
		}
	}
	return false
}

// importHeaderKey is the key a header's mapping is remembered under: its
// names folded, in order, one per line.
func importHeaderKey(header []string) string {
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = Fold(h)
	}
	return strings.Join(folded, "\n")
}

func saveImportMapping(ctx context.Context, tx *sqlTx, header []string, mapping []ImportField, now string) error {
	h, err := json.Marshal(header)
	if err != nil {
		return err
	}
	m, err := json.Marshal(mapping)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO import_mapping (header_key, header, mapping, saved_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (header_key) DO UPDATE SET header = excluded.header, mapping = excluded.mapping, saved_at = excluded.saved_at`,
		importHeaderKey(header), string(h), string(m), now)
	return err
}

// rememberedMapping returns the mapping saved for this header, if any. A
// field this version does not know (a newer one saved it) leaves its
// column out.
func rememberedMapping(ctx context.Context, tx *sqlTx, header []string) ([]ImportField, bool, error) {
	var text string
	err := tx.QueryRowContext(ctx, "SELECT mapping FROM import_mapping WHERE header_key = ?", importHeaderKey(header)).Scan(&text)
	if err == sql.ErrNoRows {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var mapping []ImportField
	if err := json.Unmarshal([]byte(text), &mapping); err != nil || len(mapping) != len(header) {
		return nil, false, nil // unreadable: propose another
	}
	for i, f := range mapping {
		if !knownField(f) {
			mapping[i] = FieldIgnore
		}
	}
	return mapping, true, nil
}
