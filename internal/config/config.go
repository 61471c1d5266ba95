// Package config holds legalmap's configuration: one typed struct read from environment variables, with every
// default in one place (the options table below), validated at start so a bad value fails with the variable
// named instead of surfacing later as a strange runtime error.
package config

import (
	"fmt"
	"time"

	"legalmap/internal/geo"
)

// Config is the effective configuration of one process.
type Config struct {
	DatabaseURL     string // the one source of truth
	DatabaseReadURL string // optional read replica for public queries
	ListenAddr      string
	LogLevel        string
	LogFormat       string

	// Timeouts, from the outside in: a client must send its headers within ReadHeaderTimeout; a handler's
	// context ends after RequestTimeout; every SQL statement is cut by StatementTimeout, which validation
	// keeps at or below RequestTimeout so a query never outlives the request that asked for it.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	RequestTimeout    time.Duration
	StatementTimeout  time.Duration
	DBConnectTimeout  time.Duration
	ShutdownTimeout   time.Duration
	ImportTimeout     time.Duration // an upload's import runs longer than a query
	ExportTimeout     time.Duration // making an open data export file reads the whole directory
	DBMaxConns        int32

	RateLimit      float64 // requests per second per client address; 0 switches the limiter off
	RateBurst      int
	TrustedProxies []string // CIDRs whose X-Forwarded-For is believed; empty: the connection's address
	MaxBodyBytes   int64
	MaxUploadBytes int64

	ServiceRegion geo.Region // zero: around the areas loaded (geo.RegionAround)
	CityNameZh    string     // "": the name of the loaded city area
	CityNameEn    string

	TileURL         string
	TileAttribution string
	TileCRS         geo.CRS
	EmbedAncestors  string // frame-ancestors for /embed: "*" or a space-separated allowlist

	SearchEngine string // postgres or meilisearch
	MeiliURL     string
	MeiliKey     string

	SnapshotMaxWithdraw float64 // share of a source a snapshot import may withdraw before it is refused
	CookieSecure        string  // auto, true or false

	// Requests (业务办理): off unless a key is configured.
	RequestKey       string        // 32 random bytes, standard base64; seals the personal fields
	RequestKeyFile   string        // a file whose first line is the key (later lines: older keys that only open)
	RequestOldKeys   []string      // older keys, kept until `legalmap requests rotate-key` has re-encrypted
	RequestRetention time.Duration // personal fields of closed requests are erased after this
	SMTPURL          string        // smtp(s)://user:password@host:port for notices to places; empty: none
	MailFrom         string
	PublicURL        string // the site's address as citizens and staff reach it, for links in notices
}

// Load reads the configuration from getenv (os.Getenv in production, a map in tests) and validates it.
// The error names the variable and what is wrong with it.
func Load(getenv func(string) string) (Config, error) {
	var c Config
	for _, o := range options {
		v := getenv(o.Env)
		if v == "" {
			v = o.Default
		}
		if err := o.set(&c, v); err != nil {
			shown := fmt.Sprintf("%q", v)
			if o.Secret {
				shown = "(hidden)"
			}
			return Config{}, fmt.Errorf("config: %s=%s: %w", o.Env, shown, err)
		}
	}
	if c.StatementTimeout > c.RequestTimeout {
		return Config{}, fmt.Errorf("config: STATEMENT_TIMEOUT (%s) must not be longer than REQUEST_TIMEOUT (%s)",
			c.StatementTimeout, c.RequestTimeout)
	}
	if c.SearchEngine == "meilisearch" && c.MeiliURL == "" {
		return Config{}, fmt.Errorf("config: SEARCH_ENGINE=meilisearch needs MEILI_URL")
	}
	return c, nil
}
