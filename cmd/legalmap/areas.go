package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"legalmap/importers/areas"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
)

// runAreas loads a city's districts, streets and communities, with their boundaries, from the files
// bureaus have (DataV / GeoAtlas GeoJSON, or a CSV/XLSX list). In the same transaction every exactly
// placed record gets the smallest area whose boundary covers it; the report says how many moved.
func runAreas(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 || args[0] != "load" {
		return usageError{errors.New("usage: legalmap areas load --file F [--crs wgs84|gcj02|bd09] [--dry-run] [--replace] [--city-name N] [--report text|json]")}
	}
	fs := flag.NewFlagSet("areas load", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	file := fs.String("file", "", "GeoJSON (DataV / GeoAtlas: adcode, name, parent, MultiPolygon) or CSV/XLSX (code, name, parent, level, centre)")
	crs := fs.String("crs", "", "coordinate system of the file: wgs84|gcj02|bd09 (DataV / GeoAtlas and Amap boundaries are gcj02); required when the file has coordinates and states none")
	dry := fs.Bool("dry-run", false, "report what would change, write nothing")
	replace := fs.Bool("replace", false, "the file is the whole set of areas: remove those it does not name (another city's), except areas records still lie in")
	city := fs.String("city-name", env.cfg.CityNameZh, "name of the city the districts belong to, when it is not loaded yet")
	format := fs.String("report", "text", "text|json")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err}
	}
	if *file == "" {
		return usageError{errors.New("--file is required")}
	}
	f, err := areas.Read(*file, *crs)
	if err != nil {
		return fmt.Errorf("文件被拒绝 / file refused: %w", err)
	}
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer pool.Close()
	refresh := func(ctx context.Context, q store.Querier, ids []string) error {
		a, err := search.LoadAnalyzer(ctx, q)
		if err != nil {
			return err
		}
		return search.RefreshPG(ctx, q, a, ids)
	}
	res, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: *city, Actor: cliActor(), DryRun: *dry, Replace: *replace, Refresh: refresh})
	if err != nil {
		return err
	}
	for _, r := range f.Rejected {
		res.Rejected = append(res.Rejected, importdb.RowReject{Line: r.Line, Field: r.Field, Reason: r.Reason})
	}
	if *format == "json" {
		b, _ := json.MarshalIndent(map[string]any{"file": *file, "format": f.Format, "crs": f.CRS, "dry_run": *dry, "result": res}, "", "  ")
		fmt.Fprintln(env.stdout, string(b))
	} else {
		fmt.Fprintf(env.stdout, "%s (%s, %s)%s\n新增 / added %d · 更新 / updated %d · 边界 / boundaries %d · 拒绝 / rejected %d\n",
			*file, f.Format, f.CRS, map[bool]string{true: " — 试运行 / dry run", false: ""}[*dry],
			res.Added, res.Updated, res.Boundaries, len(res.Rejected))
		fmt.Fprintf(env.stdout, "改划区域的机构 / places moved to another area: %d\n", len(res.Moved))
		for i, m := range res.Moved {
			if i == 50 {
				fmt.Fprintf(env.stdout, "  … %d more\n", len(res.Moved)-50)
				break
			}
			fmt.Fprintf(env.stdout, "  %s: %s -> %s\n", m.Name, m.From, m.To)
		}
		if *replace {
			fmt.Fprintf(env.stdout, "移除文件未列的区域 / areas the file does not name, removed: %d\n", len(res.Removed))
			if len(res.Kept) > 0 {
				fmt.Fprintf(env.stdout, "仍有机构在内而保留 / kept, records still lie in them: %s\n", strings.Join(res.Kept, " "))
			}
		}
		for _, r := range res.Rejected {
			fmt.Fprintf(env.stdout, "第 %d 行 / line %d [%s] %s\n", r.Line, r.Line, r.Field, r.Reason)
		}
	}
	if len(f.Areas) == 0 {
		return fmt.Errorf("没有可载入的区域 / no area to load")
	}
	return nil
}
