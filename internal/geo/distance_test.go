package geo

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// geodesics computed with PROJ's geod (Karney's algorithm, GeographicLib) on WGS84, to the millimetre:
// the first 17 are nearly antipodal, where Vincenty's method alone fails to converge.
var geodesics = []struct{ lat1, lng1, lat2, lng2, metres float64 }{
	{-28.186758, -125.694297, 28.428253, 53.621601, 19950545.041},
	{5.741121, -48.351990, -6.448322, 131.659907, 19925718.360},
	{-74.000695, -23.887554, 73.312463, 155.457587, 19924582.645},
	{-12.076930, 117.666765, 11.475013, -62.776053, 19928605.313},
	{20.389316, 161.175219, -20.265951, -18.990092, 19988230.666},
	{76.200817, -163.230235, -75.627267, 16.433140, 19939295.320},
	{-56.919187, -137.594794, 56.612758, 42.911008, 19961438.816},
	{-51.083779, 29.376059, 51.306041, -150.828105, 19977233.841},
	{7.639115, -157.395969, -8.343753, 22.133565, 19916809.700},
	{28.863996, -26.066770, -29.161360, 154.070129, 19969921.239},
	{-7.490500, -72.083881, 7.961507, 108.234510, 19946665.310},
	{-40.944558, 26.792536, 40.984873, -152.607244, 19971857.873},
	{0.000000, 0.000000, 0.000000, 179.200000, 19948452.750},
	{0.000000, 0.000000, 0.000000, 179.500000, 19980861.909},
	{0.000000, 0.000000, 0.000000, 179.900000, 20003008.422},
	{0.000000, 0.000000, 0.000000, 179.990000, 20003922.228},
	{0.100000, 0.000000, -0.100000, 179.800000, 20000239.438},
	{40.841262, -76.342405, 85.471123, -137.496320, 5248921.920},
	{-14.574138, 92.570735, -61.946753, -3.973284, 8925897.836},
	{-82.021108, 60.557708, 47.093614, 26.289338, 14465101.716},
	{66.835051, -67.050895, 34.762575, 33.973156, 6960901.216},
	{14.221346, -15.766081, 60.514265, 160.085194, 11711458.590},
	{-4.610496, 59.094794, -78.200842, 72.537128, 8211697.368},
	{26.188936, 177.514538, 57.302612, -77.545608, 8437043.236},
	{-20.329123, 60.714978, -84.983799, -13.789697, 7612262.422},
	{22.508817, 113.881967, 22.420608, 113.935614, 11220.508},
	{22.495269, 113.973330, 22.473459, 114.047615, 8016.953},
	{22.478203, 114.114431, 22.488091, 114.191108, 7966.341},
	{22.736748, 114.404789, 22.692432, 114.387848, 5207.045},
	// Published examples: Flinders Peak to Buninyong (Vincenty 1975, Geoscience Australia), Wellington to
	// Salamanca (Karney 2013), pole to pole and along the equator half way round.
	{-(37 + 57/60.0 + 3.72030/3600), 144 + 25/60.0 + 29.52440/3600, -(37 + 39/60.0 + 10.15610/3600), 143 + 55/60.0 + 35.38390/3600, 54972.271},
	{-41.32, 174.81, 40.96, -5.50, 19959679.267},
	{90, 0, -90, 0, 20003931.459},
	{0, 0, 0, 180, 20003931.459},
	{0, 0, 0.5, 179.5, 19936288.579},
}

func TestDistanceMatchesGeodesics(t *testing.T) {
	for _, g := range geodesics {
		got := Distance(orb.Point{g.lng1, g.lat1}, orb.Point{g.lng2, g.lat2})
		if math.Abs(got-g.metres) > 0.002 {
			t.Errorf("Distance(%v,%v -> %v,%v) = %.4f, want %.3f (off by %.4f m)", g.lat1, g.lng1, g.lat2, g.lng2, got, g.metres, got-g.metres)
		}
		back := Distance(orb.Point{g.lng2, g.lat2}, orb.Point{g.lng1, g.lat1})
		if math.Abs(back-got) > 0.002 {
			t.Errorf("Distance is not symmetric: %.4f vs %.4f", got, back)
		}
	}
}

