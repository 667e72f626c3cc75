import { computed, ElementRef, inject, signal } from '@angular/core';
import { authProblem, type AuthAction, type AuthProblem } from './auth-errors';

export type Values<F extends string> = Record<F, string>;
export type Problems<F extends string> = Partial<Record<F, string>>;

export interface AuthFormSpec<F extends string> {
  /** Fields in the order a person meets them: the first failing one gets the focus. */
  fields: readonly F[];
  labels: Record<F, string>;
  initial?: Partial<Values<F>>;
  /** Each field's problem in plain words, from what the inputs hold. */
  rules: (values: Values<F>) => Problems<F>;
}

/**
 * The state of one auth form, the way the timer form keeps its own: values and errors in signals,
 * a field's error shown once the person left it or pressed submit, the service's errors on the
 * field they concern, and on a refused submit every failing field marked, the first focused and a
 * summary announced. The pages bind Ionic's `ion-input` web component to it, not @ionic/angular's
 * IonInput, which rewrites the `ion-invalid`/`ion-touched` classes at every keystroke.
 */
export class AuthForm<F extends string> {
  readonly values = signal<Values<F>>({} as Values<F>);
  readonly submitted = signal(false);
  readonly busy = signal(false);
  /** A problem that belongs to no field (announced with role=alert). */
  readonly failure = signal<string | null>(null);
  /** Announced with role=status: what a refused submit found, or what just happened. */
  readonly summary = signal('');
  /**
   * Goes up at each reset and each submit, so that what was said beside the form about the round
   * before (such as where a new code went) can be cleared with it.
   */
  readonly rounds = signal(0);
  private readonly touched = signal<ReadonlySet<F>>(new Set());
  /** The service's field errors, kept until the field is edited. */
  private readonly reported = signal<Problems<F>>({});
  readonly errors = computed<Problems<F>>(() => ({
    ...this.spec.rules(this.values()),
    ...this.reported(),
  }));

  constructor(
    private readonly spec: AuthFormSpec<F>,
    private readonly host: HTMLElement,
  ) {
    this.reset(spec.initial);
  }

  /** Back to a fresh form with these values, as when the page is shown again. */
  reset(initial: Partial<Values<F>> = {}): void {
    this.rounds.update((n) => n + 1);
    const empty = Object.fromEntries(this.spec.fields.map((f) => [f, ''])) as Values<F>;
    this.values.set({ ...empty, ...initial });
    this.touched.set(new Set());
    this.reported.set({});
    this.submitted.set(false);
    this.failure.set(null);
    this.summary.set('');
  }

  value(field: F): string {
    return this.values()[field];
  }

  label(field: F): string {
    return this.spec.labels[field];
  }

  errorOf(field: F): string | null {
    const shown = this.submitted() || this.touched().has(field);
    return (shown && this.errors()[field]) || null;
  }

  set(field: F, event: Event): void {
    const value = String((event.target as HTMLInputElement | null)?.value ?? '');
    this.values.update((v) => ({ ...v, [field]: value }));
    if (field in this.reported())
      this.reported.update(({ [field]: _, ...rest }) => rest as Problems<F>);
  }

  touch(field: F): void {
    if (!this.touched().has(field)) this.touched.update((t) => new Set([...t, field]));
  }

  /**
   * Runs `action` unless the rules refuse the form, with a spinner and no double submit; a thrown
   * error is described as `authProblem` does for `failed`, and shown on its field or above the
   * button. False when refused.
   */
  async submit(action: () => Promise<void>, failed: AuthAction): Promise<boolean> {
    this.rounds.update((n) => n + 1);
    if (this.busy()) return false;
    this.submitted.set(true);
    this.failure.set(null);
    if (Object.keys(this.errors()).length) {
      this.showProblems();
      return false;
    }
    this.summary.set('');
    this.busy.set(true);
    try {
      await action();
      return true;
    } catch (error) {
      this.report(authProblem(error, failed));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** Shows a problem: on its field (marked, focused, summarised) or above the submit button. */
  report(problem: AuthProblem): void {
    const field = problem.field as F | undefined;
    if (field && this.spec.fields.includes(field)) {
      this.reported.update((r) => ({ ...r, [field]: problem.message }));
      this.showProblems();
    } else {
      this.failure.set(problem.message);
    }
  }

  private showProblems(): void {
    const failing = this.spec.fields.filter((f) => this.errors()[f]);
    if (!failing.length) return;
    this.summary.set(`Check ${failing.map((f) => this.spec.labels[f]).join(', ')}.`);
    const el = this.host.querySelector<HTMLElement & { setFocus?: () => unknown }>(
      `[data-field=${failing[0]}]`,
    );
    if (el?.setFocus) void el.setFocus();
    else el?.focus();
  }
}

/** An AuthForm on the page being created, whose host element holds the fields to focus. */
export function authForm<F extends string>(spec: AuthFormSpec<F>): AuthForm<F> {
  return new AuthForm(spec, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement);
}

/** The rule every auth form shares: a field must not be empty. */
export function required<F extends string>(
  values: Values<F>,
  messages: Partial<Record<F, string>>,
): Problems<F> {
  const problems: Problems<F> = {};
  for (const [field, message] of Object.entries(messages) as [F, string][]) {
    if (!values[field].trim()) problems[field] = message;
  }
  return problems;
}
