/** An error the engine answers as JSON `{ error }` with its status; anything else is a 500. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Sent as `error_type`, for clients that act on the kind of failure. */
    readonly type?: string,
  ) {
    super(message);
  }
}
