package sqlite

import (
	"congres/data"
	"congres/data/sqlite/sqlitetest"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheckpointAfterBurst: once writes pause, the file alone (copied
// without its -wal, as a file manager copies it while Congrès runs) holds
// them.
func TestCheckpointAfterBurst(t *testing.T) {
	old := checkpointQuiet
	checkpointQuiet = 100 * time.Millisecond
	defer func() { checkpointQuiet = old }()
	s := mustOpen(t)
	for i := range 20 {
		sqlitetest.AddPerson(t, s, "Personne", string(rune('A'+i)))
	}
	// Copy the file alone until it holds everyone: the checkpoint comes
	// checkpointQuiet after the last write; without it the WAL, far from
	// its automatic checkpoint, would keep them for ever.
	cp := filepath.Join(t.TempDir(), "copy"+data.Extension)
	got := 0
	for deadline := time.Now().Add(10 * time.Second); got != 20 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		got = peopleInCopy(t, s.Path(), cp)
	}
	if got != 20 {
		t.Fatalf("the file alone holds %d of 20 people, 10 s after the last write", got)
	}
}

// peopleInCopy copies the file at path alone (without its -wal) to cp and
// counts the people in the copy.
func peopleInCopy(t *testing.T, path, cp string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data.RemoveFile(cp)
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, err := c.ListParticipants(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

// TestNetworkFilesystems: the filesystems of other computers are told apart
// from local ones, by name and from real lines of /proc/self/mountinfo.
func TestNetworkFilesystems(t *testing.T) {
	for fs, want := range map[string]bool{
		"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "9p": true, "fuse.sshfs": true,
		"fuse.rclone": true, "smbfs": true, "afpfs": true, "webdav": true,
		"ext4": false, "btrfs": false, "xfs": false, "tmpfs": false, "overlay": false, "apfs": false,
		"hfs": false, "fuse.gocryptfs": false, "fuseblk": false, "vfat": false, "ntfs3": false, "": false,
	} {
		if got := isNetworkFS(fs); got != want {
			t.Errorf("isNetworkFS(%q) = %v", fs, got)
		}
	}
	mountinfo := `22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
35 22 0:31 / /home rw,relatime shared:20 - btrfs /dev/sda3 rw
41 35 0:45 / /home/anne/Partage rw,nosuid,nodev,relatime shared:30 - fuse.sshfs anne@nas:/srv rw,user_id=1000
43 22 0:47 / /mnt/bureau rw,relatime shared:31 - cifs //nas/bureau rw,vers=3.1.1
44 22 0:48 / /mnt/Mes\040congr\303\250s rw,relatime shared:32 - nfs4 nas:/export rw
45 22 0:49 / /mnt/bureau/local rw,relatime shared:33 - tmpfs tmpfs rw
`
	for path, want := range map[string]string{
		"/home/anne/Documents/a.congres":      "btrfs",
		"/home/anne/Partage/congres.congres":  "fuse.sshfs",
		"/home/anne/Partagex/congres.congres": "btrfs",
		"/mnt/bureau/x.congres":               "cifs",
		"/mnt/bureau/local/x.congres":         "tmpfs",
		"/mnt/Mes congrès/2026/lille.congres": "nfs4",
		"/srv/x.congres":                      "ext4",
	} {
		if got := mountFSType(strings.NewReader(mountinfo), path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	// Here, the test's folder is on this computer.
	if err := checkNetwork(filepath.Join(t.TempDir(), "x"+data.Extension)); err != nil {
		t.Fatal(err)
	}
	sqlitetest.WantErr(t, data.ErrNetworkShare.With("x", "nfs"), data.ErrNetworkShare)
}

// TestBusyFileSentence: when another program keeps the file's write lock
// past the busy timeout, a write gets the "busy" sentence, not "internal
// error", and nothing is written.
func TestBusyFileSentence(t *testing.T) {
	old := busyTimeout
	busyTimeout = 200 * time.Millisecond
	defer func() { busyTimeout = old }()
	s := mustOpen(t)
	other, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	p := sqlitetest.NewPerson(t, s, "Anne", "Martin")
	err = s.CreateParticipant(ctx, &p)
	sqlitetest.WantErr(t, err, data.ErrFileBusy)
	if data.KindOf(err) != data.KindBusy {
		t.Fatalf("kind %d", data.KindOf(err))
	}
	conn.ExecContext(ctx, "ROLLBACK")
	if rows, _ := s.ListParticipants(ctx, data.ParticipantQuery{}); len(rows) != 0 {
		t.Fatal("written anyway")
	}
}

// TestNetworkDriveReadOnly: a congress file on a network drive (the
// filesystem's name is faked here) opens read only, with nothing made
// beside it, and refuses every write with the network sentence; one that
// another computer has open (a -wal beside it) is refused; no congress is
// created or restored there.
func TestNetworkDriveReadOnly(t *testing.T) {
	path, backup := sqlitetest.BackedUpFile(t, 1, Create)
	old := networkFSOf
	networkFSOf = func(string) string { return "cifs" }
	defer func() { networkFSOf = old }()

	before := sqlitetest.FileSums(t, path)
	n, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	sqlitetest.WantErr(t, n.ReadOnly(), data.ErrNetworkShare)
	if rows, err := n.ListParticipants(ctx, data.ParticipantQuery{}); err != nil || len(rows) != 1 {
		t.Fatalf("reading: %d, %v", len(rows), err)
	}
	p := sqlitetest.NewPerson(t, n, "Paul", "Durand")
	sqlitetest.WantErr(t, n.CreateParticipant(ctx, &p), data.ErrNetworkShare)
	n.Close()
	after := sqlitetest.FileSums(t, path)
	for _, c := range sqlitetest.Companions {
		if before[c] != after[c] {
			t.Errorf("%s changed on the network drive", c)
		}
	}
	sqlitetest.WantErr(t, Restore(ctx, path, backup), data.ErrNetworkShare)
	_, err = Create(ctx, filepath.Join(filepath.Dir(path), "new"+data.Extension), data.Congress{Name: "x", Days: []data.Day{sqlitetest.Day1}})
	sqlitetest.WantErr(t, err, data.ErrNetworkShare)

	os.WriteFile(path+"-wal", []byte("another computer's work"), 0o600)
	_, err = Open(ctx, path)
	sqlitetest.WantErr(t, err, data.ErrNetworkShare)
}

// TestOpenByRelativePath: a file opened by a relative path keeps its place
// in full, so that its backups go beside it even after the working folder
// changed (a backup made later from a relative path failed: "open
// backups/.rel-….part: no such file or directory").
func TestOpenByRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	c := data.Congress{Name: "Relatif", Days: []data.Day{"2027-03-01"}}
	created, err := Create(ctx, "rel"+data.Extension, c)
	if err != nil {
		t.Fatal(err)
	}
	created.Close()
	s, err := Open(ctx, "rel"+data.Extension)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := filepath.Join(dir, "rel"+data.Extension)
	if got, _ := filepath.EvalSymlinks(s.Path()); got != mustEval(t, want) {
		t.Errorf("Path() = %s, want %s", s.Path(), want)
	}
	t.Chdir(t.TempDir())
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatalf("a backup after the working folder changed: %v", err)
	}
	if rel, err := filepath.Rel(mustEval(t, dir), mustEval(t, backup)); err != nil || strings.HasPrefix(rel, "..") {
		t.Errorf("the backup %s is not beside the file in %s", backup, dir)
	}
}

func mustEval(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
