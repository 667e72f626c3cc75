import type { Type } from '@angular/core';
import type { Route, Routes } from '@angular/router';
import { cognitoAuthGuard } from 'ngx-cognito-gateway';
import { signedInGoesOn } from './auth/signed-in-redirect.guard';

/** A route to one page, loaded when first visited: each page is a chunk of its own. */
function page(path: string, loadComponent: () => Promise<Type<unknown>>): Route {
  return { path, loadComponent };
}

const timerForm = () => import('./timers/timer-form.page').then((m) => m.TimerFormPage);

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'timers' },
  // Every sign-in step is its own lazy page; a signed-in user has nothing to do on any of them.
  {
    path: '',
    canActivateChild: [signedInGoesOn],
    children: [
      page('sign-in', () => import('./auth/sign-in.page').then((m) => m.SignInPage)),
      page('sign-in/choose', () =>
        import('./auth/sign-in-choice.page').then((m) => m.SignInChoicePage),
      ),
      page('sign-in/email-code', () =>
        import('./auth/email-code.page').then((m) => m.EmailCodePage),
      ),
      page('sign-in/new-password', () =>
        import('./auth/new-password.page').then((m) => m.NewPasswordPage),
      ),
      page('sign-in/totp', () => import('./auth/totp-code.page').then((m) => m.TotpCodePage)),
      page('sign-in/totp-setup', () =>
        import('./auth/totp-setup.page').then((m) => m.TotpSetupPage),
      ),
      page('sign-up', () => import('./auth/sign-up.page').then((m) => m.SignUpPage)),
      page('sign-up/confirm', () =>
        import('./auth/confirm-sign-up.page').then((m) => m.ConfirmSignUpPage),
      ),
      page('forgot-password', () =>
        import('./auth/forgot-password.page').then((m) => m.ForgotPasswordPage),
      ),
      page('forgot-password/confirm', () =>
        import('./auth/reset-password.page').then((m) => m.ResetPasswordPage),
      ),
    ],
  },
  {
    path: 'timers',
    canActivate: [cognitoAuthGuard],
    children: [
      page('', () => import('./timers/timer-list.page').then((m) => m.TimerListPage)),
      page('new', timerForm),
      page(':id', () => import('./timers/timer-detail.page').then((m) => m.TimerDetailPage)),
      page(':id/edit', timerForm),
    ],
  },
  {
    path: 'account',
    canActivate: [cognitoAuthGuard],
    loadComponent: () => import('./account/account.page').then((m) => m.AccountPage),
  },
  { path: '**', redirectTo: 'timers' },
];
