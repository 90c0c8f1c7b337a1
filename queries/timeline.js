// timeline ACTOR: ACTOR's statements in date order, undated ones last
var rows = [];
fieldsOf(g.V(args[0]).In("<sg:actor>"),
  [["<sg:class>", "class"], ["<sg:predicate>", "predicate"], ["<sg:target>", "target"],
   ["<sg:date>", "date", true], ["<sg:document>", "document"], ["<sg:sentenceIndex>", "index"]])
  .forEach(function(t) {
    rows.push({date: t.date || "", "class": className(t["class"]), predicate: t.predicate,
      target: t.target, document: t.document, sentence_index: t.index});
  });
var ids = {};
rows.forEach(function(r) { ids[r.target] = true; ids[r.document] = true; });
var names = labels(Object.keys(ids));
rows.forEach(function(r) { r.target = names[r.target]; r.document = names[r.document]; });
// Undated statements last: they are of no known time.
rows.sort(function(a, b) {
  return ((a.date === "") - (b.date === "")) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) ||
    a.sentence_index - b.sentence_index || (a["class"] < b["class"] ? -1 : a["class"] > b["class"] ? 1 : 0) ||
    (a.target < b.target ? -1 : a.target > b.target ? 1 : 0) || (a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : 0);
});
rows.forEach(function(r) { g.Emit(r); });
