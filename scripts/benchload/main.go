// Command benchload writes the scripts of `make bench-api` (scripts/bench-api.sh): by default a wrk script
// driving one public endpoint with random Shenzhen points (or keywords, or map views) and printing
// requests/s and latency percentiles; with -pgbench a pgbench script running the very statement the store
// runs for that endpoint, with the same kind of random arguments, so the two can be compared. wrk, in C,
// leaves the two cores to the server and the database: a Go client took a sixth of the machine.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"

	"github.com/paulmach/orb"

	"legalmap/internal/store"
)

// Shenzhen's built-up area, where citizens ask from.
const minLng, maxLng, minLat, maxLat = 113.80, 114.35, 22.50, 22.75

// keywords a citizen types: everyday trouble, kinds, places, pinyin, English, names.
var keywords = []string{
	"离婚", "老板不发工资怎么办", "劳动仲裁", "公证处", "法律援助", "亲子鉴定", "福田 律师", "南山区律师事务所",
	"车祸", "借钱不还", "遗嘱", "futian gongzhengchu", "divorce lawyer", "legal aid", "交通事故 律师 宝安",
	"社区法律顾问", "免费法律咨询", "房东不退押金", "工伤", "华强北附近律所",
}

func main() {
	endpoint := flag.String("endpoint", "nearest", "nearest, search, viewport (city-wide) or viewport-mixed")
	pgbench := flag.Bool("pgbench", false, "print the pgbench script for the endpoint")
	explain := flag.Bool("explain", false, "print the endpoint's statement with sample values (for EXPLAIN)")
	flag.Parse()
	switch {
	case *pgbench:
		fmt.Print(pgbenchScript(*endpoint))
	case *explain:
		fmt.Println(explainSQL(*endpoint))
	default:
		fmt.Print(wrkScript(*endpoint))
	}
}

// wrkScript is a wrk script asking for random requests (20,000 of them, in turn) as a browser would, with
// gzip, and printing one line: rps, p50_ms, p99_ms, requests, errors (failed connections, reads, writes,
// timeouts and answers other than 2xx or 3xx).
func wrkScript(endpoint string) string {
	r := rand.New(rand.NewPCG(1, 99))
	var b strings.Builder
	b.WriteString("local paths = {\n")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "%q,\n", path(endpoint, r))
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

func path(endpoint string, r *rand.Rand) string {
	lng, lat := minLng+r.Float64()*(maxLng-minLng), minLat+r.Float64()*(maxLat-minLat)
	switch endpoint {
	case "search":
		v := url.Values{"q": {keywords[r.IntN(len(keywords))]}}
		if r.IntN(2) == 0 {
			v.Set("lat", fmt.Sprintf("%.6f", lat))
			v.Set("lng", fmt.Sprintf("%.6f", lng))
		}
		return "/api/v1/providers/search?" + v.Encode()
	case "viewport":
		// The whole city, as the map first opens, panned a little.
		dx, dy := (r.Float64()-0.5)*0.1, (r.Float64()-0.5)*0.05
		return fmt.Sprintf("/api/v1/providers?bbox=%.5f,%.5f,%.5f,%.5f&zoom=10", 113.75+dx, 22.40+dy, 114.62+dx, 22.86+dy)
	case "viewport-mixed":
		z := 11 + r.IntN(7) // district to street views of a 1280x800 screen
		w, h := 1280*360/(256*float64(int(1)<<z)), 800*360/(256*float64(int(1)<<z))
		return fmt.Sprintf("/api/v1/providers?bbox=%.5f,%.5f,%.5f,%.5f&zoom=%d", lng-w/2, lat-h/2, lng+w/2, lat+h/2, z)
	}
	return fmt.Sprintf("/api/v1/providers/nearest?lat=%.6f&lng=%.6f&limit=10", lat, lng)
}

