import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { createMetadataKey, type FieldTree } from '@angular/forms/signals';
import { IonButton } from '@ionic/angular/ion-button';

/**
 * Schema metadata of a text field: the characters of a value that its rule refuses as invisible
 * control characters, which `app-field-help` names and offers to remove.
 */
export const INVISIBLE_REFUSED = createMetadataKey<(value: string) => readonly string[]>();

/**
 * What a text field says below itself as the person types: its count against the limit (the
 * field's `MAX_LENGTH` metadata), in characters as the server counts them (code points: an emoji
 * is one), with how many too many when over, for the person to cut (nothing is cut for them); and
 * invisible control characters its rule refuses (`INVISIBLE_REFUSED`; pasted text can carry
 * them), with a button that removes them. Each change worth hearing is announced once
 * (role=status); the running count is not.
 *
 * @example
 * <ion-input [formField]="form.name" label="Name" />
 * <app-field-help [field]="form.name" />
 */
@Component({
  selector: 'app-field-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonButton],
  template: `
    @if (controls(); as n) {
      <p class="controls" data-testid="field-controls">
        <span>
          {{
            n === 1 ? 'An invisible control character is' : n + ' invisible control characters are'
          }}
          in this text, perhaps from where it was copied.
        </span>
        <ion-button size="small" fill="outline" (click)="removeControls()">
          Remove {{ n === 1 ? 'it' : 'them' }}
        </ion-button>
      </p>
    }
    @if (max(); as limit) {
      <p class="count" [class.over]="over() > 0" aria-hidden="true" data-testid="field-count">
        @if (over() > 0) {
          {{ over() }} too many ·
        }
        {{ count() }} / {{ limit }}
      </p>
    }
    <span class="visually-hidden" role="status">{{ announced() }}</span>
  `,
  styles: `
    :host {
      display: block;
      padding-inline: 16px;
      font-size: 0.75rem;
    }
    p {
      margin: 4px 0 0;
    }
    .count {
      text-align: end;
      color: var(--ion-color-step-650, var(--ion-text-color-step-350, #595959));
    }
    .count.over {
      color: var(--ion-color-danger);
      font-weight: 600;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
      color: var(--ion-text-color);
    }
  `,
})
export class FieldHelpComponent {
  readonly field = input.required<FieldTree<string>>();
  private readonly state = computed(() => this.field()());
  protected readonly max = computed(() => this.state().maxLength?.());
  /** What will be saved, counted as the server counts it: code points, ends trimmed. */
  protected readonly count = computed(() => [...this.state().value().trim()].length);
  protected readonly over = computed(() => Math.max(0, this.count() - (this.max() ?? Infinity)));
  private readonly refused = computed(
    () => this.state().metadata(INVISIBLE_REFUSED)?.()?.(this.state().value()) ?? [],
  );
  protected readonly controls = computed(() => this.refused().length);
  private readonly removed = signal('');
  /** Said once when it changes: over the limit, back within it, or characters removed. */
  protected readonly announced = computed(() => {
    if (this.removed()) return this.removed();
    if (this.over() > 0) return `${this.over()} characters too many`;
    return this.controls() ? 'This text has invisible control characters' : '';
  });

  protected removeControls(): void {
    const refused = new Set(this.refused());
    const n = this.controls();
    this.state().value.update((value) => [...value].filter((c) => !refused.has(c)).join(''));
    this.removed.set(`Removed ${n === 1 ? '1 invisible character' : `${n} invisible characters`}`);
    setTimeout(() => this.removed.set(''), 5000);
    // The button goes with the characters: the focus goes back to the field.
    this.state().focusBoundControl();
  }
}
