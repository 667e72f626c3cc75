import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  input,
  viewChild,
} from '@angular/core';
import { AuthFieldComponent } from './auth-field.component';
import type { FieldTree } from '@angular/forms/signals';
import type { TotpSetupDetails } from './sign-in-flow';

/** The issuer authenticator apps list the account under. */
export const TOTP_ISSUER = 'Timers';

/**
 * An authenticator app's setup key for one account: the shared secret grouped by four, to type,
 * and an `otpauth:` link that opens an authenticator app on the same device; then the form's
 * code field for the first code the app shows. No QR code: that would need a QR encoder the
 * project does not have as a dependency.
 *
 * @example
 * <app-totp-key [setup]="details" account="ann@example.com" [code]="form.code" />
 */
@Component({
  selector: 'app-totp-key',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthFieldComponent],
  template: `
    <p>In your authenticator app, add an account with this key (time-based):</p>
    <p>
      <code class="secret" data-testid="totp-secret">{{ grouped() }}</code>
    </p>
    <p><a #link data-testid="totp-link">Open in an authenticator app</a> (on this device)</p>
    <app-auth-field
      [field]="code()"
      autocomplete="one-time-code"
      helper="The 6-digit code the app now shows for Timers"
    />
  `,
  styles: `
    :host {
      display: grid;
      gap: 1rem;
    }
    p {
      margin: 0;
    }
    .secret {
      font-family: ui-monospace, monospace;
      font-size: 1.1rem;
      word-spacing: 0.3em;
      overflow-wrap: anywhere;
    }
  `,
})
export class TotpKeyComponent {
  readonly setup = input.required<TotpSetupDetails>();
  /** The account name the app shows next to the issuer (the person's e-mail address). */
  readonly account = input('');
  /** The form field that takes the app's first code. */
  readonly code = input.required<FieldTree<string>>();
  readonly grouped = computed(() =>
    this.setup()
      .sharedSecret.replace(/(.{4})/g, '$1 ')
      .trim(),
  );
  private readonly uri = computed(
    () => this.setup().getSetupUri(TOTP_ISSUER, this.account() || undefined).href,
  );
  private readonly link = viewChild.required<ElementRef<HTMLAnchorElement>>('link');

  constructor() {
    // The otpauth: URI is Amplify's, built from the secret. Angular's URL sanitizer would prefix
    // its scheme with "unsafe:", so the link gets it directly.
    afterRenderEffect(() => {
      this.link().nativeElement.href = this.uri();
    });
  }
}
