import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { AuthService } from './auth.service';

@Component({
  selector: 'app-sign-out-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonButton],
  template: `<ion-button (click)="signOut()">Sign out</ion-button>`,
})
export class SignOutButtonComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl('/sign-in');
  }
}
