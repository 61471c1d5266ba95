package reader

import (
	"io"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// geoTable reads a FeatureCollection of Points in two streaming passes: the
// first checks the whole document and collects the header (the union of
// property keys in first-seen order, which is only known at the end), the
// second yields rows. Memory holds one feature at a time.
type geoTable struct {
	f       *os.File
	cleanup func()
	coll    *collection
	header  []string
	index   map[string]int // raw property key -> column
	crs     string
	n       int // features read so far
	maxCell int
	done    bool
}

func openGeoJSON(f *os.File, size int64, opt Options, cleanup func()) (Table, error) {
	d, err := detectEncoding(f, size, opt.Encoding)
	if err != nil {
		return nil, err
	}
	text := func() io.Reader {
		r := decodedStream(f, size, d)
		if d.enc == encGB18030 {
			r = transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
		}
		return newNaNFilter(r)
	}
	t := &geoTable{f: f, cleanup: cleanup, index: map[string]int{}, maxCell: opt.MaxCellBytes}
	if err := t.survey(text()); err != nil {
		return nil, err
	}
	t.coll = newCollection(text())
	if err := t.coll.advance(); err != nil {
		return nil, err
	}
	return t, nil
}

// survey is the first pass.
func (t *geoTable) survey(r io.Reader) error {
	c := newCollection(r)
	if err := c.advance(); err != nil {
		return err
	}
	count := 0
	for {
		raw, ok, err := c.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		count++
		ft, err := parseFeature(raw)
		if err != nil {
			return c.syntax(err)
		}
		if ft.tooMany {
			return fileErrorf("第 %d 个要素的属性超过 %d 个 / feature %d has more than %d properties", count, maxColumns, count, maxColumns)
		}
		for _, k := range ft.keys {
			if _, seen := t.index[k]; seen {
				continue
			}
			if why := cellProblem(k, t.maxCell); why != "" {
				return fileErrorf("第 %d 个要素的属性名无法读取：%s / property name of feature %d unreadable", count, why, count)
			}
			t.index[k] = len(t.header)
			t.header = append(t.header, cleanHeader(k))
			if len(t.header) > maxColumns {
				return checkHeaderWidth(t.header)
			}
		}
	}
	switch {
	case c.typ != "FeatureCollection":
		return fileErrorf("GeoJSON 的 type 是 %q，不是 FeatureCollection / GeoJSON type is %q, not a FeatureCollection", c.typ, c.typ)
	case !c.sawFeatures:
		return fileErrorf("GeoJSON 没有 features 数组 / GeoJSON has no features array")
	case count == 0:
		return fileErrorf("GeoJSON 没有要素 / GeoJSON has no features")
	case len(t.header) == 0:
		return fileErrorf("GeoJSON 要素都没有属性，没有可用的列 / no feature has properties: no columns")
	}
	t.crs = c.crs
	return nil
}

func (t *geoTable) Format() string   { return "geojson" }
func (t *geoTable) Header() []string { return t.header }
func (t *geoTable) CRS() string      { return t.crs }

func (t *geoTable) Next() (Row, error) {
	if t.done {
		return Row{}, io.EOF
	}
	raw, ok, err := t.coll.next()
	if err != nil {
		t.done = true
		return Row{}, err
	}
	if !ok {
		t.done = true
		return Row{}, io.EOF
	}
	t.n++
	line := t.n
	ft, err := parseFeature(raw)
	switch {
	case err != nil:
		t.done = true
		return Row{}, t.coll.syntax(err)
	case ft.notObject:
		return Row{}, &RowError{Line: line, Reason: "要素不是 JSON 对象 / feature is not a JSON object"}
	case string(ft.typ) != `"Feature"`:
		return Row{}, &RowError{Line: line, Reason: "要素的 type 不是 \"Feature\" / feature type is not \"Feature\""}
	case ft.propsBad:
		return Row{}, &RowError{Line: line, Column: "properties", Reason: "properties 不是对象 / properties is not an object"}
	}
	cells := make([]string, len(t.header))
	for i, k := range ft.keys {
		col, known := t.index[k]
		if !known {
			t.done = true
			return Row{}, fileErrorf("文件在读取期间被改动 / file changed while being read")
		}
		if why := cellProblem(ft.vals[i], t.maxCell); why != "" {
			return Row{}, &RowError{Line: line, Column: t.header[col], Reason: why}
		}
		cells[col] = ft.vals[i]
	}
	coords, why := pointCoords(ft.geometry)
	if why != "" {
		return Row{}, &RowError{Line: line, Column: "geometry", Reason: why}
	}
	return Row{Line: line, Cells: cells, Geometry: &coords}, nil
}

func (t *geoTable) Close() error {
	if t.f == nil {
		return nil
	}
	err := t.f.Close()
	t.f = nil
	if t.cleanup != nil {
		t.cleanup()
	}
	return err
}
