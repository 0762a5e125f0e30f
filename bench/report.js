'use strict';
// Reads one bench/run.sh result folder and prints the summary table (Markdown) with the targets.
// node bench/report.js bench/results/latest
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || path.join(__dirname, 'results', 'latest');
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const exists = (name) => fs.existsSync(path.join(dir, name));

const fmtTime = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);
const fmtBytes = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b} B`);
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const ms = (us) => `${(us / 1000).toFixed(1)} ms`;
const yes = (ok) => (ok ? 'met' : '**not met**');

const lines = [];
const say = (s = '') => lines.push(s);
const machine = read('machine.json');
const after = exists('after.json') ? read('after.json') : {};
say(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; .NET SDK ${machine.dotnet}, Node ${machine.node}, wrk ${machine.wrk}.`);
say(`Load average before: ${machine.loadBefore}; after: ${after.loadAfter || '?'}. ${machine.started} to ${after.finished || '?'}${machine.quick ? ' (QUICK RUN: not for publishing)' : ''}.`);
say();

// ---- 1. BenchmarkDotNet
const bdnDir = path.join(dir, 'bdn', 'results');
const bdnFile = fs.readdirSync(bdnDir).find((f) => f.endsWith('-report-full-compressed.json') || f.endsWith('-report-full.json'));
const bdn = JSON.parse(fs.readFileSync(path.join(bdnDir, bdnFile), 'utf8'));
const rows = new Map();
for (const b of bdn.Benchmarks) {
  const size = +b.Parameters.replace(/.*Programmes=(\d+).*/, '$1');
  if (!rows.has(size)) rows.set(size, {});
  rows.get(size)[b.MethodTitle] = { mean: b.Statistics.Mean, error: b.Statistics.StandardError, bytes: b.Memory.BytesAllocatedPerOperation };
}
const sizes = [...rows.keys()].sort((a, b) => a - b);
say('### 1. Matcher, one profile (Münster MSO), BenchmarkDotNet');
say();
say('| Programmes | Lower bound | Match, limit 0 | Match, limit 10 | Ratio | per programme | Match, limit 200 | Allocated: lower bound | limit 0 | limit 10 | limit 200 |');
say('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const size of sizes) {
  const r = rows.get(size);
  const lb = r.LowerBound, m0 = r.Match_limit0, m10 = r.Match_limit10, m200 = r.Match_limit200;
  say(`| ${fmtInt(size)} | ${fmtTime(lb.mean)} | ${fmtTime(m0.mean)} | ${fmtTime(m10.mean)} | ${(m10.mean / lb.mean).toFixed(2)}x | ${fmtTime(m10.mean / size)} | ${fmtTime(m200.mean)} | ${fmtBytes(lb.bytes)} | ${fmtBytes(m0.bytes)} | ${fmtBytes(m10.bytes)} | ${fmtBytes(m200.bytes)} |`);
}
say();

// ---- 2. peer
say('### 2. Peer: the same rules in json-rules-engine on Node, same profile');
say();
say('| Programmes | FoerderFinder matcher, limit 10 | json-rules-engine, median (mean) | Ratio | Same answers (8 profiles) |');
say('|---:|---:|---:|---:|:---|');
const peerRatios = {};
for (const size of sizes) {
  if (!exists(`peer-${size}.json`)) continue;
  const p = read(`peer-${size}.json`);
  const ours = rows.get(size).Match_limit10.mean;
  const ratio = (p.medianMs * 1e6) / ours;
  peerRatios[size] = ratio;
  say(`| ${fmtInt(size)} | ${fmtTime(ours)} | ${p.medianMs.toFixed(2)} ms (${p.meanMs.toFixed(2)} ms, ${p.runs} runs) | ${fmtInt(ratio)}x | ${p.agrees ? 'yes' : 'NO'} |`);
}
say();

