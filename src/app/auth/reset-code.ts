import type { AmplifyStepsApi } from './amplify-steps';

/**
 * Has Cognito email a code to reset the password; resolves to where it went. An unknown user
 * resolves too, to nowhere named, as Cognito answers with prevent-user-existence-errors: the reset
 * pages must not tell who has an account.
 */
export async function sendResetCode(
  amplify: AmplifyStepsApi,
  username: string,
): Promise<string | undefined> {
  try {
    const out = await amplify.resetPassword({ username });
    return out.nextStep.codeDeliveryDetails.destination;
  } catch (e) {
    if ((e as { name?: string } | null)?.name !== 'UserNotFoundException') throw e;
    return undefined;
  }
}