// pgbenchScript turns the store's statement into a pgbench script: $n parameters become pgbench
// variables (prepared by pgbench -M prepared as parameters too), the filters empty as in the API run.
func pgbenchScript(endpoint string) string {
	pt := fmt.Sprintf("\\set lng %.2f + random(0, 1000000) * %.10f\n\\set lat %.2f + random(0, 1000000) * %.10f\n",
		minLng, (maxLng-minLng)/1e6, minLat, (maxLat-minLat)/1e6)
	switch endpoint {
	case "search":
		// The tsquery of each keyword as the analyzer writes it is not known to pgbench; the benchmark
		// passes the kind code lexemes and name bigrams citizens' queries reduce to.
		lex := []string{"'k:law_firm'", "'pa:labour'", "'pa:marriage_family' & 'k:law_firm'", "'k:notary'",
			"'k:legal_aid' & 'area:440306'", "'pa:traffic_accident'", "'k:forensic'", "'法律' & '援助'"}
		var arr []string
		for _, l := range lex {
			// pgbench takes any ":name" for a variable, even inside quotes: colons travel as '#'.
			arr = append(arr, "'"+strings.ReplaceAll(strings.ReplaceAll(l, "'", "''"), ":", "#")+"'")
		}
		// Every search's first statement: the query's matches in sample bucket 0.
		return fmt.Sprintf("\\set i random(1, %d)\n", len(lex)) + strings.ReplaceAll(sub(store.SearchSampleSQL(),
			"replace((ARRAY["+strings.Join(arr, ",")+"])[:i::int], '#', chr(58))", "'{}'", "'{}'", "'{}'", "NULL", "100"),
			"'''"+store.SampleBucket+"'''", "replace('''"+strings.ReplaceAll(store.SampleBucket, ":", "#")+"''', '#', chr(58))") + ";\n"
	case "viewport", "viewport-mixed":
		return "\\set dx random(-50000, 50000)\n" + sub(store.ViewportPointsSQL(), "113.75 + :dx / 1000000.0", "22.40",
			"114.62 + :dx / 1000000.0", "22.86", "'{}'", "'{}'", "'{}'", "NULL", "301") + ";\n" +
			`SELECT sum(g.sum_lng) / sum(g.n), sum(g.sum_lat) / sum(g.n), sum(g.n)::int FROM viewport_grid g
		WHERE g.level = 4 AND g.cx BETWEEN 1819 AND 1833 AND g.cy BETWEEN 358 AND 365 GROUP BY g.cx, g.cy;` + "\n"
	}
	return pt + sub(nearestSQL(), ":lng", ":lat") + ";\n"
}

// explainSQL is the endpoint's main statement with one sample of its arguments.
func explainSQL(endpoint string) string {
	switch endpoint {
	case "search":
		return sub(store.SearchSampleSQL(), "'''pa:labour'''", "'{}'", "'{}'", "'{}'", "NULL", "100")
	case "viewport", "viewport-mixed":
		return sub(store.ViewportPointsSQL(), "113.75", "22.40", "114.62", "22.86", "'{}'", "'{}'", "'{}'", "NULL", "301")
	}
	return sub(nearestSQL(), "114.05", "22.54")
}

// nearestSQL is the statement the API runs for the benchmark's question (ten places, no filter), whose
// only parameters are the point's longitude ($1) and latitude ($2).
func nearestSQL() string {
	sql, args := store.NearestStatement(store.NearestQuery{Point: orb.Point{114.05, 22.54}, Limit: 10})
	if len(args) != 2 {
		panic(fmt.Sprintf("benchload: the nearest statement takes %d parameters, not the point's two", len(args)))
	}
	return sql
}

// sub replaces $1, $2, … with the given expressions, highest number first so $1 does not eat $12.
func sub(sql string, vals ...string) string {
	for i := len(vals); i >= 1; i-- {
		sql = strings.ReplaceAll(sql, fmt.Sprintf("$%d", i), vals[i-1])
	}
	return strings.Join(strings.Fields(sql), " ")
}
