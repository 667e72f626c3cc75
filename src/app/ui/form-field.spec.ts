import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { FormFieldDirective, type FieldForm } from './form-field';

defineIonInput();

/** A form as small as the directive needs: one value and one error, both in signals. */
class OneFieldForm implements FieldForm {
  readonly text = signal('');
  readonly error = signal<string | null>(null);
  readonly touched: string[] = [];
  readonly max = signal<number | undefined>(20);
  value = () => this.text();
  maxlength = () => this.max();
  errorOf = () => this.error();
  set = (_field: string, event: Event) =>
    this.text.set(String((event.target as HTMLInputElement).value));
  touch = (field: string) => void this.touched.push(field);
}

@Component({
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FormFieldDirective],
  template: `<ion-input appField="name" [form]="form" label="Name" />`,
})
class HostComponent {
  readonly form = new OneFieldForm();
}

describe('FormFieldDirective', () => {
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el = (fixture.nativeElement as HTMLElement).querySelector('ion-input')!;
    return { fixture, el, form: fixture.componentInstance.form };
  }

  it('gives the field its look and its focus target, and no maxlength to cut input with', async () => {
    const { el } = await render();
    expect(el.getAttribute('data-field')).toBe('name');
    expect(el.getAttribute('label-placement')).toBe('stacked');
    expect(el.getAttribute('fill')).toBe('outline');
    expect(el.maxlength).toBeUndefined();
    expect(el.querySelector('input')!.maxLength).toBe(-1);
  });

  it('marks the field and shows its error only while the form reports one', async () => {
    const { fixture, el, form } = await render();
    expect(el.classList).not.toContain('ion-invalid');
    form.error.set('Name is required.');
    await fixture.whenStable();
    expect(el.classList).toContain('ion-invalid');
    expect(el.classList).toContain('ion-touched');
    expect(el.errorText).toBe('Name is required.');
    form.error.set(null);
    await fixture.whenStable();
    expect(el.classList).not.toContain('ion-invalid');
    expect(el.errorText).toBe('');
  });

  it('reports typing and leaving to the form, and shows the value the form holds', async () => {
    const { fixture, el, form } = await render();
    const input = el.querySelector('input')!;
    input.value = 'Backup';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    el.dispatchEvent(new CustomEvent('ionBlur'));
    await fixture.whenStable();
    expect(form.text()).toBe('Backup');
    expect(form.touched).toEqual(['name']);
    form.text.set('Restore');
    await fixture.whenStable();
    expect(el.value).toBe('Restore');
  });
});
