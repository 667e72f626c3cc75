import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideIonicAngular } from '@ionic/angular/provide';
import { FieldHelpComponent } from './field-help';
import type { FieldForm } from './form-field';

/** A one-field form whose rule refuses the bell character (U+0007). */
class OneFieldForm implements FieldForm {
  readonly text = signal('');
  value = () => this.text();
  maxlength = () => 10;
  errorOf = () => null;
  set = () => undefined;
  touch = () => undefined;
  controls = () => [...this.text()].filter((c) => c === '\u0007').length;
  removeControls = () => this.text.update((t) => t.replaceAll('\u0007', ''));
}

@Component({
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [FieldHelpComponent],
  template: `<div>
    <ion-input data-field="name" /><app-field-help [form]="form" field="name" />
  </div>`,
})
class HostComponent {
  readonly form = new OneFieldForm();
}

describe('FieldHelpComponent', () => {
  async function render(text: string) {
    TestBed.configureTestingModule({ providers: [provideIonicAngular()] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.form.text.set(text);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const text_ = (id: string) => el.querySelector(`[data-testid=${id}]`)?.textContent?.trim();
    const status = () => el.querySelector('[role=status]')?.textContent;
    return { fixture, el, form: fixture.componentInstance.form, text: text_, status };
  }

  it('counts code points as the server does: an emoji is one character', async () => {
    const { text, status } = await render('😀'.repeat(10));
    expect(text('field-count')).toBe('10 / 10');
    expect(status()).toBe('');
  });

  it('says how many too many, in words for screen readers, and cuts nothing', async () => {
    const { fixture, form, text, status } = await render('x'.repeat(12));
    expect(text('field-count')).toMatch(/^2 too many\s+·\s+12 \/ 10$/);
    expect(status()).toBe('2 characters too many');
    expect(form.text()).toBe('x'.repeat(12));
    form.text.set('x'.repeat(10));
    await fixture.whenStable();
    expect(text('field-count')).toBe('10 / 10');
  });

  it('names invisible control characters and removes them on request, back in the field', async () => {
    const { fixture, el, form, text, status } = await render('a\u0007b\u0007');
    expect(text('field-controls')).toContain('2 invisible control characters are in this text');
    const input = el.querySelector<HTMLElement & { setFocus: () => Promise<void> }>('ion-input')!;
    const focus = spyOn(input, 'setFocus').and.resolveTo();
    el.querySelector<HTMLElement>('[data-testid=field-controls] ion-button')!.click();
    await fixture.whenStable();
    expect(form.text()).toBe('ab');
    expect(el.querySelector('[data-testid=field-controls]')).toBeNull();
    expect(status()).toBe('Removed 2 invisible characters');
    expect(focus).toHaveBeenCalled();
  });
});
