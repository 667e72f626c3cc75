import type { Routes } from '@angular/router';
import { cognitoAuthGuard } from 'ngx-cognito-gateway';
import { signedInGoesOn } from './auth/signed-in-redirect.guard';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'timers' },
  {
    path: 'sign-in',
    canActivate: [signedInGoesOn],
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
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
