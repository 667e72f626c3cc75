import { IonButton } from '@ionic/angular/ion-button';
import { IonButtons } from '@ionic/angular/ion-buttons';
import { IonContent } from '@ionic/angular/ion-content';
import { IonHeader } from '@ionic/angular/ion-header';
import { IonTitle } from '@ionic/angular/ion-title';
import { IonToolbar } from '@ionic/angular/ion-toolbar';
import { ErrorBannerComponent } from './error-banner.component';

/**
 * What every timer page is built of: Ionic's header bar with its title and buttons, the content
 * area, and the error banner. A page lists only what it adds.
 */
export const PAGE_PARTS = [
  IonHeader,
  IonToolbar,
  IonTitle,
  IonButtons,
  IonButton,
  IonContent,
  ErrorBannerComponent,
] as const;
