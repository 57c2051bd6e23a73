#!/usr/bin/env node
// A load generator built on the official TypeScript SDK's Client: the neutral client of the gateway
// comparison. Same options, same semantics and the same JSON line as the Java load generator
// (dev.switchboard.bench.load.LoadGenerator):
//
//   node load-ts.mjs (--url URL | --command "CMD ARGS" | -- CMD ARGS...) [options]
//     --sessions N        concurrent MCP sessions, each calling the tool in a loop (default 1, 1..1024)
//     --duration D        measured time: 10s, 500ms, 2m, or seconds (default 10s, at most 10m)
//     --warmup D          unmeasured time before it (default 2s, at most 5m; 0 for none)
//     --max-calls N       most measured calls, and most warm-up calls (default 1000000)
//     --tool NAME         the tool to call (default echo)
//     --args JSON         its arguments, a JSON object (default {"message":"hi"})
//     --expect TEXT       a call succeeds only when its first text content contains TEXT
//     --cold              a new session per call: connect, initialize, call, terminate, close
//     --idle              open the sessions, make no calls, hold them for warm-up + duration
//                         (up to 10000 sessions; with --watch-pid: the target's memory)
//     --call-timeout D    a call or a connect slower than this fails (default 10s)
//     --watch-pid PID     report that process's CPU time per call and memory (Linux /proc)
//     --label TEXT        copied into the JSON line
//     --quiet             print only the JSON line
//
// A call is measured when it ends after the warm-up; no call starts after the end or beyond the
// call budget of the phase it starts in. Pooled, a session that failed in a way that may have broken it is
// replaced; after any failure the session waits 20 ms. Error kinds: timeout, http-STATUS,
// transport, jsonrpcCODE (jsonrpc-32602), tool-error, unexpected-answer, other; "connect:" in front when opening
// the session failed. Exit status: 0 when the run measured, 1 when no session could be opened, 2 on
// bad usage, 3 past the hard deadline (warm-up + duration + 3 call timeouts + 60 s).
//
//   node load-ts.mjs --stdin   one run per line of standard input (options separated by tabs), only
//                              the JSON lines printed, until the input ends
import { performance } from 'node:perf_hooks';
import { setMaxListeners } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';

// The SDK adds an 'abort' listener per request to long-lived signals; do not warn about it.
setMaxListeners(0);

const USAGE = `usage: node load-ts.mjs (--url URL | --command "CMD ARGS" | -- CMD ARGS...) [--sessions N]
  [--duration D] [--warmup D] [--max-calls N] [--tool NAME] [--args JSON] [--expect TEXT] [--cold]
  [--idle] [--call-timeout D] [--watch-pid PID] [--label TEXT] [--quiet]`;

export function parseDuration(name, value) {
  const v = String(value).trim().toLowerCase();
  let ms = NaN;
  if (/^\d+ms$/.test(v)) ms = parseInt(v, 10);
  else if (/^\d+(\.\d+)?m$/.test(v)) ms = Math.round(parseFloat(v) * 60000);
  else if (/^\d+(\.\d+)?s?$/.test(v)) ms = Math.round(parseFloat(v) * 1000);
  if (!Number.isFinite(ms)) throw new Error(`${name}: ${value} (expected: a duration such as 500ms, 3s or 2m)`);
  return ms;
}

function parseInteger(name, value) {
  const v = String(value).replaceAll('_', '');
  if (!/^-?\d+$/.test(v)) throw new Error(`${name}: ${value} (expected: an integer)`);
  return Number(v);
}

function requireRange(name, value, min, max) {
  if (value < min || value > max) throw new Error(`${name}: ${value} (expected: ${min}..${max})`);
}

