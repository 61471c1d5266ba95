package config

import (
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"legalmap/internal/geo"
)

// Option is one environment variable: its name, default, meaning, and how it lands in Config.
type Option struct {
	Env     string
	Default string
	Help    string
	Secret  bool
	set     func(*Config, string) error
}

// Options lists every variable, for `legalmap config` and the README table.
func Options() []Option { return options }

var options = []Option{
	{"DATABASE_URL", "postgres://legalmap:legalmap@localhost:5432/legalmap?sslmode=disable",
		"PostgreSQL + PostGIS connection URL", true, func(c *Config, v string) error {
			c.DatabaseURL = v
			return checkPostgresURL(v)
		}},
	{"DATABASE_READ_URL", "", "optional read replica for public queries (empty: DATABASE_URL)", true,
		func(c *Config, v string) error {
			c.DatabaseReadURL = v
			if v == "" {
				return nil
			}
			return checkPostgresURL(v)
		}},
	{"LISTEN_ADDR", ":8080", "HTTP listen address", false, func(c *Config, v string) error {
		if _, _, err := net.SplitHostPort(v); err != nil {
			return errors.New("want host:port, e.g. :8080")
		}
		c.ListenAddr = v
		return nil
	}},
	{"LOG_LEVEL", "info", "debug, info, warn or error", false, func(c *Config, v string) error {
		var l slog.Level
		if err := l.UnmarshalText([]byte(v)); err != nil {
			return errors.New("want debug, info, warn or error")
		}
		c.LogLevel = strings.ToLower(v)
		return nil
	}},
	{"LOG_FORMAT", "text", "text or json", false, func(c *Config, v string) error {
		c.LogFormat = v
		return oneOf(v, "text", "json")
	}},
	{"READ_HEADER_TIMEOUT", "5s", "time a client has to send its request headers", false, duration(func(c *Config) *time.Duration { return &c.ReadHeaderTimeout })},
	{"READ_TIMEOUT", "60s", "time a client has to send a whole request, uploads included", false, duration(func(c *Config) *time.Duration { return &c.ReadTimeout })},
	{"WRITE_TIMEOUT", "120s", "time to write a response", false, duration(func(c *Config) *time.Duration { return &c.WriteTimeout })},
	{"IDLE_TIMEOUT", "120s", "keep-alive idle time", false, duration(func(c *Config) *time.Duration { return &c.IdleTimeout })},
	{"REQUEST_TIMEOUT", "5s", "deadline of a request's context (queries included)", false, duration(func(c *Config) *time.Duration { return &c.RequestTimeout })},
	{"STATEMENT_TIMEOUT", "4s", "PostgreSQL statement_timeout; not longer than REQUEST_TIMEOUT", false, duration(func(c *Config) *time.Duration { return &c.StatementTimeout })},
	{"DB_CONNECT_TIMEOUT", "1s", "time to open one database connection", false, duration(func(c *Config) *time.Duration { return &c.DBConnectTimeout })},
	{"SHUTDOWN_TIMEOUT", "15s", "grace period for requests in flight on SIGTERM", false, duration(func(c *Config) *time.Duration { return &c.ShutdownTimeout })},
	{"IMPORT_TIMEOUT", "10m", "deadline of an import uploaded through the admin API", false, duration(func(c *Config) *time.Duration { return &c.ImportTimeout })},
	{"EXPORT_TIMEOUT", "10m", "deadline of making an open data export file (once per data version)", false, duration(func(c *Config) *time.Duration { return &c.ExportTimeout })},
	{"DB_MAX_CONNS", "16", "size of each database pool (the primary, and the replica's with DATABASE_READ_URL)", false, func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil || n < 1 || n > 1000 {
			return errors.New("want a whole number from 1 to 1000")
		}
		c.DBMaxConns = int32(n)
		return nil
	}},
	{"RATE_LIMIT", "20", "public requests per second per client address; 0 switches it off", false, func(c *Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1e6 || f != f {
			return errors.New("want a number from 0 to 1000000")
		}
		c.RateLimit = f
		return nil
	}},
	{"RATE_BURST", "40", "requests a client may make at once above the rate", false, positiveInt(func(c *Config) *int { return &c.RateBurst })},
	{"TRUSTED_PROXIES", "", "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is believed", false, func(c *Config, v string) error {
		c.TrustedProxies = nil
		for _, s := range splitComma(v) {
			if _, _, err := net.ParseCIDR(s); err != nil {
				return fmt.Errorf("%q is not a CIDR such as 10.0.0.0/8", s)
			}
			c.TrustedProxies = append(c.TrustedProxies, s)
		}
		return nil
	}},
	{"MAX_BODY_BYTES", "1048576", "largest JSON request body", false, positiveInt64(func(c *Config) *int64 { return &c.MaxBodyBytes })},
	{"MAX_UPLOAD_BYTES", "209715200", "largest import upload", false, positiveInt64(func(c *Config) *int64 { return &c.MaxUploadBytes })},
	{"SERVICE_REGION", "", "minLng,minLat,maxLng,maxLat of the city served (empty: around the loaded areas)", false, func(c *Config, v string) error {
		if v == "" {
			c.ServiceRegion = geo.Region{} // taken from the areas table (geo.RegionAround)
			return nil
		}
		r, err := geo.ParseRegion(v)
		c.ServiceRegion = r
		return err
	}},
	{"CITY_NAME_ZH", "", "the city's name on every page and the widget, in Chinese (empty: the loaded city area's)", false, func(c *Config, v string) error {
		c.CityNameZh = strings.TrimSpace(v)
		return nil
	}},
	{"CITY_NAME_EN", "", "the city's name in English (empty: the loaded city area's)", false, func(c *Config, v string) error {
		c.CityNameEn = strings.TrimSpace(v)
		return nil
	}},
	{"TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "map tile URL template", false, func(c *Config, v string) error {
		u, err := url.Parse(strings.NewReplacer("{", "", "}", "").Replace(v))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return errors.New("want an http(s) URL template with {z}/{x}/{y}")
		}
		c.TileURL = v
		return nil
	}},
	{"TILE_ATTRIBUTION", "© OpenStreetMap contributors", "attribution shown on the map", false, func(c *Config, v string) error {
		c.TileAttribution = v
		return nil
	}},
	{"TILE_CRS", "wgs84", "coordinate system the tiles are drawn in: wgs84 or gcj02", false, func(c *Config, v string) error {
		crs, err := geo.ParseCRS(v)
		if err != nil || crs == geo.BD09 {
			return errors.New("want wgs84 or gcj02")
		}
		c.TileCRS = crs
		return nil
	}},
	{"EMBED_ANCESTORS", "*", "sites that may frame /embed: * or a space-separated list of origins", false, func(c *Config, v string) error {
		for _, s := range strings.Fields(v) {
			if s == "*" || s == "'self'" {
				continue
			}
			if u, err := url.Parse(s); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, ";,") {
				return fmt.Errorf("%q is not an origin such as https://example.org", s)
			}
		}
		c.EmbedAncestors = v
		return nil
	}},
	{"SEARCH_ENGINE", "postgres", "keyword search engine: postgres or meilisearch", false, func(c *Config, v string) error {
		c.SearchEngine = v
		return oneOf(v, "postgres", "meilisearch")
	}},
	{"MEILI_URL", "", "Meilisearch URL (with SEARCH_ENGINE=meilisearch)", false, func(c *Config, v string) error {
		c.MeiliURL = v
		if v == "" {
			return nil
		}
		if u, err := url.Parse(v); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return errors.New("want an http(s) URL")
		}
		return nil
	}},
	{"MEILI_KEY", "", "Meilisearch API key", true, func(c *Config, v string) error {
		c.MeiliKey = v
		return nil
	}},
	{"SNAPSHOT_MAX_WITHDRAW", "0.2", "share of a source a snapshot import may withdraw before it is refused", false, func(c *Config, v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 || f != f {
			return errors.New("want a number from 0 to 1")
		}
		c.SnapshotMaxWithdraw = f
		return nil
	}},
	{"COOKIE_SECURE", "auto", "Secure session cookies and HSTS: auto (when the request came over TLS), true (always; set it behind a TLS-terminating proxy) or false", false, func(c *Config, v string) error {
		c.CookieSecure = v
		return oneOf(v, "auto", "true", "false")
	}},
	{"REQUEST_KEY", "", "32 random bytes in standard base64 (openssl rand -base64 32) sealing requests' personal fields; empty with no REQUEST_KEY_FILE: requests are off", true, func(c *Config, v string) error {
		c.RequestKey = v
		return checkKey(v)
	}},
	{"REQUEST_KEY_FILE", "", "file holding the request key on its first line (older keys on later lines)", false, func(c *Config, v string) error {
		c.RequestKeyFile = v
		return nil
	}},
	{"REQUEST_OLD_KEYS", "", "comma-separated older request keys that only decrypt, until rotate-key has run", true, func(c *Config, v string) error {
		c.RequestOldKeys = splitComma(v)
		for _, k := range c.RequestOldKeys {
			if err := checkKey(k); err != nil {
				return err
			}
		}
		return nil
	}},
	{"REQUEST_RETENTION", "180d", "how long personal fields of closed requests are kept (days as 180d, or a duration)", false, func(c *Config, v string) error {
		d, err := parseDays(v)
		if err != nil || d < time.Hour {
			return errors.New("want a period such as 180d or 720h, at least an hour")
		}
		c.RequestRetention = d
		return nil
	}},
	{"SMTP_URL", "", "smtp://user:password@host:port (smtp+starttls:// or smtps:// for TLS) for e-mail notices to places; empty: no e-mail", true, func(c *Config, v string) error {
		c.SMTPURL = v
		if v == "" {
			return nil
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtp+starttls" && u.Scheme != "smtps") || u.Hostname() == "" || u.Port() == "" {
			return errors.New("want smtp://user:password@host:port, smtp+starttls://… or smtps://…")
		}
		return nil
	}},
	{"MAIL_FROM", "legalmap@localhost", "sender address of e-mail notices", false, func(c *Config, v string) error {
		c.MailFrom = v
		if !strings.Contains(v, "@") || strings.ContainsAny(v, "\r\n<> ") {
			return errors.New("want an address such as noreply@example.org")
		}
		return nil
	}},
	{"PUBLIC_URL", "http://localhost:8080", "the site's address as people reach it, for links in e-mail notices", false, func(c *Config, v string) error {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return errors.New("want an http(s) URL such as https://map.example.org")
		}
		c.PublicURL = strings.TrimRight(v, "/")
		return nil
	}},
}

