package recorddb

import (
	"context"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// countLimit is where the admin's lists (the change log, the records) stop counting. One import of a
// city's list writes a record and an audit row per line, so both grow with every list loaded: a page reads
// its rows and stops, while an exact total would read every match on every page. Past the limit the pager
// says "more than".
var countLimit = 10000

// Total is how many rows pass a list's filter: N, or more than N when More is set.
type Total struct {
	N    int
	More bool
}

// pageTotal is the total of a list whose page at offset listed rows of at most limit. A page that is not
// full ends the list, so it gives the total itself; else (a full page, or one past the end) the rows of
// from (a FROM … WHERE … clause over args) are counted, up to countLimit or to the page's end if that is
// further.
func pageTotal(ctx context.Context, db *pgxpool.Pool, from string, args []any, listed, limit, offset int) (Total, error) {
	if listed < limit && (listed > 0 || offset == 0) {
		return Total{N: offset + listed}, nil
	}
	upTo := max(countLimit, offset+listed)
	var n int
	err := db.QueryRow(ctx, `SELECT count(*) FROM (SELECT FROM `+from+` LIMIT $`+strconv.Itoa(len(args)+1)+`) s`,
		append(args, upTo+1)...).Scan(&n)
	if err != nil {
		return Total{}, store.Classify(err)
	}
	if n > upTo {
		return Total{N: upTo, More: true}, nil
	}
	return Total{N: n}, nil
}
