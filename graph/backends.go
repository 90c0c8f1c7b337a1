package graph

// Backends that register themselves with Cayley's store registry. Cayley's
// nosql backends (mongo, elastic, couch) and badger are left out: with Go >=
// 1.21 they fail to register.
import (
	_ "github.com/cayleygraph/cayley/graph/kv/all"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/mysql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/writer"
)
