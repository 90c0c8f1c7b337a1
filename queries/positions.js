// positions ACTOR: everything ACTOR holds, with class, number of statements, first and last date
var agg = {};
var rows = [];
fieldsOf(g.V(args[0]).In("<sg:actor>").Has("<sg:polarity>"),
  [["<sg:class>", "class"], ["<sg:target>", "target"], ["<sg:date>", "date", true]])
  .forEach(function(t) {
    var key = t["class"] + "|" + t.target;
    var a = agg[key];
    if (!a) {
      a = agg[key] = {position: "", position_id: t.target, "class": className(t["class"]), statements: 0, first: "", last: ""};
      rows.push(a);
    }
    a.statements++;
    var d = t.date || "";
    if (d && (a.first == "" || d < a.first)) a.first = d;
    if (d > a.last) a.last = d;
  });
var names = labels(rows.map(function(r) { return r.position_id; }));
rows.forEach(function(r) { r.position = names[r.position_id]; });
rows.sort(function(a, b) {
  return b.statements - a.statements || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0) ||
    (a["class"] < b["class"] ? -1 : a["class"] > b["class"] ? 1 : 0);
});
rows.forEach(function(r) { g.Emit(r); });
