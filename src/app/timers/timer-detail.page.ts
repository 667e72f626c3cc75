import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AlertController } from '@ionic/angular/alert-controller';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonItem } from '@ionic/angular/ion-item';
import { IonLabel } from '@ionic/angular/ion-label';
import { IonList } from '@ionic/angular/ion-list';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { TimerClient, type Task } from 'ngx-cognito-gateway/timer';
import { firstValueFrom } from 'rxjs';
import { ErrorBannerComponent } from './error-banner.component';
import { describeError, type DescribedError } from './describe-error';
import { formatDays, formatTime } from './format';

@Component({
  selector: 'app-timer-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    IonHeader,
    IonToolbar,
    IonTitle,
    IonButtons,
    IonBackButton,
    IonButton,
    IonContent,
    IonList,
    IonItem,
    IonLabel,
    IonSkeletonText,
    ErrorBannerComponent,
  ],
  template: `
    <ion-header>
      <ion-toolbar color="primary">
        <ion-buttons slot="start"><ion-back-button defaultHref="/timers" /></ion-buttons>
        <ion-title>{{ task()?.name ?? 'Timer' }}</ion-title>
        @if (task()) {
          <ion-buttons slot="end">
            <ion-button [routerLink]="['/timers', id, 'edit']">Edit</ion-button>
            <ion-button color="danger" (click)="confirmDelete()">Delete</ion-button>
          </ion-buttons>
        }
      </ion-toolbar>
    </ion-header>
    <ion-content>
      <div class="page-width">
        @if (error(); as err) {
          <app-error-banner [error]="err" (retry)="load()" />
        }
        @if (task(); as t) {
          <ion-list aria-label="Timer details" data-testid="timer-detail">
            <ion-item>
              <ion-label
                ><p>Name</p>
                <h2>{{ t.name }}</h2></ion-label
              >
            </ion-item>
            @if (t.description) {
              <ion-item>
                <ion-label
                  ><p>Description</p>
                  <h2>{{ t.description }}</h2></ion-label
                >
              </ion-item>
            }
            <ion-item>
              <ion-label
                ><p>Runs at</p>
                <h2 data-testid="detail-time">{{ time(t) }}</h2></ion-label
              >
            </ion-item>
            <ion-item>
              <ion-label
                ><p>On</p>
                <h2>{{ days(t) }}</h2></ion-label
              >
            </ion-item>
            @if (t.executeUntil) {
              <ion-item>
                <ion-label
                  ><p>Until</p>
                  <h2 data-testid="detail-until">{{ until(t) }}</h2></ion-label
                >
              </ion-item>
            }
            <ion-item>
              <ion-label
                ><p>Command</p>
                <h2>
                  <code>{{ t.executionCommand }}</code>
                </h2></ion-label
              >
            </ion-item>
          </ion-list>
        } @else if (!error()) {
          <ion-skeleton-text [animated]="true" aria-label="Loading timer" style="height: 8rem" />
        }
      </div>
    </ion-content>
  `,
})
export class TimerDetailPage {
  private readonly client = inject(TimerClient);
  private readonly router = inject(Router);
  private readonly alerts = inject(AlertController);
  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  readonly task = signal<Task | null>(null);
  readonly error = signal<DescribedError | null>(null);

  constructor() {
    void this.load();
  }

  private entered = false;

  /** Ionic keeps pages alive in its stack: coming back (from a form, or after signing in again) reloads. */
  ionViewWillEnter(): void {
    if (this.entered) void this.load();
    this.entered = true;
  }

  async load(): Promise<void> {
    try {
      this.task.set(await firstValueFrom(this.client.get(this.id)));
      this.error.set(null);
    } catch (e) {
      this.error.set(describeError(e));
    }
  }

  time(t: Task): string {
    return formatTime(t.hour, t.minute);
  }

  /** The end in the device's own time zone and locale; the stored value keeps its own offset. */
  until(t: Task): string {
    const date = new Date(t.executeUntil ?? '');
    return Number.isNaN(date.getTime())
      ? (t.executeUntil ?? '')
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  days(t: Task): string {
    return formatDays(t.daysOfWeek);
  }

  async confirmDelete(): Promise<void> {
    const alert = await this.alerts.create({
      header: 'Delete timer?',
      message: `“${this.task()?.name}” will be deleted.`,
      buttons: [
        { text: 'Cancel', role: 'cancel' },
        { text: 'Delete', role: 'destructive' },
      ],
    });
    await alert.present();
    const { role } = await alert.onDidDismiss();
    if (role === 'destructive') await this.remove();
  }

  async remove(): Promise<void> {
    try {
      await firstValueFrom(this.client.delete(this.id));
      await this.router.navigateByUrl('/timers', { replaceUrl: true });
    } catch (e) {
      this.error.set(describeError(e));
    }
  }
}
