// Child processes for the local stack: each in its own process group so stop() takes its
// children (npx, ng's workers) with it, and a ready line or an early exit settles the start.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { createServer } from 'node:net';
import { portHolder } from './port-holder.ts';

export class ProcessStartError extends Error {
  override readonly name = 'ProcessStartError';
}

export interface Managed {
  name: string;
  child: ChildProcess;
  /** First match of the ready pattern. */
  ready: RegExpMatchArray;
  /** Settles when the process exits without stop() having been called: a crash. */
  crashed: Promise<string>;
  stop(): Promise<void>;
}

/** How to start a process: its command line, and the output line that says it is ready. */
export interface StartRecipe {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Added to this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  ready: RegExp;
  timeoutMs?: number;
  /** Echo output lines with a name prefix: all of them, or only stderr (where our servers log). */
  echo?: boolean | 'stderr';
  /** Aborting stops the process, also while it is still starting. */
  signal?: AbortSignal;
}

/** Every child still running, so a dying parent can take them along (see stopAllNow). */
const live = new Set<ChildProcess>();

/**
 * Synchronous last resort for `process.on('exit')`: each child leads its own process group, so a
 * terminal's Ctrl-C never reaches it; without this, a parent that dies mid-start leaves orphans.
 */
export function stopAllNow(): void {
  for (const child of live) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * Kills the process groups it was told about once its stdin closes, which happens however this
 * process ends, SIGKILL included: the children lead their own groups (so a terminal's Ctrl-C
 * reaches only us) and would otherwise outlive us. A POSIX shell, not a second Node process.
 * Lines are `+<pgid>` (started) and `-<pgid>` (gone on its own or stopped).
 */
const REAPER = `
groups=' '
while IFS= read -r line; do
  case "$line" in
    +*) groups="$groups\${line#+} " ;;
    -*) groups=$(printf '%s' "$groups" | sed "s/ \${line#-} / /") ;;
  esac
done
for g in $groups; do kill -TERM -- "-$g" 2>/dev/null; done
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  alive=
  for g in $groups; do kill -0 -- "-$g" 2>/dev/null && alive=1; done
  [ -z "$alive" ] && exit 0
  sleep 0.25
done
for g in $groups; do kill -KILL -- "-$g" 2>/dev/null; done
`;

let reaperInput: Writable | undefined;

function tellReaper(line: string): void {
  if (!reaperInput) {
    const reaper = spawn('sh', ['-c', REAPER], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    reaper.unref();
    reaperInput = reaper.stdin!;
    // The pipe must not keep this process alive; it closes when this process ends.
    (reaperInput as Writable & { unref?: () => void }).unref?.();
    reaperInput.on('error', () => {});
  }
  reaperInput.write(`${line}\n`);
}

/** The last lines a process wrote, to say why it stopped. */
function tail(output: string[], lines = 5): string {
  return output
    .join('')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-lines)
    .map((l) => `  ${l}`)
    .join('\n');
}

export function startProcess(recipe: StartRecipe): Promise<Managed> {
  const child = spawn(recipe.command, recipe.args, {
    cwd: recipe.cwd,
    env: { ...process.env, ...recipe.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  if (child.pid) tellReaper(`+${child.pid}`);
  const output: string[] = [];
  let stopping = false;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code !== null ? `exit code ${code}` : `signal ${signal}`);
    }),
  );
  const crashed = exited.then(
    (how) =>
      new Promise<string>((resolve) => {
        const last = tail(output);
        if (!stopping)
          resolve(
            `${recipe.name} stopped on its own (${how})${last ? `; its last output:\n${last}` : ''}`,
          );
      }),
  );
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
    // The group may outlive its leader (e.g. workers): make sure it is gone.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    tellReaper(`-${child.pid}`);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return void stop();
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(new ProcessStartError(`${recipe.name}: start aborted`));
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop();
      reject(
        new ProcessStartError(
          `${recipe.name} not ready after ${recipe.timeoutMs ?? 60000} ms:\n${output.join('')}`,
        ),
      );
    }, recipe.timeoutMs ?? 60000);
    const onData = (chunk: Buffer, fromStderr: boolean) => {
      const text = chunk.toString();
      output.push(text);
      if (output.length > 200) output.shift();
      if (recipe.echo === true || (recipe.echo === 'stderr' && fromStderr)) {
        for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
          process.stderr.write(`[${recipe.name}] ${line}\n`);
        }
      }
      if (settled) return;
      // eslint-disable-next-line no-control-regex
      const m = output
        .join('')
        .replace(/\u001b\[[0-9;]*m/g, '')
        .match(recipe.ready);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ name: recipe.name, child, ready: m, crashed, stop });
      }
    };
    child.stdout!.on('data', (chunk: Buffer) => onData(chunk, false));
    child.stderr!.on('data', (chunk: Buffer) => onData(chunk, true));
    if (recipe.signal?.aborted) onAbort();
    recipe.signal?.addEventListener('abort', onAbort, { once: true });
    void exited.then(() => recipe.signal?.removeEventListener('abort', onAbort));
    child.once('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        new ProcessStartError(
          `${recipe.name} exited (${code ?? signal}) before it was ready:\n${output.join('')}`,
        ),
      );
    });
  });
}

/** A port that was free a moment ago (for tools that cannot report the port they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails clearly when a fixed port is taken (a second `npm start`), naming the holder if known. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const server = createServer();
    server.once('error', resolve);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(null)));
  });
  if (!error) return;
  if (error.code !== 'EADDRINUSE') {
    throw new ProcessStartError(`port ${port} (${what}): ${error.message}`);
  }
  const holder = await portHolder(port);
  throw new ProcessStartError(
    holder
      ? `port ${port} (${what}) is already in use by pid ${holder.pid} (${holder.command}): ` +
          'stop it, or run npm start -- --free-ports'
      : `port ${port} (${what}) is already in use: is another npm start running? ` +
          '(npm start -- --free-ports picks free ports)',
  );
}
