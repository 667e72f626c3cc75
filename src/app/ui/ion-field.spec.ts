import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, FormField, validate } from '@angular/forms/signals';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { IonFieldDirective } from './ion-field';

defineIonInput();

/** Two fields bound as the pages bind them: a required name, and a time. */
@Component({
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FormField, IonFieldDirective],
  template: `
    <ion-input [formField]="form.name" label="Name" />
    <ion-input [formField]="form.time" label="Time" type="time" />
    <ion-input [formField]="form.until" label="Until" type="datetime-local" />
  `,
})
class HostComponent {
  readonly model = signal({ name: '', time: '08:00', until: '' });
  readonly form = form(this.model, (f) => {
    validate(f.name, ({ value }) =>
      value().trim() ? undefined : { kind: 'required', message: 'Name is required.' },
    );
  });
}

describe('IonFieldDirective', () => {
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    const el = fixture.nativeElement as HTMLElement;
    const input = (name: string) =>
      el.querySelector<HTMLIonInputElement>(`ion-input[name=${name}]`)!;
    /** Types as a person does: the native input's value, then its input event. */
    const type = async (name: string, value: string) => {
      const native = input(name).querySelector('input')!;
      native.value = value;
      native.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await fixture.whenStable();
    };
    return { fixture, host, input, type };
  }

  it('gives the field its look and its name, and no maxlength to cut input with', async () => {
    const { input } = await render();
    const name = input('name');
    expect(name).not.toBeNull();
    expect(name.getAttribute('label-placement')).toBe('stacked');
    expect(name.getAttribute('fill')).toBe('outline');
    expect(name.maxlength).toBeUndefined();
    expect(name.querySelector('input')!.maxLength).toBe(-1);
    expect(input('time').getAttribute('max')).toBeNull();
    expect(input('until').getAttribute('max')).toBe('9999-12-31T23:59');
  });

  it('shows the error once the person has left the field, and only while there is one', async () => {
    const { fixture, input, type } = await render();
    const name = input('name');
    expect(name.classList).not.toContain('ion-invalid');
    name.dispatchEvent(new CustomEvent('ionBlur'));
    await fixture.whenStable();
    expect(name.classList).toContain('ion-invalid');
    expect(name.classList).toContain('ion-touched');
    expect(name.errorText).toBe('Name is required.');
    await type('name', 'Backup');
    expect(name.classList).not.toContain('ion-invalid');
    expect(name.errorText).toBe('');
  });

  it('keeps the field marked while the person types something still invalid', async () => {
    const { fixture, host, input, type } = await render();
    host.form().markAsTouched();
    await type('name', '   ');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await fixture.whenStable();
    expect(input('name').classList).toContain('ion-invalid');
  });

  it('puts what is typed in the model, and what the model holds on screen', async () => {
    const { fixture, host, input, type } = await render();
    await type('name', 'Backup');
    expect(host.model().name).toBe('Backup');
    host.model.update((m) => ({ ...m, name: 'Restore' }));
    await fixture.whenStable();
    expect(input('name').value).toBe('Restore');
  });

  it('takes a half-typed time as an error of the field, keeping the last value', async () => {
    const { fixture, host, input } = await render();
    const native = input('time').querySelector('input')!;
    // The browser reports '' with badInput for "07:--"; a script cannot type half a time.
    Object.defineProperty(native, 'validity', { value: { badInput: true } });
    native.value = '';
    native.dispatchEvent(new InputEvent('input', { bubbles: true }));
    input('time').dispatchEvent(new CustomEvent('ionBlur'));
    await fixture.whenStable();
    expect(host.model().time).toBe('08:00');
    expect(host.form.time().invalid()).toBeTrue();
    expect(input('time').errorText).toBe('Enter a time, such as 07:30.');
  });

  it('is what Signal Forms focuses for its field', async () => {
    const { host, input } = await render();
    const focus = spyOn(input('name'), 'setFocus').and.resolveTo();
    host.form.name().focusBoundControl();
    expect(focus).toHaveBeenCalled();
  });
});
