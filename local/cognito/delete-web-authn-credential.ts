// DeleteWebAuthnCredential: removes one of the signed-in user's passkeys, as AWS documents it.
// Request: AccessToken, CredentialId. Response: {}. A CredentialId the user does not have is a
// ResourceNotFoundException. A removed passkey no longer signs in (it is no longer offered, and an
// assertion by it is refused).
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
import { signedIn } from './access-token.ts';
import {
  required,
  resourceNotFound,
  type Services,
  type Target,
  type TargetTable,
} from './internals.ts';
import { passkeysOf, withPasskeys } from './passkeys.ts';
import { serialized } from './serialized.ts';
import { addTarget } from './target-table.ts';

export const TARGET = 'DeleteWebAuthnCredential';

function remove(services: Services): Target {
  return async (ctx, req) => {
    const { user, pool } = await signedIn(services, ctx, req?.['AccessToken']);
    const id = required(req?.['CredentialId'], 'CredentialId');
    return serialized(pool.options.Id, async () => {
      const latest = (await pool.getUserByUsername(ctx, user.Username)) ?? user;
      const passkeys = passkeysOf(latest);
      if (!passkeys.some((p) => p.CredentialId === id)) {
        throw resourceNotFound('The passkey was not found.');
      }
      await pool.saveUser(
        ctx,
        withPasskeys(
          latest,
          passkeys.filter((p) => p.CredentialId !== id),
        ),
      );
      return {};
    });
  };
}

export function registerDeleteWebAuthnCredential(targets: TargetTable): void {
  addTarget(targets, TARGET, remove);
}
