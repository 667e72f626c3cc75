import { loadRuntimeConfig, parseRuntimeConfig, RuntimeConfigError } from './runtime-config';

const valid = {
  apiUrl: 'https://abc.execute-api.us-east-1.amazonaws.com/',
  region: 'us-east-1',
  userPoolId: 'us-east-1_abc',
  userPoolClientId: 'client',
  authFlow: 'USER_SRP_AUTH',
};

describe('parseRuntimeConfig', () => {
  it('accepts an AWS config and trims the trailing slash of apiUrl', () => {
    const config = parseRuntimeConfig(valid);
    expect(config.apiUrl).toBe('https://abc.execute-api.us-east-1.amazonaws.com');
    expect(config.cognitoEndpoint).toBeUndefined();
    expect(config.authFlow).toBe('USER_SRP_AUTH');
    expect(config.choiceBasedSignIn).toBeFalse();
  });

  it('reads choice-based sign-in when set', () => {
    expect(parseRuntimeConfig({ ...valid, choiceBasedSignIn: true }).choiceBasedSignIn).toBeTrue();
    expect(
      parseRuntimeConfig({ ...valid, choiceBasedSignIn: false }).choiceBasedSignIn,
    ).toBeFalse();
  });

  it('keeps a cognito-local endpoint and defaults the flow to SRP', () => {
    const config = parseRuntimeConfig({
      ...valid,
      authFlow: undefined,
      cognitoEndpoint: 'http://127.0.0.1:9229',
    });
    expect(config.cognitoEndpoint).toBe('http://127.0.0.1:9229');
    expect(config.authFlow).toBe('USER_SRP_AUTH');
  });

  it('names every problem at once', () => {
    try {
      parseRuntimeConfig({
        apiUrl: 'ftp://x',
        authFlow: 'PLAIN',
        cognitoEndpoint: 'nope',
        choiceBasedSignIn: 'yes',
      });
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeConfigError);
      expect((e as RuntimeConfigError).problems).toEqual([
        'apiUrl must be an http(s) URL',
        'region is required',
        'userPoolId is required',
        'userPoolClientId is required',
        'cognitoEndpoint must be an http(s) URL when set',
        'authFlow must be USER_PASSWORD_AUTH or USER_SRP_AUTH',
        'choiceBasedSignIn must be true or false',
      ]);
    }
  });

  it('rejects non-objects and URLs with user info', () => {
    expect(() => parseRuntimeConfig([])).toThrowError(RuntimeConfigError);
    expect(() => parseRuntimeConfig(null)).toThrowError(RuntimeConfigError);
    expect(() =>
      parseRuntimeConfig({ ...valid, apiUrl: 'https://u@api.example.com' }),
    ).toThrowError(RuntimeConfigError);
  });
});

describe('loadRuntimeConfig', () => {
  const respond = (body: string, status = 200) =>
    (() => Promise.resolve(new Response(body, { status }))) as unknown as typeof fetch;

  it('fetches and validates', async () => {
    const config = await loadRuntimeConfig('/config.json', respond(JSON.stringify(valid)));
    expect(config.userPoolId).toBe('us-east-1_abc');
  });

  it('turns a missing file, bad JSON and a failed fetch into RuntimeConfigError', async () => {
    await expectAsync(loadRuntimeConfig('/c.json', respond('', 404))).toBeRejectedWithError(
      RuntimeConfigError,
      '/c.json answered HTTP 404',
    );
    await expectAsync(loadRuntimeConfig('/c.json', respond('{'))).toBeRejectedWithError(
      RuntimeConfigError,
      '/c.json is not valid JSON',
    );
    const offline = (() =>
      Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await expectAsync(loadRuntimeConfig('/c.json', offline)).toBeRejectedWithError(
      RuntimeConfigError,
    );
  });
});
