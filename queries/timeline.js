// timeline ACTOR: ACTOR's statements in date order
var rows = [];
g.V(args[0]).In("<sg:actor>")
  .Save("<sg:class>", "class").Save("<sg:predicate>", "predicate").Save("<sg:target>", "target")
  .SaveOpt("<sg:date>", "date").Save("<sg:document>", "document").Save("<sg:sentenceIndex>", "index")
  .TagArray().forEach(function(t) {
    rows.push({date: t.date || "", "class": className(t["class"]), predicate: t.predicate,
      target: t.target, document: t.document, sentence_index: t.index});
  });
var ids = {};
rows.forEach(function(r) { ids[r.target] = true; ids[r.document] = true; });
var names = labels(Object.keys(ids));
rows.forEach(function(r) { r.target = names[r.target]; r.document = names[r.document]; });
rows.sort(function(a, b) {
  return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) || a.sentence_index - b.sentence_index;
});
rows.forEach(function(r) { g.Emit(r); });
