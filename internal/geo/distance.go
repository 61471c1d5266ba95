package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// WGS84 spheroid, the one GPS and PostGIS geography measure on.
const (
	wgs84A = 6378137.0
	wgs84F = 1 / 298.257223563
	wgs84B = wgs84A * (1 - wgs84F)
)

// Distance is the true ground distance in metres between two WGS84 points, along the geodesic on the WGS84
// spheroid: the figure PostGIS geography gives, not the 0.5%-off sphere of the haversine formula.
//
// It uses Vincenty's inverse method, accurate to well under a millimetre. Vincenty does not converge for
// nearly antipodal points; there the geodesic is found as the shortest path through a point of a great circle
// that separates the two points (every path from one to the other crosses it), which is exact too.
func Distance(a, b orb.Point) float64 {
	for _, c := range [4]float64{a[0], a[1], b[0], b[1]} {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			return math.NaN()
		}
	}
	if d, ok := vincenty(a, b); ok {
		return d
	}
	return antipodalDistance(a, b)
}

// vincenty returns the geodesic distance, or ok=false when the iteration does not converge.
func vincenty(a, b orb.Point) (float64, bool) {
	const rad = math.Pi / 180
	L := math.Remainder((b[0]-a[0])*rad, 2*math.Pi) // the shorter way round, in [-π, π]
	U1 := math.Atan((1 - wgs84F) * math.Tan(a[1]*rad))
	U2 := math.Atan((1 - wgs84F) * math.Tan(b[1]*rad))
	sinU1, cosU1 := math.Sincos(U1)
	sinU2, cosU2 := math.Sincos(U2)

	lambda := L
	var sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM float64
	for i := 0; ; i++ {
		if i == 200 {
			return 0, false
		}
		sinLambda, cosLambda := math.Sincos(lambda)
		t1 := cosU2 * sinLambda
		t2 := cosU1*sinU2 - sinU1*cosU2*cosLambda
		sinSigma = math.Sqrt(t1*t1 + t2*t2)
		if sinSigma == 0 {
			if cosU1*cosU2*cosLambda+sinU1*sinU2 > 0 {
				return 0, true // the same point
			}
			return 0, false // exactly antipodal: the direction of the geodesic is undetermined
		}
		cosSigma = sinU1*sinU2 + cosU1*cosU2*cosLambda
		sigma = math.Atan2(sinSigma, cosSigma)
		sinAlpha := cosU1 * cosU2 * sinLambda / sinSigma
		cos2Alpha = 1 - sinAlpha*sinAlpha
		cos2SigmaM = 0
		if cos2Alpha != 0 { // both points on the equator
			cos2SigmaM = cosSigma - 2*sinU1*sinU2/cos2Alpha
		}
		C := wgs84F / 16 * cos2Alpha * (4 + wgs84F*(4-3*cos2Alpha))
		prev := lambda
		lambda = L + (1-C)*wgs84F*sinAlpha*(sigma+C*sinSigma*(cos2SigmaM+C*cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)))
		if math.Abs(lambda) > math.Pi+1e-9 || math.IsNaN(lambda) {
			return 0, false
		}
		if math.Abs(lambda-prev) < 1e-12 {
			break
		}
	}
	u2 := cos2Alpha * (wgs84A*wgs84A - wgs84B*wgs84B) / (wgs84B * wgs84B)
	A := 1 + u2/16384*(4096+u2*(-768+u2*(320-175*u2)))
	B := u2 / 1024 * (256 + u2*(-128+u2*(74-47*u2)))
	deltaSigma := B * sinSigma * (cos2SigmaM + B/4*(cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)-
		B/6*cos2SigmaM*(-3+4*sinSigma*sinSigma)*(-3+4*cos2SigmaM*cos2SigmaM)))
	return wgs84B * A * (sigma - deltaSigma), true
}

