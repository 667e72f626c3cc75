import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { SignOutButtonComponent } from './sign-out-button.component';
import { SignedInUser } from './signed-in-user';

/**
 * A toolbar row that says who is signed in, with the account page and Sign out beside it: the
 * second row of a page's header.
 *
 * @example
 * <ion-header><ion-toolbar>…</ion-toolbar><app-signed-in-bar /></ion-header>
 */
@Component({
  selector: 'app-signed-in-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonToolbar, IonButtons, IonButton, RouterLink, SignOutButtonComponent],
  template: `
    <ion-toolbar class="signed-in">
      <p class="who" data-testid="signed-in-as">
        Signed in
        @if (user.email(); as email) {
          as <strong>{{ email }}</strong>
        }
      </p>
      <ion-buttons slot="end">
        <ion-button routerLink="/account">Account</ion-button>
        <app-sign-out-button />
      </ion-buttons>
    </ion-toolbar>
  `,
  styles: `
    .who {
      margin: 0;
      padding-inline: 12px;
      font-size: 0.875rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class SignedInBarComponent {
  readonly user = inject(SignedInUser);
}
