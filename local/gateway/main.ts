// `npm run gateway -- --port N --issuer URL --audience ID[,ID] --upstream URL --allowed-origins CSV
//  [--scopes CSV] [--template FILE] [--parameters FILE] [--jwks-max-age SECONDS]
//  [--lambda-env KEY=VALUE ...] [--access-log FILE]`
import { existsSync } from 'node:fs';
import { fileAccessLog } from './access-log.ts';
import { parseGatewayArgs, USAGE } from './args.ts';
import { LOCAL_PARAMETERS_FILE, TEMPLATE_FILE, CORS_LAMBDA_FILE } from '../../tools/paths.ts';
import { startGateway } from './server.ts';
import { loadGatewayConfig } from './template.ts';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const args = parseGatewayArgs(argv, {
    template: TEMPLATE_FILE,
    parameters: LOCAL_PARAMETERS_FILE,
  });
  if (!existsSync(CORS_LAMBDA_FILE)) {
    throw new Error(`${CORS_LAMBDA_FILE} is missing: run npm run build:lambda first`);
  }
  const config = loadGatewayConfig(args.template, args.parameters, args);
  const gateway = await startGateway({
    config,
    port: args.port,
    lambdaFile: CORS_LAMBDA_FILE,
    jwksMaxAgeSeconds: args.jwksMaxAgeSeconds,
    ...(args.accessLog ? { accessLog: fileAccessLog(args.accessLog) } : {}),
  });
  console.log(`listening on ${gateway.url}`);
  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `gateway: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  process.exit(1);
});
