// opponents ACTOR: who opposes what ACTOR demands, proposes or supports, and who backs what ACTOR opposes
sides(args[0], false).forEach(function(r) {
  g.Emit({opponent: r.actor, opponent_id: r.actor_id, position: r.position, their_stance: r.theirs, my_stance: r.mine, statements: r.statements});
});
