package ui

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // the guide's screenshots
	"log"
	"path"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/assets"
)

// The guide of Help → Guide: assets/guide/<language>.md, whose "## "
// headings are its parts (first steps, the desk, badges, the day after),
// each shown in a tab of a window of its own, with its screenshots. It is
// built into the binary and needs no network.

// guidePart is one tab of the guide: its title and what it shows, text and
// images in order.
type guidePart struct {
	title  string
	blocks []fyne.CanvasObject
}

// guideImage is a markdown line that holds only an image: ![alt](file.png).
var guideImage = regexp.MustCompile(`^!\[([^\]]*)\]\(([^)]+)\)$`)

// readGuide reads the guide in language ("fr" or "en").
func readGuide(language string) ([]guidePart, error) {
	text, err := assets.Guide.ReadFile("guide/" + language + ".md")
	if err != nil {
		return nil, err
	}
	var parts []guidePart
	var chunk []string
	flush := func() {
		if md := strings.TrimSpace(strings.Join(chunk, "\n")); md != "" && len(parts) > 0 {
			rt := widget.NewRichTextFromMarkdown(md)
			rt.Wrapping = fyne.TextWrapWord
			parts[len(parts)-1].blocks = append(parts[len(parts)-1].blocks, rt)
		}
		chunk = chunk[:0]
	}
	for _, line := range strings.Split(string(text), "\n") {
		switch m := guideImage.FindStringSubmatch(strings.TrimSpace(line)); {
		case strings.HasPrefix(line, "## "):
			flush()
			parts = append(parts, guidePart{title: strings.TrimSpace(line[3:])})
		case strings.HasPrefix(line, "# "): // the guide's own title
		case m != nil && len(parts) > 0:
			flush()
			img, err := guidePicture(m[2], m[1])
			if err != nil {
				return nil, err
			}
			parts[len(parts)-1].blocks = append(parts[len(parts)-1].blocks, img)
		default:
			chunk = append(chunk, line)
		}
	}
	flush()
	return parts, nil
}

// guidePicture is the guide's screenshot file, at its own size (the guide's
// are 640 px wide, so that the window fits a 1024×600 screen); alt is its
// caption.
func guidePicture(file, alt string) (fyne.CanvasObject, error) {
	b, err := assets.Guide.ReadFile(path.Join("guide", file))
	if err != nil {
		return nil, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("guide image %s: %w", file, err)
	}
	img := canvas.NewImageFromResource(fyne.NewStaticResource(file, b))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(float32(cfg.Width), float32(cfg.Height)))
	caption := widget.NewLabel(alt)
	caption.Alignment = fyne.TextAlignCenter
	caption.Importance = widget.LowImportance
	caption.Wrapping = fyne.TextWrapWord
	return container.NewVBox(img, caption), nil
}

// guideView is the guide's parts, a tab each.
func guideView(parts []guidePart) *container.AppTabs {
	tabs := container.NewAppTabs()
	for _, p := range parts {
		tabs.Append(container.NewTabItem(p.title, container.NewVScroll(container.NewVBox(p.blocks...))))
	}
	return tabs
}

// onGuide shows the guide in the interface's language, in a window of its
// own beside the congress (brought forward when it is already open); Esc
// closes it.
func (u *ui) onGuide() {
	if u.guide != nil {
		u.guide.RequestFocus()
		return
	}
	parts, err := readGuide(uiLanguage())
	if err != nil { // the guide is built in: a broken build, not the user's doing
		log.Printf("guide: %v", err)
		showError(u.win, err)
		return
	}
	w := u.app.NewWindow(lang.L("Congrès — Guide"))
	w.SetContent(guideView(parts))
	w.Resize(fyne.NewSize(700, 540)) // within a 1024×600 desk laptop's screen
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			w.Close()
		}
	})
	w.SetOnClosed(func() { u.guide = nil })
	u.guide = w
	w.Show()
}
