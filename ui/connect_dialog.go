package ui

import (
	"net"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data/stores"
	"congres/ui/widgets"
)

// File → Connect to a shared congress…: a congress kept on a PostgreSQL
// server, which several laptops use at once. The dialog asks for the
// server, the database, the user and the password; a connection string
// pasted into the server's field (postgres://… or host=… dbname=…) fills
// them all. Open Recent remembers the connection without its password,
// which the system's keyring keeps where there is one (connect_keyring.go):
// choosing it connects at once, or asks for the password again.

// connectForm is the connection dialog's fields.
type connectForm struct {
	server   *widgets.Entry // host or host:port
	database *widgets.Entry
	user     *widgets.Entry
	password *widget.Entry
	// options are the connection string's other parameters
	// (sslmode=require…), as a URL's query.
	options  *widgets.Entry
	last     string       // the server field's text before its last change
	remember *rememberRow // whether the keyring keeps the password
}

func newConnectForm() *connectForm {
	f := &connectForm{server: widgets.NewEntry(), database: widgets.NewEntry(), user: widgets.NewEntry(),
		password: widget.NewPasswordEntry(), options: widgets.NewEntry(), remember: newRememberRow()}
	f.server.SetPlaceHolder(lang.L("host or host:port, or paste a connection string"))
	f.server.Validator = required
	f.database.Validator = required
	f.options.SetPlaceHolder("sslmode=require")
	f.options.Validator = func(s string) error {
		_, err := url.ParseQuery(strings.TrimSpace(s))
		return err
	}
	f.server.OnChanged = f.onServerChanged
	f.server.OnSubmitted = f.onServerSubmitted
	return f
}

// items are the dialog's rows.
func (f *connectForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem(lang.L("Server"), f.server),
		widget.NewFormItem(lang.L("Database"), f.database),
		widget.NewFormItem(lang.L("User"), f.user),
		widget.NewFormItem(lang.L("Password"), f.password),
		widget.NewFormItem("", container.NewVBox(f.remember.check, f.remember.note)),
		widget.NewFormItem(lang.L("Options"), f.options),
	}
}

// onServerChanged fills every field from a connection string pasted into
// the server's field. A string typed key by key is left as it is: its
// first characters ("postgres://") would otherwise empty the field.
func (f *connectForm) onServerChanged(s string) {
	pasted := len(s)-len(f.last) > 1
	f.last = s
	if pasted && stores.IsServer(strings.TrimSpace(s)) {
		f.fill(strings.TrimSpace(s))
	}
}

// onServerSubmitted fills every field from a connection string typed
// whole into the server's field, as a scanner does (key by key, then
// Enter), or typed by hand.
func (f *connectForm) onServerSubmitted(s string) {
	if s = strings.TrimSpace(s); stores.IsServer(s) {
		f.fill(s)
	}
}

// fill sets the fields from target, a connection string (URL or keyword
// form). What it does not name is left empty.
func (f *connectForm) fill(target string) {
	c := parseConnection(target)
	f.last = c.server
	f.server.SetText(c.server)
	f.database.SetText(c.database)
	f.user.SetText(c.user)
	f.password.SetText(c.password)
	f.options.SetText(c.params.Encode())
}

// target is the URL of the congress the fields name, with the password.
func (f *connectForm) target() string {
	if s := strings.TrimSpace(f.server.Text); stores.IsServer(s) {
		f.fill(s) // a string typed or pasted whole, not yet read
	}
	params, _ := url.ParseQuery(strings.TrimSpace(f.options.Text)) // the field says when it cannot be read
	return connection{server: strings.TrimSpace(f.server.Text), database: strings.TrimSpace(f.database.Text),
		user: strings.TrimSpace(f.user.Text), password: f.password.Text, params: params}.url()
}

// connection is what a connection string names.
type connection struct {
	server, database, user, password string // server: host or host:port
	params                           url.Values
}

// url writes c as a postgres:// URL.
func (c connection) url() string {
	u := url.URL{Scheme: "postgres", Host: c.server, Path: "/" + c.database}
	switch {
	case c.password != "":
		u.User = url.UserPassword(c.user, c.password)
	case c.user != "":
		u.User = url.User(c.user)
	}
	if len(c.params) > 0 {
		u.RawQuery = c.params.Encode()
	}
	return u.String()
}

