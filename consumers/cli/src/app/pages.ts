import { Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { CognitoAuthState, safeReturnUrl } from 'ngx-cognito-gateway';

/** Behind cognitoAuthGuard. */
@Component({
  selector: 'app-private',
  template: `<p class="private">private page of {{ auth.username() }}</p>`,
})
export class PrivatePage {
  readonly auth = inject(CognitoAuthState);
}

@Component({
  selector: 'app-sign-in',
  template: `<p class="sign-in">sign in, then go to {{ target }}</p>`,
})
export class SignInPage {
  readonly target = safeReturnUrl(
    inject(ActivatedRoute).snapshot.queryParamMap.get('returnUrl'),
    '/tasks',
  );
}
