// supporters ACTOR: who takes the same side as ACTOR on the positions ACTOR holds
var seen = {};
var rows = [];
g.V().Has("<rdf:type>", "<sg:Statement>").Has("<sg:actor>", args[0]).Out("<sg:target>").Unique().ForEach(function(p) {
  var mine = g.V(p.id).In("<sg:target>").Has("<sg:actor>", args[0]).Out("<sg:polarity>").ToArray();
  var sum = 0;
  for (var i = 0; i < mine.length; i++) sum += mine[i] == "+" ? 1 : -1;
  if (sum == 0) return;
  var want = sum > 0 ? "+" : "-";
  g.V(p.id).In("<sg:target>").Has("<sg:polarity>", want).Tag("s").Out("<sg:actor>").Except(g.V(args[0])).TagArray().forEach(function(t) {
    var key = t.id + "|" + p.id;
    if (seen[key]) { seen[key].statements++; return; }
    seen[key] = {supporter: label(t.id), supporter_id: t.id, position: label(p.id), stance: want, statements: 1};
    rows.push(seen[key]);
  });
});
rows.sort(function(a, b) { return b.statements - a.statements || (a.supporter < b.supporter ? -1 : a.supporter > b.supporter ? 1 : 0) || (a.position < b.position ? -1 : 1); });
rows.forEach(function(r) { g.Emit(r); });
function label(n) { var l = g.V(n).Out("<rdfs:label>").ToValue(); return l ? l : n; }
