import { inject } from '@angular/core';
import { AMPLIFY_STEPS } from './amplify-steps';
import { AuthService } from './auth.service';
import { challengeOf, type FirstFactor } from './first-factors';
import { SignInFlow, type NextSignInStep } from './sign-in-flow';

/**
 * Asks Cognito for the first factor chosen on the choice page; answers Amplify's next step. In the
 * session that made the offer while it waits (Amplify's confirmSignIn; for the password, the
 * choice and the password go together, as Cognito's SELECT_CHALLENGE answer allows), else in a
 * new sign-in that prefers the factor: Cognito answers each session once, so after a cancelled
 * passkey, a wrong password or the 3 minutes, the next choice starts again, without the person
 * typing the username again. Call where `inject` works (a field initializer).
 */
export function factorChoice(): (
  factor: FirstFactor,
  password?: string,
) => Promise<NextSignInStep> {
  const flow = inject(SignInFlow);
  const auth = inject(AuthService);
  const amplify = inject(AMPLIFY_STEPS);
  return async (factor, password = '') => {
    const choice = flow.choice();
    if (!choice) throw new Error('no first-factor choice is open in this tab');
    const challenge = challengeOf(factor, choice.offer);
    const waiting = choice.until > Date.now() ? choice.waiting : null;
    flow.spendChoice();
    if (waiting === 'SELECT_CHALLENGE') {
      const chosen = await amplify.confirmSignIn({ challengeResponse: challenge });
      // For a password Amplify answers this step itself, asking Cognito nothing yet.
      if (factor !== 'PASSWORD' || chosen.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_PASSWORD') {
        return chosen.nextStep;
      }
      return (await amplify.confirmSignIn({ challengeResponse: password })).nextStep;
    }
    if (waiting === 'PASSWORD' && factor === 'PASSWORD') {
      return (await amplify.confirmSignIn({ challengeResponse: password })).nextStep;
    }
    return auth.startChoice(
      flow.username(),
      challenge,
      factor === 'PASSWORD' ? password : undefined,
    );
  };
}
