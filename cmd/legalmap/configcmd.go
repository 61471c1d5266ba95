package main

import (
	"context"
	"flag"
	"os"

	"legalmap/internal/config"
)

func runConfig(_ context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	markdown := fs.Bool("markdown", false, "print the README's table of variables")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *markdown {
		config.Markdown(env.stdout)
		return nil
	}
	config.Print(env.stdout, os.Getenv)
	return nil
}
