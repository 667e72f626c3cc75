import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { Router } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonCard } from '@ionic/angular/ion-card';
import { IonCardContent } from '@ionic/angular/ion-card-content';
import { IonText } from '@ionic/angular/ion-text';
import type { DescribedError } from './describe-error';

/** An error as a person needs it, with the one action that helps. */
@Component({
  selector: 'app-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonCard, IonCardContent, IonText, IonButton],
  template: `
    <ion-card color="light" role="alert" data-testid="error-banner" [attr.data-kind]="error().kind">
      <ion-card-content>
        <ion-text color="danger"
          ><p>{{ error().message }}</p></ion-text
        >
        @if (error().kind === 'unauthorized') {
          <ion-button size="small" (click)="signIn()">Sign in again</ion-button>
        } @else {
          <ion-button size="small" fill="outline" (click)="retry.emit()">Try again</ion-button>
        }
      </ion-card-content>
    </ion-card>
  `,
})
export class ErrorBannerComponent {
  private readonly router = inject(Router);
  readonly error = input.required<DescribedError>();
  readonly retry = output();

  signIn(): void {
    void this.router.navigate(['/sign-in'], { queryParams: { returnUrl: this.router.url } });
  }
}
