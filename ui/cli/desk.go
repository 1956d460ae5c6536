package cli

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"congres/data"
)

// The welcome desk from the command line: checkin, undo, unlock.

// exitUnknownCode is the exit code of a code nobody has; deskExit those of
// the warnings of checkin. When several warnings apply, the lowest code
// wins: a full session and a clash both also mean "not enrolled", and say
// more.
const exitUnknownCode = 3

var deskExit = map[data.DeskWarningKind]int{
	data.WarnAlreadyIn: 4, data.WarnCancelled: 5, data.WarnUnpaid: 6, data.WarnNotToday: 7,
	data.WarnSessionFull: 8, data.WarnEnrolledElsewhere: 9, data.WarnNotEnrolled: 10,
}

var checkinCommand = &command{
	name: "checkin",
	forms: []form{{
		call: [2]string{"checkin FILE|URL CODE [--session ID] [--desk NAME]\n" +
			"                [--day YYYY-MM-DD] [--rehearsal] [--yes]",
			"checkin FICHIER|URL CODE [--session ID] [--desk NOM]\n" +
				"                [--day AAAA-MM-JJ] [--rehearsal] [--yes]"},
		what: [2]string{"check a person in at the desk (today, or --day), or\n" +
			"into a session at its door, by their code or the number\n" +
			"of an e-ticket they hold; a warning stops it unless\n" +
			"--yes: exit code 3\u00a0unknown code, 4\u00a0already checked in,\n" +
			"5\u00a0cancelled, 6\u00a0unpaid, 7\u00a0not expected that day, 8\u00a0session\n" +
			"full, 9\u00a0enrolled elsewhere at that time, 10\u00a0not enrolled\n" +
			"(the lowest when several apply). Outside the congress\n" +
			"days it records nothing unless --day says which day\n" +
			"(a real arrival) or --rehearsal asks for a rehearsal\n" +
			"entry, which counts nowhere (undo --rehearsal takes it\n" +
			"back; the desk's Clear the rehearsal deletes them all)",
			"enregistre l'arrivée d'une personne (aujourd'hui, ou --day)\n" +
				"ou son entrée dans une session, par son code ou le numéro\n" +
				"d'un billet électronique qu'elle détient ; une alerte l'arrête, sauf\n" +
				"--yes : code de sortie 3\u00a0code inconnu, 4\u00a0déjà arrivé·e,\n" +
				"5\u00a0annulé·e, 6\u00a0non réglé, 7\u00a0pas attendu·e ce jour-là,\n" +
				"8\u00a0session complète, 9\u00a0inscrit·e ailleurs au même moment,\n" +
				"10\u00a0non inscrit·e (le plus petit si plusieurs s'appliquent).\n" +
				"Hors des jours du congrès, rien n'est enregistré sans --day\n" +
				"qui dit quel jour (une vraie arrivée) ou --rehearsal qui\n" +
				"demande un passage de répétition, compté nulle part (undo\n" +
				"--rehearsal l'annule ; «Effacer la répétition» à l'accueil\n" +
				"les efface tous)"},
	}},
	minArgs: 2,
	needs:   [2]string{"checkin needs FILE|URL and CODE.", "checkin attend FICHIER|URL et CODE."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.Int64Var(&o.session, "session", 0, "")
		fs.StringVar(&o.desk, "desk", "", "")
		fs.StringVar(&o.day, "day", "", "")
		fs.BoolVar(&o.yes, "yes", false, "")
		fs.BoolVar(&o.rehearsal, "rehearsal", false, "")
	},
	run: checkin,
}

