package requests

import (
	"encoding/json"
	"time"
)

// Personal is everything about a request that says who asked and what they said: the one part that is
// sealed in the database and erased when the retention period ends.
type Personal struct {
	Name       string  `json:"name"`
	Phone      string  `json:"phone"`
	MatterText string  `json:"matter_text,omitempty"`
	Message    string  `json:"message,omitempty"`
	Replies    []Reply `json:"replies,omitempty"`
}

// Reply is a message of the place's staff to the citizen.
type Reply struct {
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

// Seal encrypts p for the request with this code.
func (k *Keyring) SealPersonal(p Personal, code string) ([]byte, string) {
	plain, err := json.Marshal(p)
	if err != nil {
		panic("requests: marshal personal fields: " + err.Error()) // plain strings and times always marshal
	}
	return k.Seal(plain, []byte(code))
}

// OpenPersonal decrypts the personal fields of the request with this code.
func (k *Keyring) OpenPersonal(sealed []byte, keyID, code string) (Personal, error) {
	var p Personal
	plain, err := k.Open(sealed, keyID, []byte(code))
	if err != nil {
		return p, err
	}
	err = json.Unmarshal(plain, &p)
	return p, err
}

// Reseal opens a blob under whatever key sealed it and seals it again under the current key, with the
// phone's MAC under the current key: one request's part of a key rotation.
func (k *Keyring) Reseal(code string, sealed []byte, keyID string) (newSealed, phoneMAC []byte, err error) {
	p, err := k.OpenPersonal(sealed, keyID, code)
	if err != nil {
		return nil, nil, err
	}
	newSealed, _ = k.SealPersonal(p, code)
	return newSealed, k.PhoneMAC(p.Phone), nil
}
