import { Component, inject } from '@angular/core';
import { CognitoAuthState } from 'ngx-cognito-gateway';

/** Behind cognitoAuthGuard: shown only where there is a session, i.e. only in the browser. */
@Component({
  selector: 'app-private-page',
  template: `<p class="private">private page of {{ auth.username() }}</p>`,
})
export class PrivatePage {
  readonly auth = inject(CognitoAuthState);
}
