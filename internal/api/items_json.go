package api

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"legalmap/internal/jsontext"
)

// The list answers of nearest and search are the API's hottest output: rendering ten places through
// encoding/json's reflection was a tenth of the server's work for a nearest answer. They are written
// here by hand instead, byte for byte what encoding/json writes for listAnswer[placeItem] (HTML-escaped,
// as Echo's encoder does, with its closing newline): TestListJSONMatchesEncodingJSON compares the two on
// random and hostile values. A field added to placeItem must be added to appendJSON; the test fails
// until it is.

// writeList sends out as Echo's c.JSON would, without reflection.
func writeList(c echo.Context, out listAnswer[placeItem]) error {
	buf := listBuffers.Get().(*[]byte)
	b := appendList((*buf)[:0], &out)
	err := c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b)
	if cap(b) <= 64<<10 { // a rare huge answer is not kept
		*buf = b
		listBuffers.Put(buf)
	}
	return err
}

var listBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}

func appendList(b []byte, a *listAnswer[placeItem]) []byte {
	b = append(b, `{"results":`...)
	if a.Results == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range a.Results {
			if i > 0 {
				b = append(b, ',')
			}
			b = a.Results[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(a.Total), 10)
	b = append(b, `,"limit":`...)
	b = strconv.AppendInt(b, int64(a.Limit), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(a.Offset), 10)
	return append(b, "}\n"...)
}

func (it *placeItem) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = jsontext.AppendString(b, it.ID)
	b = append(b, `,"kind":`...)
	b = jsontext.AppendString(b, it.Kind)
	b = append(b, `,"name":`...)
	b = jsontext.AppendString(b, it.Name)
	b = append(b, `,"name_en":`...)
	b = jsontext.AppendString(b, it.NameEn)
	b = append(b, `,"address":`...)
	b = jsontext.AppendString(b, it.Address)
	b = append(b, `,"lat":`...)
	b = jsontext.AppendFloat(b, it.Lat)
	b = append(b, `,"lng":`...)
	b = jsontext.AppendFloat(b, it.Lng)
	if it.DistanceM != nil {
		b = append(b, `,"distance_m":`...)
		b = jsontext.AppendFloat(b, *it.DistanceM)
	}
	b = append(b, `,"phones":`...)
	b = appendJSONStrings(b, it.Phones)
	b = append(b, `,"open_now":`...)
	b = appendJSONBool(b, it.OpenNow)
	b = append(b, `,"practice_areas":`...)
	b = appendJSONStrings(b, it.PracticeAreas)
	b = append(b, `,"languages":`...)
	b = appendJSONStrings(b, it.Languages)
	b = append(b, `,"free":`...)
	b = appendJSONBool(b, it.Free)
	b = append(b, `,"status":`...)
	b = jsontext.AppendString(b, it.Status)
	b = append(b, `,"verified_at":`...)
	b = appendJSONTime(b, it.VerifiedAt)
	if len(it.MatchedPractitioners) > 0 {
		b = append(b, `,"matched_practitioners":`...)
		b = appendJSONStrings(b, it.MatchedPractitioners)
	}
	return append(b, '}')
}

func appendJSONStrings(b []byte, s []string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsontext.AppendString(b, v)
	}
	return append(b, ']')
}

func appendJSONBool(b []byte, v *bool) []byte {
	switch {
	case v == nil:
		return append(b, "null"...)
	case *v:
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

func appendJSONTime(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}
