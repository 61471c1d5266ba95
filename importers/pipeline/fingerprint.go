package pipeline

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"io"
	"os"
	"slices"
	"sync"

	"legalmap/internal/store/vocabdb"
)

// A record's fingerprint (importdb.Fingerprint) covers the row it was derived from; the basis covers what
// every row of the run is derived with. Two runs share a basis when they import the same kind with the
// same columns, the same vocabularies (which shape area codes and search documents) and the same program
// (which shapes everything else, the analyzer first): a change to any of them makes the next run compare
// every record once, as a first run does, and record the new fingerprints.

// fingerprintFormat names the layout of the fingerprint; a change to what it covers changes it.
const fingerprintFormat = "legalmap import fingerprint 1"

func (r *runner) fingerprintBasis(e *rowEnv) []byte {
	fields := e.providerFields()
	slices.Sort(fields)
	b, _ := json.Marshal([]any{fingerprintFormat, r.opt.Kind, fields, e.hasAdviser(), r.v.identity, programIdentity()})
	sum := sha256.Sum256(b)
	return sum[:]
}

// vocabIdentity is the hash of the vocabularies as loaded.
func vocabIdentity(kinds, practice []vocabdb.VocabTerm, places []vocabdb.Area) []byte {
	b, err := json.Marshal([]any{kinds, practice, places})
	if err != nil {
		return unique()
	}
	sum := sha256.Sum256(b)
	return sum[:]
}

// programIdentity is the hash of the running executable, read once: a new build (a new analyzer, a new
// rule of validation) vouches for no fingerprint of an older one.
var programIdentity = sync.OnceValue(func() []byte {
	path, err := os.Executable()
	if err != nil {
		return unique()
	}
	f, err := os.Open(path)
	if err != nil {
		return unique()
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return unique()
	}
	return h.Sum(nil)
})

// unique is an identity no other run shares: when the program cannot name itself, nothing is vouched for.
func unique() []byte { return []byte(rand.Text()) }
