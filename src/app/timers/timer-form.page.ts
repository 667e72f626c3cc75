import {
  ChangeDetectionStrategy,
  Component,
  computed,
  CUSTOM_ELEMENTS_SCHEMA,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonChip } from '@ionic/angular/ion-chip';
import { IonLabel } from '@ionic/angular/ion-label';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { defineCustomElement as defineIonTextarea } from '@ionic/core/components/ion-textarea.js';
import {
  TimerClient,
  TimerValidationError,
  type DayOfWeek,
  type Task,
} from 'ngx-cognito-gateway/timer';
import { firstValueFrom } from 'rxjs';
import { FieldHelpComponent } from '../ui/field-help';
import { FormFieldDirective } from '../ui/form-field';
import { reportError, type DescribedError } from './describe-error';
import { DAYS, timeZone } from './format';
import { Notify } from './notify';
import { PAGE_PARTS } from './page-parts';
import { SavedTask } from './saved-task';
import {
  controlsIn,
  draftOf,
  EMPTY_FIELDS,
  FIELD_LABEL,
  FIELD_MAXLENGTH,
  FIELD_ORDER,
  fieldsOf,
  loadedUntilOf,
  problemsOf,
  serverErrorsOf,
  type FieldErrors,
  type FieldName,
  type LoadedUntil,
  type TaskFields,
  withoutControls,
} from './task-form';

// The inputs are Ionic's web components themselves, not @ionic/angular's IonInput/IonTextarea:
// those wrappers are Angular form controls and, on every input and blur, rewrite the
// `ion-invalid`/`ion-touched` classes from Angular forms' `ng-*` classes. This page keeps its state
// in signals, so the wrappers removed the classes it set, and with them the error text, at the
// next keystroke. Angular forms would bring @angular/forms into the initial bundle.
defineIonInput();
defineIonTextarea();

/** A loaded task without a version cannot be saved conditionally, so it is not saved at all. */
const UNVERSIONED: DescribedError = {
  kind: 'changed',
  message:
    "This timer can't be saved safely: the Timer service did not say which version it has. " +
    'Reload it and try again.',
};

@Component({
  selector: 'app-timer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [
    ...PAGE_PARTS,
    IonBackButton,
    IonChip,
    IonLabel,
    IonSkeletonText,
    IonSpinner,
    FormFieldDirective,
    FieldHelpComponent,
  ],
  templateUrl: './timer-form.page.html',
  styleUrl: './timer-form.page.scss',
})
export class TimerFormPage {
  private readonly client = inject(TimerClient);
  private readonly router = inject(Router);
  private readonly notify = inject(Notify);
  private readonly saved = inject(SavedTask);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  readonly days = DAYS;
  readonly zone = timeZone();
  private loadedUntil: LoadedUntil | undefined;
  /**
   * The task being edited, as loaded: its version makes the save conditional, so no change made
   * elsewhere is overwritten. Until it is here the edit page shows no form and saves nothing.
   */
  readonly loaded = signal<Task | null>(null);
  /** A new timer's form is there at once; an edit's once its task is loaded. */
  readonly ready = computed(() => !this.id || this.loaded() !== null);

  readonly fields = signal<TaskFields>({ ...EMPTY_FIELDS });
  /** Fields the person has left, and whether Save was pressed: from then on errors show. */
  private readonly touched = signal<ReadonlySet<FieldName>>(new Set());
  readonly submitted = signal(false);
  /** Errors the page learnt outside the rules: the server's, and half-typed date/time inputs. */
  private readonly reported = signal<FieldErrors>({});
  readonly errors = computed<FieldErrors>(() => ({
    ...problemsOf(this.fields(), this.loadedUntil),
    ...this.reported(),
  }));
  readonly formError = signal<string | null>(null);
  readonly summary = signal('');
  /** What the last save, or the last load of the task, ran into. */
  readonly error = signal<DescribedError | null>(null);
  private readonly loadFailed = signal(false);
  readonly busy = signal(false);
  readonly loading = signal(false);

  constructor() {
    if (this.id) void this.loadExisting(this.id);
  }

  async loadExisting(id: string): Promise<void> {
    this.loading.set(true);
    try {
      const task = await firstValueFrom(this.client.get(id));
      this.loadedUntil = loadedUntilOf(task);
      this.fields.set(fieldsOf(task, this.loadedUntil));
      this.loaded.set(task);
      this.reported.set({});
      this.submitted.set(false);
      this.loadFailed.set(false);
      this.error.set(null);
    } catch (e) {
      this.loadFailed.set(true);
      this.error.set(reportError(e));
    } finally {
      this.loading.set(false);
    }
  }

