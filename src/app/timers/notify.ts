import { inject, Injectable } from '@angular/core';
import { ToastController } from '@ionic/angular/toast-controller';

/** A short confirmation after an action, read out by screen readers (ion-toast is a live region). */
@Injectable({ providedIn: 'root' })
export class Notify {
  private readonly toasts = inject(ToastController);
  private shown: HTMLIonToastElement | undefined;

  /** Shows `message`, replacing the one still on screen: one confirmation at a time. */
  async done(message: string): Promise<void> {
    void this.shown?.dismiss();
    const toast = (this.shown = await this.toasts.create({
      message,
      duration: 2500,
      position: 'bottom',
    }));
    await toast.present();
  }
}
