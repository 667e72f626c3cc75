import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  model,
  output,
} from '@angular/core';
import type { FormValueControl, ValidationError } from '@angular/forms/signals';
import { IonChip } from '@ionic/angular/ion-chip';
import { IonLabel } from '@ionic/angular/ion-label';
import type { DayOfWeek } from 'ngx-cognito-gateway/timer';
import { DAYS } from './format';

/**
 * The days a timer runs on, as a group of chips that are checkboxes (Space or Enter toggles the
 * focused one): a Signal Forms control for `[formField]` over the days, showing the field's first
 * error below once the person has changed a day or pressed Save. `focus()` (Signal Forms'
 * `focusBoundControl()`) goes to the first chip.
 *
 * @example
 * <app-day-chips [formField]="form.days" />
 */
@Component({
  selector: 'app-day-chips',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonChip, IonLabel],
  template: `
    <fieldset [attr.aria-describedby]="error() ? 'days-error' : null">
      <legend>Days</legend>
      <div class="chips">
        @for (day of days; track day.value) {
          <ion-chip
            role="checkbox"
            tabindex="0"
            [attr.aria-checked]="isSelected(day.value)"
            [attr.aria-label]="day.name"
            [attr.aria-invalid]="error() ? 'true' : null"
            [outline]="!isSelected(day.value)"
            [color]="isSelected(day.value) ? 'primary' : 'dark'"
            (click)="toggle(day.value)"
            (keydown.space)="toggle(day.value); $event.preventDefault()"
            (keydown.enter)="toggle(day.value); $event.preventDefault()"
          >
            <ion-label>{{ day.label }}</ion-label>
          </ion-chip>
        }
      </div>
      <div class="field-error" id="days-error" role="alert" data-testid="days-error">
        {{ error() ?? '' }}
      </div>
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
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
export class DayChipsComponent implements FormValueControl<DayOfWeek[]> {
  readonly value = model<DayOfWeek[]>([]);
  readonly errors = input<readonly ValidationError.WithOptionalFieldTree[]>([]);
  readonly touched = input(false);
  readonly touch = output();
  protected readonly days = DAYS;
  protected readonly error = computed(() =>
    this.touched() ? (this.errors()[0]?.message ?? null) : null,
  );
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  protected isSelected(day: DayOfWeek): boolean {
    return this.value().includes(day);
  }

  /** A change is final at once: the field counts as touched, so a missing day is said now. */
  protected toggle(day: DayOfWeek): void {
    this.value.update((days) =>
      days.includes(day) ? days.filter((d) => d !== day) : [...days, day],
    );
    this.touch.emit();
  }

  focus(): void {
    this.host.querySelector<HTMLElement>('ion-chip')?.focus();
  }
}
