// Package graph keeps stancegraph's statements in a Cayley quad store and
// answers questions about them.
//
// A Store wraps one Cayley backend chosen by name from Cayley's registry
// (bolt, leveldb, btree, memstore, postgres, ...). Open creates the store on
// first use with the quad indexes this schema's queries need, Load writes
// statements idempotently, and Query runs Gizmo queries. QuadStore gives the
// underlying Cayley store for anything else, such as Cayley's path API.
package graph
