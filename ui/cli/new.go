package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"congres/data"
	"congres/data/stores"
)

// newCommand creates an empty congress, as File → New… does in the window.
var newCommand = &command{
	name: "new",
	forms: []form{{
		call: [2]string{"new FILE|URL --name NAME --days YYYY-MM-DD[,YYYY-MM-DD…] [--lang fr|en]",
			"new FICHIER|URL --name NOM --days AAAA-MM-JJ[,AAAA-MM-JJ…] [--lang fr|en]"},
		what: [2]string{"create an empty congress with that name and those days\n(in order) and the default categories; never over an existing file;\n--lang: the language of its badges, sheets and exports (fr)",
			"crée un congrès vide de ce nom et de ces jours (dans\nl'ordre), avec les catégories par défaut ; jamais par-dessus\nun fichier existant ; --lang : la langue de ses badges,\nfeuilles et exports (fr)"},
	}},
	minArgs: 1,
	needs:   [2]string{"new needs one FILE or URL.", "new attend un FICHIER ou une URL."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.name, "name", "", "")
		fs.Var((*commaList)(&o.days), "days", "") // --days A,B or --days A --days B
		fs.StringVar(&o.printLang, "lang", "fr", "")
	},
	run: newCongress,
}

func newCongress(r *runner, o *options, args []string) error {
	path := args[0]
	name := strings.TrimSpace(o.name)
	if name == "" {
		return r.usage("new needs --name NAME: the congress's name.", "new attend --name NOM : le nom du congrès.")
	}
	if strings.TrimSpace(o.days) == "" {
		return r.usage("new needs --days: the congress's days, YYYY-MM-DD, separated by commas.",
			"new attend --days : les jours du congrès, AAAA-MM-JJ, séparés par des virgules.")
	}
	days, err := r.congressDays(o.days)
	if err != nil {
		return err
	}
	if !slices.Contains(data.OutputLanguages(), o.printLang) {
		return r.usage("--lang is fr or en: the language of the badges, sheets and exports.",
			"--lang vaut fr ou en : la langue des badges, feuilles et exports.")
	}
	if !stores.IsServer(path) {
		if err := data.CheckOutput(path); err != nil {
			return err
		}
	}
	s, err := stores.Create(r.ctx, path, data.Congress{Name: name, Days: days, Language: o.printLang})
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	list := make([]string, len(days))
	for i, d := range days {
		list[i] = string(d)
	}
	fmt.Fprintf(r.out, r.tr("Congress “%s” created in %s: %s (%s). Open it with: congres %s\n",
		"Congrès «%s» créé dans %s : %s (%s). Ouvrez-le avec : congres %s\n"),
		name, shown(path), r.count(len(days), "day", "days", "jour", "jours"), strings.Join(list, ", "), quoted(shown(path)))
	return nil
}

// quoted is an argument as it is typed in a shell: in quotes when it
// holds a space (a server's connection string in the keyword form).
func quoted(arg string) string {
	if strings.ContainsAny(arg, " \t") {
		return "'" + arg + "'"
	}
	return arg
}

// congressDays reads --days: days written YYYY-MM-DD, separated by commas,
// each after the one before.
func (r *runner) congressDays(value string) ([]data.Day, error) {
	var days []data.Day
	for _, part := range strings.Split(value, ",") {
		if strings.TrimSpace(part) == "" {
			return nil, r.usage(fmt.Sprintf("--days: %q has an empty day between its commas.", value),
				fmt.Sprintf("--days : «%s» a un jour vide entre ses virgules.", value))
		}
		d, err := data.ParseDay(part)
		if err != nil {
			return nil, err
		}
		if n := len(days); n > 0 {
			switch prev := days[n-1]; {
			case slices.Contains(days, d):
				return nil, r.usage(fmt.Sprintf("--days: %s is given twice.", d), fmt.Sprintf("--days : %s est donné deux fois.", d))
			case d < prev:
				return nil, r.usage(fmt.Sprintf("--days: the days go in order, and %s comes before %s.", d, prev),
					fmt.Sprintf("--days : les jours vont dans l'ordre, et %s vient avant %s.", d, prev))
			}
		}
		days = append(days, d)
	}
	return days, nil
}

// commaList is a flag whose values, when it is given several times, are
// joined by commas.
type commaList string

func (c *commaList) String() string { return string(*c) }

func (c *commaList) Set(v string) error {
	if *c != "" {
		v = string(*c) + "," + v
	}
	*c = commaList(v)
	return nil
}