// parseConnection reads a connection string: a postgres:// URL or the
// keyword form (host=… port=… dbname=… user=… password=…).
func parseConnection(s string) connection {
	c := connection{params: url.Values{}}
	if u, err := url.Parse(s); err == nil && strings.Contains(s, "://") {
		c.server = u.Host
		c.database = strings.TrimPrefix(u.Path, "/")
		if u.User != nil {
			c.user = u.User.Username()
			c.password, _ = u.User.Password()
		}
		for k, v := range u.Query() {
			switch strings.ToLower(k) {
			case "host":
				c.server = v[0]
			case "port":
				c.server = hostPort(hostOnly(c.server), v[0])
			case "dbname":
				c.database = v[0]
			case "user":
				c.user = v[0]
			case "password":
				c.password = v[0]
			default:
				c.params[k] = v
			}
		}
		return c
	}
	var host, port string
	for _, kv := range keywordPairs(s) {
		switch strings.ToLower(kv[0]) {
		case "host", "hostaddr":
			host = kv[1]
		case "port":
			port = kv[1]
		case "dbname":
			c.database = kv[1]
		case "user":
			c.user = kv[1]
		case "password":
			c.password = kv[1]
		default:
			c.params.Set(kv[0], kv[1])
		}
	}
	c.server = hostPort(host, port)
	return c
}

func hostPort(host, port string) string {
	if port == "" {
		if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
			return "[" + host + "]" // an IPv6 address
		}
		return host
	}
	return net.JoinHostPort(host, port)
}

func hostOnly(server string) string {
	if h, _, err := net.SplitHostPort(server); err == nil {
		return h
	}
	return server
}

// keywordPairs splits a connection string in the keyword form into its
// key/value pairs, as libpq does: spaces around "=", values in single
// quotes, backslash escapes.
func keywordPairs(s string) [][2]string {
	var pairs [][2]string
	r := []rune(s)
	i := 0
	skip := func() {
		for i < len(r) && (r[i] == ' ' || r[i] == '\t' || r[i] == '\n') {
			i++
		}
	}
	for {
		skip()
		if i >= len(r) {
			return pairs
		}
		start := i
		for i < len(r) && r[i] != '=' && r[i] != ' ' && r[i] != '\t' {
			i++
		}
		key := string(r[start:i])
		skip()
		if i >= len(r) || r[i] != '=' {
			return pairs // not key=value: the rest is not read
		}
		i++
		skip()
		var v strings.Builder
		quoted := i < len(r) && r[i] == '\''
		if quoted {
			i++
		}
		for i < len(r) {
			ch := r[i]
			if ch == '\\' && i+1 < len(r) {
				v.WriteRune(r[i+1])
				i += 2
				continue
			}
			if quoted && ch == '\'' {
				i++
				break
			}
			if !quoted && (ch == ' ' || ch == '\t' || ch == '\n') {
				break
			}
			v.WriteRune(ch)
			i++
		}
		pairs = append(pairs, [2]string{key, v.String()})
	}
}

// onConnect asks for a server's congress and opens it.
func (u *ui) onConnect() { u.showConnect("") }

// showConnect shows the connection dialog, filled from target (a
// connection remembered without its password, or "" for none), and
// returns its fields.
func (u *ui) showConnect(target string) *connectForm {
	f := newConnectForm()
	if target != "" {
		f.fill(target)
	}
	d := dialog.NewForm(lang.L("Connect to a shared congress"), lang.L("Connect"), lang.L("Cancel"), f.items(), func(ok bool) {
		if ok {
			u.connectKeepAsync(f.target(), f.remember.choice(), nil)
		}
	}, u.win)
	size := fyne.NewSize(560, 0) // as high as its rows
	u.probeKeyringAsync(f.remember, func() { d.Resize(size) })
	d.Resize(size)
	d.Show()
	switch {
	case f.server.Text == "":
		u.win.Canvas().Focus(f.server)
	default:
		u.win.Canvas().Focus(f.password)
	}
	return f
}

// connectAsync opens the congress on the server at target (a URL given on
// the command line), leaving the keyring as it is unless the server
// refuses the password.
func (u *ui) connectAsync(target string) { u.connectKeepAsync(target, leavePassword, nil) }

// openRecent opens a congress of the recent list: a file at once, a
// server's with the password the keyring keeps, or after asking for it.
func (u *ui) openRecent(target string) {
	if stores.IsServer(target) {
		if s := u.session(); s != nil && s.store.Path() == stores.Redact(target) {
			return
		}
		u.openRecentServerAsync(target)
		return
	}
	u.openAsync(target)
}

// onServer says the open congress is kept on a server.
func onServer(st openCongress) bool {
	s, ok := st.(interface{ OnServer() bool })
	return ok && s.OnServer()
}
