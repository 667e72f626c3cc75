import { Component, inject, signal } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { CognitoAuthState } from 'ngx-cognito-gateway';

@Component({
  imports: [RouterOutlet],
  selector: 'app-root',
  template: `
    <h1>Hello, {{ title() }}</h1>
    <p class="auth">{{ auth.signedIn() ? 'signed in as ' + auth.username() : 'signed out' }}</p>
    <router-outlet />
  `,
})
export class App {
  protected readonly title = signal('consumer');
  protected readonly auth = inject(CognitoAuthState);
}
