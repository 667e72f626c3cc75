// ListWebAuthnCredentials: the signed-in user's passkeys, as AWS documents it. Request:
// AccessToken, MaxResults (0 to 20), NextToken. Response: Credentials (CredentialId,
// FriendlyCredentialName, RelyingPartyId, AuthenticatorAttachment, AuthenticatorTransports,
// CreatedAt in epoch seconds) and NextToken while more follow.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
// NextToken here is the position of the next passkey; a token this action did not hand out is an
// InvalidParameterException.
import { signedIn } from './access-token.ts';
import { invalidParameter, type Services, type Target, type TargetTable } from './internals.ts';
import { describePasskey, MAX_PASSKEYS, passkeysOf } from './passkeys.ts';
import { addTarget } from './target-table.ts';

export const TARGET = 'ListWebAuthnCredentials';

function position(token: unknown): number {
  if (token === undefined) return 0;
  const match = typeof token === 'string' ? /^p([0-9]{1,3})$/.exec(token) : null;
  if (!match) throw invalidParameter('Invalid NextToken');
  return Number(match[1]);
}

function list(services: Services): Target {
  return async (ctx, req) => {
    const { user } = await signedIn(services, ctx, req?.['AccessToken']);
    const max = req?.['MaxResults'] ?? MAX_PASSKEYS;
    if (!Number.isInteger(max) || (max as number) < 0 || (max as number) > MAX_PASSKEYS) {
      throw invalidParameter(`MaxResults must be 0 to ${MAX_PASSKEYS}`);
    }
    const from = position(req?.['NextToken']);
    const passkeys = passkeysOf(user);
    const page = passkeys.slice(from, from + (max as number));
    const next = from + page.length;
    return {
      Credentials: page.map(describePasskey),
      ...(page.length > 0 && next < passkeys.length ? { NextToken: `p${next}` } : {}),
    };
  };
}

export function registerListWebAuthnCredentials(targets: TargetTable): void {
  addTarget(targets, TARGET, list);
}
