package ui

import (
	"encoding/json"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"

	"congres/data/stores"
)

// Where each kind of file was saved last, per congress: the next save of
// that kind proposes the same folder and file name (attendance-final.xlsx,
// not attendance.xlsx again), as a desktop application does. This laptop's
// preferences keep it: a congress's path (a server's without its password),
// a kind, folders and file names, never anything about a person.

const (
	prefLastSaves = "lastSaves" // the saves remembered, most recent first (JSON)
	maxLastSaves  = 200         // about 20 congresses of 10 kinds each
	copyKind      = "copy"      // Save a Copy: its folder only
)

// lastSave is one save remembered.
type lastSave struct {
	Congress string `json:"congress"` // congressKey
	Kind     string `json:"kind"`     // "attendance.xlsx", "list Speakers.csv"…
	Path     string `json:"path"`     // the file saved, or its folder (FolderOnly)
	// FolderOnly: the file's name is not kept (one person's certificate
	// names them; a copy of the congress is never saved over another).
	FolderOnly bool `json:"folderOnly,omitempty"`
}

// saveMemory remembers the saves made for one congress.
type saveMemory struct {
	prefs    fyne.Preferences
	congress string
}

func newSaveMemory(prefs fyne.Preferences, congress string) saveMemory {
	return saveMemory{prefs: prefs, congress: congressKey(congress)}
}

// congressKey names a congress in the preferences: a file's absolute path,
// a server's URL without its password.
func congressKey(path string) string {
	if path == "" {
		return ""
	}
	if stores.IsServer(path) {
		return stores.Redact(path)
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// saves are every save remembered, most recent first.
func (m saveMemory) saves() []lastSave {
	var all []lastSave
	if s := m.prefs.String(prefLastSaves); s != "" {
		if err := json.Unmarshal([]byte(s), &all); err != nil {
			return nil // unreadable: forgotten, as if never saved
		}
	}
	return all
}

// remember records that a file of kind was saved (or is being saved) at
// path. With folderOnly, only its folder is: a name that names a person
// (one person's certificate) is not kept, as nothing about a person leaves
// the congress file.
func (m saveMemory) remember(kind, path string, folderOnly bool) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if folderOnly {
		path = filepath.Dir(path)
	}
	all := slices.DeleteFunc(m.saves(), func(s lastSave) bool { return s.Congress == m.congress && s.Kind == kind })
	all = append([]lastSave{{Congress: m.congress, Kind: kind, Path: path, FolderOnly: folderOnly}}, all...)
	if len(all) > maxLastSaves {
		all = all[:maxLastSaves]
	}
	if b, err := json.Marshal(all); err == nil {
		m.prefs.SetString(prefLastSaves, string(b))
	}
}

// propose is the folder and file name to propose for a file of kind whose
// default name is def: the name it was saved with last in this congress
// (def if none, or if only its folder was kept), in the first folder that
// still exists of: that save's, at (a natural folder: the imported file's,
// for its rejected rows), the folders of this congress's other saves, most
// recent first, then fallback's.
func (m saveMemory) propose(kind, def, at string, fallback func() string) (folder, name string) {
	name = def
	var folders, others []string // others: this congress's other saves, most recent first
	for _, s := range m.saves() {
		if s.Congress != m.congress {
			continue
		}
		dir := s.Path
		if !s.FolderOnly {
			dir = filepath.Dir(s.Path)
		}
		if s.Kind != kind || folders != nil {
			others = append(others, dir)
			continue
		}
		if !s.FolderOnly {
			name = filepath.Base(s.Path)
		}
		folders = append(folders, dir)
	}
	for _, f := range append(append(folders, at), others...) {
		if isFolder(f) {
			return f, name
		}
	}
	return fallback(), name
}
