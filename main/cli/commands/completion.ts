import { LanyardError } from '../../../app/errors';
import { complete } from '../completion/complete';
import { completionScripts, shells, type Shell } from '../completion/scripts';
import type { RegisterCommand } from '../context';
import { examples } from '../shared/examples';

export const registerCompletion: RegisterCommand = (program, ctx, services) => {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', shells.join(', '))
    .addHelpText(
      'after',
      examples('lanyard completion bash', 'lanyard completion zsh', 'lanyard completion fish'),
    )
    .action((shell: string) => {
      if (!(shells as readonly string[]).includes(shell))
        throw new LanyardError('BAD_INPUT', `No completion for "${shell}": choose ${shells.join(', ')}.`);
      ctx.stdout.write(completionScripts[shell as Shell]);
    });
  // What the scripts call back: candidates for the last word, one per line, from the cache only.
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .action(async (words: string[]) => {
      const found = await complete(program, ctx, services, words.length ? words : ['']);
      if (found.length) ctx.stdout.write(`${found.join('\n')}\n`);
    });
};
