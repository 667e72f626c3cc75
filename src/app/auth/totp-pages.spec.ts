import { cognitoError, renderAuthPage, typeInto } from './auth-testing';
import { TotpCodePage } from './totp-code.page';
import { TotpSetupPage } from './totp-setup.page';

// cognito-local cannot start a TOTP setup at sign-in (no MFA_SETUP challenge), so the setup page
// is tested here with a fake Amplify; the code page also runs end to end (e2e/sign-in-steps).
describe('TOTP pages', () => {
  it('setup shows the key and an otpauth: link, then verifies the first code', async () => {
    const { amplify, nav, flow, page, el, errorOf } = await renderAuthPage(
      TotpSetupPage,
      {},
      (earlier) => {
        earlier.username.set('ann@example.com');
        earlier.totpSetup.set({
          sharedSecret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
          getSetupUri: (app, account) =>
            new URL(
              `otpauth://totp/${app}:${account}?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=${app}`,
            ),
        });
      },
    );
    expect(el.querySelector('[data-testid=totp-secret]')?.textContent).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP',
    );
    expect(el.querySelector<HTMLAnchorElement>('[data-testid=totp-link]')?.href).toBe(
      'otpauth://totp/Timers:ann@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Timers',
    );

    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('EnableSoftwareTokenMFAException'));
    typeInto(el, 'code', '123 456');
    await page.submit();
    expect(amplify.steps.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: '123456' });
    expect(await errorOf('code')).toContain('That code is not right');

    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    typeInto(el, 'code', '654321');
    await page.submit();
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers', { replaceUrl: true });
    expect(flow.totpSetup()).toBeNull();
  });

  it('setup without a sign-in in progress says to start again', async () => {
    const { el } = await renderAuthPage(TotpSetupPage);
    expect(el.querySelector('[data-testid=step-ended]')?.textContent).toContain(
      'Please sign in again.',
    );
    expect(el.querySelector('ion-input')).toBeNull();
  });

  it('code page opened without its step says so at once, with no field', async () => {
    const { el } = await renderAuthPage(TotpCodePage);
    expect(el.querySelector('[data-testid=step-ended]')?.textContent).toContain(
      'Please sign in again.',
    );
    expect(el.querySelector('ion-input')).toBeNull();
  });

  it('code page checks the shape first, then maps a wrong code', async () => {
    const { amplify, nav, page, el, errorOf } = await renderAuthPage(TotpCodePage, {}, (flow) =>
      flow.open('totp'),
    );
    typeInto(el, 'code', '12ab');
    await page.submit();
    expect(amplify.steps.confirmSignIn).not.toHaveBeenCalled();
    expect(await errorOf('code')).toBe('The code is 6 digits, such as 123456.');

    amplify.steps.confirmSignIn.and.rejectWith(cognitoError('CodeMismatchException'));
    typeInto(el, 'code', '000000');
    await page.submit();
    expect(await errorOf('code')).toBe(
      'That code is not right. Enter the current code from your authenticator app.',
    );

    amplify.steps.confirmSignIn.and.resolveTo({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    typeInto(el, 'code', '111111');
    await page.submit();
    expect(nav.navigateByUrl).toHaveBeenCalledWith('/timers', { replaceUrl: true });
  });
});
