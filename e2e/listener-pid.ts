import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The pid of the process listening on 127.0.0.1:port whose command line contains `marker`
 * (Linux /proc). The stack started that process for this suite; the e2e test stops it to see
 * how the app behaves when the API's backend is down.
 */
export function listenerPid(port: number, marker: string): number {
  const inodes = new Set<string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    // local_address is HEXIP:HEXPORT; state 0A = LISTEN.
    if (
      cols[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`) &&
      cols[3] === '0A'
    ) {
      inodes.add(cols[9] ?? '');
    }
  }
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(marker)) continue;
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  throw new Error(`no process matching ${marker} listens on port ${port}`);
}
