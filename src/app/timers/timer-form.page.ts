import {
  ChangeDetectionStrategy,
  Component,
  computed,
  CUSTOM_ELEMENTS_SCHEMA,
  inject,
  signal,
} from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { ActivatedRoute, Router } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { defineCustomElement as defineIonTextarea } from '@ionic/core/components/ion-textarea.js';
import { TimerClient, TimerValidationError, type Task } from 'ngx-cognito-gateway/timer';
import { firstValueFrom } from 'rxjs';
import { FieldHelpComponent } from '../ui/field-help';
import { FormStatus, type FormProblem } from '../ui/form-status';
import { IonFieldDirective } from '../ui/ion-field';
import { DayChipsComponent } from './day-chips.component';
import { reportError, type DescribedError } from './describe-error';
import { timeZone } from './format';
import { Notify } from './notify';
import { PAGE_PARTS } from './page-parts';
import { SavedTask } from './saved-task';
import {
  draftOf,
  EMPTY_FIELDS,
  fieldsOf,
  loadedUntilOf,
  serverProblemsOf,
  taskRules,
  type TaskFields,
} from './task-form';

// Ionic's web components themselves, bound by IonFieldDirective (see there why not @ionic/angular's).
defineIonInput();
defineIonTextarea();

/** A loaded task without a version cannot be saved conditionally, so it is not saved at all. */
const UNVERSIONED: DescribedError = {
  kind: 'changed',
  message:
    "This timer can't be saved safely: the Timer service did not say which version it has. " +
    'Reload it and try again.',
};

/** A refused Save, in the words of the summary. */
const notSaved = (labels: readonly string[]) =>
  labels.length ? `Not saved. Check ${labels.join(', ')}.` : 'Not saved. Check the fields above.';

@Component({
  selector: 'app-timer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [
    ...PAGE_PARTS,
    IonBackButton,
    IonSkeletonText,
    IonSpinner,
    FormField,
    IonFieldDirective,
    DayChipsComponent,
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
  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  readonly zone = timeZone();
  /**
   * The task being edited, as loaded: its version makes the save conditional, so no change made
   * elsewhere is overwritten. Until it is here the edit page shows no form and saves nothing.
   */
  readonly loaded = signal<Task | null>(null);
  /** A new timer's form is there at once; an edit's once its task is loaded. */
  readonly ready = computed(() => !this.id || this.loaded() !== null);
  private readonly loadedUntil = computed(() => {
    const task = this.loaded();
    return task ? loadedUntilOf(task) : undefined;
  });
  readonly form = form(signal<TaskFields>({ ...EMPTY_FIELDS }), taskRules(this.loadedUntil));
  readonly status = new FormStatus(this.form, notSaved);
  readonly busy = this.status.busy;
  /** What the last save, or the last load of the task, ran into. */
  readonly error = signal<DescribedError | null>(null);
  private readonly loadFailed = signal(false);
  readonly loading = signal(false);

  constructor() {
    if (this.id) void this.loadExisting(this.id);
  }

  async loadExisting(id: string): Promise<void> {
    this.loading.set(true);
    try {
      const task = await firstValueFrom(this.client.get(id));
      this.loaded.set(task);
      this.status.reset(fieldsOf(task, this.loadedUntil()));
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

  /** Every failing field marked, the first focused, a summary announced; else saved and opened. */
  async save(event?: Event): Promise<void> {
    event?.preventDefault();
    // An edit saves only over the version it shows: nothing loaded, nothing to save.
    if (this.busy() || !this.ready()) return;
    this.error.set(null);
    await this.status.submit(() => this.send());
  }

  private async send(): Promise<readonly FormProblem[]> {
    const version = this.loaded()?.version;
    if (this.id && !Number.isInteger(version)) {
      // Without a version the PUT would go out without If-Match: an unconditional overwrite.
      this.error.set(UNVERSIONED);
      return [];
    }
    try {
      const draft = draftOf(this.form().value(), this.loadedUntil());
      const task = await firstValueFrom(
        this.id ? this.client.update(this.id, { ...draft, version }) : this.client.create(draft),
      );
      this.saved.remember(task);
      await this.router.navigate(['/timers', task.id], { replaceUrl: true });
      void this.notify.done(this.id ? 'Timer saved' : 'Timer created');
      return [];
    } catch (e) {
      this.error.set(reportError(e));
      return e instanceof TimerValidationError ? serverProblemsOf(e.fieldErrors) : [];
    }
  }
}
