package ui

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/BurntSushi/toml"

	"congres/assets"
)

// Metadata reads FyneApp.toml, given whole (main embeds it), into what fyne
// knows of an app: its name, ID, version and build number, the fyne.Do
// migration, and the icon of assets/. FyneApp.toml is the one place these
// are written: `fyne package` builds the same file into a packaged app, and
// this reads it for a plain `go build`.
func Metadata(fyneAppTOML []byte) (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(string(fyneAppTOML), &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	d := f.Details
	if d.Name == "" || d.ID == "" || d.Version == "" || d.Build < 1 {
		return fyne.AppMetadata{}, errors.New("FyneApp.toml: [Details] needs Name, ID, Version and Build")
	}
	return fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon), Migrations: f.Migrations}, nil
}

// onAbout tells what Congrès is and which version this is.
func (u *ui) onAbout() {
	showInfo(u.win, lang.L("About Congrès"), lang.L("Close"), aboutContent(u.app.Metadata()), 420) // Enter or Esc closes it
}

// aboutContent is the About box: the icon, the name, the version and build
// number of meta, what Congrès does, and what it was built with (for a bug
// report).
func aboutContent(meta fyne.AppMetadata) fyne.CanvasObject {
	icon := canvas.NewImageFromResource(meta.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))
	name := widget.NewLabel(lang.L("Congrès"))
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle.Bold = true
	name.Alignment = fyne.TextAlignCenter
	var version string
	if meta.Version == "" {
		version = lang.L("development version")
	} else {
		version = lang.L("Version {{.Version}} (build {{.Build}})", map[string]any{"Version": meta.Version, "Build": meta.Build})
	}
	ver := widget.NewLabel(version)
	ver.Alignment = fyne.TextAlignCenter
	about := widget.NewLabel(lang.L("Registrations, programme, stands and welcome desk of a congress, kept in one file."))
	about.Wrapping = fyne.TextWrapWord
	about.Alignment = fyne.TextAlignCenter
	built := widget.NewLabel(builtWith())
	built.Alignment = fyne.TextAlignCenter
	built.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(icon, name, ver, about, built)
}

// builtWith names the Fyne and Go versions and the platform of this build,
// as in "Fyne v2.7.1 · go1.26.8 · windows/amd64".
func builtWith() string {
	s := runtime.Version() + " · " + runtime.GOOS + "/" + runtime.GOARCH
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "fyne.io/fyne/v2" {
				return "Fyne " + m.Version + " · " + s
			}
		}
	}
	return s
}
