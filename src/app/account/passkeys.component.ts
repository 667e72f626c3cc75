import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AlertController } from '@ionic/angular/alert-controller';
import { IonButton } from '@ionic/angular/ion-button';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import { PASSKEYS_NOT_HERE, PASSKEYS_WORK_HERE } from '../auth/first-factors';
import { AMPLIFY_ACCOUNT } from './amplify-account';
import { PasskeySettings, type Passkey } from './passkey-settings';

/**
 * The account page's passkeys: each with its name and when it was added, "Remove" behind a
 * confirmation, and "Add a passkey" where this page can make one (WebAuthn needs a secure page
 * that is not an IP address; elsewhere the section says so instead).
 */
@Component({
  selector: 'app-passkeys',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonButton, IonSpinner],
  template: `
    <section aria-labelledby="account-passkeys">
      <h2 id="account-passkeys">Passkeys</h2>
      <p role="status" data-testid="passkeys-status">{{ settings.status() }}</p>
      @if (settings.passkeys(); as passkeys) {
        @if (passkeys.length) {
          <ul data-testid="passkey-list">
            @for (passkey of passkeys; track passkey.id) {
              <li>
                <span>
                  <strong>{{ passkey.name }}</strong>{{ ' ' }}
                  @if (passkey.added) {
                    <span class="added">Added {{ passkey.added }}</span>
                  }
                </span>
                <ion-button
                  fill="outline"
                  size="small"
                  [disabled]="!!settings.work()"
                  [attr.aria-label]="
                    'Remove ' + passkey.name + (passkey.added ? ', added ' + passkey.added : '')
                  "
                  (click)="confirmRemove(passkey)"
                >
                  Remove
                </ion-button>
              </li>
            }
          </ul>
        }
        @if (here) {
          <ion-button [disabled]="!!settings.work()" (click)="settings.add()">
            @if (settings.work() === 'adding') {
              <ion-spinner name="crescent" aria-hidden="true" />
              Waiting for your device…
            } @else {
              Add a passkey
            }
          </ion-button>
        } @else {
          <p class="note warning" data-testid="passkeys-not-here">{{ notHere }}</p>
        }
      } @else if (settings.work() !== 'loading') {
        <ion-button fill="outline" (click)="settings.load()">Try again</ion-button>
      }
    </section>
  `,
  styles: `
    section {
      display: grid;
      gap: 1rem;
      justify-items: start;
    }
    section > * {
      margin: 0;
    }
    h2 {
      font-size: 1.25rem;
    }
    ul {
      justify-self: stretch;
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    li > span {
      display: grid;
      overflow-wrap: anywhere;
    }
    .added {
      font-size: 0.875rem;
    }
    ion-spinner {
      width: 1.1em;
      height: 1.1em;
      margin-inline-end: 0.5rem;
    }
  `,
})
export class PasskeysComponent {
  readonly settings = new PasskeySettings(inject(AMPLIFY_ACCOUNT));
  readonly here = inject(PASSKEYS_WORK_HERE);
  readonly notHere = PASSKEYS_NOT_HERE;
  private readonly alerts = inject(AlertController);

  /** Removing signs the passkey out of the account for good: asked first, as deleting a timer is. */
  async confirmRemove(passkey: Passkey): Promise<void> {
    const alert = await this.alerts.create({
      header: 'Remove passkey?',
      message:
        `“${passkey.name}”${passkey.added ? `, added ${passkey.added},` : ''} will no longer ` +
        'sign you in. This cannot be undone.',
      buttons: [
        { text: 'Cancel', role: 'cancel' },
        { text: 'Remove', role: 'destructive', cssClass: 'alert-button-danger' },
      ],
    });
    await alert.present();
    const { role } = await alert.onDidDismiss();
    if (role === 'destructive') await this.settings.remove(passkey);
  }
}
