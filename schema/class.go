package schema

import (
	"fmt"
	"strings"
)

// Class is a stance class (actor towards a position) or an interaction class
// (actor towards another actor). See ../shared/eval/GUIDELINES.md.
type Class string

// Stance classes.
const (
	Demand  Class = "DEMAND"
	Propose Class = "PROPOSE"
	Support Class = "SUPPORT"
	Assert  Class = "ASSERT"
	Oppose  Class = "OPPOSE"
	Deny    Class = "DENY"
)

// Interaction classes.
const (
	Consult  Class = "CONSULT"
	Deliver  Class = "DELIVER"
	Aid      Class = "AID"
	Accuse   Class = "ACCUSE"
	Threaten Class = "THREATEN"
	Mediate  Class = "MEDIATE"
)

// StanceClasses and InteractionClasses list the classes in a fixed order.
var (
	StanceClasses      = []Class{Demand, Propose, Support, Assert, Oppose, Deny}
	InteractionClasses = []Class{Consult, Deliver, Aid, Accuse, Threaten, Mediate}
)

// ParseClass reads a class name in any case.
func ParseClass(s string) (Class, error) {
	c := Class(strings.ToUpper(strings.TrimSpace(s)))
	if c.IsStance() || c.IsInteraction() {
		return c, nil
	}
	return "", fmt.Errorf("unknown class %q (want one of %s)", s, classList())
}

func classList() string {
	var names []string
	for _, c := range append(append([]Class{}, StanceClasses...), InteractionClasses...) {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}

// ClassOf is the class named by b as a store writes it (upper case),
// without allocating for the known classes.
func ClassOf(b []byte) Class {
	switch string(b) {
	case "DEMAND":
		return Demand
	case "PROPOSE":
		return Propose
	case "SUPPORT":
		return Support
	case "ASSERT":
		return Assert
	case "OPPOSE":
		return Oppose
	case "DENY":
		return Deny
	case "CONSULT":
		return Consult
	case "DELIVER":
		return Deliver
	case "AID":
		return Aid
	case "ACCUSE":
		return Accuse
	case "THREATEN":
		return Threaten
	case "MEDIATE":
		return Mediate
	}
	return Class(b)
}

// IsStance reports whether c is a stance class.
func (c Class) IsStance() bool { return contains(StanceClasses, c) }

// IsInteraction reports whether c is an interaction class.
func (c Class) IsInteraction() bool { return contains(InteractionClasses, c) }

// Polarity is +1 for DEMAND, PROPOSE, SUPPORT and ASSERT, -1 for OPPOSE and
// DENY, and 0 for interactions.
func (c Class) Polarity() int {
	switch c {
	case Demand, Propose, Support, Assert:
		return 1
	case Oppose, Deny:
		return -1
	}
	return 0
}

// Sign is the polarity written as "+", "-" or "" for interactions.
func (c Class) Sign() string {
	switch c.Polarity() {
	case 1:
		return "+"
	case -1:
		return "-"
	}
	return ""
}

func contains(list []Class, c Class) bool {
	for _, v := range list {
		if v == c {
			return true
		}
	}
	return false
}
