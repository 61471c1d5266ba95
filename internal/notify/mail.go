// Package notify sends the e-mail notices of the request desk through an SMTP server (SMTP_URL): a plain
// text message, with a deadline on every step. It holds no template of its own; callers say what to send.
package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mailer sends through one SMTP server.
type Mailer struct {
	server  *url.URL
	from    string
	timeout time.Duration
}

// NewMailer reads smtp://user:password@host:port (a relay on a trusted network, no TLS),
// smtp+starttls://… (STARTTLS required) or smtps://… (TLS from the start). An empty URL gives a nil Mailer,
// which sends nothing.
func NewMailer(rawURL, from string) (*Mailer, error) {
	if rawURL == "" {
		return nil, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || !ValidScheme(u.Scheme) || u.Hostname() == "" || u.Port() == "" {
		return nil, errors.New("notify: want smtp://user:password@host:port or smtps://…")
	}
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("notify: sender %q: %w", from, err)
	}
	return &Mailer{server: u, from: from, timeout: 20 * time.Second}, nil
}

// ValidScheme says whether an SMTP_URL scheme is one Send knows.
func ValidScheme(s string) bool { return s == "smtp" || s == "smtp+starttls" || s == "smtps" }

// Message is one notice.
type Message struct {
	To      string
	Subject string
	Body    string
}

// Send delivers m, or fails within the mailer's timeout (or ctx's deadline, if sooner).
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	if m == nil {
		return nil
	}
	to, err := mail.ParseAddress(msg.To)
	if err != nil {
		return fmt.Errorf("notify: recipient: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	d := net.Dialer{}
	conn, err := d.DialContext(ctx, "tcp", m.server.Host)
	if err != nil {
		return fmt.Errorf("notify: connect: %w", err)
	}
	conn.SetDeadline(deadline) //nolint:errcheck // a dead connection fails the next command anyway
	if m.server.Scheme == "smtps" {
		conn = tls.Client(conn, &tls.Config{ServerName: m.server.Hostname(), MinVersion: tls.VersionTLS12})
	}
	var c *smtp.Client
	if m.server.Scheme == "smtp+starttls" {
		if c, err = smtp.NewClientStartTLS(conn, &tls.Config{ServerName: m.server.Hostname(), MinVersion: tls.VersionTLS12}); err != nil {
			conn.Close()
			return fmt.Errorf("notify: starttls: %w", err)
		}
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if user := m.server.User; user != nil {
		pw, _ := user.Password()
		if err := c.Auth(sasl.NewPlainClient("", user.Username(), pw)); err != nil {
			return fmt.Errorf("notify: auth: %w", err)
		}
	}
	if err := c.Mail(m.from, nil); err != nil {
		return fmt.Errorf("notify: mail from: %w", err)
	}
	if err := c.Rcpt(to.Address, nil); err != nil {
		return fmt.Errorf("notify: rcpt to: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("notify: data: %w", err)
	}
	if _, err := w.Write(m.compose(to.Address, msg)); err != nil {
		return fmt.Errorf("notify: write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("notify: end of data: %w", err)
	}
	return c.Quit()
}

// compose writes the message: UTF-8 text, the subject encoded for mail headers, CRLF lines.
func (m *Mailer) compose(to string, msg Message) []byte {
	var b bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", m.from)
	h("To", to)
	h("Subject", mime.BEncoding.Encode("utf-8", oneLine(msg.Subject)))
	h("Date", time.Now().Format(time.RFC1123Z))
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")
	// The client's DATA writer dot-stuffs lines; here only line ends are made CRLF.
	for _, line := range strings.Split(strings.ReplaceAll(msg.Body, "\r\n", "\n"), "\n") {
		b.WriteString(line + "\r\n")
	}
	return b.Bytes()
}

func oneLine(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }
