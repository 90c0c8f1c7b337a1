// alignment ACTOR: other actors ranked by agreement minus disagreement over the positions they share with ACTOR
function stances(actor) {
  var s = {};
  g.V().Has("<rdf:type>", "<sg:Statement>").Has("<sg:actor>", actor).Save("<sg:target>", "t").Save("<sg:polarity>", "p")
    .TagArray().forEach(function(x) { s[x.t] = (s[x.t] || 0) + (x.p == "+" ? 1 : -1); });
  return s;
}
var mine = stances(args[0]);
var others = {};
for (var p in mine) {
  if (mine[p] == 0) continue;
  g.V(p).In("<sg:target>").Out("<sg:actor>").Except(g.V(args[0])).Unique().ToArray().forEach(function(a) { others[a] = true; });
}
var rows = [];
for (var a in others) {
  var theirs = stances(a);
  var agree = 0, disagree = 0;
  for (var p in mine) {
    if (!theirs[p] || mine[p] == 0) continue;
    if ((mine[p] > 0) == (theirs[p] > 0)) agree++; else disagree++;
  }
  if (agree + disagree > 0) rows.push({actor: label(a), actor_id: a, score: agree - disagree, agree: agree, disagree: disagree});
}
rows.sort(function(x, y) { return y.score - x.score || y.agree - x.agree || (x.actor < y.actor ? -1 : 1); });
rows.forEach(function(r) { g.Emit(r); });
