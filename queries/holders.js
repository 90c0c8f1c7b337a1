// holders POSITION: who holds a position, for and against, with the number of statements
var agg = {};
var rows = [];
g.V().Has("<rdf:type>", "<sg:Statement>").Has("<sg:target>", args[0])
  .Save("<sg:actor>", "actor").Save("<sg:class>", "class").SaveOpt("<sg:polarity>", "polarity")
  .TagArray().forEach(function(t) {
    var key = t.actor + "|" + t["class"];
    var a = agg[key];
    if (!a) {
      a = agg[key] = {actor: label(t.actor), actor_id: t.actor, "class": className(t["class"]), stance: t.polarity || "", statements: 0};
      rows.push(a);
    }
    a.statements++;
  });
rows.sort(function(a, b) { return (a.stance < b.stance ? -1 : a.stance > b.stance ? 1 : 0) || b.statements - a.statements; });
rows.forEach(function(r) { g.Emit(r); });
