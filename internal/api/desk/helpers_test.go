package desk_test

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"legalmap/internal/api"
	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/directory"
	"legalmap/internal/requests"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, directory.Shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// desk is a server with requests on: its key, its clock, and the *api.Server for purge runs.
type desk struct {
	srv   *api.Server
	URL   string
	key   string
	clock *apitest.Clock
}

// testKey is the request key of the package's servers (unless a test sets another): every request of the
// package's database is under it or under a key a test rotated to, so a rotation can re-encrypt them all.
var testKey = requests.NewKeyText()

// deskServer starts the real server with the package's request key (unless vars set one) and a clock at now.
func deskServer(t testing.TB, vars map[string]string, now time.Time) desk {
	t.Helper()
	env := map[string]string{"RATE_LIMIT": "0"}
	if _, ok := vars["REQUEST_KEY"]; !ok {
		env["REQUEST_KEY"] = testKey
	}
	for k, v := range vars {
		env[k] = v
	}
	clk := apitest.NewClockAt(now)
	srv, ts := apitest.Start(t, nil, env, clk)
	return desk{srv: srv, URL: ts.URL, key: env["REQUEST_KEY"], clock: clk}
}

var placeSeq int

// newPlace makes an active place of a kind with weekday hours 9-12, 14-17 and an e-mail address.
func newPlace(t *testing.T, base string, kind string) string {
	t.Helper()
	setup := apitest.NewUser(t, auth.Editor)
	placeSeq++
	return apitest.CreateRecord(t, base, setup, map[string]any{"kind": kind, "name": fmt.Sprintf("业务办理测试%s%d", kind, placeSeq),
		"hours": "周一至周五 9:00-12:00,14:00-17:00", "email": fmt.Sprintf("place%d@example.org", placeSeq)}).ID
}

var phoneSeq = 100000

// freshPhone is a mobile number no other test uses (per-phone limits).
func freshPhone() string {
	phoneSeq++
	return fmt.Sprintf("139%08d", phoneSeq)
}

// submit posts a request; it returns the status, the body and the code of a 201.
func submit(t *testing.T, base string, body map[string]any) (int, []byte, string) {
	t.Helper()
	resp, b := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: base + "/api/v1/requests", Body: apitest.JSONBody(body)})
	var out struct{ Code string }
	if resp.StatusCode == http.StatusCreated {
		apitest.Decode(t, b, &out)
	}
	return resp.StatusCode, b, out.Code
}

func consultation(place, phone string) map[string]any {
	return map[string]any{"provider_id": place, "type": "consultation", "name": "王小明", "phone": phone,
		"matter": "被拖欠工资", "message": "公司三个月没发工资，怎么办？", "consent": true}
}

// citizen posts {phone_last4} to one of a request's citizen routes.
func citizen(t *testing.T, base, code, what, last4 string) (*http.Response, []byte) {
	t.Helper()
	return apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: base + "/api/v1/requests/" + code + "/" + what,
		Body: apitest.JSONBody(map[string]string{"phone_last4": last4})})
}

// mailbox is a real SMTP server on loopback that keeps what it receives.
type mailbox struct {
	addr string
	got  chan mail
}

type mail struct {
	from string
	to   []string
	data string
}

type mailSession struct {
	box *mailbox
	m   mail
}

func (s *mailSession) Reset()        { s.m = mail{} }
func (s *mailSession) Logout() error { return nil }
func (s *mailSession) Mail(from string, _ *smtp.MailOptions) error {
	s.m.from = from
	return nil
}
func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.m.to = append(s.m.to, to)
	return nil
}
func (s *mailSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.m.data = string(b)
	s.box.got <- s.m
	return nil
}

type mailBackend struct{ box *mailbox }

func (b mailBackend) NewSession(*smtp.Conn) (smtp.Session, error) {
	return &mailSession{box: b.box}, nil
}

func newMailbox(t *testing.T) *mailbox {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	box := &mailbox{addr: ln.Addr().String(), got: make(chan mail, 16)}
	s := smtp.NewServer(mailBackend{box})
	s.Domain = "localhost"
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	go s.Serve(ln) //nolint:errcheck // ends with Close
	t.Cleanup(func() { s.Close() })
	return box
}

// next waits for the next message, up to a bound (the notice is sent in the background).
func (b *mailbox) next(t *testing.T) mail {
	t.Helper()
	select {
	case m := <-b.got:
		return m
	case <-time.After(15 * time.Second):
		t.Fatal("no mail arrived")
	}
	return mail{}
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func decodeJSONObject(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	apitest.Decode(t, b, &m)
	return m
}