// deskName is the desk a check-in is logged at: --desk, else this computer.
func deskName(flag string) string {
	if flag != "" {
		return flag
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "congres"
}

func checkin(r *runner, o *options, args []string) error {
	ctx, tr := r.ctx, r.tr
	var day data.Day
	if o.day != "" {
		var err error
		if day, err = data.ParseDay(o.day); err != nil {
			return err
		}
	}
	s, id, err := r.openAt(args[0], args[1])
	if err != nil {
		return err
	}
	defer s.Close()
	if day == "" {
		// At a door too: outside the congress days, a real entry needs
		// --day and a rehearsal --rehearsal (data.DeskDay, as the window).
		d, err := checkinDay(r, s, o.rehearsal)
		if err != nil {
			return err
		}
		if o.session == 0 {
			day = d
		}
	}
	req := data.AdmitRequest{ParticipantID: id, Day: day, SessionID: o.session, Desk: deskName(o.desk), Rehearsal: o.rehearsal}
	if o.yes {
		req.Accept = data.DeskWarningKinds
	}
	res, err := s.Admit(ctx, req)
	if err != nil {
		return err
	}
	p := res.Card.Participant
	fmt.Fprintln(r.out, strings.Join(slices.DeleteFunc([]string{p.FullName(), p.Organisation, res.Card.Category.Name},
		func(s string) bool { return s == "" }), " — "))
	for _, w := range res.Card.Warnings {
		fmt.Fprintln(r.out, tr("Warning: ", "Attention : ")+w.Message(r.lang))
	}
	if !res.Admitted {
		code := 0
		for _, w := range res.Pending {
			if c := deskExit[w.Kind]; code == 0 || c < code {
				code = c
			}
		}
		return exitError{code, tr("not checked in: add --yes to check them in anyway.",
			"rien n'a été enregistré : ajoutez --yes pour l'enregistrer malgré tout.")}
	}
	c := res.Checkin
	at := c.At.Local().Format("15:04")
	if o.rehearsal {
		fmt.Fprint(r.out, tr("Rehearsal — nothing is counted: ", "Répétition — rien n'est compté : "))
	}
	switch {
	case !res.New:
		fmt.Fprintf(r.out, tr("Already in since %s, at %s: nothing new recorded.\n", "Déjà enregistré·e depuis %s, au poste «%s» : rien de nouveau.\n"), at, c.Desk)
	case c.Kind == data.SessionEntry:
		se, err := s.Session(ctx, c.SessionID)
		if err != nil {
			return err
		}
		fmt.Fprintf(r.out, tr("Entered “%s” at %s, at %s.\n", "Entrée dans «%s» enregistrée à %s, au poste «%s».\n"), se.Title, at, c.Desk)
	default:
		fmt.Fprintf(r.out, tr("Checked in on %s at %s, at %s.\n", "Arrivée enregistrée le %s à %s, au poste «%s».\n"), c.Day, at, c.Desk)
	}
	return nil
}

// checkinDay is the day a check-in with no --day records: today, on a day
// of the congress; otherwise, with --rehearsal, the first congress day (as
// the desk rehearses it), and without, none: it says so, and what to add.
func checkinDay(r *runner, s *data.Store, rehearsal bool) (data.Day, error) {
	today, ok, err := s.CongressDayFor(r.ctx, time.Now())
	if err != nil || ok {
		return today, err
	}
	c, err := s.Congress(r.ctx)
	if err != nil {
		return "", err
	}
	if rehearsal {
		day, _ := data.DeskDay(c.Days, today)
		return day, nil
	}
	days := make([]string, len(c.Days))
	for i, d := range c.Days {
		days[i] = string(d)
	}
	list := strings.Join(days, ", ")
	return "", r.usage(fmt.Sprintf("today (%s) is not a day of the congress (%s): nothing was recorded. "+
		"To record a real arrival, say which day with --day YYYY-MM-DD; to rehearse, add --rehearsal (counted nowhere).", today, list),
		fmt.Sprintf("aujourd'hui (%s) n'est pas un jour du congrès (%s) : rien n'a été enregistré. "+
			"Pour enregistrer une vraie arrivée, indiquez le jour avec --day AAAA-MM-JJ ; pour une répétition, ajoutez --rehearsal (comptée nulle part).", today, list))
}

// openAt opens the congress file and finds the person with that code (or
// alias), or who holds that e-ticket.
func (r *runner) openAt(path, code string) (*data.Store, int64, error) {
	s, err := r.open(path)
	if err != nil {
		return nil, 0, err
	}
	id, err := s.ParticipantIDByScan(r.ctx, code)
	if err != nil {
		s.Close()
		return nil, 0, err
	}
	return s, id, nil
}

var undoCommand = &command{
	name: "undo",
	forms: []form{{
		call: [2]string{"undo FILE|URL CODE [--desk NAME] [--rehearsal]", "undo FICHIER|URL CODE [--desk NOM] [--rehearsal]"},
		what: [2]string{"undo that person's last check-in or session entry\n(an undo line in the log; nothing is deleted);\n" +
			"with --rehearsal, their last rehearsal entry",
			"annule le dernier passage de cette personne\n(une ligne d'annulation au journal ; rien n'est effacé) ;\n" +
				"avec --rehearsal, son dernier passage de répétition"},
	}},
	minArgs: 2,
	needs:   [2]string{"undo needs FILE|URL and CODE.", "undo attend FICHIER|URL et CODE."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.desk, "desk", "", "")
		fs.BoolVar(&o.rehearsal, "rehearsal", false, "")
	},
	run: undo,
}

