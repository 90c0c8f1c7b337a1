// alignment ACTOR: other actors ranked by agreement minus disagreement over the positions they share with ACTOR
var mine = holdings(args[0]), held = [];
for (var p in mine) if (mine[p] != 0) held.push(p);
var theirs = {};
stancesOn(held, args[0]).forEach(function(s) {
  var t = theirs[s.actor] || (theirs[s.actor] = {});
  t[s.position] = (t[s.position] || 0) + (s.sign == "+" ? 1 : -1);
});
var rows = [];
for (var a in theirs) {
  var agree = 0, disagree = 0;
  for (var p in theirs[a]) {
    if (theirs[a][p] == 0) continue;
    if ((mine[p] > 0) == (theirs[a][p] > 0)) agree++; else disagree++;
  }
  if (agree + disagree > 0) rows.push({actor_id: a, score: agree - disagree, agree: agree, disagree: disagree});
}
var names = labels(rows.map(function(r) { return r.actor_id; }));
rows.forEach(function(r) { r.actor = names[r.actor_id]; });
rows.sort(function(x, y) { return y.score - x.score || y.agree - x.agree || (x.actor < y.actor ? -1 : 1); });
rows.forEach(function(r) { g.Emit({actor: r.actor, actor_id: r.actor_id, score: r.score, agree: r.agree, disagree: r.disagree}); });
