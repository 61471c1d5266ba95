package sample

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
)

// manifestName is the file in the output directory that says what was generated, so a second `sample
// --load` reuses the files instead of writing them again.
const manifestName = "manifest.json"

// Manifest records one generation.
type Manifest struct {
	Seed     uint64   `json:"seed"`
	Scale    int      `json:"scale"`
	Only     []string `json:"only,omitempty"`
	National bool     `json:"national,omitempty"`
	Files    []File   `json:"files"`
}

// Generate writes the files unless dir already holds those of the same seed, scale and kinds (and they are
// all still there), and returns them in load order.
func Generate(opt Options) ([]File, error) {
	if opt.Scale == 0 {
		opt.Scale = DefaultScale
	}
	if m, err := readManifest(opt.Out); err == nil && m.Seed == opt.Seed && m.Scale == opt.Scale && slices.Equal(m.Only, opt.Only) && m.National == opt.National && present(m.Files) {
		return m.Files, nil
	}
	files, err := Write(opt)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(Manifest{Seed: opt.Seed, Scale: opt.Scale, Only: opt.Only, National: opt.National, Files: files}, "", "  ")
	if err != nil {
		return nil, err
	}
	return files, os.WriteFile(filepath.Join(opt.Out, manifestName), b, 0o644)
}

func readManifest(dir string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m, err
	}
	return m, json.Unmarshal(b, &m)
}

func present(files []File) bool {
	for _, f := range files {
		if st, err := os.Stat(f.Path); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return len(files) > 0
}
