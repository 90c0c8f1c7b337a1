// supporters ACTOR: who takes the same side as ACTOR on the positions ACTOR holds
var pro = ["<sg:DEMAND>", "<sg:PROPOSE>", "<sg:SUPPORT>", "<sg:ASSERT>"];
var con = ["<sg:OPPOSE>", "<sg:DENY>"];
var me = g.V(args[0]);
me.Out(pro).Save("<rdfs:label>", "position").In(pro).Except(me).Save("<rdfs:label>", "supporter").All();
me.Out(con).Save("<rdfs:label>", "position").In(con).Except(me).Save("<rdfs:label>", "supporter").All();
