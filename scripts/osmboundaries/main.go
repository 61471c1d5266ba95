// Command osmboundaries builds the area boundary files the loader reads (`legalmap areas load`, the DataV
// form: adcode, name, level, parent) from OpenStreetMap administrative boundary relations as the Overpass
// API returns them (JSON). It is how data/areas/shenzhen-*.geojson and the migration that ships the
// districts (sql/086_shenzhen_district_boundaries.sql) were made; see data/areas/PROVENANCE.md.
//
// Areas are matched to the national codes of an areas CSV (importers/sample/shenzhen-areas.csv): a
// district by its OSM division_code, a street by its name (street names are unique within one city; the
// codes OSM carries for streets follow another numbering). Each boundary way is simplified once
// (Douglas-Peucker, its end nodes kept) before the rings are built, so neighbouring areas keep one shared
// border: no gaps or overlaps between them.
//
//	go run . -areas ../../importers/sample/shenzhen-areas.csv -tolerance 0.0001 \
//	    -districts ../../data/areas/shenzhen-districts.geojson -streets ../../data/areas/shenzhen-streets.geojson \
//	    -migration ../../sql/086_shenzhen_district_boundaries.sql overpass/*.json
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
	"github.com/paulmach/osm"
	"github.com/paulmach/osm/osmgeojson"
)

type area struct{ code, level, name, parent string }

func main() {
	areasCSV := flag.String("areas", "", "CSV of the city's areas: code,level,name,parent_code,...")
	tolerance := flag.Float64("tolerance", 0.0001, "Douglas-Peucker tolerance in degrees (0.0001 is about 10 m)")
	districtsOut := flag.String("districts", "", "output GeoJSON of the districts")
	streetsOut := flag.String("streets", "", "output GeoJSON of the streets (optional)")
	migration := flag.String("migration", "", "output SQL migration that gives the districts their boundaries (optional)")
	flag.Parse()
	if *areasCSV == "" || *districtsOut == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	known, err := readAreas(*areasCSV)
	if err != nil {
		log.Fatal(err)
	}
	o, timestamp, err := readOverpass(flag.Args())
	if err != nil {
		log.Fatal(err)
	}
	districts, streets := pick(o, known)
	simplifyWays(o, *tolerance)
	for _, out := range []struct {
		path string
		rels map[osm.RelationID]area
	}{{*districtsOut, districts}, {*streetsOut, streets}} {
		if out.path == "" {
			continue
		}
		fc, err := build(o, out.rels, timestamp)
		if err != nil {
			log.Fatal(err)
		}
		b, err := encode(fc)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(out.path, b, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("%s: %d areas, %d bytes", out.path, len(fc.Features), len(b))
		if out.path == *districtsOut && *migration != "" {
			if err := os.WriteFile(*migration, migrationSQL(b), 0o644); err != nil {
				log.Fatal(err)
			}
		}
	}
}

// migrationSQL gives the districts in the file b their boundaries, unless an area has one already (a
// bureau loaded its own). The file is embedded verbatim, so the migration and the file cannot differ.
func migrationSQL(b []byte) []byte {
	var s bytes.Buffer
	s.WriteString(`-- 086: Shenzhen's district boundaries ship with the product, so that a place is filed under the district
-- whose boundary covers it (area_at) from the first import on. They are OpenStreetMap's (© OpenStreetMap
-- contributors, ODbL 1.0), simplified: the file data/areas/shenzhen-districts.geojson, embedded verbatim
-- below; data/areas/PROVENANCE.md says where they come from and how they were made
-- (scripts/osmboundaries writes both). An area that already has a boundary keeps it. Places already in
-- the directory keep their area until ` + "`legalmap areas load --file data/areas/shenzhen-districts.geojson`" + `
-- refiles them (with their search entries, in one transaction, reporting each move).
WITH f AS (
    SELECT e->'properties'->>'adcode' AS code, (e->'geometry')::text AS g
    FROM jsonb_array_elements(($districts$`)
	s.Write(bytes.TrimRight(b, "\n"))
	s.WriteString(`$districts$::jsonb)->'features') e
)
UPDATE areas a
SET boundary = ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(f.g), 4326)), 3))
FROM f
WHERE a.code = f.code AND a.boundary IS NULL;

-- The map's outlines and the place lookup read the areas.
UPDATE directory_state SET version = version + 1, changed_at = now();
`)
	return s.Bytes()
}

// readAreas reads the national codes: districts by code, streets by name.
func readAreas(path string) (map[string]area, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	out := map[string]area{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		a := area{code: rec[col["code"]], level: rec[col["level"]], name: rec[col["name"]], parent: rec[col["parent_code"]]}
		switch a.level {
		case "district":
			out[a.code] = a
		case "street":
			if _, dup := out["street:"+a.name]; dup {
				return nil, fmt.Errorf("street name %s is not unique", a.name)
			}
			out["street:"+a.name] = a
		}
	}
}

// readOverpass merges Overpass JSON responses (one snapshot split over several queries) into one data set.
func readOverpass(paths []string) (*osm.OSM, string, error) {
	o := &osm.OSM{}
	nodes, ways, rels := map[osm.NodeID]bool{}, map[osm.WayID]bool{}, map[osm.RelationID]bool{}
	stamps := map[string]bool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, "", err
		}
		if !bytes.Contains(data[:min(len(data), 512)], []byte(`"elements"`)) {
			log.Printf("%s: not an Overpass response, skipped", p)
			continue
		}
		var meta struct {
			OSM3S struct {
				Timestamp string `json:"timestamp_osm_base"`
			} `json:"osm3s"`
		}
		if err := json.Unmarshal(data, &meta); err != nil {
			return nil, "", fmt.Errorf("%s: %w", p, err)
		}
		stamps[meta.OSM3S.Timestamp] = true
		var part osm.OSM
		if err := json.Unmarshal(data, &part); err != nil {
			return nil, "", fmt.Errorf("%s: %w", p, err)
		}
		for _, n := range part.Nodes {
			if !nodes[n.ID] {
				nodes[n.ID] = true
				o.Nodes = append(o.Nodes, n)
			}
		}
		for _, w := range part.Ways {
			if !ways[w.ID] {
				ways[w.ID] = true
				o.Ways = append(o.Ways, w)
			}
		}
		for _, r := range part.Relations {
			if !rels[r.ID] {
				rels[r.ID] = true
				o.Relations = append(o.Relations, r)
			}
		}
	}
	if len(stamps) != 1 {
		return nil, "", fmt.Errorf("the responses come from %d different snapshots; want one", len(stamps))
	}
	for s := range stamps {
		return o, s, nil
	}
	return nil, "", fmt.Errorf("no Overpass response among the files")
}

