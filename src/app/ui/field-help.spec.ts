import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, FormField, MAX_LENGTH, metadata } from '@angular/forms/signals';
import { provideIonicAngular } from '@ionic/angular/provide';
import { defineCustomElement as defineIonInput } from '@ionic/core/components/ion-input.js';
import { FieldHelpComponent, INVISIBLE_REFUSED } from './field-help';
import { IonFieldDirective } from './ion-field';

defineIonInput();

/** A one-field form of at most 10 characters whose rule refuses the bell character (U+0007). */
@Component({
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FormField, IonFieldDirective, FieldHelpComponent],
  template: `<div>
    <ion-input [formField]="form.text" label="Text" /><app-field-help [field]="form.text" />
  </div>`,
})
class HostComponent {
  readonly model = signal({ text: '' });
  readonly form = form(this.model, (f) => {
    metadata(f.text, MAX_LENGTH, () => 10);
    metadata(
      f.text,
      INVISIBLE_REFUSED,
      () => (value: string) => [...value].filter((c) => c === '\u0007'),
    );
  });
}

describe('FieldHelpComponent', () => {
  async function render(text: string) {
    TestBed.configureTestingModule({ providers: [provideIonicAngular()] });
    const fixture = TestBed.createComponent(HostComponent);
    const model = fixture.componentInstance.model;
    model.set({ text });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const text_ = (id: string) => el.querySelector(`[data-testid=${id}]`)?.textContent?.trim();
    const status = () => el.querySelector('app-field-help [role=status]')?.textContent;
    return { fixture, el, model, text: text_, status };
  }

  it('counts code points as the server does: an emoji is one character', async () => {
    const { text, status } = await render('😀'.repeat(10));
    expect(text('field-count')).toBe('10 / 10');
    expect(status()).toBe('');
  });

  it('says how many too many, in words for screen readers, and cuts nothing', async () => {
    const { fixture, model, text, status } = await render('x'.repeat(12));
    expect(text('field-count')).toMatch(/^2 too many\s+·\s+12 \/ 10$/);
    expect(status()).toBe('2 characters too many');
    expect(model().text).toBe('x'.repeat(12));
    model.set({ text: 'x'.repeat(10) });
    await fixture.whenStable();
    expect(text('field-count')).toBe('10 / 10');
  });

  it('names invisible control characters and removes them on request, back in the field', async () => {
    const { fixture, el, model, text, status } = await render('a\u0007b\u0007');
    expect(text('field-controls')).toContain('2 invisible control characters are in this text');
    const input = el.querySelector<HTMLIonInputElement>('ion-input')!;
    const focus = spyOn(input, 'setFocus').and.resolveTo();
    el.querySelector<HTMLElement>('[data-testid=field-controls] ion-button')!.click();
    await fixture.whenStable();
    expect(model().text).toBe('ab');
    expect(input.value).toBe('ab');
    expect(el.querySelector('[data-testid=field-controls]')).toBeNull();
    expect(status()).toBe('Removed 2 invisible characters');
    expect(focus).toHaveBeenCalled();
  });
});
