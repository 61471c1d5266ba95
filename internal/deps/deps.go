package deps

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/labstack/echo/v4"
	_ "github.com/meilisearch/meilisearch-go"
	_ "github.com/mozillazg/go-pinyin"
	_ "github.com/paulmach/orb"
	_ "github.com/twpayne/go-geom"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/crypto/bcrypt"
	_ "golang.org/x/term"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "golang.org/x/text/width"
	_ "golang.org/x/time/rate"
)
