import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, input } from '@angular/core';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { FormFieldDirective } from '../ui/form-field';
import type { AuthForm } from './auth-form';

// Ionic's web component itself, as on the timer form: @ionic/angular's IonInput is an Angular
// forms control that rewrites `ion-invalid`/`ion-touched` at every keystroke, dropping the error.
defineIonInput();

/** One field of an auth form: the shared field look, with its label and input kind for sign-in. */
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
      [type]="type()"
      [attr.name]="name()"
      [autocomplete]="autocomplete()"
      [inputmode]="inputmode()"
      [attr.spellcheck]="type() === 'password' ? 'false' : null"
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
  readonly type = input<'text' | 'email' | 'password'>('text');
  readonly autocomplete = input<string>('off');
  readonly inputmode = input<'text' | 'email' | 'numeric'>('text');
  readonly helper = input<string>('');
}
