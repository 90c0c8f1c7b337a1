// holders POSITION: who holds a position, for and against, with the number of statements
var agg = {};
var rows = [];
fieldsOf(g.V(args[0]).In("<sg:target>"),
  [["<sg:actor>", "actor"], ["<sg:class>", "class"], ["<sg:polarity>", "polarity", true]])
  .forEach(function(t) {
    var key = t.actor + "|" + t["class"];
    var a = agg[key];
    if (!a) {
      a = agg[key] = {actor: "", actor_id: t.actor, "class": className(t["class"]), stance: t.polarity || "", statements: 0};
      rows.push(a);
    }
    a.statements++;
  });
var names = labels(rows.map(function(r) { return r.actor_id; }));
rows.forEach(function(r) { r.actor = names[r.actor_id]; });
rows.sort(function(a, b) {
  return (a.stance < b.stance ? -1 : a.stance > b.stance ? 1 : 0) || b.statements - a.statements ||
    (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0) || (a["class"] < b["class"] ? -1 : a["class"] > b["class"] ? 1 : 0);
});
rows.forEach(function(r) { g.Emit(r); });
