/**
 * Shell completion scripts. Each asks `lanyard __complete -- WORDS…` (the words after `lanyard`,
 * the last one being the word under the cursor) and offers the lines it prints, so the rules live
 * in one place (complete.ts) and the scripts stay a few lines of each shell.
 */
export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

const bash = `# lanyard completion for bash: eval "$(lanyard completion bash)" in ~/.bashrc
_lanyard() {
  local IFS=$'\\n'
  COMPREPLY=($(lanyard __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _lanyard lanyard
`;

const zsh = `#compdef lanyard
# lanyard completion for zsh: eval "$(lanyard completion zsh)" in ~/.zshrc (after compinit)
_lanyard() {
  local out
  out="$(lanyard __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)"
  [[ -n $out ]] && compadd -Q -- "\${(@f)out}"
}
if (( $+functions[compdef] )); then compdef _lanyard lanyard; fi
`;

const fish = `# lanyard completion for fish: lanyard completion fish > ~/.config/fish/completions/lanyard.fish
complete -c lanyard -f -a '(lanyard __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`;

export const completionScripts: Record<Shell, string> = { bash, zsh, fish };
