// Helpers every query of the library can call; Render puts them before it.

// label is a node's rdfs:label, or the node itself.
function label(n) { var l = g.V(n).Out("<rdfs:label>").ToValue(); return l ? l : n; }

// className turns <sg:DEMAND> into DEMAND.
function className(iri) { return iri.replace("<sg:", "").replace(">", ""); }

// sides lists, for every position actor holds (by the sign of the sum of its
// statements' polarities), the other actors who take the same side (same)
// or the other one, with how many statements, most first.
function sides(actor, same) {
  var seen = {}, rows = [];
  g.V().Has("<rdf:type>", "<sg:Statement>").Has("<sg:actor>", actor).Out("<sg:target>").Unique().ForEach(function(p) {
    var mine = g.V(p.id).In("<sg:target>").Has("<sg:actor>", actor).Out("<sg:polarity>").ToArray();
    var sum = 0;
    for (var i = 0; i < mine.length; i++) sum += mine[i] == "+" ? 1 : -1;
    if (sum == 0) return;
    var my = sum > 0 ? "+" : "-";
    var want = same ? my : (sum > 0 ? "-" : "+");
    g.V(p.id).In("<sg:target>").Has("<sg:polarity>", want).Out("<sg:actor>").Except(g.V(actor)).ToArray().forEach(function(a) {
      var key = a + "|" + p.id;
      if (seen[key]) { seen[key].statements++; return; }
      seen[key] = {actor: label(a), actor_id: a, position: label(p.id), theirs: want, mine: my, statements: 1};
      rows.push(seen[key]);
    });
  });
  rows.sort(function(a, b) { return b.statements - a.statements || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0) || (a.position < b.position ? -1 : 1); });
  return rows;
}