export function parseArgs(argv) {
  const o = {
    url: null, command: [], sessions: 1, durationMs: 10000, warmupMs: 2000, maxCalls: 1_000_000,
    tool: 'echo', args: '{"message":"hi"}', expect: null, cold: false, idle: false, callTimeoutMs: 10000,
    watchPid: 0, label: '', quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--') { o.command = argv.slice(i + 1); break; }
    if (name === '--cold') { o.cold = true; continue; }
    if (name === '--idle') { o.idle = true; continue; }
    if (name === '--quiet') { o.quiet = true; continue; }
    if (i + 1 >= argv.length) throw new Error(`${name}: no value (expected: ${name} VALUE)`);
    const value = argv[++i];
    switch (name) {
      case '--url': o.url = value; break;
      case '--command': o.command = value.trim().split(/\s+/).filter((w) => w.length > 0); break;
      case '--sessions': o.sessions = parseInteger(name, value); break;
      case '--duration': o.durationMs = parseDuration(name, value); break;
      case '--warmup': o.warmupMs = parseDuration(name, value); break;
      case '--max-calls': o.maxCalls = parseInteger(name, value); break;
      case '--tool': o.tool = value; break;
      case '--args': o.args = value; break;
      case '--expect': o.expect = value; break;
      case '--call-timeout': o.callTimeoutMs = parseDuration(name, value); break;
      case '--watch-pid': o.watchPid = parseInteger(name, value); break;
      case '--label': o.label = value; break;
      default: throw new Error(`option: ${name} (expected: one of --help)`);
    }
  }
  if ((o.url === null) === (o.command.length === 0)) {
    throw new Error(`target: ${o.url === null ? 'none' : 'both'} (expected: --url URL or a stdio command)`);
  }
  if (o.url !== null && !/^https?:\/\//.test(o.url)) throw new Error(`--url: ${o.url} (expected: an http or https URL)`);
  requireRange('--sessions', o.sessions, 1, o.idle ? 10000 : 1024);
  if (o.idle && o.cold) throw new Error('--idle: with --cold (expected: one of them)');
  requireRange('--max-calls', o.maxCalls, 1, 1_000_000_000);
  requireRange('--duration', o.durationMs, 1, 600_000);
  requireRange('--warmup', o.warmupMs, 0, 300_000);
  requireRange('--call-timeout', o.callTimeoutMs, 1, 600_000);
  requireRange('--watch-pid', o.watchPid, 0, Number.MAX_SAFE_INTEGER);
  if (o.tool.trim() === '') throw new Error('--tool: "" (expected: a tool name)');
  let parsed;
  try { parsed = JSON.parse(o.args); } catch { parsed = null; }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`--args: ${o.args} (expected: a JSON object)`);
  }
  o.argsJson = parsed;
  return o;
}

// ---------------------------------------------------------------- /proc (Linux only; else -1)

const CLK_TCK = (() => {
  try { return parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }), 10) || 100; } catch { return 100; }
})();

function statusKb(pid, field) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(field + ':'));
    return line ? parseInt(line.slice(field.length + 1).trim(), 10) : -1;
  } catch { return -1; }
}

function statFields(pid) {
  // the command name (field 2) may hold spaces and parentheses: split after its last ')'
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' '); // [0] is field 3 (state)
}

function cpuNanos(pid) {
  try {
    const f = statFields(pid);
    return ((Number(f[11]) + Number(f[12])) * 1e9) / CLK_TCK; // utime, stime: fields 14, 15
  } catch { return -1; }
}