// ---- 3. HTTP
const http = read('http.json');
say(`### 3. HTTP on loopback, wrk ${http.threads} threads, ${http.connections} connections, ${http.durationS} s each (DevHost Release, real catalogue in Azurite)`);
say();
say('| Endpoint | Requests/s | p50 | p90 | p99 | max | Errors | Answer size |');
say('|---|---:|---:|---:|---:|---:|---:|---:|');
const errors = (e) => e.connect + e.read + e.write + e.status + e.timeout;
// wrk counts the bytes of whole responses, headers included.
const httpRow = (name, r) => say(`| ${name} | ${fmtInt(r.rps)} | ${ms(r.latencyUs.p50)} | ${ms(r.latencyUs.p90)} | ${ms(r.latencyUs.p99)} | ${ms(r.latencyUs.max)} | ${errors(r.errors)} | ${fmtBytes(Math.round(r.bytes / r.requests))} |`);
httpRow('GET /api/health (ceiling)', http.health);
httpRow('POST /api/match, rotating profiles', http.match);
if (http.soak) httpRow(`POST /api/match, next ${http.soakS} s (soak)`, http.soak);
if (http.matchOneResult) httpRow('POST /api/match, same profiles with limit 1', http.matchOneResult);
const share = http.match.rps / http.health.rps;
const rssGrowth = http.rssKb.atEnd / http.rssKb.at10s;
say();
const kib = bytes => `${(bytes / 1024).toFixed(1)} KiB`;
if (exists('requestcost.json')) {
  const c = read('requestcost.json');
  say(`Where one match request's time goes, in process on one core (the 8 profiles, real catalogue, ${c.results} results and ${(c.responseBytes / 1024).toFixed(1)} KiB of JSON per answer on average): `
    + `read the body ${c.parseUs} µs, first pass ${c.firstPassUs} µs, explanations ${c.explainUs} µs, write the answer (messages rendered, JSON, UTF-8) ${c.writeUs} µs; ${c.totalUs} µs in all before HTTP.`
    + ` Allocated per request: body ${kib(c.allocatedBytes.parse)}, match with explanations ${kib(c.allocatedBytes.match)}, answer ${kib(c.allocatedBytes.write)}.`
    + ` Of ${c.criteria} criteria per answer, ${c.sharedCriteria} read alike for every profile with that outcome and are written from their kept JSON.`);
  say();
}
const oneResultShare = http.matchOneResult ? ` (with limit 1: ${(http.matchOneResult.rps / http.health.rps * 100).toFixed(1)} %)` : '';
say(`Match throughput is ${(share * 100).toFixed(1)} % of the health ceiling${oneResultShare}. Working set (VmRSS) of the host: ${(http.rssKb.at10s / 1024).toFixed(0)} MiB after 10 s of match load, ${(http.rssKb.atEnd / 1024).toFixed(0)} MiB after ${(http.rssKb.endMs / 1000).toFixed(0)} s (${((rssGrowth - 1) * 100).toFixed(1)} %).`);
say();

// ---- 4. start-up
const cold1 = read('coldstart-1000.json');
const cold10 = exists('coldstart-10000.json') ? read('coldstart-10000.json') : null;
const load = read('load-10000.json');
say('### 4. Start-up against Azurite');
say();
say('| What | Median | Runs |');
say('|---|---:|---:|');
say(`| Process start to listening (TCP port open) | ${fmtInt(cold1.medianListeningMs)} ms | |`);
say(`| Process start to first successful match, 1,000 programmes | ${fmtInt(cold1.medianFirstMatchMs)} ms | ${cold1.firstMatchMs.join(', ')} ms |`);
if (cold10) say(`| Process start to first successful match, 10,000 programmes | ${fmtInt(cold10.medianFirstMatchMs)} ms | ${cold10.firstMatchMs.join(', ')} ms |`);
say(`| Load 10,000 programmes (TableCatalogueStore.LoadAsync) | ${fmtInt(load.medianLoadMs)} ms | ${load.loadsMs.join(', ')} ms (first includes JIT) |`);
say(`| Build the snapshot of 10,000 (matcher's compiled form included) | ${load.medianSnapshotMs} ms | first ${load.firstSnapshotMs} ms |`);
say();

