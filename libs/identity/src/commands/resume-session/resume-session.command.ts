/** Looks at the session of a cookie's token on a request; ends it when it may not go on. */
export class ResumeSessionCommand {
  constructor(readonly token: string) {}
}