function processTree(pid) {
  const children = new Map();
  let entries = [];
  try { entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e)); } catch { return []; }
  for (const e of entries) {
    try {
      const ppid = Number(statFields(e)[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch { /* exited meanwhile */ }
  }
  const tree = [];
  const queue = [pid];
  while (queue.length > 0 && tree.length < 100_000) {
    const p = queue.shift();
    tree.push(p);
    for (const c of children.get(p) ?? []) queue.push(c);
  }
  return statusKb(pid, 'VmRSS') < 0 ? [] : tree;
}

function startWatch(pid) {
  const cpuStart = cpuNanos(pid);
  const rssStart = statusKb(pid, 'VmRSS');
  let rssMax = rssStart;
  const timer = setInterval(() => { rssMax = Math.max(rssMax, statusKb(pid, 'VmRSS')); }, 200);
  return () => {
    clearInterval(timer);
    const cpuEnd = cpuNanos(pid);
    rssMax = Math.max(rssMax, statusKb(pid, 'VmRSS'));
    const tree = processTree(pid);
    let treeRss = -1;
    for (const p of tree) {
      const kb = statusKb(p, 'VmRSS');
      if (kb >= 0) treeRss = Math.max(treeRss, 0) + kb;
    }
    return {
      pid, cpuNanos: cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart,
      rssStart, rssMax, treeRss, treeProcesses: tree.length,
    };
  };
}

// ---------------------------------------------------------------- sessions and calls

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function failure(kind, error, sessionUsable) {
  const message = String((error && error.message) || error).replace(/[\r\n]+/g, ' ').slice(0, 300);
  return { kind, message, sessionUsable };
}

export function classify(error) {
  if (error instanceof McpError) {
    if (error.code === ErrorCode.RequestTimeout) return failure('timeout', error, false);
    if (error.code === ErrorCode.ConnectionClosed) return failure('transport', error, false);
    return failure(`jsonrpc${error.code}`, error, true);
  }
  if (error instanceof StreamableHTTPError && Number.isInteger(error.code) && error.code > 0) {
    return failure(`http-${error.code}`, error, false);
  }
  const text = String((error && error.message) || error);
  if (/timed? ?out/i.test(text)) return failure('timeout', error, false);
  if (error instanceof TypeError || /ECONN|EPIPE|socket|fetch failed|closed/i.test(text)) {
    return failure('transport', error, false);
  }
  return failure('other', error, false);
}

async function openSession(o) {
  const client = new Client({ name: 'switchboard-load-ts', version: '0.1.0' }, { capabilities: {} });
  client.onerror = () => {}; // stream errors surface as failed calls
  const transport = o.url !== null
    ? new StreamableHTTPClientTransport(new URL(o.url))
    : new StdioClientTransport({ command: o.command[0], args: o.command.slice(1), stderr: 'ignore' });
  try {
    await client.connect(transport, { timeout: o.callTimeoutMs });
  } catch (e) {
    await closeSession(o, { client, transport });
    throw e;
  }
  return { client, transport };
}

async function closeSession(o, session) {
  if (!session) return;
  const work = (async () => {
    try {
      if (session.transport instanceof StreamableHTTPClientTransport && session.transport.sessionId) {
        await session.transport.terminateSession(); // the DELETE, as the Java client sends on close
      }
    } catch { /* a 405 or a gone server: nothing to end */ }
    try { await session.client.close(); } catch { /* closing anyway */ }
  })();
  await Promise.race([work, sleep(Math.min(o.callTimeoutMs, 5000))]);
}

function judge(o, result) {
  if (result && result.isError) return failure('tool-error', 'isError: ' + JSON.stringify(result.content), true);
  if (o.expect !== null) {
    const text = (result && result.content && result.content[0] && result.content[0].text) || '';
    if (!String(text).includes(o.expect)) {
      return failure('unexpected-answer', `text: "${String(text).slice(0, 200)}" (expected: to contain "${o.expect}")`, true);
    }
  }
  return null;
}

async function call(o, session) {
  try {
    const result = await session.client.callTool({ name: o.tool, arguments: o.argsJson }, undefined,
      { timeout: o.callTimeoutMs });
    return judge(o, result);
  } catch (e) {
    return classify(e);
  }
}

function newTally() {
  return { latencies: [], failures: new Map(), firstError: null, warmupOk: 0, warmupFailed: 0, lastEnd: 0 };
}

function record(tally, measured, f, ms, stop) {
  if (!measured) {
    if (f === null) tally.warmupOk++; else tally.warmupFailed++;
    return;
  }
  if (f === null) tally.latencies.push(ms);
  else {
    tally.failures.set(f.kind, (tally.failures.get(f.kind) ?? 0) + 1);
    if (tally.firstError === null) tally.firstError = `${f.kind}: ${f.message}`;
  }
  tally.lastEnd = Math.max(tally.lastEnd, stop);
}

async function worker(o, win, tally, initial) {
  let session = initial;
  while (true) {
    const start = performance.now();
    if (start >= win.end || win.stopped) break;
    const measured = start >= win.measureStart;
    const budget = measured ? 'measureLeft' : 'warmupLeft';
    if (win[budget]-- <= 0) {
      if (measured) break;
      await sleep(Math.max(0, win.measureStart - start));
      continue;
    }
    let f;
    if (o.cold) {
      let s = null;
      try { s = await openSession(o); } catch (e) { f = { ...classify(e), kind: 'connect:' + classify(e).kind }; }
      if (s !== null) {
        f = await call(o, s);
        await closeSession(o, s);
      }
    } else {
      if (session === null) {
        try { session = await openSession(o); } catch (e) { f = { ...classify(e), kind: 'connect:' + classify(e).kind }; }
      }
      if (session !== null) {
        f = await call(o, session);
        if (f !== null && !f.sessionUsable) {
          const broken = session;
          session = null;
          closeSession(o, broken);
        }
      }
    }
    const stop = performance.now();
    record(tally, stop >= win.measureStart, f, stop - start, stop);
    if (f !== null) await sleep(20);
  }
  return session;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[Math.min(sorted.length, rank) - 1] * 1000);
}

const round = (v, digits) => Math.round(v * 10 ** digits) / 10 ** digits;

function result(o, tally, extra) {
  const lat = tally.latencies.sort((a, b) => a - b);
  const measuredS = extra.measuredMs / 1000;
  const calls = lat.length;
  const errors = [...tally.failures.values()].reduce((a, b) => a + b, 0);
  const w = extra.watch;
  return {
    client: 'ts', label: o.label, target: o.url ?? 'stdio:' + o.command.join(' '),
    mode: o.cold ? 'cold' : o.idle ? 'idle' : 'pooled',
    tool: o.tool, sessions: o.sessions, warmup_s: o.warmupMs / 1000, duration_s: round(measuredS, 3),
    calls, errors, calls_per_s: measuredS > 0 ? round(calls / measuredS, 1) : 0,
    p50_us: percentile(lat, 50), p90_us: percentile(lat, 90), p99_us: percentile(lat, 99),
    max_us: calls ? Math.round(lat[calls - 1] * 1000) : null,
    mean_us: calls ? Math.round((lat.reduce((a, b) => a + b, 0) / calls) * 1000) : null,
    errors_by_kind: Object.fromEntries([...tally.failures.entries()].sort()),
    error_sample: tally.firstError, warmup_calls: tally.warmupOk, warmup_errors: tally.warmupFailed,
    connect_ms: extra.connectMs === null ? null : round(extra.connectMs, 1), stuck_sessions: extra.stuck,
    open_sessions: extra.open,
    client_cpu_us_per_call: calls && extra.cpuMicros >= 0 ? round(extra.cpuMicros / calls, 1) : -1,
    watch: w ? {
      pid: w.pid, cpu_us_per_call: w.cpuNanos >= 0 && calls ? round(w.cpuNanos / 1000 / calls, 1) : -1,
      cores: w.cpuNanos >= 0 && measuredS > 0 ? round(w.cpuNanos / 1e9 / measuredS, 2) : -1,
      rss_kb_start: w.rssStart, rss_kb_max: w.rssMax, tree_rss_kb: w.treeRss, tree_processes: w.treeProcesses,
    } : null,
    wall_s: round(extra.wallMs / 1000, 2),
    ...(extra.error ? { error: extra.error } : {}),
  };
}

function describe(r) {
  const lines = [
    `target=${r.target} mode=${r.mode} sessions=${r.sessions} tool=${r.tool} measured=${r.duration_s}s`,
    `calls=${r.calls} errors=${r.errors} calls/s=${r.calls_per_s}`,
    `latency us: p50=${r.p50_us} p90=${r.p90_us} p99=${r.p99_us} max=${r.max_us}`,
  ];
  if (r.errors > 0) lines.push(`errors by kind: ${JSON.stringify(r.errors_by_kind)}`, `first error: ${r.error_sample}`);
  if (r.error) lines.push(`error: ${r.error}`);
  return lines.join('\n');
}

async function settleWithin(promises, ms) {
  let timer;
  const deadline = new Promise((resolve) => { timer = setTimeout(() => resolve('deadline'), ms); });
  const outcomes = await Promise.all(promises.map((p) => Promise.race([p.then((v) => ({ v }), () => ({ v: null })), deadline])));
  clearTimeout(timer);
  return outcomes;
}

async function holdIdle(o, sessions, started, connectMs) {
  const t0 = performance.now();
  const stopWatch = o.watchPid > 0 ? startWatch(o.watchPid) : null;
  await sleep(o.warmupMs + o.durationMs);
  const watch = stopWatch ? stopWatch() : null;
  const open = sessions.filter((s) => s !== null);
  const heldMs = performance.now() - t0;
  await settleWithin(open.map((s) => closeSession(o, s)), o.callTimeoutMs + 5000);
  return result(o, newTally(), { measuredMs: heldMs, connectMs, stuck: 0, open: open.length, cpuMicros: -1, watch,
    wallMs: performance.now() - started, error: null });
}

async function run(o) {
  const started = performance.now();
  let sessions = Array(o.sessions).fill(null);
  let connectMs = null;
  let firstFailure = null;
  if (!o.cold) {
    const opening = sessions.map(() => openSession(o).catch((e) => {
      firstFailure ??= `connect:${classify(e).kind}: ${classify(e).message}`;
      return null;
    }));
    const outcomes = await settleWithin(opening, o.callTimeoutMs + 5000);
    sessions = outcomes.map((x) => (x === 'deadline' ? null : x.v));
    connectMs = performance.now() - started;
    if (sessions.every((s) => s === null)) {
      return result(o, newTally(), { measuredMs: 0, connectMs, stuck: 0, open: 0, cpuMicros: -1, watch: null,
        wallMs: performance.now() - started, error: 'all connects failed: ' + (firstFailure ?? 'deadline') });
    }
  }
  if (o.idle) return holdIdle(o, sessions, started, connectMs);
  const now = performance.now();
  const win = { measureStart: now + o.warmupMs, end: now + o.warmupMs + o.durationMs, stopped: false,
    warmupLeft: o.maxCalls, measureLeft: o.maxCalls };
  const tallies = sessions.map(() => newTally());
  const running = sessions.map((s, i) => worker(o, win, tallies[i], s));
  await sleep(o.warmupMs);
  const cpuBefore = process.cpuUsage();
  const stopWatch = o.watchPid > 0 ? startWatch(o.watchPid) : null;
  const outcomes = await settleWithin(running, win.end - performance.now() + o.callTimeoutMs + 5000);
  win.stopped = true;
  const cpu = process.cpuUsage(cpuBefore);
  const watch = stopWatch ? stopWatch() : null;
  const stuck = outcomes.filter((x) => x === 'deadline').length;
  const total = newTally();
  for (const t of tallies) {
    for (const v of t.latencies) total.latencies.push(v);
    for (const [k, n] of t.failures) total.failures.set(k, (total.failures.get(k) ?? 0) + n);
    total.firstError ??= t.firstError;
    total.warmupOk += t.warmupOk;
    total.warmupFailed += t.warmupFailed;
    total.lastEnd = Math.max(total.lastEnd, t.lastEnd);
  }
  const remaining = outcomes.filter((x) => x !== 'deadline' && x.v).map((x) => x.v);
  await settleWithin(remaining.map((s) => closeSession(o, s)), o.callTimeoutMs + 5000);
  const any = total.latencies.length + total.failures.size > 0;
  return result(o, total, {
    measuredMs: any ? total.lastEnd - win.measureStart : o.durationMs, connectMs, stuck, open: remaining.length,
    cpuMicros: cpu.user + cpu.system, watch, wallMs: performance.now() - started, error: null,
  });
}

function startDeadline(o) {
  const hardMs = o.warmupMs + o.durationMs + 3 * o.callTimeoutMs + 60000;
  const timer = setTimeout(() => {
    console.log(JSON.stringify({ client: 'ts', label: o.label, error: `hard deadline ${hardMs / 1000} s reached` }));
    process.exit(3);
  }, hardMs);
  timer.unref();
  return timer;
}

// --stdin: one run per line of standard input (the options separated by tabs), only the JSON lines
// printed, until the input ends; the comparison script keeps one process, as it does for Java.
async function serveStdin() {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let o;
    try { o = parseArgs(line.split('\t')); } catch (e) {
      console.log(JSON.stringify({ client: 'ts', error: e.message }));
      continue;
    }
    const timer = startDeadline(o);
    const r = await run(o);
    clearTimeout(timer);
    console.log(JSON.stringify(r));
  }
  process.exit(0);
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) { console.log(USAGE); process.exit(0); }
  if (argv.length === 1 && argv[0] === '--stdin') { await serveStdin(); return; }
  let o;
  try { o = parseArgs(argv); } catch (e) {
    console.error(`load-ts: ${e.message}`);
    console.error(USAGE);
    process.exit(2);
  }
  startDeadline(o);
  const r = await run(o);
  if (!o.quiet) console.log(describe(r));
  console.log(JSON.stringify(r));
  process.exit(r.error ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.log(JSON.stringify({ client: 'ts', error: String((e && e.stack) || e) }));
    process.exit(1);
  });
}
