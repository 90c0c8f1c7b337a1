// shifts ACTOR: positions on which ACTOR's stance changed over time, with the last statement before and the first after
var byPos = {};
fieldsOf(g.V(args[0]).In("<sg:actor>").Has("<sg:polarity>"),
  [["<sg:polarity>", "sign"], ["<sg:class>", "class"], ["<sg:target>", "target"], ["<sg:date>", "date", true],
   ["<sg:eventDate>", "event", true], ["<sg:sentence>", "sentence"], ["<sg:document>", "document"]])
  .forEach(function(t) {
    // When it was said: the sentence's own date, else its document's.
    var d = (typeof t.event === "string" && t.event) ? t.event.replace(/\^\^.*$/, "").replace(/"/g, "") : (t.date || "");
    if (!d) return;
    (byPos[t.target] = byPos[t.target] || []).push({date: d, sign: t.sign, "class": className(t["class"]),
      sentence: t.sentence, document: t.document});
  });
var rows = [];
Object.keys(byPos).forEach(function(p) {
  var sts = byPos[p];
  sts.sort(function(a, b) { return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.sentence < b.sentence ? -1 : a.sentence > b.sentence ? 1 : 0); });
  for (var i = 1; i < sts.length; i++) {
    var a = sts[i - 1], b = sts[i];
    if (a.sign != b.sign && a.date < b.date) {
      rows.push({position_id: p, position: "", from: a.sign + a["class"], to: b.sign + b["class"],
        before: a.date, after: b.date, was: a.sentence, now: b.sentence, statements: sts.length});
    }
  }
});
var names = labels(rows.map(function(r) { return r.position_id; }));
rows.forEach(function(r) { r.position = names[r.position_id]; delete r.position_id; });
rows.sort(function(a, b) { return (a.after < b.after ? -1 : a.after > b.after ? 1 : 0) ||
  (a.position < b.position ? -1 : a.position > b.position ? 1 : 0); });
rows.forEach(function(r) { g.Emit(r); });
