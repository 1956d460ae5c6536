package data_test

import (
	"congres/data"
	"congres/data/sqlite"
)

// Package data's own tests open files with data/sqlite, which only this
// package may import.
func init() {
	data.FileOpeners.Open = sqlite.Open
	data.FileOpeners.OpenOrView = sqlite.OpenOrView
	data.FileOpeners.Create = sqlite.Create
	data.FileOpeners.Restore = sqlite.Restore
}
