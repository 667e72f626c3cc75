// The JSON work behind the shell scripts, so they need no jq:
//   overrides <params.json>            one Key=Value per line for `deploy --parameter-overrides`
//   stack-name <params.json>           ${App}-${Env}-${Name}
//   config-from-outputs <outputs.json> <out>   demo app config from `describe-stacks` outputs
//   config-from-env <out>              demo app config from Amplify environment variables
//   parameter <params.json> <key>      one parameter's value (a parameters file, or the
//                                      `describe-stacks` Parameters of a deployed stack)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadParameters } from '../cfn-lib/cfn-yaml.ts';
import {
  configFromEnvironment,
  configFromOutputs,
  serializeConfig,
  type StackOutput,
} from './runtime-config.ts';
import { parameterOverrides, stackName } from './stack-parameters.ts';
import { exitOnError } from './exit-on-error.ts';

function write(out: string, text: string): void {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}

const [command, first, second] = process.argv.slice(2);
exitOnError(() => {
  switch (command) {
    case 'overrides':
      process.stdout.write(`${parameterOverrides(loadParameters(first!)).join('\n')}\n`);
      break;
    case 'stack-name':
      process.stdout.write(`${stackName(loadParameters(first!))}\n`);
      break;
    case 'config-from-outputs': {
      const outputs = (JSON.parse(readFileSync(first!, 'utf8')) as StackOutput[] | null) ?? [];
      for (const { OutputKey, OutputValue } of outputs) {
        process.stdout.write(`${OutputKey.padEnd(12)} ${OutputValue}\n`);
      }
      write(second!, serializeConfig(configFromOutputs(outputs)));
      break;
    }
    case 'config-from-env':
      write(first!, serializeConfig(configFromEnvironment(process.env)));
      break;
    case 'parameter': {
      const found = loadParameters(first!).find((p) => p.ParameterKey === second);
      if (!found) throw new Error(`${first} has no parameter ${second}`);
      process.stdout.write(`${found.ParameterValue}\n`);
      break;
    }
    default:
      throw new Error(`unknown command "${command}"`);
  }
});
