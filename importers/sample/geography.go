package sample

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// The two reference files are copies of the project's shared data, embedded so that a user of the binary
// needs nothing beside it: the statistical districts and streets, and 60 points on land per district.
var (
	//go:embed shenzhen-areas.csv
	areasCSV string
	//go:embed shenzhen-land-anchors.csv
	anchorsCSV string
)

// district is one of Shenzhen's nine districts as the generator uses it.
type district struct {
	Code    string
	Name    string // 福田区
	Streets []string
	Anchors []orb.Point // WGS84, on land inside the district
}

// loadDistricts reads the embedded files; they are part of the binary, so a failure is a build mistake.
func loadDistricts() ([]district, error) {
	var out []district
	byCode := map[string]int{}
	rows, err := csv.NewReader(strings.NewReader(areasCSV)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("sample: areas: %w", err)
	}
	for _, r := range rows[1:] {
		switch r[1] {
		case "district":
			byCode[r[0]] = len(out)
			out = append(out, district{Code: r[0], Name: r[2]})
		case "street":
			// Zones (保税区, the airport, 前海合作区) are listed as streets but are not where people live.
			if i, ok := byCode[r[3]]; ok && strings.HasSuffix(r[2], "街道") {
				out[i].Streets = append(out[i].Streets, r[2])
			}
		}
	}
	rows, err = csv.NewReader(strings.NewReader(anchorsCSV)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("sample: anchors: %w", err)
	}
	for _, r := range rows[1:] {
		i, ok := byCode[r[0]]
		lng, err1 := strconv.ParseFloat(r[2], 64)
		lat, err2 := strconv.ParseFloat(r[3], 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("sample: bad anchor row %v", r)
		}
		out[i].Anchors = append(out[i].Anchors, orb.Point{lng, lat})
	}
	for _, d := range out {
		if len(d.Anchors) == 0 || len(d.Streets) == 0 {
			return nil, fmt.Errorf("sample: district %s has no anchors or streets", d.Name)
		}
	}
	return out, nil
}

// metresPerDegreeLat is close enough at Shenzhen's latitude for scattering points.
const metresPerDegreeLat = 110_750.0

// scatter places a point a few hundred metres from one of the district's anchors (each anchor lies at least
// about 400 m inside the district, so the point stays on land in its district), rounded to 6 decimals
// (about 0.1 m) as map tools print them.
func (d district) scatter(r *rand.Rand) orb.Point {
	a := d.Anchors[r.IntN(len(d.Anchors))]
	dist := 350 * math.Sqrt(r.Float64()) // uniform over a disc of 350 m
	angle := 2 * math.Pi * r.Float64()
	dLat := dist * math.Sin(angle) / metresPerDegreeLat
	dLng := dist * math.Cos(angle) / (metresPerDegreeLat * math.Cos(a[1]*math.Pi/180))
	return orb.Point{round6(a[0] + dLng), round6(a[1] + dLat)}
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// short is the name people say: 福田 for 福田区, 华强北 for 华强北街道.
func short(name string) string {
	for _, s := range []string{"街道", "区"} {
		if t := strings.TrimSuffix(name, s); t != name && len([]rune(t)) >= 2 {
			return t
		}
	}
	return name
}
