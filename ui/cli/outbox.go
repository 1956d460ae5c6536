package cli

import (
	"fmt"
	"net/url"
	"strings"

	"congres/data"
	"congres/data/stores"
)

// outboxCommand saves the check-ins waiting on a desk that lost its server
// to a file, and loads such a file into the server (issue 17): for a desk
// laptop that never gets its connection back.
var outboxCommand = &command{
	name: "outbox",
	forms: []form{{
		call: [2]string{"outbox export URL FILE", "outbox export URL FICHIER"},
		what: [2]string{"save to FILE the check-ins this computer's desk holds for\nthe congress at URL, not yet on its server",
			"enregistre dans FICHIER les entrées que l'accueil de cet ordinateur\ngarde pour le congrès de URL, pas encore sur son serveur"},
	}, {
		call: [2]string{"outbox import URL FILE", "outbox import URL FICHIER"},
		what: [2]string{"record on the server at URL the check-ins a desk saved to\nFILE, each once, however many times it is loaded",
			"enregistre sur le serveur de URL les entrées qu'un accueil a\nenregistrées dans FICHIER, chacune une seule fois"},
	}},
	minArgs: 3,
	needs: [2]string{"outbox needs export or import, a server's URL and a FILE.",
		"outbox attend export ou import, l'URL d'un serveur et un FICHIER."},
	run: runOutbox,
}

func runOutbox(r *runner, _ *options, args []string) error {
	verb, target, file := args[0], args[1], args[2]
	if verb != "export" && verb != "import" {
		return r.usage(fmt.Sprintf("outbox: %q is not an outbox command; those there are: export, import.", verb),
			fmt.Sprintf("outbox : «%s» n'est pas une commande d'outbox ; celles qui existent : export, import.", verb))
	}
	if !stores.IsServer(target) {
		return r.usage(fmt.Sprintf("outbox %s works on a congress on a server (postgres://…), and %s is not one: nothing was done.", verb, target),
			fmt.Sprintf("outbox %s travaille sur un congrès sur un serveur (postgres://…), et %s n'en est pas un : rien n'a été fait.", verb, target))
	}
	if verb == "export" {
		return r.outboxExport(target, file)
	}
	return r.outboxImport(target, file)
}

// outboxExport saves the actions waiting in this computer's replica of the
// congress at target to file.
func (r *runner) outboxExport(target, file string) error {
	root, err := stores.ReplicaRoot()
	if err != nil {
		return err
	}
	ob, err := stores.ExportOutbox(r.ctx, target, root, file)
	if err != nil {
		return err
	}
	who := r.tr("ORGANISER", "ORGANISATEUR")
	fmt.Fprintf(r.out, r.tr("%s of %s saved to %s. An organiser records them on the server with (%s: their user name on the server):\n  congres outbox import %s %s\n",
		"Enregistré dans %[3]s : %[1]s de %[2]s. Un·e organisateur·rice les enregistre sur le serveur avec (%[4]s : son nom d'utilisateur sur le serveur) :\n  congres outbox import %[5]s %[6]s\n"),
		r.count(ob.Actions, "check-in", "check-ins", "entrée", "entrées"), shown(target), file, who, quoted(organiserTarget(target, who)), quoted(file))
	return nil
}

// organiserTarget is the congress at target as an organiser connects to it:
// the same server and database, with user in place of the desk's user
// (a desk's account may only check in), and without the desk's password
// or client certificate.
func organiserTarget(target, user string) string {
	drop := map[string]bool{"user": true, "password": true, "sslpassword": true, "sslcert": true, "sslkey": true}
	if u, err := url.Parse(target); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.User = url.User(user)
		q := u.Query()
		for k := range q {
			if drop[k] {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
		return u.String()
	}
	// The keyword form: "host=db.local dbname=congres user=accueil2".
	parts := []string{"user=" + user}
	for _, f := range strings.Fields(target) {
		if k, _, _ := strings.Cut(f, "="); !drop[k] {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

// outboxImport records the actions of the outbox file on the server at
// target.
func (r *runner) outboxImport(target, file string) error {
	srv, err := r.open(target)
	if err != nil {
		return err
	}
	defer srv.Close()
	ob, res, err := stores.ImportOutbox(r.ctx, srv, target, file, r.progressLine())
	if err != nil {
		return err
	}
	fmt.Fprintln(r.out, r.outboxResult(ob, res))
	if res.Failed > 0 {
		// Not a success for a script: the file holds actions the server
		// does not have (loaded again later, each is recorded once).
		failed := r.count(res.Failed, "not recorded", "not recorded", "non enregistrée", "non enregistrées")
		return failure(r.tr(
			fmt.Sprintf("%s: %s, the log says why. Load the file again once that is put right: what was recorded is not recorded twice.", file, failed),
			fmt.Sprintf("%s : %s, le journal dit pourquoi. Chargez à nouveau le fichier une fois cela corrigé : ce qui est enregistré ne l'est pas deux fois.", file, failed)))
	}
	return nil
}

// outboxResult says what loading ob did: "Desk 7: 37 actions recorded, 3
// already there."
func (r *runner) outboxResult(ob data.Outbox, res data.OutboxResult) string {
	line := r.count(res.Recorded, "action recorded", "actions recorded", "action enregistrée", "actions enregistrées") +
		r.tr(fmt.Sprintf(", %d already there", res.Already), fmt.Sprintf(", %d déjà là", res.Already))
	if res.Failed > 0 {
		line += ", " + r.count(res.Failed, "not recorded", "not recorded", "non enregistrée", "non enregistrées") +
			r.tr(" (see the log)", " (voir le journal)")
	}
	if len(ob.Desks) > 0 {
		line = strings.Join(ob.Desks, ", ") + r.tr(": ", " : ") + line
	}
	return line + "."
}
