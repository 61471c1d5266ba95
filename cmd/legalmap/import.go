package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/user"
	"strings"

	"legalmap/importers/pipeline"
	"legalmap/internal/search"
)

// runImport imports one of the bureau's lists (DESIGN.md "Importers"). The report goes to stdout (text or
// JSON); a progress bar goes to stderr on a terminal, a one-line summary otherwise. Exit 0 when the run
// committed (also with no change), 3 when the file was refused or no row accepted, 1 when it failed.
func runImport(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var opt pipeline.Options
	fs.StringVar(&opt.Kind, "kind", "", "a kind of place or of people (legalmap kinds list): law_firm, lawyer, mediation_committee, mediator, …")
	fs.StringVar(&opt.File, "file", "", "the list: CSV (UTF-8 or GB18030), XLSX or GeoJSON")
	fs.StringVar(&opt.CRS, "crs", "", "coordinate system of the file: wgs84|gcj02|bd09 (Amap and Tencent exports are gcj02, Baidu's bd09); required when the file has coordinates and states none")
	fs.StringVar(&opt.Source, "source", "", "source name the records belong to (default: the kind)")
	fs.StringVar(&opt.Mode, "mode", pipeline.ModeUpsert, "upsert, or snapshot (withdraw what the source no longer lists)")
	fs.BoolVar(&opt.DryRun, "dry-run", false, "validate and report what would change, write nothing")
	fs.StringVar(&opt.Sheet, "sheet", "", "XLSX sheet name (default: the first)")
	fs.StringVar(&opt.Encoding, "encoding", "auto", "auto|utf-8|gb18030")
	fs.BoolVar(&opt.Strict, "strict", false, "refuse the whole file on any rejected row")
	format := fs.String("report", "text", "text|json")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Errorf("unexpected arguments %q", fs.Args())}
	}
	if *format != "text" && *format != "json" {
		return usageError{errors.New("--report must be text or json")}
	}
	opt.Actor = cliActor()
	opt.Region = env.cfg.ServiceRegion
	opt.MaxWithdraw = env.cfg.SnapshotMaxWithdraw
	opt.MaxFileSize = env.cfg.MaxUploadBytes
	opt.Meili = meiliForImports(env)
	var bar *pipeline.Progress
	if f, ok := env.stderr.(*os.File); ok {
		bar = pipeline.NewProgress(f)
	}
	opt.Progress = bar.Update
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer pool.Close()
	rep, err := pipeline.Run(ctx, pool, opt)
	bar.Done()
	if rep == nil {
		return usageError{err}
	}
	if *format == "json" {
		env.stdout.Write(rep.JSON())
	} else {
		rep.WriteText(env.stdout)
	}
	if bar == nil {
		fmt.Fprintln(env.stderr, rep.Summary())
	}
	return err
}

// meiliForImports is the Meilisearch index imports keep up to date when one is configured (MEILI_URL),
// as `legalmap reindex` fills it.
func meiliForImports(env *runEnv) *search.Meili {
	if env.cfg.MeiliURL == "" {
		return nil
	}
	return search.NewMeili(env.cfg.MeiliURL, env.cfg.MeiliKey)
}

// cliActor names who ran a command-line import in the audit: cli:<login>.
func cliActor() string {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return "cli"
	}
	return "cli:" + name
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) ExitCode() int { return 2 }
