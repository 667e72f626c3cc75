import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { apply, form } from '@angular/forms/signals';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { TOTP_CODE } from '../auth/auth-fields';
import { SignOutButtonComponent } from '../auth/sign-out-button.component';
import { SignedInUser } from '../auth/signed-in-user';
import { TotpKeyComponent } from '../auth/totp-key.component';
import { RUNTIME_CONFIG } from '../config/runtime-config.token';
import { PAGE_PARTS } from '../timers/page-parts';
import { FormStatus } from '../ui/form-status';
import { AMPLIFY_ACCOUNT } from './amplify-account';
import { PasskeysComponent } from './passkeys.component';
import { TotpSettings } from './totp-settings';

/**
 * The signed-in person's account: who is signed in, Sign out, their passkeys (with choice-based
 * sign-in), and an authenticator app (TOTP) as a second sign-in step, turned on with a first code
 * and off again.
 */
@Component({
  selector: 'app-account',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ...PAGE_PARTS,
    IonBackButton,
    IonSpinner,
    SignOutButtonComponent,
    TotpKeyComponent,
    PasskeysComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-buttons slot="start"
          ><ion-back-button defaultHref="/timers" aria-label="Back"
        /></ion-buttons>
        <ion-title role="heading" aria-level="1">Account</ion-title>
      </ion-toolbar>
    </ion-header>
    <ion-content class="ion-padding">
      <div class="page-width account">
        <section aria-labelledby="account-who">
          <h2 id="account-who">Signed in</h2>
          <p>
            You are signed in as
            <strong data-testid="account-email">{{ user.email() ?? 'this account' }}</strong>.
          </p>
          <app-sign-out-button fill="outline" />
        </section>
        @if (passkeys) {
          <app-passkeys />
        }
        <section aria-labelledby="account-totp">
          <h2 id="account-totp">Authenticator app</h2>
          <p role="status" data-testid="totp-status">{{ totp.status() }}</p>
          @switch (totp.state()) {
            @case ('off') {
              <ion-button (click)="totp.start()" [disabled]="totp.busy()">
                Set up an authenticator app
              </ion-button>
            }
            @case ('on') {
              <ion-button fill="outline" (click)="totp.turnOff()" [disabled]="totp.busy()">
                Turn off
              </ion-button>
            }
            @case ('unknown') {
              <ion-button fill="outline" (click)="totp.load()">Try again</ion-button>
            }
            @case ('setting-up') {
              <form (submit)="verify($event)" novalidate>
                <app-totp-key
                  [setup]="totp.setup()!"
                  [account]="user.email() ?? ''"
                  [code]="form.code"
                />
                <div class="field-error" role="alert">{{ status.failure() ?? '' }}</div>
                <div class="buttons">
                  <ion-button type="submit" [disabled]="status.busy()">
                    @if (status.busy()) {
                      <ion-spinner name="crescent" aria-hidden="true" />
                      Checking…
                    } @else {
                      Verify and turn on
                    }
                  </ion-button>
                  <ion-button fill="clear" (click)="totp.cancel()">Cancel</ion-button>
                </div>
              </form>
            }
          }
        </section>
      </div>
    </ion-content>
  `,
  styles: `
    .account,
    section,
    form {
      display: grid;
      gap: 1rem;
      justify-items: start;
    }
    .account {
      gap: 2rem;
    }
    section > *,
    form > * {
      margin: 0;
    }
    form,
    app-totp-key {
      justify-self: stretch;
    }
    h2 {
      font-size: 1.25rem;
    }
    ion-spinner {
      width: 1.1em;
      height: 1.1em;
      margin-inline-end: 0.5rem;
    }
  `,
})
export class AccountPage {
  readonly user = inject(SignedInUser);
  /** Passkeys sign in through choice-based sign-in only. */
  readonly passkeys = inject(RUNTIME_CONFIG).choiceBasedSignIn;
  readonly form = form(signal({ code: '' }), (f) => apply(f.code, TOTP_CODE));
  readonly status = new FormStatus(this.form);
  readonly totp = new TotpSettings(inject(AMPLIFY_ACCOUNT), this.form.code, this.status);

  verify(event: Event): void {
    event.preventDefault();
    void this.totp.verify();
  }
}
