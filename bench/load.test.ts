// Shortened load and fault run (the full one is `npm run load`): real gateway, Timer server and
// JWKS processes on 127.0.0.1. Robustness only; no timing assertions.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runLoadScenario, type LoadReport } from './lib/load-scenario.ts';

describe('gateway under load and faults (shortened)', { timeout: 60_000 }, () => {
  let report: LoadReport;
  before(async () => {
    report = await runLoadScenario({ requests: 2000, connections: 16 });
  });

  it('answers every authorized request with 2xx', () => {
    assert.deepEqual(report.load, { requests: 2000, errors: 0, timeouts: 0, non2xx: 0 });
  });

  it('keeps memory bounded and leaks no file descriptors', () => {
    // Short runs see GC noise, so the bound is looser than the full run's 20%.
    assert.ok(report.rss.growth < 0.5, `RSS grew ${(report.rss.growth * 100).toFixed(0)}%`);
    assert.ok(report.fds.end <= report.fds.afterWarmup + 4, JSON.stringify(report.fds));
  });

  it('answers 503 while the upstream is down and recovers, with nothing hanging', () => {
    const { statuses, errors, timeouts, recovered } = report.restart;
    assert.equal(errors, 0);
    assert.equal(timeouts, 0);
    assert.deepEqual(Object.keys(statuses).sort(), ['200', '503'], JSON.stringify(statuses));
    assert.ok(recovered);
  });

  it('keeps verifying with cached keys when the JWKS server is down; unknown kid is 401', () => {
    assert.deepEqual(report.jwksDown, { cachedKeyStatus: 200, newKidStatus: 401 });
  });

  it('answers each malformed request and survives them', () => {
    assert.deepEqual(report.malformed, {
      'header line without colon': 'HTTP/1.1 400 Bad Request',
      'huge header (64 KiB)': 'HTTP/1.1 431 Request Header Fields Too Large',
      'garbage request line': 'HTTP/1.1 400 Bad Request',
      'truncated body': 'HTTP/1.1 400 Bad Request',
      'bearer garbage': 'HTTP/1.1 401 Unauthorized',
    });
    assert.ok(report.gatewayAliveAtEnd);
  });
});
