// evidence ACTOR POSITION: the sentences, speakers, documents and dates behind ACTOR's stance on POSITION
g.V().Has("<sg:actor>", args[0]).Has("<sg:target>", args[1])
  .Save("<sg:class>", "class").Save("<sg:predicate>", "predicate").Save("<sg:sentence>", "sentence")
  .SaveOpt("<sg:date>", "date").SaveOpt("<sg:speaker>", "speaker").Save("<sg:document>", "document")
  .Save("<sg:confidence>", "confidence")
  .TagArray().forEach(function(t) {
    g.Emit({statement: t.id, "class": className(t["class"]), predicate: t.predicate,
      speaker: t.speaker ? label(t.speaker) : "", document: label(t.document), date: t.date || "",
      confidence: t.confidence, sentence: t.sentence});
  });
