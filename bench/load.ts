// npm run load: 20,000 authorized requests at 64 connections through the local gateway, then the
// faults (upstream restart under load, JWKS down, malformed requests, 30 oversized preflights at
// once). Loopback only, bounded.
import { PREFLIGHT_FLOOD, runLoadScenario } from './lib/load-scenario.ts';

const report = await runLoadScenario({
  requests: Number(process.env['LOAD_REQUESTS'] ?? 20_000),
  connections: Number(process.env['LOAD_CONNECTIONS'] ?? 64),
  log: (line) => console.error(`… ${line}`),
});
const checks: Array<[string, boolean]> = [
  [
    '0 errors, 0 timeouts, 0 non-2xx',
    !report.load.errors && !report.load.timeouts && !report.load.non2xx,
  ],
  [`RSS growth ${(report.rss.growth * 100).toFixed(1)}% < 20%`, report.rss.growth < 0.2],
  [
    `fds ${report.fds.afterWarmup} → ${report.fds.end} (no leak)`,
    report.fds.end <= report.fds.afterWarmup + 4,
  ],
  [
    `upstream restart: ${JSON.stringify(report.restart.statuses)}, recovered`,
    report.restart.recovered &&
      !report.restart.timeouts &&
      !report.restart.errors &&
      Object.keys(report.restart.statuses).every((code) => code === '200' || code === '503'),
  ],
  [
    `JWKS down: cached key ${report.jwksDown.cachedKeyStatus}, new kid ${report.jwksDown.newKidStatus}`,
    report.jwksDown.cachedKeyStatus === 200 && report.jwksDown.newKidStatus === 401,
  ],
  [
    `malformed: ${Object.values(report.malformed).join('; ')}`,
    Object.values(report.malformed).every((line) => /^HTTP\/1\.1 [45]\d\d /.test(line)),
  ],
  [
    `${PREFLIGHT_FLOOD} oversized preflights at once: ${JSON.stringify(report.preflightFlood.statuses)}, ` +
      `RSS +${(report.preflightFlood.growthBytes / 2 ** 20).toFixed(1)} MB < 50 MB`,
    report.preflightFlood.growthBytes < 50 * 2 ** 20 &&
      Object.keys(report.preflightFlood.statuses).every((line) =>
        /^HTTP\/1\.1 (413|503) /.test(line),
      ),
  ],
  ['gateway alive and serving at the end', report.gatewayAliveAtEnd],
];
console.log(JSON.stringify(report, null, 2));
for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
