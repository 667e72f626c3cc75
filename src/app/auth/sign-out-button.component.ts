import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { AuthService } from './auth.service';

@Component({
  selector: 'app-sign-out-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonButton],
  template: `<ion-button [fill]="fill()" (click)="signOut()">Sign out</ion-button>`,
})
export class SignOutButtonComponent {
  /** Ionic's fill: its default in a toolbar (clear), `outline` on a page. */
  readonly fill = input<'clear' | 'outline' | 'solid' | undefined>(undefined);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl('/sign-in');
  }
}