func undo(r *runner, o *options, args []string) error {
	ctx := r.ctx
	s, id, err := r.openAt(args[0], args[1])
	if err != nil {
		return err
	}
	defer s.Close()
	undoLast := s.UndoLastEntry
	if o.rehearsal {
		undoLast = s.UndoLastRehearsalEntry
		fmt.Fprint(r.out, r.tr("Rehearsal — ", "Répétition — "))
	}
	u, err := undoLast(ctx, id, deskName(o.desk))
	if err != nil {
		return err
	}
	p, err := s.Participant(ctx, id)
	if err != nil {
		return err
	}
	if u.SessionID != 0 {
		se, err := s.Session(ctx, u.SessionID)
		if err != nil {
			return err
		}
		fmt.Fprintf(r.out, r.tr("%s: entry into “%s” undone.\n", "%s : entrée dans «%s» annulée.\n"), p.FullName(), se.Title)
		return nil
	}
	fmt.Fprintf(r.out, r.tr("%s: arrival on %s undone.\n", "%s : arrivée du %s annulée.\n"), p.FullName(), u.Day)
	return nil
}

var unlockCommand = &command{
	name: "unlock",
	forms: []form{{
		call: [2]string{"unlock FILE|URL", "unlock FICHIER|URL"},
		what: [2]string{"remove the desk lock and the organiser PIN of FILE, for a\n" +
			"forgotten PIN (the lock keeps a volunteer on the desk\n" +
			"screen; it does not protect the data: no PIN is asked)",
			"retire le verrou de l'accueil et le code organisateur de\n" +
				"FICHIER, quand le code est oublié (le verrou garde un·e\n" +
				"bénévole sur l'écran d'accueil ; il ne protège pas les\n" +
				"données : aucun code n'est demandé)"},
	}},
	minArgs: 1,
	needs:   [2]string{"unlock needs one FILE or URL.", "unlock attend un FICHIER ou une URL."},
	run:     unlock,
}

// unlock removes a file's desk lock and its PIN, saying first what it does:
// the lock keeps a volunteer on the desk screen, and whoever has the file
// can remove it anyway, so no secret is asked.
func unlock(r *runner, _ *options, args []string) error {
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	locked, err := s.DeskLocked(r.ctx)
	if err != nil {
		return err
	}
	hasPIN, err := s.HasDeskPIN(r.ctx)
	if err != nil {
		return err
	}
	if !locked && !hasPIN {
		fmt.Fprintf(r.out, r.tr("The desk of %s is not locked and has no organiser PIN: nothing to do.\n",
			"L'accueil de %s n'est pas verrouillé et n'a pas de code organisateur : rien à faire.\n"), shown(args[0]))
		return nil
	}
	fmt.Fprintf(r.out, r.tr(
		"Removing the desk lock and the organiser PIN of %s. The lock only keeps a volunteer on the desk screen: it does not protect the congress's data, so no PIN is needed to remove it.\n",
		"Retrait du verrou de l'accueil et du code organisateur de %s. Le verrou garde seulement un·e bénévole sur l'écran d'accueil : il ne protège pas les données du congrès, aucun code n'est donc nécessaire pour le retirer.\n"),
		shown(args[0]))
	if err := s.SetDeskPIN(r.ctx, ""); err != nil {
		return err
	}
	fmt.Fprint(r.out, r.tr("Done: the desk is unlocked and has no PIN. To lock it again, set a new PIN in Settings → This laptop.\n",
		"C'est fait : l'accueil est déverrouillé et n'a plus de code. Pour le verrouiller à nouveau, définissez un nouveau code dans Paramètres → Cet ordinateur.\n"))
	return nil
}
