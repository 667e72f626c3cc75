import { computed, signal } from '@angular/core';
import type { FieldTree } from '@angular/forms/signals';
import type { FormStatus } from '../ui/form-status';
import type { AuthAction } from './auth-errors';
import { authCall } from './auth-form';

export interface CodeResendSpec {
  /** Sends the code; resolves alike whether or not the account exists (code-requests.ts). */
  send: (username: string) => Promise<void>;
  /** What the status line says once sent: never where the code went, which would tell. */
  sent: string;
  /** How to describe a failure (see `authProblem`). */
  failed: AuthAction;
}

/**
 * "Send a new code" beside a code field: the username field alone submitted (its rule checked
 * first, its problem shown and focused as on any submit), one send at a time, the outcome
 * announced (role=status), a failure shown on its field or above the buttons; one status line at
 * a time, so what an earlier round said is cleared first, and by the form's next submit or reset.
 */
export class CodeResend {
  readonly busy = signal(false);
  /** The form's attempt in which a code was last sent. */
  private readonly sentIn = signal<number | null>(null);
  /** What the last send did, announced; only until the form is submitted or shown afresh. */
  readonly status = computed(() => (this.sentIn() === this.form.attempts() ? this.spec.sent : ''));

  constructor(
    private readonly username: FieldTree<string>,
    private readonly form: Pick<FormStatus<object>, 'submit' | 'attempts'>,
    private readonly spec: CodeResendSpec,
  ) {}

  async run(): Promise<void> {
    if (this.busy()) return;
    this.sentIn.set(null);
    this.busy.set(true);
    try {
      const send = async () => {
        await this.spec.send(this.username().value().trim());
        this.sentIn.set(this.form.attempts());
      };
      await this.form.submit(authCall(this.spec.failed, send), this.username);
    } finally {
      this.busy.set(false);
    }
  }
}
