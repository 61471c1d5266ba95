package admin_test

import (
	"os"
	"testing"

	"legalmap/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
