/** What a command produced; main.ts writes it out and sets the exit code. */
export interface CommandResult {
  readonly stdout: string | Uint8Array;
  readonly stderr?: string;
  readonly exitCode: number;
}
