import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, FormField, minLength } from '@angular/forms/signals';
import { provideIonicAngular } from '@ionic/angular/provide';
import type { DayOfWeek } from 'ngx-cognito-gateway/timer';
import { DayChipsComponent } from './day-chips.component';

@Component({
  imports: [FormField, DayChipsComponent],
  template: `<app-day-chips [formField]="form.days" />`,
})
class HostComponent {
  readonly model = signal<{ days: DayOfWeek[] }>({ days: ['MON'] });
  readonly form = form(this.model, (f) =>
    minLength(f.days, 1, { message: 'Pick at least one day.' }),
  );
}

describe('DayChipsComponent', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideIonicAngular()] });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const chips = [...el.querySelectorAll<HTMLElement>('ion-chip')];
    const checked = () => chips.map((chip) => chip.getAttribute('aria-checked') === 'true');
    const error = () => el.querySelector('[data-testid=days-error]')!.textContent!.trim();
    return { fixture, host: fixture.componentInstance, el, chips, checked, error };
  }

  it('is a group of checkboxes, one per day, the model’s days checked', async () => {
    const { el, chips, checked } = await render();
    expect(el.querySelector('legend')?.textContent).toBe('Days');
    expect(chips.length).toBe(7);
    expect(chips.every((chip) => chip.getAttribute('role') === 'checkbox')).toBeTrue();
    expect(checked()).toEqual([true, false, false, false, false, false, false]);
  });

  it('toggles a day by click, Space or Enter, in the model', async () => {
    const { fixture, host, chips } = await render();
    chips[2]!.click();
    chips[4]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    chips[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(host.model().days).toEqual(['WED', 'FRI']);
  });

  it('says at once that a day is missing when the last one is unchecked', async () => {
    const { fixture, el, chips, error } = await render();
    expect(error()).toBe('');
    chips[0]!.click();
    await fixture.whenStable();
    expect(error()).toBe('Pick at least one day.');
    expect(el.querySelector('fieldset')!.getAttribute('aria-describedby')).toBe('days-error');
    expect(chips[3]!.getAttribute('aria-invalid')).toBe('true');
  });

  it('is what Signal Forms focuses for its field: the first chip', async () => {
    const { host, chips } = await render();
    host.form.days().focusBoundControl();
    expect(document.activeElement).toBe(chips[0]!);
  });
});
