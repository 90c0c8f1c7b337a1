// path A B: the shortest chains of statements linking actor A to actor B, through positions and interactions
var maxDepth = 4;
function steps(n) {
  var out = [];
  fieldsOf(g.V(n).In("<sg:actor>"), [["<sg:target>", "to"], ["<sg:predicate>", "p"]])
    .forEach(function(t) { out.push({to: t.to, via: t.p}); });
  fieldsOf(g.V(n).In("<sg:target>"), [["<sg:actor>", "to"], ["<sg:predicate>", "p"]])
    .forEach(function(t) { out.push({to: t.to, via: "is " + t.p + " by"}); });
  return out;
}
var frontier = [[{node: args[0], via: ""}]];
var visited = {};
visited[args[0]] = true;
var found = [];
for (var d = 0; d < maxDepth && found.length == 0 && frontier.length > 0; d++) {
  var next = [];
  var reached = {};
  frontier.forEach(function(chain) {
    var last = chain[chain.length - 1].node;
    steps(last).forEach(function(s) {
      if (visited[s.to]) return;
      var c = chain.concat([{node: s.to, via: s.via}]);
      if (s.to == args[1]) { found.push(c); return; }
      reached[s.to] = true;
      next.push(c);
    });
  });
  for (var r in reached) visited[r] = true;
  frontier = next;
}
found.slice(0, 20).forEach(function(c) {
  var text = label(c[0].node);
  for (var i = 1; i < c.length; i++) text += " --" + c[i].via + "--> " + label(c[i].node);
  g.Emit({length: c.length - 1, path: text});
});