// antipodalDistance handles the nearly antipodal pairs Vincenty cannot: the great circle whose pole is a
// (on the unit sphere of geodetic directions) separates a from b, so the geodesic crosses it at some point m,
// and the distance is the minimum over m of d(a,m) + d(m,b). Both legs are about a quarter of the globe,
// where Vincenty converges. A scan finds the basins of that minimum, a golden-section search refines them.
func antipodalDistance(a, b orb.Point) float64 {
	ua := unitVector(a)
	// u, v: an orthonormal basis of the plane perpendicular to ua.
	ref := [3]float64{0, 0, 1}
	if math.Abs(ua[2]) > 0.9 {
		ref = [3]float64{1, 0, 0}
	}
	u := normalize(cross(ua, ref))
	v := cross(ua, u)
	f := func(theta float64) float64 {
		s, c := math.Sincos(theta)
		m := toPoint([3]float64{c*u[0] + s*v[0], c*u[1] + s*v[1], c*u[2] + s*v[2]})
		d1, ok1 := vincenty(a, m)
		d2, ok2 := vincenty(m, b)
		if !ok1 || !ok2 {
			return math.Inf(1)
		}
		return d1 + d2
	}

	const steps = 720
	h := 2 * math.Pi / steps
	vals := make([]float64, steps)
	for i := range vals {
		vals[i] = f(float64(i) * h)
	}
	best := math.Inf(1)
	for i := range vals {
		prev, next := vals[(i+steps-1)%steps], vals[(i+1)%steps]
		if vals[i] <= prev && vals[i] <= next { // a local minimum of the scan: refine it
			best = math.Min(best, goldenMin(f, float64(i-1)*h, float64(i+1)*h))
		}
	}
	return best
}

// goldenMin is the minimum of f on [lo, hi], for f with one minimum there.
func goldenMin(f func(float64) float64, lo, hi float64) float64 {
	invPhi := (math.Sqrt(5) - 1) / 2
	x1 := hi - invPhi*(hi-lo)
	x2 := lo + invPhi*(hi-lo)
	f1, f2 := f(x1), f(x2)
	for hi-lo > 1e-12 {
		if f1 < f2 {
			hi, x2, f2 = x2, x1, f1
			x1 = hi - invPhi*(hi-lo)
			f1 = f(x1)
		} else {
			lo, x1, f1 = x1, x2, f2
			x2 = lo + invPhi*(hi-lo)
			f2 = f(x2)
		}
	}
	return math.Min(f1, f2)
}

func unitVector(p orb.Point) [3]float64 {
	const rad = math.Pi / 180
	sinLat, cosLat := math.Sincos(p[1] * rad)
	sinLng, cosLng := math.Sincos(p[0] * rad)
	return [3]float64{cosLat * cosLng, cosLat * sinLng, sinLat}
}

func toPoint(v [3]float64) orb.Point {
	const deg = 180 / math.Pi
	return orb.Point{math.Atan2(v[1], v[0]) * deg, math.Atan2(v[2], math.Hypot(v[0], v[1])) * deg}
}

func cross(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func normalize(a [3]float64) [3]float64 {
	n := math.Sqrt(a[0]*a[0] + a[1]*a[1] + a[2]*a[2])
	return [3]float64{a[0] / n, a[1] / n, a[2] / n}
}

// Chord is the straight-line distance in metres through the earth between two WGS84 points on the
// spheroid's surface: never longer than Distance (a straight line is the shortest path there is; the two
// computations' rounding aside, micrometres), shorter by about d³/24R² (a millimetre at 10 km, 2.5 cm at
// 30 km), and a fraction of its cost. It lets a caller turn away points
// that cannot be nearer than one already found without computing their geodesic.
func Chord(a, b orb.Point) float64 {
	pa, pb := ecef(a), ecef(b)
	dx, dy, dz := pa[0]-pb[0], pa[1]-pb[1], pa[2]-pb[2]
	return math.Sqrt(dx*dx + dy*dy + dz*dz)
}

// ecef is p on the spheroid's surface in earth-centred, earth-fixed coordinates (metres).
func ecef(p orb.Point) [3]float64 {
	const rad = math.Pi / 180
	const e2 = wgs84F * (2 - wgs84F)
	sinLat, cosLat := math.Sincos(p[1] * rad)
	sinLng, cosLng := math.Sincos(p[0] * rad)
	n := wgs84A / math.Sqrt(1-e2*sinLat*sinLat)
	return [3]float64{n * cosLat * cosLng, n * cosLat * sinLng, n * (1 - e2) * sinLat}
}
