package depparse

import (
	"embed"
	"fmt"
	"sync"
)

// The model make parser-model trains (cmd/trainparser) on UD English EWT
// (CC BY-SA 4.0).
//
//go:embed model
var modelFS embed.FS

// ModelFile is the embedded model's path in modelFS.
const ModelFile = "model/en_ewt.dep"

// Default gives the embedded parser, loaded once per process.
var Default = sync.OnceValues(func() (*Parser, error) {
	b, err := modelFS.ReadFile(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("parser: no embedded model (run make parser-model): %w", err)
	}
	return Load(b)
})
