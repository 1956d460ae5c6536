package data

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// importBenchHeader is the header of the generated export, and
// importBenchMapping its mapping (given, so that the benchmark measures
// the import rather than the guessing of columns).
var (
	importBenchHeader  = []string{"Prénom", "Nom", "E-mail", "Téléphone", "Organisation", "Fonction", "Type de billet", "Région", "Régime alimentaire", "Jours"}
	importBenchMapping = []ImportField{FieldFirstName, FieldLastName, FieldEmail, FieldPhone, FieldOrganisation, FieldJobTitle, FieldCategory, FieldRegion, FieldDiet, FieldDays}
)

// writeRegistrationsCSV writes n registrations as a ticketing platform exports
// them: names with accents, emails (a few missing), organisations from a
// few thousand, the default categories by name or badge label, diets, days.
func writeRegistrationsCSV(path string, n int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(bw)
	rnd := rand.New(rand.NewPCG(seed, 6))
	pick := func(list []string) string { return list[rnd.IntN(len(list))] }
	// A few thousand organisations: a kind of structure and a place.
	kinds := []string{"Recyclerie", "Jardins", "Ressourcerie", "Atelier", "Régie de quartier", "Coop", "Association", "Chantier", "Épicerie solidaire", "Garage solidaire"}
	var orgs []string
	for _, k := range kinds {
		for _, town := range benchTowns {
			orgs = append(orgs, k+" "+town)
		}
	}
	orgs = append(orgs, demoMemberOrgs...)
	orgs = append(orgs, demoPartnerOrgs...)
	cats := []string{"Adhérent·e", "Adhérent·e", "Adhérent·e", "Adhérent·e", "PARTENAIRE", "Élu·e", "Institutionnel·le", "Presse", "Exposant·e", "Bénévole"}
	days := []string{"2021-11-25; 2021-11-26", "2021-11-25; 2021-11-26", "2021-11-25; 2021-11-26", "2021-11-25", "2021-11-26"}
	if err := w.Write(importBenchHeader); err != nil {
		return err
	}
	seen := map[string]int{}
	for i := range n {
		first, last := pick(demoFirstNames), pick(demoLastNames)
		org := pick(orgs)
		email := ""
		if rnd.IntN(25) > 0 {
			local := strings.ReplaceAll(Fold(first), " ", "-") + "." + strings.ReplaceAll(Fold(last), " ", "")
			domain := strings.ReplaceAll(Fold(org), " ", "-") + ".fr"
			if !isASCII(local) {
				local = "contact"
			}
			email = local + "@" + domain
			seen[email]++
			if k := seen[email]; k > 1 {
				email = fmt.Sprintf("%s%d@%s", local, k, domain)
			}
		}
		phone := fmt.Sprintf("06 %02d %02d %02d %02d", rnd.IntN(100), rnd.IntN(100), rnd.IntN(100), i%100)
		if err := w.Write([]string{first, last, email, phone, org, pick(demoJobs), pick(cats), pick(demoRegions), pick(demoDiets), pick(days)}); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// benchTowns are 300 towns, for organisations' names.
var benchTowns = func() []string {
	a := []string{"Saint-", "Villeneuve-", "Mont", "Beau", "Roche", "Fontaine", "Neuf", "Bourg", "Val-", "Port-"}
	b := []string{"Amand", "Étienne", "Omer", "Pol", "Quentin", "Brieuc", "Malo", "Nazaire", "Lô", "Dié",
		"Denis", "Ouen", "Maur", "Cloud", "Priest", "Genis", "Herblain", "Médard", "Avold", "Dizier",
		"Gaudens", "Girons", "Flour", "Affrique", "Junien", "Yrieix", "Léonard", "Chély", "Jean", "Paul"}
	var towns []string
	for _, x := range a {
		for _, y := range b {
			towns = append(towns, x+y)
		}
	}
	return towns
}()

// registrationsCSV writes the export into the benchmark's temporary folder.
func registrationsCSV(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "inscriptions.csv")
	if err := writeRegistrationsCSV(path, 100_000, 2021); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkImport100k imports 100,000 registrations into a new congress:
// reading, matching, checks, participants, days and the search index. The
// sqlite3 sub-benchmark is the reference: the sqlite3 command's .import of
// the same file into a new database (one table of text, no index), where
// the sqlite3 command is installed. The store's result reports its ratio
// to sqlite3's (x-sqlite3), measured before.
func BenchmarkImport100k(b *testing.B) {
	path := registrationsCSV(b)
	b.Run("sqlite3", func(b *testing.B) {
		bin := sqlite3Command(b)
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			db := filepath.Join(b.TempDir(), "ref.db")
			b.StartTimer()
			cmd := exec.Command(bin, db, ".import --csv "+path+" registration")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, out)
			}
			cpu += processCPU(cmd)
		}
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	})
	// The same load into the congress schema by the sqlite3 command alone:
	// the raw import, then organisations, participants and days written
	// from it with the participant indexes and search trigger dropped and
	// made again after, as the store does, but none of the store's reading,
	// matching, checks or driver. It is the floor of what the store could
	// reach with native SQLite.
	b.Run("sqlite3-schema", func(b *testing.B) {
		bin := sqlite3Command(b)
		schema, load := sqlite3SchemaLoad(b, path)
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			db := filepath.Join(b.TempDir(), "schema.db")
			if out, err := exec.Command(bin, db, schema).CombinedOutput(); err != nil {
				b.Fatalf("%v: %s", err, out)
			}
			b.StartTimer()
			cmd := exec.Command(bin, db)
			cmd.Stdin = strings.NewReader(load)
			if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
				b.Fatalf("%v: %s", err, out)
			}
			cpu += processCPU(cmd)
		}
		// CPU time is steadier than the clock on a shared machine.
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("store", func(b *testing.B) {
		ref, refCPU := sqlite3Reference(b, path)
		ctx := context.Background()
		var total, cpu time.Duration
		checked := 0
		for b.Loop() {
			b.StopTimer()
			s, err := Create(ctx, filepath.Join(b.TempDir(), "import"+Extension), Congress{
				Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"},
			})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start, startCPU := time.Now(), cpuTime()
			r, err := s.Import(ctx, sheetFile(path), ImportOptions{Mapping: importBenchMapping})
			total += time.Since(start)
			cpu += cpuTime() - startCPU
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			// A few rows without an email give the name and organisation
			// of someone before them: they are taken for the same person.
			if r.Rows != 100_000 || r.Rejected != 0 || r.New < 99_900 || r.New+r.Updated+r.Unchanged+r.Kept != r.Rows {
				b.Fatalf("%+v, first issues %v", r, r.Issues[:min(3, len(r.Issues))])
			}
			// Once, untimed: the file the bulk path wrote (indexes sorted
			// by SQLite's threads, row sums computed by the import, search
			// index filled in one statement) passes the full check.
			if checked++; checked == 1 {
				if err := s.CheckIntegrity(ctx); err != nil {
					b.Fatalf("full check after the import: %v", err)
				}
				if rebuilt, err := s.CheckSearchIndex(ctx); err != nil || rebuilt {
					b.Fatalf("search index after the import: rebuilt %v, %v", rebuilt, err)
				}
			}
			s.Close()
			b.StartTimer()
		}
		if ref > 0 {
			b.ReportMetric(float64(total)/float64(b.N)/float64(ref), "x-sqlite3")
		}
		if refCPU > 0 { // the same ratio in CPU time, steadier under load
			b.ReportMetric(float64(cpu)/float64(b.N)/float64(refCPU), "x-sqlite3-cpu")
		}
		// CPU time is steadier than the clock on a shared machine.
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	})
}

