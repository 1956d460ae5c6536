package cli

// The commands that open the window: desk (congres FILE, with no command,
// is the window's own line of the help).

var deskCommand = &command{
	name: "desk",
	forms: []form{{
		call: [2]string{"desk FILE", "desk FICHIER"},
		what: [2]string{"open the window on FILE's welcome desk, as a desk laptop\nstarts (otherwise as congres FILE)",
			"ouvre la fenêtre sur l'accueil de FICHIER, comme démarre\nun ordinateur d'accueil (pour le reste comme congres FICHIER)"},
	}},
	minArgs: 1,
	needs:   [2]string{"desk needs one FILE.", "desk attend un FICHIER."},
	run: func(r *runner, _ *options, args []string) error {
		return r.openWindow(Window{File: args[0], Desk: true})
	},
}
