package notify

import (
	"context"
	"errors"
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// A real SMTP server on loopback that wants PLAIN authentication and keeps what it receives.
type backend struct{ got chan string }

type session struct {
	b      *backend
	authed bool
}

func (b *backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{b: b}, nil }

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != "desk" || pass != "s3cret" {
			return errors.New("bad credentials")
		}
		s.authed = true
		return nil
	}), nil
}
func (s *session) Mail(string, *smtp.MailOptions) error {
	if !s.authed {
		return errors.New("authenticate first")
	}
	return nil
}
func (s *session) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	s.b.got <- string(b)
	return err
}
func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }

func server(t *testing.T) (string, chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	be := &backend{got: make(chan string, 4)}
	s := smtp.NewServer(be)
	s.Domain, s.AllowInsecureAuth = "localhost", true
	go s.Serve(ln) //nolint:errcheck // ends with Close
	t.Cleanup(func() { s.Close() })
	return ln.Addr().String(), be.got
}

// A notice goes through authentication, arrives with its Chinese subject encoded for mail headers and a body
// whose lines starting with a dot survive; a wrong password fails with the server's word.
func TestSendThroughRealServer(t *testing.T) {
	addr, got := server(t)
	m, err := NewMailer("smtp://desk:s3cret@"+addr, "legalmap@example.org")
	if err != nil {
		t.Fatal(err)
	}
	body := "新的申请\n.a line starting with a dot\n回执 7KMR-X3QD-94HT"
	if err := m.Send(context.Background(), Message{To: "Place <place@example.org>", Subject: "新的网上申请 / New request", Body: body}); err != nil {
		t.Fatal(err)
	}
	var raw string
	select {
	case raw = <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("nothing arrived")
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != "新的网上申请 / New request" || msg.Header.Get("To") != "place@example.org" {
		t.Errorf("subject %q (%v), to %q", subject, err, msg.Header.Get("To"))
	}
	text, _ := io.ReadAll(msg.Body)
	if strings.ReplaceAll(string(text), "\r\n", "\n") != body+"\n" {
		t.Errorf("body %q", text)
	}

	bad, _ := NewMailer("smtp://desk:wrong@"+addr, "legalmap@example.org")
	if err := bad.Send(context.Background(), Message{To: "place@example.org", Subject: "x", Body: "y"}); err == nil || !strings.Contains(err.Error(), "auth") {
		t.Errorf("wrong password: %v", err)
	}
	// Nothing listening: an error within the deadline, not a hang.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := ln.Addr().String()
	ln.Close()
	gone, _ := NewMailer("smtp://"+dead, "legalmap@example.org")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := gone.Send(ctx, Message{To: "place@example.org", Subject: "x", Body: "y"}); err == nil {
		t.Error("sent to a closed port")
	}
	for _, u := range []string{"http://x:25", "smtp://", "smtp://host", "smtp://[::1"} {
		if _, err := NewMailer(u, "a@b.c"); err == nil {
			t.Errorf("NewMailer(%q) accepted", u)
		}
	}
	if m, err := NewMailer("", "a@b.c"); m != nil || err != nil {
		t.Error("an empty SMTP_URL is no mailer and no error")
	}
	if err := (*Mailer)(nil).Send(context.Background(), Message{To: "x@y.z"}); err != nil {
		t.Error("a nil mailer sends nothing, quietly")
	}
}
