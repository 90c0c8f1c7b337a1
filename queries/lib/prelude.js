// Helpers every query of the library can call; Render puts them before it,
// after PRO and CON, the class edges (actor --<sg:CLASS>--> target, one per
// statement) of positive and negative stances.
//
// Every query starts from the node it is asked about and follows indexed
// edges from it (In/Out from a fixed node); none starts from all
// statements, so the cost grows with the actor's statements, not the graph.

// label is a node's rdfs:label, or the node itself.
function label(n) { var l = g.V(n).Out("<rdfs:label>").ToValue(); return l ? l : n; }

// labels maps each of the nodes to its label, in one query.
function labels(ids) {
  var out = {};
  if (ids.length == 0) return out;
  g.V.apply(g, ids).Tag("n").Out("<rdfs:label>").TagArray().forEach(function(t) { out[t.n] = t.id; });
  ids.forEach(function(n) { if (!out[n]) out[n] = n; });
  return out;
}

// fieldsOf reads fields of the nodes a path reaches: it collects the nodes
// first, then saves from them, a few thousand at a time. (Cayley plans Save
// after In or Has badly: the same rows come 5 to 20 times slower.) saves
// lists [predicate, tag] pairs, with a third element true for optional ones.
function fieldsOf(path, saves) {
  var ids = path.ToArray(), out = [];
  for (var i = 0; i < ids.length; i += 5000) {
    var p = g.V.apply(g, ids.slice(i, i + 5000));
    saves.forEach(function(s) { p = s[2] ? p.SaveOpt(s[0], s[1]) : p.Save(s[0], s[1]); });
    out = out.concat(p.TagArray());
  }
  return out;
}

// className turns <sg:DEMAND> into DEMAND.
function className(iri) { return iri.replace("<sg:", "").replace(">", ""); }

// stanceSums maps each position the actor takes a stance on to the sum of
// the polarities of its statements there (+1 each positive, -1 negative).
function stanceSums(actor) {
  var s = {};
  g.V(actor).Out(PRO).ToArray().forEach(function(p) { s[p] = (s[p] || 0) + 1; });
  g.V(actor).Out(CON).ToArray().forEach(function(p) { s[p] = (s[p] || 0) - 1; });
  return s;
}

// holdings is stanceSums with the positions the actor is the agent of
// ("China's drills" are China's own, for), unless it took a stance on them.
function holdings(actor) {
  var s = stanceSums(actor);
  g.V(actor).In("<sg:agent>").ToArray().forEach(function(p) { if (!(p in s)) s[p] = 1; });
  return s;
}

// stancesOn lists, for the positions, each statement of another actor than
// except as {actor, position, sign}: two queries in all.
function stancesOn(positions, except) {
  var out = [];
  if (positions.length == 0) return out;
  [[PRO, "+"], [CON, "-"]].forEach(function(side) {
    g.V.apply(g, positions).Tag("p").In(side[0]).Except(g.V(except)).TagArray().forEach(function(t) {
      out.push({actor: t.id, position: t.p, sign: side[1]});
    });
  });
  return out;
}

// sides lists, for every position actor holds (by the sign of the sum of its
// statements' polarities, or as its agent: "China's drills" are China's),
// the other actors who take the same side (same) or the other one, with how
// many statements, most first.
function sides(actor, same) {
  var mine = holdings(actor), held = [];
  for (var p in mine) if (mine[p] != 0) held.push(p);
  var seen = {}, rows = [];
  stancesOn(held, actor).forEach(function(s) {
    var my = mine[s.position] > 0 ? "+" : "-";
    if ((s.sign == my) != same) return;
    var key = s.actor + "|" + s.position;
    if (seen[key]) { seen[key].statements++; return; }
    seen[key] = {actor_id: s.actor, position_id: s.position, theirs: s.sign, mine: my, statements: 1};
    rows.push(seen[key]);
  });
  var ids = {};
  rows.forEach(function(r) { ids[r.actor_id] = true; ids[r.position_id] = true; });
  var names = labels(Object.keys(ids));
  rows.forEach(function(r) { r.actor = names[r.actor_id]; r.position = names[r.position_id]; });
  rows.sort(function(a, b) { return b.statements - a.statements || (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0) || (a.position < b.position ? -1 : 1); });
  return rows;
}