func duration(field func(*Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := time.ParseDuration(v)
		if err != nil {
			return errors.New("want a duration such as 5s or 250ms")
		}
		if d <= 0 {
			return errors.New("must be positive")
		}
		*field(c) = d
		return nil
	}
}

func positiveInt(field func(*Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return errors.New("want a whole number of at least 1")
		}
		*field(c) = n
		return nil
	}
}

func positiveInt64(field func(*Config) *int64) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return errors.New("want a whole number of at least 1")
		}
		*field(c) = n
		return nil
	}
}

// checkKey accepts "" or 32 bytes in standard base64.
func checkKey(v string) error {
	if v == "" {
		return nil
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v))
	if err != nil || len(raw) != 32 {
		return errors.New("want 32 random bytes in standard base64 (openssl rand -base64 32)")
	}
	return nil
}

// parseDays reads "180d" as 180 days, or a Go duration.
func parseDays(v string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 0 || d > 100*365 {
			return 0, errors.New("bad days")
		}
		return time.Duration(d) * 24 * time.Hour, nil
	}
	return time.ParseDuration(v)
}

func oneOf(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("want one of %s", strings.Join(allowed, ", "))
}

func checkPostgresURL(v string) error {
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return errors.New("want a URL such as postgres://user:password@host:5432/dbname")
	}
	return nil
}

func splitComma(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
