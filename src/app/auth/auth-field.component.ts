import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, input } from '@angular/core';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import type { AuthForm } from './auth-form';

// Ionic's web component itself, as on the timer form: @ionic/angular's IonInput is an Angular
// forms control that rewrites `ion-invalid`/`ion-touched` at every keystroke, dropping the error.
defineIonInput();

/** One field of an auth form: its label, value, error text and focus target, all from the form. */
@Component({
  selector: 'app-auth-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ion-input
      [attr.data-field]="name()"
      [label]="form().label(name())"
      label-placement="stacked"
      fill="outline"
      [type]="type()"
      [attr.name]="name()"
      [autocomplete]="autocomplete()"
      [inputmode]="inputmode()"
      [attr.spellcheck]="type() === 'password' ? 'false' : null"
      [value]="form().value(name())"
      [helperText]="helper()"
      [class.ion-invalid]="!!form().errorOf(name())"
      [class.ion-touched]="!!form().errorOf(name())"
      [errorText]="form().errorOf(name()) ?? ''"
      (ionInput)="form().set(name(), $event)"
      (ionBlur)="form().touch(name())"
    ></ion-input>
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
