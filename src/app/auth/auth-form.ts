import { computed, ElementRef, inject, signal } from '@angular/core';
import { authProblem, type AuthAction, type AuthProblem } from './auth-errors';

export type Values<F extends string> = Record<F, string>;
export type Problems<F extends string> = Partial<Record<F, string>>;

/**
 * One kind of field the auth pages ask for (see `auth-fields.ts`): its label and its own rule,
 * which says in plain words what is wrong with a value, or undefined when it will do.
 */
export interface AuthField {
  readonly label: string;
  readonly rule: (value: string) => string | undefined;
}

/**
 * A form's fields by name, in the order a person meets them: the first failing one gets the focus.
 */
export type AuthFields<F extends string> = Readonly<Record<F, AuthField>>;

/** A rule across fields, such as a repeated password; a field's own rule is heard first. */
export type CrossRule<F extends string> = (values: Values<F>) => Problems<F>;

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
  readonly errors = computed<Problems<F>>(() => {
    const values = this.values();
    const problems: Problems<F> = { ...this.cross(values) };
    for (const field of this.names) {
      const problem = this.problemOf(field, values[field]);
      if (problem) problems[field] = problem;
    }
    return { ...problems, ...this.reported() };
  });
  private readonly names: readonly F[];

  constructor(
    private readonly fields: AuthFields<F>,
    private readonly host: HTMLElement,
    private readonly cross: CrossRule<NoInfer<F>> = () => ({}),
  ) {
    this.names = Object.keys(fields) as F[];
    this.reset();
  }

  /** Back to a fresh form with these values, as when the page is shown again. */
  reset(initial: Partial<Values<F>> = {}): void {
    this.rounds.update((n) => n + 1);
    const empty = Object.fromEntries(this.names.map((f) => [f, ''])) as Values<F>;
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
    return this.fields[field].label;
  }

  /** What the field's own rule says of this value (by default the one it holds), if anything. */
  problemOf(field: F, value = this.value(field)): string | undefined {
    return this.fields[field].rule(value);
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
    if (field && this.names.includes(field)) {
      this.reported.update((r) => ({ ...r, [field]: problem.message }));
      this.showProblems();
    } else {
      this.failure.set(problem.message);
    }
  }

  private showProblems(): void {
    const failing = this.names.filter((f) => this.errors()[f]);
    if (!failing.length) return;
    this.summary.set(`Check ${failing.map((f) => this.label(f)).join(', ')}.`);
    const el = this.host.querySelector<HTMLElement & { setFocus?: () => unknown }>(
      `[data-field=${failing[0]}]`,
    );
    if (el?.setFocus) void el.setFocus();
    else el?.focus();
  }
}

/**
 * An AuthForm on the page being created, whose host element holds the fields to focus.
 *
 * @example
 * readonly form = authForm({ username: USERNAME, code: EMAIL_CODE, ...NEW_PASSWORDS }, samePasswords);
 */
export function authForm<F extends string>(
  fields: AuthFields<F>,
  cross?: CrossRule<NoInfer<F>>,
): AuthForm<F> {
  return new AuthForm(fields, inject<ElementRef<HTMLElement>>(ElementRef).nativeElement, cross);
}
