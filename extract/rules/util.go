package rules

import "strings"

func lower(s string) string { return strings.ToLower(s) }

func splitHyphen(s string) []string { return strings.Split(s, "-") }
