// Command congres runs a congress kept in one file, or on a PostgreSQL
// server that several laptops share: registrations, programme, stands, the
// registration desk, badges and attendance exports. With no
// command it opens the window (ui); with one, it runs the command line
// (ui/cli), whose table of commands `congres help` lists.
package main

import (
	_ "embed"
	"fmt"
	"os"

	"fyne.io/fyne/v2"

	"congres/ui"
	"congres/ui/cli"
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

// config wires the command line to the window and the version.
func config() cli.Config {
	return cli.Config{
		Out:     os.Stdout,
		Err:     os.Stderr,
		Version: versionText(),
		Window: func(w cli.Window) {
			ui.Run(metadata(), ui.Start{File: w.File, Desk: w.Desk})
		},
	}
}

func main() {
	if len(os.Args) > 1 {
		ui.AttachConsole() // a command typed in a Windows prompt prints there
	}
	os.Exit(cli.Main(os.Args[1:], config()))
}
