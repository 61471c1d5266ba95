package search

import (
	"os"
	"testing"

	"legalmap/internal/store/storetest"
)

// The engine tests run against a real PostgreSQL: a fresh database per package run.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
