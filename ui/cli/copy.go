package cli

import (
	"fmt"

	"congres/data/stores"
)

// copyCommand copies a congress between a file and a server, both ways.
var copyCommand = &command{
	name: "copy",
	forms: []form{{
		call: [2]string{"copy SOURCE DEST", "copy SOURCE DESTINATION"},
		what: [2]string{"copy the congress at SOURCE (FILE or URL) to DEST: a new\nfile, or an empty database on a server; never over a congress",
			"copie le congrès de SOURCE (FICHIER ou URL) vers DESTINATION :\nun nouveau fichier, ou une base vide sur un serveur ; jamais\npar-dessus un congrès"},
	}},
	minArgs: 2,
	needs:   [2]string{"copy needs a SOURCE and a DEST.", "copy attend une SOURCE et une DESTINATION."},
	run:     copyCongress,
}

func copyCongress(r *runner, _ *options, args []string) error {
	source, dest := args[0], args[1]
	var rows int
	line := r.progressLine()
	err := stores.Copy(r.ctx, source, dest, func(done, total int) {
		rows = done
		if line != nil {
			line(done, total)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("Congress copied from %s to %s (%s). Open it with: congres %s\n",
		"Congrès copié de %s vers %s (%s). Ouvrez-le avec : congres %s\n"),
		shown(source), shown(dest), r.count(rows, "row", "rows", "ligne", "lignes"), quoted(shown(dest)))
	return nil
}
