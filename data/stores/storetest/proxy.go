package storetest

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"
)

// Proxy passes TCP connections to a server until Cut, which closes them
// all and stops listening (the network is down); Restore listens again on
// the same address (the network is back).
type Proxy struct {
	tb     testing.TB
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

// NewProxy starts a proxy to the server of target (a postgres:// URL) and
// returns it with target's URL rewritten to go through it. The proxy is cut
// when the test ends.
func NewProxy(tb testing.TB, target string) (*Proxy, string) {
	tb.Helper()
	u, err := url.Parse(target)
	if err != nil {
		tb.Fatal(err)
	}
	p := &Proxy{tb: tb, target: u.Host}
	p.listen("127.0.0.1:0")
	tb.Cleanup(p.Cut)
	u.Host = p.addr
	return p, u.String()
}

// Addr is the address the proxy listens on.
func (p *Proxy) Addr() string { return p.addr }

func (p *Proxy) listen(addr string) {
	var ln net.Listener
	var err error
	for range 50 { // the port may linger a moment after a cut
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		p.tb.Fatal(err)
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

// Cut closes every connection and stops listening.
func (p *Proxy) Cut() {
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

// Restore listens again on the address of before the cut.
func (p *Proxy) Restore() { p.listen(p.addr) }
