// Package schema is stancegraph's graph vocabulary: the classes, predicates
// and IRIs of the actors-and-positions graph, the Statement record the
// extractors produce, and how a statement is written as Cayley quads.
//
// Every IRI lives under one namespace, NS, written in compact form with the
// prefix "sg:" (registered with quad/voc, so exports can expand it):
//
//	classes      sg:Actor sg:Position sg:Statement sg:Document
//	actor kinds  sg:kind "state" | "organisation" | "person" | "group"
//	resources    sg:actor/<slug> sg:position/<slug> sg:statement/<hash> sg:doc/<slug>
//	statement    sg:actor sg:speaker sg:class sg:predicate sg:target sg:polarity
//	             sg:document sg:sentence sg:sentenceIndex sg:start sg:end
//	             sg:date sg:confidence
//	direct edges actor --sg:<predicate>--> target and actor --sg:<CLASS>--> target,
//	             labelled with the statement's IRI
//
// Nodes carry a human label under rdfs:label and a type under rdf:type.
package schema
