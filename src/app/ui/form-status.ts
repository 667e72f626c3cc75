import { computed, signal, untracked } from '@angular/core';
import {
  createMetadataKey,
  metadata,
  submit,
  type FieldState,
  type FieldTree,
  type SchemaPath,
  type ValidationError,
} from '@angular/forms/signals';

/** A field's name as the page shows it, read by the summary of a refused submit. */
export const LABEL = createMetadataKey<string>();

/**
 * Schema rule: the field at `path` is called `text` (its input's label and its name in a summary).
 *
 * @example
 * form(model, (f) => label(f.name, 'Name'));
 */
export function label(path: SchemaPath<unknown>, text: string): void {
  metadata(path, LABEL, () => text);
}

/** What a submit's action ran into: a problem with one of the form's fields, or with the whole. */
export interface FormProblem {
  readonly message: string;
  /** The field's key in the form; a problem without one (or with an unknown one) is the form's. */
  readonly field?: string;
}

/** The summary of a refused submit, from the failing fields' labels ('' for none: say nothing). */
export type Refusal = (labels: readonly string[]) => string;

const CHECK: Refusal = (labels) => (labels.length ? `Check ${labels.join(', ')}.` : '');

/**
 * What a page says around a Signal Forms form (`form()` from `@angular/forms/signals`) once it is
 * submitted, the same on every page: Signal Forms' `submit()` marks every field touched (so each
 * shows its error) and runs the action only when the rules pass, one submit at a time; a refusal,
 * by the rules or by the server on a field, is summarised in one status line (`summary`, for
 * role=status) and the first failing field in the form's order gets the focus; a problem that
 * belongs to no field is `failure` (for role=alert). `busy` spins the submit button.
 *
 * A new page needs a model signal, a `form()` whose rules give each field a `label`, its inputs
 * bound with `[formField]` (Ionic's through `IonFieldDirective`), `failure` and `summary` shown
 * below them, and a FormStatus to submit with; its action answers with the problems it met:
 *
 * @example
 * readonly form = form(signal({ code: '' }), (f) => apply(f.code, EMAIL_CODE));
 * readonly status = new FormStatus(this.form);
 * submit = () =>
 *   this.status.submit(async () =>
 *     (await this.codes.accepts(this.form.code().value()))
 *       ? []
 *       : [{ field: 'code', message: 'That code is not right.' }],
 *   );
 */
export class FormStatus<T extends object> {
  /** A problem that belongs to no field. */
  readonly failure = signal<string | null>(null);
  /** What a refused submit found; empty otherwise. */
  readonly summary = signal('');
  readonly busy = computed(() => this.form().submitting());
  /**
   * Goes up at each submit of the whole form and each reset: a note beside the form about an
   * earlier attempt (such as where a new code went) is cleared when it does.
   */
  readonly attempts = signal(0);
  private readonly empty: T;

  constructor(
    private readonly form: FieldTree<T>,
    private readonly refusal: Refusal = CHECK,
  ) {
    this.empty = untracked(this.root().value);
  }

  /** The whole form's state (typed for any model: Signal Forms types a generic one loosely). */
  private root(): FieldState<T> {
    return this.form() as unknown as FieldState<T>;
  }

  /** The form afresh with these values over the model's first ones, as a page shown again. */
  reset(values: Partial<T> = {}): void {
    this.attempts.update((n) => n + 1);
    this.root().reset({ ...this.empty, ...values });
    this.failure.set(null);
    this.summary.set('');
  }

  /**
   * Submits `part` of the form (the whole by default) as described above; `action` runs only when
   * its rules pass, and its problems are shown on their fields (until edited) or as the failure.
   * True when the action ran and reported none.
   */
  async submit(
    action: () => Promise<readonly FormProblem[] | void>,
    part: FieldTree<unknown> = this.form as FieldTree<unknown>,
  ): Promise<boolean> {
    if (part === this.form) this.attempts.update((n) => n + 1);
    if (untracked(part().submitting)) return false;
    this.failure.set(null);
    this.summary.set('');
    const ran: { problems?: readonly FormProblem[] } = {};
    await submit(part, {
      action: async () => {
        ran.problems = (await action()) ?? [];
        const onFields: ValidationError.WithOptionalFieldTree[] = [];
        for (const { message, field } of ran.problems) {
          const tree = field === undefined ? undefined : this.fieldOf(field);
          if (tree) onFields.push({ kind: 'refused', message, fieldTree: tree });
          else this.failure.set(message);
        }
        return onFields;
      },
      onInvalid: () => this.showProblems(part),
    });
    if (!ran.problems) return false;
    if (ran.problems.length) this.showProblems(part);
    return ran.problems.length === 0;
  }

  /** The field with this key, if the form has one. */
  private fieldOf(key: string): FieldTree<unknown> | undefined {
    const value = untracked(this.root().value);
    return Object.hasOwn(value, key)
      ? (this.form as unknown as Record<string, FieldTree<unknown>>)[key]
      : undefined;
  }

  /** Summarises the failing fields of `part` in the form's order, and focuses the first. */
  private showProblems(part: FieldTree<unknown>): void {
    const value = untracked(part().value);
    const fields =
      part === this.form && typeof value === 'object' && value !== null
        ? Object.keys(value).map((key) => this.fieldOf(key)!)
        : [part];
    const failing = fields.filter((field) => untracked(field().invalid));
    this.summary.set(
      this.refusal(failing.map((field) => untracked(() => field().metadata(LABEL)?.() ?? ''))),
    );
    failing[0]?.().focusBoundControl();
  }
}

/** What a page's frame shows of a FormStatus, whatever its form's model. */
export type StatusLines = Pick<FormStatus<object>, 'failure' | 'summary' | 'busy'>;
