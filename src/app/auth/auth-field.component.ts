import {
  ChangeDetectionStrategy,
  Component,
  computed,
  CUSTOM_ELEMENTS_SCHEMA,
  input,
} from '@angular/core';
import { FormField, type FieldTree } from '@angular/forms/signals';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { LABEL } from '../ui/form-status';
import { IonFieldDirective } from '../ui/ion-field';

// Ionic's web component itself, bound by IonFieldDirective (see there why not @ionic/angular's).
defineIonInput();

/**
 * What a field is for, as the autocomplete token password managers and browsers read, and the
 * input that follows from it: its type and the keyboard a phone shows (the codes are digits).
 */
const PURPOSES = {
  off: { type: 'text', inputmode: 'text' },
  username: { type: 'text', inputmode: 'text' },
  email: { type: 'email', inputmode: 'email' },
  'one-time-code': { type: 'text', inputmode: 'numeric' },
  'current-password': { type: 'password', inputmode: 'text' },
  'new-password': { type: 'password', inputmode: 'text' },
} as const;

export type FieldPurpose = keyof typeof PURPOSES;

/**
 * One field of an auth form: Ionic's input bound to it with `[formField]`, labelled as its rules
 * say (`label`), and of the input kind that its autocomplete purpose calls for.
 *
 * @example
 * <app-auth-field [field]="form.code" autocomplete="one-time-code" />
 */
@Component({
  selector: 'app-auth-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FormField, IonFieldDirective],
  template: `
    <ion-input
      [formField]="field()"
      [label]="label()"
      [type]="kind().type"
      [autocomplete]="autocomplete()"
      [inputmode]="kind().inputmode"
      [attr.spellcheck]="kind().type === 'password' ? 'false' : null"
      [helperText]="helper()"
    />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class AuthFieldComponent {
  readonly field = input.required<FieldTree<string>>();
  readonly autocomplete = input<FieldPurpose>('off');
  readonly helper = input<string>('');
  protected readonly kind = computed(() => PURPOSES[this.autocomplete()]);
  protected readonly label = computed(() => this.field()().metadata(LABEL)?.() ?? '');
}
