// Chromium's virtual authenticator, through the DevTools protocol's WebAuthn domain
// (https://chromedevtools.github.io/devtools-protocol/tot/WebAuthn/): a platform authenticator
// ("internal" transport, CTAP2) that keeps resident keys (passkeys) and verifies the user at once,
// as a phone's fingerprint or a laptop's screen lock would. It lives in the tab it was added to,
// across that tab's navigations. The browser makes real passkeys with it: real keys, real
// signatures, the origin and relying party id the browser puts in them.
import type { CDPSession, Page } from '@playwright/test';

export interface VirtualAuthenticator {
  /** The passkeys it holds (their credential ids, base64url). */
  credentialIds(): Promise<string[]>;
  /** Forgets every passkey it holds, as a device wiped or another device would have none. */
  clear(): Promise<void>;
  /** Takes it out of the tab. */
  remove(): Promise<void>;
}

/** Adds a virtual platform authenticator to `page`'s tab. */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async credentialIds() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      // The protocol gives ids in base64; WebAuthn's JSON (and Cognito) in base64url.
      return credentials.map((c) => Buffer.from(c.credentialId, 'base64').toString('base64url'));
    },
    async clear() {
      await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    },
    async remove() {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      await cdp.detach();
    },
  };
}
