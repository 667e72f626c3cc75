import { Routes } from '@angular/router';
import { cognitoAuthGuard } from 'ngx-cognito-gateway';
import { PrivatePage, SignInPage } from './pages';
import { TasksPage } from './tasks-page';

export const routes: Routes = [
  { path: 'tasks', component: TasksPage },
  { path: 'client-tasks', component: TasksPage },
  { path: 'private', component: PrivatePage, canActivate: [cognitoAuthGuard] },
  { path: 'sign-in', component: SignInPage },
  { path: '', pathMatch: 'full', redirectTo: 'tasks' },
];