// ---- targets
const r10k = rows.get(10000);
// Linear growth: the cost of each further programme (the slope between two sizes) stays the same.
// A fixed part (explaining the 10 results, about 20 µs) does not count against it.
const slope = (method, a, b) => (rows.get(b)[method].mean - rows.get(a)[method].mean) / (b - a);
const slopes = [[1000, 10000], [10000, 100000]].filter(([a, b]) => rows.has(a) && rows.has(b));
const matchSlopes = slopes.map(([a, b]) => slope('Match_limit10', a, b));
const boundSlopes = slopes.map(([a, b]) => slope('LowerBound', a, b));
const linear = matchSlopes[matchSlopes.length - 1] / matchSlopes[0];
const boundLinear = boundSlopes[boundSlopes.length - 1] / boundSlopes[0];
const alloc10 = sizes.map((s) => rows.get(s).Match_limit10.bytes);
const allocSpread = Math.max(...alloc10) / Math.min(...alloc10);
// The first pass alone is what a match allocates for the catalogue; limit 10 adds the ten explanations,
// which differ with the programmes that come back (and how many of their criteria are shared).
const alloc0 = sizes.map((s) => rows.get(s).Match_limit0.bytes);
const alloc0Spread = Math.max(...alloc0) / Math.min(...alloc0);
const alloc200 = sizes.map((s) => rows.get(s).Match_limit200.bytes);
say('### Targets');
say();
say('| Target | Measured | |');
say('|---|---|---|');
say(`| Match at 10,000 programmes within 3x of the lower bound | ${(r10k.Match_limit10.mean / r10k.LowerBound.mean).toFixed(2)}x | ${yes(r10k.Match_limit10.mean / r10k.LowerBound.mean <= 3)} |`);
say(`| Time grows linearly with the catalogue | each further programme costs ${matchSlopes.map((t) => fmtTime(t)).join(' (1,000 to 10,000), then ')} (10,000 to 100,000): ${linear.toFixed(2)}x; the lower bound's own ${boundLinear.toFixed(2)}x | ${yes(linear <= 1.5)} |`);
say(`| Allocation grows with results returned, not with the catalogue | limit 0 (first pass alone): ${alloc0.map(fmtBytes).join(', ')} (largest/smallest ${alloc0Spread.toFixed(2)}x); limit 10: ${alloc10.map(fmtBytes).join(', ')} (${allocSpread.toFixed(2)}x); limit 200: ${alloc200.map(fmtBytes).join(', ')} | ${yes(alloc0Spread <= 1.5)} |`);
say(`| json-rules-engine peer | ${fmtInt(peerRatios[10000] || peerRatios[sizes[sizes.length - 1]])}x slower at ${peerRatios[10000] ? '10,000' : sizes[sizes.length - 1]} programmes | (reported) |`);
say(`| Match throughput at least 40 % of the health ceiling | ${(share * 100).toFixed(1)} % (${fmtInt(http.match.rps)} of ${fmtInt(http.health.rps)} req/s) | ${yes(share >= 0.4)} |`);
const allErrors = errors(http.match.errors) + errors(http.health.errors) + (http.soak ? errors(http.soak.errors) : 0)
  + (http.matchOneResult ? errors(http.matchOneResult.errors) : 0);
say(`| Zero errors | ${allErrors} | ${yes(allErrors === 0)} |`);
say(`| Match p99 under 50 ms | ${ms(http.match.latencyUs.p99)} | ${yes(http.match.latencyUs.p99 < 50000)} |`);
say(`| Working set after 60 s of load within 20 % of that after 10 s | ${((rssGrowth - 1) * 100).toFixed(1)} % | ${yes(Math.abs(rssGrowth - 1) <= 0.2)} |`);
say(`| Cold start to first match, 1,000 programmes | ${fmtInt(cold1.medianFirstMatchMs)} ms | (reported) |`);
say(`| Load of 10,000 programmes | ${fmtInt(load.medianLoadMs)} ms | (reported) |`);
console.log(lines.join('\n'));
