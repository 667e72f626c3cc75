import { Routes } from '@angular/router';
import { cognitoAuthGuard } from 'ngx-cognito-gateway';
import { PrivatePage } from './private-page';
import { TasksPage } from './tasks-page';

export const routes: Routes = [
  { path: 'tasks', component: TasksPage },
  { path: 'private', component: PrivatePage, canActivate: [cognitoAuthGuard] },
  { path: '', pathMatch: 'full', redirectTo: 'tasks' },
];
