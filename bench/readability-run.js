#!/usr/bin/env node
// Runs Mozilla's Readability (the engine of Firefox Reader View) over the
// pages of a JSON Lines file ({"id", "html", "url"} per line) in one process,
// as the article-extraction-benchmark runs it (jsdom, then
// Readability.parse(), then the article's textContent), and writes the
// predictions {id: {"articleBody": text}}.
//
// usage: node readability-run.js PAGES.jsonl PREDICTIONS.json
// NODE_PATH must hold @mozilla/readability and jsdom (bench/html-bench.sh
// installs them into bench/scratch; they are never a runtime dependency).
const { Readability } = require('@mozilla/readability');
const { JSDOM, VirtualConsole } = require('jsdom');
const fs = require('node:fs');

const [pagesPath, outPath] = process.argv.slice(2);
const out = {};
const quiet = new VirtualConsole(); // pages' CSS and script errors are not ours
for (const line of fs.readFileSync(pagesPath, 'utf-8').split('\n')) {
  if (!line) continue;
  const page = JSON.parse(line);
  let text = '';
  try {
    const dom = new JSDOM(page.html, { url: page.url || 'https://example.com/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    text = '';
  }
  out[page.id] = { articleBody: text };
}
fs.writeFileSync(outPath, JSON.stringify(out));
