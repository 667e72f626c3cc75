import { Component, computed, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import {
  CognitoAuthConfigError,
  CognitoAuthState,
  safeReturnUrl,
  urlMatchesAllowlist,
  type CognitoAccessTokenClaims,
} from 'ngx-cognito-gateway';

@Component({
  selector: 'app-root',
  standalone: false,
  template: `<p class="auth">{{ auth.signedIn() ? auth.username() : 'signed out' }}</p>
    <router-outlet />`,
})
export class AppComponent {
  readonly auth = inject(CognitoAuthState);
}

@Component({
  selector: 'app-account',
  standalone: false,
  template: `<p>{{ groups().join(', ') }} {{ expires() }}</p>`,
})
export class AccountPage {
  private readonly claims = inject(CognitoAuthState).claims;
  readonly groups = computed(() => this.claims()?.['cognito:groups'] ?? []);
  readonly expires = computed((): number | undefined => expiryOf(this.claims()));
}

@Component({
  selector: 'app-sign-in',
  standalone: false,
  template: `<p>sign in, then go to {{ target }}</p>`,
})
export class SignInPage {
  readonly target = safeReturnUrl(
    inject(ActivatedRoute).snapshot.queryParamMap.get('returnUrl'),
    '/account',
  );
  readonly apiAllowed = urlMatchesAllowlist('https://api.example.com/v1/x', [
    'https://api.example.com/v1',
  ]);
}

/** Typed use of the public types: the claims' `exp`, and the config error's fields. */
function expiryOf(claims: CognitoAccessTokenClaims | null): number | undefined {
  const error = new CognitoAuthConfigError('x', 'token', 'refresh');
  return error.option === 'token' ? claims?.exp : undefined;
}