// pick finds the relations of the city's districts (by division_code) and streets (by name, in the city).
func pick(o *osm.OSM, known map[string]area) (districts, streets map[osm.RelationID]area) {
	districts, streets = map[osm.RelationID]area{}, map[osm.RelationID]area{}
	for _, r := range o.Relations {
		if r.Tags.Find("boundary") != "administrative" {
			continue
		}
		dc := r.Tags.Find("division_code")
		switch r.Tags.Find("admin_level") {
		case "6":
			if a, ok := known[dc]; ok {
				districts[r.ID] = a
			}
		case "8":
			a, ok := known["street:"+r.Tags.Find("name")]
			// A street's division_code, when it is one (some are missing or a stray digit), must lie in
			// the district the name belongs to: a street of the same name elsewhere is not taken.
			if ok && (len(dc) < len(a.parent) || strings.HasPrefix(dc, a.parent)) {
				streets[r.ID] = a
			}
		}
	}
	return districts, streets
}

// simplifyWays drops the nodes of every way that Douglas-Peucker finds within tol degrees of the line,
// keeping each way's end nodes (where it meets the next way of a ring).
func simplifyWays(o *osm.OSM, tol float64) {
	at := make(map[osm.NodeID]orb.Point, len(o.Nodes))
	for _, n := range o.Nodes {
		at[n.ID] = n.Point()
	}
	dp := simplify.DouglasPeucker(tol)
	for _, w := range o.Ways {
		ls := make(orb.LineString, len(w.Nodes))
		for i, wn := range w.Nodes {
			ls[i] = at[wn.ID]
		}
		closed := len(ls) > 3 && ls[0] == ls[len(ls)-1]
		var keep []int
		if closed {
			// A closed way is split at its farthest node so that both halves have distinct ends.
			far, best := 0, -1.0
			for i, p := range ls {
				if d := distance(ls[0], p); d > best {
					far, best = i, d
				}
			}
			a := kept(dp, ls[:far+1])
			b := kept(dp, ls[far:])
			keep = a
			for _, i := range b[1:] {
				keep = append(keep, far+i)
			}
			if len(keep) < 4 {
				continue
			}
		} else {
			keep = kept(dp, ls)
		}
		nodes := make(osm.WayNodes, len(keep))
		for i, k := range keep {
			nodes[i] = w.Nodes[k]
		}
		w.Nodes = nodes
	}
}

