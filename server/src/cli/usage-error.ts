/** A problem with how the command was called or what it was given: exit 2 with one line. */
export class UsageError extends Error {}
