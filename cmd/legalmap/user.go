package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"legalmap/internal/auth"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
)

const userUsage = `usage: legalmap user add --username U --role viewer|editor|importer|admin   (password from standard input, or generated)
       legalmap user add --username U --role staff --provider ID [--provider ID …]   (a place's staff)
       legalmap user disable U
       legalmap user enable U
       legalmap user list`

// runUser manages the accounts of the bureau's side. It is how the first admin is made; later ones can be
// made on the admin pages too, through the same auth.Service.
func runUser(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 {
		return errors.New(userUsage)
	}
	switch args[0] {
	case "add":
		return userAdd(ctx, env, args[1:])
	case "disable", "enable":
		if len(args) != 2 {
			return errors.New(userUsage)
		}
		off := args[0] == "disable"
		return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
			a, err := accountdb.UpdateAccount(ctx, db.pool, args[1], accountdb.AccountChange{Disabled: &off})
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no account %q", args[1])
			}
			if err == nil {
				fmt.Fprintf(env.stdout, "%s %sd\n", a.Username, args[0])
			}
			return err
		})
	case "list":
		return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
			list, err := accountdb.Accounts(ctx, db.pool)
			for _, a := range list {
				state := ""
				if a.Disabled {
					state = " (disabled)"
				}
				fmt.Fprintf(env.stdout, "%-24s %-8s%s\n", a.Username, a.Role, state)
			}
			return err
		})
	}
	return errors.New(userUsage)
}

func userAdd(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	username := fs.String("username", "", "account name (letters, digits, . _ @ -)")
	role := fs.String("role", "", "viewer, editor, importer, admin or staff")
	var places stringList
	fs.Var(&places, "provider", "a place the staff account serves (repeat for several)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := auth.ParseRole(*role)
	if err != nil {
		return err
	}
	if (r == auth.Staff) != (len(places) > 0) {
		return errors.New("--provider goes with --role staff, and a staff account needs at least one --provider")
	}
	if err := auth.CheckUsername(*username); err != nil {
		return err
	}
	pw, generated, err := readPassword(env)
	if err != nil {
		return err
	}
	return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
		a, err := svc.CreateAccount(ctx, *username, pw, r, places...)
		if errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("account %q already exists", *username)
		}
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no place with one of the ids %v", places)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "account %s (%s) created\n", a.Username, a.Role)
		if generated {
			fmt.Fprintln(env.stdout, "password (shown once; keep it safe):")
			fmt.Fprintln(env.stdout, pw)
		}
		return nil
	})
}

// readPassword takes the password from standard input: typed twice without echo on a terminal, or the
// first line of a pipe. Nothing on standard input (say </dev/null) means: generate one and print it once.
func readPassword(env *runEnv) (pw string, generated bool, err error) {
	if f, ok := env.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.stderr, "password (empty: generate one): ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.stderr)
		if err != nil {
			return "", false, err
		}
		if len(a) == 0 {
			return auth.GeneratePassword(), true, nil
		}
		fmt.Fprint(env.stderr, "again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.stderr)
		if err != nil {
			return "", false, err
		}
		if string(a) != string(b) {
			return "", false, errors.New("the two passwords differ")
		}
		return string(a), false, nil
	}
	line, err := bufio.NewReader(io.LimitReader(env.stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return auth.GeneratePassword(), true, nil
	}
	return line, false, nil
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }
