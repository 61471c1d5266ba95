package importdb

import (
	"context"
	"fmt"

	"legalmap/internal/store"
	"legalmap/internal/store/vocabdb"
)

// AddAreas inserts areas an import met that the table did not hold yet (communities under a known street),
// before the records that refer to them. An area already there is left as it is.
func (t *ImportTx) AddAreas(ctx context.Context, areas []vocabdb.Area) (int, error) {
	added := 0
	for _, a := range areas {
		var lng, lat *float64
		if a.Centre != nil {
			lng, lat = &a.Centre[0], &a.Centre[1]
		}
		tag, err := t.tx.Exec(ctx, `INSERT INTO areas (code, level, parent_code, name_zh, name_en, pinyin, centre)
			VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($7, $8), 4326) END)
			ON CONFLICT (code) DO NOTHING`, a.Code, a.Level, a.ParentCode, a.NameZh, a.NameEn, a.Pinyin, lng, lat)
		if err != nil {
			return added, fmt.Errorf("import area %s: %w", a.Code, store.Classify(err))
		}
		added += int(tag.RowsAffected())
	}
	return added, nil
}
