// supporters ACTOR: who takes the same side as ACTOR on the positions ACTOR holds
sides(args[0], true).forEach(function(r) {
  g.Emit({supporter: r.actor, supporter_id: r.actor_id, position: r.position, stance: r.theirs, statements: r.statements});
});
