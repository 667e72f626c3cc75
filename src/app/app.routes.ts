import type { Routes } from '@angular/router';
import { cognitoAuthGuard } from 'ngx-cognito-gateway';
import { signedInGoesOn } from './auth/signed-in-redirect.guard';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'timers' },
  // Every sign-in step is its own lazy page; a signed-in user has nothing to do on any of them.
  {
    path: '',
    canActivateChild: [signedInGoesOn],
    children: [
      {
        path: 'sign-in',
        loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
      },
      {
        path: 'sign-in/new-password',
        loadComponent: () => import('./auth/new-password.page').then((m) => m.NewPasswordPage),
      },
      {
        path: 'sign-in/totp',
        loadComponent: () => import('./auth/totp-code.page').then((m) => m.TotpCodePage),
      },
      {
        path: 'sign-in/totp-setup',
        loadComponent: () => import('./auth/totp-setup.page').then((m) => m.TotpSetupPage),
      },
      {
        path: 'sign-up',
        loadComponent: () => import('./auth/sign-up.page').then((m) => m.SignUpPage),
      },
      {
        path: 'sign-up/confirm',
        loadComponent: () => import('./auth/confirm-sign-up.page').then((m) => m.ConfirmSignUpPage),
      },
      {
        path: 'forgot-password',
        loadComponent: () =>
          import('./auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
      },
      {
        path: 'forgot-password/confirm',
        loadComponent: () => import('./auth/reset-password.page').then((m) => m.ResetPasswordPage),
      },
    ],
  },
  {
    path: 'timers',
    canActivate: [cognitoAuthGuard],
    children: [
      {
        path: '',
        loadComponent: () => import('./timers/timer-list.page').then((m) => m.TimerListPage),
      },
      {
        path: 'new',
        loadComponent: () => import('./timers/timer-form.page').then((m) => m.TimerFormPage),
      },
      {
        path: ':id',
        loadComponent: () => import('./timers/timer-detail.page').then((m) => m.TimerDetailPage),
      },
      {
        path: ':id/edit',
        loadComponent: () => import('./timers/timer-form.page').then((m) => m.TimerFormPage),
      },
    ],
  },
  { path: '**', redirectTo: 'timers' },
];
