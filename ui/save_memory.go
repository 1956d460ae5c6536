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
	Default  string `json:"default"`  // the name the app proposed then
	Path     string `json:"path"`     // the file saved; its folder only when Default is ""
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

// remember records that a file of kind, for which def was proposed, was
// saved (or is being saved) at path. A name that names a person (personal:
// one person's certificate) is not kept, only its folder: nothing about a
// person leaves the congress file.
func (m saveMemory) remember(kind, def, path string, personal bool) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if personal {
		def, path = "", filepath.Dir(path)
	}
	all := slices.DeleteFunc(m.saves(), func(s lastSave) bool { return s.Congress == m.congress && s.Kind == kind })
	all = append([]lastSave{{Congress: m.congress, Kind: kind, Default: def, Path: path}}, all...)
	if len(all) > maxLastSaves {
		all = all[:maxLastSaves]
	}
	if b, err := json.Marshal(all); err == nil {
		m.prefs.SetString(prefLastSaves, string(b))
	}
}

// propose is the folder and file name to propose for a file of kind whose
// default name is def. The file name is the one saved last for that kind,
// when def was proposed then too (a certificate for another person, or
// the rejected rows of another file, get their own name). The folder is
// the first that still exists of: that save's folder (unless def changed
// and the file has a natural folder, at, as the imported file's for its
// rejected rows), at, the folders of this congress's other saves, most
// recent first (when there is no at), then fallback's.
func (m saveMemory) propose(kind, def, at string, fallback func() string) (folder, name string) {
	name = def
	var folders, others []string // others: this congress's other saves, most recent first
	found := false
	for _, s := range m.saves() {
		if s.Congress != m.congress {
			continue
		}
		dir := filepath.Dir(s.Path)
		if s.Default == "" {
			dir = s.Path // a folder only
		}
		if s.Kind != kind || found {
			others = append(others, dir)
			continue
		}
		found = true
		if s.Default == def && def != "" {
			name = filepath.Base(s.Path)
		}
		if s.Default == def || at == "" {
			folders = append(folders, dir)
		}
	}
	folders = append(folders, at)
	if at == "" {
		folders = append(folders, others...)
	}
	for _, f := range folders {
		if isFolder(f) {
			return f, name
		}
	}
	return fallback(), name
}