// The fallback must really be reached by the table above, or it is untested.
func TestAntipodalFallbackIsExercised(t *testing.T) {
	a, b := orb.Point{0, 0}, orb.Point{179.9, 0}
	if _, ok := vincenty(a, b); ok {
		t.Fatal("Vincenty converged for (0,0)-(0,179.9); pick another pair to exercise the fallback")
	}
	if d := Distance(a, b); math.Abs(d-20003008.422) > 0.002 {
		t.Errorf("Distance = %.4f, want 20003008.422", d)
	}
}

func TestDistanceCloseToHaversine(t *testing.T) {
	for _, g := range geodesics {
		a, b := orb.Point{g.lng1, g.lat1}, orb.Point{g.lng2, g.lat2}
		got, hav := Distance(a, b), haversine(a, b)
		if math.Abs(got-hav) > 0.005*hav {
			t.Errorf("%v -> %v: spheroid %.1f, sphere %.1f: differ by more than 0.5%%", a, b, got, hav)
		}
	}
}

func TestDistanceEdgeCases(t *testing.T) {
	p := orb.Point{114.05, 22.54}
	if d := Distance(p, p); d != 0 {
		t.Errorf("Distance(p, p) = %v, want 0", d)
	}
	// One second of latitude at 22.5°N: the meridian's radius of curvature there is a(1-e²)/(1-e²sin²φ)^1.5
	// = 6344759 m, so 30.760 m, where a sphere of mean radius gives 30.887 m.
	if d := Distance(orb.Point{114, 22.5}, orb.Point{114, 22.5 + 1.0/3600}); math.Abs(d-30.760) > 0.001 {
		t.Errorf("one second of latitude = %.4f m, want 30.760", d)
	}
	if d := Distance(orb.Point{math.NaN(), 0}, p); !math.IsNaN(d) {
		t.Errorf("Distance with NaN = %v, want NaN", d)
	}
}

func haversine(a, b orb.Point) float64 {
	const r, rad = 6371008.8, math.Pi / 180
	dLat, dLng := (b[1]-a[1])*rad, (b[0]-a[0])*rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a[1]*rad)*math.Cos(b[1]*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

func BenchmarkDistance(b *testing.B) {
	p, q := orb.Point{113.93, 22.52}, orb.Point{114.12, 22.61}
	for b.Loop() {
		Distance(p, q)
	}
}

// Chord is a lower bound of Distance everywhere, and close to it at a city's scale.
func TestChordBoundsDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 20000; i++ {
		a := orb.Point{r.Float64()*360 - 180, r.Float64()*180 - 90}
		b := orb.Point{r.Float64()*360 - 180, r.Float64()*180 - 90}
		if i%2 == 0 { // near each other, as nearest's candidates are
			b = orb.Point{a[0] + (r.Float64()-0.5)*0.8, max(-90, min(90, a[1]+(r.Float64()-0.5)*0.4))}
		}
		c, d := Chord(a, b), Distance(a, b)
		if c > d+1e-5 { // Vincenty stops within micrometres

			t.Fatalf("%v to %v: chord %.9f m is longer than the geodesic %.9f m", a, b, c, d)
		}
		if d < 10000 && d-c > 0.0011 {
			t.Fatalf("%v to %v: chord %.6f m, geodesic %.6f m: more than a millimetre apart", a, b, c, d)
		}
	}
}

func BenchmarkChord(b *testing.B) {
	p, q := orb.Point{113.93, 22.52}, orb.Point{114.12, 22.61}
	for b.Loop() {
		Chord(p, q)
	}
}
