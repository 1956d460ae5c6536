package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"congres/data"
)

// proxy passes TCP connections to the server at target until cut, which
// closes them all and stops listening (the network is down); restore
// listens again on the same address.
type proxy struct {
	t      *testing.T
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{t: t, target: target}
	p.listen("127.0.0.1:0")
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) listen(addr string) {
	var ln net.Listener
	var err error
	for range 50 { // the port may linger a moment after a cut
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			if p.ln != ln { // cut meanwhile: this one goes too
				p.mu.Unlock()
				c.Close()
				s.Close()
				return
			}
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() { p.listen(p.addr) }

// TestServerLost: when the network to the server drops, a check-in is
// refused with a sentence (the server does not answer), nothing is
// recorded, and once the network is back the same store checks in again
// without being reopened.
func TestServerLost(t *testing.T) {
	ctx := context.Background()
	direct := newDatabase(t)
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	px := newProxy(t, u.Host)
	u.Host = px.addr
	s, err := Create(ctx, u.String(), data.Congress{Name: "Congrès", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var people []data.Participant
	for _, name := range []string{"Awa", "Léon"} {
		p := data.Participant{FirstName: name, LastName: "Diallo", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
			Days: []data.Day{"2026-06-01"}}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}

	px.cut()
	_, err = s.Admit(ctx, data.AdmitRequest{ParticipantID: people[0].ID, Day: "2026-06-01", Desk: "A"})
	if !errors.Is(err, data.ErrServerUnreachable) {
		t.Fatalf("a check-in with the network down: want ErrServerUnreachable, got %v", err)
	}
	var de *data.Error
	if !errors.As(err, &de) || !strings.Contains(de.Message("fr"), "ne répond pas") || strings.Contains(err.Error(), password(direct)) {
		t.Errorf("the sentence: %v", err)
	}
	if n := query(t, mustOpen(t, direct), "SELECT count(*) FROM checkin"); n[0][0] != "0" {
		t.Errorf("%s arrivals recorded while the network was down", n[0][0])
	}

	px.restore()
	r, err := s.Admit(ctx, data.AdmitRequest{ParticipantID: people[1].ID, Day: "2026-06-01", Desk: "A"})
	if err != nil || !r.Admitted {
		t.Fatalf("a check-in once the network is back: %+v, %v", r, err)
	}
	if n := query(t, mustOpen(t, direct), "SELECT count(*) FROM checkin"); n[0][0] != "1" {
		t.Errorf("%s arrivals in the server, want 1", n[0][0])
	}
}
