import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AlertController } from '@ionic/angular/alert-controller';
import { IonBackButton } from '@ionic/angular/ion-back-button';
import { IonSkeletonText } from '@ionic/angular/ion-skeleton-text';
import { TimerClient, type Task } from 'ngx-cognito-gateway/timer';
import { firstValueFrom } from 'rxjs';
import { displayDateTime, displayTime, formatDays, hasEnded, timeZone } from './format';
import { Notify } from './notify';
import { PageLoad } from './page-load';
import { PAGE_PARTS } from './page-parts';
import { SavedTask } from './saved-task';

@Component({
  selector: 'app-timer-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...PAGE_PARTS, RouterLink, IonBackButton, IonSkeletonText],
  templateUrl: './timer-detail.page.html',
  styles: `
    dl {
      margin: 0;
    }
    dt {
      font-size: 0.875rem;
      color: var(--ion-color-step-650, var(--ion-text-color-step-350, #595959));
      margin-top: 1rem;
    }
    dd {
      margin: 0.25rem 0 0;
      font-size: 1.05rem;
      overflow-wrap: anywhere;
    }
    .pre {
      white-space: pre-wrap;
    }
    .zone {
      font-size: 0.875rem;
    }
    .ended {
      margin: 1rem 1rem 0;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--ion-color-medium);
      background: var(--ion-color-step-50, var(--ion-background-color-step-50, #f2f2f2));
    }
  `,
})
export class TimerDetailPage {
  private readonly client = inject(TimerClient);
  private readonly router = inject(Router);
  private readonly alerts = inject(AlertController);
  private readonly notify = inject(Notify);
  private readonly saved = inject(SavedTask);
  readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  readonly zone = timeZone();
  /** A timer just saved is handed over by the form: shown as it came back, not fetched again. */
  readonly data = new PageLoad<Task>(() => this.saved.recall(this.id) ?? this.client.get(this.id));

  ionViewWillEnter(): void {
    this.data.viewWillEnter();
  }

  time(t: Task): string {
    return displayTime(t.hour, t.minute);
  }

  /** The end in the device's own time zone and locale; the stored value keeps its own offset. */
  until(t: Task): string {
    return displayDateTime(t.executeUntil ?? '');
  }

  ended(t: Task): boolean {
    return hasEnded(t.executeUntil);
  }

  days(t: Task): string {
    return formatDays(t.daysOfWeek);
  }

  async confirmDelete(): Promise<void> {
    const alert = await this.alerts.create({
      header: 'Delete timer?',
      message: `“${this.data.value()?.name}” will be deleted. This cannot be undone.`,
      buttons: [
        { text: 'Cancel', role: 'cancel' },
        { text: 'Delete', role: 'destructive', cssClass: 'alert-button-danger' },
      ],
    });
    await alert.present();
    const { role } = await alert.onDidDismiss();
    if (role === 'destructive') await this.remove();
  }

  async remove(): Promise<void> {
    await this.data.run(async () => {
      // Only the version shown: a timer changed elsewhere meanwhile is not deleted unseen.
      await firstValueFrom(this.client.delete(this.id, this.data.value() ?? undefined));
      await this.router.navigateByUrl('/timers', { replaceUrl: true });
      void this.notify.done('Timer deleted');
    });
  }
}
