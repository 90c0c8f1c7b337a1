// opponents ACTOR: who opposes what ACTOR demands, proposes or supports, and who backs what ACTOR opposes
var pro = ["<sg:DEMAND>", "<sg:PROPOSE>", "<sg:SUPPORT>", "<sg:ASSERT>"];
var con = ["<sg:OPPOSE>", "<sg:DENY>"];
var me = g.V(args[0]);
me.Out(pro).Save("<rdfs:label>", "position").In(con).Except(me).Save("<rdfs:label>", "opponent").All();
me.Out(con).Save("<rdfs:label>", "position").In(pro).Except(me).Save("<rdfs:label>", "opponent").All();
