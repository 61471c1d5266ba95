package pipeline

import (
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mozillazg/go-pinyin"
	"github.com/paulmach/orb"

	"legalmap/internal/store/vocabdb"
)

// areaIndex turns the district, street and community a row names (or, without a district, its point) into
// an area code. Districts and streets come from the areas table; a community not yet known becomes a new
// area under its street, with the street's code and a three-digit suffix derived from the name (500-999,
// clear of the 001-399 the statistics office gives real communities), so the same community gets the same
// code in any database unless two names collide.
type areaIndex struct {
	districts  []vocabdb.Area
	district   map[string]string            // name or short name -> code
	streets    map[string]map[string]string // district code -> street name or short name -> code
	streetCity map[string][]string          // street name -> codes in any district

	mu          sync.Mutex
	communities map[string]map[string]string // street code -> community name -> code
	used        map[string]bool              // every area code
	added       []vocabdb.Area
	nAdded      atomic.Int32 // len(added)
}

func newAreaIndex(areas []vocabdb.Area) *areaIndex {
	x := &areaIndex{district: map[string]string{}, streets: map[string]map[string]string{},
		streetCity: map[string][]string{}, communities: map[string]map[string]string{}, used: map[string]bool{}}
	for _, a := range areas {
		x.used[a.Code] = true
		switch a.Level {
		case "district":
			x.districts = append(x.districts, a)
			for _, n := range nameForms(a.NameZh, "区") {
				x.district[n] = a.Code
			}
		case "street":
			if x.streets[a.ParentCode] == nil {
				x.streets[a.ParentCode] = map[string]string{}
			}
			for _, n := range nameForms(a.NameZh, "街道") {
				x.streets[a.ParentCode][n] = a.Code
				x.streetCity[n] = append(x.streetCity[n], a.Code)
			}
		case "community":
			if x.communities[a.ParentCode] == nil {
				x.communities[a.ParentCode] = map[string]string{}
			}
			x.communities[a.ParentCode][placeKey(a.NameZh)] = a.Code
		}
	}
	return x
}

// nameForms are the ways a name is written: in full, and without its level word (福田区, 福田).
func nameForms(name, suffix string) []string {
	k := placeKey(name)
	out := []string{k}
	if s := strings.TrimSuffix(k, suffix); s != k && len([]rune(s)) >= 2 {
		out = append(out, s)
	}
	if suffix == "街道" {
		out = append(out, k+"办事处", strings.TrimSuffix(k, "街道")+"街道办")
	}
	return out
}

// placeKey normalises a place name for matching: no spaces, half-width brackets.
func placeKey(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000':
			return -1
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}, s)
	return s
}

// resolve returns the most precise area code the row supports, and warnings for names it could not place.
func (x *areaIndex) resolve(district, street, community string, p orb.Point) (string, []Issue) {
	var warns []Issue
	dc := ""
	if district != "" {
		if dc = x.district[placeKey(district)]; dc == "" {
			warns = append(warns, Issue{Field: "district", Reason: fmt.Sprintf("未知的区「%s」，按坐标确定 / unknown district %q: placed by its point", district, district)})
		} else if d := x.byCode(dc); d.BBox != nil && p != (orb.Point{}) && !inBox(p, *d.BBox) { // no point (address only): nothing to check
			warns = append(warns, Issue{Field: "district", Reason: fmt.Sprintf("坐标不在%s范围内，请核对 / the point lies outside %s: please check", d.NameZh, d.NameZh)})
		}
	}
	if dc == "" {
		dc = x.districtOf(p)
	}
	sc := ""
	if street != "" {
		if dc != "" {
			sc = x.streets[dc][placeKey(street)]
		} else if cs := x.streetCity[placeKey(street)]; len(cs) == 1 {
			sc = cs[0]
		}
		if sc == "" {
			warns = append(warns, Issue{Field: "street", Reason: fmt.Sprintf("未知的街道「%s」/ unknown street %q", street, street)})
		}
	}
	if community != "" {
		if sc == "" {
			warns = append(warns, Issue{Field: "community", Reason: fmt.Sprintf("社区「%s」没有已知的所属街道，未登记 / community %q has no known street: not registered", community, community)})
		} else {
			return x.community(sc, community, p), warns
		}
	}
	if sc != "" {
		return sc, warns
	}
	return dc, warns
}

func (x *areaIndex) byCode(code string) vocabdb.Area {
	for _, d := range x.districts {
		if d.Code == code {
			return d
		}
	}
	return vocabdb.Area{}
}

// districtOf infers the district of a point: district boxes overlap, so among the districts whose box
// holds the point, the one whose centre is nearest.
func (x *areaIndex) districtOf(p orb.Point) string {
	best, bestD := "", math.Inf(1)
	for _, d := range x.districts {
		if d.BBox == nil || d.Centre == nil || !inBox(p, *d.BBox) {
			continue
		}
		dx := (p[0] - d.Centre[0]) * math.Cos(p[1]*math.Pi/180)
		dy := p[1] - d.Centre[1]
		if dd := dx*dx + dy*dy; dd < bestD {
			best, bestD = d.Code, dd
		}
	}
	return best
}

func inBox(p orb.Point, b [4]float64) bool {
	return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]
}

// community returns the code of a community under a street, registering it (centred on the first point
// that named it) when new.
func (x *areaIndex) community(street, name string, p orb.Point) string {
	key := placeKey(name)
	x.mu.Lock()
	defer x.mu.Unlock()
	if c := x.communities[street][key]; c != "" {
		return c
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	start := int(h.Sum32() % 500)
	for i := range 500 {
		code := fmt.Sprintf("%s%03d", street, 500+(start+i)%500)
		if x.used[code] {
			continue
		}
		x.used[code] = true
		if x.communities[street] == nil {
			x.communities[street] = map[string]string{}
		}
		x.communities[street][key] = code
		var centre *[2]float64
		if p != (orb.Point{}) { // a row without coordinates gives its community no centre
			centre = &[2]float64{p[0], p[1]}
		}
		x.added = append(x.added, vocabdb.Area{Code: code, Level: "community", ParentCode: street, NameZh: name,
			Pinyin: strings.Join(pinyin.LazyPinyin(name, pinyin.NewArgs()), " "), Centre: centre})
		x.nAdded.Store(int32(len(x.added)))
		return code
	}
	return street // a street with 500 new communities: keep the record, at street level
}

// newAreas are the communities registered during the run after the first n, in the order they were met.
// Called for every row: without a lock while nothing was registered.
func (x *areaIndex) newAreas(n int) []vocabdb.Area {
	if int(x.nAdded.Load()) <= n {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return append([]vocabdb.Area(nil), x.added[n:]...)
}
