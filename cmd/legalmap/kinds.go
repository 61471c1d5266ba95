package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"legalmap/internal/directory"
	"legalmap/internal/store"
	"legalmap/internal/store/vocabdb"
)

// runKinds lists the kinds of place and of people, or adds or changes a kind of place: the kinds are data,
// so a bureau adds one (say 退役军人法律服务站) without a code change, and imports its list with --kind CODE.
func runKinds(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "add" && args[0] != "set") {
		return errors.New("usage: legalmap kinds list | add --code C --name-zh N --name-en N [--group G] [--colour #rrggbb] [--symbol S] [--words a,b] [--practice-areas a,b] | set … (same flags, changes a kind)")
	}
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
	if err != nil {
		return err
	}
	defer pool.Close()
	if args[0] == "list" {
		kinds, err := vocabdb.KindList(ctx, pool)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			fmt.Fprintf(env.stdout, "%-24s %-20s %-18s %s %s  %s\n", k.Code, k.Group, k.NameZh, k.Colour, k.Symbol, k.NameEn)
		}
		people, err := vocabdb.PractitionerKinds(ctx, pool)
		if err != nil {
			return err
		}
		for _, p := range people {
			fmt.Fprintf(env.stdout, "%-24s %-20s %-18s people of %s  %s\n", p.Code, "(practitioners)", p.NameZh, strings.Join(p.PlaceKinds, ","), p.NameEn)
		}
		return nil
	}
	fs := flag.NewFlagSet("kinds "+args[0], flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var k vocabdb.Kind
	var words, areas string
	fs.StringVar(&k.Code, "code", "", "the kind's code: lower-case letters and underscores")
	fs.StringVar(&k.NameZh, "name-zh", "", "Chinese name")
	fs.StringVar(&k.NameEn, "name-en", "", "English name")
	fs.StringVar(&k.Group, "group", "", "legal_services, dispute_resolution or political_legal")
	fs.StringVar(&k.Colour, "colour", "", "map colour #rrggbb")
	fs.StringVar(&k.Symbol, "symbol", "", "one or two characters drawn in the marker (default: the name's first)")
	fs.StringVar(&words, "words", "", "everyday words that find it, separated by commas or 、")
	fs.StringVar(&areas, "practice-areas", "", "practice-area codes it helps with, separated by commas")
	fs.IntVar(&k.Sort, "sort", 0, "position in lists (default: last)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	k.Synonyms, k.PracticeAreas = directory.SplitList(words), directory.SplitList(areas)
	if err := vocabdb.SaveKind(ctx, pool, k, args[0] == "add"); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("类型 %s 已存在，改用 kinds set / kind %s exists: use kinds set", k.Code, k.Code)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "kind %s saved; import its list with: legalmap import --kind %s --file …\n", k.Code, k.Code)
	return nil
}
