package main

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"

	"congres/ui"
)

// fyneAppTOML is FyneApp.toml, the one place where the name, ID, version and
// build number of Congrès are written: `fyne package` builds it into the
// packaged app, and this embeds it into a plain `go build` too.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// metadata is what FyneApp.toml says of Congrès. It is built in and tested,
// so an error here is a broken build.
func metadata() fyne.AppMetadata {
	meta, err := ui.Metadata(fyneAppTOML)
	if err != nil {
		panic(err)
	}
	return meta
}

// versionText is what `congres --version` prints.
func versionText() string {
	meta := metadata()
	return fmt.Sprintf("Congrès %s (build %d)\n", meta.Version, meta.Build)
}
