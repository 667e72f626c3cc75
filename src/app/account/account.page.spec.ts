import { TestBed } from '@angular/core/testing';
import { FakeCognitoTokenSource, fakeJwt } from 'ngx-cognito-gateway/testing';
import { settle } from '../testing';
import {
  authTestingProviders,
  cognitoError,
  fakeAmplify,
  shownError,
  typeInto,
} from '../auth/auth-testing';
import { AccountPage } from './account.page';
import { AMPLIFY_ACCOUNT, type AmplifyAccountApi } from './amplify-account';

describe('AccountPage', () => {
  async function setup(enabled: ('TOTP' | 'SMS')[] = [], choiceBasedSignIn = false) {
    const amplify = fakeAmplify();
    const account = jasmine.createSpyObj<AmplifyAccountApi>('account', [
      'fetchMFAPreference',
      'setUpTOTP',
      'verifyTOTPSetup',
      'updateMFAPreference',
      'listWebAuthnCredentials',
      'associateWebAuthnCredential',
      'deleteWebAuthnCredential',
    ]);
    account.fetchMFAPreference.and.resolveTo({ enabled });
    account.listWebAuthnCredentials.and.resolveTo({ credentials: [] });
    TestBed.configureTestingModule({
      providers: [
        ...authTestingProviders(amplify, {}, { choiceBasedSignIn }),
        { provide: AMPLIFY_ACCOUNT, useValue: account },
      ],
    });
    // The fake hands out its token as the ID token too.
    TestBed.inject(FakeCognitoTokenSource).signIn(
      fakeJwt({ expiresInSeconds: 3600, claims: { email: 'ann@example.com' } }),
    );
    const fixture = TestBed.createComponent(AccountPage);
    await settle();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const status = () => el.querySelector('[data-testid=totp-status]')?.textContent?.trim();
    return { account, fixture, page: fixture.componentInstance, el, status };
  }

  it('names who is signed in, beside Sign out', async () => {
    const { el } = await setup();
    expect(el.querySelector('[data-testid=account-email]')?.textContent).toBe('ann@example.com');
    expect(el.querySelector('app-sign-out-button')?.textContent).toContain('Sign out');
  });

  it('shows passkeys with choice-based sign-in only, through which they sign in', async () => {
    const without = await setup();
    expect(without.el.querySelector('app-passkeys')).toBeNull();
    expect(without.account.listWebAuthnCredentials).not.toHaveBeenCalled();
    TestBed.resetTestingModule();
    const withChoices = await setup([], true);
    expect(withChoices.el.querySelector('app-passkeys h2')?.textContent).toBe('Passkeys');
    expect(withChoices.account.listWebAuthnCredentials).toHaveBeenCalled();
  });

  it('sets up an authenticator app: the key, a wrong code in words, then on as preferred', async () => {
    const { account, fixture, page, el, status } = await setup();
    expect(status()).toContain('Off');
    account.setUpTOTP.and.resolveTo({
      sharedSecret: 'JBSWY3DPEHPK3PXP',
      getSetupUri: (app, name) => new URL(`otpauth://totp/${app}:${name}?secret=JBSWY3DPEHPK3PXP`),
    });
    await page.totp.start();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=totp-secret]')?.textContent).toBe('JBSW Y3DP EHPK 3PXP');
    expect(el.querySelector<HTMLAnchorElement>('[data-testid=totp-link]')?.href).toBe(
      'otpauth://totp/Timers:ann@example.com?secret=JBSWY3DPEHPK3PXP',
    );

    account.verifyTOTPSetup.and.rejectWith(cognitoError('EnableSoftwareTokenMFAException'));
    typeInto(el, 'code', '123 456');
    await page.totp.verify();
    expect(account.verifyTOTPSetup).toHaveBeenCalledWith({ code: '123456' });
    await fixture.whenStable();
    expect(shownError(el, 'code')).toContain('That code is not right');
    expect(account.updateMFAPreference).not.toHaveBeenCalled();

    account.verifyTOTPSetup.and.resolveTo();
    account.updateMFAPreference.and.resolveTo();
    typeInto(el, 'code', '654321');
    await page.totp.verify();
    await fixture.whenStable();
    expect(account.updateMFAPreference).toHaveBeenCalledWith({ totp: 'PREFERRED' });
    expect(page.totp.state()).toBe('on');
    expect(status()).toBe('Your authenticator app is on: the next sign-in asks for its code.');
    expect(el.querySelector('app-totp-key')).toBeNull();
  });

  it('turns it off, and says in words when a call fails', async () => {
    const { account, fixture, page, status } = await setup(['TOTP']);
    expect(status()).toContain('On');
    spyOn(console, 'error');
    account.updateMFAPreference.and.rejectWith(cognitoError('InternalErrorException', 'raw'));
    await page.totp.turnOff();
    await fixture.whenStable();
    expect(status()).toBe(
      'The authenticator app setting could not be read or changed. Try again in a moment.',
    );
    account.updateMFAPreference.and.resolveTo();
    await page.totp.turnOff();
    await fixture.whenStable();
    expect(account.updateMFAPreference).toHaveBeenCalledWith({ totp: 'DISABLED' });
    expect(page.totp.state()).toBe('off');
  });
});
