import { RuntimeConfigError } from './runtime-config';

/**
 * Plain DOM, because Angular never starts without a usable configuration. textContent only: the
 * messages may contain text from the fetched file.
 */
export function showConfigError(error: unknown, doc: Document = document): void {
  const main = doc.createElement('main');
  main.className = 'config-error';
  main.setAttribute('role', 'alert');
  const h1 = doc.createElement('h1');
  h1.textContent = 'The app is not configured';
  const p = doc.createElement('p');
  p.textContent = error instanceof Error ? error.message : String(error);
  main.append(h1, p);
  if (error instanceof RuntimeConfigError && error.problems.length) {
    const ul = doc.createElement('ul');
    for (const problem of error.problems) {
      const li = doc.createElement('li');
      li.textContent = problem;
      ul.append(li);
    }
    main.append(ul);
  }
  const hint = doc.createElement('p');
  hint.textContent =
    'Run `npm start` (offline stack) or `scripts/outputs.sh <env>` (AWS) to write public/config.json.';
  main.append(hint);
  doc.body.replaceChildren(main);
}
