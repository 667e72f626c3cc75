import { afterRenderEffect, computed, Directive, ElementRef, inject, input } from '@angular/core';

/** What a form field reads from and reports to: the page's own signal-held form state. */
export interface FieldForm<F extends string = string> {
  value(field: F): string;
  /** The field's error once it is to be shown, null otherwise. */
  errorOf(field: F): string | null;
  set(field: F, event: Event): void;
  touch(field: F): void;
  /** The most characters the field takes, shown with a counter; no limit when undefined. */
  maxlength?(field: F): number | undefined;
}

/**
 * One form field's look and state on Ionic's `ion-input` or `ion-textarea` web component: stacked
 * label, outline, value, error text and the `ion-invalid`/`ion-touched` classes from the form, a
 * counter with a maxlength, and `data-field` for the page to focus the first failing field.
 *
 * `errorText`, `maxlength` and `counter` go through their attributes, which the web components
 * read like the properties: a directive's host property bindings are checked against the plain
 * DOM schema, which knows none of them. The value is the property itself, set after rendering: an
 * attribute would not follow the form once the person typed.
 *
 * It binds the web components themselves, which the page defines: @ionic/angular's IonInput is an
 * Angular forms control that rewrites `ion-invalid`/`ion-touched` at every keystroke from Angular
 * forms' state, dropping the error these classes show.
 */
@Directive({
  selector: 'ion-input[appField], ion-textarea[appField]',
  host: {
    'label-placement': 'stacked',
    fill: 'outline',
    '[attr.data-field]': 'field()',
    '[attr.maxlength]': 'maxlength()',
    '[attr.counter]': 'maxlength() !== undefined',
    '[attr.error-text]': "error() ?? ''",
    '[class.ion-invalid]': '!!error()',
    '[class.ion-touched]': '!!error()',
    '(ionInput)': 'form().set(field(), $event)',
    '(ionBlur)': 'form().touch(field())',
  },
})
export class FormFieldDirective {
  /** The field's name in the form. */
  readonly field = input.required<string>({ alias: 'appField' });
  readonly form = input.required<FieldForm>();
  protected readonly maxlength = computed(() => this.form().maxlength?.(this.field()));
  private readonly value = computed(() => this.form().value(this.field()));
  protected readonly error = computed(() => this.form().errorOf(this.field()));

  constructor() {
    const el =
      inject<ElementRef<HTMLIonInputElement | HTMLIonTextareaElement>>(ElementRef).nativeElement;
    afterRenderEffect(() => {
      el.value = this.value();
    });
  }
}