// kept is the indexes of ls that the simplified line keeps, in order (it is a subsequence of ls).
func kept(dp *simplify.DouglasPeuckerSimplifier, ls orb.LineString) []int {
	out := dp.LineString(ls.Clone())
	idx := make([]int, 0, len(out))
	j := 0
	for i, p := range ls {
		if j < len(out) && p == out[j] {
			idx = append(idx, i)
			j++
		}
	}
	return idx
}

func distance(a, b orb.Point) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

// build makes the FeatureCollection of the chosen relations, in the order of their codes.
func build(o *osm.OSM, chosen map[osm.RelationID]area, timestamp string) (*geojson.FeatureCollection, error) {
	sub := &osm.OSM{Nodes: o.Nodes, Ways: o.Ways}
	for _, r := range o.Relations {
		if _, ok := chosen[r.ID]; ok {
			sub.Relations = append(sub.Relations, r)
		}
	}
	all, err := osmgeojson.Convert(sub, osmgeojson.NoMeta(true), osmgeojson.NoRelationMembership(true))
	if err != nil {
		return nil, err
	}
	fc := geojson.NewFeatureCollection()
	fc.ExtraMembers = geojson.Properties{
		"crs": map[string]any{"type": "name", "properties": map[string]any{"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
		"attribution": "© OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright); " +
			"OpenStreetMap data as of " + timestamp,
	}
	for _, f := range all.Features {
		var id osm.RelationID
		if _, err := fmt.Sscanf(fmt.Sprint(f.ID), "relation/%d", &id); err != nil {
			continue
		}
		a := chosen[id]
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			return nil, fmt.Errorf("relation %d (%s): geometry %s, want a polygon", id, a.name, f.Geometry.GeoJSONType())
		}
		out := geojson.NewFeature(round(mp))
		out.Properties = geojson.Properties{
			"adcode": a.code, "name": a.name, "level": a.level,
			"parent":       map[string]any{"adcode": a.parent},
			"osm_relation": int64(id),
		}
		fc.Append(out)
		delete(chosen, id)
	}
	for id, a := range chosen {
		return nil, fmt.Errorf("relation %d (%s): no polygon could be built", id, a.name)
	}
	sort.Slice(fc.Features, func(i, j int) bool {
		return fc.Features[i].Properties["adcode"].(string) < fc.Features[j].Properties["adcode"].(string)
	})
	return fc, nil
}

// round keeps five decimals (about a metre), the same for a vertex in every area that shares it.
func round(mp orb.MultiPolygon) orb.MultiPolygon {
	r := func(v float64) float64 { return math.Round(v*1e5) / 1e5 }
	for _, p := range mp {
		for _, ring := range p {
			for i := range ring {
				ring[i] = orb.Point{r(ring[i][0]), r(ring[i][1])}
			}
		}
	}
	return mp
}

// encode writes one feature a line, so a change to one area is one line of a diff.
func encode(fc *geojson.FeatureCollection) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\"type\":\"FeatureCollection\",\n")
	for _, k := range []string{"attribution", "crs"} {
		v, err := json.Marshal(fc.ExtraMembers[k])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "%q:%s,\n", k, v)
	}
	b.WriteString("\"features\":[\n")
	for i, f := range fc.Features {
		v, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		b.Write(v)
		if i < len(fc.Features)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes(), nil
}