// sqlite3SchemaLoad returns the sqlite3 scripts of the sqlite3-schema
// benchmark: the congress schema (the migrations, a category and the days),
// then the load. Debian 12's sqlite3 (3.40) predates FTS5's
// contentless_delete (3.43): the search index is made without it, which
// changes nothing to filling it. The sqlite3 program lacks congres_sum,
// the row sums' function (row_sum.go): its triggers call json_array, a
// function of as many arguments that costs about as much.
func sqlite3SchemaLoad(b *testing.B, csvPath string) (schema, load string) {
	b.Helper()
	ms, err := migrations()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("PRAGMA journal_mode = WAL;\n")
	// What migrate makes before the first migration (store.go).
	sb.WriteString("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);\n")
	for _, m := range ms {
		sql := strings.ReplaceAll(m.SQL, "contentless_delete = 1,", "")
		sql = strings.ReplaceAll(sql, "congres_sum(", "json_array(")
		sb.WriteString(sql)
		sb.WriteString("\n")
	}
	sb.WriteString(`INSERT INTO category (name, badge_label, colour, position) VALUES ('Adhérent·e', 'ADHÉRENT·E', '#1f6fb2', 1);
		INSERT INTO congress_day (day) VALUES ('2021-11-25'), ('2021-11-26');`)
	schema = sb.String()
	// The participant indexes of the schema as the migrations leave it
	// (a migration may drop and replace some), read from a file made by
	// the sqlite3 command.
	probe := filepath.Join(b.TempDir(), "indexes.db")
	out, err := exec.Command(sqlite3Command(b), probe, schema+"\n"+`SELECT name || char(9) || sql || ';' FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = 'participant' AND sql IS NOT NULL ORDER BY name;`).CombinedOutput()
	if err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	var drop, make []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, sql, ok := strings.Cut(line, "\t")
		if !ok {
			continue // the journal mode the schema sets (wal)
		}
		drop = append(drop, "DROP INDEX "+name+";")
		make = append(make, sql)
	}
	if len(make) < 6 {
		b.Fatalf("found %d participant indexes in the schema, want at least 6", len(make))
	}
	trigger := regexp.MustCompile(`(?s)CREATE TRIGGER participant_fts_insert .*?END;`).FindAllString(schema, -1)
	load = strings.Join([]string{
		"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
		"BEGIN;",
		".import --csv " + csvPath + " r",
		strings.Join(drop, "\n"),
		"DROP TRIGGER participant_fts_insert;",
		`INSERT OR IGNORE INTO organisation (name) SELECT DISTINCT "Organisation" FROM r WHERE "Organisation" <> '';`,
		`INSERT INTO participant (id, code, first_name, last_name, email, phone, organisation_id, job_title, category_id,
			region, status, diet, sort_key, name_key, created_at, updated_at)
			SELECT r.rowid, printf('B%05d', r.rowid), "Prénom", "Nom", "E-mail", "Téléphone", o.id, "Fonction", 1,
			"Région", 'confirmed', "Régime alimentaire",
			lower("Nom" || ' ' || "Prénom"), lower("Prénom" || ' ' || "Nom"), '2021-11-01T10:00:00Z', '2021-11-01T10:00:00Z'
			FROM r LEFT JOIN organisation o ON o.name = r."Organisation";`,
		`INSERT INTO participant_day (participant_id, day) SELECT rowid, '2021-11-25' FROM r WHERE "Jours" LIKE '%2021-11-25%';`,
		`INSERT INTO participant_day (participant_id, day) SELECT rowid, '2021-11-26' FROM r WHERE "Jours" LIKE '%2021-11-26%';`,
		strings.Join(make, "\n"),
		trigger[len(trigger)-1],
		`INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
			SELECT p.id, p.first_name, p.last_name, coalesce(o.name, ''), p.email, p.code, p.name_key
			FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id;`,
		"DROP TABLE r;",
		"COMMIT;",
	}, "\n")
	return schema, load
}

// processCPU is the CPU time (user and system) a finished command used.
func processCPU(cmd *exec.Cmd) time.Duration {
	if cmd.ProcessState == nil {
		return 0
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func sqlite3Command(b *testing.B) string {
	b.Helper()
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("the sqlite3 command is not installed")
	}
	return bin
}

// sqlite3Reference is the median time of three .import runs of the sqlite3
// command, and the median of their CPU times, or 0 when it is not
// installed.
func sqlite3Reference(b *testing.B, path string) (wall, cpu time.Duration) {
	b.Helper()
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		return 0, 0
	}
	var times, cpus []time.Duration
	for i := range 3 {
		db := filepath.Join(b.TempDir(), fmt.Sprintf("ref%d.db", i))
		start := time.Now()
		cmd := exec.Command(bin, db, ".import --csv "+path+" registration")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		times = append(times, time.Since(start))
		cpus = append(cpus, processCPU(cmd))
	}
	slices.Sort(times)
	slices.Sort(cpus)
	return times[1], cpus[1]
}
