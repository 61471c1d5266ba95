// Command legalmap is the one binary of the legal-services map: it serves the site and the API, migrates the
// schema, and runs the bureau's command-line jobs. This file only wires: each subcommand lives in its own file.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"legalmap/internal/config"
)

// command is one subcommand: a line of help and its function, given the arguments after its name.
type command struct {
	help string
	run  func(ctx context.Context, env *runEnv, args []string) error
}

// commands is the table of subcommands; other files add theirs in init-free style through this map literal.
var commands = map[string]command{
	"serve":    {"serve the map, the widget and the API", runServe},
	"migrate":  {"apply pending schema migrations", runMigrate},
	"config":   {"print the effective configuration (secrets hidden); --markdown for the README table", runConfig},
	"holidays": {"load public holidays and make-up working days: holidays load --file FILE.csv", runHolidays},
	"import":   {"import a list: import --kind KIND --file PATH [--crs] [--source] [--mode] [--dry-run] [--report json]", runImport},
	"sample":   {"write the synthetic Shenzhen sample directory (--national: cities across China): sample --out DIR [--scale N] [--seed S] [--national] [--load]", runSample},
	"user":     {"manage admin accounts: user add --username U --role R [--provider ID …] | disable U | enable U | list", runUser},
	"token":    {"manage API tokens: token create --username U --name N | revoke ID | list", runToken},
	"areas":    {"load districts, streets and communities with boundaries: areas load --file F [--crs] [--dry-run]", runAreas},
	"kinds":    {"list the kinds of place and of people, or add one: kinds list | add --code C --name-zh N --name-en N --group G …", runKinds},
	"reindex":  {"rebuild search documents (and Meilisearch with --meilisearch) and the map grid", runReindex},
	"requests": {"citizens' requests: requests rotate-key [--generate] | purge", runRequests},
	"vocab":    {"the legal vocabulary search reads: vocab export | vocab load --file FILE.csv [--source S] [--replace]", runVocab},
}

// runEnv is what every subcommand receives: configuration, logger and standard streams.
type runEnv struct {
	cfg    config.Config
	log    *slog.Logger
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return 2
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "legalmap: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, "legalmap:", err)
		return 2
	}
	env := &runEnv{cfg: cfg, log: newLogger(cfg, stderr), stdin: stdin, stdout: stdout, stderr: stderr}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		fmt.Fprintf(stderr, "legalmap %s: %v\n", args[0], err)
		if ec, ok := err.(interface{ ExitCode() int }); ok {
			return ec.ExitCode()
		}
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: legalmap COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].help)
	}
	fmt.Fprintln(w, "\nconfiguration comes from environment variables: see `legalmap config`.")
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel)) // validated by config.Load
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
