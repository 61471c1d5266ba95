// Command benchload writes the scripts of `make bench-api` (scripts/bench-api.sh): by default a wrk script
// driving one public endpoint with random requests and printing requests/s and latency percentiles; with
// -pgbench a pgbench script running the statement the store runs for nearest (or the map view) with the
// same kind of random arguments, so the two can be compared. wrk, in C, leaves the two cores to the server
// and the database: a Go client took a sixth of the machine.
//
// The requests are drawn from the benchmark's directory itself (-db): points near random places of it
// (where citizens are) and queries composed at random from its vocabulary (kinds, practice areas and their
// everyday synonyms, in Chinese and English), the cities and districts its addresses name, and its places'
// and lawyers' names. Every request is drawn afresh: no small set of queries repeats.
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
	"legalmap/internal/store/placedb"
)

// requests is how many requests a wrk script holds, each drawn afresh: a run of the fastest endpoint for
// its duration uses each about once.
const requests = 50000

func main() {
	endpoint := flag.String("endpoint", "nearest", "nearest, search, viewport (city-wide) or viewport-mixed")
	pgbench := flag.Bool("pgbench", false, "print the pgbench script for the endpoint (nearest, viewport)")
	explain := flag.Bool("explain", false, "print the endpoint's statement with sample values (for EXPLAIN)")
	dbURL := flag.String("db", os.Getenv("DATABASE_URL"), "the benchmark's database, to draw points and words from and read the store's statements on")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "benchload:", err)
		os.Exit(1)
	}
	var st statements
	if *explain || *pgbench {
		var err error
		if st, err = storeStatements(ctx, *dbURL); err != nil {
			fail(err)
		}
	}
	switch {
	case *explain:
		fmt.Println(explainSQL(*endpoint, st))
		return
	case *endpoint == "viewport" || *endpoint == "viewport-mixed":
		if *pgbench {
			fmt.Print(viewportPgbench(st))
		} else {
			fmt.Print(wrkScript(*endpoint, viewportPaths(*endpoint)))
		}
		return
	}
	d, err := readDraws(ctx, *dbURL)
	if err != nil {
		fail(err)
	}
	r := rand.New(rand.NewPCG(1, 99))
	switch {
	case *pgbench:
		fmt.Print(nearestPgbench(d, r, st))
	case *endpoint == "search":
		fmt.Print(wrkScript(*endpoint, d.searchPaths(r)))
	default:
		fmt.Print(wrkScript(*endpoint, d.nearestPaths(r)))
	}
}

// wrkScript is a wrk script asking for the paths (in turn, each thread from a random start) as a browser
// would, with gzip, and printing one line: rps, p50_ms, p99_ms, requests, errors (failed connections,
// reads, writes, timeouts and answers other than 2xx or 3xx).
func wrkScript(endpoint string, paths []string) string {
	var b strings.Builder
	b.WriteString("local paths = {\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "%q,\n", p)
	}
	b.WriteString(`}
local i = 0
local headers = {["Accept-Encoding"] = "gzip"}
setup = function(thread) thread:set("offset", math.random(#paths)) end
init = function() i = tonumber(wrk.thread:get("offset")) or 0 end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("` + endpoint + ` rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout + e.status))
end
`)
	return b.String()
}

// draws is what requests are drawn from.
type draws struct {
	points []orb.Point // of random places
	terms  []string    // kinds, practice areas, everyday words (Chinese and English)
	kinds  []string    // the kinds' Chinese names and synonyms
	places []string    // cities and districts named in addresses, areas of the areas table
	names  []string    // parts of places' names, lawyers' names
}

