// evidence ACTOR POSITION: the sentences, speakers, documents and dates behind ACTOR's stance on POSITION
// Find the statements first, from the side with fewer of them (counted up
// to 500), then read their fields (fieldsOf).
var nActor = g.V(args[0]).In("<sg:actor>").Limit(500).Count();
var nPosition = g.V(args[1]).In("<sg:target>").Limit(500).Count();
var found = nActor < nPosition ?
  g.V(args[0]).In("<sg:actor>").Has("<sg:target>", args[1]) :
  g.V(args[1]).In("<sg:target>").Has("<sg:actor>", args[0]);
var rows = fieldsOf(found, [["<sg:class>", "class"], ["<sg:predicate>", "predicate"], ["<sg:sentence>", "sentence"],
  ["<sg:date>", "date", true], ["<sg:speaker>", "speaker", true], ["<sg:document>", "document"],
  ["<sg:confidence>", "confidence"], ["<sg:sentenceIndex>", "index"]]);
// Documents' and speakers' names in one query, not one a row.
var named = {};
rows.forEach(function(t) { named[t.document] = true; if (t.speaker) named[t.speaker] = true; });
var names = labels(Object.keys(named));
rows.forEach(function(t) { t.document = names[t.document]; });
// Oldest first; then by document, sentence and statement.
rows.sort(function(a, b) {
  var da = a.date || "", db = b.date || "";
  return (da < db ? -1 : da > db ? 1 : 0) || (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) ||
    a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
});
rows.forEach(function(t) {
  g.Emit({statement: t.id, "class": className(t["class"]), predicate: t.predicate,
    speaker: t.speaker ? names[t.speaker] : "", document: t.document, date: t.date || "",
    confidence: t.confidence, sentence: t.sentence});
});
