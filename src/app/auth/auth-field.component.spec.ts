import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { apply, form } from '@angular/forms/signals';
import { label } from '../ui/form-status';
import { AuthFieldComponent } from './auth-field.component';
import { EMAIL, EMAIL_CODE, NEW_PASSWORD, PASSWORD, USERNAME } from './auth-fields';
import { authTestingProviders, fakeAmplify } from './auth-testing';

/** One field for each purpose the pages give, and one with none. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthFieldComponent],
  template: `
    <app-auth-field [field]="form.plain" />
    <app-auth-field [field]="form.username" autocomplete="username" />
    <app-auth-field [field]="form.email" autocomplete="email" />
    <app-auth-field [field]="form.code" autocomplete="one-time-code" />
    <app-auth-field [field]="form.current" autocomplete="current-password" />
    <app-auth-field [field]="form.fresh" autocomplete="new-password" />
  `,
})
class FieldsHost {
  readonly form = form(
    signal({ plain: '', username: '', email: '', code: '', current: '', fresh: '' }),
    (f) => {
      label(f.plain, 'Plain');
      apply(f.username, USERNAME);
      apply(f.email, EMAIL);
      apply(f.code, EMAIL_CODE);
      apply(f.current, PASSWORD);
      apply(f.fresh, NEW_PASSWORD);
    },
  );
}

describe('AuthFieldComponent', () => {
  it('gives each input the type and keyboard its autocomplete purpose calls for', async () => {
    TestBed.configureTestingModule({ providers: authTestingProviders(fakeAmplify()) });
    const fixture = TestBed.createComponent(FieldsHost);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const field = (name: string): Record<string, string | null | undefined> => {
      const input = el.querySelector<HTMLIonInputElement>(`ion-input[name=${name}]`)!;
      const { type, inputmode, autocomplete, label } = input;
      return { type, inputmode, autocomplete, label, spellcheck: input.getAttribute('spellcheck') };
    };
    const text = { type: 'text', inputmode: 'text', spellcheck: null };
    const password = { type: 'password', inputmode: 'text', spellcheck: 'false' };
    expect(field('plain')).toEqual({ ...text, autocomplete: 'off', label: 'Plain' });
    expect(field('username')).toEqual({ ...text, autocomplete: 'username', label: 'Username' });
    expect(field('email')).toEqual({
      type: 'email',
      inputmode: 'email',
      autocomplete: 'email',
      label: 'Email',
      spellcheck: null,
    });
    expect(field('code')).toEqual({
      ...text,
      inputmode: 'numeric',
      autocomplete: 'one-time-code',
      label: 'Code',
    });
    expect(field('current')).toEqual({
      ...password,
      autocomplete: 'current-password',
      label: 'Password',
    });
    expect(field('fresh')).toEqual({
      ...password,
      autocomplete: 'new-password',
      label: 'New password',
    });
  });
});
