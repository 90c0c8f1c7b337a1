// wink.js reads every .txt file under a directory with wink-nlp and
// wink-eng-lite-web-model (tokenise, part-of-speech tags, entities) on one
// core and prints one JSON line: documents, bytes, sentences, tokens,
// entities, seconds. Usage: node wink.js DIR [RUNS]
'use strict';
const fs = require('fs');
const path = require('path');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const dir = process.argv[2];
const runs = Number(process.argv[3] || 1);
if (!dir) {
  console.error('usage: node wink.js DIR [RUNS]');
  process.exit(2);
}
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.txt')) files.push(p);
  }
})(dir);
files.sort();
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;
for (let r = 0; r < runs; r++) {
  let sentences = 0, tokens = 0, entities = 0;
  const t0 = process.hrtime.bigint();
  for (const t of texts) {
    const doc = nlp.readDoc(t);
    sentences += doc.sentences().length();
    const pos = doc.tokens().out(its.pos);
    tokens += pos.length;
    entities += doc.entities().length();
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(JSON.stringify({ documents: texts.length, bytes, sentences, tokens, entities, seconds: secs,
    sentences_per_s: sentences / secs, mb_per_s: bytes / 1048576 / secs }));
}
