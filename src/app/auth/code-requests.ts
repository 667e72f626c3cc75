import type { AmplifyStepsApi } from './amplify-steps';

/**
 * Whether Cognito refused a code request in a way that tells if the account exists: an unknown
 * user (UserNotFoundException, where the app client does not prevent user existence errors), an
 * account already confirmed, or one without a verified address (InvalidParameterException). The
 * pages answer these exactly as a sent code, so that no answer tells who has an account
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
 */
function tellsWhoExists(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return (
    name === 'UserNotFoundException' ||
    (name === 'InvalidParameterException' &&
      /already confirmed|verified|registered/i.test(String(message)))
  );
}

async function hidingWhoExists(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (e) {
    if (!tellsWhoExists(e)) throw e;
  }
}

/** Has Cognito email a code to reset the password; resolves alike whether the account exists. */
export function sendResetCode(amplify: AmplifyStepsApi, username: string): Promise<void> {
  return hidingWhoExists(amplify.resetPassword({ username }));
}

/** Has Cognito email a new sign-up code; resolves alike whether the account waits for one. */
export function resendSignUpCode(amplify: AmplifyStepsApi, username: string): Promise<void> {
  return hidingWhoExists(amplify.resendSignUpCode({ username }));
}
