package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"legalmap/importers/pipeline"
	"legalmap/importers/sample"
	"legalmap/internal/store/importdb"
)

// runSample writes the synthetic Shenzhen directory as importer input files and, with --load, imports them
// through the same pipeline as any list, firms before their lawyers. A file already imported unchanged
// (same content, an applied run) is skipped, so a second `make run` does nothing and is quick.
func runSample(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var opt sample.Options
	fs.StringVar(&opt.Out, "out", "", "directory to write the files into (created if missing)")
	fs.IntVar(&opt.Scale, "scale", sample.DefaultScale, fmt.Sprintf("number of places (map points), up to %d", sample.MaxScale))
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed: the same seed writes the same records")
	only := fs.String("only", "", "comma-separated kinds to write (default: all), e.g. law_firm")
	fs.BoolVar(&opt.National, "national", false, "a national mix of cities and kinds (the query benchmark's directory) instead of Shenzhen's")
	load := fs.Bool("load", false, "import the files into the database after writing them")
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if opt.Out == "" || fs.NArg() > 0 {
		return usageError{fmt.Errorf("usage: legalmap sample --out DIR [--scale N] [--seed S] [--only KINDS | --national] [--load]")}
	}
	if *only != "" {
		opt.Only = strings.Split(*only, ",")
	}
	start := time.Now()
	files, err := sample.Generate(opt)
	if err != nil {
		return err
	}
	rows := 0
	for _, f := range files {
		rows += f.Rows
	}
	fmt.Fprintf(env.stdout, "synthetic sample in %s: %d files, %d rows (%.1f s)\n", opt.Out, len(files), rows, time.Since(start).Seconds())
	if !*load {
		return nil
	}
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer pool.Close()
	for _, f := range files {
		sha, err := pipeline.FileSHA256(f.Path)
		if err != nil {
			return err
		}
		if id, err := importdb.LastAppliedRun(ctx, pool, f.Kind, sample.Source, sha); err != nil {
			return err
		} else if id > 0 {
			fmt.Fprintf(env.stdout, "  %-18s already loaded (run #%d)\n", f.Kind, id)
			continue
		}
		rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: f.Kind, File: f.Path, CRS: f.CRS, Source: sample.Source,
			Actor: cliActor(), Region: env.cfg.ServiceRegion, MaxWithdraw: env.cfg.SnapshotMaxWithdraw,
			Meili: meiliForImports(env)})
		if rep != nil {
			fmt.Fprintf(env.stdout, "  %s\n", rep.Summary())
		}
		if err != nil {
			return err
		}
	}
	return nil
}