  /**
   * "Try again" repeats what failed: loading the timer, or saving it. After a change made
   * elsewhere, "Reload" loads the latest version: the person's edits are dropped, never the other.
   */
  retry(): void {
    if (this.id && (this.loadFailed() || this.error()?.kind === 'changed')) {
      void this.loadExisting(this.id);
    } else void this.save();
  }

  /** A field's error once Save was pressed or the person left the field; null otherwise. */
  errorOf(field: FieldName): string | null {
    const shown = this.submitted() || this.touched().has(field);
    return (shown && this.errors()[field]) || null;
  }

  value(field: Exclude<FieldName, 'days'>): string {
    return this.fields()[field];
  }

  maxlength(field: FieldName): number | undefined {
    return FIELD_MAXLENGTH[field];
  }

  controls(field: Exclude<FieldName, 'days'>): number {
    return controlsIn(field, this.value(field));
  }

  removeControls(field: Exclude<FieldName, 'days'>): void {
    this.fields.update((f) => ({ ...f, [field]: withoutControls(field, f[field]) }));
    this.forget(field);
  }

  set(field: Exclude<FieldName, 'days'>, event: Event): void {
    const value = String((event.target as HTMLInputElement | null)?.value ?? '');
    this.fields.update((f) => ({ ...f, [field]: value }));
    this.forget(field);
  }

  touch(field: FieldName): void {
    if (this.touched().has(field)) return;
    this.touched.update((t) => new Set([...t, field]));
  }

  isSelected(day: DayOfWeek): boolean {
    return this.fields().days.includes(day);
  }

  toggle(day: DayOfWeek): void {
    this.fields.update((f) => ({
      ...f,
      days: f.days.includes(day) ? f.days.filter((d) => d !== day) : [...f.days, day],
    }));
    this.forget('days');
    this.touch('days');
  }

  /** An edited field's reported error no longer applies; the rules are checked again. */
  private forget(field: FieldName): void {
    if (!(field in this.reported())) return;
    this.reported.update(({ [field]: _, ...rest }) => rest);
  }

  async save(event?: Event): Promise<void> {
    event?.preventDefault();
    // An edit saves only over the version it shows: nothing loaded, nothing to save.
    if (this.busy() || !this.ready()) return;
    this.error.set(null);
    this.formError.set(null);
    this.submitted.set(true);
    this.reported.update((r) => ({ ...r, ...this.halfTyped() }));
    if (Object.keys(this.errors()).length) return this.showProblems();
    this.summary.set('');
    const version = this.loaded()?.version;
    if (this.id && !Number.isInteger(version)) {
      // Without a version the PUT would go out without If-Match: an unconditional overwrite.
      this.error.set(UNVERSIONED);
      return;
    }
    this.busy.set(true);
    try {
      const draft = draftOf(this.fields(), this.loadedUntil);
      const task = await firstValueFrom(
        this.id ? this.client.update(this.id, { ...draft, version }) : this.client.create(draft),
      );
      this.saved.handOver(task);
      await this.router.navigate(['/timers', task.id], { replaceUrl: true });
      void this.notify.done(this.id ? 'Timer saved' : 'Timer created');
    } catch (e) {
      if (e instanceof TimerValidationError) {
        const { byField, general } = serverErrorsOf(e.fieldErrors);
        this.reported.set(byField);
        this.formError.set(general);
        this.showProblems();
      }
      this.error.set(reportError(e));
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * A time or date-time input holding part of a value reports '' with `validity.badInput`: such a
   * field is marked, never saved as if it were empty.
   */
  private halfTyped(): FieldErrors {
    const found: FieldErrors = {};
    const check = (field: FieldName, name: string, message: string) => {
      const input = this.host.nativeElement.querySelector<HTMLInputElement>(
        `ion-input[name=${name}] input`,
      );
      if (input?.validity.badInput) found[field] = message;
    };
    check('time', 'time', 'Enter a time, such as 07:30.');
    check('until', 'executeUntil', 'Enter both a date and a time, or clear the field.');
    return found;
  }

  /** Every failing field is marked; the first one gets the focus, and a summary is announced. */
  private showProblems(): void {
    const failing = FIELD_ORDER.filter((field) => this.errors()[field]);
    this.summary.set(
      failing.length
        ? `Not saved. Check ${failing.map((f) => FIELD_LABEL[f]).join(', ')}.`
        : 'Not saved. Check the fields above.',
    );
    const first = failing[0];
    if (!first) return;
    const el = this.host.nativeElement.querySelector<HTMLElement & { setFocus?: () => unknown }>(
      `[data-field=${first}]`,
    );
    if (el?.setFocus) void el.setFocus();
    else el?.focus();
  }
}
