package requests

import (
	"fmt"
	"os"
	"strings"
)

// LoadKeyring builds the keyring from the configuration: a key file (first line the current key, later lines
// older ones) when file is set, else the key and the older keys given. Neither: (nil, nil), requests are off.
// A key file readable by others than its owner is refused.
func LoadKeyring(key string, older []string, file string) (*Keyring, error) {
	if file != "" {
		keys, err := ReadKeyFile(file)
		if err != nil {
			return nil, err
		}
		return NewKeyring(keys[0], append(keys[1:], older...)...)
	}
	if key == "" {
		return nil, nil
	}
	return NewKeyring(key, older...)
}

// ReadKeyFile reads the keys of a key file, current first.
func ReadKeyFile(file string) ([]string, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("REQUEST_KEY_FILE: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("REQUEST_KEY_FILE %s: readable by others (mode %o); chmod 600 it", file, st.Mode().Perm())
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("REQUEST_KEY_FILE: %w", err)
	}
	var keys []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			keys = append(keys, l)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("REQUEST_KEY_FILE %s holds no key", file)
	}
	return keys, nil
}

// WriteKeyFile writes keys (current first) to file with mode 0600, replacing it atomically.
func WriteKeyFile(file string, keys []string) error {
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Join(keys, "\n")+"\n"), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}
