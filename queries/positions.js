// positions ACTOR: the positions ACTOR holds, with the class of each stance
var classes = ["DEMAND", "PROPOSE", "SUPPORT", "ASSERT", "OPPOSE", "DENY"];
for (var i = 0; i < classes.length; i++) {
  g.V(args[0]).Out("<sg:" + classes[i] + ">", "class").Save("<rdfs:label>", "position").All();
}
