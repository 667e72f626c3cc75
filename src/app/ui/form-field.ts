import { afterRenderEffect, computed, Directive, ElementRef, inject, input } from '@angular/core';

/** What a form field reads from and reports to: the page's own signal-held form state. */
export interface FieldForm<F extends string = string> {
  value(field: F): string;
  /** The field's error once it is to be shown, null otherwise. */
  errorOf(field: F): string | null;
  set(field: F, event: Event): void;
  touch(field: F): void;
  /**
   * The most characters (code points, as the server counts) the field takes; `app-field-help`
   * counts up to it and says when a value goes over. No limit when undefined.
   */
  maxlength?(field: F): number | undefined;
  /** How many characters of the value its rule refuses as invisible control characters. */
  controls?(field: F): number;
  /** Removes those characters from the value. */
  removeControls?(field: F): void;
}

/**
 * One form field's look and state on Ionic's `ion-input` or `ion-textarea` web component: stacked
 * label, outline, value, error text and the `ion-invalid`/`ion-touched` classes from the form,
 * and `data-field` for the page to focus the first failing field. No `maxlength`: the browser's
 * counts UTF-16 units, not the characters the server counts, and it cuts input without a word
 * (an emoji typed at 99 of 100 vanished); `app-field-help` counts instead.
 *
 * `errorText` goes through its attribute, which the web components
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
