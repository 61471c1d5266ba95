package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"legalmap/internal/requests"
	"legalmap/internal/store/requestdb"
)

const requestsUsage = `usage: legalmap requests rotate-key [--generate]   re-encrypt every request under the current key
       legalmap requests purge                        erase personal fields of requests closed longer than REQUEST_RETENTION`

// runRequests runs the jobs of the request desk: key rotation and the retention purge (which the server
// also runs every hour).
func runRequests(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 {
		return errors.New(requestsUsage)
	}
	switch args[0] {
	case "rotate-key":
		return rotateKey(ctx, env, args[1:])
	case "purge":
		pool, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
		if err != nil {
			return err
		}
		defer pool.Close()
		now := time.Now()
		n, err := requestdb.PurgeRequests(ctx, pool, now.Add(-env.cfg.RequestRetention), now)
		if err == nil {
			fmt.Fprintf(env.stdout, "%d request(s) erased (closed before %s)\n", n, now.Add(-env.cfg.RequestRetention).Format(time.DateOnly))
		}
		return err
	}
	return errors.New(requestsUsage)
}

// rotateKey re-encrypts every request sealed under an older key with the current one. The current key is
// REQUEST_KEY (older ones in REQUEST_OLD_KEYS) or the first line of REQUEST_KEY_FILE (older ones below it).
// With --generate and a key file, a new key is drawn and put first in the file, everything is re-encrypted
// under it, and the older keys are then dropped from the file.
func rotateKey(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("requests rotate-key", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	generate := fs.Bool("generate", false, "draw a new key into REQUEST_KEY_FILE first, and drop the old ones after")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := env.cfg
	var keys []string
	if *generate {
		if cfg.RequestKeyFile == "" {
			return errors.New("--generate needs REQUEST_KEY_FILE (with REQUEST_KEY, set the new key and REQUEST_OLD_KEYS yourself)")
		}
		old, err := requests.ReadKeyFile(cfg.RequestKeyFile)
		if err != nil {
			return err
		}
		keys = append([]string{requests.NewKeyText()}, old...)
		if err := requests.WriteKeyFile(cfg.RequestKeyFile, keys); err != nil {
			return err
		}
	}
	ring, err := requests.LoadKeyring(cfg.RequestKey, cfg.RequestOldKeys, cfg.RequestKeyFile)
	if err != nil {
		return err
	}
	if ring == nil {
		return requests.ErrNoKey
	}
	pool, err := openDB(ctx, env, cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer pool.Close()
	n, err := requestdb.Rekey(ctx, pool, ring.CurrentID(), func(r requestdb.SealedRow) ([]byte, []byte, error) {
		return ring.Reseal(r.Code, r.Sealed, r.KeyID)
	})
	if err != nil {
		return fmt.Errorf("after %d re-encrypted: %w", n, err)
	}
	fmt.Fprintf(env.stdout, "%d request(s) re-encrypted under key %s\n", n, ring.CurrentID())
	if *generate {
		if err := requests.WriteKeyFile(cfg.RequestKeyFile, keys[:1]); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "older keys removed from %s; restart the server to use the new key\n", cfg.RequestKeyFile)
	}
	return nil
}
