package cli

// The commands that open the window: desk (congres FILE, with no command,
// is the window's own line of the help).

var deskCommand = &command{
	name: "desk",
	forms: []form{{
		call: [2]string{"desk FILE|URL", "desk FICHIER|URL"},
		what: [2]string{"open the window straight on the welcome desk of FILE\n(to start a desk laptop)",
			"ouvre la fenêtre directement sur l'accueil de FICHIER\n(pour démarrer un ordinateur d'accueil)"},
	}},
	minArgs: 1,
	needs:   [2]string{"desk needs one FILE or URL.", "desk attend un FICHIER ou une URL."},
	run: func(r *runner, _ *options, args []string) error {
		return r.openWindow(Window{File: args[0], Desk: true})
	},
}