// readDraws reads them from a sample of the directory.
func readDraws(ctx context.Context, dbURL string) (*draws, error) {
	db, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	defer db.Close(ctx)
	d := &draws{}
	strs := func(sql string) []string {
		if err != nil {
			return nil
		}
		var rows pgx.Rows
		if rows, err = db.Query(ctx, sql); err != nil {
			return nil
		}
		var out []string
		out, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return out
	}
	d.terms = strs(`SELECT t FROM (SELECT name_zh AS t FROM practice_areas UNION SELECT unnest(synonyms) FROM practice_areas
		UNION SELECT lower(name_en) FROM practice_areas) v WHERE t <> ''`)
	d.kinds = strs(`SELECT t FROM (SELECT name_zh AS t FROM kinds UNION SELECT unnest(synonyms) FROM kinds
		UNION SELECT lower(name_en) FROM kinds) v WHERE t <> ''`)
	d.places = strs(`SELECT DISTINCT t FROM (
		SELECT substring(address FROM '^(.{2,5}?市)') AS t FROM providers TABLESAMPLE SYSTEM (1)
		UNION SELECT substring(address FROM '^.{2,5}?市(.{2,5}?[区镇])') FROM providers TABLESAMPLE SYSTEM (1)
		UNION SELECT name_zh FROM areas WHERE level IN ('district', 'street')) v WHERE t IS NOT NULL`)
	// Places' names as people say them: whole, or without the province or city in front ("诚建律师事务所"
	// for 四川诚建律师事务所); lawyers' names.
	d.names = strs(`(SELECT CASE WHEN random() < 0.5 THEN name ELSE regexp_replace(name, '^(北京|上海|广东|四川|湖北|陕西|浙江|黑龙江|云南|新疆|内蒙古|西藏|海南|.{2,4}?市)', '') END
			FROM providers TABLESAMPLE SYSTEM (0.5) LIMIT 300)
		UNION ALL (SELECT name FROM practitioners TABLESAMPLE SYSTEM (0.5) LIMIT 100)`)
	if err != nil {
		return nil, err
	}
	rows, err := db.Query(ctx, `SELECT ST_X(geom), ST_Y(geom) FROM providers TABLESAMPLE SYSTEM (1)
		WHERE status <> 'closed' LIMIT 5000`)
	if err != nil {
		return nil, err
	}
	var x, y float64
	if _, err := pgx.ForEachRow(rows, []any{&x, &y}, func() error {
		d.points = append(d.points, orb.Point{x, y})
		return nil
	}); err != nil {
		return nil, err
	}
	d.terms = append(d.terms, d.kinds...)
	if len(d.points) == 0 || len(d.terms) == 0 || len(d.places) == 0 {
		return nil, fmt.Errorf("the directory gives %d points, %d terms, %d places: load it first", len(d.points), len(d.terms), len(d.places))
	}
	fmt.Fprintf(os.Stderr, "benchload: %d points, %d terms, %d kind words, %d places, %d names to draw from\n",
		len(d.points), len(d.terms), len(d.kinds), len(d.places), len(d.names))
	return d, nil
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// point is where a citizen asks from: within a few kilometres of a random place (people live where the
// places are), now and then anywhere in the country.
func (d *draws) point(r *rand.Rand) orb.Point {
	if r.IntN(20) == 0 {
		return orb.Point{75 + 60*r.Float64(), 20 + 30*r.Float64()}
	}
	p := pick(r, d.points)
	dy, dx := 2000*r.NormFloat64(), 2000*r.NormFloat64()
	return orb.Point{p[0] + dx/(111_000*math.Cos(p[1]*math.Pi/180)), p[1] + dy/111_000}
}

// query is a citizen's words: a term, a place and a term, a term and a kind, a place's or a person's name.
func (d *draws) query(r *rand.Rand) string {
	switch n := r.IntN(20); {
	case n < 6:
		return pick(r, d.terms)
	case n < 11:
		return pick(r, d.places) + " " + pick(r, d.terms)
	case n < 14:
		return pick(r, d.terms) + " " + pick(r, d.kinds)
	case n < 16:
		return pick(r, d.places) + pick(r, d.kinds)
	case len(d.names) > 0:
		return pick(r, d.names)
	}
	return pick(r, d.terms)
}

func (d *draws) searchPaths(r *rand.Rand) []string {
	out := make([]string, requests)
	for i := range out {
		v := url.Values{"q": {d.query(r)}}
		p := d.point(r)
		v.Set("lat", fmt.Sprintf("%.6f", p[1]))
		v.Set("lng", fmt.Sprintf("%.6f", p[0]))
		out[i] = "/api/v1/providers/search?" + v.Encode()
	}
	return out
}

func (d *draws) nearestPaths(r *rand.Rand) []string {
	out := make([]string, requests)
	for i := range out {
		p := d.point(r)
		out[i] = fmt.Sprintf("/api/v1/providers/nearest?lat=%.6f&lng=%.6f&limit=10", p[1], p[0])
	}
	return out
}

// Shenzhen's box, where the map views are drawn (its share of the national directory).
const minLng, maxLng, minLat, maxLat = 113.80, 114.35, 22.50, 22.75

func viewportPaths(endpoint string) []string {
	r := rand.New(rand.NewPCG(1, 99))
	out := make([]string, requests)
	for i := range out {
		lng, lat := minLng+r.Float64()*(maxLng-minLng), minLat+r.Float64()*(maxLat-minLat)
		if endpoint == "viewport" {
			// The whole city, as the map first opens, panned a little.
			dx, dy := (r.Float64()-0.5)*0.1, (r.Float64()-0.5)*0.05
			out[i] = fmt.Sprintf("/api/v1/providers?bbox=%.5f,%.5f,%.5f,%.5f&zoom=10", 113.75+dx, 22.40+dy, 114.62+dx, 22.86+dy)
			continue
		}
		z := 11 + r.IntN(7) // district to street views of a 1280x800 screen
		w, h := 1280*360/(256*float64(int(1)<<z)), 800*360/(256*float64(int(1)<<z))
		out[i] = fmt.Sprintf("/api/v1/providers?bbox=%.5f,%.5f,%.5f,%.5f&zoom=%d", lng-w/2, lat-h/2, lng+w/2, lat+h/2, z)
	}
	return out
}

// nearestPgbench runs the store's first nearest statement (ten places, no filter) from the same kind of
// points as the API load: pgbench draws one of a list of them at each call (in its own expressions, so
// the statement receives plain values).
func nearestPgbench(d *draws, r *rand.Rand, st statements) string {
	const n = 300
	var lng, lat strings.Builder
	for i := 1; i <= n; i++ {
		p := d.point(r)
		fmt.Fprintf(&lng, " WHEN :k = %d THEN %.6f", i, p[0])
		fmt.Fprintf(&lat, " WHEN :k = %d THEN %.6f", i, p[1])
	}
	return fmt.Sprintf("\\set k random(1, %d)\n\\set lng CASE%s END\n\\set lat CASE%s END\n", n, lng.String(), lat.String()) +
		sub(st.nearest, ":lng", ":lat") + ";\n"
}

func viewportPgbench(st statements) string {
	return "\\set dx random(-50000, 50000)\n" + sub(st.viewport, "113.75 + :dx / 1000000.0", "22.40",
		"114.62 + :dx / 1000000.0", "22.86", "'{}'", "'{}'", "'{}'", "NULL", "301") + ";\n" +
		`SELECT sum(g.sum_lng) / sum(g.n), sum(g.sum_lat) / sum(g.n), sum(g.n)::int FROM viewport_grid g
		WHERE g.level = 4 AND g.cx BETWEEN 1819 AND 1833 AND g.cy BETWEEN 358 AND 365 GROUP BY g.cx, g.cy;` + "\n"
}

// explainSQL is the endpoint's main statement with one sample of its arguments.
func explainSQL(endpoint string, st statements) string {
	if endpoint == "viewport" || endpoint == "viewport-mixed" {
		return sub(st.viewport, "113.75", "22.40", "114.62", "22.86", "'{}'", "'{}'", "'{}'", "NULL", "301")
	}
	return sub(st.nearest, "126.63", "45.75")
}

// statements are the store's statements the benchmark runs through pgbench: the first statement of
// nearest for the benchmark's question (ten places, no filter; parameters: the point's longitude and
// latitude) and the map's points over a city-wide box (parameters: the box, the four filters, the limit).
type statements struct{ nearest, viewport string }

// storeStatements reads them as the store runs them: it calls placedb.Nearest and placedb.ViewportPoints
// on a connection whose tracer keeps each call's first statement, so the store exports no SQL for the
// benchmark.
func storeStatements(ctx context.Context, dbURL string) (statements, error) {
	cfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return statements{}, err
	}
	tr := &firstStatement{}
	cfg.ConnConfig.Tracer = tr
	cfg.MaxConns = 1
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return statements{}, err
	}
	defer db.Close()
	var st statements
	tr.reset()
	if _, err := placedb.Nearest(ctx, db, placedb.NearestQuery{Point: orb.Point{114.05, 22.54}, Limit: 10}); err != nil {
		return st, fmt.Errorf("nearest: %w", err)
	}
	if len(tr.args) != 2 {
		return st, fmt.Errorf("the nearest statement takes %d parameters, not the point's two", len(tr.args))
	}
	st.nearest = tr.sql
	tr.reset()
	box := orb.Bound{Min: orb.Point{113.75, 22.40}, Max: orb.Point{114.62, 22.86}}
	if _, _, err := placedb.ViewportPoints(ctx, db, box, store.Filter{}, 300); err != nil {
		return st, fmt.Errorf("viewport: %w", err)
	}
	if len(tr.args) != 9 {
		return st, fmt.Errorf("the viewport statement takes %d parameters, not nine", len(tr.args))
	}
	st.viewport = tr.sql
	return st, nil
}

// firstStatement is a pgx tracer keeping the text and parameters of the first statement since reset
// (parameters without pgx's execution mode, which is not one).
type firstStatement struct {
	sql  string
	args []any
	seen bool
}

func (f *firstStatement) reset() { *f = firstStatement{} }

func (f *firstStatement) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	if !f.seen {
		f.seen, f.sql = true, d.SQL
		for _, a := range d.Args {
			if _, mode := a.(pgx.QueryExecMode); !mode {
				f.args = append(f.args, a)
			}
		}
	}
	return ctx
}

func (*firstStatement) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// sub replaces $1, $2, … with the given expressions, highest number first so $1 does not eat $12.
func sub(sql string, vals ...string) string {
	for i := len(vals); i >= 1; i-- {
		sql = strings.ReplaceAll(sql, fmt.Sprintf("$%d", i), vals[i-1])
	}
	return strings.Join(strings.Fields(sql), " ")
}
