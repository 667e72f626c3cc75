import {
  ChangeDetectionStrategy,
  Component,
  computed,
  CUSTOM_ELEMENTS_SCHEMA,
  input,
} from '@angular/core';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { FormFieldDirective } from '../ui/form-field';
import type { AuthForm } from './auth-form';

// Ionic's web component itself, as on the timer form: @ionic/angular's IonInput is an Angular
// forms control that rewrites `ion-invalid`/`ion-touched` at every keystroke, dropping the error.
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
 * One field of an auth form: the shared field look, with its label, and the input kind that its
 * autocomplete purpose calls for.
 *
 * @example
 * <app-auth-field [form]="form" name="code" autocomplete="one-time-code" />
 */
@Component({
  selector: 'app-auth-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FormFieldDirective],
  template: `
    <ion-input
      [appField]="name()"
      [form]="form()"
      [label]="form().label(name())"
      [type]="kind().type"
      [attr.name]="name()"
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
  readonly form = input.required<AuthForm<string>>();
  readonly name = input.required<string>();
  readonly autocomplete = input<FieldPurpose>('off');
  readonly helper = input<string>('');
  protected readonly kind = computed(() => PURPOSES[this.autocomplete()]);
}
