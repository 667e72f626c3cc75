import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { CognitoAuthState } from 'ngx-cognito-gateway';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: `
    <p class="auth">
      {{ auth.signedIn() ? 'signed in as ' + auth.username() : 'signed out' }}
    </p>
    <router-outlet />
  `,
})
export class App {
  readonly auth = inject(CognitoAuthState);
}
