import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthFieldComponent } from './auth-field.component';
import { EMAIL, EMAIL_CODE, NEW_PASSWORDS, PASSWORD, USERNAME } from './auth-fields';
import { authForm } from './auth-form';
import { authTestingProviders, fakeAmplify } from './auth-testing';

/** One field for each purpose the pages give, and one with none. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthFieldComponent],
  template: `
    <app-auth-field [form]="form" name="plain" />
    <app-auth-field [form]="form" name="username" autocomplete="username" />
    <app-auth-field [form]="form" name="email" autocomplete="email" />
    <app-auth-field [form]="form" name="code" autocomplete="one-time-code" />
    <app-auth-field [form]="form" name="current" autocomplete="current-password" />
    <app-auth-field [form]="form" name="fresh" autocomplete="new-password" />
  `,
})
class FieldsHost {
  readonly form = authForm({
    plain: { label: 'Plain', rule: () => undefined },
    username: USERNAME,
    email: EMAIL,
    code: EMAIL_CODE,
    current: PASSWORD,
    fresh: NEW_PASSWORDS.password,
  });
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
