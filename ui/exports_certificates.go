package ui

import (
	"context"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// Whose certificates the Certificates tab prints, in the order of its
// options.
const (
	certificatesEveryone = iota
	certificatesOne
)

// certificateExportStore is what the Certificates tab reads.
type certificateExportStore interface {
	export.CertificateStore
	personFinder
	Arrived(ctx context.Context) (int, error) // how many certificates "everyone who arrived" prints
}

// certificateExport is the Certificates tab of the exports screen: a
// certificate of attendance for everyone who arrived, or for one person,
// signed with the image set in Settings → Congress.
type certificateExport struct {
	env   *env
	store certificateExportStore
	saver *exportSaver

	arrived int // how many people arrived; UI thread only

	who       *widget.RadioGroup
	person    *personChooser
	count     *widget.Label
	signature *widget.Label
	*exportPage
}

func newCertificateExport(e *env, st certificateExportStore, saver *exportSaver) *certificateExport {
	return &certificateExport{env: e, store: st, saver: saver}
}

func (c *certificateExport) build() fyne.CanvasObject {
	about := widget.NewLabel(lang.L("One page per person: the congress and its dates, the person, the days attended with their hours from the programme, the sessions attended with their durations, the place and date, and the signature (or a line to sign by hand)."))
	about.Wrapping = fyne.TextWrapWord
	c.who = widget.NewRadioGroup([]string{lang.L("Everyone who arrived"), lang.L("One person")}, nil)
	c.who.Required = true
	c.who.SetSelected(c.who.Options[certificatesEveryone])
	c.who.OnChanged = func(string) { c.showChoice() }
	c.person = newPersonChooser(c.env, c.store, lang.L("Whose certificate?"), func(data.ParticipantRow) { c.showChoice() })
	c.count = widget.NewLabel("")
	c.count.TextStyle.Bold = true
	c.count.Wrapping = fyne.TextWrapWord
	c.signature = widget.NewLabel("")
	c.signature.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(widget.NewFormItem(lang.L("Whose"), container.NewVBox(c.who, c.person.row)))
	c.exportPage = newExportPage(c.env.tasks, lang.L("Save PDF…"), c.onSaveTapped, sectionTitle(lang.L("Certificates of attendance")),
		keepLastWords(about), form, c.count, c.signature)
	c.showChoice()
	return c.scroll
}

// loadAsync counts those who arrived and reads whether the certificates
// have a signature; meanwhile, the count says "…" (never the figure of
// the file as it was).
func (c *certificateExport) loadAsync() {
	if c.whoIndex() != certificatesOne {
		c.count.Importance = widget.MediumImportance
		c.count.SetText("…")
		c.save.Disable()
	}
	c.env.tasks.runAsync(c.env.ctx, func(ctx context.Context) func() {
		arrived, err := c.store.Arrived(ctx)
		var cg data.Congress
		if err == nil {
			cg, err = c.store.Congress(ctx)
		}
		return func() {
			if err != nil {
				showError(c.env.win, err)
				return
			}
			c.arrived = arrived
			c.showSignature(cg)
			c.showChoice()
		}
	})
}

// showSignature says how the certificates are signed.
func (c *certificateExport) showSignature(cg data.Congress) {
	c.signature.Importance = widget.LowImportance
	switch {
	case len(cg.Signature) == 0:
		c.signature.Importance = widget.WarningImportance
		c.signature.SetText(lang.L("No signature image yet: the certificates keep an empty space to sign by hand. Add the image and the signatory in Settings → Congress."))
	case cg.Signatory == "": // a line to write the name and role by hand
		c.signature.Importance = widget.WarningImportance
		c.signature.SetText(export.WarnNoSignatory.Message(uiLanguage()))
	case cg.Signatory != "":
		c.signature.SetText(lang.L("Signed by {{.Name}}, with the signature image of Settings → Congress.", map[string]any{"Name": cg.Signatory}))
	default:
		c.signature.SetText(lang.L("Signed with the signature image of Settings → Congress."))
	}
}

func (c *certificateExport) whoIndex() int {
	return max(slices.Index(c.who.Options, c.who.Selected), 0)
}

// ids is whose certificates the options choose: nil for everyone who
// arrived; false when there is nobody to print.
func (c *certificateExport) ids() ([]int64, bool) {
	if c.whoIndex() == certificatesOne {
		p := c.person.chosen
		return []int64{p.ID}, p.ID != 0 && len(p.CheckedInDays) > 0
	}
	return nil, c.arrived > 0
}

// showChoice shows the person's entry when one person is chosen, and says
// how many certificates there are.
func (c *certificateExport) showChoice() {
	one := c.whoIndex() == certificatesOne
	showIf(c.person.row, one)
	p := c.person.chosen
	c.count.Importance = widget.MediumImportance
	switch {
	case one && p.ID == 0:
		c.count.SetText("")
	case one && len(p.CheckedInDays) == 0:
		c.count.Importance = widget.WarningImportance
		c.count.SetText(lang.L("{{.Name}} has not arrived: there is no attendance to certify.",
			map[string]any{"Name": p.FirstName + " " + p.LastName}))
	case one:
		c.count.SetText(lang.N("{{.Count}} certificates", 1, map[string]any{"Count": 1}))
	case c.arrived == 0:
		c.count.SetText(lang.L("Nobody has arrived yet."))
	default:
		c.count.SetText(lang.N("{{.Count}} certificates", c.arrived, map[string]any{"Count": formatCount(c.arrived)}))
	}
	_, ok := c.ids()
	enableIf(c.save, ok)
	c.relayout()
}

// oneCertificate is the kind of file of one person's certificate, whose
// name names them: only its folder is remembered (saveMemory).
const oneCertificate = "certificate"

// personalKinds are the kinds of files (with their extension) whose names
// name a person.
var personalKinds = map[string]bool{oneCertificate + ".pdf": true}

// onSaveTapped asks where to save the certificates chosen, then saves them.
func (c *certificateExport) onSaveTapped() {
	ids, ok := c.ids()
	if !ok {
		return
	}
	var opts export.CertificateOptions
	kind, name := "certificates", lang.L("file.certificates")
	if ids != nil {
		kind = oneCertificate // its own name, in the same folder
		p := c.person.chosen
		name = lang.L("file.certificate") + " " + p.FirstName + " " + p.LastName
	}
	glyphs := &glyphNotice{}
	c.saver.save(kind, lang.L("Save the certificates as PDF"), lang.L("Saving the certificates…"), name, ".pdf",
		func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
			in, err := export.LoadCertificates(ctx, c.store, ids)
			if err != nil {
				return err
			}
			glyphs.set(in.GlyphWarnings())
			opts.Lang, opts.Progress = in.Congress.OutputLanguage(), progress
			return export.WriteCertificates(ctx, w, in, opts)
		}, glyphs.after(c.env.win, c.status.saved))
}
