import {
  afterRenderEffect,
  computed,
  Directive,
  ElementRef,
  HostAttributeToken,
  inject,
  input,
  model,
  output,
} from '@angular/core';
import {
  FORM_FIELD,
  transformedValue,
  type FormValueControl,
  type ValidationError,
} from '@angular/forms/signals';

type IonTextElement = HTMLIonInputElement | HTMLIonTextareaElement;

/**
 * What a date or time input that holds part of a value says: the browser reports '' for it, with
 * `validity.badInput`, and the form keeps it from being saved as if it were empty.
 */
const HALF_TYPED: Readonly<Record<string, string>> = {
  time: 'Enter a time, such as 07:30.',
  date: 'Enter a full date, or clear the field.',
  'datetime-local': 'Enter both a date and a time, or clear the field.',
};

/** The latest a date input takes: a 4-digit year (the browser's year field takes 6 otherwise). */
const LATEST: Readonly<Record<string, string>> = {
  date: '9999-12-31',
  'datetime-local': '9999-12-31T23:59',
};

/** What the input shows: its text, and whether the browser holds a half-typed date or time. */
interface Shown {
  text: string;
  halfTyped: boolean;
}

/**
 * Makes Ionic's `ion-input` or `ion-textarea` a Signal Forms control for `[formField]` (Angular's
 * custom control contract, `FormValueControl`), with the shared field look: stacked label, outline,
 * and the field's first error as Ionic shows one (`error-text` with the `ion-invalid` and
 * `ion-touched` classes) once the person has left the field or pressed submit. `focus()` is what
 * Signal Forms' `focusBoundControl()` calls. The input is named by the field's key in its form
 * (`name`, what password managers and the tests read; Signal Forms owns the attribute, so the
 * template sets none), and a date input (its `type` a static attribute) takes 4-digit years only.
 *
 * No `maxlength`: the browser's counts UTF-16 units, not the characters the server counts, and it
 * cuts input without a word (an emoji typed at 99 of 100 vanished); `app-field-help` counts instead.
 *
 * It binds Ionic's web components themselves, which the page defines (`defineCustomElement` of
 * `@ionic/core/components/ion-input.js`, `ion-textarea.js`: only what it shows, as each adds to
 * the page's chunk), with `CUSTOM_ELEMENTS_SCHEMA`; not @ionic/angular's IonInput/IonTextarea:
 * those are ControlValueAccessors that, after every keystroke and blur, copy Angular's `ng-*`
 * classes onto `ion-invalid`/`ion-touched`. Signal Forms sets no `ng-*` classes, so they would
 * remove the classes that show the error text as the person types.
 *
 * `error-text` goes through its attribute, which the web components read like the property: a
 * directive's host property bindings are checked against the plain DOM schema, which knows none
 * of them. The value is the property itself, set after rendering: an attribute would not follow
 * the form once the person typed.
 *
 * @example
 * <ion-input [formField]="form.name" label="Name" />
 */
@Directive({
  // eslint-disable-next-line @angular-eslint/directive-selector -- completes Angular's [formField]
  selector: 'ion-input[formField], ion-textarea[formField]',
  host: {
    'label-placement': 'stacked',
    fill: 'outline',
    '[attr.name]': 'key()',
    '[attr.max]': 'latest',
    '[attr.error-text]': "error() ?? ''",
    '[class.ion-invalid]': '!!error()',
    '[class.ion-touched]': '!!error()',
    '(ionInput)': 'read()',
    '(ionBlur)': 'read(); touch.emit()',
    // Enter submits the form without a blur: what the input holds is read first.
    '(keydown.enter)': 'read()',
  },
})
export class IonFieldDirective implements FormValueControl<string> {
  readonly value = model('');
  readonly errors = input<readonly ValidationError.WithOptionalFieldTree[]>([]);
  readonly touched = input(false);
  readonly touch = output();
  private readonly el = inject<ElementRef<IonTextElement>>(ElementRef).nativeElement;
  private readonly type = inject(new HostAttributeToken('type'), { optional: true }) ?? 'text';
  protected readonly latest = LATEST[this.type] ?? null;
  private readonly field = inject(FORM_FIELD);
  protected readonly key = computed(() => String(this.field.state().keyInParent()));
  /**
   * A half-typed date or time is a parse error of the field (as Signal Forms reports for a native
   * input): it keeps the value that was there and blocks a submit until completed or cleared.
   */
  private readonly shown = transformedValue<string, Shown>(this.value, {
    parse: ({ text, halfTyped }) =>
      halfTyped
        ? { error: { kind: 'half-typed', message: HALF_TYPED[this.type] ?? 'Check this field.' } }
        : { value: text },
    format: (text) => ({ text, halfTyped: false }),
  });
  protected readonly error = computed(() =>
    this.touched() ? (this.errors()[0]?.message ?? null) : null,
  );

  constructor() {
    // The model, not what was last typed: a half-typed date stays on screen for the person to finish.
    afterRenderEffect(() => {
      this.el.value = this.value();
    });
  }

  focus(): void {
    void this.el.setFocus();
  }

  protected read(): void {
    const native = this.el.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    this.shown.set({
      text: String(this.el.value ?? ''),
      halfTyped: !!native?.validity.badInput,
    });
  }
}
