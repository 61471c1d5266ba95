package apitest

import (
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
)

// Record is a record as the admin API answers it, the fields the tests read.
type Record struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Status        string   `json:"status"`
	Version       int      `json:"version"`
	Lat           float64  `json:"lat"`
	Lng           float64  `json:"lng"`
	Phones        []string `json:"phones"`
	PracticeAreas []string `json:"practice_areas"`
	PracticeNotes []string `json:"practice_notes"`
	HoursText     string   `json:"hours_text"`
	VerifiedAt    *string  `json:"verified_at"`
	Warnings      []struct{ Field, Message string }
}

// recordSeq numbers the records CreateRecord makes, for distinct names.
var recordSeq atomic.Int64

// CreateRecord makes a record through the API as u and returns it.
func CreateRecord(t *testing.T, base string, u User, fields map[string]any) Record {
	t.Helper()
	body := map[string]any{"kind": "legal_aid", "name": fmt.Sprintf("测试法律援助站%d", recordSeq.Add(1)), "lat": 22.5431, "lng": 114.0579,
		"address": "深圳市福田区", "phones": "0755-12348"}
	for k, v := range fields {
		body[k] = v
	}
	resp, b := As(t, u, Request{Method: http.MethodPost, URL: base + "/api/v1/admin/providers", Body: JSONBody(body)})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", resp.StatusCode, b)
	}
	var r Record
	Decode(t, b, &r)
	return r
}
