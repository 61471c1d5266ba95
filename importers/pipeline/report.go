package pipeline

import (
	"encoding/json"
	"time"

	"legalmap/internal/store/importdb"
)

// Issue is one rejection or warning: where (line or sheet row, field) and why, in Chinese then English.
// Line 1 is the header row; file-level notes (a dropped personal column) carry line 1 and the column.
type Issue struct {
	Line     int    `json:"line"`
	Field    string `json:"field,omitempty"`
	SourceID string `json:"source_id,omitempty"`
	Reason   string `json:"reason"`
}

// maxListed bounds the issues a report lists (the counts stay exact): a broken million-row file must not
// turn into a gigabyte report.
const maxListed = 5000

// Report is the outcome of a run, for people (Text) and machines (JSON).
type Report struct {
	RunID    int64  `json:"run_id,omitempty"`
	Kind     string `json:"kind"`
	Source   string `json:"source"`
	File     string `json:"file"`
	SHA256   string `json:"sha256,omitempty"`
	Format   string `json:"format,omitempty"`
	CRS      string `json:"crs"`
	Mode     string `json:"mode"`
	DryRun   bool   `json:"dry_run"`
	Status   string `json:"status"` // applied, dry_run, refused, failed
	Refusal  string `json:"refusal,omitempty"`
	Rows     int    `json:"rows"` // data rows read
	Accepted int    `json:"accepted"`
	// IDsDerived: the file had no id column, and each row's id was derived from its name and address.
	IDsDerived bool `json:"ids_derived,omitempty"`
	// IDsFrom says what derived ids were made from: name_address (places), name_organisation (people).
	IDsFrom string `json:"ids_from,omitempty"`

	importdb.ImportCounts
	Advisers   *importdb.AdviserResult `json:"advisers,omitempty"`
	AreasAdded int                     `json:"areas_added,omitempty"`
	// Vouched are the unchanged rows whose record's fingerprint (importdb.Fingerprint) showed them unchanged:
	// neither analysed again nor compared field by field.
	Vouched   int `json:"vouched,omitempty"`
	Reindexed int `json:"reindexed,omitempty"` // providers whose documents were refreshed
	// Positions counts the accepted places by the quality of their position: exact (coordinates in the
	// file), approximate (the centre of the area the address names), unplaced (no position).
	Positions map[string]int `json:"positions,omitempty"`

	Columns       map[string]string `json:"columns,omitempty"` // canonical field -> header found
	Dropped       []Issue           `json:"dropped_columns,omitempty"`
	Ignored       []string          `json:"ignored_columns,omitempty"`
	RejectedRows  []Issue           `json:"rejected_rows"`
	WarningList   []Issue           `json:"warning_list"`
	PhaseMillis   map[string]int64  `json:"phase_ms,omitempty"` // open, vocabulary, source_index, read_stage, apply, reindex, commit
	ElapsedMillis int64             `json:"elapsed_ms"`
	RowsPerSecond float64           `json:"rows_per_second,omitempty"`

	kindNames KindNames // the kind's names, for the text report
	people    bool      // a list of people: its columns are named as lists of people head them
}

func (r *Report) countPosition(placement string) {
	if r.Positions == nil {
		r.Positions = map[string]int{PlacedExact: 0, PlacedApproximate: 0, PlacedUnplaced: 0}
	}
	r.Positions[placement]++
}

func (r *Report) reject(is Issue) {
	r.Rejected++
	if len(r.RejectedRows) < maxListed {
		r.RejectedRows = append(r.RejectedRows, is)
	}
}

func (r *Report) warn(is Issue) {
	r.Warnings++
	if len(r.WarningList) < maxListed {
		r.WarningList = append(r.WarningList, is)
	}
}

// phase records how long a phase of the run took, from start to now.
func (r *Report) phase(name string, start time.Time) {
	if r.PhaseMillis == nil {
		r.PhaseMillis = map[string]int64{}
	}
	r.PhaseMillis[name] = time.Since(start).Milliseconds()
}

func (r *Report) finish(start time.Time) {
	d := time.Since(start)
	r.ElapsedMillis = d.Milliseconds()
	if s := d.Seconds(); s > 0 && r.Rows > 0 {
		r.RowsPerSecond = float64(r.Rows) / s
	}
	if r.RejectedRows == nil {
		r.RejectedRows = []Issue{}
	}
	if r.WarningList == nil {
		r.WarningList = []Issue{}
	}
}

// JSON is the machine-readable report.
func (r *Report) JSON() []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

// stored is the report as import_runs keeps it: the same, with the lists already capped.
func (r *Report) stored() []byte {
	b, _ := json.Marshal(r)
	return b
}
