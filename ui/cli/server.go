package cli

import (
	"flag"
	"fmt"

	"congres/data/postgres"
	"congres/data/stores"
)

// serverCommand manages a congress kept on a PostgreSQL server: its
// accounts, whose rights the server enforces.
var serverCommand = &command{
	name: "server",
	forms: []form{{
		call: [2]string{"server add-user URL NAME --role organiser|desk",
			"server add-user URL NOM --role organiser|desk"},
		what: [2]string{"create an account on the congress's server and print its password, once;\na desk account records arrivals, entries, payments, badges and walk-ins\nonly, and deletes nothing; URL is the database owner's",
			"crée un compte sur le serveur du congrès et affiche son mot de passe, une\nseule fois ; un compte d'accueil enregistre seulement les arrivées, les\nentrées, les paiements, les badges et les personnes sur place, et ne\nsupprime rien ; URL est celle du propriétaire de la base"},
	}},
	minArgs: 3,
	needs: [2]string{"server needs add-user, a server's URL and the account's NAME.",
		"server attend add-user, l'URL d'un serveur et le NOM du compte."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.role, "role", "", "")
	},
	run: serverAddUser,
}

func serverAddUser(r *runner, o *options, args []string) error {
	if args[0] != "add-user" {
		return r.usage(fmt.Sprintf("server: %q is not a server command; the one there is: add-user.", args[0]),
			fmt.Sprintf("server : «%s» n'est pas une commande de serveur ; celle qui existe : add-user.", args[0]))
	}
	target, name := args[1], args[2]
	if !stores.IsServer(target) {
		return r.usage(fmt.Sprintf("server add-user works on a congress on a server (postgres://…), and %s is not one: nothing was done.", target),
			fmt.Sprintf("server add-user travaille sur un congrès sur un serveur (postgres://…), et %s n'en est pas un : rien n'a été fait.", target))
	}
	if o.role == "" {
		return r.usage("server add-user needs --role organiser or --role desk.",
			"server add-user attend --role organiser ou --role desk.")
	}
	role, err := postgres.ParseRole(o.role)
	if err != nil {
		return err
	}
	password, err := postgres.AddUser(r.ctx, target, name, role)
	if err != nil {
		return err
	}
	what := r.tr("an organiser", "organisateur·rice")
	if role == postgres.RoleDesk {
		what = r.tr("a desk", "accueil")
	}
	fmt.Fprintf(r.out, r.tr("Account %s (%s) created on %s.\nIts password, shown this once: %s\n",
		"Compte %s (%s) créé sur %s.\nSon mot de passe, affiché cette seule fois : %s\n"),
		name, what, shown(target), password)
	return nil
}
