import { Routes } from '@angular/router';
import { TasksPage } from './tasks-page';

export const routes: Routes = [
  { path: 'tasks', component: TasksPage },
  { path: '', pathMatch: 'full', redirectTo: 'tasks' },
];
