#!/usr/bin/env node
// The peers of the batch benchmark, each over the articles of a JSON Lines
// corpus ({"id", "text"} per line) in one process, one article after the
// other, as a user of each library would write it:
//
//   compromise  nlp(text), then its people and its quotations
//               (.people().out('array'), .quotations().out('array'))
//   wink        wink-nlp with wink-eng-lite-web-model: readDoc(text), then
//               its tokens, sentences and entities (with their types)
//
// The results of each article are turned into JSON (as nutgraf writes a
// record), so that nothing is skipped. Prints one JSON line: articles, bytes
// of text, seconds of the loop alone (loading the library and its model and
// reading the corpus are left out, to the peers' advantage).
//
// usage: node peers-run.js compromise|wink CORPUS.jsonl
// NODE_PATH must hold the packages (bench/batch-bench.sh installs them into
// bench/scratch; they are never a dependency of nutgraf).
const fs = require('node:fs');

const [tool, corpus] = process.argv.slice(2);
const texts = fs.readFileSync(corpus, 'utf-8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);

let extract;
if (tool === 'compromise') {
  const nlp = require('compromise');
  extract = (text) => {
    const doc = nlp(text);
    return { people: doc.people().out('array'), quotes: doc.quotations().out('array') };
  };
} else if (tool === 'wink') {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  extract = (text) => {
    const doc = nlp.readDoc(text);
    return {
      tokens: doc.tokens().out(),
      sentences: doc.sentences().out(),
      entities: doc.entities().out(its.detail),
    };
  };
} else {
  console.error('usage: node peers-run.js compromise|wink CORPUS.jsonl');
  process.exit(2);
}

let bytes = 0;
for (const t of texts) bytes += Buffer.byteLength(t, 'utf-8');
let outBytes = 0;
const t0 = process.hrtime.bigint();
for (const t of texts) outBytes += JSON.stringify(extract(t)).length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool, articles: texts.length, bytes, seconds, out_bytes: outBytes }));
