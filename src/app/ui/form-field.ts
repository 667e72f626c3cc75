import {
  afterRenderEffect,
  computed,
  Directive,
  ElementRef,
  forwardRef,
  inject,
  InjectionToken,
  input,
  type Provider,
  type Type,
} from '@angular/core';

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

/** The form of the fields in a page's template that bind none with `[form]`. */
export const FIELD_FORM = new InjectionToken<FieldForm>('FIELD_FORM');

/**
 * Makes a page the form of every field in its template, so none repeats `[form]="this"`.
 *
 * @example
 * @Component({ providers: [provideFieldForm(() => TimerFormPage)], … })
 */
export function provideFieldForm(page: () => Type<FieldForm>): Provider {
  return { provide: FIELD_FORM, useExisting: forwardRef(page) };
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
    '(ionInput)': 'source().set(field(), $event)',
    '(ionBlur)': 'source().touch(field())',
  },
})
export class FormFieldDirective {
  /** The field's name in the form. */
  readonly field = input.required<string>({ alias: 'appField' });
  /** The form; the page's (see `provideFieldForm`) when not bound. */
  readonly form = input<FieldForm>();
  private readonly provided = inject(FIELD_FORM, { optional: true });
  protected readonly source = computed(() => {
    const form = this.form() ?? this.provided;
    if (!form)
      throw new Error(`Field "${this.field()}" has no form: bind [form] or provideFieldForm`);
    return form;
  });
  protected readonly maxlength = computed(() => this.source().maxlength?.(this.field()));
  private readonly value = computed(() => this.source().value(this.field()));
  protected readonly error = computed(() => this.source().errorOf(this.field()));

  constructor() {
    const el =
      inject<ElementRef<HTMLIonInputElement | HTMLIonTextareaElement>>(ElementRef).nativeElement;
    afterRenderEffect(() => {
      el.value = this.value();
    });
  }
}
