'use strict';
// Times json-rules-engine on a catalogue for one profile and prints one JSON line.
// node run.js --catalogue FILE [--requests FILE] [--profile 0] [--seconds 5] [--min-runs 10] [--expected FILE]
const fs = require('fs');
const path = require('path');
const { buildEngine, match } = require('./rules');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const catalogue = JSON.parse(fs.readFileSync(args.catalogue, 'utf8'));
const requestsFile = args.requests || path.join(__dirname, '..', 'profiles', 'match-requests.ndjson');
const requests = fs.readFileSync(requestsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const request = requests[+(args.profile || 0)];
const limit = request.limit || 20;
const seconds = +(args.seconds || 5);
const minRuns = +(args['min-runs'] || 10);

(async () => {
  const built0 = process.hrtime.bigint();
  const built = buildEngine(catalogue.programmes);
  const buildMs = Number(process.hrtime.bigint() - built0) / 1e6;
  // Warm-up: the JIT and the engine's caches, as the C# benchmark's warm-up does.
  let result;
  for (let i = 0; i < 3; i++) result = await match(built, request, limit);
  const times = [];
  const until = Date.now() + seconds * 1000;
  while (times.length < minRuns || Date.now() < until) {
    const t0 = process.hrtime.bigint();
    result = await match(built, request, limit);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const out = {
    engine: `json-rules-engine ${require('json-rules-engine/package.json').version}`,
    node: process.version,
    programmes: catalogue.programmes.length,
    buildMs: +buildMs.toFixed(1),
    runs: times.length,
    meanMs: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3),
    medianMs: +times[Math.floor(times.length / 2)].toFixed(3),
    minMs: +times[0].toFixed(3),
    counts: result.counts,
    top: result.top,
  };
  if (args.expected) {
    // Every bench profile, once: the peer must give the matcher's counts and ranking.
    const expected = JSON.parse(fs.readFileSync(args.expected, 'utf8')).profiles;
    out.disagreements = [];
    for (let i = 0; i < requests.length; i++) {
      const r = await match(built, requests[i], requests[i].limit || 20);
      if (JSON.stringify(expected[i].counts) !== JSON.stringify(r.counts) || expected[i].top.join() !== r.top.join()) {
        out.disagreements.push({ profile: i, expected: expected[i], actual: r });
      }
    }
    out.agrees = out.disagreements.length === 0;
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
