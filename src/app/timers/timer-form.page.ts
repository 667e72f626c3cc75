import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonChip } from '@ionic/angular/ion-chip';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonInput } from '@ionic/angular/ion-input';
import { IonLabel } from '@ionic/angular/ion-label';
import { IonNote } from '@ionic/angular/ion-note';
import { IonTextarea } from '@ionic/angular/ion-textarea';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import {
  TimerClient,
  TimerValidationError,
  validateTaskDraft,
  type DayOfWeek,
  type TaskDraft,
  type TimerFieldError,
} from 'ngx-cognito-gateway/timer';
import { firstValueFrom } from 'rxjs';
import { ErrorBannerComponent } from './error-banner.component';
import { describeError, type DescribedError } from './describe-error';
import { DAYS, formatTime, fromLocalInput, parseTime, toLocalInput } from './format';

@Component({
  selector: 'app-timer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    IonHeader,
    IonToolbar,
    IonTitle,
    IonButtons,
    IonBackButton,
    IonContent,
    IonInput,
    IonTextarea,
    IonChip,
    IonLabel,
    IonNote,
    IonButton,
    ErrorBannerComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-buttons slot="start"><ion-back-button defaultHref="/timers" /></ion-buttons>
        <ion-title>{{ id ? 'Edit timer' : 'New timer' }}</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <form class="page-width" (submit)="save($event)" novalidate>
        @if (error(); as err) {
          <app-error-banner [error]="err" (retry)="save()" />
        }
        <ion-input
          label="Name"
          labelPlacement="stacked"
          fill="outline"
          name="name"
          [value]="name()"
          (ionInput)="name.set(value($event))"
          [class.ion-invalid]="!!fieldError('name')"
          [class.ion-touched]="!!fieldError('name')"
          [errorText]="fieldError('name')"
        />
        <ion-textarea
          label="Description (optional)"
          labelPlacement="stacked"
          fill="outline"
          name="description"
          [value]="description()"
          (ionInput)="description.set(value($event))"
          [class.ion-invalid]="!!fieldError('description')"
          [class.ion-touched]="!!fieldError('description')"
          [errorText]="fieldError('description')"
        />
        <ion-input
          label="Time"
          labelPlacement="stacked"
          fill="outline"
          type="time"
          name="time"
          [value]="time()"
          (ionInput)="time.set(value($event))"
          [class.ion-invalid]="!!timeError()"
          [class.ion-touched]="!!timeError()"
          [errorText]="timeError()"
        />
        <fieldset>
          <legend>Days</legend>
          <div class="chips">
            @for (day of days; track day.value) {
              <ion-chip
                role="checkbox"
                tabindex="0"
                [attr.aria-checked]="selected().includes(day.value)"
                [outline]="!selected().includes(day.value)"
                [color]="selected().includes(day.value) ? 'primary' : 'medium'"
                (click)="toggle(day.value)"
                (keydown.space)="toggle(day.value); $event.preventDefault()"
                (keydown.enter)="toggle(day.value); $event.preventDefault()"
              >
                <ion-label>{{ day.label }}</ion-label>
              </ion-chip>
            }
          </div>
          @if (fieldError('daysOfWeek'); as msg) {
            <ion-note color="danger" role="alert" data-testid="days-error">{{ msg }}</ion-note>
          }
        </fieldset>
        <ion-input
          label="Command"
          labelPlacement="stacked"
          fill="outline"
          name="executionCommand"
          [value]="command()"
          (ionInput)="command.set(value($event))"
          [class.ion-invalid]="!!fieldError('executionCommand')"
          [class.ion-touched]="!!fieldError('executionCommand')"
          [errorText]="fieldError('executionCommand')"
        />
        <ion-input
          label="Run until (optional)"
          labelPlacement="stacked"
          fill="outline"
          type="datetime-local"
          name="executeUntil"
          [value]="until()"
          (ionInput)="until.set(value($event))"
          [class.ion-invalid]="!!fieldError('executeUntil')"
          [class.ion-touched]="!!fieldError('executeUntil')"
          [errorText]="fieldError('executeUntil')"
        />
        @if (fieldError(''); as msg) {
          <ion-note color="danger" role="alert">{{ msg }}</ion-note>
        }
        <ion-button type="submit" expand="block" [disabled]="busy()">Save</ion-button>
      </form>
    </ion-content>
  `,
  styles: `
    form {
      display: grid;
      gap: 1rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font-size: 0.9rem;
      margin-bottom: 0.25rem;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
    }
  `,
})
export class TimerFormPage {
  private readonly client = inject(TimerClient);
  private readonly router = inject(Router);
  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id');
  readonly days = DAYS;

  readonly name = signal('');
  readonly description = signal('');
  readonly time = signal('08:00');
  readonly selected = signal<DayOfWeek[]>(['MON', 'TUE', 'WED', 'THU', 'FRI']);
  readonly command = signal('');
  /** The `datetime-local` value; '' = no end. */
  readonly until = signal('');
  /** The loaded task's executeUntil and how the input first showed it: kept as is unless edited. */
  private loadedUntil: { instant: string; shown: string } | undefined;
  readonly fieldErrors = signal<readonly TimerFieldError[]>([]);
  readonly error = signal<DescribedError | null>(null);
  readonly busy = signal(false);
  readonly timeError = computed(() => this.fieldError('hour') ?? this.fieldError('minute'));

  constructor() {
    if (this.id) void this.loadExisting(this.id);
  }

  private async loadExisting(id: string): Promise<void> {
    try {
      const task = await firstValueFrom(this.client.get(id));
      this.name.set(task.name);
      this.description.set(task.description ?? '');
      this.time.set(formatTime(task.hour, task.minute));
      this.selected.set([...task.daysOfWeek]);
      this.command.set(task.executionCommand);
      if (task.executeUntil) {
        this.loadedUntil = { instant: task.executeUntil, shown: toLocalInput(task.executeUntil) };
        this.until.set(this.loadedUntil.shown);
      }
    } catch (e) {
      this.error.set(describeError(e));
    }
  }

  value(event: Event): string {
    return String((event.target as HTMLInputElement | null)?.value ?? '');
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors().find((e) => e.field === field)?.message;
  }

  toggle(day: DayOfWeek): void {
    this.selected.update((days) =>
      days.includes(day) ? days.filter((d) => d !== day) : [...days, day],
    );
  }

  /** The draft as the form holds it; an unparsable time yields out-of-range values on purpose. */
  draft(): TaskDraft {
    const t = parseTime(this.time());
    const description = this.description().trim();
    const until = this.until().trim();
    // PUT replaces the whole task: an end the user did not touch goes back exactly as it came.
    const executeUntil =
      until && until === this.loadedUntil?.shown ? this.loadedUntil.instant : fromLocalInput(until);
    return {
      name: this.name().trim(),
      ...(description ? { description } : {}),
      hour: t?.hour ?? -1,
      minute: t?.minute ?? -1,
      daysOfWeek: DAYS.map((d) => d.value).filter((d) => this.selected().includes(d)),
      executionCommand: this.command().trim(),
      ...(until ? { executeUntil } : {}),
    };
  }

  async save(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy()) return;
    const draft = this.draft();
    const problems = validateTaskDraft(draft);
    this.fieldErrors.set(problems);
    this.error.set(null);
    if (problems.length) return;
    this.busy.set(true);
    try {
      const task = await firstValueFrom(
        this.id ? this.client.update(this.id, draft) : this.client.create(draft),
      );
      await this.router.navigate(['/timers', task.id], { replaceUrl: true });
    } catch (e) {
      if (e instanceof TimerValidationError) this.fieldErrors.set(e.fieldErrors);
      this.error.set(describeError(e));
    } finally {
      this.busy.set(false);
    }
  }
}
