import { linkedSignal, signal, type WritableSignal } from '@angular/core';
import { authProblem, type AuthAction } from './auth-errors';
import type { AuthForm } from './auth-form';

export interface CodeResendSpec {
  /** Sends the code; resolves alike whether or not the account exists (code-requests.ts). */
  send: (username: string) => Promise<void>;
  /** What the status line says once sent: never where the code went, which would tell. */
  sent: string;
  /** How to describe a failure (see `authProblem`). */
  failed: AuthAction;
}

/**
 * "Send a new code" beside a code field: the username checked first by its field's own rule, one
 * send at a time, the outcome announced (role=status), a failure shown on its field or above the
 * buttons; one status line at a time, so what an earlier round said is cleared first.
 */
export class CodeResend {
  readonly busy = signal(false);
  /** What the last send did, announced; cleared by a new send, or by the form's submit or reset. */
  readonly status: WritableSignal<string>;

  constructor(
    private readonly form: AuthForm<string>,
    private readonly spec: CodeResendSpec,
  ) {
    this.status = linkedSignal({ source: form.rounds, computation: () => '' });
  }

  async run(): Promise<void> {
    if (this.busy()) return;
    const username = this.form.value('username').trim();
    this.form.failure.set(null);
    this.form.summary.set('');
    this.status.set('');
    const problem = this.form.problemOf('username');
    if (problem) {
      this.form.report({ field: 'username', message: problem });
      return;
    }
    this.busy.set(true);
    try {
      await this.spec.send(username);
      this.status.set(this.spec.sent);
    } catch (e) {
      this.form.report(authProblem(e, this.spec.failed));
    } finally {
      this.busy.set(false);
    }
  }
}
