// The user pool's password policy for cognito-local 5.3.0, which stores a pool's
// Policies.PasswordPolicy but never checks a password against it: offline, "alllowercase" would
// be a fine password, and the same sign-up would fail on AWS.
//
// Behaviour as AWS documents it
// (https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html):
// - every action that sets a password checks it against the pool's policy: SignUp,
//   ConfirmForgotPassword, ChangePassword, RespondToAuthChallenge for NEW_PASSWORD_REQUIRED,
//   AdminSetUserPassword and AdminCreateUser's TemporaryPassword;
// - a pool created without a policy has Cognito's default one (8 characters, every class);
// - the symbols are ^ $ * . [ ] { } ( ) ? - " ! @ # % & / \ , > < ' : ; | _ ~ ` + = and a space
//   that is neither first nor last; letters are the basic Latin ones;
// - a refused password is 400 InvalidPasswordException, "Password did not conform with policy: "
//   and the rule that failed (API reference, e.g.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html).
// The check runs before the action itself, which then runs as it would without it.
import { createRequire } from 'node:module';
import {
  cognitoError,
  jwtClaims,
  type Ctx,
  type PasswordPolicy,
  type Services,
  type TargetFactory,
  type TargetTable,
  type UserPool,
} from './internals.ts';
import { wrapTarget } from './target-table.ts';

const require = createRequire(import.meta.url);

const { USER_POOL_AWS_DEFAULTS } = require('cognito-local/lib/services/cognitoService.js') as {
  USER_POOL_AWS_DEFAULTS: { Policies: { PasswordPolicy: PasswordPolicy } };
};

const SYMBOLS = new Set('^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+=');

/** The rule this policy finds broken, in AWS's words, or null when the password will do. */
export function passwordProblem(password: string, policy: PasswordPolicy): string | null {
  const inner = password.slice(1, -1);
  if ([...password].length < (policy.MinimumLength ?? 8)) return 'Password not long enough';
  if (policy.RequireLowercase && !/[a-z]/.test(password)) {
    return 'Password must have lowercase characters';
  }
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) {
    return 'Password must have uppercase characters';
  }
  if (policy.RequireNumbers && !/[0-9]/.test(password)) {
    return 'Password must have numeric characters';
  }
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c)) && !inner.includes(' ')) {
    return 'Password must have symbol characters';
  }
  return null;
}

/** Where each action carries the new password, and how it names its pool. */
const PASSWORD_OF: Record<string, (req: Record<string, unknown>) => unknown> = {
  SignUp: (req) => req['Password'],
  ConfirmForgotPassword: (req) => req['Password'],
  ChangePassword: (req) => req['ProposedPassword'],
  RespondToAuthChallenge: (req) =>
    req['ChallengeName'] === 'NEW_PASSWORD_REQUIRED'
      ? (req['ChallengeResponses'] as Record<string, unknown> | undefined)?.['NEW_PASSWORD']
      : undefined,
  AdminSetUserPassword: (req) => req['Password'],
  AdminCreateUser: (req) => req['TemporaryPassword'],
};

async function poolOf(
  services: Services,
  ctx: Ctx,
  req: Record<string, unknown>,
): Promise<UserPool | null> {
  if (typeof req['UserPoolId'] === 'string') {
    return services.cognito.getUserPool(ctx, req['UserPoolId']);
  }
  // ChangePassword names no client; its access token does (cognito-local reads it the same way).
  // An access token that is no JWT names no client: nothing to check; the action refuses it.
  const clientId =
    typeof req['AccessToken'] === 'string'
      ? jwtClaims(req['AccessToken'])?.['client_id']
      : req['ClientId'];
  return typeof clientId === 'string'
    ? services.cognito.getUserPoolForClientId(ctx, clientId)
    : null;
}

/** `original`, the new password in a request checked against the pool's policy first. */
function checked(
  original: TargetFactory,
  passwordOf: (req: Record<string, unknown>) => unknown,
): TargetFactory {
  return (services) => {
    const run = original(services);
    return async (ctx, req) => {
      const password = passwordOf(req ?? {});
      if (typeof password === 'string') {
        const pool = await poolOf(services, ctx, req);
        const policy =
          pool?.options.Policies?.PasswordPolicy ?? USER_POOL_AWS_DEFAULTS.Policies.PasswordPolicy;
        const problem = pool && passwordProblem(password, policy);
        if (problem) {
          throw cognitoError(
            'InvalidPasswordException',
            `Password did not conform with policy: ${problem}`,
          );
        }
      }
      return run(ctx, req);
    };
  };
}

/**
 * Makes every action that sets a password check it against the pool's policy first, whatever
 * answers that action when this runs (cognito-local, or an emulated action registered before).
 */
export function registerPasswordPolicy(targets: TargetTable): void {
  for (const [action, passwordOf] of Object.entries(PASSWORD_OF)) {
    wrapTarget(targets, action, (original) => checked(original, passwordOf), 'password policy');
  }
}
