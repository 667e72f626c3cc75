import { TestBed } from '@angular/core/testing';
import { AlertController } from '@ionic/angular/alert-controller';
import type { AuthWebAuthnCredential } from 'aws-amplify/auth';
import { cognitoError } from '../auth/auth-testing';
import { PASSKEYS_NOT_HERE, PASSKEYS_WORK_HERE } from '../auth/first-factors';
import { NO_PASSKEY_ADDED } from '../auth/passwordless-errors';
import { appTestingProviders } from '../testing';
import { displayDateTime } from '../timers/format';
import { AMPLIFY_ACCOUNT, type AmplifyAccountApi } from './amplify-account';
import { PasskeysComponent } from './passkeys.component';

const CREATED = new Date('2030-01-31T17:05:00Z');

function credential(id: string, name?: string): AuthWebAuthnCredential {
  return {
    credentialId: id,
    friendlyCredentialName: name,
    relyingPartyId: 'localhost',
    authenticatorTransports: ['internal'],
    createdAt: CREATED,
  };
}

describe('PasskeysComponent', () => {
  async function setup(pages: AuthWebAuthnCredential[][], here = true, unreadable = false) {
    const account = jasmine.createSpyObj<AmplifyAccountApi>('account', [
      'listWebAuthnCredentials',
      'associateWebAuthnCredential',
      'deleteWebAuthnCredential',
    ]);
    // One page after the other, each read listing them all again.
    const listing = () =>
      pages.map((credentials, i) => ({
        credentials,
        ...(i < pages.length - 1 ? { nextToken: `p${i + 1}` } : {}),
      }));
    const reads = { failing: unreadable };
    account.listWebAuthnCredentials.and.callFake(async (input) => {
      if (reads.failing) throw cognitoError('InternalErrorException', 'raw');
      return listing()[input?.nextToken ? Number(input.nextToken.slice(1)) : 0]!;
    });
    const alert = {
      present: jasmine.createSpy('present').and.resolveTo(),
      onDidDismiss: jasmine.createSpy('onDidDismiss').and.resolveTo({ role: 'destructive' }),
    };
    const alerts = jasmine.createSpyObj<AlertController>('alerts', ['create']);
    alerts.create.and.resolveTo(alert as unknown as HTMLIonAlertElement);
    TestBed.configureTestingModule({
      providers: [
        ...appTestingProviders(),
        { provide: AMPLIFY_ACCOUNT, useValue: account },
        { provide: AlertController, useValue: alerts },
        { provide: PASSKEYS_WORK_HERE, useValue: here },
      ],
    });
    const fixture = TestBed.createComponent(PasskeysComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const status = () => el.querySelector('[data-testid=passkeys-status]')?.textContent?.trim();
    const items = () =>
      [...el.querySelectorAll('[data-testid=passkey-list] li')].map((li) =>
        li.textContent!.replace(/\s+/g, ' ').trim(),
      );
    const stable = async () => {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    return { account, alerts, alert, fixture, el, status, items, stable, pages, reads };
  }

  it('lists every passkey, over pages, with its name and when it was added', async () => {
    const { status, items, account } = await setup([
      [credential('a', 'Passkey on this device')],
      [credential('b', ' '), { ...credential('c', 'Security key'), createdAt: undefined }],
    ]);
    expect(account.listWebAuthnCredentials).toHaveBeenCalledWith({
      pageSize: 20,
      nextToken: undefined,
    });
    expect(account.listWebAuthnCredentials).toHaveBeenCalledWith({
      pageSize: 20,
      nextToken: 'p1',
    });
    const added = displayDateTime(CREATED.toISOString());
    expect(items()).toEqual([
      `Passkey on this device Added ${added} Remove`,
      `Passkey Added ${added} Remove`,
      'Security key Remove',
    ]);
    expect(status()).toBe('3 passkeys sign in to your account.');
  });

  it('adds one: the browser and Cognito do it, the list is read again', async () => {
    const { account, el, status, items, stable, pages } = await setup([[]]);
    expect(status()).toBe(
      'No passkeys yet: add one to sign in with this device instead of your password.',
    );
    account.associateWebAuthnCredential.and.callFake(async () => {
      pages[0] = [credential('new', 'Passkey on this device')];
    });
    el.querySelector<HTMLElement>('ion-button')!.click();
    await stable();
    expect(account.associateWebAuthnCredential).toHaveBeenCalled();
    expect(items()).toHaveSize(1);
    expect(status()).toBe('Passkey added: next time, choose “Sign in with a passkey”.');
  });

  it('says in words when adding fails, and lists what Cognito has', async () => {
    const { account, el, status, items, stable } = await setup([[credential('a', 'Mine')]]);
    account.associateWebAuthnCredential.and.rejectWith(
      cognitoError('PasskeyRegistrationCanceled', 'raw'),
    );
    [...el.querySelectorAll<HTMLElement>('ion-button')].at(-1)!.click();
    await stable();
    expect(status()).toBe(NO_PASSKEY_ADDED);
    expect(items()).toHaveSize(1);
  });

  it('removes one after the confirm dialog, naming it; Cancel removes nothing', async () => {
    const { account, alerts, alert, el, status, items, stable, pages } = await setup([
      [credential('a', 'Mine'), credential('b', 'Other')],
    ]);
    alert.onDidDismiss.and.resolveTo({ role: 'cancel' });
    el.querySelector<HTMLElement>('li ion-button')!.click();
    await stable();
    expect(alerts.create).toHaveBeenCalledWith(
      jasmine.objectContaining({
        header: 'Remove passkey?',
        message: jasmine.stringContaining('“Mine”, added'),
      }),
    );
    expect(account.deleteWebAuthnCredential).not.toHaveBeenCalled();

    alert.onDidDismiss.and.resolveTo({ role: 'destructive' });
    account.deleteWebAuthnCredential.and.callFake(async () => {
      pages[0] = [credential('b', 'Other')];
    });
    const remove = el.querySelector('li ion-button')!;
    // Ionic moves the host's aria-label onto its inner button.
    const named = remove.shadowRoot?.querySelector('button') ?? remove;
    expect(named.getAttribute('aria-label')).toMatch(/^Remove Mine, added /);
    (remove as HTMLElement).click();
    await stable();
    expect(account.deleteWebAuthnCredential).toHaveBeenCalledWith({ credentialId: 'a' });
    expect(items()).toEqual([jasmine.stringMatching(/^Other /)]);
    expect(status()).toContain('“Mine” was removed: it no longer signs you in.');
  });

  it('where passkeys cannot work, says why instead of offering to add one', async () => {
    const { el } = await setup([[credential('a', 'Mine')]], false);
    expect(el.querySelector('[data-testid=passkeys-not-here]')?.textContent).toBe(
      PASSKEYS_NOT_HERE,
    );
    expect([...el.querySelectorAll('ion-button')].map((b) => b.textContent?.trim())).toEqual([
      'Remove',
    ]);
  });

  it('a list that cannot be read says so and offers Try again', async () => {
    spyOn(console, 'error');
    const { el, status, items, stable, reads } = await setup(
      [[credential('a', 'Mine')]],
      true,
      true,
    );
    expect(status()).toBe('Your passkeys could not be read or changed. Try again in a moment.');
    const buttons = () => [...el.querySelectorAll<HTMLElement>('ion-button')];
    expect(buttons().map((b) => b.textContent?.trim())).toEqual(['Try again']);
    reads.failing = false;
    buttons()[0]!.click();
    await stable();
    expect(items()).toHaveSize(1);
    expect(status()).toBe('One passkey signs in to your account.');
  });
});
