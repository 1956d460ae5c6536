package cli

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"congres/data"
	"congres/data/stores"
)

// The commands on the congress file as a whole: demo, stats, restore.

var demoCommand = &command{
	name: "demo",
	forms: []form{{
		call: [2]string{"demo FILE [--participants N]", "demo FICHIER [--participants N]"},
		what: [2]string{"write the demo congress (530 people; N for a bigger one)",
			"écrit le congrès de démonstration (530 personnes ; N pour un plus grand)"},
	}},
	minArgs: 1,
	needs:   [2]string{"demo needs one FILE.", "demo attend un FICHIER."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.IntVar(&o.participants, "participants", 530, "")
	},
	run: demo,
}

func demo(r *runner, o *options, args []string) error {
	if o.participants < 1 || o.participants > 1_000_000 {
		return r.usage("--participants must be between 1 and 1,000,000.", "--participants doit être compris entre 1 et 1 000 000.")
	}
	if err := r.fileOnly(args[0]); err != nil {
		return err
	}
	if err := data.CheckOutput(args[0]); err != nil {
		return err
	}
	if err := stores.WriteDemo(r.ctx, args[0], data.DemoOptions{Participants: o.participants}); err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("Demo congress written to %s (%s participants).\n", "Congrès de démonstration écrit dans %s (%s participant·es).\n"),
		args[0], r.num(o.participants))
	return nil
}

var statsCommand = &command{
	name: "stats",
	forms: []form{{
		call: [2]string{"stats FILE|URL", "stats FICHIER|URL"},
		what: [2]string{"counts by category, status and day; workshop fill",
			"chiffres par catégorie, statut et jour ; remplissage des ateliers"},
	}},
	minArgs: 1,
	needs:   [2]string{"stats needs one FILE or URL.", "stats attend un FICHIER ou une URL."},
	run:     stats,
}

func stats(r *runner, _ *options, args []string) error {
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Congress(r.ctx)
	if err != nil {
		return err
	}
	st, err := s.Stats(r.ctx)
	if err != nil {
		return err
	}
	tr := r.tr
	w := tabwriter.NewWriter(r.out, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := c.Name // a congress made by congres new has no edition nor city yet
	if more := strings.Join(slices.DeleteFunc([]string{c.Edition, c.City}, func(s string) bool { return s == "" }), ", "); more != "" {
		head += " — " + more
	}
	fmt.Fprintf(r.out, "%s\n\n", head)
	n := r.num
	fmt.Fprintf(w, "%s\t%s\t\n", tr("Registered", "Inscrit·es"), n(st.Registered))
	fmt.Fprintf(w, "%s\t%s\t\n", tr("Pending", "En attente"), n(st.Pending))
	fmt.Fprintf(w, "%s\t%s\t\n", tr("Confirmed", "Confirmé·es"), n(st.Confirmed))
	fmt.Fprintf(w, "%s\t%s\t\n\n", tr("Cancelled", "Annulé·es"), n(st.Cancelled))
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t\n", tr("Category", "Catégorie"), tr("Registered", "Inscrit·es"),
		tr("Confirmed", "Confirmé·es"), tr("Cancelled", "Annulé·es"), tr("Checked in", "Arrivé·es"))
	for _, cc := range st.ByCategory {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t\n", cc.Category.Name, n(cc.Registered), n(cc.Confirmed), n(cc.Cancelled), n(cc.CheckedIn))
	}
	fmt.Fprintf(w, "\n%s\t%s\t%s\t\n", tr("Day", "Jour"), tr("Expected", "Attendu·es"), tr("Checked in", "Arrivé·es"))
	for _, d := range st.ByDay {
		fmt.Fprintf(w, "%s\t%s\t%s\t\n", d.Day, n(d.Expected), n(d.CheckedIn))
	}
	fmt.Fprintf(w, "\n%s\t%s\t%s\t%s\t%s\t\n", tr("Workshop", "Atelier"), tr("Day", "Jour"), tr("Enrolled", "Inscrit·es"),
		tr("Capacity", "Places"), tr("Waiting", "En attente"))
	for _, f := range st.Sessions {
		if f.Session.Kind != data.KindWorkshop {
			continue
		}
		capacity := "—"
		if f.Session.EffectiveCapacity > 0 {
			capacity = n(f.Session.EffectiveCapacity)
		}
		fmt.Fprintf(w, "%s\t%s %s\t%s\t%s\t%s\t\n", truncate(f.Session.Title, 48), f.Session.Day, f.Session.Start,
			n(f.Session.Enrolled), capacity, n(f.Session.Waitlisted))
	}
	return w.Flush()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var restoreCommand = &command{
	name: "restore",
	forms: []form{
		{
			call: [2]string{"restore FILE", "restore FICHIER"},
			what: [2]string{"list the backups of FILE, newest first;\na damaged one is marked, and cannot be restored",
				"liste les sauvegardes de FICHIER, la plus récente d'abord ;\nune sauvegarde abîmée est signalée, et ne peut être restaurée"},
		},
		{
			call: [2]string{"restore FILE BACKUP", "restore FICHIER SAUVEGARDE"},
			what: [2]string{"restore a backup (its number in the list, or its path);\nFILE is backed up first, so a restore can be undone",
				"restaure une sauvegarde (son numéro dans la liste, ou son chemin) ;\nFICHIER est d'abord sauvegardé : une restauration s'annule"},
		},
	},
	minArgs: 1, optArgs: 1,
	needs: [2]string{"restore needs FILE and, to restore, a BACKUP.", "restore attend FICHIER et, pour restaurer, une SAUVEGARDE."},
	run:   restore,
}

func restore(r *runner, _ *options, args []string) error {
	path := args[0]
	if err := r.fileOnly(path); err != nil {
		return err
	}
	list, err := stores.Backups(path)
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if len(list) == 0 {
			return data.ErrNoBackup.With(path)
		}
		listBackups(r, list)
		return nil
	}
	backup := args[1]
	if i, err := strconv.Atoi(backup); err == nil {
		if i < 1 || i > len(list) {
			return r.usage(fmt.Sprintf("there is no backup number %d.", i), fmt.Sprintf("il n'y a pas de sauvegarde numéro %d.", i))
		}
		if list[i-1].Damaged {
			return data.ErrBackupDamaged.With(list[i-1].Path)
		}
		backup = list[i-1].Path
	}
	if err := stores.Restore(r.ctx, path, backup); err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("%s restored from %s.\n", "%s restauré depuis %s.\n"), path, backup)
	return nil
}

// listBackups prints the backups, numbered newest first; a damaged one keeps
// its number, so that the numbers do not shift, but says it cannot be
// restored.
func listBackups(r *runner, list []data.BackupInfo) {
	damaged := 0
	for i, b := range list {
		fmt.Fprintf(r.out, "%3d  %s  %8.1f kB  %s", i+1, b.Time.Format("2006-01-02 15:04:05"), float64(b.Size)/1000, b.Path)
		if b.Damaged {
			damaged++
			fmt.Fprint(r.out, r.tr("  (damaged: cannot be restored)", "  (abîmée : ne peut pas être restaurée)"))
		}
		fmt.Fprintln(r.out)
	}
	switch {
	case damaged == len(list):
		fmt.Fprintln(r.out, r.tr("Every backup is damaged: none can be restored.",
			"Toutes les sauvegardes sont abîmées : aucune ne peut être restaurée."))
	case damaged > 0:
		fmt.Fprintln(r.out, r.tr("Restore one that is not damaged: congres restore FILE NUMBER.",
			"Restaurez-en une qui n'est pas abîmée : congres restore FICHIER NUMÉRO."))
	}
}
