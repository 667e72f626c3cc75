import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { Router } from '@angular/router';
import { IonButton } from '@ionic/angular/ion-button';
import { IonCard } from '@ionic/angular/ion-card';
import { IonCardContent } from '@ionic/angular/ion-card-content';
import { IonSpinner } from '@ionic/angular/ion-spinner';
import type { DescribedError } from './describe-error';

/**
 * An error as a person needs it, with the one action that helps, showing when it is under way:
 * signing in again, going back to the list from a timer that no longer exists, or trying again.
 */
@Component({
  selector: 'app-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IonCard, IonCardContent, IonButton, IonSpinner],
  template: `
    <ion-card role="alert" data-testid="error-banner" [attr.data-kind]="error().kind">
      <ion-card-content>
        <p class="message">{{ error().message }}</p>
        @if (error().kind === 'unauthorized') {
          <ion-button size="small" (click)="signIn()">Sign in again</ion-button>
        } @else if (error().kind === 'not-found') {
          <ion-button size="small" fill="outline" (click)="toList()">Back to list</ion-button>
        } @else if (error().kind !== 'validation' && error().kind !== 'limit') {
          <ion-button
            size="small"
            fill="outline"
            [disabled]="busy()"
            [attr.aria-busy]="busy()"
            (click)="retry.emit()"
          >
            @if (busy()) {
              <ion-spinner name="crescent" aria-hidden="true" />
              {{ error().kind === 'changed' ? 'Reloading…' : 'Trying…' }}
            } @else {
              {{ error().kind === 'changed' ? 'Reload' : 'Try again' }}
            }
          </ion-button>
        }
      </ion-card-content>
    </ion-card>
  `,
  styles: `
    .message {
      color: var(--ion-text-color);
      font-size: 1rem;
      margin-bottom: 0.5rem;
    }
    ion-card {
      border-inline-start: 4px solid var(--ion-color-danger);
    }
    ion-spinner {
      width: 1em;
      height: 1em;
      margin-inline-end: 0.4rem;
    }
  `,
})
export class ErrorBannerComponent {
  private readonly router = inject(Router);
  readonly error = input.required<DescribedError>();
  /** True while the retry runs: the button says so and cannot be pressed twice. */
  readonly busy = input(false);
  readonly retry = output();

  signIn(): void {
    void this.router.navigate(['/sign-in'], { queryParams: { returnUrl: this.router.url } });
  }

  /** Trying again cannot bring a deleted timer back; the list shows what there is. */
  toList(): void {
    void this.router.navigateByUrl('/timers', { replaceUrl: true });
  }
}
