package admin

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"legalmap/importers/pipeline"
	"legalmap/internal/api/reply"
	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/search"
)

// uploadFormOverhead is what a multipart body may carry besides the file: part headers and the small
// option fields.
const uploadFormOverhead = 64 << 10

// upload is one import request: the file spooled to disk and the run's options.
type upload struct {
	path string
	opt  pipeline.Options
}

// importUpload runs an uploaded list through the same pipeline as `legalmap import` (pipeline.Run) and
// answers its report, applied or not: a dry run reports everything and changes nothing. The file may be
// up to MAX_UPLOAD_BYTES (413 one byte over). The run gets IMPORT_TIMEOUT instead of the request timeout,
// and is not cut short when the browser goes away: a run is one transaction that either commits or not,
// and the list of runs shows how it ended.
func (a *admin) importUpload(c echo.Context) error {
	// The connection's own deadlines would cut a long upload or a long run: extend them for this request.
	rc := http.NewResponseController(c.Response())
	_ = rc.SetReadDeadline(time.Now().Add(a.cfg.ImportTimeout))
	_ = rc.SetWriteDeadline(time.Now().Add(a.cfg.ImportTimeout + time.Minute))

	up, err := a.readUpload(c)
	if up.path != "" {
		defer os.Remove(up.path)
	}
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), a.cfg.ImportTimeout)
	defer cancel()
	done, err := a.imports.enter(ctx)
	if err != nil {
		if err == errImportBusy {
			c.Response().Header().Set("Retry-After", "30")
		}
		return err
	}
	defer done()
	up.opt.File = up.path
	rep, err := pipeline.Run(ctx, a.db, up.opt)
	var refused *pipeline.RefusedError
	switch {
	case rep == nil:
		return reply.BadParam("kind", err.Error())
	case err == nil, errors.As(err, &refused):
		a.log.Info("import via admin", "by", up.opt.Actor, "kind", up.opt.Kind, "file", up.opt.FileName,
			"status", rep.Status, "run_id", rep.RunID, "dry_run", up.opt.DryRun)
		return c.JSON(http.StatusOK, rep)
	}
	return err
}

// readUpload streams the multipart body: the file part goes to a temporary file (never into memory), the
// option fields are read and checked. Every refusal names its field.
func (a *admin) readUpload(c echo.Context) (upload, error) {
	var up upload
	req := c.Request()
	mt, _, _ := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	if mt != "multipart/form-data" {
		return up, &reply.Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "须为 multipart/form-data 上传 / the upload must be multipart/form-data"}
	}
	max := a.cfg.MaxUploadBytes
	if req.ContentLength > max+uploadFormOverhead {
		return up, echo.ErrStatusRequestEntityTooLarge
	}
	req.Body = http.MaxBytesReader(c.Response(), req.Body, max+uploadFormOverhead)
	mr, err := req.MultipartReader()
	if err != nil {
		return up, reply.BadParam("file", "无法读取上传内容 / cannot read the upload")
	}
	fields := map[string]string{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return up, uploadReadError(err)
		}
		name := part.FormName()
		if name == "file" {
			if up.path != "" {
				return up, reply.BadParam("file", "只能上传一个文件 / one file only")
			}
			up.opt.FileName = filepath.Base(part.FileName())
			if up.path, err = spool(part, up.opt.FileName, max); err != nil {
				return up, err
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(part, 1025))
		if err != nil {
			return up, uploadReadError(err)
		}
		if len(b) > 1024 {
			return up, reply.BadParam(name, "过长 / too long")
		}
		fields[name] = strings.TrimSpace(string(b))
	}
	if up.path == "" {
		return up, reply.BadParam("file", "请选择要导入的文件 / choose a file to import")
	}
	return up, a.uploadOptions(c, fields, &up.opt)
}

// spool copies the file part to a temporary file with the upload's extension (the reader tells formats
// apart by it and by content), refusing it one byte past the limit.
func spool(part io.Reader, name string, max int64) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json", ".geojson":
	default:
		ext = ""
	}
	tmp, err := os.CreateTemp("", "legalmap-admin-upload-*"+ext)
	if err != nil {
		return "", err
	}
	n, err := io.Copy(tmp, io.LimitReader(part, max+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > max {
		err = echo.ErrStatusRequestEntityTooLarge
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", uploadReadError(err)
	}
	return tmp.Name(), nil
}

func uploadReadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || errors.Is(err, echo.ErrStatusRequestEntityTooLarge) {
		return echo.ErrStatusRequestEntityTooLarge
	}
	return reply.BadParam("file", "上传中断或格式错误 / the upload broke off or is malformed")
}

// uploadOptions checks the run's options as the command line does, with the server's region and limits.
func (a *admin) uploadOptions(c echo.Context, f map[string]string, opt *pipeline.Options) error {
	known := map[string]bool{"kind": true, "crs": true, "mode": true, "dry_run": true, "source": true, "sheet": true, "encoding": true, "strict": true}
	for name := range f {
		if !known[name] {
			return reply.BadParam(name, "未知字段 / unknown field")
		}
	}
	opt.Kind = f["kind"]
	kinds, err := pipeline.ImportKinds(c.Request().Context(), a.read)
	if err != nil {
		return err
	}
	if !slices.Contains(kinds, opt.Kind) {
		return reply.BadParam("kind", "须为 "+strings.Join(kinds, "、")+" 之一 / want one of "+strings.Join(kinds, ", "))
	}
	if opt.CRS = f["crs"]; opt.CRS != "" {
		if _, err := geo.ParseCRS(opt.CRS); err != nil {
			return reply.BadParam("crs", "须为 wgs84、gcj02 或 bd09 / want wgs84, gcj02 or bd09")
		}
	}
	if opt.Mode = f["mode"]; opt.Mode != "" && opt.Mode != pipeline.ModeUpsert && opt.Mode != pipeline.ModeSnapshot {
		return reply.BadParam("mode", "须为 upsert 或 snapshot / want upsert or snapshot")
	}
	for name, dst := range map[string]*bool{"dry_run": &opt.DryRun, "strict": &opt.Strict} {
		b, ok := directory.ParseBool(f[name])
		if !ok {
			return reply.BadParam(name, "须为 true 或 false / want true or false")
		}
		*dst = b != nil && *b
	}
	if opt.Encoding = f["encoding"]; opt.Encoding != "" && opt.Encoding != "auto" && opt.Encoding != "utf-8" && opt.Encoding != "gb18030" {
		return reply.BadParam("encoding", "须为 auto、utf-8 或 gb18030 / want auto, utf-8 or gb18030")
	}
	opt.Source, opt.Sheet = f["source"], f["sheet"]
	opt.Actor = Principal(c).Actor()
	opt.Region = a.cfg.ServiceRegion
	opt.MaxWithdraw = a.cfg.SnapshotMaxWithdraw
	opt.MaxFileSize = a.cfg.MaxUploadBytes
	opt.Meili = a.meiliForImports()
	return nil
}

// meiliForImports is the Meilisearch index imports keep up to date when one is configured (MEILI_URL),
// as `legalmap reindex` fills it.
func (a *admin) meiliForImports() *search.Meili {
	if a.cfg.MeiliURL == "" {
		return nil
	}
	return search.NewMeili(a.cfg.MeiliURL, a.cfg.MeiliKey)
}
